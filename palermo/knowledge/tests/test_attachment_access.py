"""Attached documents follow their record's access rule, are stored under random names and are
never served by address: found by QA, where Fiona's draft law was at /media/knowledge/law.txt."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse
from playwright.sync_api import Page, expect

from palermo.accounts.tests.factories import FocalPointFactory, UserFactory, give_totp
from palermo.core.models import AuditEvent
from palermo.knowledge.attachments import download_name
from palermo.knowledge.models import CaseLaw, Status
from palermo.knowledge.tests.factories import CaseLawFactory

LAW_TEXT = b"Article 1. Laundering the proceeds of crime is an offence."
RANDOM_NAME = re.compile(r"^knowledge/[0-9a-f]{32}\.txt$")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def case_form(world: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Prosecutor v. Orlan (fictional)",
        "country": world.state_x.pk,
        "court": "Court of Xandria",
        "court_level": "appeal",
        "decision_date_text": "2021",
        "language": "en",
        "summary": "Proceeds of a smuggling ring were laundered through shell companies.",
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def fiona_uploads(world: Any, name: str = "law.txt", content: bytes = LAW_TEXT) -> CaseLaw:
    """What QA did: Fiona, a focal point of State X, attaches law.txt to a new draft."""
    response = world.client("fiona").post(
        reverse("knowledge:create", args=["caselaw"]),
        {**case_form(world), "attachment_file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = CaseLaw.objects.latest("pk")
    assert record.status == Status.DRAFT
    return record


def add_focal_points(world: Any) -> None:
    """Another focal point of Fiona's State, and a focal point of another State."""
    xavier = give_totp(UserFactory(email="xavier@example.org", full_name="Xavier Focal"))
    FocalPointFactory(user=xavier, country=world.state_x)
    yolanda = give_totp(UserFactory(email="yolanda@example.org", full_name="Yolanda Focal"))
    FocalPointFactory(user=yolanda, country=world.state_y)
    world.users["xavier"] = xavier
    world.users["yolanda"] = yolanda


def download(world: Any, persona: str, record: CaseLaw) -> Any:
    return world.client(persona).get(reverse("knowledge:attachment", args=["caselaw", record.pk]))


# Who may download a draft's document: exactly those who may see the draft's page.
DRAFT_TABLE = [
    ("anon", 404),
    ("practitioner", 404),
    ("alice", 404),
    ("bob", 404),
    ("yolanda", 404),  # a focal point of another State
    ("fiona", 200),  # the contributor
    ("xavier", 200),  # another focal point of the contributor's State
    ("eddie", 200),  # an editor
    ("staff", 200),
]


@pytest.mark.parametrize(("persona", "expected"), DRAFT_TABLE)
def test_a_drafts_document_is_for_those_who_may_see_the_draft(
    world: Any, media: Path, persona: str, expected: int
) -> None:
    add_focal_points(world)
    record = fiona_uploads(world)
    page = world.client(persona).get(reverse("knowledge:record", args=["caselaw", record.pk]))
    response = download(world, persona, record)
    assert response.status_code == expected == page.status_code
    if expected == 200:
        assert b"".join(response.streaming_content) == LAW_TEXT
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("persona", ["anon", "practitioner", "yolanda", "fiona", "eddie"])
def test_a_published_records_document_is_for_everyone(
    world: Any, media: Path, persona: str
) -> None:
    add_focal_points(world)
    record = fiona_uploads(world)
    world.client("eddie").post(
        reverse("knowledge:transition", args=["caselaw", record.pk, "publish"])
    )
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED
    response = download(world, persona, record)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == LAW_TEXT


