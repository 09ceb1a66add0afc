"""Keeping entries true: who may edit, history, verification, conflicts, contacts and guides."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from palermo.core.models import AuditEvent
from palermo.directory.models import Authority
from palermo.directory.tests.factories import AuthorityFactory, ContactPersonFactory


def form_data(authority: Authority, **changes: object) -> dict[str, object]:
    """What the edit form posts for the entry as it stands, with `changes` on top."""
    data: dict[str, object] = {
        "version": authority.version,
        "name": authority.name,
        "competences": authority.competences,
        "designations": "\n".join(authority.designations),
        "postal_address": authority.postal_address,
        "phones": "\n".join(authority.phones),
        "emails": "\n".join(authority.emails),
        "website": authority.website,
        "accepted_languages": ", ".join(authority.accepted_languages),
        "channels": authority.channels,
        "certification": authority.certification,
        "dual_criminality_policy": authority.dual_criminality_policy,
        "requires_signature": "on",
        "notes": authority.notes,
        "urgent_procedure": authority.urgent_procedure,
        "fax": authority.fax,
    }
    data.update(changes)
    return data


@pytest.fixture
def entry_x(world):
    return AuthorityFactory(country=world.state_x, name="Justice Ministry of Xandria")


@pytest.fixture
def entry_y(world):
    return AuthorityFactory(country=world.state_y, name="Justice Ministry of Yberia")


# fiona is the focal point of State X; editors and staff edit any State's entries.
EDIT_X = {
    "anon": 302,
    "practitioner": 403,
    "alice": 403,
    "bob": 403,
    "sam": 403,
    "adam": 403,
    "fiona": 200,
    "eddie": 200,
    "staff": 200,
}
EDIT_Y = {**EDIT_X, "fiona": 403}


@pytest.mark.parametrize("persona, status", list(EDIT_X.items()))
def test_edit_page_of_state_x(world, entry_x, persona, status):
    assert world.client(persona).get(f"/en/directory/{entry_x.pk}/edit/").status_code == status


@pytest.mark.parametrize("persona, status", list(EDIT_Y.items()))
def test_edit_page_of_state_y(world, entry_y, persona, status):
    assert world.client(persona).get(f"/en/directory/{entry_y.pk}/edit/").status_code == status


@pytest.mark.parametrize("persona, may", [(p, s == 200) for p, s in EDIT_Y.items()])
def test_saving_another_states_entry(world, entry_y, persona, may):
    response = world.client(persona).post(
        f"/en/directory/{entry_y.pk}/edit/", form_data(entry_y, name="Renamed Ministry")
    )
    entry_y.refresh_from_db()
    assert (entry_y.name == "Renamed Ministry") is may
    if may:
        assert response.status_code == 302


@pytest.mark.parametrize(
    "persona, status", [("anon", 302), ("practitioner", 403), ("fiona", 302), ("eddie", 302)]
)
def test_verify_button(world, entry_x, persona, status):
    Authority.objects.filter(pk=entry_x.pk).update(last_verified_at=None)
    response = world.client(persona).post(f"/en/directory/{entry_x.pk}/verify/")
    assert response.status_code == status
    entry_x.refresh_from_db()
    assert (entry_x.last_verified_at is not None) is (persona in ("fiona", "eddie"))
    if persona == "fiona":
        assert entry_x.last_verified_by == world.users["fiona"]
        page = world.client("anon").get(f"/en/directory/{entry_x.pk}/").content.decode()
        assert "Last verified on" in page
        assert "Fiona Focal" not in page  # who verified is for practitioners only
        page = world.client("practitioner").get(f"/en/directory/{entry_x.pk}/").content.decode()
        assert "by Fiona Focal" in page


@pytest.mark.parametrize(
    "persona, status", [("anon", 302), ("practitioner", 302), ("fiona", 302), ("eddie", 302)]
)
def test_new_authority_for_state_x(world, persona, status):
    client = world.client(persona)
    data = form_data(AuthorityFactory.build(country=world.state_x), name="New Prosecution Office")
    data.pop("version")
    response = client.post(f"/en/directory/new/?country={world.state_x.iso3}", data)
    if persona == "practitioner":
        assert response.status_code == 403
    else:
        assert response.status_code == status
    assert Authority.objects.filter(name="New Prosecution Office").exists() is (
        persona in ("fiona", "eddie")
    )


def test_every_change_is_in_history_and_the_audit_log(world, entry_x):
    client = world.client("fiona")
    client.post(
        f"/en/directory/{entry_x.pk}/edit/", form_data(entry_x, accepted_languages="en, fr, es")
    )
    entry_x.refresh_from_db()
    assert entry_x.accepted_languages == ["en", "fr", "es"]
    assert entry_x.version == 2
    latest = entry_x.history.first()
    assert latest.history_user == world.users["fiona"]
    event = AuditEvent.objects.get(action="directory.authority.updated")
    assert event.changes["accepted_languages"] == [["en", "fr"], ["en", "fr", "es"]]
    history = world.client("practitioner").get(f"/en/directory/{entry_x.pk}/history/")
    assert history.status_code == 200
    assert "Fiona Focal" in history.content.decode()


@pytest.mark.parametrize("persona, status", [("anon", 302), ("practitioner", 200), ("fiona", 200)])
def test_history_is_for_practitioners(world, entry_x, persona, status):
    assert world.client(persona).get(f"/en/directory/{entry_x.pk}/history/").status_code == status


def test_a_second_save_on_a_stale_version_is_refused_and_keeps_the_users_input(world, entry_x):
    stale_form = form_data(entry_x)  # both open the form at version 1
    eddie = world.client("eddie")
    eddie.post(
        f"/en/directory/{entry_x.pk}/edit/", {**stale_form, "postal_address": "2 New Square"}
    )
    fiona = world.client("fiona")
    response = fiona.post(
        f"/en/directory/{entry_x.pk}/edit/", {**stale_form, "processing_time": "About two months"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this entry" in page
    assert "Eddie Editor" in page and "2 New Square" in page  # their change, shown
    assert "About two months" in page  # fiona's input is still in the form
    entry_x.refresh_from_db()
    assert entry_x.postal_address == "2 New Square"  # nothing lost
    assert entry_x.processing_time == ""
    # Having read it, fiona saves again: the form now carries the current version.
    assert 'name="version" value="2"' in page
    again = fiona.post(
        f"/en/directory/{entry_x.pk}/edit/",
        {
            **stale_form,
            "version": 2,
            "postal_address": "2 New Square",
            "processing_time": "About two months",
        },
    )
    assert again.status_code == 302
    entry_x.refresh_from_db()
    assert (entry_x.postal_address, entry_x.processing_time) == ("2 New Square", "About two months")


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("accepted_languages", "en, klingon", "Unknown language code(s): klingon"),
        ("emails", "not-an-address", "not-an-address is not a valid e-mail address"),
        ("time_zone", "Mars/Olympus", "Unknown time zone Mars/Olympus"),
        ("local_names", "Ministère sans langue", "write the language code, a colon"),
        ("name", "", "This field is required"),
    ],
)
def test_bad_input_is_explained_and_kept(world, entry_x, field, value, message):
    response = world.client("fiona").post(
        f"/en/directory/{entry_x.pk}/edit/",
        form_data(entry_x, **{field: value}, processing_time="Kept while fixing errors"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Kept while fixing errors" in page
    entry_x.refresh_from_db()
    assert entry_x.version == 1


def test_contacts_are_added_and_removed_by_the_focal_point(world, entry_x):
    client = world.client("fiona")
    client.post(
        f"/en/directory/{entry_x.pk}/contacts/",
        {
            "name": "Nadia Newcontact",
            "position": "Prosecutor",
            "languages": "en, ar",
            "email": "nadia@justice.example.org",
        },
    )
    contact = entry_x.contacts.get()
    assert contact.languages == ["en", "ar"]
    assert (
        world.client("bob").post(f"/en/directory/contacts/{contact.pk}/remove/").status_code == 403
    )
    client.post(f"/en/directory/contacts/{contact.pk}/remove/")
    assert not entry_x.contacts.exists()
    assert AuditEvent.objects.filter(action="directory.contact.removed").count() == 1


def test_bad_contact_is_refused_with_a_reason(world, entry_x):
    ContactPersonFactory(authority=entry_x)
    response = world.client("fiona").post(
        f"/en/directory/{entry_x.pk}/contacts/", {"name": "Someone", "email": "nope"}
    )
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("guide.pdf", PDF_BYTES, None),
        ("guide.exe", b"MZ\x90\x00", "Only PDF, DOCX, ODT, DOC or RTF files are accepted."),
        ("guide.pdf", b"<html>not a pdf</html>", "does not match its extension .pdf"),
    ],
)
def test_guide_uploads_are_checked(world, entry_x, settings, tmp_path, name, content, error):
    settings.MEDIA_ROOT = tmp_path
    response = world.client("fiona").post(
        f"/en/directory/{entry_x.pk}/guides/",
        {
            "kind": "guide",
            "title": "National MLA guide",
            "language": "en",
            "file": SimpleUploadedFile(name, content),
        },
    )
    if error is None:
        assert response.status_code == 302
        guide = entry_x.guides.get()
        download = world.client("anon").get(f"/en/directory/guides/{guide.pk}/")
        assert b"".join(download.streaming_content) == PDF_BYTES
    else:
        assert response.status_code == 400
        assert error in response.content.decode()
        assert not entry_x.guides.exists()


def test_guide_needs_a_link_or_a_file(world, entry_x):
    response = world.client("fiona").post(
        f"/en/directory/{entry_x.pk}/guides/", {"kind": "guide", "title": "Guide without anything"}
    )
    assert "Give a link, attach a file, or both." in response.content.decode()


def test_oversized_guide_is_refused(world, entry_x, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_MB = 1
    big = PDF_BYTES + b"0" * (1024 * 1024 + 1)
    response = world.client("fiona").post(
        f"/en/directory/{entry_x.pk}/guides/",
        {"kind": "guide", "title": "Big", "file": SimpleUploadedFile("big.pdf", big)},
    )
    assert "The file is larger than 1 MB." in response.content.decode()


@pytest.mark.parametrize(
    "persona, offered", [("anon", False), ("practitioner", False), ("fiona", True), ("eddie", True)]
)
def test_new_authority_is_offered_to_those_who_may_add_one(world, persona, offered):
    page = world.client(persona).get("/en/directory/", {"country": "XAA"}).content.decode()
    assert ("/en/directory/new/?country=XAA" in page) is offered
    page = world.client(persona).get("/en/directory/", {"country": "YBB"}).content.decode()
    assert ("/en/directory/new/?country=YBB" in page) is (persona == "eddie")
