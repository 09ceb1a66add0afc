"""One way to hand a stored generated document to a browser or an API client."""

from __future__ import annotations

from django.http import HttpResponse

from palermo.core.documents.models import MEDIA_TYPES, GeneratedDocument
from palermo.core.documents.services import read_document


def attachment_response(document: GeneratedDocument) -> HttpResponse:
    """The file as stored (refused if it no longer matches its hash), with its name, its
    SHA-256 and the data version it was made from, so what was sent can be shown again."""
    response = HttpResponse(read_document(document), content_type=MEDIA_TYPES[document.format])
    response["Content-Disposition"] = f'attachment; filename="{document.download_name}"'
    response["X-Content-SHA256"] = document.sha256
    response["X-Data-Version"] = document.data_version
    return response
