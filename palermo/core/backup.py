"""Online backups and checked restores of the database and uploaded files.

A backup is one .tar archive holding `manifest.json`, the database (`database.sqlite3` made with
SQLite's online backup API, or `database.pgdump` from pg_dump's custom format) and `media/`.
The manifest records what the archive must contain (a SHA-256 per member, row counts per table,
the applied migrations), so a restore can refuse a damaged or foreign archive before it
touches anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

FORMAT_VERSION = 1
Log = Callable[[str], None]


class BackupError(Exception):
    """The backup or restore cannot go ahead; the message says why."""


@dataclass(frozen=True)
class Manifest:
    format_version: int
    created_at: str
    vendor: str
    database_member: str
    members: dict[str, str]  # archive path -> sha256
    table_counts: dict[str, int]
    migrations: list[str]

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=2, sort_keys=True).encode()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows per table of the live database, for the manifest and for checking a restore."""
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith("sqlite_") or "_fts" in table:
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from introspection)
            counts[table] = int(cursor.fetchone()[0])
    return counts


def applied_migrations() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _pg_env(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _dump_database(workdir: Path) -> str:
    db = connections["default"].settings_dict
    if connection.vendor == "sqlite":
        target = workdir / "database.sqlite3"
        connection.ensure_connection()
        source = connection.connection
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)  # consistent even while Palermo writes
        destination.close()
        return target.name
    if connection.vendor == "postgresql":
        target = workdir / "database.pgdump"
        args, env = _pg_env(db)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", *args, "-f", str(target), db["NAME"]],
            env,
        )
        return target.name
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is needed; install Debian's postgresql-client.")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def create_backup(destination: Path, log: Log = lambda _line: None) -> Manifest:
    """Write a backup archive to `destination` while Palermo keeps running."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        log("copying the database…")
        counts = table_counts()
        migrations = applied_migrations()
        database_member = _dump_database(workdir)
        members = {database_member: _sha256(workdir / database_member)}
        media_files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        log(f"copying {len(media_files)} uploaded files…")
        for path in media_files:
            members["media/" + path.relative_to(media_root).as_posix()] = _sha256(path)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            created_at=timezone.now().isoformat(),
            vendor=connection.vendor,
            database_member=database_member,
            members=members,
            table_counts=counts,
            migrations=migrations,
        )
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_suffix(destination.suffix + ".partial")
        with tarfile.open(partial, "w") as archive:
            _add_bytes(archive, "manifest.json", manifest.to_json())
            archive.add(workdir / database_member, arcname=database_member)
            for path in media_files:
                archive.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
        partial.replace(destination)  # never leave a half-written archive under the real name
    log(f"backup written to {destination}")
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def read_manifest(archive_path: Path) -> Manifest:
    if not archive_path.is_file():
        raise BackupError(f"{archive_path} does not exist.")
    try:
        with tarfile.open(archive_path, "r") as archive:
            member = archive.extractfile("manifest.json")
            if member is None:
                raise KeyError("manifest.json")
            data = json.loads(member.read())
    except (tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_path} is not a Palermo backup ({error}).") from None
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"Backup format {data.get('format_version')} is not supported.")
    return Manifest(**data)


def verify_backup(archive_path: Path, workdir: Path) -> Manifest:
    """Unpack into workdir and check every member against the manifest."""
    manifest = read_manifest(archive_path)
    with tarfile.open(archive_path, "r") as archive:
        archive.extractall(workdir, filter="data")
    for name, expected in manifest.members.items():
        path = workdir / name
        if not path.is_file():
            raise BackupError(f"The backup is incomplete: {name} is missing.")
        if _sha256(path) != expected:
            raise BackupError(f"The backup is damaged: {name} does not match its checksum.")
    if manifest.vendor != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest.vendor} database; Palermo now uses {connection.vendor}."
        )
    return manifest


def restore_backup(archive_path: Path, log: Log = lambda _line: None) -> Manifest:
    """Check the archive, then replace the database and uploaded files with its contents."""
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        log("checking the backup…")
        manifest = verify_backup(archive_path, workdir)
        log("restoring the database…")
        _restore_database(workdir / manifest.database_member)
        log("restoring uploaded files…")
        _restore_media(workdir / "media")
        restored = table_counts()
        missing = {t: n for t, n in manifest.table_counts.items() if restored.get(t) != n}
        if missing:
            raise BackupError(f"Row counts differ after the restore: {sorted(missing)[:5]}")
    log("restore complete; row counts match the backup")
    return manifest


def _restore_database(dump: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        with source:
            source.backup(connection.connection)
        source.close()
        return
    db = connections["default"].settings_dict
    args, env = _pg_env(db)
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            "-d",
            db["NAME"],
            str(dump),
        ],
        env,
    )


def _restore_media(unpacked_media: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.rmtree(media_root)
    if unpacked_media.exists():
        shutil.copytree(unpacked_media, media_root)
    else:
        media_root.mkdir(parents=True)