def test_the_download_is_an_attachment_under_the_uploaded_name_with_the_checked_type(
    world: Any, media: Path
) -> None:
    record = fiona_uploads(world)
    assert record.attachment_name == "law.txt"
    assert record.attachment_type == "text/plain; charset=utf-8"
    response = download(world, "fiona", record)
    assert response["Content-Disposition"] == 'attachment; filename="law.txt"'
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_html_document_is_downloaded_never_shown_in_palermos_pages(
    world: Any, media: Path
) -> None:
    html = b"<html><body><script>alert(1)</script><p>The court held.</p></body></html>"
    record = fiona_uploads(world, name="judgment.html", content=html)
    response = download(world, "eddie", record)
    assert response["Content-Disposition"] == 'attachment; filename="judgment.html"'
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_stored_names_are_random_not_the_uploaded_name(world: Any, media: Path) -> None:
    first = fiona_uploads(world)
    second = fiona_uploads(world)
    for record in (first, second):
        assert RANDOM_NAME.match(record.attachment.name), record.attachment.name
        assert "law" not in record.attachment.name
        assert (media / record.attachment.name).read_bytes() == LAW_TEXT
    assert first.attachment.name != second.attachment.name
    assert not (media / "knowledge" / "law.txt").exists()


@pytest.mark.parametrize(
    ("uploaded", "offered"),
    [
        ("law.txt", "law.txt"),
        ("..\\..\\etc\\law.txt", "law.txt"),
        ("../../etc/law.txt", "law.txt"),
        ("law\u202etxt.exe.txt", "lawtxt.exe.txt"),  # no right-to-left override to hide .exe
        ("a\nb\r.txt", "ab.txt"),
        ("  Loi   n° 12 .txt", "Loi n° 12.txt"),
        ("x" * 300 + ".txt", "x" * 146 + ".txt"),
        (".txt", "txt.txt"),
    ],
)
def test_the_offered_name_is_safe(uploaded: str, offered: str) -> None:
    assert download_name(uploaded, "knowledge/0123.txt") == offered


def test_a_non_ascii_name_is_offered_as_it_was_uploaded(world: Any, media: Path) -> None:
    record = fiona_uploads(world, name="قانون مكافحة غسل الأموال.txt")
    response = download(world, "fiona", record)
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D9%82%D8%A7%D9%86%D9%88%D9%86%20%D9%85%D9%83%D8%A7"
        "%D9%81%D8%AD%D8%A9%20%D8%BA%D8%B3%D9%84%20%D8%A7%D9%84%D8%A3%D9%85%D9%88%D8%A7%D9%84.txt"
    )


def test_the_old_media_address_is_not_served_even_in_debug_mode(
    world: Any, media: Path, settings: Any
) -> None:
    record = fiona_uploads(world)
    # The legacy file name QA used, and the new random one, both present on disk.
    (media / "knowledge" / "law.txt").write_bytes(LAW_TEXT)
    settings.DEBUG = True
    import palermo.urls

    try:
        importlib.reload(palermo.urls)
        clear_url_caches()
        for address in ("/media/knowledge/law.txt", f"/media/{record.attachment.name}"):
            assert world.client("anon").get(address).status_code == 404, address
            assert world.client("fiona").get(address).status_code == 404, address
    finally:
        settings.DEBUG = False
        importlib.reload(palermo.urls)
        clear_url_caches()


def test_the_record_page_links_the_protected_download(world: Any, media: Path) -> None:
    record = fiona_uploads(world)
    page = world.client("fiona").get(reverse("knowledge:record", args=["caselaw", record.pk]))
    body = page.content.decode()
    link = reverse("knowledge:attachment", args=["caselaw", record.pk])
    assert f'href="{link}"' in body and "law.txt" in body
    assert "/media/" not in body and record.attachment.name not in body
    response = world.client("fiona").get(link)
    assert b"".join(response.streaming_content) == LAW_TEXT


