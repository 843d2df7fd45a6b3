"""Opening an SQLite file safely, and bringing its schema up to date.

``MIGRATIONS[i]`` takes a store from version ``i`` to ``i + 1``; version 1 is ``schema.sql``,
version 2 (``schema_v2.sql``) adds merged events, merge reasons and the dedup audit table.
A schema change is a new entry here, never an edit of an old one.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

from eventscribe.errors import EventscribeError

SQLITE_MAGIC = b"SQLite format 3\x00"


def _script(name: str) -> str:
    return files("eventscribe.store").joinpath(name).read_text(encoding="utf-8")


MIGRATIONS: list[str] = [_script("schema.sql"), _script("schema_v2.sql")]
"""SQL scripts in order; the store's schema version is the number applied."""

SCHEMA_VERSION = len(MIGRATIONS)


def check_file(path: Path) -> None:
    """Refuse (E032) an existing, non-empty file that is not an SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise EventscribeError("E032", f"{path} is a folder, not an SQLite database")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise EventscribeError(
            "E032",
            f"{path} is not an SQLite database (bad header); refusing to open or overwrite it",
        )


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Run ``PRAGMA quick_check``; anything but ``ok`` is E032."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise EventscribeError(
            "E032", f"{path} is corrupted ({exc}); restore a backup or start a new store"
        ) from None
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    if problems:
        raise EventscribeError(
            "E032",
            f"{path} failed PRAGMA quick_check: {'; '.join(problems[:3])}; "
            "restore a backup or start a new store",
        )


def current_version(conn: sqlite3.Connection, path: Path) -> int:
    """Schema version recorded in ``meta`` (0 for an empty database).

    Raises:
        EventscribeError: E030 for an SQLite database that has tables but is not a store.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables - {"sqlite_sequence"}:
            raise EventscribeError(
                "E030", f"{path} is an SQLite database but not an eventscribe store; not touched"
            )
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError:
        raise EventscribeError("E032", f"{path}: unreadable schema_version {row[0]!r}") from None


def check_version(version: int, path: Path) -> None:
    """E031 when the store was written by a newer eventscribe."""
    if version > SCHEMA_VERSION:
        raise EventscribeError(
            "E031",
            f"{path} has schema version {version}, newer than this eventscribe's "
            f"{SCHEMA_VERSION}; upgrade eventscribe to open it",
        )


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (comments kept, empty ones dropped)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buf[:60]!r}")
    return out


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply the missing migrations, each in one transaction; return the final version.

    The version is re-read after taking the write lock, so two processes opening a new store
    at once apply each migration once.
    """
    check_version(current_version(conn, path), path)
    for target in range(1, SCHEMA_VERSION + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            version = current_version(conn, path)
            check_version(version, path)
            if version >= target:
                conn.execute("COMMIT")
                continue
            for statement in split_statements(MIGRATIONS[target - 1]):
                conn.execute(statement)
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(target),),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise EventscribeError("E030", f"migration to version {target} failed: {exc}") from None
        except EventscribeError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
