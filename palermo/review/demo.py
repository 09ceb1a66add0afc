"""Demo data for the review mechanism, for `palermo demo`: one fictional cycle with the four
clusters, a drawing of lots among the States recorded as parties to UNTOC, and one review in
progress with answers, comments, observations and a draft summary. Idempotent.

Roles of the demo users (palermo/accounts/demo.py): Stella Staff runs the cycle as secretariat;
Fiona is focal point and Alice governmental expert of the State under review; Bob is an expert
of a reviewing State; Sam observes. The roles are fictional and ignore the users' own offices.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.db import transaction

from palermo.accounts.models import User
from palermo.reference.models import Country, Instrument
from palermo.review import services
from palermo.review import services_questionnaire as qs
from palermo.review.clusters import load_clusters
from palermo.review.models import Cluster, Cycle, ReviewGroup, ReviewRole
from palermo.review.selectors import party_pool

DEMO_CYCLE = "Demonstration cycle 2026–2030 (fictional)"
DEMO_SEED = 20261128
# States placed in the demo review group, where recorded as parties with a regional group.
DEMO_STATES = ["BRA", "DEU", "ARG", "CAN", "AUS", "BEL", "CHL", "DZA", "AFG", "ALB", "BGR", "BOL"]
DEMO_QUESTIONS: dict[int, list[tuple[str, str, str]]] = {
    1: [
        (
            "5",
            "Is taking part in an organized criminal group, or agreeing with others to commit a "
            "serious crime, an offence in your State's law?",
            "Quote the provision and say which of the two approaches your law follows.",
        ),
        (
            "6",
            "Is laundering the proceeds of crime an offence, and which offences count as "
            "predicate offences?",
            "",
        ),
        (
            "10",
            "Can legal persons be held liable when they take part in serious crimes involving "
            "an organized criminal group?",
            "Say whether liability is criminal, civil or administrative.",
        ),
        (
            "15",
            "On what grounds does your State claim jurisdiction over these offences, including "
            "when it does not extradite its own nationals?",
            "",
        ),
    ],
    4: [
        (
            "18",
            "Which authority is your central authority for mutual legal assistance, and how do "
            "requests reach it?",
            "",
        ),
        ("16", "Does your State accept the Convention as a legal basis for extradition?", ""),
        (
            "13",
            "Can your State enforce a foreign confiscation order, or obtain a domestic order on "
            "a foreign request?",
            "",
        ),
    ],
}
DEMO_ANSWERS = [
    (
        "yes",
        "Fictional answer: the criminal code makes participation in an organized criminal group "
        "an offence punishable by up to eight years.",
        "Three convictions in the demo year.",
        "",
    ),
    (
        "partly",
        "Fictional answer: laundering is an offence, but tax offences are not yet predicate "
        "offences.",
        "",
        "Training for financial investigators on complex laundering schemes.",
    ),
    (
        "no",
        "Fictional answer: only natural persons can be prosecuted; a draft law is being prepared.",
        "",
        "Advice on drafting rules on the liability of legal persons.",
    ),
    (
        "yes",
        "Fictional answer: territorial and nationality jurisdiction; prosecution of nationals "
        "who are not extradited.",
        "",
        "",
    ),
]


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


@transaction.atomic
def load_demo(log: Callable[[str], None]) -> None:
    clusters, articles = load_clusters()
    log(f"review clusters: {clusters} clusters, {articles} articles")
    if Cycle.objects.filter(name=DEMO_CYCLE).exists():
        log("review demo cycle exists already")
        return
    untoc = Instrument.objects.filter(code="untoc").first()
    secretariat = _user("staff@demo.palermo.test")
    if untoc is None or secretariat is None:
        log("review demo skipped: load the reference data and the demo users first")
        return
    pool = {c.code for c in party_pool(untoc) if c.group}
    states = list(Country.objects.filter(iso3__in=[s for s in DEMO_STATES if s in pool]))
    if len(states) < 2:
        log("review demo skipped: too few States are recorded as parties to UNTOC")
        return

    phases = [
        (cluster, date(2025 + cluster.number, 1, 1), date(2026 + cluster.number, 6, 30))
        for cluster in Cluster.objects.all()
    ]
    cycle = services.create_cycle(
        secretariat, DEMO_CYCLE, date(2026, 1, 1), date(2030, 12, 31), [untoc], phases
    )
    for number, drafted in DEMO_QUESTIONS.items():
        template = qs.start_template_version(secretariat, Cluster.objects.get(number=number), untoc)
        for index, (article, text, guidance) in enumerate(drafted, start=1):
            qs.save_question(secretariat, template, index, text, guidance, f"UNTOC {article}")
        qs.publish_template(secretariat, template)

    group = ReviewGroup.objects.create(cycle=cycle, name="Group 1")
    reviews = services.place_states(secretariat, group, states, [untoc])
    services.draw_lots(secretariat, group, untoc, seed=DEMO_SEED)
    log(f"review demo: {len(reviews)} reviews drawn with seed {DEMO_SEED}")

    review = next((r for r in reviews if r.state.iso3 == "BRA"), reviews[0])
    review.refresh_from_db()
    fiona, alice, bob, sam = (
        _user(f"{n}@demo.palermo.test") for n in ("fiona", "alice", "bob", "sam")
    )
    if None in (fiona, alice, bob, sam):
        return
    assert fiona and alice and bob and sam and review.other_group_reviewer
    services.grant_review_role(
        secretariat, review, fiona, ReviewRole.Role.FOCAL_POINT, review.state
    )
    services.grant_review_role(secretariat, review, alice, ReviewRole.Role.EXPERT, review.state)
    services.grant_review_role(
        secretariat, review, bob, ReviewRole.Role.EXPERT, review.other_group_reviewer
    )
    services.grant_review_role(secretariat, review, sam, ReviewRole.Role.OBSERVER, review.state)

    first = review.questionnaires.get(cluster__number=1)
    questions = list(first.template.questions.order_by("number")) if first.template else []
    for question, (response, explanation, examples, needs) in zip(
        questions, DEMO_ANSWERS, strict=False
    ):
        author = alice if question.number % 2 else fiona
        qs.save_answer(
            author,
            first,
            question.pk,
            response=response,
            explanation=explanation,
            examples=examples,
            assistance_needed=needs,
        )
    qs.add_comment(
        alice, first, "Should we cite the 2024 amendment to the criminal code?", questions[0].pk
    )
    qs.add_comment(
        fiona,
        first,
        "Yes, and attach the statistics from the prosecution service.",
        questions[0].pk,
    )
    qs.submit_questionnaire(fiona, first)
    qs.add_comment(
        bob, first, "Could you say how many legal persons were investigated?", questions[2].pk
    )
    qs.propose_observation(
        bob,
        first,
        "good_practice",
        "A specialised prosecution unit handles organized crime cases from investigation to trial.",
        questions[0].pk,
    )
    recommendation = qs.propose_observation(
        bob,
        first,
        "recommendation",
        "Introduce the liability of legal persons for the offences of the Convention.",
        questions[2].pk,
    )
    qs.propose_observation(
        bob, first, "assistance", "Training for financial investigators.", questions[1].pk
    )
    qs.reply_to_observation(fiona, recommendation, "A bill is before parliament (fictional).")
    qs.consolidate(
        secretariat,
        first,
        "Draft summary (fictional): the State has the main offences in "
        "place; the liability of legal persons is the main gap.",
        {o.pk for o in first.observations.all()},
    )

    fourth = review.questionnaires.get(cluster__number=4)
    if fourth.template:
        central_authority = fourth.template.questions.order_by("number").first()
        if central_authority is not None:
            qs.save_answer(
                alice,
                fourth,
                central_authority.pk,
                response="yes",
                explanation="Fictional: the ministry receives requests by e-mail and post.",
            )
    log(f"review demo: review of {review.state.iso3} in progress (cluster 1 with the reviewers)")
