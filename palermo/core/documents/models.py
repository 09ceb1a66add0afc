"""What Palermo generated: every PDF, DOCX or JSON file, with its hash and the exact data it
was made from, so that what was sent can always be shown again as it was.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedDocument(models.Model):
    """One generated file. Immutable: a new rendering is a new row."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        JSON = "json", "JSON"

    kind = models.CharField(_("kind of document"), max_length=60, db_index=True)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.PROTECT, related_name="+"
    )
    # Text, so that records with any kind of primary key can own documents.
    target_id = models.CharField(_("record"), max_length=64)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    language = models.CharField(_("language"), max_length=10)
    sha256 = models.CharField(_("SHA-256 hash"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/")
    source_data = models.JSONField(_("data it was made from"), default=dict)
    data_version = models.CharField(_("version of the data"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.format}, {self.language}) {self.sha256[:12]}"

    @property
    def content_type_header(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def download_name(self) -> str:
        return f"{self.kind}-{self.target_id}-{self.language}.{self.format}"


MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}
