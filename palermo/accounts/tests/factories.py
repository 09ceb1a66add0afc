"""Factories for users, organisations and roles."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from palermo.accounts.models import FocalPoint, Membership, Organisation, User
from palermo.reference.tests.factories import CountryFactory

# A fixed TOTP secret for test users, so browser tests can compute codes.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TEST_PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Central Authority {n}")
    country = factory.SubFactory(CountryFactory)
    kind = Organisation.Kind.CENTRAL_AUTHORITY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.CASEWORKER


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    country = factory.SubFactory(CountryFactory)


def verify(user: User) -> User:
    user.verified_at = timezone.now()
    user.save(update_fields=["verified_at"])
    return user


def give_totp(user: User, secret: str = TEST_TOTP_SECRET) -> User:
    """Activate an authenticator app for the user, as if they had scanned the QR code."""
    TOTP.activate(user, secret)
    return user
