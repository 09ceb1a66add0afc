"""The review from the draw to the adopted list of observations, through the services."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from palermo.core.models import AuditEvent
from palermo.reference.models import Participation
from palermo.reference.tests.factories import CountryFactory, RegionalGroupFactory
from palermo.review import services
from palermo.review import services_questionnaire as qs
from palermo.review.models import Draw, Observation, Questionnaire, Review
from palermo.review.tests.factories import ReviewGroupFactory, party

pytestmark = pytest.mark.django_db


def test_draw_gives_one_reviewer_from_the_same_group_and_one_from_another(rw) -> None:
    review = rw.review
    assert review.same_group_reviewer == rw.state_z
    assert review.other_group_reviewer == rw.review.cycle.reviews.get().other_group_reviewer
    assert review.other_group_reviewer.regional_group != review.state.regional_group
    draw = review.draw
    assert draw.seed == "42"
    assert sorted(code for code, _group in draw.candidate_pool) == ["XAA", "YBB", "ZCC"]
    assert services.reproduce_draw(draw)
    assert AuditEvent.objects.filter(action="review.lots_drawn").count() == 1


def test_impossible_draw_names_constraint_and_state_and_saves_nothing(world, rw) -> None:
    african = RegionalGroupFactory(code="african", name="African States")
    lonely = CountryFactory(
        iso2="LQ", iso3="LQQ", numeric="904", name="Lonelia", regional_group=african
    )
    unrecorded = CountryFactory(
        iso2="UQ", iso3="UQQ", numeric="905", name="Unrecordia", regional_group=african
    )
    party(lonely, rw.untoc)
    group = ReviewGroupFactory(cycle=rw.cycle, name="Group B")
    sue = rw.users["sue"]
    with pytest.raises(ValidationError, match="Unrecordia is not recorded as a party to UNTOC"):
        services.place_states(sue, group, [lonely, unrecorded, world.state_y], [rw.untoc])
    assert not Review.objects.filter(group=group).exists()
    # Placed while recorded as a party; the record is withdrawn before the draw.
    party(unrecorded, rw.untoc)
    services.place_states(sue, group, [lonely, unrecorded, world.state_y], [rw.untoc])
    Participation.objects.filter(country=unrecorded).delete()
    draws_before = Draw.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.draw_lots(sue, group, rw.untoc, seed=1)
    text = " ".join(refused.value.messages)
    assert "Same regional group" in text and "Lonelia" in text and "African States" in text
    assert "Unrecordia is not recorded as a party to UNTOC" in text
    # Yberia could be drawn, but the draw is all or nothing.
    assert Draw.objects.count() == draws_before
    assert not Review.objects.filter(group=group, draw__isnull=False).exists()


def test_only_the_secretariat_draws(rw) -> None:
    with pytest.raises(PermissionDenied):
        services.draw_lots(rw.users["fiona"], rw.group, rw.untoc)


def test_redraw_once_with_reason_excluding_previous_reviewers(world, rw) -> None:
    extra_weog = CountryFactory(
        iso2="WQ",
        iso3="WQQ",
        numeric="906",
        name="Westria",
        regional_group=world.state_x.regional_group,
    )
    extra_grulac = CountryFactory(
        iso2="GQ",
        iso3="GQQ",
        numeric="907",
        name="Grulandia",
        regional_group=world.state_y.regional_group,
    )
    party(extra_weog, rw.untoc)
    party(extra_grulac, rw.untoc)
    fiona = rw.users["fiona"]
    with pytest.raises(ValidationError):
        services.request_redraw(fiona, rw.review, "   ")
    draw = services.request_redraw(fiona, rw.review, "Zembla and we share a disputed border case.")
    rw.review.refresh_from_db()
    assert rw.review.same_group_reviewer == extra_weog
    assert rw.review.other_group_reviewer == extra_grulac
    assert draw.kind == Draw.Kind.REDRAW and draw.excluded == {"XAA": ["ZCC", "YBB"]}
    assert services.reproduce_draw(draw)
    with pytest.raises(PermissionDenied):
        services.request_redraw(fiona, rw.review, "Again, please.")


def test_redraw_refused_when_nobody_else_can_review(rw) -> None:
    with pytest.raises(ValidationError) as refused:
        services.request_redraw(rw.users["fiona"], rw.review, "A reason.")
    assert "Xandria" in " ".join(refused.value.messages)
    rw.review.refresh_from_db()
    assert rw.review.redrawn_at is None


def test_questionnaire_to_adopted_list_of_observations(rw) -> None:
    q = rw.questionnaire
    fiona, alice, bob, sam, sue = (rw.users[p] for p in ("fiona", "alice", "bob", "sam", "sue"))
    first, second = q.template.questions.order_by("number")
    # The focal point and an expert of the State draft together.
    qs.save_answer(
        alice,
        q,
        first.pk,
        response="partly",
        explanation="Draft by Alice.",
        references=[{"kind": "legislation", "id": "3"}],
    )
    qs.save_answer(
        fiona,
        q,
        first.pk,
        response="yes",
        explanation="Checked by Fiona.",
        assistance_needed="Training for prosecutors.",
    )
    answer = q.answers.get(question=first)
    assert answer.history.count() == 3  # created, then two saves
    qs.add_comment(alice, q, "Should we mention the 2019 amendment?", first.pk)
    with pytest.raises(ValidationError):
        qs.submit_questionnaire(fiona, q)  # question 2 unanswered
    qs.save_answer(alice, q, second.pk, response="no")
    with pytest.raises(PermissionDenied):
        qs.submit_questionnaire(alice, q)  # only the focal point submits
    with pytest.raises(PermissionDenied):
        qs.propose_observation(bob, q, "challenge", "Too early.")
    qs.submit_questionnaire(fiona, q)
    q.refresh_from_db()
    assert q.status == Questionnaire.Status.SUBMITTED and q.feedback_due is not None
    with pytest.raises(PermissionDenied):
        qs.save_answer(alice, q, second.pk, response="yes")  # answers are frozen
    # Reviewers comment and propose; observers only read.
    qs.add_comment(bob, q, "How many convictions since 2020?", first.pk)
    with pytest.raises(PermissionDenied):
        qs.add_comment(sam, q, "I am only observing.")
    good = qs.propose_observation(
        bob, q, "good_practice", "Specialised prosecution unit.", first.pk
    )
    rec = qs.propose_observation(
        bob, q, "recommendation", "Introduce liability of legal persons.", second.pk
    )
    dropped = qs.propose_observation(sue, q, "challenge", "Duplicate of the recommendation.")
    qs.reply_to_observation(fiona, rec, "A bill is before parliament.")
    with pytest.raises(PermissionDenied):
        qs.reply_to_observation(bob, rec, "Not mine to answer.")
    # The secretariat consolidates and adopts.
    with pytest.raises(PermissionDenied):
        qs.consolidate(bob, q, "My summary", set())
    with pytest.raises(ValidationError):
        qs.complete_questionnaire(sue, q)  # no summary yet
    qs.consolidate(sue, q, "Xandria has made progress.", {good.pk, rec.pk})
    qs.complete_questionnaire(sue, q)
    q.refresh_from_db()
    assert q.status == Questionnaire.Status.COMPLETED
    assert not Observation.objects.get(pk=dropped.pk).included
    assert AuditEvent.objects.filter(action="review.questionnaire_completed").exists()


def test_template_versions(rw) -> None:
    sue = rw.users["sue"]
    cluster = rw.questionnaire.cluster
    with pytest.raises(PermissionDenied):
        qs.start_template_version(rw.users["fiona"], cluster, rw.untoc)
    draft = qs.start_template_version(sue, cluster, rw.untoc)
    assert draft.version == 2 and draft.questions.count() == 2
    qs.save_question(
        sue, draft, 3, "Is the offence of obstruction of justice in your law?", articles="23"
    )
    qs.publish_template(sue, draft)
    with pytest.raises(ValidationError):
        qs.save_question(sue, draft, 4, "Too late.")
    rw.questionnaire.refresh_from_db()
    assert rw.questionnaire.template == draft  # unanswered drafts move to the new version
