"""`palermo import-authorities`: all or nothing, idempotent, every bad line reported."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from palermo.accounts.tests.factories import OrganisationFactory
from palermo.core.models import AuditEvent
from palermo.directory.importing import import_lines
from palermo.directory.models import Authority


def good(external_id: str = "xaa-ca", **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "external_id": external_id,
        "country": "XAA",
        "name": "Xandrian Central Authority",
        "local_names": [{"language": "fr", "name": "Autorité centrale xandrienne"}],
        "competences": ["mla_central_authority", "extradition"],
        "accepted_languages": ["en", "fr"],
        "channels": ["central_authority", "interpol"],
        "emails": ["ca@xandria.example"],
        "certification": "apostille",
        "dual_criminality_policy": "listed",
        "dual_criminality_measures": ["search_seizure"],
        "untoc_basis_mla": True,
        "last_verified_on": "2026-10-01",
        "contacts": [
            {"name": "Xavier Contact", "languages": ["fr"], "email": "xavier@xandria.example"}
        ],
        "guides": [{"kind": "guide", "title": "MLA guide", "url": "https://xandria.example/g"}],
    }
    record.update(fields)
    return record


def write(tmp_path: Path, records: list[object]) -> Path:
    path = tmp_path / "authorities.jsonl"
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
        + "\n",
        encoding="utf-8",
    )
    return path


def test_import_creates_then_changes_nothing_on_a_second_run(world, tmp_path):
    OrganisationFactory(name="Xandria MLA Office", country=world.state_x)
    path = write(
        tmp_path, [good(organisation="Xandria MLA Office"), good("xaa-fiu", name="Xandria FIU")]
    )
    out = StringIO()
    call_command("import_authorities", str(path), stdout=out)
    assert "created 2, updated 0, unchanged 0" in out.getvalue()
    authority = Authority.objects.get(external_id="xaa-ca")
    assert authority.organisation.name == "Xandria MLA Office"
    assert authority.contacts.get().name == "Xavier Contact"
    assert authority.local_names_text == "Autorité centrale xandrienne"
    assert authority.last_verified_at.date().isoformat() == "2026-10-01"
    history_before = authority.history.count()
    out = StringIO()
    call_command("import_authorities", str(path), stdout=out)
    assert "created 0, updated 0, unchanged 2" in out.getvalue()
    assert authority.history.count() == history_before


def test_a_changed_line_updates_the_entry_and_its_version(world, tmp_path):
    import_lines([json.dumps(good())])
    report = import_lines([json.dumps(good(accepted_languages=["en"]))])
    assert (report.created, report.updated) == (0, 1)
    authority = Authority.objects.get(external_id="xaa-ca")
    assert authority.accepted_languages == ["en"]
    assert authority.version == 2
    assert AuditEvent.objects.filter(action="directory.authority.imported").count() == 2


BAD_LINES = [
    ("{not json", "not valid JSON"),
    (json.dumps(["a list"]), "each line must be a JSON object"),
    (good(country="ZZZ"), "country 'ZZZ' is not an ISO alpha-3 code Palermo knows"),
    (good(name=""), "name is required"),
    (good(competences=["mind_reading"]), "competences: unknown code(s) mind_reading"),
    (good(scope_measures=["teleportation"]), "scope_measures: unknown code(s) teleportation"),
    (good(accepted_languages=["xx"]), "unknown ISO 639-1 language code(s) xx"),
    (good(emails=["nobody"]), "emails: 'nobody' is not a valid e-mail address"),
    (good(certification="notary"), "certification: 'notary' is not one of"),
    (good(advance_copy_by_email="yes"), "advance_copy_by_email must be true or false"),
    (good(colour="blue"), "unknown field(s) colour"),
    (good(organisation="Nowhere Office"), "organisation 'Nowhere Office' does not exist in XAA"),
    (good(last_verified_on="yesterday"), "last_verified_on 'yesterday' is not a date"),
    (good(contacts=[{"name": "A", "email": "bad"}]), "contact 1: 'bad' is not a valid"),
    (good(guides=[{"title": "G", "url": "ftp:/broken"}]), "guide 1: 'ftp:/broken' is not a valid"),
    (good(external_id=""), "external_id is required"),
]


@pytest.mark.parametrize("line, reason", BAD_LINES, ids=[b[1][:40] for b in BAD_LINES])
def test_each_bad_line_is_reported_with_its_number_and_reason(world, line, reason):
    lines = [json.dumps(good("first")), line if isinstance(line, str) else json.dumps(line)]
    report = import_lines(lines)
    assert len(report.errors) == 1
    number, message = report.errors[0]
    assert number == 2
    assert reason in message
    assert not Authority.objects.exists()  # atomic: the good first line is not written


def test_command_reports_every_bad_line_and_writes_nothing(world, tmp_path):
    path = write(tmp_path, [good("a"), "{oops", good("b", country="QQQ"), good("a")])
    err = StringIO()
    with pytest.raises(CommandError, match="3 bad line"):
        call_command("import_authorities", str(path), stderr=err, stdout=StringIO())
    report = err.getvalue()
    assert ":2: not valid JSON" in report
    assert ":3: country 'QQQ'" in report
    assert ":4: external_id 'a' already used on line 1" in report
    assert not Authority.objects.exists()


def test_progress_is_shown_on_long_files(world, tmp_path):
    path = write(tmp_path, [good(f"id-{n}") for n in range(150)])
    out = StringIO()
    call_command("import_authorities", str(path), stdout=out)
    assert "checked 100 lines" in out.getvalue()
    assert "saved 100 of 150" in out.getvalue()
    assert Authority.objects.count() == 150


def test_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_authorities", str(tmp_path / "absent.jsonl"))
