"""Generated documents in the admin site, read only: what was generated stays as it was."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from palermo.core.documents.models import GeneratedDocument


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin[GeneratedDocument]):
    list_display = [
        "created_at",
        "kind",
        "format",
        "language",
        "target_type",
        "target_id",
        "data_version",
        "sha256",
        "created_by",
    ]
    list_filter = ["format", "language", "kind"]
    search_fields = ["sha256", "target_id", "kind"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
