"""Factories and a small review world on top of the shared personas.

State X (Xandria, WEOG) is under review on UNTOC; State Z (Zembla, WEOG) and State Y (Yberia,
GRULAC) are the only other parties, so the draw has one possible outcome: Z from the same group,
Y from another. Personas in the review: fiona (focal point, X), alice (expert, X),
bob (expert, Y, reviewing), sam (observer), sue (secretariat). Staff, eddie, adam and the
practitioner hold no review role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import factory

from palermo.accounts.tests.factories import UserFactory, give_totp
from palermo.reference.models import Country, Instrument
from palermo.reference.tests.factories import (
    CountryFactory,
    InstrumentFactory,
    ParticipationFactory,
)
from palermo.review.clusters import load_clusters
from palermo.review.models import (
    Cluster,
    Cycle,
    Phase,
    Question,
    Questionnaire,
    QuestionnaireTemplate,
    Review,
    ReviewGroup,
    ReviewRole,
)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    name = factory.Sequence(lambda n: f"Test cycle {n}")
    starts_on = date(2026, 1, 1)
    ends_on = date(2030, 12, 31)


class ReviewGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewGroup

    cycle = factory.SubFactory(CycleFactory)
    name = factory.Sequence(lambda n: f"Group {n}")


def party(country: Country, instrument: Instrument) -> None:
    ParticipationFactory(country=country, instrument=instrument, consent_date=date(2005, 1, 1))


def publish_template(
    cluster: Cluster, instrument: Instrument, questions: list[str]
) -> QuestionnaireTemplate:
    from django.utils import timezone

    template = QuestionnaireTemplate.objects.create(
        cluster=cluster, instrument=instrument, version=1, published_at=timezone.now()
    )
    for number, text in enumerate(questions, start=1):
        Question.objects.create(template=template, number=number, text=text, articles="5")
    return template


@dataclass
class ReviewWorld:
    cycle: Cycle
    group: ReviewGroup
    untoc: Instrument
    state_z: Country
    review: Review
    questionnaire: Questionnaire  # cluster 1, with a published template of two questions
    users: dict[str, Any]


def build_review_world(world: Any, drawn: bool = True) -> ReviewWorld:
    from palermo.review import services

    load_clusters()
    untoc = InstrumentFactory(code="untoc", short_name="UNTOC")
    state_z = CountryFactory(
        iso2="ZC",
        iso3="ZCC",
        numeric="903",
        name="Zembla",
        regional_group=world.state_x.regional_group,
    )
    for country in (world.state_x, world.state_y, state_z):
        party(country, untoc)
    cycle = CycleFactory()
    cycle.instruments.add(untoc)
    for cluster in Cluster.objects.all():
        Phase.objects.create(
            cycle=cycle, cluster=cluster, starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31)
        )
    cluster_one = Cluster.objects.get(number=1)
    publish_template(
        cluster_one,
        untoc,
        [
            "Does your law make participation in an organized criminal group an offence?",
            "Can legal persons be held liable for the offences of the Convention?",
        ],
    )
    group = ReviewGroupFactory(cycle=cycle, name="Group A")
    sue = give_totp(UserFactory(email="sue@example.org", full_name="Sue Secretariat"))
    ReviewRole.objects.create(user=sue, cycle=cycle, role=ReviewRole.Role.SECRETARIAT)
    users = dict(world.users)
    users["sue"] = sue
    [review] = services.place_states(sue, group, [world.state_x], [untoc])
    if drawn:
        services.draw_lots(sue, group, untoc, seed=42)
        review.refresh_from_db()
        grants = [
            ("fiona", ReviewRole.Role.FOCAL_POINT, world.state_x),
            ("alice", ReviewRole.Role.EXPERT, world.state_x),
            ("bob", ReviewRole.Role.EXPERT, world.state_y),
            ("sam", ReviewRole.Role.OBSERVER, world.state_x),
        ]
        for persona, role, country in grants:
            services.grant_review_role(sue, review, users[persona], role, country)
    questionnaire = review.questionnaires.get(cluster=cluster_one)
    return ReviewWorld(cycle, group, untoc, state_z, review, questionnaire, users)
