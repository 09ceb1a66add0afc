"""API tokens: create one (its text is shown once) and revoke it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access, selectors
from palermo.accounts.forms import ApiTokenForm
from palermo.accounts.tokens import issue_token, revoke_token
from palermo.accounts.views.common import acting_user, posted


@access.require(access.can_manage_api_tokens)
def tokens(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ApiTokenForm(posted(request))
    new_token = ""
    if request.method == "POST" and form.is_valid():
        _token, new_token = issue_token(user, form.cleaned_data["name"])
        form = ApiTokenForm()
    response = render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": selectors.tokens_of(user), "new_token": new_token},
    )
    if new_token:
        response["Cache-Control"] = "no-store"  # the token must not linger in any cache
    return response


@access.require(access.can_manage_api_tokens)
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user = acting_user(request)
    token = access.access_api_token_by_id(user, token_id)
    if token.revoked_at is None:
        revoke_token(user, token)
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
