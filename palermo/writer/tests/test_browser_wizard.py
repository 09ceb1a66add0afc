"""A caseworker walks the wizard in a real browser, from a new request to a downloaded PDF;
what she types survives a reload thanks to autosave."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from conftest import build_world


def sign_in(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def save_and_continue(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


@pytest.mark.browser
def test_wizard_to_downloaded_pdf(live_server: Any, page: Page, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world()
    sign_in(page, live_server, world.users["alice"])
    page.goto(f"{live_server.url}/en/writer/")
    page.get_by_role("button", name="Start a new request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Authorities and language")

    page.get_by_label("Short title of the request").fill("Accounts of Lantern Trading")
    page.get_by_label("Requested State", exact=True).select_option(world.state_y.iso3)
    page.get_by_label("Requested authority", exact=True).fill("Central Authority B")
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Legal basis")
    page.get_by_label("United Nations Convention against Transnational Organized Crime").check()
    save_and_continue(page)

    page.get_by_label("Subject and nature of the investigation or proceedings").fill(
        "Investigation of a group laundering the proceeds of fraud"
    )
    page.get_by_label("Authority conducting the proceedings").fill("Prosecutor of Xandria City")
    page.get_by_label("Case reference", exact=True).fill("XC-2026-17")
    save_and_continue(page)

    page.get_by_label("Description", exact=True).fill(
        "Laundering of proceeds through company accounts"
    )
    page.get_by_label("Provisions of the law of the requesting State").fill("Penal Code art. 9")
    page.get_by_label("Maximum penalty (years of imprisonment)").fill("10")
    page.get_by_label("Offence established under the Convention (arts 5, 6, 8 or 23)").check()
    save_and_continue(page)

    facts = (
        "Lantern Trading, run by Ana Doe from Xandria, moved 900 000 units of fraud "
        "proceeds to an account at Banco Demo in Yberia between 2025 and 2026. "
    ) * 3
    page.get_by_label("Summary of the relevant facts").fill(facts)
    page.get_by_label("Why the offence is transnational").fill("Money moved from X to Y.")
    page.get_by_label("The organized criminal group involved").fill("Four persons since 2024.")
    # Autosave keeps typed text across a reload, before anything is submitted.
    page.get_by_label("Why the offence is transnational").fill("Money moved from X to Y, twice.")
    expect(page.locator(".writer-autosave-status")).to_have_text(
        "Draft saved automatically.", timeout=15_000
    )
    page.reload()
    expect(page.get_by_label("Why the offence is transnational")).to_have_value(
        "Money moved from X to Y, twice."
    )
    save_and_continue(page)

    page.get_by_label("Name", exact=True).fill("Ana Doe")
    page.get_by_label("Role", exact=True).select_option("suspect")
    page.get_by_label("Nationality", exact=True).fill("Xandrian")
    page.get_by_label("Location", exact=True).fill("Xandria City")
    save_and_continue(page)

    page.get_by_label("Add a measure").select_option("bank_records")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_label("Bank", exact=True).fill("Banco Demo")
    page.get_by_label("Account holder", exact=True).fill("Ana Doe")
    page.get_by_label("Account numbers", exact=True).fill("YB-0001")
    page.get_by_label("From", exact=True).fill("2025-01-01")
    page.get_by_label("To", exact=True).fill("2026-06-30")
    page.get_by_label("How this measure follows from the facts").fill(
        "The proceeds were paid into this account."
    )
    save_and_continue(page)

    page.get_by_label("Purpose of the evidence, information or action").fill(
        "To prove the laundering at trial."
    )
    save_and_continue(page)
    save_and_continue(page)  # handling: the contact is prefilled from the account
    page.get_by_role("button", name="Save and check").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Accounts of Lantern Trading")
    expect(page.get_by_text("Errors: fix them before finalising")).to_have_count(0)
    with page.expect_download() as download_info:
        page.locator("a[href$='/download/request/pdf/en/']").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages).split()
    )
    assert "Request for mutual legal assistance in a criminal matter" in text
    assert "Banco Demo" in text and "Ana Doe" in text
