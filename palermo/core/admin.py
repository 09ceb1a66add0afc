from django.contrib import admin

from palermo.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target_label", "organisation"]
    list_filter = ["action"]
    search_fields = ["target_label", "action"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # the log is append-only

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
