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

Then each word becomes its search term (`stem`), where the script tells the language: a word in
Cyrillic letters goes through the Russian Snowball stemmer (Russian inflects every noun, so
"отмывание" must find "отмывания"), and a word in Arabic letters loses the article and the
conjunctions attached to it ("التعاون", "والتعاون" and "للتعاون" find "تعاون"). Latin words are
not stemmed: English, French and Spanish share the script, and a stemmer of the wrong language
does more harm than none (prefix queries cover their endings). `tokens` gives the words as
written (folded), `terms` the search terms; the index and every query use the terms, the
spelling vocabulary the words.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

import snowballstemmer


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
# Whole words (not runs inside a word such as "закона2") of Cyrillic or Arabic letters, after
# folding, which has removed the Arabic marks: the words `stem` changes.
_NOT_AFTER_WORD = f"(?<![^\\W_])(?<![{_MARKS}])"
_NOT_BEFORE_WORD = f"(?![^\\W_])(?![{_MARKS}])"
CYRILLIC_CLASS = "\u0400-\u04ff"
ARABIC_LETTER_CLASS = "\u0621-\u064a\u066e-\u066f\u0671-\u06d3\u06fa-\u06ff"
STEMMED_WORD_RE = re.compile(
    f"{_NOT_AFTER_WORD}(?:[{CYRILLIC_CLASS}]+|[{ARABIC_LETTER_CLASS}]+){_NOT_BEFORE_WORD}"
)
IS_CYRILLIC_RE = re.compile(f"^[{CYRILLIC_CLASS}]+$")
IS_ARABIC_RE = re.compile(f"^[{ARABIC_LETTER_CLASS}]+$")
# Longest first; each is cut only if two letters remain. "و" alone ("and") only from a word of
# four letters or more, as light Arabic stemmers do.
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")

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


_russian = snowballstemmer.stemmer("russian")
_russian_lock = threading.Lock()  # a Snowball stemmer keeps its word in itself while it works


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word's search term: Russian stem, Arabic word without article, else the word."""
    if IS_CYRILLIC_RE.match(word):
        with _russian_lock:
            stemmed = _russian.stemWord(word)
        return stemmed if len(stemmed) >= 2 else word
    if IS_ARABIC_RE.match(word):
        return arabic_term(word)
    return word


def arabic_term(word: str) -> str:
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    if word.startswith("و") and len(word) >= 4:
        return word[1:]
    return word


def terms(text: str, index_side: bool = False) -> list[str]:
    """The search terms of a text, in order: its tokens, each stemmed where its script says."""
    return [stem(token) for token in tokens(text, index_side)]


def _stem_words(text: str) -> str:
    return STEMMED_WORD_RE.sub(lambda word: stem(word[0]), text)


def index_text(text: str) -> str:
    """The indexed form of a field (see `index_forms`)."""
    return index_forms(text)[0]


def index_forms(text: str) -> tuple[str, str]:
    """(indexed text, its words as written): the words differ only where `stem` changed them,
    and are what the spelling vocabulary keeps, so "did you mean" offers real words."""
    folded = _folded_text(text)
    if not folded or folded.isascii() or not STEMMED_WORD_RE.search(folded):
        return folded, folded
    return _stem_words(folded), folded


def _folded_text(text: str) -> str:
    """A field folded for the database, Chinese as bigrams, before any stemming.

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
