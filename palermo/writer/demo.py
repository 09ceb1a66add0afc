"""Three complete, fictional requests of demo authority A for `palermo demo`: bank records
under UNTOC, extradition with provisional arrest, freezing followed by confiscation.
Idempotent: a request already there (same authority and title) is left as it is."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from palermo.accounts.demo import demo_authority
from palermo.accounts.models import User
from palermo.writer import services
from palermo.writer.models import WriterRequest
from palermo.writer.samples import SAMPLES, sample

DEMO_AUTHOR = "alice@demo.palermo.test"


@transaction.atomic
def load_demo(log: Callable[[str], None]) -> None:
    organisation = demo_authority("A")
    author = User.objects.get(email=DEMO_AUTHOR)
    made = 0
    for name in SAMPLES:
        content = sample(name)
        if WriterRequest.objects.filter(organisation=organisation, title=content["title"]).exists():
            continue
        services.create_request(author, content=content, organisation=organisation)
        made += 1
    log(f"writer: {made} demo request(s) created, {len(SAMPLES) - made} already there")
