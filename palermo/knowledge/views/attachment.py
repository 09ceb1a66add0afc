"""The attached document of a record, downloaded under the record's access rule."""

from __future__ import annotations

import logging
from typing import cast

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from palermo.accounts import access
from palermo.knowledge.access import access_attachment
from palermo.knowledge.attachments import content_type_for

logger = logging.getLogger(__name__)


@access.public
def record_attachment(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    """Whoever may see the record may download its document; everyone else gets "not found".

    The file is sent as a download (never shown in the browser, so an HTML attachment cannot
    run in Palermo's pages) under its uploaded name, with the type its validation gave it.
    """
    record = access_attachment(request.user, kind, record_id)
    try:
        handle = record.attachment.open("rb")
    except OSError:  # FileNotFoundError among them
        logger.warning("Attached document missing from storage: %s", record.attachment.name)
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=record.attachment_filename,
        content_type=record.attachment_type or content_type_for(record.attachment.name or ""),
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not record.is_published:
        # Only some people may see a draft's document: no shared cache may keep it.
        patch_cache_control(response, private=True, no_store=True)
    return cast(HttpResponse, response)  # streamed; access.public's type names HttpResponse
