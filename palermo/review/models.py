"""The review mechanism: cycles, thematic clusters, reviews drawn by lot, self-assessment
questionnaires, comments, observations, and the roles people hold in reviews.

A *review* is one State under review on one instrument in one cycle, with two reviewing States
drawn by lot. Each review has one *questionnaire* per thematic cluster of the cycle; the State
answers it, the reviewing States' experts comment and propose observations, and the secretariat
consolidates the list of observations and the summary.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords


class Cluster(models.Model):
    """A thematic cluster of the review mechanism (reference data, loaded from clusters.json)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["number"]
        verbose_name = _("thematic cluster")
        verbose_name_plural = _("thematic clusters")

    def __str__(self) -> str:
        return self.name


class ClusterArticle(models.Model):
    """An article covered by a cluster, by instrument code and number (Palermo's mapping)."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="articles")
    instrument_code = models.SlugField(_("instrument"), max_length=20)
    number = models.CharField(_("article"), max_length=10)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["instrument_code", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument_code", "number"], name="article_in_one_cluster"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_code.upper()} {self.number}"


class Cycle(models.Model):
    """A review cycle, with the deadlines that every review in it inherits."""

    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    instruments = models.ManyToManyField(
        "reference.Instrument", verbose_name=_("instruments"), related_name="+"
    )
    focal_point_days = models.PositiveSmallIntegerField(
        _("days to name the focal point after the draw"), default=14
    )
    experts_days = models.PositiveSmallIntegerField(
        _("days to name governmental experts after the draw"), default=28
    )
    questionnaire_months = models.PositiveSmallIntegerField(
        _("months to answer a questionnaire"), default=6
    )
    feedback_months = models.PositiveSmallIntegerField(
        _("months for the reviewers' feedback after submission"), default=6
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")

    def __str__(self) -> str:
        return self.name


class Phase(models.Model):
    """The period of a cycle in which one cluster is reviewed."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="phases")
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="+")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "cluster__number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "cluster"], name="one_phase_per_cluster")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.cluster}"


