"""Factories for the writer's tests: requests built from the fictional samples."""

from __future__ import annotations

from typing import Any

from palermo.accounts.models import Organisation
from palermo.writer import services
from palermo.writer.models import WriterRequest
from palermo.writer.samples import sample


def make_request(
    world: Any, persona: str = "alice", sample_name: str = "bank_records", **changes: Any
) -> WriterRequest:
    """A draft of `persona`, with the sample's content moved to the world's two States."""
    content = sample(sample_name)
    content["requesting_authority"]["state"] = world.state_x.iso3
    content["requesting_authority"]["name"] = world.authority_a.name
    content["requested_state"] = world.state_y.iso3
    content.update(changes)
    user = world.users[persona]
    organisation: Organisation | None = None
    return services.create_request(user, content=content, organisation=organisation)
