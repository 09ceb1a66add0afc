"""A request for international cooperation being written: its structured content (the steps of
the wizard, as one JSON document shaped like catalogue.empty_request()), its workflow and its
versions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from palermo.writer.catalogue import empty_request


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    READY_FOR_REVIEW = "ready_for_review", _("ready for review")
    APPROVED = "approved", _("approved")
    FINAL = "final", _("final")
    SENT = "sent", _("sent")


LOCKED = (Status.FINAL, Status.SENT)


class WriterRequest(models.Model):
    """An outgoing request drafted by an authority (or privately by a practitioner)."""

    # None: a verified practitioner outside any authority drafting privately.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("authority"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="writer_requests",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="writer_requests",
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    requesting_state = models.ForeignKey(
        "reference.Country",
        verbose_name=_("requesting State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_state = models.ForeignKey(
        "reference.Country",
        verbose_name=_("requested State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    content = models.JSONField(_("content of the request"), default=empty_request)
    revision = models.PositiveIntegerField(_("data version"), default=1)
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, protected=False
    )
    acknowledged_warnings = models.JSONField(_("warnings acknowledged"), default=list, blank=True)
    # Unsaved input of a step (autosave), kept until the step is saved without errors.
    pending_input = models.JSONField(_("unsaved input"), default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    signature_block = models.TextField(_("signature block"), blank=True)
    finalised_at = models.DateTimeField(_("made final at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    case_id = models.PositiveBigIntegerField(_("tracked case"), null=True, blank=True)
    previous_version = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_versions",
    )
    version_number = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("request being written")
        verbose_name_plural = _("requests being written")

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    @property
    def is_locked(self) -> bool:
        return self.status in LOCKED

    @property
    def measure_codes(self) -> list[str]:
        measures: Any = self.content.get("measures") or []
        return [str(m.get("code")) for m in measures if isinstance(m, dict)]

    # The transitions only move the status; services.py checks who may take them, records
    # the reason and the audit event.
    @transition(field=status, source=Status.DRAFT, target=Status.READY_FOR_REVIEW)
    def submit_for_review(self) -> None:
        pass

    @transition(
        field=status, source=[Status.READY_FOR_REVIEW, Status.APPROVED], target=Status.DRAFT
    )
    def return_to_draft(self) -> None:
        self.approved_by = None
        self.approved_at = None
        self.signature_block = ""

    @transition(field=status, source=Status.READY_FOR_REVIEW, target=Status.APPROVED)
    def approve(self) -> None:
        pass

    @transition(field=status, source=Status.APPROVED, target=Status.FINAL)
    def finalise(self) -> None:
        pass

    @transition(field=status, source=Status.FINAL, target=Status.SENT)
    def mark_sent(self) -> None:
        pass
