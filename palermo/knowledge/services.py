"""Writes to the knowledge base: save, submit, publish, return, withdraw, verify.

Each service takes the acting user first, runs in one transaction, writes the domain event
and keeps the search index in step (only published records are indexed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import has_transition_perm

from palermo.accounts.access import is_focal_point_for
from palermo.core.audit import diff_fields, record_event
from palermo.knowledge.access import can_edit_record, can_moderate
from palermo.knowledge.models import (
    CaseLaw,
    KnowledgeRecord,
    Legislation,
    Status,
    Treaty,
    TreatyParty,
)


@dataclass
class Terms:
    """The taxonomy links of a record (model instances)."""

    crime_types: list[Any] = field(default_factory=list)
    cross_cutting_issues: list[Any] = field(default_factory=list)
    articles: list[Any] = field(default_factory=list)


def classification_of(terms: Terms, extra: Iterable[Terms] = ()) -> dict[str, list[str]]:
    """Codes of the linked terms; a law's provisions add theirs to the law's."""
    all_terms = [terms, *extra]
    return {
        "crime_types": sorted({t.code for ts in all_terms for t in ts.crime_types}),
        "cross_cutting_issues": sorted(
            {t.code for ts in all_terms for t in ts.cross_cutting_issues}
        ),
        "articles": sorted({a.reference for ts in all_terms for a in ts.articles}),
    }


def _snapshot(record: KnowledgeRecord) -> dict[str, Any]:
    fields = [f.name for f in record._meta.concrete_fields if f.name not in ("updated_at",)]
    return {name: getattr(record, f"{name}_id", getattr(record, name, None)) for name in fields}


def refresh_index(record: KnowledgeRecord) -> None:
    """Index a published record, or take it out of the index if it is not published."""
    from palermo.core.search import index_document, remove_document
    from palermo.knowledge.indexing import document_for

    if record.status == Status.PUBLISHED:
        index_document(document_for(record))
    else:
        remove_document(record.KIND, str(record.pk))


@transaction.atomic
def save_record(
    user: Any,
    record: KnowledgeRecord,
    terms: Terms,
    *,
    children: Iterable[Any] = (),
    attachment_text: str | None = None,
    treaty_parties: list[Any] | None = None,
    change_reason: str = "",
) -> KnowledgeRecord:
    """Create or update a record from a validated form.

    `children` are validated inline formsets (parties of a case, provisions of a law), saved
    here so the record and its parts change together. A non-editor's change to a published
    record sends it back to review, so nothing unreviewed becomes public.
    """
    is_new = record.pk is None
    if is_new:
        allowed = can_moderate(user) or (
            record.country_id is not None and is_focal_point_for(user, record.country_id)
        )
    else:
        allowed = can_edit_record(user, type(record).objects.get(pk=record.pk)) and (
            can_edit_record(user, record)
        )
    if not allowed:
        raise PermissionDenied(_("You may not edit records of this State."))
    before = {} if is_new else _snapshot(type(record).objects.get(pk=record.pk))
    if is_new:
        record.created_by = user
        record.status = Status.DRAFT
    elif record.status == Status.PUBLISHED and not can_moderate(user):
        record.status = Status.SUBMITTED
    if attachment_text is not None:
        record.full_text = attachment_text
    record._change_reason = change_reason or ("created" if is_new else "edited")  # type: ignore[attr-defined]
    record.save()
    record.crime_types.set(terms.crime_types)
    record.cross_cutting_issues.set(terms.cross_cutting_issues)
    record.articles.set(terms.articles)
    if treaty_parties is not None and isinstance(record, Treaty):
        record.party_rows.exclude(country__in=treaty_parties).delete()
        kept = set(record.party_rows.values_list("country_id", flat=True))
        for country in treaty_parties:
            if country.pk not in kept:
                TreatyParty.objects.create(treaty=record, country=country)
    provision_terms: list[Terms] = []
    for formset in children:
        formset.instance = record
        formset.save()
    if isinstance(record, Legislation):
        for provision in record.provisions.prefetch_related(
            "crime_types", "cross_cutting_issues", "articles__instrument"
        ):
            provision_terms.append(
                Terms(
                    list(provision.crime_types.all()),
                    list(provision.cross_cutting_issues.all()),
                    list(provision.articles.all()),
                )
            )
    classification = classification_of(terms, provision_terms)
    if classification != record.classification:
        record.classification = classification
        record.skip_history_when_saving = True  # type: ignore[attr-defined]
        record.save(update_fields=["classification"])
        del record.skip_history_when_saving  # type: ignore[attr-defined]
        # The version just written must carry the classification too.
        latest = record.history.first()  # type: ignore[attr-defined]
        if latest is not None:
            latest.classification = classification
            latest.save(update_fields=["classification"])
    after = _snapshot(record)
    record_event(
        user,
        f"knowledge.{record.KIND}.{'created' if is_new else 'edited'}",
        record,
        changes=diff_fields(before, after) if not is_new else {},
    )
    refresh_index(record)
    return record


def _transition(
    user: Any, record: KnowledgeRecord, name: str, comment: str, event: str
) -> KnowledgeRecord:
    method = getattr(record, name)
    if not has_transition_perm(method, user):
        raise PermissionDenied(_("You may not do this to this record now."))
    before = record.status
    method()
    if record.status == Status.PUBLISHED:
        record.published_at = timezone.now()
        record.review_comment = ""
    elif comment:
        record.review_comment = comment
    record._change_reason = comment or name  # type: ignore[attr-defined]
    record.save()
    record_event(
        user,
        f"knowledge.{record.KIND}.{event}",
        record,
        changes={"status": [before, record.status], "comment": ["", comment]},
    )
    refresh_index(record)
    return record


@transaction.atomic
def submit_record(user: Any, record: KnowledgeRecord, comment: str = "") -> KnowledgeRecord:
    return _transition(user, record, "submit", comment, "submitted")


@transaction.atomic
def publish_record(user: Any, record: KnowledgeRecord, comment: str = "") -> KnowledgeRecord:
    return _transition(user, record, "publish", comment, "published")


@transaction.atomic
def return_record(user: Any, record: KnowledgeRecord, comment: str) -> KnowledgeRecord:
    if not comment.strip():
        raise ValidationError(
            {"comment": _("Say what the contributor should change before it can be published.")}
        )
    return _transition(user, record, "return_to_contributor", comment, "returned")


@transaction.atomic
def withdraw_record(user: Any, record: KnowledgeRecord, comment: str) -> KnowledgeRecord:
    if not comment.strip():
        raise ValidationError({"comment": _("Give the reason for withdrawing the record.")})
    return _transition(user, record, "withdraw", comment, "withdrawn")


@transaction.atomic
def set_case_verified(user: Any, case: CaseLaw, verified: bool) -> CaseLaw:
    if not can_moderate(user):
        raise PermissionDenied(_("Only editors verify cases."))
    before = case.is_verified
    case.is_verified = verified
    case._change_reason = "verified" if verified else "verification removed"  # type: ignore[attr-defined]
    case.save()
    record_event(
        user, "knowledge.caselaw.verified", case, changes={"is_verified": [before, verified]}
    )
    refresh_index(case)
    return case


def verify_case(user: Any, record: KnowledgeRecord, comment: str = "") -> KnowledgeRecord:
    if not isinstance(record, CaseLaw):
        raise PermissionDenied(_("Only cases are verified."))
    return set_case_verified(user, record, True)


def unverify_case(user: Any, record: KnowledgeRecord, comment: str = "") -> KnowledgeRecord:
    if not isinstance(record, CaseLaw):
        raise PermissionDenied(_("Only cases are verified."))
    return set_case_verified(user, record, False)


TRANSITIONS = {
    "verify": verify_case,
    "unverify": unverify_case,
    "submit": submit_record,
    "publish": publish_record,
    "return": return_record,
    "withdraw": withdraw_record,
}
