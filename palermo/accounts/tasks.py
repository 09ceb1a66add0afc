"""Background tasks of the accounts app (django-tasks; run by `palermo worker`)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from palermo.accounts.models import VerificationRequest


@task()
def send_verification_decision(verification_id: int, site_url: str = "") -> None:
    """Tell the requester, in their preferred language, how their verification was decided."""
    verification = (
        VerificationRequest.objects.select_related("user", "decided_by")
        .filter(pk=verification_id)
        .first()
    )
    if verification is None or verification.status == VerificationRequest.Status.PENDING:
        return
    requester = verification.user
    language = requester.preferred_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        profile_url = site_url.rstrip("/") + reverse("accounts:profile") if site_url else ""
        context = {
            "verification": verification,
            "approved": verification.status == VerificationRequest.Status.APPROVED,
            "requester": requester,
            "profile_url": profile_url,
        }
        subject = render_to_string("accounts/email/verification_decision_subject.txt", context)
        body = render_to_string("accounts/email/verification_decision_message.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [requester.email],
    )
