"""The index is written in the record's transaction: a rollback leaves no index entry behind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from palermo.core.search import SearchDocument, SearchPlan, clear_kind, index_document, search
from palermo.reference.models import Country
from palermo.reference.tests.factories import CountryFactory


class Refused(Exception):
    pass


def specimen(key: str) -> SearchDocument:
    return SearchDocument(
        kind="specimen", key=key, title=f"Specimen judgment {key}", facets={"country": ["ZZZ"]}
    )


@pytest.fixture
def clean_index(transactional_db: Any) -> Iterator[None]:
    yield
    # Django's flush empties the tables it knows, not the FTS5 table; leave nothing behind.
    clear_kind("specimen")


@pytest.mark.django_db(transaction=True)
def test_rolled_back_record_leaves_no_index_entry(clean_index: None) -> None:
    with pytest.raises(Refused), transaction.atomic():
        CountryFactory(iso2="ZZ", iso3="ZZZ", numeric="999", name="Zedland")
        index_document(specimen("1"))
        assert search(SearchPlan(text="specimen")).total == 1  # visible inside the transaction
        raise Refused
    assert not Country.objects.filter(iso3="ZZZ").exists()
    results = search(SearchPlan(text="specimen", facets=["country"]))
    assert results.total == 0
    assert search(SearchPlan(facets=["country"])).facets["country"] == []


@pytest.mark.django_db(transaction=True)
def test_committed_record_is_searchable_at_once(clean_index: None) -> None:
    with transaction.atomic():
        index_document(specimen("2"))
    assert [hit.key for hit in search(SearchPlan(text="specimen")).hits] == ["2"]
