"""\"Did you mean\": the closest indexed words to the words that found little or nothing.

Candidates come from the vocabulary table `search_term` (every indexed word, kept by the writes),
sharing the first letter and within two edits; of the closest, the most frequent wins (SQLite
counts the entries matching each from FTS5, PostgreSQL reads the counts its bm25 keeps).
A suggestion is offered only if it finds more than the original query did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from palermo.core.search.normalise import TOKEN_RE, fold, is_cjk, stem, tokens
from palermo.core.search.query import ParsedQuery, parse_query

if TYPE_CHECKING:
    from palermo.core.search.backends.base import Filters, SearchBackend

MAX_WORDS_CHECKED = 6
MAX_CANDIDATES = 12  # equally close words whose frequency is looked up
KNOWN_WORD_MINIMUM = 10


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent transpositions, giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def closest_word(cursor: Any, backend: SearchBackend, word: str) -> str | None:
    limit = 1 if len(word) <= 4 else 2
    known = False
    close: list[tuple[int, str]] = []
    for term in backend.vocabulary_candidates(cursor, word):
        if term == word:
            known = True
            continue
        distance = edit_distance(word, term, limit)
        if distance <= limit:
            close.append((distance, term))
    if not close:
        return None
    nearest = min(distance for distance, _term in close)
    candidates = sorted(term for distance, term in close if distance == nearest)[:MAX_CANDIDATES]
    frequencies = backend.term_frequencies(cursor, candidates)
    best = max(candidates, key=lambda term: (frequencies.get(term, 0), [-ord(c) for c in term]))
    # A known word is corrected only when a clearly more common neighbour exists (one edit).
    if known and (nearest > 1 or frequencies.get(best, 0) < KNOWN_WORD_MINIMUM):
        return None
    if not frequencies.get(best, 0):
        return None  # only in the vocabulary of removed entries
    return best


def suggest_spelling(
    cursor: Any,
    backend: SearchBackend,
    raw_text: str,
    parsed: ParsedQuery,
    filters: Filters,
    total: int,
) -> str | None:
    # The query holds search terms (stems for Russian and Arabic); the vocabulary holds words
    # as written, so each term is checked as the user wrote it.
    written = {stem(word): word for word in reversed(tokens(str(raw_text)))}
    corrections: dict[str, str] = {}
    for phrase in parsed.positive_phrases():
        for term in phrase.tokens[:MAX_WORDS_CHECKED]:
            token = written.get(term, term)
            if len(token) < 3 or token.isdigit() or is_cjk(token) or token in corrections:
                continue
            better = closest_word(cursor, backend, token)
            if better:
                corrections[token] = better
    if not corrections:
        return None
    words = []
    for chunk in str(raw_text).split():
        word_tokens = TOKEN_RE.findall(fold(chunk))
        if len(word_tokens) == 1 and word_tokens[0] in corrections:
            start, end = _core(chunk)
            chunk = chunk[:start] + corrections[word_tokens[0]] + chunk[end:]
        words.append(chunk)
    suggestion = " ".join(words)
    if fold(suggestion) == fold(str(raw_text)):
        return None
    from palermo.core.search.engine import count_matching  # the engine imports this module

    compiled = backend.compile_text(parse_query(suggestion))
    better_total = count_matching(cursor, backend, compiled, filters)
    return suggestion if better_total > total else None


def _core(chunk: str) -> tuple[int, int]:
    """Where the word sits inside a chunk such as '"laundring' or 'traffik*'."""
    match = TOKEN_RE.search(chunk)
    return (match.start(), match.end()) if match else (0, len(chunk))
