"""Reference pages in the six languages: countries, a country's profile, instruments, taxonomies."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from conftest import PERSONA_NAMES, World
from palermo.reference import sections

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
FRANCE = {
    "en": "France",
    "fr": "France",
    "es": "Francia",
    "ru": "Франция",
    "ar": "فرنسا",
    "zh-hans": "法国",
}
PARTY = {
    "en": "Party",
    "fr": "Partie",
    "es": "Parte",
    "ru": "Участник",
    "ar": "طرف",
    "zh-hans": "缔约国",
}
NOT_RECORDED = {
    "en": "Not recorded",
    "fr": "Non enregistré",
    "es": "Sin registro",
    "ru": "Нет сведений",
    "ar": "غير مسجل",
    "zh-hans": "无记录",
}
# Afghanistan signed UNTOC on 14 December 2000, in each language's own date format.
SIGNED = {
    "en": "Dec. 14, 2000",
    "fr": "14 décembre 2000",
    "es": "14 de diciembre de 2000",
    "ru": "14 декабря 2000",
    "ar": "2000",
    "zh-hans": "2000年12月14日",
}

PAGES = [
    "/{lang}/reference/",
    "/{lang}/reference/?q=fra&group=weog&un_member=yes",
    "/{lang}/reference/countries/AFG/",
    "/{lang}/reference/instruments/",
    "/{lang}/reference/instruments/untoc/",
    "/{lang}/reference/instruments/som/",
    "/{lang}/reference/crime-types/",
    "/{lang}/reference/cross-cutting-issues/",
]


def html_of(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return str(response.content.decode())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_reference_page_renders_in_each_language(reference_data, client, lang):
    for page in PAGES:
        html = html_of(client, page.format(lang=lang))
        assert f'lang="{lang}"' in html
        assert ('dir="rtl"' in html) == (lang == "ar")
        assert 'style="' not in html and "<script>" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_countries_are_named_and_sorted_in_the_page_language(reference_data, client, lang):
    html = html_of(client, f"/{lang}/reference/")
    assert f">{FRANCE[lang]}</a>" in html
    assert "Countries and territories found: 249" in html or lang != "en"


@pytest.mark.parametrize(
    "lang, first, second",
    [
        ("en", "Albania", "Zimbabwe"),
        ("fr", "Afrique du Sud", "Albanie"),  # sorted as French readers expect, not by byte
        ("fr", "Égypte", "Érythrée"),
        ("fr", "Équateur", "Espagne"),
        ("es", "Alemania", "Bélgica"),
        ("ru", "Австралия", "Франция"),
    ],
)
def test_sort_order_ignores_case_and_accents(reference_data, client, lang, first, second):
    html = html_of(client, f"/{lang}/reference/")
    assert html.index(f">{first}</a>") < html.index(f">{second}</a>")


@pytest.mark.parametrize(
    "query, present, absent",
    [
        ("?q=Франция", "France", "Germany"),
        ("?q=fra", "France", "Germany"),
        ("?q=DEU", "Germany", "France"),
        ("?group=weog&un_member=yes", "United States", "Brazil"),
        ("?un_member=no", "Puerto Rico", "France"),
        ("?group=grulac", "Brazil", "France"),
    ],
)
def test_countries_filters(reference_data, client, query, present, absent):
    html = html_of(client, f"/en/reference/{query}")
    assert f">{present}</a>" in html and f">{absent}</a>" not in html


def test_an_unknown_group_is_reported_and_everything_listed(reference_data, client):
    html = html_of(client, "/en/reference/?group=atlantis")
    assert "Select a valid choice" in html
    assert "Countries and territories found: 249" in html


def test_no_match_says_so(reference_data, client):
    html = html_of(client, "/en/reference/?q=Atlantis")
    assert "No country or territory matches" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_page_shows_participation_with_provenance(reference_data, client, lang):
    html = html_of(client, f"/{lang}/reference/countries/AFG/")
    assert PARTY[lang] in html and NOT_RECORDED[lang] in html
    assert SIGNED[lang] in html
    assert 'href="http://treaties.un.org/Pages/ShowMTDSGDetails.aspx?' in html
    assert 'datetime="2024-05-04"' in html  # the "as at" date of the record


def test_country_page_shows_codes_group_and_observer_status(reference_data, client):
    html = html_of(client, "/en/reference/countries/USA/")
    assert "<h1>United States</h1>" in html
    assert "<strong>US</strong>" in html and "<strong>840</strong>" in html
    assert "Western European and other States" in html
    assert "observer, counted with the group for elections" in html
    territory = html_of(client, "/en/reference/countries/PRI/")
    assert "Not a UN member State" in territory


def test_a_state_without_a_record_is_not_recorded_never_not_a_party(reference_data, client):
    html = html_of(client, "/en/reference/countries/USA/")
    assert "Not a party" not in html
    assert html.count(">Not recorded<") == 6


@pytest.mark.parametrize(
    "url",
    [
        "/en/reference/countries/ZZZ/",
        "/en/reference/countries/TOOLONG/",
        "/en/reference/instruments/palermo/",
    ],
)
def test_unknown_codes_are_not_found(reference_data, client, url):
    assert client.get(url).status_code == 404


def test_instrument_page_lists_articles(reference_data, client):
    html = html_of(client, "/fr/reference/instruments/untoc/")
    assert html.count('<tr id="art-') == 41
    assert "Entraide judiciaire" in html and "<code>UNTOC-18</code>" in html
    assert "29 septembre 2003" in html
    protocol = html_of(client, "/en/reference/instruments/tip/")
    assert 'href="/en/reference/instruments/untoc/"' in protocol


def test_taxonomy_pages(reference_data, client):
    html = html_of(client, "/es/reference/crime-types/")
    assert 'id="trafficking-in-persons"' in html and "Trata de personas" in html
    issues = html_of(client, "/zh-hans/reference/cross-cutting-issues/")
    assert "司法协助" in issues


def test_participation_status_escapes_and_drops_unsafe_sources(reference_data, client):
    from palermo.reference.models import Participation

    record = Participation.objects.get(country__iso3="AFG", instrument__code="untoc")
    record.sources = ["javascript:alert(1)", "https://example.org/<b>"]
    record.central_authority_notified = "<script>alert(1)</script>"
    record.save()
    html = html_of(client, "/en/reference/countries/AFG/")
    assert "javascript:" not in html and "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_other_apps_contribute_sections_to_the_country_page(reference_data, client, monkeypatch):
    def contributed(app: str) -> Any:
        if app == "knowledge":
            return SimpleNamespace(
                country_section=lambda request, country: {
                    "title": f"Laws of {country.iso3}",
                    "template": "reference/participation_status.html",
                    "context": {"participation": None, "compact": True},
                }
            )
        if app == "cases":
            return SimpleNamespace(country_section=lambda request, country: None)
        return None

    monkeypatch.setattr(sections, "_section_module", contributed)
    html = html_of(client, "/en/reference/countries/AFG/")
    assert '<h2 id="section-knowledge">Laws of AFG</h2>' in html
    assert 'id="section-cases"' not in html


@pytest.mark.parametrize("page", PAGES)
def test_pages_need_few_queries(reference_data, client, django_assert_max_num_queries, page):
    with django_assert_max_num_queries(15):
        client.get(page.format(lang="fr"))


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_reference_pages_are_public_for_every_persona(reference_data, world: World, persona):
    client = world.client(persona)
    for page in PAGES:
        assert client.get(page.format(lang="en")).status_code == 200


ADMIN_PAGES = [
    "/en/admin/reference/country/",
    "/en/admin/reference/participation/",
    "/en/admin/reference/article/",
    "/en/admin/reference/crimetype/",
]


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("anon", 302),
        ("practitioner", 302),
        ("alice", 302),
        ("bob", 302),
        ("sam", 302),
        ("adam", 302),
        ("fiona", 302),
        ("eddie", 302),
        ("staff", 200),
    ],
)
def test_reference_admin_is_for_staff_only(reference_data, world: World, persona, expected):
    client = world.client(persona)
    for page in ADMIN_PAGES:
        response = client.get(page)
        assert response.status_code == expected, page
        if expected == 302:
            assert "/admin/login/" in response["Location"] or "/accounts/" in response["Location"]


def test_a_section_without_a_template_is_left_out_not_fatal(reference_data, client, monkeypatch):
    monkeypatch.setattr(
        sections,
        "_section_module",
        lambda app: (
            SimpleNamespace(
                country_section=lambda request, country: {"title": f"From {app}", "count": 1}
            )
            if app == "review"
            else None
        ),
    )
    response = client.get("/en/reference/countries/AFG/")
    assert response.status_code == 200
    assert "From review" not in response.content.decode()


def test_staff_edit_a_country_in_the_admin_with_history(reference_data, world: World):
    from palermo.reference.models import Country
    from palermo.reference.selectors import find_country

    client = world.client("staff")
    france = Country.objects.get(iso3="FRA")
    page = client.get(f"/en/admin/reference/country/{france.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    for field in ("name_en", "name_fr", "name_ar", "name_zh_hans", "name_ru", "name_es"):
        assert f'name="{field}"' in html
    data = {
        "name_en": "France",
        "name_fr": "France",
        "name_es": "Francia",
        "name_ru": "Франция",
        "name_ar": "فرنسا",
        "name_zh_hans": "法国",
        "official_name": "French Republic",
        "aliases": '["Hexagone"]',
        "iso2": "FR",
        "iso3": "FRA",
        "numeric": "250",
        "is_un_member": "on",
        "regional_group": str(france.regional_group_id),
    }
    response = client.post(f"/en/admin/reference/country/{france.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert find_country("hexagone") == france
    latest = france.history.first()
    assert latest.history_user == world.users["staff"] and latest.aliases == ["Hexagone"]
    history = client.get(f"/en/admin/reference/country/{france.pk}/history/")
    assert history.status_code == 200


def test_staff_edit_participation_notifications_with_history(reference_data, world: World):
    from palermo.reference.models import Participation

    client = world.client("staff")
    record = Participation.objects.get(country__iso3="DEU", instrument__code="untoc")
    url = f"/en/admin/reference/participation/{record.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "country": record.country_id,
            "instrument": record.instrument_id,
            "signature": "2000-12-12",
            "consent_action": "ratification",
            "consent_date": "2006-06-14",
            "entry_into_force": "2006-07-14",
            "extradition_basis_accepted": "true",
            "central_authority_notified": "Federal Office of Justice",
            "accepted_languages": '["de", "en"]',
            "sources": '["https://example.org/notice"]',
            "as_at": "2024-05-04",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record.refresh_from_db()
    assert record.extradition_basis_accepted is True
    assert record.accepted_languages == ["de", "en"]
    assert record.history.first().history_user == world.users["staff"]
    html = world.client("anon").get("/en/reference/countries/DEU/").content.decode()
    assert "Federal Office of Justice" in html and "de, en" in html
