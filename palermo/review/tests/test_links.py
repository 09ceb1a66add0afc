"""Answers cite knowledge-base records by kind and number; published ones become links."""

from __future__ import annotations

import pytest

from palermo.review.links import _model_for, reference_links

pytestmark = pytest.mark.django_db


def test_published_record_becomes_a_link_and_others_stay_text() -> None:
    legislation = _model_for("legislation")
    published = legislation.objects.create(
        title="Organized Crime Act (fictional)", status="published"
    )
    draft = legislation.objects.create(title="Unpublished draft (fictional)", status="draft")
    links = reference_links(
        [
            {"kind": "legislation", "id": str(published.pk)},
            {"kind": "legislation", "id": str(draft.pk)},
            {"kind": "legislation", "id": "999999"},
            {"url": "https://example.org/law"},
        ]
    )
    assert links[0].label == "Organized Crime Act (fictional)"
    assert links[0].url.endswith(f"/legislation/{published.pk}/")
    assert links[1].url == "" and links[1].label == f"legislation:{draft.pk}"  # title not leaked
    assert links[2].url == ""
    assert links[3].url == "https://example.org/law"
