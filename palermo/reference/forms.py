"""Forms of the reference app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.reference.selectors import list_regional_groups


class CountryFilterForm(forms.Form):
    """The search and filters of the countries page (kept in the URL, so results can be shared)."""

    q = forms.CharField(label=_("Name or ISO code"), required=False, max_length=100)
    group = forms.ChoiceField(label=_("UN regional group"), required=False)
    un_member = forms.ChoiceField(
        label=_("UN membership"),
        required=False,
        choices=[
            ("", _("All countries and territories")),
            ("yes", _("UN member States")),
            ("no", _("Others")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ChoiceField)
        group.choices = [("", _("All groups"))] + [(g.code, g.name) for g in list_regional_groups()]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data
        member = {"yes": True, "no": False}.get(data.get("un_member") or "")
        return {
            "text": data.get("q") or "",
            "regional_group": data.get("group") or "",
            "un_member": member,
        }
