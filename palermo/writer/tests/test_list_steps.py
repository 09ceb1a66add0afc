"""List steps (offences, persons, annexes): saving the page as it stands keeps the same items."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.writer.forms import StepForm
from palermo.writer.models import WriterRequest
from palermo.writer.tests.factories import make_request


def as_posted(form: StepForm) -> dict[str, Any]:
    """What a browser sends for the form as displayed: each field's shown value, unchecked
    boxes left out."""
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        data[name] = "on" if value is True else value
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["offences", "persons", "annexes"])
def test_saving_a_list_step_unchanged_keeps_its_items(world: Any, step: str) -> None:
    request = make_request(world)
    client = world.client("alice")
    before = list(request.content.get(step) or [])
    assert before, "the sample request has items in every list step"
    for _ in range(3):
        request.refresh_from_db()
        data = as_posted(StepForm(step, request.content))
        response = client.post(f"/en/writer/{request.pk}/step/{step}/", {**data, "go": "stay"})
        assert response.status_code == 302, response.content.decode()[:2000]
    stored = WriterRequest.objects.get(pk=request.pk)
    assert stored.content.get(step) == before
