"""Small helpers shared by the accounts views."""

from __future__ import annotations

from django.http import HttpRequest, QueryDict

from palermo.accounts.models import User


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data on POST (even when empty), None on GET: binds a form only on POST."""
    return request.POST if request.method == "POST" else None


def acting_user(request: HttpRequest) -> User:
    """The signed-in user (the views using this are guarded by access.require)."""
    user = request.user
    assert isinstance(user, User)
    return user
