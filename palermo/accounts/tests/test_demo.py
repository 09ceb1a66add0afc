"""Demo accounts: one per role, idempotent, and a request waiting in the demo admin's queue."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.test import Client

from palermo.accounts import access, selectors
from palermo.accounts.demo import DEMO_APPLICANT, DEMO_PASSWORD, DEMO_USERS, demo_role, load_demo
from palermo.accounts.models import User
from palermo.reference.models import Country
from palermo.reference.tests.factories import CountryFactory


def _countries() -> None:
    if not Country.objects.filter(iso3="ITA").exists():
        CountryFactory(iso2="IT", iso3="ITA", numeric="380", name="Italy")
    if not Country.objects.filter(iso3="BRA").exists():
        CountryFactory(iso2="BR", iso3="BRA", numeric="076", name="Brazil")


def test_demo_accounts_for_every_role_load_twice_without_change(db):
    _countries()
    lines: list[str] = []
    load_demo(lines.append)
    load_demo(lines.append)
    assert User.objects.count() == len(DEMO_USERS) + 1
    assert "sign-in code 000000" in lines[-1]
    for email, _name, _membership, _flags in DEMO_USERS:
        user = User.objects.get(email=email)
        assert access.role_names(user) == [demo_role(email)]
        has_totp = Authenticator.objects.filter(user=user, type="totp").exists()
        assert has_totp == (demo_role(email) != "practitioner")
    adam = User.objects.get(email="adam@demo.palermo.test")
    queue = list(selectors.verification_queue(adam))
    assert [v.user.email for v in queue] == [DEMO_APPLICANT[0]]


def test_demo_practitioner_signs_in_with_the_documented_password(db):
    _countries()
    load_demo(lambda line: None)
    client = Client()
    response = client.post(
        "/en/accounts/login/",
        {"login": "practitioner@demo.palermo.test", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200
