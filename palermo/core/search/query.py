"""The backend-neutral query: what the user typed, parsed into terms, phrases and prefixes.

Grammar (deliberately small, and forgiving): words are ANDed; `"a phrase"`; `prefix*`;
`a OR b` (the upper-case word only: "or" is French for gold); `NOT word` and `-word` exclude.
Anything the grammar cannot use (an unbalanced quote, a lone operator, FTS or SQL syntax,
control characters) is read as plain text. The result is in conjunctive form:

    ParsedQuery(required=((a OR b), (c)), excluded=(d,))   # (a OR b) AND c AND NOT d

Each backend compiles this into its own syntax from normalised tokens only, so nothing the user
typed ever reaches the database's query language unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from palermo.core.search.normalise import clean, is_cjk, terms

MAX_QUERY_CHARS = 1000  # a pasted page of text is cut here; nobody types more
MAX_CLAUSES = 24
MAX_PHRASE_TOKENS = 24
OPERATOR_WORDS = {"OR", "AND", "NOT"}
CHUNK_RE = re.compile(r'"[^"]*"|[^\s"]+')


@dataclass(frozen=True)
class Phrase:
    """Consecutive normalised tokens (a word is a phrase of one); `prefix`: the last is a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    required: tuple[tuple[Phrase, ...], ...] = ()  # AND of ORs
    excluded: tuple[Phrase, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.required and not self.excluded

    def positive_phrases(self) -> list[Phrase]:
        return [phrase for clause in self.required for phrase in clause]


def parse_query(text: str) -> ParsedQuery:
    """Parse any input at all; never raises."""
    text = clean(text or "")[:MAX_QUERY_CHARS]
    if text.count('"') % 2:
        # An unbalanced quote is a typo, not syntax: drop the last one.
        cut = text.rfind('"')
        text = text[:cut] + " " + text[cut + 1 :]
    parsed = _parse(text, operators=True)
    if parsed.is_empty:
        parsed = _parse(text, operators=False)
    return parsed


def _parse(text: str, operators: bool) -> ParsedQuery:
    clauses: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    negate_next = False
    or_pending = False
    for chunk in CHUNK_RE.findall(text):
        if operators and chunk in OPERATOR_WORDS:
            if chunk == "NOT":
                negate_next = True
            elif chunk == "OR":
                or_pending = bool(clauses)
            continue
        negate = negate_next
        negate_next = False
        quoted = chunk.startswith('"')
        body = chunk[1:-1] if quoted else chunk
        if operators and not quoted and body.startswith("-") and len(body) > 1:
            negate, body = True, body[1:]
        prefix = operators and not quoted and body.endswith("*")
        for phrase in _phrases(body, prefix, quoted):
            if negate:
                excluded.append(phrase)
            elif or_pending and clauses:
                clauses[-1].append(phrase)
            else:
                clauses.append([phrase])
            or_pending = False
    required = tuple(tuple(clause[:MAX_CLAUSES]) for clause in clauses[:MAX_CLAUSES])
    return ParsedQuery(required=required, excluded=tuple(excluded[:MAX_CLAUSES]))


def _phrases(body: str, prefix: bool, quoted: bool) -> list[Phrase]:
    units = terms(body)[:MAX_PHRASE_TOKENS]
    if not units:
        return []
    if len(units) == 1 and is_cjk(units[0]) and len(units[0]) == 1:
        # One ideograph: the index holds bigrams starting with it, or it alone at a run's end.
        return [Phrase((units[0],), prefix=True)]
    # "e-mail" or "组织犯罪" must stay together: several tokens from one word form a phrase.
    return [Phrase(tuple(units), prefix=prefix)]


def query_words(parsed: ParsedQuery) -> list[str]:
    """The positive tokens, for highlighting and spelling suggestions."""
    return [token for phrase in parsed.positive_phrases() for token in phrase.tokens]
