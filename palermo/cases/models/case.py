"""A case: one request for cooperation, incoming or outgoing, with its lifecycle."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from palermo.cases.workflow import (
    FINISHED_STATES,
    INCOMING,
    OUTGOING,
    STATE_CHOICES,
    STATE_LABELS,
    TRANSITIONS,
    TransitionRule,
)
from palermo.reference.measures import MEASURES, REQUEST_TYPES

UN_LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]


def _may_take(rule: TransitionRule) -> Any:
    def permission(case: Case, user: Any) -> bool:
        from palermo.cases.access import can_take_transition

        return can_take_transition(user, case, rule)

    return permission


def _direction_is(direction: str) -> Any:
    def condition(case: Case) -> bool:
        return case.direction == direction

    return condition


def _transition_method(rule: TransitionRule) -> Any:
    def method(self: Case) -> None:
        """Changes only the state; services.transition_case records who, when and why."""

    method.__name__ = rule.method_name
    return transition(
        field="state",
        source=list(rule.sources),
        target=rule.target,
        conditions=[_direction_is(rule.direction)],
        permission=_may_take(rule),
        custom={"rule": rule},
    )(method)


# The transitions of the table in workflow.py, declared on the model through this mixin.
CaseLifecycle = type(
    "CaseLifecycle", (), {rule.method_name: _transition_method(rule) for rule in TRANSITIONS}
)


class Case(CaseLifecycle, models.Model):  # type: ignore[misc, valid-type]
    class Direction(models.TextChoices):
        INCOMING = INCOMING, _("incoming")
        OUTGOING = OUTGOING, _("outgoing")

    class Channel(models.TextChoices):
        CENTRAL_AUTHORITY = "central_authority", _("central authority to central authority")
        DIPLOMATIC = "diplomatic", _("diplomatic channels")
        INTERPOL = "interpol", _("INTERPOL")
        DIRECT = "direct", _("directly between competent authorities")
        OTHER = "other", _("other")

    class RefusalGround(models.TextChoices):
        NON_CONFORMITY = "non_conformity", _("request does not conform (art. 18(21)(a))")
        SOVEREIGNTY = (
            "sovereignty",
            _("sovereignty, security, ordre public or other essential interests (art. 18(21)(b))"),
        )
        DOMESTIC_BAR = "domestic_bar", _("domestic law bars the action (art. 18(21)(c))")
        CONTRARY_TO_SYSTEM = (
            "contrary_to_system",
            _("contrary to the legal system for mutual legal assistance (art. 18(21)(d))"),
        )
        DUAL_CRIMINALITY = "dual_criminality", _("absence of dual criminality (art. 18(9))")
        OTHER = "other", _("other ground")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("authority"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    our_reference = models.CharField(_("our reference"), max_length=60)
    their_reference = models.CharField(_("their reference"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=300)
    request_type = models.CharField(
        _("type of request"),
        max_length=30,
        choices=[(t.code, t.label) for t in REQUEST_TYPES],
        default="mla",
    )
    counterpart_state = models.ForeignKey(
        "reference.Country",
        verbose_name=_("counterpart State"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    counterpart_authority = models.CharField(_("counterpart authority"), max_length=300, blank=True)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.CENTRAL_AUTHORITY
    )
    received_on = models.DateField(_("date received"), null=True, blank=True)
    sent_on = models.DateField(_("date sent"), null=True, blank=True)
    requesting_deadline = models.DateField(
        _("deadline of the requesting State"), null=True, blank=True
    )
    requesting_deadline_reason = models.TextField(_("reasons for the deadline"), blank=True)
    offence_summary = models.TextField(_("summary of the offences and facts"), blank=True)
    crime_type = models.ForeignKey(
        "reference.CrimeType",
        verbose_name=_("main offence type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = FSMField(_("status"), max_length=30, choices=STATE_CHOICES, default="received")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("caseworker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    executing_authority = models.CharField(_("executing authority"), max_length=300, blank=True)
    confidential = models.BooleanField(
        _("confidential (art. 18(20)): only named members see it"), default=False
    )
    named_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members who may see this confidential case"),
        blank=True,
        related_name="confidential_cases",
    )
    use_limitation = models.TextField(
        _("use-limitation conditions (art. 18(19))"),
        blank=True,
        help_text=_("Conditions on the use of the evidence or information, shown with it."),
    )
    correspondence_language = models.CharField(
        _("language of correspondence with the counterpart"),
        max_length=10,
        choices=UN_LANGUAGES,
        default="en",
    )
    writer_request_id = models.PositiveBigIntegerField(
        _("request in the writer"), null=True, blank=True
    )
    refusal_ground = models.CharField(
        _("ground of refusal"), max_length=30, choices=RefusalGround.choices, blank=True
    )
    # Derived from the recorded transitions when they happen (see services.transition_case).
    executed_on = models.DateField(_("date executed"), null=True, blank=True)
    finished_on = models.DateField(_("date finished"), null=True, blank=True)
    days_to_execution = models.PositiveIntegerField(_("days to execution"), null=True, blank=True)
    next_due_on = models.DateField(_("next deadline"), null=True, blank=True)
    next_due_kind = models.CharField(_("kind of deadline"), max_length=20, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    # Optimistic locking: every change states the version it was based on.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "our_reference"], name="unique_case_reference"
            )
        ]
        # Covering indexes: lists, counts and statistics over 100,000 cases read only these.
        indexes = [
            models.Index(
                fields=["organisation", "is_open", "confidential", "assigned_to"],
                name="case_visible",
            ),
            # Booleans last: SQLite compares them as bare expressions, not as equalities.
            models.Index(
                fields=["organisation", "next_due_on", "is_open", "confidential", "assigned_to"],
                name="case_due",
            ),
            models.Index(
                fields=["organisation", "assigned_to", "is_open", "confidential", "next_due_on"],
                name="case_assignee",
            ),
            models.Index(fields=["organisation", "received_on", "sent_on"], name="case_started"),
            models.Index(
                fields=["organisation", "is_open", "received_on", "sent_on"], name="case_backlog"
            ),
            models.Index(fields=["organisation", "finished_on"], name="case_finished"),
            models.Index(
                fields=["organisation", "days_to_execution", "counterpart_state", "crime_type"],
                name="case_durations",
            ),
            models.Index(fields=["organisation", "refusal_ground"], name="case_refusals"),
            models.Index(
                fields=["organisation", "counterpart_state", "is_open"], name="case_counterpart"
            ),
            models.Index(fields=["organisation", "state"], name="case_state"),
        ]

    def __str__(self) -> str:
        return f"{self.our_reference} · {self.title}"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS.get(self.state, self.state))

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED_STATES

    @property
    def started_on(self) -> Any:
        """Receipt for incoming requests, sending for outgoing ones."""
        return self.received_on if self.direction == INCOMING else self.sent_on


class CaseMeasure(models.Model):
    """A measure requested, with its own deadline where the requesting State gave one."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="measures"
    )
    code = models.CharField(
        _("measure"), max_length=40, choices=[(m.code, m.label) for m in MEASURES]
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_reason = models.CharField(_("reasons for the deadline"), max_length=500, blank=True)
    executed_on = models.DateField(_("date executed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("measure requested")
        verbose_name_plural = _("measures requested")
        indexes = [models.Index(fields=["case", "code"], name="case_measure_code")]

    def __str__(self) -> str:
        return self.get_code_display()


class CaseTransition(models.Model):
    """One recorded step in a case's lifecycle: who, when, why."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="transitions"
    )
    code = models.CharField(_("transition"), max_length=40)
    from_state = models.CharField(_("from"), max_length=30, choices=STATE_CHOICES)
    to_state = models.CharField(_("to"), max_length=30, choices=STATE_CHOICES)
    occurred_on = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class CaseLink(models.Model):
    class Kind(models.TextChoices):
        SUPPLEMENTARY = "supplementary", _("supplementary request to")
        SAME_INVESTIGATION = "same_investigation", _("same investigation as")
        RELATED = "related", _("related to")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="links"
    )
    related_case = models.ForeignKey(
        Case, verbose_name=_("related case"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("link"), max_length=30, choices=Kind.choices)

    class Meta:
        verbose_name = _("link between cases")
        verbose_name_plural = _("links between cases")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "related_case", "kind"], name="unique_case_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.related_case_id}"


class CasePerson(models.Model):
    class Role(models.TextChoices):
        SUSPECT = "suspect", _("suspect or accused")
        WITNESS = "witness", _("witness")
        VICTIM = "victim", _("victim")
        PERSON_SOUGHT = "person_sought", _("person sought")
        OTHER = "other", _("other")

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="persons"
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    nationality = models.ForeignKey(
        "reference.Country",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.name


class CaseOffence(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="offences"
    )
    crime_type = models.ForeignKey(
        "reference.CrimeType",
        verbose_name=_("offence type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.CharField(_("offence and legal provision"), max_length=500)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("offence")
        verbose_name_plural = _("offences")

    def __str__(self) -> str:
        return self.description
