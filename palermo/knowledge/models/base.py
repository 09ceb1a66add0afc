"""What every knowledge record shares: State, language, classification, provenance, workflow.

A record moves draft → submitted → published, or from submitted back to the contributor
(returned) with the editor's comments. The public sees published records only (access.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from palermo.knowledge.attachments import attachment_path, download_name


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    RETURNED = "returned", _("returned to the contributor")
    PUBLISHED = "published", _("published")


class SourceKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("contribution")
    IMPORT = "import", _("import")
    DEMO = "demo", _("demonstration data")


LANGUAGE_CHOICES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("other", _("other language")),
]


def _can_moderate(instance: Any, user: Any) -> bool:
    from palermo.knowledge.access import can_moderate

    return can_moderate(user)


def _can_edit(instance: Any, user: Any) -> bool:
    from palermo.knowledge.access import can_edit_record

    return can_edit_record(user, instance)


class KnowledgeRecord(models.Model):
    """Abstract base of case law, legislation, treaties, strategies and bibliography."""

    KIND: ClassVar[str] = ""

    title = models.CharField(_("title"), max_length=500)
    country = models.ForeignKey(
        "reference.Country",
        verbose_name=_("State"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    summary = models.TextField(_("summary"), blank=True)
    # Text extracted from the attached document (or given by an import); kept out of versions
    # because it is derived from the file, and large.
    full_text = models.TextField(_("full text"), blank=True)
    crime_types = models.ManyToManyField(
        "reference.CrimeType", verbose_name=_("crime types"), blank=True, related_name="+"
    )
    cross_cutting_issues = models.ManyToManyField(
        "reference.CrossCuttingIssue",
        verbose_name=_("cross-cutting issues"),
        blank=True,
        related_name="+",
    )
    articles = models.ManyToManyField(
        "reference.Article",
        verbose_name=_("Convention and Protocol articles"),
        blank=True,
        related_name="+",
    )
    # Codes of the linked terms, kept by the services beside the M2M rows so that versions,
    # diffs, exports and the search index see the classification without extra queries.
    classification = models.JSONField(_("classification"), default=dict, blank=True)
    external_id = models.CharField(
        _("external identifier"), max_length=200, null=True, blank=True, unique=True
    )
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    source = models.CharField(_("source and provenance"), max_length=500, blank=True)
    # Digest of the imported line, so that importing an unchanged line again writes nothing.
    import_digest = models.CharField(max_length=40, blank=True, editable=False)
    source_kind = models.CharField(
        _("origin"), max_length=20, choices=SourceKind.choices, default=SourceKind.CONTRIBUTION
    )
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, protected=False
    )
    review_comment = models.TextField(_("comments of the editor"), blank=True)
    # Stored under a random name (attachments.attachment_path) and served only by the record's
    # download view, with the record's access rule; the uploaded name and type are kept beside it.
    attachment = models.FileField(_("attached document"), upload_to=attachment_path, blank=True)
    attachment_name = models.CharField(_("attached document"), max_length=255, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contributor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects: models.Manager[Any] = models.Manager()
    history = HistoricalRecords(
        inherit=True, excluded_fields=["updated_at", "import_digest", "full_text"]
    )

    class Meta:
        abstract = True
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def attachment_filename(self) -> str:
        """The name the attached document is shown and downloaded under."""
        return download_name(self.attachment_name, self.attachment.name or "")

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def sort_date(self) -> Any:
        """The date used for sorting and the search index; each kind says which."""
        return None

    # Transitions: the services call these, then save and write the audit event.
    @transition(
        field=status,
        source=[Status.DRAFT, Status.RETURNED],
        target=Status.SUBMITTED,
        permission=_can_edit,
    )
    def submit(self) -> None:
        pass

    @transition(
        field=status,
        source=[Status.SUBMITTED, Status.DRAFT, Status.RETURNED],
        target=Status.PUBLISHED,
        permission=_can_moderate,
    )
    def publish(self) -> None:
        pass

    @transition(
        field=status, source=Status.SUBMITTED, target=Status.RETURNED, permission=_can_moderate
    )
    def return_to_contributor(self) -> None:
        pass

    @transition(
        field=status, source=Status.PUBLISHED, target=Status.DRAFT, permission=_can_moderate
    )
    def withdraw(self) -> None:
        pass
