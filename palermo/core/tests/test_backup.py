"""Backup and restore round trip on the database in use (SQLite or PostgreSQL)."""

import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from palermo.accounts.models import User
from palermo.core.audit import record_event
from palermo.core.backup import BackupError, create_backup, restore_backup, table_counts
from palermo.core.models import AuditEvent
from palermo.reference.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "judgments").mkdir(parents=True)
    return settings.MEDIA_ROOT


def test_round_trip_brings_back_every_row_and_file(media: Path, tmp_path: Path):
    user = User.objects.create_user("keeper@example.org", "a long enough password 1")
    country = CountryFactory(iso2="XK", iso3="XKK", numeric="998", name="Kestria")
    record_event(user, "test.created", country)
    (media / "judgments" / "decision.txt").write_text("Judgment text ك 中文", encoding="utf-8")
    before = table_counts()

    archive = tmp_path / "backup.tar"
    manifest = create_backup(archive)
    assert manifest.members["media/judgments/decision.txt"]

    # Damage the live data after the backup: delete, change and add.
    AuditEvent.objects.all().delete()
    country.name = "Changed"
    country.save()
    User.objects.create_user("intruder@example.org", "another long password 2")
    (media / "judgments" / "decision.txt").unlink()
    (media / "stray.txt").write_text("not in the backup")

    restore_backup(archive)

    assert table_counts() == before
    assert AuditEvent.objects.get().action == "test.created"
    restored_text = (media / "judgments" / "decision.txt").read_text(encoding="utf-8")
    assert restored_text == "Judgment text ك 中文"
    assert not (media / "stray.txt").exists()
    assert not User.objects.filter(email="intruder@example.org").exists()
    from palermo.reference.models import Country

    assert Country.objects.get(iso3="XKK").name == "Kestria"


def test_restore_refuses_a_damaged_archive_and_changes_nothing(media: Path, tmp_path: Path):
    User.objects.create_user("keeper@example.org", "a long enough password 1")
    (media / "judgments" / "decision.txt").write_text("original")
    archive = tmp_path / "backup.tar"
    create_backup(archive)

    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member)
            if member.name == "media/judgments/decision.txt":
                import io

                data = b"tampered"
                member.size = len(data)
                target.addfile(member, io.BytesIO(data))
            else:
                target.addfile(member, content)

    User.objects.create_user("after@example.org", "a long enough password 2")
    with pytest.raises(BackupError, match="does not match its checksum"):
        restore_backup(damaged)
    assert User.objects.filter(email="after@example.org").exists()


def test_restore_command_rejects_a_file_that_is_not_a_backup(tmp_path: Path):
    bogus = tmp_path / "notes.tar"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError, match="is not a Palermo backup"):
        call_command("restore", str(bogus), "--yes")


def test_backup_command_writes_the_archive(media: Path, tmp_path: Path, capsys):
    call_command("backup", str(tmp_path / "out.tar"))
    assert (tmp_path / "out.tar").is_file()
    assert "Backup complete" in capsys.readouterr().out
