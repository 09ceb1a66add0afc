"""Opening a cycle (staff) and placing States in review groups (its secretariat)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from palermo.reference.tests.factories import CountryFactory, InstrumentFactory
from palermo.review.models import Cycle, Questionnaire, Review, ReviewRole

pytestmark = pytest.mark.django_db


def cycle_post(untoc_pk: int, **changes: str) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Second cycle",
        "starts_on": "2027-01-01",
        "ends_on": "2031-12-31",
        "instruments": [untoc_pk],
    }
    for number in range(1, 5):
        data[f"phase_{number}_starts"] = f"{2026 + number}-01-01"
        data[f"phase_{number}_ends"] = f"{2027 + number}-06-30"
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "persona, status", [("anon", 302), ("fiona", 403), ("sue", 403), ("eddie", 403), ("staff", 200)]
)
def test_only_staff_open_cycles(rw, client_for, persona, status) -> None:
    assert client_for(persona).get(reverse("review:cycle-create")).status_code == status


def test_staff_open_a_cycle_and_become_its_secretariat(rw, client_for) -> None:
    client = client_for("staff")
    bad = client.post(reverse("review:cycle-create"), cycle_post(rw.untoc.pk, ends_on="2026-01-01"))
    assert bad.status_code == 400
    assert "The cycle must end after it starts." in bad.content.decode()
    assert 'value="Second cycle"' in bad.content.decode()  # what was typed stays
    response = client.post(reverse("review:cycle-create"), cycle_post(rw.untoc.pk))
    cycle = Cycle.objects.get(name="Second cycle")
    assert response.status_code == 302
    assert cycle.phases.count() == 4
    assert ReviewRole.objects.filter(
        user=rw.users["staff"], cycle=cycle, role="secretariat"
    ).exists()


def test_placing_a_state_not_recorded_as_party_is_refused_whole(world, rw, client_for) -> None:
    tip = InstrumentFactory(code="tip", short_name="TIP Protocol")
    rw.cycle.instruments.add(tip)
    newcomer = CountryFactory(
        iso2="NQ",
        iso3="NQQ",
        numeric="908",
        name="Novaria",
        regional_group=world.state_y.regional_group,
    )
    from palermo.review.tests.factories import party

    party(newcomer, rw.untoc)
    url = reverse("review:cycle-place", kwargs={"cycle_id": rw.cycle.pk})
    data = {"group_name": "Group C", "states": [newcomer.pk], "instruments": [rw.untoc.pk, tip.pk]}
    assert client_for("fiona").post(url, data).status_code == 404
    refused = client_for("sue").post(url, data)
    assert refused.status_code == 400
    assert "Novaria is not recorded as a party to TIP Protocol" in refused.content.decode()
    assert not Review.objects.filter(state=newcomer).exists()
    assert not rw.cycle.groups.filter(name="Group C").exists()
    data["instruments"] = [rw.untoc.pk]
    assert client_for("sue").post(url, data).status_code == 302
    review = Review.objects.get(state=newcomer)
    assert review.group.name == "Group C"
    assert Questionnaire.objects.filter(review=review).count() == 4
