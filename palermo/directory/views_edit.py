"""Keeping the directory true: editing entries, contacts and guides, verifying, stale entries
and history. Focal points change their own State's entries; editors and staff any."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palermo.accounts import access
from palermo.directory import selectors, services
from palermo.directory.access import (
    access_authority_by_id,
    access_authority_for_edit,
    can_see_history,
    can_see_stale_list,
)
from palermo.directory.exports import display_value, field_label
from palermo.directory.forms import AuthorityForm, ContactForm, GuideForm
from palermo.directory.models import Authority, ContactPerson, NationalGuide
from palermo.reference.models import Country


def _may_create_somewhere(user: Any) -> bool:
    return access.is_editor(user) or bool(access.focal_point_country_ids(user))


@access.require(_may_create_somewhere)
def authority_new(request: HttpRequest) -> HttpResponse:
    country = get_object_or_404(Country, iso3=request.GET.get("country", "").upper()[:3])
    if not access.can_edit_country_entries(request.user, country.pk):
        raise PermissionDenied
    form = AuthorityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        authority = services.create_authority(request.user, country, form.values())
        messages.success(request, _("The authority was added to the directory."))
        return redirect("directory:authority", authority_id=authority.pk)
    return render(
        request,
        "directory/authority_form.html",
        {
            "form": form,
            "country": country,
            "authority": None,
        },
    )


@access.require(access.is_signed_in)
def authority_edit(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_for_edit(request.user, authority_id)
    conflict: services.EditConflict | None = None
    if request.method == "POST":
        form = AuthorityForm(request.POST, instance=authority)
        if form.is_valid():
            try:
                services.update_authority(
                    request.user,
                    authority,
                    form.values(),
                    expected_version=form.cleaned_data["version"] or 0,
                )
            except services.EditConflict as found:
                conflict = found
                # Keep everything the user typed; move the version on so a second save,
                # made knowingly after reading the other change, goes through.
                data = request.POST.copy()
                data["version"] = str(found.current.version)
                form = AuthorityForm(data, instance=authority)
                form.is_valid()
            else:
                messages.success(request, _("Your changes were saved."))
                return redirect("directory:authority", authority_id=authority.pk)
    else:
        form = AuthorityForm(instance=authority, initial={"version": authority.version})
    return render(
        request,
        "directory/authority_form.html",
        {
            "form": form,
            "country": authority.country,
            "authority": authority,
            "conflict": conflict,
            "conflict_rows": _conflict_rows(conflict) if conflict else [],
            "contact_form": ContactForm(),
            "guide_form": GuideForm(),
        },
        status=409 if conflict else 200,
    )


def _conflict_rows(conflict: services.EditConflict) -> list[tuple[str, str, str]]:
    rows = []
    for name, (before, after) in conflict.their_changes.items():
        label = field_label(name)
        rows.append((label, display_value(name, before), display_value(name, after)))
    return rows


@require_POST
@access.require(access.is_signed_in)
def authority_verify(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_for_edit(request.user, authority_id)
    services.verify_authority(request.user, authority)
    messages.success(request, _("Marked as verified today."))
    if request.POST.get("next_page") == "stale":
        return redirect("directory:stale")
    return redirect("directory:authority", authority_id=authority.pk)


@require_POST
@access.require(access.is_signed_in)
def contact_add(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_for_edit(request.user, authority_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        services.add_contact(request.user, authority, form.cleaned_data)
        messages.success(request, _("The contact person was added."))
        return redirect("directory:edit", authority_id=authority.pk)
    return _edit_page_with(request, authority, contact_form=form)


@require_POST
@access.require(access.is_signed_in)
def contact_remove(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = ContactPerson.objects.select_related("authority").filter(pk=contact_id).first()
    if contact is None:
        raise Http404
    access_authority_for_edit(request.user, contact.authority_id)
    services.remove_contact(request.user, contact)
    messages.success(request, _("The contact person was removed."))
    return redirect("directory:edit", authority_id=contact.authority_id)


@require_POST
@access.require(access.is_signed_in)
def guide_add(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_for_edit(request.user, authority_id)
    form = GuideForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        services.add_guide(
            request.user,
            authority,
            kind=data["kind"],
            title=data["title"],
            language=data["language"],
            url=data["url"],
            file=data["file"],
        )
        messages.success(request, _("The guide was added."))
        return redirect("directory:edit", authority_id=authority.pk)
    return _edit_page_with(request, authority, guide_form=form)


@require_POST
@access.require(access.is_signed_in)
def guide_remove(request: HttpRequest, guide_id: int) -> HttpResponse:
    guide = NationalGuide.objects.select_related("authority").filter(pk=guide_id).first()
    if guide is None:
        raise Http404
    access_authority_for_edit(request.user, guide.authority_id)
    services.remove_guide(request.user, guide)
    messages.success(request, _("The guide was removed."))
    return redirect("directory:edit", authority_id=guide.authority_id)


def _edit_page_with(request: HttpRequest, authority: Authority, **forms: Any) -> HttpResponse:
    context: dict[str, Any] = {
        "form": AuthorityForm(instance=authority, initial={"version": authority.version}),
        "country": authority.country,
        "authority": authority,
        "contact_form": ContactForm(),
        "guide_form": GuideForm(),
        **forms,
    }
    return render(request, "directory/authority_form.html", context, status=400)


@access.require(can_see_stale_list)
def stale(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/stale.html",
        {
            "authorities": selectors.list_stale_authorities(request.user),
        },
    )


@access.require(access.is_signed_in)
def history(request: HttpRequest, authority_id: int) -> HttpResponse:
    authority = access_authority_by_id(request.user, authority_id)
    if not can_see_history(request.user, authority):
        raise PermissionDenied
    records = selectors.authority_history(authority)
    changes = []
    for record in records:
        previous = record.prev_record
        delta = record.diff_against(previous).changes if previous is not None else []
        changes.append(
            {
                "record": record,
                "fields": [
                    (
                        field_label(c.field),
                        display_value(c.field, c.old),
                        display_value(c.field, c.new),
                    )
                    for c in delta
                    if c.field not in ("updated_at", "local_names_text")
                ],
            }
        )
    return render(request, "directory/history.html", {"authority": authority, "changes": changes})
