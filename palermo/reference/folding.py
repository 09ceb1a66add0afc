"""Folding names for look-up: case-, accent- and punctuation-insensitive, in the six UN scripts.

Plain Python (no Django): `fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote d ivoire"`.
Arabic loses its short vowels and tatweel and its letter variants are unified (hamza-carrying
alifs, alif maqsura, ta marbuta), so a name typed without diacritics still matches.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_VARIANTS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ـ": None,  # tatweel
    }
)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """The look-up key of a name or code: lower case, no accents, single spaces between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    unified = stripped.translate(_ARABIC_VARIANTS).casefold()
    return _NOT_WORD.sub(" ", unified).strip()


def lookup_key(names: list[str]) -> str:
    """Every distinct folded name, written as "|a|b|c|" for a `contains` query on "|key|"."""
    keys = sorted({fold(name) for name in names if name and fold(name)})
    return "|" + "|".join(keys) + "|" if keys else ""
