"""Reference rows the knowledge tests classify records with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from palermo.reference.models import Article, CrimeType, CrossCuttingIssue
from palermo.reference.tests.conftest import (  # noqa: F401  (the shipped reference data)
    _reference_data_for_module,
    reference_data,
)
from palermo.reference.tests.factories import (
    ArticleFactory,
    CrimeTypeFactory,
    CrossCuttingIssueFactory,
    InstrumentFactory,
)


@dataclass
class Taxonomy:
    trafficking: CrimeType
    laundering: CrimeType
    mla: CrossCuttingIssue
    extradition: CrossCuttingIssue
    art5: Article
    art16: Article
    art18: Article


@pytest.fixture
def taxonomy(db: Any) -> Taxonomy:
    untoc = InstrumentFactory()
    return Taxonomy(
        trafficking=CrimeTypeFactory(
            code="trafficking-in-persons",
            name="Trafficking in persons",
            name_fr="Traite des personnes",
        ),
        laundering=CrimeTypeFactory(code="money-laundering", name="Money laundering"),
        mla=CrossCuttingIssueFactory(
            code="mutual-legal-assistance", name="Mutual legal assistance"
        ),
        extradition=CrossCuttingIssueFactory(code="extradition", name="Extradition"),
        art5=ArticleFactory(instrument=untoc, number="5", title="Participation in a group"),
        art16=ArticleFactory(instrument=untoc, number="16", title="Extradition"),
        art18=ArticleFactory(instrument=untoc, number="18", title="Mutual legal assistance"),
    )
