"""From the questionnaire to the list of observations, in a real browser (Debian Chromium)."""

from __future__ import annotations

import io

import docx
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from palermo.review.tests.factories import build_review_world


def sign_in_as(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.browser
def test_questionnaire_to_list_of_observations(live_server, page: Page, world) -> None:
    rw = build_review_world(world)
    q = rw.questionnaire
    workspace = f"{live_server.url}/en/review/questionnaires/{q.pk}/"

    # Alice, an expert of the State under review, drafts both answers.
    sign_in_as(page, live_server, rw.users["alice"])
    page.goto(workspace)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Criminalisation and jurisdiction")
    page.get_by_role("link", name="Answer to question 1").click()
    page.get_by_label("Explanation").fill("Our criminal code covers both approaches.")
    page.get_by_role("button", name="Save draft answer").click()
    # No answer chosen: the form comes back with what she typed.
    expect(page.locator(".errorlist")).to_be_visible()
    expect(page.get_by_label("Explanation")).to_have_value(
        "Our criminal code covers both approaches."
    )
    page.get_by_label("Yes").check()
    page.get_by_label("References to the knowledge base").fill("legislation:1")
    page.get_by_role("button", name="Save draft answer").click()
    expect(page.locator(".message--success")).to_contain_text("saved as a draft")
    page.get_by_role("link", name="Answer to question 2").click()
    page.get_by_label("Partly").check()
    page.get_by_label("Technical-assistance needs").fill("Advice on the liability of companies.")
    page.get_by_role("button", name="Save draft answer").click()
    expect(page.locator("#question-2")).to_contain_text("Advice on the liability of companies.")
    expect(page.get_by_role("button", name="Submit the answers to the reviewers")).to_have_count(0)

    # Fiona, the focal point, submits them to the reviewers.
    sign_in_as(page, live_server, rw.users["fiona"])
    page.goto(workspace)
    page.get_by_role("button", name="Submit the answers to the reviewers").click()
    expect(page.locator(".message--success")).to_contain_text("now with the reviewing States")

    # Bob, an expert of a reviewing State, proposes a recommendation on question 2.
    sign_in_as(page, live_server, rw.users["bob"])
    page.goto(workspace)
    question_two = page.locator("#question-2")
    question_two.get_by_text("Propose an observation").click()
    question_two.get_by_label("Kind of observation").select_option("recommendation")
    question_two.get_by_label("Observation", exact=True).fill(
        "Make companies liable for these offences."
    )
    question_two.get_by_role("button", name="Propose").click()
    expect(page.locator("#question-2 .observation")).to_contain_text("Make companies liable")

    # Sue, of the secretariat, writes the summary and adopts the list.
    sign_in_as(page, live_server, rw.users["sue"])
    page.goto(workspace)
    page.get_by_role("link", name="Consolidate the list of observations").click()
    page.get_by_label("Summary").fill("Xandria has the offences in place; companies are the gap.")
    page.get_by_role("button", name="Save and adopt").click()
    expect(page.locator(".message--success")).to_contain_text("adopted")
    expect(page.get_by_text("Completed", exact=False).first).to_be_visible()

    # The list of observations in French, as DOCX.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="DOCX (Français)").click()
    path = download_info.value.path()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "Liste des observations et résumé" in text
    assert "Make companies liable for these offences." in text
    assert "Xandria has the offences in place; companies are the gap." in text
