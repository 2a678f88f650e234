"""Every word of the core, the command line, the article page and print, in Vietnamese and English.

The window translates its own strings with Qt Linguist; the core has no Qt,
so the sentences it reports (why a bundle was refused, what an import did)
and the words on the pages it renders live here, keyed by a stable code.
Each sentence is one clear sentence, with the same {placeholders} in both
languages (tests/unit/test_messages.py checks it).

`describe(exc, lang)` is the one place that turns an error into a sentence.

The catalog is split by area (bundles, archive, commands, pages, office,
trust, receipts, source: a publisher's source folder; options: the command
line's help);
`CATALOG` joins them. This package imports nothing heavy: the window
imports it before first paint.
"""

from __future__ import annotations

import errno
import sys
from os import PathLike
from typing import Any

from desktop.messages import (
    archive,
    bundles,
    commands,
    office,
    options,
    pages,
    receipts,
    source,
    trust,
)

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")


def _join(*areas: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    joined: dict[str, tuple[str, str]] = {}
    for area in areas:
        twice = joined.keys() & area.keys()
        if twice:
            raise AssertionError(f"message keys defined twice: {sorted(twice)}")
        joined.update(area)
    return joined


CATALOG: dict[str, tuple[str, str]] = _join(
    bundles.WORDS,
    archive.WORDS,
    commands.WORDS,
    pages.WORDS,
    office.WORDS,
    trust.WORDS,
    receipts.WORDS,
    options.WORDS,
    source.WORDS,
)


def text(code: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The sentence for *code* in *lang*, with *params* filled in."""
    vi, en = CATALOG[code]
    template = en if lang == "en" else vi
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def counted(code: str, count: int, lang: str = DEFAULT_LANG) -> str:
    """*count* things in words: the catalog's `<code>_one` for one, else `<code>`."""
    one = f"{code}_one"
    return text(one if count == 1 and one in CATALOG else code, lang, count=count)


# -- errors as sentences --------------------------------------------------------------------

#: The sentence for each archive error code (db.errors.ErrorCode values).
_ARCHIVE_SENTENCES = {
    "busy": "busy",
    "newer": "archive_newer",
    "missing": "archive_missing",
    "damaged": "archive_damaged",
    "disk_full": "archive_disk_full",
    "read_only": "archive_read_only",
    "io_error": "archive_io_error",
    "server_unreachable": "archive_server_unreachable",
    "server_login": "archive_server_login",
    "server_no_database": "archive_server_no_database",
    "server_lost": "archive_server_lost",
    "server_url": "archive_server_url",
    "not_on_server": "archive_not_on_server",
    "not_a_folder": "archive_not_a_folder",
}


def describe(
    exc: BaseException,
    lang: str = DEFAULT_LANG,
    *,
    archive_dir: str | PathLike[str] | None = None,
    cli: bool = False,
) -> str:
    """One sentence in *lang* that says what went wrong, for any exception.

    The window's sentence, which names a button or whom to ask; *cli*: the
    command line's, which may name a command to type (`_WINDOW_SENTENCES`).

    Covers the archive's and backups' errors (by code), refused bundles and
    key files, SQLite failures (sorted by SQLite's result code), the usual
    operating-system errors, running out of memory or stack, and, last, any
    other error by its type and first line. *archive_dir* names the archive
    in the sentences about it when the error does not carry its own path.
    """
    # Imported here: db.errors and the bundle errors import this module's callers.
    from db.errors import ArchiveError, BackupError, Damage, ErrorCode, classify, damage_of
    from desktop.bundles.errors import BundleError, ImportCancelled, KeyFileError

    def say(code: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
        return text(code if cli else _WINDOW_SENTENCES.get(code, code), lang, **params)

    if isinstance(exc, BundleError) and not cli and exc.code in _WINDOW_SENTENCES:
        return exc.message(lang, code=_WINDOW_SENTENCES[exc.code])
    if isinstance(exc, BundleError | KeyFileError):
        return exc.message(lang)
    from desktop.receipts.errors import ReceiptError

    if isinstance(exc, ReceiptError):
        return exc.message(lang)
    if isinstance(exc, ImportCancelled):
        return say("cancelled", lang)
    if isinstance(exc, ArchiveError):
        named = exc.detail if exc.code is ErrorCode.MISSING else None
        where = archive_dir or exc.path or named
        if exc.code in _SERVER_CODES and exc.path:
            # The server the error met is named, never this PC's data folder.
            where = exc.path
        if exc.code is ErrorCode.WAL_MISSING:
            return say("archive_wal_missing", lang, path=exc.detail)
        if exc.code is ErrorCode.CANCELLED:
            return say("cancelled", lang)
        if exc.code is ErrorCode.NOT_ON_SERVER and exc.detail == "search":
            return say("archive_not_on_server_search", lang, path=where or "")
        return _archive_sentence(exc.code, lang, where, cli=cli)
    if isinstance(exc, BackupError):
        where = archive_dir or ""
        if exc.code is ErrorCode.NO_BACKUP:
            return say("no_backup", lang, path=exc.detail)
        if exc.code is ErrorCode.MISSING:
            return _archive_sentence(exc.code, lang, archive_dir or exc.detail, cli=cli)
        if exc.code is ErrorCode.DAMAGED:
            return say("backup_damaged", lang, path=where)
        if exc.code is ErrorCode.NO_SPACE:
            if exc.needed is not None and exc.free is not None:
                return say("backup_no_space", lang, needed=exc.needed, free=exc.free)
            return say("backup_disk_full", lang)
        if exc.code is ErrorCode.BUSY:
            return say("restore_busy", lang, path=where)
        return say("bad_backup", lang, path=exc.detail)
    tool = _pg_tool_sentence(exc, lang)
    if tool is not None:
        return tool
    code = classify(exc)
    if code is ErrorCode.DAMAGED and damage_of(exc) is Damage.BROKEN:
        # Damaged pages met while reading (a list, a search): the file is ours.
        return say("archive_pages_damaged", lang, path=archive_dir or "")
    if code is not None:
        return _archive_sentence(code, lang, archive_dir, cli=cli)
    if isinstance(exc, OSError):
        return _os_sentence(exc, lang)
    if isinstance(exc, MemoryError):
        return say("out_of_memory", lang)
    if isinstance(exc, RecursionError):
        return say("too_deep", lang)
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    return say("unexpected", lang, detail=f"{type(exc).__name__}: {first_line}")


def _pg_tool_sentence(exc: BaseException, lang: str) -> str | None:
    """PostgreSQL's pg_dump or pg_restore missing or failing (db/serverbackup.py)."""
    # Looked up, not imported: the module (and SQLAlchemy) is loaded when one was raised.
    serverbackup = sys.modules.get("db.serverbackup")
    if serverbackup is None:
        return None
    if isinstance(exc, serverbackup.ToolMissing):
        return text("pg_tool_missing", lang, tool=exc.tool)
    if isinstance(exc, serverbackup.ToolFailed):
        return text("pg_tool_failed", lang, tool=exc.tool, reason=exc.reason)
    return None


def describe_damage(exc: BaseException, lang: str = DEFAULT_LANG) -> str:
    """What is wrong with a damaged archive file, by `ArchiveError.damage`.

    The reason in the window's offer to restore a backup ("damaged_explain").
    """
    key = _DAMAGE_SENTENCES.get(str(getattr(exc, "damage", None)), "damaged_broken")
    return text(key, lang)


#: The sentences that name a command to type, and the window's own, which names a button
#: or whom to ask instead: a clerk in the window is never sent to a terminal.
_WINDOW_SENTENCES = {
    "weak_key": "weak_key_window",
    "publisher_key_bound": "publisher_key_bound_window",
    "archive_pages_damaged": "archive_pages_damaged_window",
    "import_damaged_archive": "import_damaged_archive_window",
    "backup_damaged": "backup_damaged_window",
}


#: The reason for each kind of damage (db.errors.Damage values).
_DAMAGE_SENTENCES = {"not_sqlite": "damaged_not_sqlite", "foreign": "damaged_foreign"}


#: The errors about a PostgreSQL server (db.errors.ErrorCode values): their path is the server.
_SERVER_CODES = frozenset(
    {"server_unreachable", "server_login", "server_no_database", "server_url", "server_lost"}
)


def _archive_sentence(
    code: str, lang: str, where: str | PathLike[str] | None, *, cli: bool = False
) -> str:
    key = _ARCHIVE_SENTENCES.get(code, "archive_damaged")
    sentence = text(key if cli else _WINDOW_SENTENCES.get(key, key), lang, path=where or "")
    # Without a path, "Kho dữ liệu {path} bị hỏng" must not keep a double space.
    return sentence if where else " ".join(sentence.split())


def write_reason(exc: OSError, lang: str = DEFAULT_LANG) -> str:
    """Why a file could not be written, as words to end a sentence with."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return text("reason_no_permission", lang)
    if exc.errno == errno.EROFS:
        return text("reason_read_only", lang)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return text("reason_no_space", lang)
    if exc.errno == errno.ENOENT:
        return text("no_folder", lang)
    if exc.errno is None:  # a Qt device that would not open says no more
        return text("reason_not_opened", lang)
    return exc.strerror or str(exc)


def _os_sentence(exc: OSError, lang: str) -> str:
    named = exc.filename if exc.filename not in (None, "") else None
    path = str(named) if named is not None else text("the_file", lang)
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return text("os_no_space", lang, path=path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return text("os_no_permission", lang, path=path)
    if exc.errno == errno.EROFS:
        return text("os_read_only", lang, path=path)
    if exc.errno == errno.EPIPE:
        return text("os_pipe", lang)
    if exc.errno == errno.ENOENT and named is not None:
        return text("file_missing", lang, path=path)
    return text("os_error", lang, path=path, reason=reason)
