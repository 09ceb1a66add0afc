"""Our ranking agrees with a plain BM25 baseline (rank_bm25) where the answer is unambiguous.

A tiny fictional case-law corpus goes through `palermo import caselaw`; the same texts are scored
by rank_bm25's BM25Okapi with our tokeniser, and the public search API must put the documents
in the baseline's order for queries where every reasonable ranking agrees: more mentions, a
shorter document, a rare word, title mentions, and only documents holding every word.
benchmarks/ranking_baseline.py makes the same comparison over a few thousand real documents.
"""

from __future__ import annotations

import itertools
import json
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.test import Client
from rank_bm25 import BM25Okapi

from palermo.core.search.normalise import tokens
from palermo.knowledge.models import CaseLaw

pytestmark = pytest.mark.django_db

COURT = "District Court of Xandria"


def case(key: str, title: str, summary: str, full_text: str) -> dict[str, Any]:
    return {
        "id": f"RT-{key}",
        "title": title,
        "country": "XAA",
        "year": "2021",
        "court": COURT,
        "language": "en",
        "summary": summary,
        "full_text": full_text,
    }


# Fictional cases written for this test. Query words and where they occur:
# quillwort: three times in 01's title, once in 02's body;
# saltmarsh: 03 four times, 05 twice, 04 once (bodies of about the same length);
# lanternfish: once each in a short (06) and a long (07) body;
# lighthouse (4 documents) and harbour (6 documents): 08 has lighthouse twice and harbour once,
# 09 the reverse.
CASES = [
    case(
        "01",
        "Quillwort Holdings v. Quillwort Trust: the quillwort herbarium appeal",
        "A dispute over a botanical collection sold twice to two buyers.",
        "The appeal was allowed: the second sale was void because the seller no longer owned "
        "the collection when the contract was made.",
    ),
    case(
        "02",
        "Prosecutor v. Emberly",
        "Theft of rare plants from a public garden.",
        "The accused removed several specimens, among them one quillwort, from the glasshouses "
        "at night and sold them through an online market. Intent to deprive the owner was "
        "proven and a suspended sentence imposed.",
    ),
    case(
        "03",
        "State v. Corrin",
        "Unlawful dumping of waste on protected coastal land.",
        "Inspectors found drums of solvent buried in the saltmarsh behind the depot. The "
        "saltmarsh had been drained in part and the drains hidden under gravel. Experts said the "
        "saltmarsh would take decades to recover, and the lighthouse keeper confirmed that "
        "lorries had entered the saltmarsh at night.",
    ),
    case(
        "04",
        "State v. Halloran",
        "Illegal fishing with explosives near a marine reserve.",
        "Divers saw the accused throw charges from a small boat close to the saltmarsh at the "
        "mouth of the river. The blasts killed fish across a wide area, and the coast guard "
        "seized the boat, the nets and the remaining charges. The lighthouse keeper described "
        "the movements of the boat.",
    ),
    case(
        "05",
        "State v. Mirelle",
        "Sale of protected birds taken from their nests.",
        "The accused took eggs and young birds from nests in the saltmarsh and raised them in "
        "sheds before selling them abroad. Rangers watching the saltmarsh filmed the accused on "
        "three nights, and customs officers found the birds in crates marked as poultry.",
    ),
    case(
        "06",
        "State v. Osei",
        "Smuggling of protected fish.",
        "Customs found frozen lanternfish in a container declared as vegetables.",
    ),
    case(
        "07",
        "State v. Varga",
        "Fraud in the supply of fish meal to farms.",
        "Over four years the company invoiced farms for premium fish meal while delivering a "
        "cheaper mixture, part of it ground lanternfish caught without a licence. Samples taken "
        "by the food agency showed the difference, and the accounts showed payments to a "
        "supplier that existed only on paper. The directors were convicted of fraud and of "
        "keeping false accounts; the company was fined and ordered to repay the farms, and the "
        "profits were confiscated after a financial investigation traced them to bank accounts "
        "held by relatives of the directors in two other States.",
    ),
    case(
        "08",
        "State v. Brandt",
        "Theft of navigation equipment.",
        "The accused broke into the lighthouse twice and took the lamp and the radio from the "
        "lighthouse store, then sold them at the harbour market.",
    ),
    case(
        "09",
        "State v. Kovac",
        "Theft of fuel from moored boats.",
        "The accused siphoned fuel from boats moored in the harbour and stored it in a shed "
        "behind the harbour office, beside the old lighthouse.",
    ),
    case(
        "10",
        "State v. Lindqvist",
        "Migrant smuggling by sea.",
        "The accused organised crossings from the harbour in unsafe boats and charged each "
        "passenger a large fee. Several passengers were rescued at sea.",
    ),
    case(
        "11",
        "State v. Duarte",
        "Money laundering through a shipping agency.",
        "The agency at the harbour received cash from drug sales and paid it out as freight "
        "charges to companies abroad.",
    ),
    case(
        "12",
        "State v. Achterberg",
        "Corruption of port officials.",
        "Two officials at the harbour accepted payments to let containers pass unchecked.",
    ),
    case(
        "13",
        "State v. Nakamura",
        "Trafficking in firearms hidden in machinery.",
        "Rifles were hidden inside machine parts shipped through the harbour and assembled in a "
        "garage.",
    ),
    case(
        "14",
        "State v. Petrov",
        "Forgery of travel documents.",
        "The accused produced false passports in a flat and sold them to people who wished to "
        "travel abroad.",
    ),
]


