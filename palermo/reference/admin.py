"""Reference data in the admin: staff edit everything, in the six languages, with history.

Each translated field shows one input per language (TranslationAdmin). modeltranslation's
tabbed variant is not used: it loads jQuery UI from a CDN, which the CSP forbids.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from palermo.accounts import access
from palermo.reference import services
from palermo.reference.models import (
    Article,
    Country,
    CrimeType,
    CrossCuttingIssue,
    Instrument,
    Participation,
    ReferenceFile,
    RegionalGroup,
)


class StaffEditsReferenceData:
    """Staff may view, add and change reference data without per-model permissions; deleting
    (which takes participation records with it) stays with superusers."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return access.is_staff(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return access.is_staff(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return access.is_staff(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return access.is_staff(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return bool(access.is_staff(request.user) and request.user.is_superuser)


class HistoryTranslationAdmin(StaffEditsReferenceData, SimpleHistoryAdmin, TranslationAdmin):
    pass


@admin.register(Country)
class CountryAdmin(HistoryTranslationAdmin):
    list_display = ["name", "iso2", "iso3", "numeric", "is_un_member", "regional_group"]
    list_filter = ["is_un_member", "regional_group"]
    search_fields = ["name", "iso2", "iso3", "numeric", "lookup_names"]
    fields = [
        "name",
        "official_name",
        "aliases",
        "iso2",
        "iso3",
        "numeric",
        "is_un_member",
        "regional_group",
        "regional_group_observer",
    ]

    def save_model(self, request: HttpRequest, obj: Country, form: ModelForm, change: bool) -> None:
        services.save_country(request.user, obj, list(form.changed_data))


@admin.register(RegionalGroup)
class RegionalGroupAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code", "sort_order"]


class ArticleInline(StaffEditsReferenceData, TranslationTabularInline):
    model = Article
    extra = 0
    fields = ["number", "title", "sort_order"]


@admin.register(Instrument)
class InstrumentAdmin(HistoryTranslationAdmin):
    list_display = ["short_name", "code", "parent", "adopted_on", "entered_into_force_on"]
    inlines = [ArticleInline]


@admin.register(Article)
class ArticleAdmin(HistoryTranslationAdmin):
    list_display = ["__str__", "title", "instrument"]
    list_filter = ["instrument"]
    search_fields = ["number", "title"]
    list_select_related = ["instrument"]


@admin.register(Participation)
class ParticipationAdmin(StaffEditsReferenceData, SimpleHistoryAdmin):
    list_display = [
        "country",
        "instrument",
        "signature",
        "consent_date",
        "entry_into_force",
        "as_at",
    ]
    list_filter = ["instrument"]
    list_select_related = ["country", "instrument"]
    search_fields = ["country__name", "country__iso3"]
    autocomplete_fields = ["country"]
    fieldsets = [
        (None, {"fields": ["country", "instrument"]}),
        (
            _("Participation"),
            {"fields": ["signature", "consent_action", "consent_date", "entry_into_force"]},
        ),
        (
            _("Notifications"),
            {
                "fields": [
                    "extradition_basis_accepted",
                    "central_authority_notified",
                    "accepted_languages",
                ]
            },
        ),
        (_("Provenance"), {"fields": ["sources", "as_at", "notes"]}),
    ]


@admin.register(CrimeType)
class CrimeTypeAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code", "sort_order"]


@admin.register(CrossCuttingIssue)
class CrossCuttingIssueAdmin(HistoryTranslationAdmin):
    list_display = ["name", "code", "sort_order"]


@admin.register(ReferenceFile)
class ReferenceFileAdmin(StaffEditsReferenceData, admin.ModelAdmin):
    """What `palermo load-reference` last loaded: read-only, the files are the source."""

    list_display = ["name", "rows", "loaded_at", "sha256"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
