"""Fixtures of the reference app's tests: the real reference data, loaded from the real files.

Loading every file takes a second or two, so modules that only read the data share one load
(`reference_data`: loaded once per module outside the tests' transactions, removed at the end
of the module). Tests of the loader itself start from an empty database instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from palermo.core.models import AuditEvent
from palermo.reference.loading import load_reference
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    ReferenceFile,
    RegionalGroup,
)


def remove_reference_data() -> None:
    for model in (Participation, Article, Country, CrimeType, CrossCuttingIssue, RegionalGroup):
        model.objects.all().delete()
        model.history.all().delete()  # type: ignore[attr-defined]
    Instrument.objects.exclude(parent=None).delete()
    Instrument.objects.all().delete()
    Instrument.history.all().delete()  # type: ignore[attr-defined]
    ReferenceFile.objects.all().delete()
    AuditEvent.objects.filter(action="reference.file_loaded").delete()


@pytest.fixture(scope="module")
def _reference_data_for_module(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        load_reference(None)
    yield
    with django_db_blocker.unblock():
        remove_reference_data()


@pytest.fixture
def reference_data(_reference_data_for_module: None, db: Any) -> None:
    """Every shipped reference-data file loaded into the test database."""


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """The personas' passwords need no strength here; argon2 would dominate these tests' time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
