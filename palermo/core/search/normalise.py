"""The text normaliser in front of both backends, on the index side and the query side.

Both databases receive text that is already reduced to space-separated tokens of letters, digits
and combining marks, so SQLite's unicode61 tokenizer and PostgreSQL's parser split it the same
way and the two backends match the same documents:

- Unicode NFKC (full-width forms, ligatures, compatibility characters) and case folding;
- Latin accents removed (é → e, ß → ss), Cyrillic ё → е (й keeps its breve: it is a letter);
- Arabic: harakat, Quranic marks and tatweel removed; أ إ آ ٱ → ا, ى → ي, ة → ه;
- Chinese and Japanese: runs of ideographs/kana become overlapping bigrams, because neither
  database segments these scripts. Bigrams find every substring of two or more characters
  without a dictionary; a one-character query becomes a prefix query (see query.py). On the index
  side the last character of each run is also emitted alone so that prefix query reaches it.
"""

from __future__ import annotations

import re
import unicodedata


def _mark_ranges() -> str:
    """A regex class body listing every combining mark (category M*) in the Basic Plane."""
    ranges: list[str] = []
    start = None
    for code in range(0x10000):
        is_mark = unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(ranges)


# Python's \w leaves out combining marks, which Devanagari, Thai and others need inside words.
_MARKS = _mark_ranges()
TOKEN_RE = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
# The same split as one negated class, which the regex engine scans much faster.
NON_TOKEN_RE = re.compile(f"[^\\w{_MARKS}]+|_+")
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN_RE = re.compile(f"[{CJK_CLASS}]+")
IS_CJK_RE = re.compile(f"^[{CJK_CLASS}]+$")

ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
LETTER_VARIANTS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ё": "е"}
)
FOLDABLE_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640أإآٱىةё]")
# Letters that may carry a Latin accent (precomposed) or a combining mark after a letter.
ACCENTED_RE = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
LATIN_ACCENT_RE = re.compile("(?<=[a-z])[\u0300-\u036f]+")
ASCII_SEPARATOR_RE = re.compile("[\x00-\x1f\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
# The same for ASCII text as a byte table, lower-casing too: bytes.translate is about fifteen
# times faster than the regex on a judgment's text (runs of spaces it leaves split the same).
ASCII_INDEX_TABLE = bytes(
    ord(" ") if ASCII_SEPARATOR_RE.match(chr(code)) else ord(chr(code).lower())
    for code in range(128)
) + bytes(range(128, 256))
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]")


def clean(text: str) -> str:
    """NFKC and no control characters: the form kept for display-independent processing."""
    if not isinstance(text, str):
        text = str(text)
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates would break SQL
    return CONTROL_RE.sub(" ", unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Case, accents and letter variants folded; punctuation kept (the query parser needs it)."""
    text = clean(text).casefold()
    if text.isascii():
        return text
    if FOLDABLE_RE.search(text):
        text = ARABIC_MARKS_RE.sub("", text).translate(LETTER_VARIANTS)
    if ACCENTED_RE.search(text):
        # Decompose, drop marks that sit on a Latin letter, recompose everything else.
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", LATIN_ACCENT_RE.sub("", decomposed))
    return text


def tokens(text: str, index_side: bool = False) -> list[str]:
    """The indexable units of a text, in order (Chinese as bigrams)."""
    words = NON_TOKEN_RE.sub(" ", fold(text)).split()
    if not CJK_RUN_RE.search(text):
        return words
    result: list[str] = []
    for word in words:
        if not CJK_RUN_RE.search(word):
            result.append(word)
            continue
        # Split mixed words ("第18条") into CJK runs and the rest, in order.
        for part in re.split(f"([{CJK_CLASS}]+)", word):
            if not part:
                continue
            if IS_CJK_RE.match(part):
                result.extend(cjk_units(part, index_side))
            else:
                result.append(part)
    return result


def cjk_units(run: str, index_side: bool) -> list[str]:
    if len(run) == 1:
        return [run]
    units = [run[i : i + 2] for i in range(len(run) - 1)]
    if index_side:
        units.append(run[-1])
    return units


def index_text(text: str) -> str:
    """What the database indexes for a field: the folded text with Chinese as bigrams.

    This is the hot path of bulk indexing, so it leaves splitting into words to the database
    (FTS5's unicode61 and PostgreSQL's parser both split on what is not a letter, digit or
    mark) and only replaces ASCII punctuation, which PostgreSQL's parser would otherwise keep
    inside e-mail addresses, URLs, file paths and numbers ("foo@bar.org", "12.5").
    """
    if not text:
        return ""
    if text.isascii():
        return text.encode("ascii").translate(ASCII_INDEX_TABLE).decode("ascii")
    text = fold(text)
    if CJK_RUN_RE.search(text):
        text = CJK_RUN_RE.sub(lambda run: " " + " ".join(cjk_units(run[0], True)) + " ", text)
    return ASCII_SEPARATOR_RE.sub(" ", text)


def is_cjk(token: str) -> bool:
    return bool(IS_CJK_RE.match(token))
