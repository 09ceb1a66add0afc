"""The wizard's pages keep what was typed: on a validation error, after autosave, and when the
step is opened again; and the requested authority comes from the directory when left empty."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.directory.models import Authority
from palermo.writer.models import WriterRequest
from palermo.writer.tests.factories import make_request


@pytest.mark.django_db
def test_bad_date_keeps_everything_typed(world: Any) -> None:
    request = make_request(world)
    client = world.client("alice")
    url = f"/en/writer/{request.pk}/step/handling/"
    typed = {
        "urgency__deadline": "31/12/2026",
        "urgency__reasons": "Trial opens in January.",
        "contact__name": "Alice Caseworker",
        "contact__email": "alice@example.org",
        "go": "next",
    }
    response = client.post(url, typed)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Trial opens in January." in body and "31/12/2026" in body
    assert "Enter a valid date." in body
    stored = WriterRequest.objects.get(pk=request.pk)
    assert stored.pending_input["handling"]["urgency__reasons"] == "Trial opens in January."
    assert stored.content["urgency"]["reasons"] != "Trial opens in January."
    again = client.get(url).content.decode()
    assert "Trial opens in January." in again and "31/12/2026" in again


@pytest.mark.django_db
def test_autosave_keeps_input_until_the_step_is_saved(world: Any) -> None:
    request = make_request(world)
    client = world.client("alice")
    response = client.post(
        f"/en/writer/{request.pk}/autosave/facts/", {"facts__summary": "Half a sentence"}
    )
    assert response.status_code == 200 and response.json()["saved"] is True
    assert "Half a sentence" in client.get(f"/en/writer/{request.pk}/step/facts/").content.decode()
    saved = client.post(
        f"/en/writer/{request.pk}/step/facts/",
        {"facts__summary": "A whole sentence.", "go": "stay"},
    )
    assert saved.status_code == 302
    request.refresh_from_db()
    assert request.content["facts"]["summary"] == "A whole sentence."
    assert "facts" not in request.pending_input


@pytest.mark.django_db
def test_step_saved_in_arabic_interface_and_measures_added(world: Any) -> None:
    request = make_request(world, measures=[])
    client = world.client("alice")
    page = client.get(f"/ar/writer/{request.pk}/step/measures/")
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
    client.post(
        f"/ar/writer/{request.pk}/step/measures/", {"add_measure": "video_hearing", "go": "stay"}
    )
    request.refresh_from_db()
    assert request.measure_codes == ["video_hearing"]
    body = client.get(f"/en/writer/{request.pk}/step/measures/").content.decode()
    assert 'name="measures__0__questions"' in body


@pytest.mark.django_db
def test_requested_authority_proposed_from_the_directory(world: Any) -> None:
    Authority.objects.create(
        country=world.state_y,
        name="Central Authority of Yberia for MLA",
        competences=["mla_central_authority"],
        scope_request_types=["mla"],
        accepted_languages=["es", "en"],
        channels=["central_authority"],
    )
    request = make_request(
        world, requested_authority={"name": "", "address": "", "directory_id": None}
    )
    client = world.client("alice")
    response = client.post(
        f"/en/writer/{request.pk}/step/authorities/",
        {
            "title": "T",
            "requesting_authority__name": world.authority_a.name,
            "requested_state": world.state_y.iso3,
            "target_language": "es",
            "source_language": "en",
            "channel": "central_authority",
            "go": "stay",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.content["requested_authority"]["name"] == "Central Authority of Yberia for MLA"


@pytest.mark.django_db
def test_legal_basis_step_preselects_the_best_proposal(world: Any) -> None:
    request = make_request(
        world, legal_basis={"chosen": "", "instrument": "", "override_reason": ""}
    )
    body = world.client("alice").get(f"/en/writer/{request.pk}/step/legal_basis/").content
    text = body.decode()
    assert 'value="untoc"' in text
    checked = text.split('value="untoc"', 1)[1].split(">", 1)[0]
    assert "checked" in checked
    assert "Proposed, best first:" in text
