"""The corpus for benchmarks/ranking_baseline.py: legal prose this machine already holds.

The licences in /usr/share/common-licenses and the copyright files in /usr/share/doc/*/copyright
(Debian's, written by the packages' authors, not by anyone on the team) are read at run time,
never committed, and split into case-law-shaped documents: title (package name and first line),
summary (the paragraph that line opens) and full text (the rest), with fictional metadata.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LICENCES = Path("/usr/share/common-licenses")
DOCS = Path("/usr/share/doc")
MIN_WORDS, MAX_WORDS, SUMMARY_WORDS = 80, 500, 80
COUNTRIES = ("FRA", "ITA", "BRA", "KEN", "IND", "CAN", "EGY", "JPN", "MEX", "NGA", "POL", "ZAF")
COURTS = ("Court of Appeal (fictional)", "High Court (fictional)", "Supreme Court (fictional)")
CRIME_TYPES = ("corruption", "cybercrime", "money-laundering", "trafficking-in-persons")
ARTICLES = ("5", "6", "16", "18", "23", "34")


@dataclass(frozen=True)
class Document:
    key: str
    source: str
    title: str
    summary: str
    full_text: str
    court: str = ""

    def fields(self) -> tuple[str, str, str]:
        """Title, summary and body as the index holds them (knowledge/indexing.py: the body is
        the full text followed by the court)."""
        body = "\n".join(part for part in (self.full_text, self.court) if part)
        return self.title, self.summary, body


def source_files() -> Iterator[tuple[str, Path]]:
    """(name, path) of every licence and copyright file, identical files once."""
    seen: set[str] = set()
    licences = sorted(p for p in LICENCES.iterdir() if p.is_file() and not p.is_symlink())
    candidates = [(p.name, p) for p in licences]
    candidates += [(p.parent.name, p) for p in sorted(DOCS.glob("*/copyright")) if p.is_file()]
    for name, path in candidates:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            yield name, path


def paragraphs(stanza: str) -> list[str]:
    """A Debian copyright stanza as prose paragraphs (" ." lines separate paragraphs)."""
    lines = ["" if line.strip() == "." else line.strip() for line in stanza.splitlines()]
    blocks = "\n".join(lines).split("\n\n")
    return [block.strip() for block in blocks if block.strip()]


def chunks(text: str) -> Iterator[list[str]]:
    """Runs of paragraphs: a stanza (or several short ones), cut near MAX_WORDS."""
    current: list[str] = []
    words = 0
    for stanza in re.split(r"\n[ \t]*\n", text):
        for paragraph in paragraphs(stanza):
            size = len(paragraph.split())
            if current and words + size > MAX_WORDS:
                yield current
                current, words = [], 0
            current.append(paragraph)
            words += size
        if words >= MIN_WORDS:
            yield current
            current, words = [], 0
    if words >= MIN_WORDS:
        yield current


def shape(source: str, parts: list[str]) -> tuple[str, str, str]:
    """(title, summary, full text): package and first line, the next paragraph, the rest.

    The first line is not repeated in the summary, as a case name is not its summary."""
    first, _newline, rest_of_first = parts[0].partition("\n")
    title = f"{source}: {first}"
    if len(title) > 150:
        title = title[:150].rsplit(" ", 1)[0]
    rest = [part for part in (rest_of_first, *parts[1:]) if part.strip()]
    summary_words = " ".join(rest[:1]).split()
    summary = " ".join(summary_words[:SUMMARY_WORDS])
    full_text = [" ".join(summary_words[SUMMARY_WORDS:]), *rest[1:]]
    return title, summary, "\n\n".join(part for part in full_text if part)


def build_corpus(limit: int, per_file: int, seed: int) -> list[Document]:
    """Up to `limit` documents, at most `per_file` from one file, no two with the same text."""
    from palermo.core.search.normalise import tokens

    found: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for name, path in source_files():
        taken = 0
        for parts in chunks(path.read_text(encoding="utf-8", errors="replace")):
            title, summary, full_text = shape(name, parts)
            digest = hashlib.sha256(" ".join(tokens(summary + " " + full_text)).encode()).digest()
            if digest.hex() in seen or taken >= per_file:
                continue
            seen.add(digest.hex())
            found.append((name, title, summary, full_text))
            taken += 1
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(found)), min(limit, len(found))))
    return [
        Document(f"RB-{n:05d}", *found[i], court=rng.choice(COURTS))
        for n, i in enumerate(chosen, start=1)
    ]


def import_line(doc: Document, rng: random.Random) -> dict[str, Any]:
    """One line of docs/data-formats.md's case-law format; the metadata is fictional."""
    return {
        "id": doc.key,
        "source_url": f"https://example.org/ranking-baseline/{doc.key}",
        "title": doc.title,
        "country": rng.choice(COUNTRIES),
        "year": str(rng.randint(1995, 2025)),
        "court": doc.court,
        "crime_types": rng.sample(CRIME_TYPES, rng.randint(1, 2)),
        "untoc_articles": rng.sample(ARTICLES, 1),
        "language": "en",
        "summary": doc.summary,
        "full_text": doc.full_text,
        "source": f"Debian copyright and licence texts ({doc.source}), split by a benchmark",
    }


def write_jsonl(docs: Sequence[Document], path: Path, seed: int) -> None:
    rng = random.Random(seed + 1)
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(import_line(doc, rng), ensure_ascii=False) + "\n")
