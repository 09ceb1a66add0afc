"""Deadline reminders: found each day by `palermo case-reminders`, shown in the application,
and e-mailed through the task queue."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from palermo.accounts.models import Membership
from palermo.cases.access import access_case_by_id
from palermo.cases.deadlines import targets_of
from palermo.cases.models import Case, CaseSettings, Reminder


def recipients_for(case: Case) -> list[Any]:
    """The caseworker, or the authority's supervisors while nobody is assigned."""
    if case.assigned_to_id is not None:
        return [case.assigned_to]
    supervisors = Membership.objects.filter(
        organisation_id=case.organisation_id,
        role__in=(Membership.Role.SUPERVISOR, Membership.Role.AUTHORITY_ADMIN),
    ).select_related("user")
    return [m.user for m in supervisors]


@transaction.atomic
def create_reminders(today: date) -> list[Reminder]:
    """One reminder a day per person for each open case whose next deadline is near or past."""
    created: list[Reminder] = []
    organisation_ids = set(
        Case.objects.filter(is_open=True, next_due_on__isnull=False)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    known = set(CaseSettings.objects.values_list("organisation_id", flat=True))
    for organisation_id in sorted(organisation_ids | (known & organisation_ids)):
        due_soon_days = targets_of(organisation_id)[1]
        cases = Case.objects.filter(
            organisation_id=organisation_id,
            is_open=True,
            next_due_on__lte=today + timedelta(days=due_soon_days),
        ).select_related("assigned_to")
        for case in cases:
            if case.next_due_on is None:
                continue
            for person in recipients_for(case):
                if person is None or not person.is_active:
                    continue
                reminder, made = Reminder.objects.get_or_create(
                    case=case,
                    recipient=person,
                    due_on=case.next_due_on,
                    kind=case.next_due_kind,
                    created_on=today,
                )
                if made:
                    created.append(reminder)
    return created


@task()
def email_reminder(reminder_id: int) -> None:
    """Send one reminder by e-mail, in the recipient's language; only if they still see the case."""
    reminder = Reminder.objects.select_related("recipient").filter(pk=reminder_id).first()
    if reminder is None or reminder.emailed_at is not None:
        return
    person = reminder.recipient
    try:
        case = access_case_by_id(person, reminder.case_id, record_opening=False)
    except Exception:
        return
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        subject = _("Palermo: deadline for case %(reference)s on %(date)s") % {
            "reference": case.our_reference,
            "date": reminder.due_on.isoformat(),
        }
        body = _(
            "Case %(reference)s (%(title)s) has a deadline on %(date)s. Status: %(state)s."
        ) % {
            "reference": case.our_reference,
            "title": case.title,
            "date": reminder.due_on.isoformat(),
            "state": case.state_label,
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
    Reminder.objects.filter(pk=reminder.pk).update(emailed_at=timezone.now())


def send_reminders(today: date) -> int:
    """Create today's reminders and enqueue an e-mail for each; returns how many."""
    created = create_reminders(today)
    for reminder in created:
        email_reminder.enqueue(reminder.pk)
    return len(created)
