"""The knowledge base in a real browser: search, a facet, a record; the same in Arabic; and as a
first-time reader meets it: with the keyboard, on a phone, and as a focal point filling in the
form."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from playwright.sync_api import Page, expect

from palermo.knowledge.models import CaseLaw, Status
from palermo.knowledge.services import refresh_index
from palermo.knowledge.tests.factories import CaseLawFactory, LegislationFactory
from palermo.reference.tests.factories import CountryFactory, RegionalGroupFactory


@pytest.fixture
def library(db: Any) -> dict[str, Any]:
    # Browser tests flush tables between tests, but not SQLite's FTS5 virtual table, which the
    # search engine keeps beside its entries; clear it so ids of a previous test do not collide.
    # (Reported to the search engine's owner.)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    group = RegionalGroupFactory(code="weog", name="Western European and other States")
    xandria = CountryFactory(
        iso2="XA",
        iso3="XAA",
        numeric="901",
        name="Xandria",
        name_ar="زاندريا",
        regional_group=group,
    )
    yberia = CountryFactory(
        iso2="YB", iso3="YBB", numeric="902", name="Yberia", regional_group=group
    )
    records = [
        CaseLawFactory(
            country=xandria,
            title="Prosecutor v. Harbour Crew (fictional)",
            summary="Cocaine hidden in a container of frozen fish reached the harbour.",
        ),
        CaseLawFactory(
            country=yberia,
            title="Prosecutor v. Dock Workers (fictional)",
            summary="Dock workers moved cocaine through the harbour for a network.",
        ),
        LegislationFactory(
            country=xandria,
            title="Harbour Security Act (fictional)",
            summary="Customs may search any container in the harbour.",
        ),
        CaseLawFactory(
            country=xandria,
            title="النيابة العامة ضد شبكة الميناء (قضية خيالية)",
            language="ar",
            summary="هرّبت الشبكة الكوكايين عبر الميناء في حاويات الأسماك.",
        ),
        CaseLawFactory(
            country=xandria, title="Unpublished draft about the harbour", status=Status.DRAFT
        ),
    ]
    for record in records:
        refresh_index(record)
    return {"xandria": xandria, "records": records}


@pytest.mark.browser
def test_search_apply_a_facet_and_open_a_record(
    live_server: Any, page: Page, library: dict
) -> None:
    page.goto(f"{live_server.url}/en/knowledge/")
    page.get_by_label("Search", exact=True).fill("harbour")
    page.get_by_role("button", name="Search", exact=True).click()
    results = page.locator(".kb-hit")
    expect(results).to_have_count(3)
    expect(page.locator(".kb-snippet mark").first).to_be_visible()
    expect(page.get_by_text("Unpublished draft")).to_have_count(0)

    # The State facet shows counts; ticking it narrows the results and lands in the URL.
    facet = page.locator(".kb-facet").filter(has_text="State").get_by_label("Yberia")
    facet.check()
    page.wait_for_url("**country=YBB**")
    expect(results).to_have_count(1)
    expect(page.locator(".kb-active")).to_contain_text("Yberia")

    page.get_by_role("link", name="Prosecutor v. Dock Workers (fictional)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Prosecutor v. Dock Workers (fictional)"
    )
    expect(page.locator(".kb-citation")).to_contain_text("Palermo knowledge base")
    expect(page.get_by_text("Permanent link")).to_be_visible()


@pytest.mark.browser
def test_arabic_search_lays_out_right_to_left_and_finds_arabic_text(
    live_server: Any, page: Page, library: dict
) -> None:
    page.goto(f"{live_server.url}/ar/knowledge/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("قاعدة المعارف")
    # Typed without the shadda the text carries: the index folds Arabic diacritics.
    page.locator("#kb-q").fill("هربت الكوكايين")
    page.locator(".kb-search__box button").click()
    expect(page.locator(".kb-hit")).to_have_count(1)
    expect(page.locator(".kb-results h2")).to_contain_text("سجل")
    facets = page.locator(".kb-facets").bounding_box()
    width = page.viewport_size["width"] if page.viewport_size else 1280
    assert facets is not None and facets["x"] > width / 2  # the filters column sits on the right
    page.locator(".kb-hit a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("شبكة الميناء")
    expect(page.locator("h1")).to_have_attribute("lang", "ar")


PHONE = {"width": 390, "height": 844}


def _sign_in(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _overflow(page: Page) -> int:
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


@pytest.mark.browser
def test_a_filter_ticked_with_the_keyboard_keeps_the_focus(
    live_server: Any, page: Page, library: dict
) -> None:
    page.goto(f"{live_server.url}/en/knowledge/?q=harbour")
    box = page.locator(".kb-facet").filter(has_text="State").get_by_label("Yberia")
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_url("**country=YBB**")
    expect(page.locator(".kb-hit")).to_have_count(1)
    # Back on the box just ticked, not at the top of the page.
    assert page.evaluate("document.activeElement.name + '=' + document.activeElement.value") == (
        "country=YBB"
    )
    # Empty fields stay out of the address that will be shared.
    assert "year_from" not in page.url and "sort=" not in page.url
    # Unticking with the keyboard the same way.
    page.keyboard.press("Space")
    page.wait_for_url(lambda url: "country=YBB" not in url)
    expect(page.locator(".kb-hit")).to_have_count(3)


@pytest.mark.browser
def test_sorting_with_the_arrow_keys_waits_for_enter(
    live_server: Any, page: Page, library: dict
) -> None:
    page.goto(f"{live_server.url}/en/knowledge/?q=harbour")
    page.locator("#kb-sort").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert "sort=" not in page.url  # moving through the options does not reload the page
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=date_desc**")
    expect(page.locator("#kb-sort")).to_be_focused()


@pytest.mark.browser
def test_on_a_phone_the_filters_fold_away_and_the_results_come_first(
    live_server: Any, page: Page, library: dict
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/knowledge/?q=harbour&country=XAA")
    filters = page.locator("details.kb-filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(filters.locator("summary")).to_contain_text("1 filter on")
    first_hit = page.locator(".kb-hit").first.bounding_box()
    assert first_hit is not None and first_hit["y"] < PHONE["height"] * 1.5
    filters.locator("summary").click()
    expect(
        page.locator(".kb-facet").filter(has_text="State").get_by_label("Xandria")
    ).to_be_checked()
    assert _overflow(page) == 0


@pytest.mark.browser
def test_arabic_pages_keep_english_text_and_links_readable(
    live_server: Any, page: Page, library: dict
) -> None:
    case = library["records"][0]  # written in English
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/ar/knowledge/caselaw/{case.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    summary = page.locator(".kb-record .kb-text").first
    assert summary.evaluate("el => getComputedStyle(el).direction") == "ltr"
    link = page.locator(".kb-permalink a")
    assert link.evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(page.locator("#kb-citation")).to_contain_text("قاعدة معارف باليرمو")
    assert _overflow(page) == 0
    # The hit names the State in Arabic although the index was written in English.
    page.goto(f"{live_server.url}/ar/knowledge/?q=harbour")
    expect(page.locator(".kb-hit").filter(has_text="Harbour Crew")).to_contain_text("زاندريا")


@pytest.mark.browser
def test_a_focal_point_classifies_a_record_and_submits_it_from_its_page(
    live_server: Any, page: Page, world: Any, taxonomy: Any
) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
    _sign_in(page, live_server, world.users["fiona"])
    page.goto(f"{live_server.url}/en/knowledge/caselaw/new/")
    expect(page.locator("#id_country")).to_have_value(str(world.state_x.pk))
    page.get_by_label("Case name").fill("Prosecutor v. Keyboard (fictional)")
    page.get_by_label("Decision date").fill("2026-13")
    page.get_by_label("Trafficking in persons").check()
    page.locator("fieldset", has_text="Cross-cutting issues").get_by_label(
        "Mutual legal assistance"
    ).check()
    page.get_by_label("Convention and Protocol articles").select_option(label="UNTOC art. 18")
    page.get_by_role("button", name="Save").click()
    # A wrong date: told why, and every choice is still there.
    expect(page.get_by_text("is not a real date")).to_be_visible()
    expect(page.get_by_label("Trafficking in persons")).to_be_checked()
    expect(page.get_by_label("Case name")).to_have_value("Prosecutor v. Keyboard (fictional)")
    page.get_by_label("Decision date").fill("2026-03")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Saved as a draft.")
    expect(page.locator(".kb-record")).to_contain_text("Trafficking in persons")
    page.locator(".kb-actions").get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for review.")
    case = CaseLaw.objects.get(title="Prosecutor v. Keyboard (fictional)")
    assert case.status == "submitted"
    assert case.classification["crime_types"] == ["trafficking-in-persons"]
    assert case.classification["articles"] == ["UNTOC-18"]
