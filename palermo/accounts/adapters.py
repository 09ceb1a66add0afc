"""allauth adapter: Palermo's own rules for sign-up, sign-in and e-mails."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import translate_url
from django.utils.translation import get_language


def preferred_language(user: Any) -> str | None:
    language = getattr(user, "preferred_language", "")
    return language if language in dict(settings.LANGUAGES) else None


class PalermoAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return True

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        """New accounts prefer the language they signed up in."""
        user = super().save_user(request, user, form, commit=False)
        language = get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """The home page, in the user's preferred language (an explicit `next` still wins)."""
        url = super().get_login_redirect_url(request)
        language = preferred_language(request.user)
        return translate_url(url, language) if language else url

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        language = preferred_language(user)
        if language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
