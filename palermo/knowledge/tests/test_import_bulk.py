"""The bulk write path of `palermo import`: many lines per statement, each row in its place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palermo.core.search import SearchPlan, search
from palermo.knowledge.importing.line import _looks_like_url
from palermo.knowledge.importing.loader import import_file
from palermo.knowledge.importing.lookups import Lookups
from palermo.knowledge.models import CaseLaw, Legislation, Provision


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def case_line(n: int, edition: str = "") -> dict[str, Any]:
    return {
        "id": f"BULK-{n}",
        "title": f"Prosecutor v. Number {n} (fictional){edition}",
        "country": "XAA" if n % 2 else "YBB",
        "year": str(2000 + n),
        "crime_types": ["Trafficking in persons"] if n % 3 else ["money-laundering"],
        "untoc_articles": ["18"] if n % 2 else ["16", "5"],
        "summary": f"Summary of case {n}{edition}.",
        "defendants": [{"name": f"Defendant {n}{edition}", "outcome": "convicted"}],
    }


@pytest.mark.django_db
def test_new_and_replaced_records_in_one_batch_keep_their_own_rows(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    import_file("caselaw", write_jsonl(tmp_path / "a.jsonl", [case_line(n) for n in range(10)]))
    first = {c.external_id: c for c in CaseLaw.objects.all()}
    lines = [case_line(n, " [corrected]") for n in range(10)] + [
        case_line(n) for n in range(10, 30)
    ]
    report = import_file("caselaw", write_jsonl(tmp_path / "b.jsonl", lines))
    assert (report.created, report.updated, report.unchanged) == (20, 10, 0)
    for n, line in enumerate(lines):
        case = CaseLaw.objects.get(external_id=line["id"])
        assert case.title == line["title"]
        assert case.country.iso3 == line["country"]
        assert [p.name for p in case.parties.all()] == [line["defendants"][0]["name"]]
        assert len(case.crime_types.all()) == 1 and len(case.articles.all()) == (1 if n % 2 else 2)
        versions = list(case.history.order_by("history_id"))
        assert [v.history_type for v in versions] == (["+", "~"] if n < 10 else ["+"])
        assert {v.history_change_reason for v in versions} == {"import"}
        assert versions[-1].title == case.title and versions[-1].country_id == case.country_id
        assert versions[-1].classification == case.classification
        if n < 10:
            assert case.pk == first[line["id"]].pk
            assert case.created_at == first[line["id"]].created_at
        hits = search(SearchPlan(text=f'"number {n}"')).hits
        assert [h.key for h in hits] == [str(case.pk)]
    assert CaseLaw.objects.count() == 30


@pytest.mark.django_db
def test_reimported_law_replaces_its_provisions_and_their_links(
    world: Any, taxonomy: Any, tmp_path: Path
) -> None:
    law = {
        "id": "XAA-ACT-9",
        "title": "Act on Mutual Assistance (fictional)",
        "country": "XAA",
        "provisions": [
            {"reference": "Art. 1", "text": "Requests go to the ministry.", "articles": ["18"]},
            {"reference": "Art. 2", "text": "Extradition needs a treaty.", "articles": ["16"]},
        ],
    }
    import_file("legislation", write_jsonl(tmp_path / "a.jsonl", [law]))
    changed = {
        **law,
        "provisions": [{"reference": "Art. 1", "text": "Changed.", "articles": ["5"]}],
    }
    report = import_file("legislation", write_jsonl(tmp_path / "b.jsonl", [changed]))
    assert report.updated == 1
    record = Legislation.objects.get()
    provision = record.provisions.get()
    assert (provision.reference, provision.text) == ("Art. 1", "Changed.")
    assert list(provision.articles.all()) == [taxonomy.art5]
    assert Provision.articles.through.objects.count() == 1
    assert record.classification["articles"] == ["UNTOC-5"]


def _reference_looks_like_url(text: str) -> bool:
    """The rule written the slow, obvious way."""
    if any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost")


@pytest.mark.parametrize(
    "text",
    [
        "https://courts.example.org/a/1?x=2#p",
        "HTTP://Example.ORG",
        "http://localhost:8000/x",
        "http://LOCALHOST",
        "http://intranet/x",
        "https://user:pw@example.org/",
        "https://[::1]/",
        "https://[broken/",
        "ftp://example.org/",
        "https://example.org/a b",
        "https://example.org:99999/",
        "https://example.org:/x",
        "https://exa_mple.org/",
        "example.org",
        "",
    ],
)
def test_address_check_agrees_with_the_plain_rule(text: str) -> None:
    assert _looks_like_url(text) == _reference_looks_like_url(text)


@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda scheme, rest: scheme + rest,
            st.sampled_from(["http://", "https://", "HTTPS://", "ftp://"]),
            st.text(alphabet="abcXYZ019.-:/?#@[]_ \t%", max_size=30),
        ),
    )
)
def test_address_check_agrees_with_the_plain_rule_on_any_text(text: str) -> None:
    assert _looks_like_url(text) == _reference_looks_like_url(text)


@pytest.mark.django_db
def test_lookups_remember_each_text_and_hand_out_fresh_lists(world: Any, taxonomy: Any) -> None:
    lookups = Lookups.load()
    found = lookups.terms("crime_type", "Trafficking in persons, Money laundering")
    assert found == [taxonomy.trafficking, taxonomy.laundering]
    found.clear()
    assert lookups.terms("crime_type", "Trafficking in persons, Money laundering") == [
        taxonomy.trafficking,
        taxonomy.laundering,
    ]
    assert lookups.country("xaa") == lookups.country("Xandria") == world.state_x
    assert lookups.country("Atlantis") is None and lookups.country("Atlantis") is None
