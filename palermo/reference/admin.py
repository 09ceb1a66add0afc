from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    RegionalGroup,
)


class HistoryTranslationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    pass


@admin.register(Country)
class CountryAdmin(HistoryTranslationAdmin):
    list_display = ["name", "iso2", "iso3", "is_un_member", "regional_group"]
    list_filter = ["is_un_member", "regional_group"]
    search_fields = ["name", "iso2", "iso3"]


@admin.register(RegionalGroup)
class RegionalGroupAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code"]


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(HistoryTranslationAdmin):
    list_display = ["short_name", "code", "adopted_on", "entered_into_force_on"]
    inlines = [ArticleInline]


@admin.register(Article)
class ArticleAdmin(HistoryTranslationAdmin):
    list_display = ["__str__", "title"]
    list_filter = ["instrument"]
    search_fields = ["number", "title"]


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = [
        "country", "instrument", "signature", "consent_date", "entry_into_force", "as_at"
    ]
    list_filter = ["instrument"]
    search_fields = ["country__name", "country__iso3"]
    autocomplete_fields = ["country"]


@admin.register(CrimeType)
class CrimeTypeAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code"]


@admin.register(CrossCuttingIssue)
class CrossCuttingIssueAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code"]
