"""The work on a case: notes, tasks, documents, correspondence and reminders."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from palermo.cases.models.case import Case


class CaseNote(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return self.text[:60]


class CaseTask(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=300)
    due_on = models.DateField(_("due"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title


def case_document_path(instance: CaseDocument, filename: str) -> str:
    return f"cases/{instance.case.organisation_id}/{instance.case_id}/{instance.sha256[:16]}"


class CaseDocument(models.Model):
    class Kind(models.TextChoices):
        REQUEST = "request", _("the request")
        SUPPLEMENTARY = "supplementary", _("supplementary information")
        EVIDENCE = "evidence", _("evidence or material returned")
        CORRESPONDENCE = "correspondence", _("correspondence")
        STATUS_ENQUIRY = "status_enquiry", _("status enquiry")
        OTHER = "other", _("other")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=case_document_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("added"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.original_name


class Correspondence(models.Model):
    """The correspondence log, including status enquiries sent and received (art. 18(24))."""

    class Kind(models.TextChoices):
        STATUS_ENQUIRY_SENT = "status_enquiry_sent", _("status enquiry sent")
        STATUS_ENQUIRY_RECEIVED = "status_enquiry_received", _("status enquiry received")
        STATUS_REPORT_SENT = "status_report_sent", _("status report sent")
        STATUS_REPORT_RECEIVED = "status_report_received", _("status report received")
        LETTER_SENT = "letter_sent", _("letter sent")
        LETTER_RECEIVED = "letter_received", _("letter received")
        CALL_OR_MEETING = "call_or_meeting", _("call or meeting")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="correspondence"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    occurred_on = models.DateField(_("date"))
    summary = models.TextField(_("summary"))
    document = models.ForeignKey(
        CaseDocument,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("correspondence")
        verbose_name_plural = _("correspondence")

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.get_kind_display()}"


class Reminder(models.Model):
    """A deadline reminder for a person, shown in the application and sent by e-mail."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="reminders"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        on_delete=models.CASCADE,
        related_name="case_reminders",
    )
    due_on = models.DateField(_("due"))
    kind = models.CharField(_("kind of deadline"), max_length=20)
    created_on = models.DateField(_("reminded on"))
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "recipient", "due_on", "kind", "created_on"],
                name="one_reminder_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.due_on}"
