"""Demo organisations and one user for each role, for `palermo demo` (demo mode only).

The authorities are fictional offices placed in real States. Other apps' demo data hang off
these constants: cases and requests belong to DEMO_AUTHORITY_A, the focal point keeps
DEMO_FOCAL_STATE's entries. Passwords are documented in docs/users.md and on the sign-in page
of a demo instance; second-factor codes are bypassed there with 000000.
"""

from __future__ import annotations

from collections.abc import Callable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from palermo.accounts.models import (
    FocalPoint,
    Membership,
    Organisation,
    User,
    VerificationRequest,
)
from palermo.reference.models import Country

DEMO_PASSWORD = "palermo-demo-2026"  # noqa: S105 (documented demo password, demo mode only)
DEMO_TOTP_SECRET = "PALERMODEMOPALERMODEMOPALERMODEM"  # noqa: S105
DEMO_STATE_A = "ITA"  # requesting-side authority of the demo caseworkers
DEMO_STATE_B = "BRA"
DEMO_FOCAL_STATE = "ITA"
DEMO_AUTHORITY_A = "Office for International Judicial Cooperation (demo)"
DEMO_AUTHORITY_B = "Department of Asset Recovery and International Cooperation (demo)"

# email, full name, (authority, role) or None, extra flags
DEMO_USERS: list[tuple[str, str, tuple[str, str] | None, dict[str, bool]]] = [
    ("practitioner@demo.palermo.test", "Paula Practitioner", None, {"verified": True}),
    ("alice@demo.palermo.test", "Alice Caseworker", ("A", Membership.Role.CASEWORKER), {}),
    ("bob@demo.palermo.test", "Bob Caseworker", ("B", Membership.Role.CASEWORKER), {}),
    ("sam@demo.palermo.test", "Sam Supervisor", ("A", Membership.Role.SUPERVISOR), {}),
    ("adam@demo.palermo.test", "Adam Admin", ("A", Membership.Role.AUTHORITY_ADMIN), {}),
    ("fiona@demo.palermo.test", "Fiona Focal Point", None, {"focal_point": True}),
    ("eddie@demo.palermo.test", "Eddie Editor", None, {"is_editor": True}),
    ("staff@demo.palermo.test", "Stella Staff", None, {"is_staff": True, "is_superuser": True}),
]


# Someone who signed up and asked to be verified, so that the verification queue of the demo
# authority admin (Adam, authority A) has a request to decide.
DEMO_APPLICANT = ("nadia.applicant@demo.palermo.test", "Nadia Applicant")


def demo_role(email: str) -> str:
    """The role a demo account shows, as a key of accounts.selectors.ROLE_LABELS."""
    for demo_email, _name, membership, flags in DEMO_USERS:
        if demo_email == email:
            if membership is not None:
                return str(membership[1])
            if flags.get("focal_point"):
                return "focal_point"
            if flags.get("is_editor"):
                return "editor"
            if flags.get("is_staff"):
                return "staff"
            return "practitioner"
    return ""


def demo_authority(which: str) -> Organisation:
    """DEMO_AUTHORITY_A or _B, as loaded by load_demo."""
    name = DEMO_AUTHORITY_A if which == "A" else DEMO_AUTHORITY_B
    return Organisation.objects.get(name=name)


@transaction.atomic
def load_demo(log: Callable[[str], None]) -> None:
    state_a = Country.objects.get(iso3=DEMO_STATE_A)
    state_b = Country.objects.get(iso3=DEMO_STATE_B)
    orgs = {
        "A": Organisation.objects.get_or_create(
            name=DEMO_AUTHORITY_A,
            defaults={
                "country": state_a,
                "kind": Organisation.Kind.CENTRAL_AUTHORITY,
                "short_name": "OIJC",
            },
        )[0],
        "B": Organisation.objects.get_or_create(
            name=DEMO_AUTHORITY_B,
            defaults={
                "country": state_b,
                "kind": Organisation.Kind.CENTRAL_AUTHORITY,
                "short_name": "DARIC",
            },
        )[0],
    }
    for email, full_name, membership, flags in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "is_editor": flags.get("is_editor", False),
                "is_staff": flags.get("is_staff", False),
                "is_superuser": flags.get("is_superuser", False),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if flags.get("verified"):
                user.verified_at = timezone.now()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if membership is not None:
            Membership.objects.get_or_create(
                user=user, organisation=orgs[membership[0]], defaults={"role": membership[1]}
            )
        if flags.get("focal_point"):
            FocalPoint.objects.get_or_create(
                user=user, country=Country.objects.get(iso3=DEMO_FOCAL_STATE)
            )
        if (
            email != "practitioner@demo.palermo.test"
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
    _load_demo_applicant(state_a)
    log(f"demo users: {len(DEMO_USERS)} (password {DEMO_PASSWORD!r}, sign-in code 000000)")


def _load_demo_applicant(state: Country) -> None:
    email, full_name = DEMO_APPLICANT
    applicant, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, "position": "deputy prosecutor"}
    )
    if created:
        applicant.set_password(DEMO_PASSWORD)
        applicant.country = state
        applicant.save()
        EmailAddress.objects.create(user=applicant, email=email, verified=True, primary=True)
    if not VerificationRequest.objects.filter(user=applicant).exists():
        VerificationRequest.objects.create(
            user=applicant,
            organisation_name="Public Prosecutor's Office of Lakeside (demo)",
            position="deputy prosecutor",
            country=state,
            reason=(
                "I prepare outgoing requests for bank records in a fictional fraud case and "
                "need the contact details of central authorities."
            ),
        )
