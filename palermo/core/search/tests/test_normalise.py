"""The normaliser, index side and query side (a table of text -> tokens)."""

from __future__ import annotations

import pytest

from palermo.core.search.normalise import (
    ASCII_SEPARATOR_RE,
    NON_TOKEN_RE,
    index_forms,
    index_text,
    stem,
    terms,
    tokens,
)

CASES = [
    ("Éléphant Straße", ["elephant", "strasse"]),
    ("ÀÉÎÕÜ çñ", ["aeiou", "cn"]),
    ("ＡＢＣ ﬁnance", ["abc", "finance"]),  # NFKC: full-width letters, ligature
    ("مُحَمَّد", ["محمد"]),  # harakat removed
    ("أحمد إسلام آمن ٱلله", ["احمد", "اسلام", "امن", "الله"]),  # alef variants
    ("مستشفى مكتبة", ["مستشفي", "مكتبه"]),  # alef maqsura, ta marbuta
    ("عـــربي", ["عربي"]),  # tatweel
    ("Ёлка йод", ["елка", "йод"]),  # ё folded, й kept
    ("हिंदी", ["हिंदी"]),  # combining marks stay inside the word
    ("组织犯罪", ["组织", "织犯", "犯罪"]),
    ("犯", ["犯"]),
    ("第18条", ["第", "18", "条"]),
    ("e-mail foo@bar.org 12.5", ["e", "mail", "foo", "bar", "org", "12", "5"]),
    ("snake_case", ["snake", "case"]),
    ("\x00\x07tab\tnew\nline", ["tab", "new", "line"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] or "empty" for c in CASES])
def test_query_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_index_side_adds_last_character_of_chinese_runs() -> None:
    # So that a one-character query (a prefix query) also finds the run's last character.
    assert index_text("组织犯罪 money").split() == ["组织", "织犯", "犯罪", "罪", "money"]


@pytest.mark.parametrize("text", [c[0] for c in CASES if "_" not in c[0]] + ["snake_case"])
def test_index_side_splits_like_the_query_side(text: str) -> None:
    # The index side leaves splitting to the database, which splits on what is not a letter,
    # digit or mark, after ASCII punctuation became spaces; the query side must agree.
    expected = terms(text, index_side=True)
    assert NON_TOKEN_RE.sub(" ", index_text(text)).split() == expected


def test_lone_surrogates_do_not_break_anything() -> None:
    assert tokens("a\ud800b") == ["a", "b"]


def test_ascii_table_splits_every_character_as_the_separator_pattern_does() -> None:
    # index_text takes a byte table for ASCII text; each of the 128 characters, alone and
    # between two words, must come out as the pattern used for other text makes it.
    for code in range(128):
        text = f"Ab{chr(code)}Cd"
        assert index_text(text).split() == ASCII_SEPARATOR_RE.sub(" ", text.lower()).split()


def test_ascii_index_text_keeps_words_and_lower_cases() -> None:
    assert index_text("Art. 18(3), UNTOC; see e-mail X@Y.ORG").split() == [
        "art",
        "18",
        "3",
        "untoc",
        "see",
        "e",
        "mail",
        "x",
        "y",
        "org",
    ]


STEMS = [
    # Russian: the forms of one word share a term (Snowball's Russian stemmer).
    ("отмывание", "отмыван"),
    ("отмывания", "отмыван"),
    ("отмыванием", "отмыван"),
    ("доходов", "доход"),
    ("доход", "доход"),
    ("выдачи", "выдач"),
    # Arabic: the article and the conjunctions and prepositions fused with it go.
    ("التعاون", "تعاون"),
    ("والتعاون", "تعاون"),
    ("للتعاون", "تعاون"),
    ("بالتعاون", "تعاون"),
    ("وتعاون", "تعاون"),
    ("تعاون", "تعاون"),
    ("الدم", "دم"),  # two letters left: still cut
    ("الى", "الى"),  # one letter would be left: kept
    ("ولد", "ولد"),  # "و" is cut from words of four letters or more only
    # Latin, digits, Chinese and mixed words are left as they are.
    ("laundering", "laundering"),
    ("blanchiment", "blanchiment"),
    ("2016", "2016"),
    ("犯罪", "犯罪"),
]


@pytest.mark.parametrize("word, expected", STEMS)
def test_search_term_of_a_word(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_forms_of_a_word_find_each_other() -> None:
    assert terms("Отмывание доходов") == terms("отмыванием дохода")
    assert terms("التعاون الدولي") == terms("تعاون دولي")


def test_index_keeps_the_written_words_for_spelling() -> None:
    indexed, written = index_forms("Отмывание доходов, ст.18; «التعاون» e-mail")
    assert indexed.split() == ["отмыван", "доход", "ст", "18", "«تعاون»", "e", "mail"]
    assert written.split() == ["отмывание", "доходов", "ст", "18", "«التعاون»", "e", "mail"]


def test_only_whole_words_are_stemmed() -> None:
    # A Cyrillic run inside a word with digits is one token to the database: left alone.
    assert index_text("закона2 москва") == "закона2 москв"
