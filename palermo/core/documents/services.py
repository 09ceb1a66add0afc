"""Storing generated documents. Callers render first (rendering.py), then store here."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction

from palermo.core.audit import record_event
from palermo.core.documents.models import MEDIA_TYPES, GeneratedDocument


def data_fingerprint(source_data: dict[str, Any]) -> str:
    """A stable hash of the data a document was made from (key order does not matter)."""
    canonical = json.dumps(source_data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@transaction.atomic
def store_generated_document(
    *,
    actor: Any,
    kind: str,
    target: models.Model,
    fmt: str,
    language: str,
    content: bytes,
    source_data: dict[str, Any],
    data_version: str | None = None,
    organisation: Any = None,
) -> GeneratedDocument:
    """Keep `content` with its SHA-256 and the exact `source_data` it was rendered from.

    `data_version` names the version of the target's data (for example a request's version
    number); when omitted it is the fingerprint of `source_data`.
    """
    if fmt not in MEDIA_TYPES:
        raise ValueError(f"Unknown document format {fmt!r}; use one of {sorted(MEDIA_TYPES)}.")
    sha256 = hashlib.sha256(content).hexdigest()
    source = json.loads(json.dumps(source_data, ensure_ascii=False, default=str))
    document = GeneratedDocument(
        kind=kind,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        format=fmt,
        language=language,
        sha256=sha256,
        size=len(content),
        source_data=source,
        data_version=data_version or data_fingerprint(source),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    document.file.save(
        f"{kind}-{target.pk}-{language}-{sha256[:12]}.{fmt}", ContentFile(content), save=False
    )
    document.save()
    record_event(
        actor,
        "document.generated",
        target,
        changes={
            "document": [None, document.pk],
            "format": [None, fmt],
            "language": [None, language],
            "sha256": [None, sha256],
        },
        organisation=organisation,
    )
    return document


def read_document(document: GeneratedDocument) -> bytes:
    """The stored bytes, refusing them when they no longer match the recorded hash."""
    with document.file.open("rb") as handle:
        content: bytes = handle.read()
    if hashlib.sha256(content).hexdigest() != document.sha256:
        raise ValueError(f"Stored file of document {document.pk} does not match its hash.")
    return content
