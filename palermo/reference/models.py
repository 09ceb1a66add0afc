"""Reference data: countries, UN regional groups, instruments and their articles, participation
of States in instruments, and the taxonomies (crime types, cross-cutting issues).

Names are translated into the six UN languages by django-modeltranslation (see translation.py):
each `name` field gains `name_en`, `name_fr`, ... columns.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RegionalGroup(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("UN regional group")
        verbose_name_plural = _("UN regional groups")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """A country or territory of ISO 3166-1."""

    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=200)
    official_name = models.CharField(_("official name"), max_length=300, blank=True)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Other names people use for the country, in any language, for look-up."),
    )
    is_un_member = models.BooleanField(_("UN member State"), default=False)
    regional_group = models.ForeignKey(
        RegionalGroup,
        verbose_name=_("UN regional group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries",
    )
    # The United States takes part in the Western European and others group as an observer
    # (and is counted with it for elections); see data/un-member-states.csv.
    regional_group_observer = models.BooleanField(
        _("observer in its regional group"), default=False
    )
    # Every name and code of the country, folded by palermo.reference.folding and written as
    # "|key|key|", so that find_country() answers with one indexed query in any language.
    lookup_names = models.TextField(_("names for look-up"), blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["lookup_names"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self) -> str:
        return self.name


class Instrument(models.Model):
    """A treaty users may cite: UNTOC, its Protocols, UNCAC, the 1988 Convention."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("supplements"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="protocols",
    )
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    entered_into_force_on = models.DateField(_("entered into force"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.short_name


class Article(models.Model):
    """An article of an instrument, with a short title written in Palermo's own words."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="articles"
    )
    number = models.CharField(_("number"), max_length=10)
    title = models.CharField(_("short title"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__sort_order", "sort_order"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="unique_article_number")
        ]

    def __str__(self) -> str:
        return f"{self.instrument.short_name} art. {self.number}"

    @property
    def reference(self) -> str:
        """A stable code such as UNTOC-18, used in imports and URLs."""
        return f"{self.instrument.code.upper()}-{self.number}"


class Participation(models.Model):
    """What is recorded of a State's participation in an instrument, with its source."""

    class Action(models.TextChoices):
        RATIFICATION = "ratification", _("ratification")
        ACCESSION = "accession", _("accession")
        ACCEPTANCE = "acceptance", _("acceptance")
        APPROVAL = "approval", _("approval")
        SUCCESSION = "succession", _("succession")

    country = models.ForeignKey(
        Country, verbose_name=_("State"), on_delete=models.CASCADE, related_name="participations"
    )
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    signature = models.DateField(_("signature"), null=True, blank=True)
    consent_action = models.CharField(
        _("ratification or accession"), max_length=20, choices=Action.choices, blank=True
    )
    consent_date = models.DateField(_("date of ratification or accession"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    # Notifications under UNTOC: whether the Convention is a legal basis for extradition
    # (art. 16(5)); the central authority designated (art. 18(13)); accepted languages (18(14)).
    extradition_basis_accepted = models.BooleanField(
        _("accepts the Convention as a legal basis for extradition (art. 16(5))"),
        null=True,
        blank=True,
    )
    central_authority_notified = models.CharField(
        _("central authority notified (art. 18(13))"), max_length=300, blank=True
    )
    accepted_languages = models.JSONField(
        _("languages accepted for requests (art. 18(14))"), default=list, blank=True
    )
    sources = models.JSONField(_("sources"), default=list, blank=True)
    as_at = models.DateField(_("status as at"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument__sort_order", "country__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participation")
        constraints = [
            models.UniqueConstraint(fields=["country", "instrument"], name="unique_participation")
        ]

    def __str__(self) -> str:
        return f"{self.country} / {self.instrument}"

    @property
    def is_party(self) -> bool:
        return self.consent_date is not None


class TaxonomyTerm(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class CrimeType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("crime type")
        verbose_name_plural = _("crime types")


class CrossCuttingIssue(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("cross-cutting issue")
        verbose_name_plural = _("cross-cutting issues")


class ReferenceFile(models.Model):
    """A data file `load_reference` has loaded, with its hash, so unchanged files are skipped."""

    name = models.CharField(_("file"), max_length=100, unique=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("loaded reference file")
        verbose_name_plural = _("loaded reference files")

    def __str__(self) -> str:
        return self.name
