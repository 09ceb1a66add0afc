"""Competent national authorities: who receives which requests in each State, and on what terms.

Codes (competences, channels, stages, dual-criminality policies) are plain data in
`vocabulary.py`, shared with the routing rules; which field anonymous visitors may see is
decided in `visibility.py` only.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from palermo.directory.labels import CERTIFICATION_LABELS, DUAL_CRIMINALITY_LABELS, choices

STALE_AFTER = timedelta(days=365)


class Authority(models.Model):
    """One competent national authority of a State, as published in the directory."""

    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable identifier used by imports; leave empty for entries made here."),
    )
    country = models.ForeignKey(
        "reference.Country",
        verbose_name=_("State"),
        on_delete=models.PROTECT,
        related_name="authorities",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation in Palermo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_entries",
    )
    name = models.CharField(_("name"), max_length=300)
    # The name in each language the State uses: [{"language": "fr", "name": "..."}].
    local_names = models.JSONField(_("names in the State's languages"), default=list, blank=True)
    transliteration = models.CharField(_("transliteration"), max_length=300, blank=True)
    # The local names as plain text for search (JSON may escape non-Latin letters); kept by
    # the services whenever local_names changes.
    local_names_text = models.TextField(editable=False, blank=True)
    competences = models.JSONField(_("competences"), default=list, blank=True)
    designations = models.JSONField(
        _("designated under"),
        default=list,
        blank=True,
        help_text=_("Instrument provisions, such as UNTOC art. 18(13)."),
    )
    # Scope: empty lists mean "all".
    scope_request_types = models.JSONField(_("types of request handled"), default=list, blank=True)
    scope_measures = models.JSONField(_("measures handled"), default=list, blank=True)
    scope_offences = models.JSONField(_("offences handled"), default=list, blank=True)
    scope_stages = models.JSONField(_("stages of proceedings handled"), default=list, blank=True)
    scope_region = models.CharField(_("region covered"), max_length=200, blank=True)

    postal_address = models.TextField(_("postal address"), blank=True)
    phones = models.JSONField(_("telephone numbers"), default=list, blank=True)
    emails = models.JSONField(_("e-mail addresses"), default=list, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    website = models.URLField(_("website"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=60, blank=True)

    accepted_languages = models.JSONField(
        _("languages accepted for incoming requests"), default=list, blank=True
    )
    channels = models.JSONField(_("channels accepted"), default=list, blank=True)
    advance_copy_by_email = models.BooleanField(
        _("accepts an advance copy by e-mail"), default=False
    )
    urgent_procedure = models.TextField(_("procedure for urgent requests"), blank=True)

    requires_original = models.BooleanField(_("original document required"), default=False)
    requires_signature = models.BooleanField(_("signature required"), default=True)
    requires_seal = models.BooleanField(_("official seal required"), default=False)
    certification = models.CharField(
        _("certification"), max_length=20, choices=choices(CERTIFICATION_LABELS), default="none"
    )
    translation_requirement = models.TextField(_("translation requirements"), blank=True)

    untoc_basis_mla = models.BooleanField(
        _("accepts the Convention as a legal basis for mutual legal assistance"),
        null=True,
        blank=True,
    )
    untoc_basis_extradition = models.BooleanField(
        _("accepts the Convention as a legal basis for extradition"), null=True, blank=True
    )
    dual_criminality_policy = models.CharField(
        _("dual criminality"),
        max_length=20,
        choices=choices(DUAL_CRIMINALITY_LABELS),
        default="unknown",
    )
    dual_criminality_measures = models.JSONField(
        _("measures for which dual criminality is required"), default=list, blank=True
    )
    processing_time = models.CharField(_("typical processing time"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    last_verified_at = models.DateTimeField(_("last verified on"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Optimistic locking: every save through the services increments it.
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["country__name", "name"]
        verbose_name = _("competent authority")
        verbose_name_plural = _("competent authorities")
        indexes = [models.Index(fields=["last_verified_at"])]

    def __str__(self) -> str:
        return self.name

    def is_stale(self, now: datetime | None = None) -> bool:
        """Not verified for twelve months (or never)."""
        if self.last_verified_at is None:
            return True
        return (now or timezone.now()) - self.last_verified_at > STALE_AFTER


class ContactPerson(models.Model):
    authority = models.ForeignKey(
        Authority, verbose_name=_("authority"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=60, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


def _guide_upload_path(instance: NationalGuide, filename: str) -> str:
    return f"directory/guides/{instance.authority_id}/{filename}"


class NationalGuide(models.Model):
    """A national guide or request template: a link, an attached file, or both."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("guide")
        TEMPLATE = "template", _("template")

    authority = models.ForeignKey(
        Authority, verbose_name=_("authority"), on_delete=models.CASCADE, related_name="guides"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=10, blank=True)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=_guide_upload_path, blank=True)
    uploaded_at = models.DateTimeField(_("added"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["authority", "kind", "title"]
        verbose_name = _("national guide or template")
        verbose_name_plural = _("national guides and templates")

    def __str__(self) -> str:
        return self.title