def test_versions_and_review_pages_do_not_link_media(world: Any, media: Path) -> None:
    record = fiona_uploads(world)
    fiona = world.client("fiona")
    fiona.post(
        reverse("knowledge:edit", args=["caselaw", record.pk]),
        {
            **case_form(world),
            "attachment_file": SimpleUploadedFile("law-2024.txt", b"Article 1, as amended."),
        },
    )
    version = record.history.order_by("history_id").first()
    for address in (
        reverse("knowledge:version", args=["caselaw", record.pk, version.history_id]),
        reverse("knowledge:review", args=["caselaw", record.pk]),
        reverse("knowledge:record", args=["caselaw", record.pk]),
    ):
        body = fiona.get(address).content.decode()
        assert "/media/" not in body, address
        assert "knowledge/" + record.attachment.name.split("/")[-1] not in body, address
    # What changed names the files by their uploaded names.
    body = fiona.get(
        reverse("knowledge:version", args=["caselaw", record.pk, version.history_id])
    ).content.decode()
    assert "law.txt" in body and "law-2024.txt" in body


def test_a_changed_document_is_in_the_audit_trail(world: Any, media: Path) -> None:
    record = fiona_uploads(world)
    first_stored = record.attachment.name
    world.client("fiona").post(
        reverse("knowledge:edit", args=["caselaw", record.pk]),
        {
            **case_form(world),
            "attachment_file": SimpleUploadedFile("law-2024.txt", b"Article 1, as amended."),
        },
    )
    record.refresh_from_db()
    event = AuditEvent.objects.filter(action="knowledge.caselaw.edited").latest("pk")
    assert event.actor == world.users["fiona"]
    assert event.changes["attachment_name"] == ["law.txt", "law-2024.txt"]
    assert event.changes["attachment"] == [first_stored, record.attachment.name]
    created = AuditEvent.objects.get(action="knowledge.caselaw.created")
    assert created.target_id == str(record.pk)


def test_a_document_attached_before_random_names_still_downloads(world: Any, media: Path) -> None:
    """Files stored under their uploaded name stay where they are and keep working."""
    record = CaseLawFactory(country=world.state_x, status=Status.DRAFT)
    (media / "knowledge").mkdir(parents=True, exist_ok=True)
    (media / "knowledge" / "old-law.txt").write_bytes(LAW_TEXT)
    CaseLaw.objects.filter(pk=record.pk).update(
        attachment="knowledge/old-law.txt", attachment_name="", attachment_type=""
    )
    assert download(world, "anon", record).status_code == 404
    response = download(world, "eddie", record)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="old-law.txt"'
    assert response["Content-Type"] == "text/plain; charset=utf-8"

    migration = importlib.import_module("palermo.knowledge.migrations.0004_attachment_names")
    from django.apps import apps

    migration.describe_existing_files(apps, None)
    record.refresh_from_db()
    assert (record.attachment_name, record.attachment_type) == (
        "old-law.txt",
        "text/plain; charset=utf-8",
    )


def test_no_document_or_a_lost_file_is_not_found(world: Any, media: Path) -> None:
    without = CaseLawFactory(country=world.state_x)
    assert download(world, "anon", without).status_code == 404
    record = fiona_uploads(world)
    (media / record.attachment.name).unlink()
    assert download(world, "fiona", record).status_code == 404
    assert (
        world.client("anon").get(f"/en/knowledge/legislation/{record.pk}/document/").status_code
        == 404
    )


@pytest.mark.browser
def test_the_record_pages_link_downloads_the_document(
    live_server: Any, page: Page, media: Path, settings: Any
) -> None:
    record = CaseLawFactory(title="Prosecutor v. Orlan (fictional)", status=Status.PUBLISHED)
    record.attachment.save("law.txt", ContentFile(LAW_TEXT), save=False)
    record.attachment_name, record.attachment_type = "law.txt", "text/plain; charset=utf-8"
    record.save()
    page.goto(f"{live_server.url}/en/knowledge/caselaw/{record.pk}/")
    link = page.get_by_role("link", name="Download the attached document")
    expect(link).to_be_visible()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "law.txt"
    assert Path(download.path()).read_bytes() == LAW_TEXT
