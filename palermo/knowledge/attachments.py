"""Judgments and laws attached to records: checked by type and size, their text extracted.

Accepted: PDF, DOCX, HTML and plain text. The file's content must match its name (a PDF starts
with %PDF, a DOCX is a Word package python-docx can open, HTML and text are UTF-8).

A file is stored under a random name (`knowledge/<32 hex digits><suffix>`), never the name it
was uploaded with, and is only ever served through the record's download view, which applies
the record's access rule; the uploaded name is kept on the record for display and download.
"""

from __future__ import annotations

import html
import io
import re
import secrets
import unicodedata
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ACCEPTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")
# The type a file is served with follows from its suffix, since validation ties its content to it.
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
UNKNOWN_CONTENT_TYPE = "application/octet-stream"
MAX_DOWNLOAD_NAME = 150
MAX_EXTRACTED_CHARS = 2_000_000
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)


def max_upload_bytes() -> int:
    return int(settings.MAX_UPLOAD_MB) * 1024 * 1024


def _read(upload: Any) -> bytes:
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    return bytes(content)


def extract_text(name: str, content: bytes) -> str:
    """The text of a document; raises ValidationError if the file is not what its name says."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        if not content.startswith(b"%PDF"):
            raise ValidationError(_("This file is named .pdf but is not a PDF document."))
        try:
            reader = PdfReader(io.BytesIO(content))
            text = "\n".join((page.extract_text() or "") for page in reader.pages)
        except (PyPdfError, ValueError, KeyError) as error:
            raise ValidationError(_("The PDF document could not be read.")) from error
    elif suffix == ".docx":
        import zipfile

        from docx import Document

        try:
            document = Document(io.BytesIO(content))
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise ValidationError(
                _("This file is named .docx but is not a Word document.")
            ) from error
        text = "\n".join(p.text for p in document.paragraphs)
    elif suffix in (".html", ".htm", ".txt"):
        try:
            decoded = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("Text and HTML files must be encoded in UTF-8.")) from error
        text = html.unescape(_TAGS.sub(" ", decoded)) if suffix != ".txt" else decoded
    else:
        raise ValidationError(
            _("Attach a PDF, DOCX, HTML or text file (this one ends in “%(suffix)s”)."),
            params={"suffix": suffix or "?"},
        )
    return re.sub(r"[ \t]+", " ", text).strip()[:MAX_EXTRACTED_CHARS]


def validate_attachment(upload: Any) -> str:
    """Check an uploaded file's type and size; return its extracted text."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB."),
            params={"size": round(upload.size / 1024 / 1024, 1), "limit": settings.MAX_UPLOAD_MB},
        )
    return extract_text(upload.name, _read(upload))


def _suffix(name: str) -> str:
    suffix = PurePath(name.replace("\\", "/")).suffix.lower()
    return suffix if suffix in ACCEPTED_SUFFIXES else ""


def content_type_for(name: str) -> str:
    """The content type of a validated file with this name (its suffix decides)."""
    return CONTENT_TYPES.get(_suffix(name), UNKNOWN_CONTENT_TYPE)


def attachment_path(instance: Any, filename: str) -> str:
    """Where an attached document is stored: a random name that says nothing of the upload."""
    return f"knowledge/{secrets.token_hex(16)}{_suffix(filename)}"


def download_name(original: str, stored: str = "") -> str:
    """A safe file name to offer for download: the uploaded name without any folder, control
    or direction-changing characters, at most 150 characters; else the stored file's own name."""
    name = (original or stored or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(". ")
    suffix = _suffix(name) or _suffix(stored)
    stem = name[: len(name) - len(suffix)] if suffix and name.lower().endswith(suffix) else name
    stem = stem[: MAX_DOWNLOAD_NAME - len(suffix)].rstrip(". ")
    return f"{stem or 'document'}{suffix}"


def describe_upload(record: Any, upload: Any) -> None:
    """Keep a validated upload's name and content type on the record it is attached to."""
    record.attachment_name = download_name(str(upload.name))
    record.attachment_type = content_type_for(str(upload.name))
