"""Named personas shared by every app's tests (STYLE.md: tests that read like the product).

anon · practitioner · alice (caseworker, authority A) · bob (caseworker, authority B) ·
sam (supervisor, A) · adam (authority admin, A) · fiona (focal point, State X) ·
eddie (editor) · staff. Authority A is in State X, authority B in State Y.
Roles above practitioner have an authenticator app, as MFA requires.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from palermo.accounts.models import Membership, Organisation, User
from palermo.accounts.tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    give_totp,
    verify,
)
from palermo.reference.models import Country
from palermo.reference.tests.factories import CountryFactory, RegionalGroupFactory

PERSONA_NAMES = ["anon", "practitioner", "alice", "bob", "sam", "adam", "fiona", "eddie", "staff"]


@dataclass
class World:
    state_x: Country
    state_y: Country
    authority_a: Organisation
    authority_b: Organisation
    users: dict[str, User | None] = field(default_factory=dict)

    def client(self, persona: str) -> Client:
        client = Client()
        user = self.users.get(persona)
        if user is not None:
            client.force_login(user)
        return client


def build_world() -> World:
    weog = RegionalGroupFactory(code="weog", name="Western European and other States")
    grulac = RegionalGroupFactory(code="grulac", name="Latin American and Caribbean States")
    state_x = CountryFactory(
        iso2="XA", iso3="XAA", numeric="901", name="Xandria", regional_group=weog
    )
    state_y = CountryFactory(
        iso2="YB", iso3="YBB", numeric="902", name="Yberia", regional_group=grulac
    )
    authority_a = OrganisationFactory(name="Central Authority A", country=state_x)
    authority_b = OrganisationFactory(name="Central Authority B", country=state_y)

    def member(email: str, name: str, org: Organisation, role: str) -> User:
        user = UserFactory(email=email, full_name=name)
        MembershipFactory(user=user, organisation=org, role=role)
        return give_totp(user)

    fiona = UserFactory(email="fiona@example.org", full_name="Fiona Focal")
    FocalPointFactory(user=fiona, country=state_x)
    give_totp(fiona)
    users: dict[str, User | None] = {
        "anon": None,
        "practitioner": verify(UserFactory(email="pat@example.org", full_name="Pat Practitioner")),
        "alice": member(
            "alice@example.org", "Alice Caseworker", authority_a, Membership.Role.CASEWORKER
        ),
        "bob": member("bob@example.org", "Bob Caseworker", authority_b, Membership.Role.CASEWORKER),
        "sam": member("sam@example.org", "Sam Supervisor", authority_a, Membership.Role.SUPERVISOR),
        "adam": member(
            "adam@example.org", "Adam Admin", authority_a, Membership.Role.AUTHORITY_ADMIN
        ),
        "fiona": fiona,
        "eddie": give_totp(
            UserFactory(email="eddie@example.org", full_name="Eddie Editor", is_editor=True)
        ),
        "staff": give_totp(
            UserFactory(email="staff@example.org", full_name="Stella Staff", is_staff=True)
        ),
    }
    return World(state_x, state_y, authority_a, authority_b, users)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """The local-memory cache lives as long as the test process: rate-limit counters and cached
    statistics of one test must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.AXES_ENABLED = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against
# pytest-django's live server. Playwright runs an event loop in this thread, so Django's
# async-safety guard would refuse the test's own database calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("PALERMO_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # Browser tests use the live server, which needs real transactions.
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.django_db(transaction=True))
