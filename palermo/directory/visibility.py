"""Which directory fields anonymous visitors may see: the one place that decides it.

FIELD_POLICY is the per-field policy, as data. Every way out of the directory (pages, API,
CSV, PDF, vCard, search, routing answers) serialises authorities through `authority_data`, so a
restricted field cannot reach someone who is not a verified practitioner by another road.
"""

from __future__ import annotations

from typing import Any

from palermo.accounts import access
from palermo.directory.models import Authority, ContactPerson, NationalGuide

PUBLIC = "public"
RESTRICTED = "restricted"  # verified practitioners (and every role above) only

FIELD_POLICY: dict[str, str] = {
    "name": PUBLIC,
    "local_names": PUBLIC,
    "transliteration": PUBLIC,
    "competences": PUBLIC,
    "designations": PUBLIC,
    "scope_request_types": PUBLIC,
    "scope_measures": PUBLIC,
    "scope_offences": PUBLIC,
    "scope_stages": PUBLIC,
    "scope_region": PUBLIC,
    "postal_address": PUBLIC,
    "website": PUBLIC,
    "office_hours": PUBLIC,
    "time_zone": PUBLIC,
    "accepted_languages": PUBLIC,
    "channels": PUBLIC,
    "advance_copy_by_email": PUBLIC,
    "requires_original": PUBLIC,
    "requires_signature": PUBLIC,
    "requires_seal": PUBLIC,
    "certification": PUBLIC,
    "translation_requirement": PUBLIC,
    "untoc_basis_mla": PUBLIC,
    "untoc_basis_extradition": PUBLIC,
    "dual_criminality_policy": PUBLIC,
    "dual_criminality_measures": PUBLIC,
    "processing_time": PUBLIC,
    "last_verified_at": PUBLIC,
    "guides": PUBLIC,
    # Direct lines to people and offices, and working notes: practitioners only.
    "phones": RESTRICTED,
    "emails": RESTRICTED,
    "fax": RESTRICTED,
    "urgent_procedure": RESTRICTED,
    "notes": RESTRICTED,
    "contacts": RESTRICTED,
    "last_verified_by": RESTRICTED,
}

# Free-text fields searched by the directory's search box, by policy.
SEARCHABLE_FIELDS: tuple[str, ...] = (
    "name",
    "local_names",
    "transliteration",
    "postal_address",
    "scope_region",
    "emails",
    "phones",
    "notes",
    "urgent_procedure",
)


def sees_restricted(user: Any) -> bool:
    return access.is_verified_practitioner(user)


def visible_fields(user: Any) -> list[str]:
    """The fields of FIELD_POLICY this user may see, in policy order."""
    restricted_ok = sees_restricted(user)
    return [name for name, policy in FIELD_POLICY.items() if policy == PUBLIC or restricted_ok]


def may_see(user: Any, field_name: str) -> bool:
    return FIELD_POLICY.get(field_name) == PUBLIC or (
        FIELD_POLICY.get(field_name) == RESTRICTED and sees_restricted(user)
    )


def searchable_fields(user: Any) -> list[str]:
    fields = [f for f in SEARCHABLE_FIELDS if may_see(user, f)]
    if may_see(user, "contacts"):
        fields += ["contacts__name", "contacts__email"]
    return fields


def contact_data(contact: ContactPerson) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "name": contact.name,
        "position": contact.position,
        "languages": list(contact.languages),
        "email": contact.email,
        "phone": contact.phone,
    }


def guide_data(guide: NationalGuide) -> dict[str, Any]:
    return {
        "id": guide.pk,
        "kind": guide.kind,
        "title": guide.title,
        "language": guide.language,
        "url": guide.url,
        "has_file": bool(guide.file),
    }


def authority_data(user: Any, authority: Authority) -> dict[str, Any]:
    """The authority as this user may see it: identity plus the visible fields only.

    Restricted fields are left out entirely (not blanked), so no template, serialiser or
    export can show them by mistake.
    """
    data: dict[str, Any] = {
        "id": authority.pk,
        "country": authority.country.iso3,
        "country_name": authority.country.name,
        "is_stale": authority.is_stale(),
        "version": authority.version,
    }
    for name in visible_fields(user):
        if name == "contacts":
            data["contacts"] = [contact_data(c) for c in authority.contacts.all()]
        elif name == "guides":
            data["guides"] = [guide_data(g) for g in authority.guides.all()]
        elif name == "last_verified_by":
            verifier = authority.last_verified_by
            data[name] = verifier.display_name if verifier is not None else ""
        else:
            value = getattr(authority, name)
            data[name] = list(value) if isinstance(value, list) else value
    return data
