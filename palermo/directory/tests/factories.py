"""Factories for directory entries."""

from __future__ import annotations

import factory
from django.utils import timezone

from palermo.directory.models import Authority, ContactPerson, NationalGuide
from palermo.reference.tests.factories import CountryFactory


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority

    country = factory.SubFactory(CountryFactory)
    name = factory.Sequence(lambda n: f"Ministry of Justice {n} (test)")
    competences = factory.LazyFunction(lambda: ["mla_central_authority"])
    designations = factory.LazyFunction(lambda: ["UNTOC art. 18(13)"])
    postal_address = "1 Justice Square, Capital"
    website = "https://justice.example.org"
    accepted_languages = factory.LazyFunction(lambda: ["en", "fr"])
    channels = factory.LazyFunction(lambda: ["central_authority", "diplomatic"])
    phones = factory.LazyFunction(lambda: ["+999 555 0101"])
    emails = factory.LazyFunction(lambda: ["mla-secret-desk@justice.example.org"])
    fax = "+999 555 0199"
    urgent_procedure = "Call the duty prosecutor on the night line 555-NIGHT"
    notes = "Internal note: ask for Maria before sending"
    dual_criminality_policy = "coercive"
    last_verified_at = factory.LazyFunction(timezone.now)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    authority = factory.SubFactory(AuthorityFactory)
    name = "Quentin Quietname"
    position = "Head of the MLA unit"
    languages = factory.LazyFunction(lambda: ["en", "es"])
    email = "quentin.quietname@justice.example.org"
    phone = "+999 555 0123"


class NationalGuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalGuide

    authority = factory.SubFactory(AuthorityFactory)
    title = "Guide to requesting assistance (test)"
    url = "https://justice.example.org/guide"
