"""Short interface words of the shell read as the shell means them, whatever other apps (or
Django's admin) translate the same English word to: every app's catalogue shares one pool of
msgids, so the shell gives its ambiguous words a context."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

LANGUAGE_BUTTON = {
    "en": "Change",
    "ar": "تغيير",
    "es": "Cambiar",
    "fr": "Changer",
    "ru": "Сменить",
    "zh-hans": "切换",
}
# What the admin's "Change" (edit a record) reads as, which the shell's button used to show.
ADMIN_CHANGE = {
    "ar": "تعديل",
    "es": "Modificar",
    "fr": "Modification",
    "ru": "Изменить",
    "zh-hans": "修改",
}


@pytest.mark.parametrize(("language", "word"), LANGUAGE_BUTTON.items())
def test_the_language_menus_button_says_change_the_language(language: str, word: str) -> None:
    body = Client().get(f"/{language}/").content.decode()
    start = body.index('class="language-switch__go"')
    button = body[start : body.index("</button>", start)]
    assert button.endswith(f">{word}")
    if language in ADMIN_CHANGE:
        assert ADMIN_CHANGE[language] not in button


@pytest.mark.parametrize(
    ("language", "title"),
    [("ru", "Главная"), ("ar", "الصفحة الرئيسية"), ("zh-hans", "首页"), ("fr", "Accueil")],
)
def test_the_home_pages_title_is_the_shells_own(language: str, title: str) -> None:
    body = Client().get(f"/{language}/").content.decode()
    assert f"<title>{title} · " in body


@pytest.mark.parametrize(
    ("language", "label"),
    [("ru", "Страницы"), ("zh-hans", "页码"), ("fr", "Pages")],
)
def test_the_pagination_label_has_its_own_translation(language: str, label: str) -> None:
    with translation.override(language):
        assert translation.pgettext("pagination", "Pages") == label


def test_the_admins_change_keeps_its_own_meaning(settings: Any) -> None:
    with translation.override("fr"):
        assert translation.gettext("Change") != "Changer"
        assert translation.pgettext("language menu", "Change") == "Changer"