class ReviewGroup(models.Model):
    """The States of a cycle that are reviewed together (drawn and started at the same time)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("name"), max_length=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "name"], name="unique_review_group_name")
        ]

    def __str__(self) -> str:
        return self.name


class Draw(models.Model):
    """One drawing of lots, with everything needed to reproduce it."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("drawing of lots")
        REDRAW = "redraw", _("redraw at a State's request")

    group = models.ForeignKey(ReviewGroup, on_delete=models.PROTECT, related_name="draws")
    instrument = models.ForeignKey(
        "reference.Instrument", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INITIAL)
    seed = models.CharField(_("seed"), max_length=40)
    # [[code, group], ...], {code: reviews already performed}, {code: [barred reviewers]}
    candidate_pool = models.JSONField(_("candidate pool"))
    prior_loads = models.JSONField(default=dict)
    excluded = models.JSONField(default=dict)
    under_review = models.JSONField(default=list)
    result = models.JSONField(default=dict)  # {code: {same_group: code, other_group: code}}
    reason = models.TextField(_("reason"), blank=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    performed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-performed_at", "-pk"]
        verbose_name = _("drawing of lots")

    def __str__(self) -> str:
        return f"{self.group} · {self.instrument} · {self.seed}"


class Review(models.Model):
    """One State under review on one instrument, with its two reviewing States."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="reviews")
    group = models.ForeignKey(ReviewGroup, on_delete=models.PROTECT, related_name="reviews")
    state = models.ForeignKey(
        "reference.Country",
        verbose_name=_("State under review"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    instrument = models.ForeignKey(
        "reference.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    same_group_reviewer = models.ForeignKey(
        "reference.Country",
        verbose_name=_("reviewer from the same regional group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    other_group_reviewer = models.ForeignKey(
        "reference.Country",
        verbose_name=_("reviewer from another regional group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    draw = models.ForeignKey(
        Draw, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    drawn_on = models.DateField(_("drawn on"), null=True, blank=True)
    redraw_reason = models.TextField(_("reason for the redraw"), blank=True)
    redrawn_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "state__name", "instrument__sort_order"]
        verbose_name = _("country review")
        verbose_name_plural = _("country reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "state", "instrument"], name="one_review_per_state_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} · {self.instrument}"

    @property
    def reviewing_state_ids(self) -> set[int]:
        return {pk for pk in (self.same_group_reviewer_id, self.other_group_reviewer_id) if pk}


class ReviewRole(models.Model):
    """A person's role in the review mechanism.

    The secretariat holds its role for a whole cycle. Focal points, governmental experts and
    observers hold theirs in one review, acting for one State: the State under review or one
    of the reviewing States.
    """

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("secretariat")
        FOCAL_POINT = "focal_point", _("focal point")
        EXPERT = "expert", _("governmental expert")
        OBSERVER = "observer", _("observer (read only)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_roles"
    )
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="roles")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.ForeignKey(
        "reference.Country",
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review role")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cycle", "review", "role"], name="unique_review_role"
            ),
            models.CheckConstraint(
                condition=Q(role="secretariat", review__isnull=True)
                | (~Q(role="secretariat") & Q(review__isnull=False, country__isnull=False)),
                name="review_role_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class QuestionnaireTemplate(models.Model):
    """A version of the self-assessment questionnaire for one cluster and one instrument."""

    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="templates")
    instrument = models.ForeignKey(
        "reference.Instrument", on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["cluster__number", "instrument__sort_order", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "instrument", "version"], name="unique_template_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cluster} · {self.instrument} · v{self.version}"


class Question(models.Model):
    template = models.ForeignKey(
        QuestionnaireTemplate, on_delete=models.CASCADE, related_name="questions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    articles = models.CharField(_("articles"), max_length=100, blank=True)
    text = models.TextField(_("question"))
    guidance = models.TextField(_("guidance"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_question_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class Questionnaire(FSMModelMixin, models.Model):
    """A State's self-assessment for one cluster of one review, and its review."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("being answered")
        SUBMITTED = "submitted", _("with the reviewers")
        COMPLETED = "completed", _("completed")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="questionnaires")
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="+")
    template = models.ForeignKey(
        QuestionnaireTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = FSMField(_("status"), default=Status.DRAFT, choices=Status.choices, protected=True)
    answers_due = models.DateField(_("answers due"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    feedback_due = models.DateField(_("reviewers' feedback due"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "cluster__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "cluster"], name="one_questionnaire_per_cluster"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review} · {self.cluster}"

    @transition(field=status, source=Status.DRAFT, target=Status.SUBMITTED)
    def submit(self) -> None:
        """The State under review hands its answers to the reviewers."""

    @transition(field=status, source=Status.SUBMITTED, target=Status.COMPLETED)
    def complete(self) -> None:
        """The secretariat adopts the list of observations and the summary."""

    @transition(field=status, source=Status.SUBMITTED, target=Status.DRAFT)
    def reopen(self) -> None:
        """The secretariat returns the answers to the State for more work."""


class Answer(models.Model):
    class Response(models.TextChoices):
        YES = "yes", _("yes")
        PARTLY = "partly", _("partly")
        NO = "no", _("no")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    response = models.CharField(_("answer"), max_length=10, choices=Response.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    examples = models.TextField(_("examples of implementation"), blank=True)
    assistance_needed = models.TextField(_("technical-assistance needs"), blank=True)
    # Knowledge-base records cited: [{"kind": "legislation", "id": "12"} or {"url": "..."}].
    references = models.JSONField(_("references"), default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.question.number}"


class Comment(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="comments"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_for = models.ForeignKey(
        "reference.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


class Observation(models.Model):
    class Kind(models.TextChoices):
        GOOD_PRACTICE = "good_practice", _("good practice")
        CHALLENGE = "challenge", _("challenge")
        RECOMMENDATION = "recommendation", _("recommendation")
        ASSISTANCE = "assistance", _("technical-assistance need")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="observations"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("observation"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_for = models.ForeignKey(
        "reference.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state_reply = models.TextField(_("reply of the State under review"), blank=True)
    included = models.BooleanField(_("in the list of observations"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"


def kind_order() -> list[str]:
    """The order of sections in the list of observations."""
    return [choice.value for choice in Observation.Kind]


__all__: list[Any] = [
    "Answer",
    "Cluster",
    "ClusterArticle",
    "Comment",
    "Cycle",
    "Draw",
    "Observation",
    "Phase",
    "Question",
    "Questionnaire",
    "QuestionnaireTemplate",
    "Review",
    "ReviewGroup",
    "ReviewRole",
]
