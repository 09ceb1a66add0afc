"""Authority admins manage their authority's members; staff grant focal point and editor roles."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access, selectors, services
from palermo.accounts.forms import (
    AddMemberForm,
    ChangeRoleForm,
    GrantEditorForm,
    GrantFocalPointForm,
)
from palermo.accounts.models import Membership
from palermo.accounts.views.common import acting_user, posted


@access.require(access.can_manage_some_members)
def authorities(request: HttpRequest) -> HttpResponse:
    organisations = list(selectors.managed_organisations(acting_user(request)))
    if len(organisations) == 1 and not access.is_staff(request.user):
        return redirect("accounts:members", organisation_id=organisations[0].pk)
    return render(request, "accounts/authorities.html", {"organisations": organisations})


@access.require(access.can_manage_some_members)
def members(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = acting_user(request)
    organisation = access.access_managed_organisation_by_id(user, organisation_id)
    form = AddMemberForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_member(user, organisation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s of %(authority)s.")
                % {
                    "name": membership.user.display_name,
                    "role": membership.get_role_display(),
                    "authority": organisation.name,
                },
            )
            return redirect("accounts:members", organisation_id=organisation.pk)
    return render(
        request,
        "accounts/members.html",
        {
            "organisation": organisation,
            "members": selectors.members_of(organisation),
            "form": form,
            "roles": Membership.Role.choices,
            "history": selectors.membership_history(organisation),
        },
    )


@access.require(access.can_manage_some_members)
@require_POST
def change_role(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
    user = acting_user(request)
    organisation = access.access_managed_organisation_by_id(user, organisation_id)
    membership = access.access_membership_by_id(user, organisation, membership_id)
    form = ChangeRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles offered."))
    else:
        try:
            membership = services.change_member_role(
                user, membership, role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": membership.user.display_name, "role": membership.get_role_display()},
            )
    return redirect("accounts:members", organisation_id=organisation.pk)


@access.require(access.can_manage_some_members)
def remove_member(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
    """GET asks for confirmation; POST removes."""
    user = acting_user(request)
    organisation = access.access_managed_organisation_by_id(user, organisation_id)
    membership = access.access_membership_by_id(user, organisation, membership_id)
    if request.method == "POST":
        try:
            services.remove_member(user, membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member of %(authority)s.")
                % {"name": membership.user.display_name, "authority": organisation.name},
            )
        return redirect("accounts:members", organisation_id=organisation.pk)
    return render(
        request,
        "accounts/member_remove.html",
        {"organisation": organisation, "membership": membership},
    )


@access.require(access.can_grant_roles)
def roles(request: HttpRequest) -> HttpResponse:
    """Staff: focal points of each State, and editors of the knowledge base."""
    user = acting_user(request)
    focal_form = GrantFocalPointForm(
        posted(request) if "grant_focal_point" in request.POST else None, prefix="focal"
    )
    editor_form = GrantEditorForm(
        posted(request) if "grant_editor" in request.POST else None, prefix="editor"
    )
    if request.method == "POST":
        try:
            if focal_form.is_bound and focal_form.is_valid():
                focal_point = services.grant_focal_point(user, **focal_form.cleaned_data)
                messages.success(
                    request,
                    _("%(name)s is now a focal point for %(state)s.")
                    % {"name": focal_point.user.display_name, "state": focal_point.country},
                )
                return redirect("accounts:roles")
            if editor_form.is_bound and editor_form.is_valid():
                editor = services.grant_editor(user, **editor_form.cleaned_data)
                messages.success(
                    request, _("%(name)s is now an editor.") % {"name": editor.display_name}
                )
                return redirect("accounts:roles")
        except ValidationError as error:
            (focal_form if focal_form.is_bound else editor_form).add_error("email", error)
    return render(
        request,
        "accounts/roles.html",
        {
            "focal_points": selectors.focal_points(),
            "editors": selectors.editors(),
            "focal_form": focal_form,
            "editor_form": editor_form,
            "focal_point_history": selectors.focal_point_history(),
            "editor_events": selectors.editor_events(),
        },
    )


@access.require(access.can_grant_roles)
@require_POST
def revoke_focal_point(request: HttpRequest, focal_point_id: int) -> HttpResponse:
    user = acting_user(request)
    focal_point = access.access_focal_point_by_id(user, focal_point_id)
    services.revoke_focal_point(user, focal_point)
    messages.success(
        request,
        _("%(name)s is no longer a focal point for %(state)s.")
        % {"name": focal_point.user.display_name, "state": focal_point.country},
    )
    return redirect("accounts:roles")


@access.require(access.can_grant_roles)
@require_POST
def revoke_editor(request: HttpRequest, user_id: int) -> HttpResponse:
    user = acting_user(request)
    editor = access.access_editor_by_id(user, user_id)
    services.set_editor(user, editor, is_editor=False)
    messages.success(request, _("%(name)s is no longer an editor.") % {"name": editor.display_name})
    return redirect("accounts:roles")
