"""Links from answers to knowledge-base records, resolved without depending on the knowledge
app's model names: a reference is {"kind", "id"} (the record kind the knowledge app declares in
its models' KIND) or {"url"}. A link is given only when the record exists and is published."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class ReferenceLink:
    label: str
    url: str  # empty when the record cannot be shown


def _model_for(kind: str) -> Any:
    if not apps.is_installed("palermo.knowledge"):
        return None
    for model in apps.get_app_config("knowledge").get_models():
        if getattr(model, "KIND", None) == kind:
            return model
    return None


def reference_links(references: list[dict[str, str]]) -> list[ReferenceLink]:
    links: list[ReferenceLink] = []
    for ref in references:
        if "url" in ref:
            links.append(ReferenceLink(ref["url"], ref["url"]))
            continue
        label = f"{ref.get('kind')}:{ref.get('id')}"
        model = _model_for(str(ref.get("kind")))
        record = model.objects.filter(pk=ref.get("id")).first() if model is not None else None
        published = record is not None and getattr(record, "status", "published") == "published"
        url = _record_url(record, str(ref.get("kind"))) if record is not None and published else ""
        links.append(ReferenceLink(str(record), url) if url else ReferenceLink(label, ""))
    return links


def _record_url(record: Any, kind: str) -> str:
    """The record's page: its own get_absolute_url, or the knowledge app's record page."""
    if hasattr(record, "get_absolute_url"):
        return str(record.get_absolute_url())
    try:
        return reverse("knowledge:record", kwargs={"kind": kind, "record_id": record.pk})
    except NoReverseMatch:
        return ""
