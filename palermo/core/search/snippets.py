"""Highlighted snippets: a window of the original text, escaped, with matches in <mark>.

Matching is done on the normalised form of each original word, so "Тайник" in the text is marked
for the query "тайник", "أحمد" for "احمد", and "犯罪" inside "组织犯罪" for the query "犯罪".
"""

from __future__ import annotations

import functools
import html
import re

from palermo.core.search.normalise import CJK_RUN_RE, TOKEN_RE, clean, fold, is_cjk, terms
from palermo.core.search.query import ParsedQuery

SNIPPET_CHARS = 240
LEAD_CHARS = 60


class Matcher:
    def __init__(self, parsed: ParsedQuery) -> None:
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.cjk: set[str] = set()
        for phrase in parsed.positive_phrases():
            if all(is_cjk(token) for token in phrase.tokens):
                # Bigrams "组织", "织犯", "犯罪" come back together as "组织犯罪".
                self.cjk.add(phrase.tokens[0] + "".join(token[-1] for token in phrase.tokens[1:]))
                continue
            for i, token in enumerate(phrase.tokens):
                is_last = i == len(phrase.tokens) - 1
                (self.prefixes if phrase.prefix and is_last else self.words).add(token)

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.prefixes or self.cjk)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Matches in text, up to one snippet's reach past the first (all a snippet can show)."""
        found: list[tuple[int, int]] = []
        stop = len(text)
        for word in TOKEN_RE.finditer(text):
            if word.start() > stop:
                break
            value = word.group()
            if value.isascii():
                # The common case, without the full fold (NFKC, marks) that only non-ASCII needs.
                hit = self.matches(value.lower())
            elif CJK_RUN_RE.search(value):
                found.extend(
                    (word.start() + match.start(), word.start() + match.end())
                    for needle in self.cjk
                    for match in re.finditer(re.escape(needle), value)
                )
                hit = False
            else:
                hit = self.matches(folded_word(value))
            if hit:
                found.append(word.span())
            if found and stop == len(text):
                stop = min(found)[0] + SNIPPET_CHARS
        return sorted(found)

    def matches(self, folded: str) -> bool:
        return folded in self.words or any(folded.startswith(p) for p in self.prefixes)


@functools.lru_cache(maxsize=20_000)
def folded_word(word: str) -> str:
    """A non-ASCII word as the index sees it (its search terms); words repeat a lot across the
    hits of a page."""
    return " ".join(terms(word))


def make_snippet(summary: str, body: str, parsed: ParsedQuery) -> str:
    """A passage of the summary or body around the first match, or the summary's start.

    Of the two, the one showing more different query words wins (the summary on a tie), so a
    body holding the whole phrase beats a summary holding one of its words.
    """
    matcher = Matcher(parsed)
    best: tuple[int, str, list[tuple[int, int]]] | None = None
    fallback = ""
    for raw in (summary, body):
        text = clean(raw or "")
        if not text.strip():
            continue
        fallback = fallback or text
        spans = [] if matcher.is_empty else matcher.spans(text)
        # Distinct words shown within one snippet's reach of the first match.
        reach = spans[0][0] + SNIPPET_CHARS - LEAD_CHARS if spans else 0
        variety = len({fold(text[start:end]) for start, end in spans if end <= reach})
        if spans and (best is None or variety > best[0]):
            best = (variety, text, spans)
    return render(best[1], best[2]) if best else render(fallback, [])


def render(text: str, spans: list[tuple[int, int]]) -> str:
    start = 0
    if spans and spans[0][0] > LEAD_CHARS:
        start = spans[0][0] - LEAD_CHARS
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + SNIPPET_CHARS // 2 else end
    pieces = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append("<mark>" + html.escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces).strip()
