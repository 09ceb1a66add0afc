"""Reference data held in memory for an import, so each line resolves without a query.

Files repeat the same few names on every line ("Money laundering", "FRA", "18"), so each
distinct text is folded and resolved once per import and remembered.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from palermo.reference.folding import fold
from palermo.reference.models import Article, Country, CrimeType, CrossCuttingIssue

LANGUAGE_NAMES = {
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "العربية": "ar",
    "zh": "zh",
    "zh hans": "zh",
    "zh cn": "zh",
    "zho": "zh",
    "chi": "zh",
    "chinese": "zh",
    "中文": "zh",
    "en": "en",
    "eng": "en",
    "english": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "francais": "fr",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "русскии": "ru",
    "русский": "ru",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "espanol": "es",
}
_TRANSLATED = ("en", "fr", "es", "ru", "ar", "zh_hans")


@dataclass
class Lookups:
    countries: dict[str, Country] = field(default_factory=dict)
    crime_types: dict[str, CrimeType] = field(default_factory=dict)
    issues: dict[str, CrossCuttingIssue] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    references: dict[int, str] = field(default_factory=dict)  # article id → "UNTOC-18"
    _country_of: dict[str, Country | None] = field(default_factory=dict, repr=False)
    _terms_of: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> Lookups:
        lookups = cls()
        for country in Country.objects.select_related("regional_group"):
            names = [country.iso3, country.iso2, country.name, country.official_name]
            if country.numeric:  # ISO numeric (M49) codes, as "004" and as the number 4
                names += [country.numeric, str(int(country.numeric))]
            names += [n for n in (country.lookup_names or "").split("|") if n]
            for name in names:
                if name:
                    lookups.countries.setdefault(country_key(name), country)
        tables: list[tuple[Any, dict[str, Any]]] = [
            (CrimeType, lookups.crime_types),
            (CrossCuttingIssue, lookups.issues),
        ]
        for model, table in tables:
            for term in model.objects.all():
                names = [term.code, term.code.replace("-", " ").replace("_", " ")]
                names += [getattr(term, f"name_{lang}", "") or "" for lang in _TRANSLATED]
                names.append(term.name)
                for name in names:
                    if name:
                        table.setdefault(fold(name), term)
        for article in Article.objects.select_related("instrument"):
            lookups.references[article.pk] = article.reference
            lookups.articles[fold(article.reference)] = article
        return lookups

    def country(self, text: str) -> Country | None:
        """The State a name or code stands for, however cased, accented or punctuated, with or
        without "the", and in the inverted order of lists ("Korea, Republic of")."""
        if text not in self._country_of:
            self._country_of[text] = self._find_country(text or "")
        return self._country_of[text]

    def _find_country(self, text: str) -> Country | None:
        found = self.countries.get(country_key(text))
        if found is None and text.count(",") == 1:
            before, after = text.split(",")
            found = self.countries.get(country_key(f"{after} {before}"))
        return found

    def countries_named(self, text: str) -> list[Country]:
        """The State named, or the States of a comma-separated list ("FRA, ITA"); [] if any
        of them is unknown."""
        found = self.country(text)
        if found is not None:
            return [found]
        parts = [self.country(part) for part in text.split(",") if part.strip()]
        if len(parts) > 1 and all(p is not None for p in parts):
            return [p for p in parts if p is not None]
        return []

    def crime_type(self, text: str) -> CrimeType | None:
        return self.crime_types.get(fold(text or ""))

    def issue(self, text: str) -> CrossCuttingIssue | None:
        return self.issues.get(fold(text or ""))

    def article(self, text: str) -> Article | None:
        """'UNTOC-18', 'untoc 18', 'art. 18' or '18' (a bare number means UNTOC)."""
        words = fold(text or "").split()
        number = next((w for w in words if w[0].isdigit()), None)
        if number is None:
            return None
        instrument = "untoc"
        for word in words:
            if word in INSTRUMENT_WORDS:
                instrument = INSTRUMENT_WORDS[word]
                break
        return self.articles.get(f"{instrument} {number}")

    def reference(self, article: Article) -> str:
        """The article's code, such as UNTOC-18 (worked out once, at loading)."""
        return self.references.get(article.pk) or article.reference

    def terms(self, kind: str, text: str) -> list[Any]:
        """Terms named by a value; a value with commas that is not itself a name is read as
        a comma-separated list ("Corruption, Money laundering")."""
        key = (kind, text)
        if key not in self._terms_of:
            self._terms_of[key] = tuple(self._find_terms(kind, text))
        return list(self._terms_of[key])

    def _find_terms(self, kind: str, text: str) -> list[Any]:
        find = {"crime_type": self.crime_type, "issue": self.issue, "article": self.article}[kind]
        found = find(text)
        if found is not None:
            return [found]
        if "," in text:
            parts = [find(part) for part in text.split(",") if part.strip()]
            if parts and all(p is not None for p in parts):
                return parts
        return []


# Words a State's name may have or not in files ("The Netherlands", "Bosnia & Herzegovina").
_COUNTRY_NOISE = frozenset({"the", "and"})


def country_key(name: str) -> str:
    """The look-up key of a State's name: folded (case, accents, punctuation), without "the"
    and "and", "Saint" as "St", and initials joined ("U.S." is "us", "U K" is "uk")."""
    words = fold(name).split()
    words = ["st" if w == "saint" else w for w in words if w not in _COUNTRY_NOISE] or words
    if len(words) > 1 and all(len(w) == 1 for w in words):
        return "".join(words)
    return " ".join(words)


# Words that name an instrument in article references ("TIP Protocol art. 5", "SOM-6").
INSTRUMENT_WORDS = {
    "untoc": "untoc",
    "convention": "untoc",
    "tip": "tip",
    "trafficking": "tip",
    "som": "som",
    "smuggling": "som",
    "migrants": "som",
    "firearms": "firearms",
    "uncac": "uncac",
    "corruption": "uncac",
    "drugs1988": "drugs1988",
}


@functools.lru_cache(maxsize=1024)
def language_code(text: str) -> str | None:
    """The code of a language named in a line ("English", "fr", "中文"); None if unknown."""
    key = fold(text or "")
    if not key:
        return "en"
    return LANGUAGE_NAMES.get(key) or LANGUAGE_NAMES.get(key.split(" ")[0])
