"""Schemathesis generates requests from the OpenAPI document: no input may cause a server error.

Runs as anonymous and with a staff bearer token (staff has MFA), against the database in use,
with a little reference data so lookups by code can succeed as well as fail.
"""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from palermo.accounts.tests.factories import UserFactory, give_totp
from palermo.accounts.tokens import issue_token
from palermo.reference.tests.factories import CountryFactory, RegionalGroupFactory

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def api_schema(db: Any) -> Any:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from palermo.wsgi import application

    # Schemathesis calls the real WSGI handler, whose request signals would close the test's
    # database connection in the middle of its transaction; Django's own test client
    # disconnects them the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    group = RegionalGroupFactory(code="weog", name="Western European and other States")
    CountryFactory(iso2="IT", iso3="ITA", numeric="380", name="Italy", regional_group=group)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(db: Any) -> str:
    staff = give_totp(UserFactory(email="fuzz-staff@example.org", is_staff=True))
    return issue_token(staff, "schemathesis")[1]


def test_no_server_error_for_any_generated_input(api_schema: Any, staff_token: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 1
    server_errors: list[str] = []

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def call_operation(case: Any) -> None:
            for headers in ({}, {"Authorization": f"Bearer {staff_token}"}):
                response = case.call(headers=headers)
                if response.status_code >= 500:
                    server_errors.append(
                        f"{case.method} {case.formatted_path} -> {response.status_code}"
                    )

        call_operation()
    assert sorted(set(server_errors)) == []
