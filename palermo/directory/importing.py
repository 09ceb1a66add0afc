"""Importing authorities from JSON Lines (schema in docs/data-formats.md, "Directory").

All or nothing: every line is checked first and every bad line reported with its number and
reason; only a clean file is written, in one transaction. Idempotent: entries are keyed by
`external_id`, and a line that matches what is stored changes nothing.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone

from palermo.accounts.models import Organisation
from palermo.core.audit import diff_fields, record_event
from palermo.directory.labels import known_language_codes
from palermo.directory.models import Authority, ContactPerson, NationalGuide
from palermo.directory.services import EDITABLE_FIELDS, local_names_text, snapshot
from palermo.directory.vocabulary import (
    CERTIFICATIONS,
    CHANNELS,
    COMPETENCES,
    DUAL_CRIMINALITY_POLICIES,
    OFFENCES,
    STAGES,
)
from palermo.reference.measures import MEASURE_CODES, REQUEST_TYPE_CODES
from palermo.reference.models import Country

TEXT_FIELDS = (
    "name",
    "transliteration",
    "scope_region",
    "postal_address",
    "fax",
    "website",
    "office_hours",
    "time_zone",
    "urgent_procedure",
    "translation_requirement",
    "processing_time",
    "notes",
)
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "certification": CERTIFICATIONS,
    "dual_criminality_policy": DUAL_CRIMINALITY_POLICIES,
}
CODE_LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "competences": COMPETENCES,
    "channels": CHANNELS,
    "scope_request_types": REQUEST_TYPE_CODES,
    "scope_measures": MEASURE_CODES,
    "scope_offences": OFFENCES,
    "scope_stages": STAGES,
    "dual_criminality_measures": MEASURE_CODES,
}
FREE_LIST_FIELDS = ("designations", "phones", "emails")
BOOL_FIELDS = ("advance_copy_by_email", "requires_original", "requires_signature", "requires_seal")
NULLABLE_BOOL_FIELDS = ("untoc_basis_mla", "untoc_basis_extradition")
OTHER_KEYS = (
    "external_id",
    "country",
    "organisation",
    "local_names",
    "accepted_languages",
    "contacts",
    "guides",
    "last_verified_on",
)
KNOWN_KEYS = (
    frozenset(TEXT_FIELDS)
    | set(CHOICE_FIELDS)
    | set(CODE_LIST_FIELDS)
    | set(FREE_LIST_FIELDS)
    | set(BOOL_FIELDS)
    | set(NULLABLE_BOOL_FIELDS)
    | set(OTHER_KEYS)
)
CONTACT_KEYS = frozenset({"name", "position", "languages", "email", "phone"})
GUIDE_KEYS = frozenset({"kind", "title", "language", "url"})


@dataclass
class CheckedLine:
    number: int
    external_id: str
    country: Country
    organisation: Organisation | None
    values: dict[str, Any]
    contacts: list[dict[str, Any]]
    guides: list[dict[str, Any]]
    last_verified_on: datetime.date | None


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


class LineError(Exception):
    pass


def _text(record: dict[str, Any], key: str, required: bool = False) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise LineError(f"{key} must be a string")
    if required and not value.strip():
        raise LineError(f"{key} is required")
    return value.strip()


def _str_list(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LineError(f"{key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _codes(record: dict[str, Any], key: str, accepted: Iterable[str]) -> list[str]:
    values = _str_list(record, key)
    allowed = set(accepted)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise LineError(
            f"{key}: unknown code(s) {', '.join(unknown)}; accepted: {', '.join(sorted(allowed))}"
        )
    return values


def _languages(values: list[str], key: str) -> list[str]:
    unknown = [v for v in values if v not in known_language_codes()]
    if unknown:
        raise LineError(f"{key}: unknown ISO 639-1 language code(s) {', '.join(unknown)}")
    return values


def check_line(number: int, line: str) -> CheckedLine:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON ({error.msg}, column {error.colno})") from error
    if not isinstance(record, dict):
        raise LineError("each line must be a JSON object")
    unknown = sorted(set(record) - KNOWN_KEYS)
    if unknown:
        raise LineError(f"unknown field(s) {', '.join(unknown)}")
    external_id = _text(record, "external_id", required=True)
    iso3 = _text(record, "country", required=True).upper()
    country = Country.objects.filter(iso3=iso3).first()
    if country is None:
        raise LineError(f"country {iso3!r} is not an ISO alpha-3 code Palermo knows")
    values: dict[str, Any] = {key: _text(record, key) for key in TEXT_FIELDS}
    if not values["name"]:
        raise LineError("name is required")
    if values["website"]:
        try:
            URLValidator()(values["website"])
        except ValidationError as error:
            raise LineError(f"website {values['website']!r} is not a valid address") from error
    for key, accepted in CHOICE_FIELDS.items():
        values[key] = record.get(key, accepted[0])
        if values[key] not in accepted:
            raise LineError(f"{key}: {values[key]!r} is not one of {', '.join(accepted)}")
    for key, accepted in CODE_LIST_FIELDS.items():
        values[key] = _codes(record, key, accepted)
    for key in FREE_LIST_FIELDS:
        values[key] = _str_list(record, key)
    for email in values["emails"]:
        try:
            validate_email(email)
        except ValidationError as error:
            raise LineError(f"emails: {email!r} is not a valid e-mail address") from error
    for key in BOOL_FIELDS:
        default = key == "requires_signature"
        values[key] = record.get(key, default)
        if not isinstance(values[key], bool):
            raise LineError(f"{key} must be true or false")
    for key in NULLABLE_BOOL_FIELDS:
        values[key] = record.get(key)
        if values[key] is not None and not isinstance(values[key], bool):
            raise LineError(f"{key} must be true, false or null")
    values["accepted_languages"] = _languages(
        [v.lower() for v in _str_list(record, "accepted_languages")], "accepted_languages"
    )
    values["local_names"] = _local_names(record.get("local_names", []))
    return CheckedLine(
        number=number,
        external_id=external_id,
        country=country,
        organisation=_organisation(record, country),
        values=values,
        contacts=_contacts(record.get("contacts", [])),
        guides=_guides(record.get("guides", [])),
        last_verified_on=_date(record.get("last_verified_on")),
    )


def _local_names(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise LineError("local_names must be a list of {language, name} objects")
    names = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"language", "name"}:
            raise LineError("each of local_names needs exactly language and name")
        _languages([str(entry["language"])], "local_names")
        names.append({"language": str(entry["language"]), "name": str(entry["name"]).strip()})
    return names


def _organisation(record: dict[str, Any], country: Country) -> Organisation | None:
    name = _text(record, "organisation")
    if not name:
        return None
    organisation = Organisation.objects.filter(name=name, country=country).first()
    if organisation is None:
        raise LineError(f"organisation {name!r} does not exist in {country.iso3}")
    return organisation


def _contacts(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise LineError("contacts must be a list")
    contacts = []
    for position, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or set(entry) - CONTACT_KEYS:
            raise LineError(f"contact {position}: use only {', '.join(sorted(CONTACT_KEYS))}")
        email = _text(entry, "email")
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                raise LineError(
                    f"contact {position}: {email!r} is not a valid e-mail address"
                ) from error
        contact = {
            "name": _text(entry, "name", required=True),
            "position": _text(entry, "position"),
            "languages": _languages(_str_list(entry, "languages"), "contact languages"),
            "email": email,
            "phone": _text(entry, "phone"),
        }
        contacts.append(contact)
    return contacts


def _guides(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise LineError("guides must be a list")
    guides = []
    for position, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or set(entry) - GUIDE_KEYS:
            raise LineError(f"guide {position}: use only {', '.join(sorted(GUIDE_KEYS))}")
        guide = {
            "kind": entry.get("kind", "guide"),
            "title": _text(entry, "title", True),
            "language": _text(entry, "language"),
            "url": _text(entry, "url", True),
        }
        if guide["kind"] not in ("guide", "template"):
            raise LineError(f"guide {position}: kind must be guide or template")
        try:
            URLValidator()(guide["url"])
        except ValidationError as error:
            raise LineError(f"guide {position}: {guide['url']!r} is not a valid address") from error
        guides.append(guide)
    return guides


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise LineError(f"last_verified_on {value!r} is not a date (YYYY-MM-DD)") from error


def import_lines(
    lines: Iterable[str], progress: Callable[[str], None] = lambda _line: None
) -> ImportReport:
    """Check every line, then write them all in one transaction, or nothing at all."""
    report = ImportReport()
    checked: list[CheckedLine] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = check_line(number, line)
            if entry.external_id in seen:
                raise LineError(
                    f"external_id {entry.external_id!r} already used on line "
                    f"{seen[entry.external_id]}"
                )
            seen[entry.external_id] = number
            checked.append(entry)
        except LineError as error:
            report.errors.append((number, str(error)))
        if number % 100 == 0:
            progress(f"checked {number} lines")
    if report.errors:
        return report
    with transaction.atomic():
        for position, entry in enumerate(checked, start=1):
            outcome = _write(entry)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if position % 100 == 0:
                progress(f"saved {position} of {len(checked)}")
    return report


def _write(entry: CheckedLine) -> str:
    authority = Authority.objects.filter(external_id=entry.external_id).first()
    created = authority is None
    if authority is None:
        authority = Authority(external_id=entry.external_id, country=entry.country)
    before = {} if created else snapshot(authority)
    contacts_before = (
        []
        if created
        else [
            {k: getattr(c, k) for k in sorted(CONTACT_KEYS)}
            for c in authority.contacts.order_by("pk")
        ]
    )
    guides_before = (
        []
        if created
        else [
            {"kind": g.kind, "title": g.title, "language": g.language, "url": g.url}
            for g in authority.guides.filter(file="").order_by("pk")
        ]
    )
    contacts_after = [{k: c[k] for k in sorted(CONTACT_KEYS)} for c in entry.contacts]
    verified_at = (
        datetime.datetime.combine(entry.last_verified_on, datetime.time(12), tzinfo=datetime.UTC)
        if entry.last_verified_on
        else None
    )
    same = (
        not created
        and before == {k: entry.values[k] for k in EDITABLE_FIELDS}
        and authority.country_id == entry.country.pk
        and authority.organisation_id == (entry.organisation.pk if entry.organisation else None)
        and contacts_before == contacts_after
        and guides_before == entry.guides
        and (verified_at is None or authority.last_verified_at == verified_at)
    )
    if same:
        return "unchanged"
    for name in EDITABLE_FIELDS:
        setattr(authority, name, entry.values[name])
    authority.local_names_text = local_names_text(authority.local_names)
    authority.country = entry.country
    authority.organisation = entry.organisation
    authority.last_verified_at = verified_at or timezone.now()
    authority.last_verified_by = None
    if not created:
        authority.version += 1
    authority._change_reason = "import"  # type: ignore[attr-defined]
    authority.save()
    if contacts_before != contacts_after:
        authority.contacts.all().delete()
        for contact in entry.contacts:
            ContactPerson.objects.create(authority=authority, **contact)
    if guides_before != entry.guides:
        authority.guides.filter(file="").delete()
        for guide in entry.guides:
            NationalGuide.objects.create(authority=authority, **guide)
    record_event(
        None,
        "directory.authority.imported",
        authority,
        changes=diff_fields(before, snapshot(authority)),
    )
    return "created" if created else "updated"
