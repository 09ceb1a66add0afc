"""The demo loads on top of the reference data and the demo users, twice without change."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from palermo.accounts import demo as accounts_demo
from palermo.review import demo
from palermo.review.models import Draw, Observation, Questionnaire, Review, ReviewRole
from palermo.review.services import reproduce_draw

pytestmark = pytest.mark.django_db


def test_demo_shows_the_whole_flow_and_is_idempotent() -> None:
    call_command("load_reference", verbosity=0)
    lines: list[str] = []
    accounts_demo.load_demo(lines.append)
    demo.load_demo(lines.append)
    reviews = Review.objects.filter(cycle__name=demo.DEMO_CYCLE)
    assert reviews.count() >= 6
    assert not reviews.filter(draw__isnull=True).exists()
    for review in reviews:
        assert review.same_group_reviewer.regional_group == review.state.regional_group
        assert review.other_group_reviewer.regional_group != review.state.regional_group
    assert reproduce_draw(Draw.objects.get())
    in_progress = Questionnaire.objects.get(review__state__iso3="BRA", cluster__number=1)
    assert in_progress.status == Questionnaire.Status.SUBMITTED
    assert Observation.objects.filter(questionnaire=in_progress).count() == 3
    assert ReviewRole.objects.filter(
        user__email="fiona@demo.palermo.test", role="focal_point"
    ).exists()
    counts = (Review.objects.count(), Observation.objects.count(), ReviewRole.objects.count())
    demo.load_demo(lines.append)
    assert (
        Review.objects.count(),
        Observation.objects.count(),
        ReviewRole.objects.count(),
    ) == counts
    assert "review demo cycle exists already" in lines
