"""The knowledge base in a real browser: search, a facet, a record; and the same in Arabic."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from palermo.knowledge.models import Status
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
