"""How knowledge records appear in the search index (palermo.core.search).

Facet names are shared with the search page and the API: type, country (ISO alpha-3),
regional_group, crime_type, cross_cutting_issue, article (e.g. UNTOC-18), court, language.
The year comes from the document's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from palermo.core.search import SearchDocument
from palermo.knowledge.models import (
    RECORD_MODELS,
    CaseLaw,
    KnowledgeRecord,
    Legislation,
    Publication,
    Status,
    Strategy,
    Treaty,
)

KINDS = tuple(RECORD_MODELS)


def _body(record: KnowledgeRecord, provisions_text: str = "") -> str:
    parts = [record.full_text]
    if isinstance(record, CaseLaw):
        parts += [record.procedural_history, record.commentary, record.court, record.case_number]
    elif isinstance(record, Legislation):
        parts.append(provisions_text)
    elif isinstance(record, Publication):
        parts += [record.authors, record.publisher, " ".join(record.keywords)]
    elif isinstance(record, Strategy):
        parts.append(record.issuing_body)
    return "\n".join(p for p in parts if p)


def document_for(
    record: KnowledgeRecord,
    *,
    countries: list[Any] | None = None,
    provisions_text: str | None = None,
    state_names: dict[int, str] | None = None,
) -> SearchDocument:
    """The search document of a record. `countries` and `provisions_text` let bulk callers
    pass what they already hold; otherwise they are read from the record. `state_names`
    lets them keep the States' names (in the active language) from one record to the next."""
    if countries is None:
        if isinstance(record, Treaty) and record.pk:
            countries = list(record.parties.select_related("regional_group"))
        else:
            countries = [record.country] if record.country_id else []
    if provisions_text is None and isinstance(record, Legislation) and record.pk:
        provisions_text = "\n".join(
            f"{p.reference} {p.heading}\n{p.text}" for p in record.provisions.all()
        )
    classification = record.classification or {}
    facets: dict[str, list[str]] = {
        "type": [record.KIND],
        "country": sorted({c.iso3 for c in countries}),
        "regional_group": sorted({c.regional_group.code for c in countries if c.regional_group_id}),
        "crime_type": list(classification.get("crime_types", [])),
        "cross_cutting_issue": list(classification.get("cross_cutting_issues", [])),
        "article": list(classification.get("articles", [])),
        "language": [record.language] if record.language else [],
    }
    if isinstance(record, CaseLaw) and record.court:
        facets["court"] = [record.court]
    primary = record.country if record.country_id else (countries[0] if countries else None)
    extra = {
        "state": primary.iso3 if primary else "",
        "state_name": _state_name(primary, state_names) if primary else "",
        "source_url": record.source_url,
        "date_display": (record.decision_date_display if isinstance(record, CaseLaw) else ""),
    }
    return SearchDocument(
        kind=record.KIND,
        key=str(record.pk),
        title=record.title,
        summary=record.summary,
        body=_body(record, provisions_text or ""),
        language=record.language,
        date=record.sort_date,
        facets={name: values for name, values in facets.items() if values},
        extra=extra,
        is_public=record.status == Status.PUBLISHED,
    )


def _state_name(country: Any, names: dict[int, str] | None) -> str:
    """The State's name in the active language (translated, so each read costs a look-up)."""
    if names is None:
        name: str = country.name
        return name
    if country.pk not in names:
        names[country.pk] = country.name
    return names[country.pk]


def iter_documents(kind: str) -> Iterator[SearchDocument]:
    """Every published record of a kind, for `palermo reindex`."""
    model = RECORD_MODELS[kind]
    records = model.objects.filter(status=Status.PUBLISHED).select_related(
        "country", "country__regional_group"
    )
    if model is Treaty:
        records = records.prefetch_related("parties__regional_group")
    if model is Legislation:
        records = records.prefetch_related("provisions")
    for record in records.iterator(chunk_size=1000):
        countries = list(record.parties.all()) if isinstance(record, Treaty) else None
        provisions_text = (
            "\n".join(f"{p.reference} {p.heading}\n{p.text}" for p in record.provisions.all())
            if isinstance(record, Legislation)
            else None
        )
        yield document_for(record, countries=countries, provisions_text=provisions_text)


def register_indexers() -> None:
    from palermo.core.search import register_indexer

    for kind in KINDS:
        register_indexer(kind, partial(iter_documents, kind))
