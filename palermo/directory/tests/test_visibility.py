"""Restricted directory fields never reach anyone but verified practitioners: pages, API, CSV,
PDF, vCard, search and error messages. Each persona gets the same set of addresses."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from palermo.accounts.tests.factories import UserFactory
from palermo.directory import visibility
from palermo.directory.country import country_section
from palermo.directory.tests.factories import (
    AuthorityFactory,
    ContactPersonFactory,
    NationalGuideFactory,
)

# Values that only verified practitioners may see (set by the factories).
RESTRICTED_VALUES = [
    "+999 555 0101",
    "mla-secret-desk@justice.example.org",
    "+999 555 0199",
    "555-NIGHT",
    "ask for Maria",
    "Quentin Quietname",
    "quentin.quietname@justice.example.org",
]
PUBLIC_NAME = "Ministry of Justice of Xandria"

SEES_RESTRICTED = {
    "anon": False,
    "newcomer": False,
    "practitioner": True,
    "alice": True,
    "bob": True,
    "sam": True,
    "adam": True,
    "fiona": True,
    "eddie": True,
    "staff": True,
}


@pytest.fixture
def entry(world):
    authority = AuthorityFactory(country=world.state_x, name="Ministry of Justice of Xandria")
    ContactPersonFactory(authority=authority)
    NationalGuideFactory(authority=authority)
    return authority


def client_for(world, persona: str) -> Client:
    if persona == "newcomer":  # signed in, not (yet) verified
        client = Client()
        client.force_login(UserFactory(email="newcomer@example.org"))
        return client
    return world.client(persona)


def bodies(client: Client, entry, with_pdf: bool) -> dict[str, str]:
    """Every way out of the directory, as text."""
    x = entry.country.iso3
    route = f"requesting_state=YBB&requested_state={x}&request_type=mla&urgent=true"
    addresses = {
        "browse page": "/en/directory/",
        "detail page": f"/en/directory/{entry.pk}/",
        "route page": f"/en/directory/route/?{route.replace('urgent=true', 'urgent=on')}",
        "csv": "/en/directory/export.csv",
        "authority vcard": f"/en/directory/{entry.pk}/vcard/",
        "api list": "/api/v1/directory/authorities",
        "api detail": f"/api/v1/directory/authorities/{entry.pk}",
        "api route": f"/api/v1/directory/route?{route}",
        "api error": "/api/v1/directory/route?requesting_state=YBB&requested_state=XAA"
        "&request_type=mla&measure=nonsense",
    }
    found = {}
    for name, address in addresses.items():
        response = client.get(address)
        assert response.status_code in (200, 422), (name, response.status_code)
        found[name] = response.content.decode()
    if not with_pdf:
        return found
    pdf = client.get("/en/directory/export.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    found["pdf"] = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages
    )
    return found


@pytest.mark.parametrize("persona, sees", list(SEES_RESTRICTED.items()))
def test_restricted_fields_reach_verified_practitioners_only(world, entry, persona, sees):
    # Rendering PDFs is slow; one persona on each side of the line is enough for the PDF.
    found = bodies(
        client_for(world, persona), entry, with_pdf=persona in ("anon", "newcomer", "practitioner")
    )
    for name, text in found.items():
        if name == "api error":
            continue
        assert PUBLIC_NAME in text.replace("\n", " "), (name, "the public name is missing")
        for value in RESTRICTED_VALUES:
            if sees and name in ("detail page", "api detail", "csv"):
                assert value in text, (persona, name, value)
            if not sees:
                assert value not in text, (persona, name, value)


@pytest.mark.parametrize(
    "persona, status",
    [
        ("anon", 404),
        ("newcomer", 404),
        ("practitioner", 200),
        ("alice", 200),
        ("fiona", 200),
        ("eddie", 200),
        ("staff", 200),
    ],
)
def test_contact_vcard_is_for_practitioners_only(world, entry, persona, status):
    contact = entry.contacts.get()
    response = client_for(world, persona).get(f"/en/directory/contacts/{contact.pk}/vcard/")
    assert response.status_code == status
    if status == 404:
        assert b"Quentin" not in response.content
    else:
        assert b"FN:Quentin Quietname" in response.content
        assert b"BEGIN:VCARD" in response.content


@pytest.mark.parametrize(
    "persona, finds",
    [("anon", False), ("newcomer", False), ("practitioner", True), ("fiona", True)],
)
@pytest.mark.parametrize("search", ["mla-secret-desk", "Quietname", "ask for Maria", "555-NIGHT"])
def test_searching_a_restricted_value_finds_nothing_for_the_public(
    world, entry, persona, finds, search
):
    client = client_for(world, persona)
    page = client.get("/en/directory/", {"q": search})
    api = client.get("/api/v1/directory/authorities", {"q": search}).json()["items"]
    assert (entry.name in page.content.decode()) is finds
    assert ([a["id"] for a in api] == [entry.pk]) is finds


def test_public_search_finds_public_fields(world, entry):
    api = Client().get("/api/v1/directory/authorities", {"q": "Justice Square"}).json()["items"]
    assert [a["id"] for a in api] == [entry.pk]


def test_anonymous_api_leaves_restricted_keys_out_entirely(world, entry):
    data = Client().get(f"/api/v1/directory/authorities/{entry.pk}").json()
    for key in (
        "phones",
        "emails",
        "fax",
        "urgent_procedure",
        "notes",
        "contacts",
        "last_verified_by",
    ):
        assert key not in data
    assert data["accepted_languages"] == ["en", "fr"]


def test_the_policy_covers_every_field_shown(world, entry):
    """A field added to the model but not to the policy would be invisible to everyone; a
    restricted one would never show. The policy names every field people edit."""
    from palermo.directory.services import EDITABLE_FIELDS

    assert set(EDITABLE_FIELDS) <= set(visibility.FIELD_POLICY)


def test_country_section_follows_visibility(world, entry, rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    section = country_section(request, world.state_x)
    assert section is not None
    assert section["template"] == "directory/country_section.html"
    assert "emails" not in section["context"]["entries"][0]
    request.user = world.users["practitioner"]
    section = country_section(request, world.state_x)
    assert section["context"]["entries"][0]["emails"] == ["mla-secret-desk@justice.example.org"]


def test_missing_authority_is_404_everywhere(world):
    client = Client()
    assert client.get("/en/directory/999999/").status_code == 404
    assert client.get("/en/directory/999999/vcard/").status_code == 404
    response = client.get("/api/v1/directory/authorities/999999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_name_in_the_interface_language_is_shown_where_the_state_uses_it(world):
    from palermo.directory.services import local_names_text

    names = [{"language": "ar", "name": "وزارة العدل (اختبار)"}]
    authority = AuthorityFactory(
        country=world.state_x, local_names=names, local_names_text=local_names_text(names)
    )
    assert "وزارة العدل (اختبار)" in Client().get("/ar/directory/").content.decode()
    assert "وزارة العدل (اختبار)" not in Client().get("/en/directory/").content.decode()
    detail = Client().get(f"/ar/directory/{authority.pk}/").content.decode()
    assert 'lang="ar">وزارة العدل (اختبار)' in detail
    found = Client().get("/api/v1/directory/authorities", {"q": "وزارة العدل"}).json()
    assert [a["id"] for a in found["items"]] == [authority.pk]
