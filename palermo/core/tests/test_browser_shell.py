"""The interface shell in a real browser: languages, direction, keyboard access."""

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.browser
def test_home_in_english_then_switch_to_arabic_lays_out_right_to_left(live_server, page: Page):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.select_option("#language-select", "ar")
    page.get_by_role("button", name="Change").click()
    page.wait_for_url(f"{live_server.url}/ar/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    # Mirrored: the brand sits at the right-hand edge in Arabic.
    brand = page.locator(".brand").bounding_box()
    assert brand is not None and brand["x"] > page.viewport_size["width"] / 2


@pytest.mark.browser
def test_skip_link_is_first_in_tab_order(live_server, page: Page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
