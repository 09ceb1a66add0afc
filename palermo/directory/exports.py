"""The directory as CSV, PDF and vCard. Everything goes through visibility.authority_data, so
verified practitioners get every field and others the public fields only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from palermo.directory import visibility
from palermo.directory.labels import (
    CERTIFICATION_LABELS,
    CHANNEL_LABELS,
    COMPETENCE_LABELS,
    DUAL_CRIMINALITY_LABELS,
    OFFENCE_LABELS,
    STAGE_LABELS,
    measure_label,
    request_type_label,
)
from palermo.directory.models import Authority, ContactPerson

_CODE_LABELS: dict[str, Any] = {
    "competences": COMPETENCE_LABELS,
    "channels": CHANNEL_LABELS,
    "scope_offences": OFFENCE_LABELS,
    "scope_stages": STAGE_LABELS,
    "certification": CERTIFICATION_LABELS,
    "dual_criminality_policy": DUAL_CRIMINALITY_LABELS,
}


def field_label(name: str) -> str:
    """The translated name of an Authority field, for history and conflict tables."""
    field = Authority._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


def display_value(name: str, value: Any) -> str:
    """A field's value in words, for CSV cells and printed pages."""
    if name in ("scope_measures", "dual_criminality_measures"):
        return "; ".join(measure_label(code) for code in value)
    if name == "scope_request_types":
        return "; ".join(request_type_label(code) for code in value)
    if name in _CODE_LABELS:
        labels = _CODE_LABELS[name]
        if isinstance(value, list):
            return "; ".join(str(labels.get(code, code)) for code in value)
        return str(labels.get(value, value))
    if name == "local_names":
        return "; ".join(f"{e.get('language')}: {e.get('name')}" for e in value)
    if name == "contacts":
        return "; ".join(
            " / ".join(p for p in (c["name"], c["position"], c["email"], c["phone"]) if p)
            for c in value
        )
    if name == "guides":
        return "; ".join(f"{g['title']} {g['url']}".strip() for g in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
    return str(value)


def directory_csv(user: Any, authorities: Iterable[Authority]) -> str:
    fields = visibility.visible_fields(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "country", "country_name", *fields])
    for authority in authorities:
        data = visibility.authority_data(user, authority)
        writer.writerow(
            [
                data["id"],
                data["country"],
                data["country_name"],
                *[_safe_cell(display_value(name, data.get(name))) for name in fields],
            ]
        )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """Spreadsheets run cells starting with these as formulas; quote them."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def directory_pdf(user: Any, authorities: Iterable[Authority], language: str) -> bytes:
    from weasyprint import HTML

    entries = [visibility.authority_data(user, a) for a in authorities]
    html = render_to_string(
        "directory/export_pdf.html",
        {
            "entries": entries,
            "language": language,
            "restricted": visibility.sees_restricted(user),
        },
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def authority_vcard(user: Any, authority: Authority) -> str:
    data = visibility.authority_data(user, authority)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(data['name'])}",
        f"ORG:{_vcard_escape(data['name'])}",
        "KIND:org",
    ]
    if data.get("postal_address"):
        lines.append(
            f"ADR;TYPE=WORK:;;{_vcard_escape(data['postal_address'])};;;;"
            f"{_vcard_escape(data['country_name'])}"
        )
    if data.get("website"):
        lines.append(f"URL:{_vcard_escape(data['website'])}")
    for phone in data.get("phones", []):
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(phone)}")
    if data.get("fax"):
        lines.append(f"TEL;TYPE=WORK,FAX:{_vcard_escape(data['fax'])}")
    for email in data.get("emails", []):
        lines.append(f"EMAIL;TYPE=WORK:{_vcard_escape(email)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def contact_vcard(contact: ContactPerson) -> str:
    """A contact person's card; callers fetch the contact through access_contact_by_id, which
    admits verified practitioners only."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(contact.name)}",
        f"ORG:{_vcard_escape(contact.authority.name)}",
    ]
    if contact.position:
        lines.append(f"TITLE:{_vcard_escape(contact.position)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=WORK:{_vcard_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(contact.phone)}")
    if contact.languages:
        lines.append(f"LANG:{_vcard_escape(','.join(contact.languages))}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
