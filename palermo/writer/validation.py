"""Validating the shape of a request's content, from the wizard and from the API alike.

Drafts may be incomplete (completeness is the checklist's job, rules.py); what is typed must
still be well formed: known keys, text within limits, dates as YYYY-MM-DD, numbers, known codes.
Errors name the field path ("measures.0.period_from") with a translated message.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from palermo.writer.catalogue import (
    ANNEX_FIELDS,
    CHANNELS,
    LEGAL_BASES,
    LINK_TO_FACTS,
    MEASURE_FIELDS,
    NATURES,
    OFFENCE_FIELDS,
    PERSON_FIELDS,
    FieldSpec,
    empty_request,
)

MAX_TEXT = 100_000  # characters in one free-text field
MAX_LINE = 1_000
MAX_ITEMS = 100
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

SIMPLE_PARTS: dict[str, tuple[FieldSpec, ...]] = {
    "requesting_authority": (FieldSpec("name"), FieldSpec("state"), FieldSpec("address", "long")),
    "requested_authority": (
        FieldSpec("name"),
        FieldSpec("address", "long"),
        FieldSpec("directory_id", "number"),
    ),
    "legal_basis": (
        FieldSpec("chosen", "choice", choices=("", *LEGAL_BASES)),
        FieldSpec("instrument"),
        FieldSpec("proposed", "list"),
        FieldSpec("override_reason", "long"),
    ),
    "proceedings": (
        FieldSpec("subject", "long"),
        FieldSpec("nature", "choice", choices=("", *NATURES)),
        FieldSpec("conducting_authority"),
        FieldSpec("case_reference"),
    ),
    "facts": (
        FieldSpec("summary", "long"),
        FieldSpec("transnational_nature", "long"),
        FieldSpec("organized_criminal_group", "long"),
    ),
    "procedures": (
        FieldSpec("procedures", "long"),
        FieldSpec("reasons", "long"),
        FieldSpec("certification", "bool"),
        FieldSpec("officials_present", "bool"),
        FieldSpec("oath", "bool"),
    ),
    "confidentiality": (FieldSpec("requested", "bool"), FieldSpec("reasons", "long")),
    "urgency": (
        FieldSpec("urgent", "bool"),
        FieldSpec("deadline", "date"),
        FieldSpec("reasons", "long"),
    ),
    "contact": (FieldSpec("name"), FieldSpec("position"), FieldSpec("email"), FieldSpec("phone")),
}
LIST_PARTS: dict[str, tuple[FieldSpec, ...]] = {
    "offences": OFFENCE_FIELDS,
    "persons": PERSON_FIELDS,
    "annexes": ANNEX_FIELDS,
}


class ContentErrors:
    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, path: str, message: str) -> None:
        self.errors.setdefault(path, []).append(message)


def clean_value(spec: FieldSpec, value: Any, path: str, errors: ContentErrors) -> Any:
    """The value in its stored form, or None after recording why it is not acceptable."""
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        if value in (None, "", "false", "0", "off"):
            return False
        if value in ("true", "1", "on"):
            return True
        errors.add(path, _("Answer yes or no (true or false)."))
        return None
    if spec.kind == "number":
        if value in (None, ""):
            return ""
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors.add(path, _("Enter a number."))
            return None
        if number < 0 or number > 10_000:
            errors.add(path, _("Enter a number between 0 and 10000."))
            return None
        return int(number) if number.is_integer() else number
    if spec.kind == "list":
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.add(path, _("Enter a list of codes."))
            return None
        return value
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.add(path, _("Enter text."))
        return None
    limit = MAX_LINE if spec.kind in ("text", "choice", "date") else MAX_TEXT
    if len(value) > limit:
        errors.add(
            path, _("This text is too long (at most %(limit)d characters).") % {"limit": limit}
        )
        return None
    if "\x00" in value:
        errors.add(path, _("This text contains a character that is not allowed."))
        return None
    if spec.kind == "date" and value.strip():
        try:
            datetime.date.fromisoformat(value.strip())
        except ValueError:
            errors.add(path, _("Enter a date as YYYY-MM-DD, for example 2026-03-31."))
            return None
        return value.strip()
    if spec.kind == "choice" and value and value not in spec.choices:
        errors.add(
            path,
            _("Choose one of: %(choices)s.") % {"choices": ", ".join(c for c in spec.choices if c)},
        )
        return None
    return value


def clean_object(
    specs: tuple[FieldSpec, ...], value: Any, path: str, errors: ContentErrors
) -> dict[str, Any]:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        errors.add(path, _("Expected an object with named fields."))
        return {}
    known = {spec.name for spec in specs}
    for key in value:
        if key not in known:
            errors.add(f"{path}.{key}", _("Unknown field."))
    return {
        spec.name: clean_value(spec, value.get(spec.name), f"{path}.{spec.name}", errors)
        for spec in specs
    }


def clean_list(
    specs: tuple[FieldSpec, ...], value: Any, path: str, errors: ContentErrors
) -> list[dict[str, Any]]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        errors.add(path, _("Expected a list."))
        return []
    if len(value) > MAX_ITEMS:
        errors.add(path, _("At most %(count)d entries.") % {"count": MAX_ITEMS})
        return []
    return [clean_object(specs, item, f"{path}.{i}", errors) for i, item in enumerate(value)]


def clean_measures(value: Any, errors: ContentErrors) -> list[dict[str, Any]]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        errors.add("measures", _("Expected a list."))
        return []
    cleaned: list[dict[str, Any]] = []
    for index, measure in enumerate(value):
        path = f"measures.{index}"
        if not isinstance(measure, dict):
            errors.add(path, _("Expected an object with named fields."))
            continue
        code = measure.get("code")
        if code not in MEASURE_FIELDS:
            errors.add(f"{path}.code", _("Unknown measure: %(code)s.") % {"code": code})
            continue
        specs = (*MEASURE_FIELDS[code], LINK_TO_FACTS)
        cleaned.append(
            {
                "code": code,
                "fields": clean_object(specs, measure.get("fields"), f"{path}.fields", errors),
            }
        )
    return cleaned


def clean_content(content: Any) -> dict[str, Any]:
    """A complete, well-formed content dict, or a ValidationError naming each bad field."""
    errors = ContentErrors()
    if not isinstance(content, dict):
        raise ValidationError({"content": [_("Expected an object with named fields.")]})
    shape = empty_request()
    for key in content:
        if key not in shape:
            errors.add(key, _("Unknown field."))
    cleaned: dict[str, Any] = {}
    for key in ("title", "requested_state", "assurances", "purpose"):
        kind = "long" if key in ("assurances", "purpose") else "text"
        cleaned[key] = clean_value(FieldSpec(key, kind), content.get(key), key, errors)
    for key in ("target_language", "source_language"):
        value = content.get(key) or "en"
        if value not in LANGUAGE_CODES:
            errors.add(
                key,
                _("Choose one of the six UN languages: %(codes)s.")
                % {"codes": ", ".join(sorted(LANGUAGE_CODES))},
            )
        cleaned[key] = value
    channel = content.get("channel") or "central_authority"
    if channel not in CHANNELS:
        errors.add("channel", _("Choose one of: %(choices)s.") % {"choices": ", ".join(CHANNELS)})
    cleaned["channel"] = channel
    for key, specs in SIMPLE_PARTS.items():
        cleaned[key] = clean_object(specs, content.get(key), key, errors)
    for key, specs in LIST_PARTS.items():
        cleaned[key] = clean_list(specs, content.get(key), key, errors)
    cleaned["measures"] = clean_measures(content.get("measures"), errors)
    if errors.errors:
        raise ValidationError(errors.errors)
    return cleaned
