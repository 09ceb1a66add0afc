"""The routing lookup in a real browser, as an anonymous visitor and as a practitioner."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from palermo.accounts.tests.factories import TEST_PASSWORD
from palermo.directory.tests.factories import AuthorityFactory


def ask(page: Page, base: str) -> None:
    page.goto(f"{base}/en/directory/route/")
    page.select_option("#id_requested_state", "XAA")
    page.select_option("#id_requesting_state", "YBB")
    page.select_option("#id_request_type", "extradition")
    # The measure menu offers only the measures of the chosen type.
    expect(page.locator("#id_measure option[value='freezing']")).to_be_disabled()
    page.select_option("#id_measure", "extradition")
    page.check("#id_urgent")
    page.get_by_role("button", name="Find the authority").click()
    expect(page.get_by_role("heading", name="Why this answer")).to_be_visible()


@pytest.mark.browser
def test_routing_lookup_as_anonymous_and_as_practitioner(live_server, page: Page, world):
    AuthorityFactory(
        country=world.state_x,
        name="Xandria Extradition Office",
        competences=["extradition"],
        channels=["diplomatic"],
        accepted_languages=["fr"],
    )
    ask(page, live_server.url)
    answer = page.locator(".route-answer")
    expect(answer).to_contain_text("Xandria Extradition Office")
    expect(answer).to_contain_text("Diplomatic channels")
    expect(answer).to_contain_text("[extradition-authority]")
    expect(answer).not_to_contain_text("mla-secret-desk@justice.example.org")
    expect(answer).to_contain_text("Sign in as a verified practitioner")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("input[name=login]", "pat@example.org")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("form").filter(has=page.locator("input[name=login]")).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    ask(page, live_server.url)
    answer = page.locator(".route-answer")
    expect(answer).to_contain_text("mla-secret-desk@justice.example.org")
    expect(answer).to_contain_text("555-NIGHT")


@pytest.mark.browser
def test_routing_lookup_on_a_phone_in_arabic(live_server, page: Page, world):
    AuthorityFactory(country=world.state_x, name="Xandria Central Authority")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(
        f"{live_server.url}/ar/directory/route/?requested_state=XAA&requesting_state=YBB"
        "&request_type=mla&measure=freezing"
    )
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".route-answer")).to_contain_text("Xandria Central Authority")
    # Nothing sticks out sideways on a narrow screen, here or on the directory itself.
    overflow = "document.documentElement.scrollWidth - window.innerWidth"
    assert page.evaluate(overflow) <= 0
    page.goto(f"{live_server.url}/ar/directory/?country=XAA")
    assert page.evaluate(overflow) <= 0
