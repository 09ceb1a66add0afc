"""Background tasks of the directory (django-tasks; run by `palermo worker`)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from palermo.accounts.models import User
from palermo.directory.models import Authority


@task()
def send_stale_reminder(user_id: int, authority_ids: list[int], site_url: str = "") -> None:
    """Remind a focal point, in their preferred language, of their State's stale entries."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    authorities = list(
        Authority.objects.filter(pk__in=authority_ids).select_related("country").order_by("name")
    )
    if user is None or not authorities:
        return
    language = user.preferred_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "user": user,
            "authorities": authorities,
            "stale_url": site_url.rstrip("/") + f"/{language}/directory/stale/",
        }
        subject = render_to_string("directory/email/stale_reminder_subject.txt", context)
        body = render_to_string("directory/email/stale_reminder_message.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