def indexed_text(row: dict[str, Any]) -> str:
    """What the index holds for a case: title, summary, full text and court."""
    return "\n".join([row["title"], row["summary"], row["full_text"], row["court"]])


DOCUMENTS = [tokens(indexed_text(row), index_side=True) for row in CASES]
BASELINE = BM25Okapi(DOCUMENTS)


def baseline(query: str, every_word: bool = True) -> list[str]:
    """rank_bm25's order; with `every_word`, only documents holding every word (our AND)."""
    words = tokens(query)
    scores = np.asarray(BASELINE.get_scores(words), dtype=float)
    held = [
        all(w in doc for w in words) if every_word else scores[i] > 0
        for i, doc in enumerate(DOCUMENTS)
    ]
    order = sorted((i for i in range(len(CASES)) if held[i]), key=lambda i: -scores[i])
    ranked = [scores[i] for i in order]
    # The test's own design: the baseline must not hesitate between neighbours.
    assert all(a > b * 1.05 for a, b in itertools.pairwise(ranked)), ranked
    return [CASES[i]["id"] for i in order]


@pytest.fixture
def search(world: Any, tmp_path: Path) -> Any:
    """Import the corpus through `palermo import caselaw`; return a search through the API."""
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in CASES), encoding="utf-8")
    out = StringIO()
    call_command("import_records", "caselaw", str(path), "--quiet", stdout=out, stderr=out)
    assert f"{len(CASES)} created" in out.getvalue()
    keys = {str(pk): key for pk, key in CaseLaw.objects.values_list("pk", "external_id")}
    client = Client()

    def run(query: str) -> list[str]:
        response = client.get("/api/v1/knowledge/search", {"q": query, "per_page": 20})
        assert response.status_code == 200
        return [keys[row["id"]] for row in response.json()["results"]]

    return run


def test_title_mentions_rank_above_a_single_mention_in_the_body(search: Any) -> None:
    assert baseline("quillwort") == ["RT-01", "RT-02"]
    assert search("quillwort") == ["RT-01", "RT-02"]


def test_more_mentions_rank_higher_in_bodies_of_about_the_same_length(search: Any) -> None:
    assert baseline("saltmarsh") == ["RT-03", "RT-05", "RT-04"]
    assert search("saltmarsh") == ["RT-03", "RT-05", "RT-04"]


def test_the_shorter_document_ranks_higher_for_the_same_single_mention(search: Any) -> None:
    assert baseline("lanternfish") == ["RT-06", "RT-07"]
    assert search("lanternfish") == ["RT-06", "RT-07"]


def test_every_word_is_required_and_the_order_is_the_baselines(search: Any) -> None:
    assert len(baseline("lighthouse saltmarsh", every_word=False)) == 5  # BM25 alone is OR
    assert baseline("lighthouse saltmarsh") == ["RT-03", "RT-04"]
    assert search("lighthouse saltmarsh") == ["RT-03", "RT-04"]


def test_the_rarer_word_weighs_more(search: Any) -> None:
    assert baseline("harbour lighthouse") == ["RT-08", "RT-09"]
    assert search("harbour lighthouse") == ["RT-08", "RT-09"]
