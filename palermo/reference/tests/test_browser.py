"""Reference pages in a real browser: searching in Arabic, right to left, on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from palermo.reference.loading import load_reference


@pytest.mark.browser
def test_find_a_state_in_arabic_and_open_its_page(live_server, page: Page):
    load_reference(None)
    page.goto(f"{live_server.url}/ar/reference/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    search = page.get_by_label("الاسم أو رمز ISO")
    search.fill("فرنسا")
    search.press("Enter")
    page.wait_for_url("**/ar/reference/?q=*")
    link = page.get_by_role("link", name="فرنسا", exact=True)
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("فرنسا")
    expect(page.get_by_role("heading", name="المشاركة في الصكوك")).to_be_visible()
    # Table of codes and status reads from the right in Arabic.
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert heading is not None and heading["x"] + heading["width"] > page.viewport_size["width"] / 2


@pytest.mark.browser
def test_country_pages_fit_a_phone_screen(live_server, page: Page):
    load_reference(None)
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (
        "/fr/reference/countries/AFG/",
        "/en/reference/instruments/untoc/",
        "/ru/reference/?group=eastern-european",
    ):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, path


@pytest.mark.browser
def test_filters_work_with_the_keyboard(live_server, page: Page):
    load_reference(None)
    page.goto(f"{live_server.url}/en/reference/")
    page.get_by_label("UN regional group").select_option("grulac")
    page.get_by_label("UN membership").select_option("yes")
    page.get_by_label("UN membership").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**group=grulac**")
    expect(page.get_by_text("Countries and territories found: 33")).to_be_visible()
    expect(page.get_by_role("link", name="Brazil")).to_be_visible()
