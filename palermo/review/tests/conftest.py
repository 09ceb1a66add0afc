from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.review.tests.factories import ReviewWorld, build_review_world

REVIEW_PERSONAS = [
    "anon",
    "practitioner",
    "alice",
    "bob",
    "sam",
    "adam",
    "fiona",
    "eddie",
    "staff",
    "sue",
]


@pytest.fixture
def rw(world: Any) -> ReviewWorld:
    return build_review_world(world)


@pytest.fixture
def client_for(rw: ReviewWorld) -> Any:
    def make(persona: str) -> Client:
        client = Client()
        user = rw.users.get(persona)
        if user is not None:
            client.force_login(user)
        return client

    return make
