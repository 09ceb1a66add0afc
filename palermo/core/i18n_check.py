"""Checks that every interface string is translated into all six UN languages.

For each Palermo app, the strings in its code and templates are extracted afresh (Django's
makemessages, into a scratch copy) and compared with the app's catalogues: each must be present
in every language with a non-empty translation that is not marked fuzzy, and the compiled .mo
file must hold exactly what the .po file says. Run: `python -m palermo.core.i18n_check`.
Update an app's catalogues with `scripts/messages APP`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TARGET_LOCALES = ["ar", "es", "fr", "ru", "zh_Hans"]
APPS = [
    "core",
    "core/search",
    "core/documents",
    "accounts",
    "reference",
    "knowledge",
    "directory",
    "writer",
    "cases",
    "review",
]


def extract_msgids(app_dir: Path) -> set[str]:
    """The msgids Django's makemessages finds in the app today."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / app_dir.name
        shutil.copytree(app_dir, copy, ignore=_not_this_apps_files(app_dir))
        (copy / "locale").mkdir()
        subprocess.run(
            [
                sys.executable,
                "-P",
                "-m",
                "django",
                "makemessages",
                "-l",
                "en",
                "--no-obsolete",
                "--no-location",
            ],
            cwd=copy,
            check=True,
            capture_output=True,
            env={
                "DJANGO_SETTINGS_MODULE": "palermo.test_settings",
                "PATH": "/usr/bin:/bin",
                "PYTHONPATH": str(PACKAGE_DIR.parent),
            },
        )
        po_path = copy / "locale" / "en" / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            return set()
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        return {_key(message.id) for message in catalog if message.id}


def _not_this_apps_files(app_dir: Path) -> Callable[[str, list[str]], set[str]]:
    """Skip catalogues, tests, migrations, and sub-apps (core/search): they have catalogues."""
    skipped = {"locale", "tests", "__pycache__", "migrations"}

    def ignore(directory: str, names: list[str]) -> set[str]:
        here = Path(directory)
        nested_apps = {
            name for name in names if here == app_dir and (here / name / "apps.py").exists()
        }
        return (skipped & set(names)) | nested_apps

    return ignore


def _key(msgid: object) -> str:
    return msgid[0] if isinstance(msgid, list | tuple) else str(msgid)


def _forms(string: object) -> object:
    return tuple(string) if isinstance(string, list | tuple) else string


def _translated(message: object) -> bool:
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, list | tuple):
        return all(bool(s) for s in string)
    return bool(string)


def check_app(app: str) -> list[str]:
    app_dir = PACKAGE_DIR / app
    problems: list[str] = []
    wanted = extract_msgids(app_dir)
    for locale in TARGET_LOCALES:
        po_path = app_dir / "locale" / locale / "LC_MESSAGES" / "django.po"
        if not wanted and not po_path.exists():
            continue
        if not po_path.exists():
            problems.append(f"{app}: no catalogue for {locale} ({po_path})")
            continue
        with po_path.open("rb") as handle:
            catalog: Catalog = read_po(handle)
        by_id = {_key(m.id): m for m in catalog if m.id}
        for msgid in sorted(wanted):
            message = by_id.get(msgid)
            if message is None:
                problems.append(f"{app}/{locale}: missing {msgid!r}")
            elif message.fuzzy or not _translated(message):
                problems.append(f"{app}/{locale}: untranslated {msgid!r}")
        problems.extend(_compiled_problems(app, locale, po_path, catalog))
    return problems


def _compiled_problems(app: str, locale: str, po_path: Path, catalog: Catalog) -> list[str]:
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return [f"{app}/{locale}: catalogue not compiled ({mo_path})"]
    with mo_path.open("rb") as handle:
        compiled = read_mo(handle)
    # read_mo gives plural forms as lists, read_po as tuples: compare them as tuples.
    compiled_strings = {_key(m.id): _forms(m.string) for m in compiled if m.id}
    stale = [
        _key(m.id)
        for m in catalog
        if m.id
        and not m.fuzzy
        and _translated(m)
        and compiled_strings.get(_key(m.id)) != _forms(m.string)
    ]
    if stale:
        return [f"{app}/{locale}: .mo is older than .po (recompile): {stale[:3]}"]
    return []


def main() -> int:
    problems = [problem for app in APPS for problem in check_app(app)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problems. Fix them with scripts/messages APP.")
        return 1
    print("Every interface string is translated into ar, es, fr, ru and zh-hans.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
