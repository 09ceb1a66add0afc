"""Reading generated documents. Access to the target record is the caller's business:
fetch the target through its app's access.py first, then list its documents here."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from palermo.core.documents.models import GeneratedDocument


def documents_for(target: models.Model, kind: str | None = None) -> QuerySet[GeneratedDocument]:
    documents = GeneratedDocument.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    )
    if kind is not None:
        documents = documents.filter(kind=kind)
    return documents
