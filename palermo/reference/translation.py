"""Fields of reference data kept in the six UN languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    RegionalGroup,
)


def _with_history(model: type) -> list[type]:
    """The model and its django-simple-history twin, so history keeps every language."""
    return [model, model.history.model]  # type: ignore[attr-defined]


@register(_with_history(RegionalGroup))
class RegionalGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(_with_history(Country))
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(_with_history(Instrument))
class InstrumentTranslation(TranslationOptions):
    fields = ("short_name", "title")


@register(_with_history(Article))
class ArticleTranslation(TranslationOptions):
    fields = ("title",)


@register(_with_history(CrimeType))
class CrimeTypeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(_with_history(CrossCuttingIssue))
class CrossCuttingIssueTranslation(TranslationOptions):
    fields = ("name", "description")
