"""The docs stay true: every setting, command and API endpoint is documented, or a test fails."""

import json
import re
from pathlib import Path

import pytest

from palermo.cli import ALIASES

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"


def _all_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))


def _setting_names() -> list[str]:
    source = (ROOT / "palermo" / "settings.py").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'read_\w+\(\s*"([A-Z][A-Z0-9_]+)"', source)))


def _command_names() -> list[str]:
    cli_names = {command: alias for alias, command in ALIASES.items()}
    names = []
    for path in (ROOT / "palermo").glob("**/management/commands/*.py"):
        if path.stem.startswith("_"):
            continue
        names.append(cli_names.get(path.stem, path.stem.replace("_", "-")))
    return sorted(names)


@pytest.mark.parametrize("name", _setting_names())
def test_every_setting_is_in_the_administrators_guide(name):
    assert f"`{name}`" in (DOCS / "administrators.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", _command_names())
def test_every_command_is_documented(name):
    assert f"palermo {name}" in _all_docs()


def test_every_api_endpoint_is_in_the_api_guide(client, db):
    spec = json.loads(client.get("/api/v1/openapi.json").content)
    documented = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method in operations
        if path not in documented
    ]
    assert missing == []


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "scripts/start" in readme and "scripts/test" in readme
