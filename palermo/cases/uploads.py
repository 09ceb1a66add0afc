"""Checking uploaded documents by what they contain, not by what they are called."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# extension -> (content type, check on the first bytes or the whole file)
ALLOWED_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain",
}


def max_upload_bytes() -> int:
    return int(settings.MAX_UPLOAD_MB) * 1024 * 1024


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _content_matches(extension: str, content: bytes) -> bool:
    if extension == "pdf":
        return content.startswith(b"%PDF-")
    if extension == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return content.startswith(b"\xff\xd8\xff")
    if extension in ("docx", "odt"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return False
        return "word/document.xml" in names if extension == "docx" else "content.xml" in names
    if extension == "txt":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return b"\x00" not in content
    return False


def check_document(name: str, content: bytes) -> str:
    """The content type of an acceptable document; ValidationError with the reason otherwise."""
    extension = _extension(name)
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "Files of this type are not accepted. "
                "Upload PDF, DOCX, ODT, PNG, JPEG or plain text."
            ),
            code="file_type",
        )
    if not content:
        raise ValidationError(_("The file is empty."), code="empty_file")
    if len(content) > max_upload_bytes():
        raise ValidationError(
            _("The file is larger than %(limit)d MB.") % {"limit": settings.MAX_UPLOAD_MB},
            code="file_size",
        )
    if not _content_matches(extension, content):
        raise ValidationError(
            _("The file's content does not match its name: it is not a real .%(ext)s file.")
            % {"ext": extension},
            code="file_content",
        )
    return ALLOWED_TYPES[extension]
