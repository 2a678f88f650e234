"""The source folder a publisher edits: Markdown files with YAML front matter.

Every problem in the folder is collected, each with its file and line, so a
publisher fixes them all in one pass; no bundle is written while any remain.
"""

from __future__ import annotations

import mimetypes
import os
import re
import reprlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from db.folding import clean_field, fold
from db.records import AttachmentRecord, NoticeRecord, WithdrawalRecord
from db.types import VN_TZ
from desktop.bundles import officefields
from desktop.bundles.manifest import (
    MAX_BODY,
    MAX_CATEGORY_DEPTH,
    MAX_CATEGORY_LEVEL,
    MAX_LIST,
    MAX_TEXT,
    MAX_YEAR,
    MEDIA_TYPE_RE,
    MIN_YEAR,
    day_in_range,
    time_in_range,
)
from desktop.messages import text

# \Z, not $: "$" also matches before a final newline, which would let "a\n" in.
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\Z")
REQUIRED = ("id", "title", "category", "published")
OPTIONAL = (
    "updated",
    "number",
    "type",
    "issuer",
    "issued",
    "summary",
    "related",
    "attachments",
    "withdrawn",
)
KNOWN = frozenset(REQUIRED + OPTIONAL + officefields.FIELDS)
MAX_TEXT_FIELD = MAX_TEXT

# A value quoted in an error message stays short, even a YAML alias bomb.
_SHOW = reprlib.Repr()
_SHOW.maxlevel = 2
_SHOW.maxstring = 60
_SHOW.maxother = 60


def _show(value: Any) -> str:
    """A value for a sentence: text in «», anything else as Python writes it."""
    shown = f"«{value}»" if isinstance(value, str) else _SHOW.repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"


# libyaml's parser, where installed, reads a 10,000-notice folder several
# times faster; the safe constructor is the same Python code either way.
_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc]
    """A safe loader that leaves an impossible date (2023-02-30) as text.

    PyYAML raises a bare ValueError for those, with no line; as text they
    reach the field checks, which report them with their file and line.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, TypeError, AttributeError):
            # AttributeError: PyYAML's resolver takes "...-00:16:08" for a
            # timestamp that its constructor's pattern then fails to match.
            return self.construct_scalar(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Other bad scalars ("!!int abc") also raise bare ValueErrors; give
        # them the line of their node.
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from exc


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True)
class SourceError:
    """One problem in a source file; `line` counts from 1 (0: the whole folder).

    Made with `coded`: a sentence of desktop/messages (source.py, office.py)
    that names the file and the line itself, in either language (`localized`);
    `message` and `str()` are the English one, for logs.
    """

    file: str
    line: int
    message: str
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def coded(cls, file: str, line: int, code: str, **params: Any) -> SourceError:
        return cls(
            file,
            line,
            text(code, "en", file=file, line=line, **params),
            code,
            tuple(params.items()),
        )

    def localized(self, lang: str) -> str:
        return text(self.code, lang, file=self.file, line=self.line, **dict(self.params))

    def __str__(self) -> str:
        return self.message


class SourceErrors(Exception):
    """The folder has problems; `errors` lists every one."""

    def __init__(self, errors: list[SourceError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class SourceAttachment:
    """An attachment file found in the source folder."""

    path: Path
    record: AttachmentRecord


@dataclass
class SourceFolder:
    """What a source folder holds, ready to be written into a bundle."""

    notices: list[NoticeRecord] = field(default_factory=list)
    #: Instead of `notices` when read without text: (published, id, file) of
    #: each, the file relative to the folder ("a/b.md").
    notice_files: list[tuple[datetime, str, str]] = field(default_factory=list)
    withdrawals: list[WithdrawalRecord] = field(default_factory=list)
    #: Withdrawals whose time is the build time (no `updated` given).
    undated_withdrawals: list[str] = field(default_factory=list)
    attachment_files: dict[str, SourceAttachment] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)


def parse_datetime(value: Any) -> datetime:
    """A time from front matter; local +07:00 unless it carries an offset."""
    if isinstance(value, datetime):
        result = value
    elif isinstance(value, date):
        result = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        result = datetime.fromisoformat(value.strip())
    else:
        raise ValueError("not a date and time")
    if result.tzinfo is None:
        result = result.replace(tzinfo=VN_TZ)
    return result


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError("not a date")


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split a file into (front matter, body, line where the body starts).

    Raises ValueError whose argument is the code of the sentence saying why.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ValueError("src_no_front_matter")
    for index in range(1, len(lines)):
        # Only at the start of a line: an indented "---" is part of a YAML value.
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ValueError("src_unclosed_front_matter")


def _key_line(front: str, key: str) -> int:
    for number, line in enumerate(front.split("\n"), start=2):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


def _nested_line(front: str, key: str, child: str | None) -> int:
    """The line of *child* inside the block of *key*, else the line of *key*."""
    start = _key_line(front, key)
    if child is None or start == 1:
        return start
    lines = front.split("\n")
    for number in range(start + 1, len(lines) + 2):
        line = lines[number - 2]
        if line and not line[0].isspace() and not line.startswith("#"):
            break  # the next top-level key: *child* is not on a line of its own
        if re.match(rf"^\s+(?:-\s+)?{re.escape(child)}\s*:", line):
            return number
    return start


#: A field's problem before it has a file and a line: (field, code, params).
_FieldProblem = tuple[str, str, dict[str, Any]]


def _text_field(
    meta: dict[str, Any], key: str, errors: list[_FieldProblem], *, required: bool
) -> str | None:
    value = meta.get(key)
    if value is None:
        if required:
            errors.append((key, "src_missing_field", {}))
        return None
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        errors.append((key, "src_not_text", {}))
        return None
    # Stripped of bidi controls as an office's import would strip them.
    result = clean_field(str(value)).strip()
    if "\x00" in result:
        errors.append((key, "src_field_nul", {}))
        return None
    if required and not result:
        errors.append((key, "src_empty_field", {}))
        return None
    if len(result) > MAX_TEXT_FIELD:
        errors.append((key, "src_field_too_long", {"limit": MAX_TEXT_FIELD}))
        return None
    return result or None


@dataclass
class _Parsed:
    notice: NoticeRecord | None = None
    withdrawal: WithdrawalRecord | None = None
    undated_withdrawal: str | None = None
    attachments: list[SourceAttachment] = field(default_factory=list)
    #: Set when the file had errors but a valid id: still checked for duplicates,
    #: so that a second pass finds nothing new.
    failed_id: str | None = None


def parse_file(path: Path, root: Path, errors: list[SourceError]) -> _Parsed | None:
    """Parse one source file, adding its problems to *errors*."""
    rel = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.append(SourceError.coded(rel, line, "src_invalid_utf8"))
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        front, body, _body_line = split_front_matter(text)
    except ValueError as exc:
        errors.append(SourceError.coded(rel, 1, str(exc)))
        return None
    try:
        meta = yaml.load(front, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if mark is not None and context is not None and mark.index >= len(front):
            # Found only at the end (an unclosed quote): point at where it began.
            mark = context
        line = mark.line + 2 if mark is not None else 1
        # PyYAML's own words (English), quoted after our sentence.
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0] or "?"
        errors.append(SourceError.coded(rel, line, "src_bad_yaml", detail=problem))
        return None
    except RecursionError:
        errors.append(SourceError.coded(rel, 2, "src_yaml_too_deep"))
        return None
    if not isinstance(meta, dict):
        errors.append(SourceError.coded(rel, 2, "src_not_a_mapping"))
        return None

    before = len(errors)

    def err(key: str, code: str, **params: Any) -> None:
        errors.append(SourceError.coded(rel, _key_line(front, key), code, **params))

    def out_of_range(key: str) -> None:
        # Offices refuse other years, and a time outside them cannot always be shown.
        err(key, "src_out_of_range", field=key, first=MIN_YEAR, last=MAX_YEAR)

    for key in meta:
        if str(key) not in KNOWN:
            err(str(key), "src_unknown_field", field=str(key)[:60])

    withdrawn = meta.get("withdrawn", False)
    if not isinstance(withdrawn, bool):
        err("withdrawn", "src_bad_withdrawn")
        withdrawn = False

    ident = meta.get("id")
    if ident is None:
        errors.append(SourceError.coded(rel, 1, "src_missing_field", field="id"))
    elif not isinstance(ident, str) or not ID_RE.match(ident):
        err("id", "src_bad_id")
        ident = None

    updated: datetime | None = None
    if meta.get("updated") is not None:
        try:
            updated = parse_datetime(meta["updated"])
        except (ValueError, TypeError):
            err("updated", "src_bad_datetime", field="updated", value=_show(meta["updated"]))
        else:
            if not time_in_range(updated):
                out_of_range("updated")
                updated = None

    # A file with only an id and `withdrawn: true` withdraws a notice that
    # offices may already have; it needs no content.
    withdrawal_only = withdrawn and set(meta) <= {"id", "withdrawn", "updated"}
    if withdrawal_only:
        if len(errors) > before or not isinstance(ident, str):
            return None
        if updated is None:
            return _Parsed(undated_withdrawal=ident)
        return _Parsed(withdrawal=WithdrawalRecord(id=ident, revision=updated))

    field_errors: list[_FieldProblem] = []
    title = _text_field(meta, "title", field_errors, required=True)
    category = _text_field(meta, "category", field_errors, required=True)
    number = _text_field(meta, "number", field_errors, required=False)
    doc_type = _text_field(meta, "type", field_errors, required=False)
    issuer = _text_field(meta, "issuer", field_errors, required=False)
    summary = _text_field(meta, "summary", field_errors, required=False)
    for key, code, params in field_errors:
        line = _key_line(front, key) if key in meta else 1
        errors.append(SourceError.coded(rel, line, code, field=key, **params))
    if category is not None:
        parts = [p.strip() for p in category.split("/")]
        if any(not p for p in parts):
            err("category", "src_category_empty_level")
            category = None
        elif len(parts) > MAX_CATEGORY_DEPTH:
            err("category", "src_category_too_deep", limit=MAX_CATEGORY_DEPTH)
            category = None
        elif any(len(p) > MAX_CATEGORY_LEVEL for p in parts):
            err("category", "src_category_level_too_long", limit=MAX_CATEGORY_LEVEL)
            category = None
        else:
            category = "/".join(parts)

    published: datetime | None = None
    if meta.get("published") is None:
        errors.append(SourceError.coded(rel, 1, "src_missing_field", field="published"))
    else:
        try:
            published = parse_datetime(meta["published"])
        except (ValueError, TypeError):
            err("published", "src_bad_datetime", field="published", value=_show(meta["published"]))
        else:
            if not time_in_range(published):
                out_of_range("published")
                published = None
    if published is not None and updated is not None and updated < published:
        err("updated", "src_updated_before_published")

    issued: date | None = None
    if meta.get("issued") is not None:
        try:
            issued = parse_date(meta["issued"])
        except (ValueError, TypeError):
            # The sentence office fields use for their dates (office.py).
            err("issued", "src_bad_date", field="issued", value=_show(meta["issued"]))
        else:
            if not day_in_range(issued):
                out_of_range("issued")
                issued = None

    def report(key: str, child: str | None, code: str, **params: Any) -> None:
        errors.append(SourceError.coded(rel, _nested_line(front, key, child), code, **params))

    office = officefields.from_front_matter(meta, report)

    related: list[str] = []
    raw_related = meta.get("related") or []
    if not isinstance(raw_related, list) or not all(
        isinstance(r, str) and ID_RE.match(r) for r in raw_related
    ):
        err("related", "src_bad_related")
    elif len(raw_related) > MAX_LIST:
        err("related", "src_too_many", field="related", limit=MAX_LIST)
    else:
        related = [r for i, r in enumerate(raw_related) if r not in raw_related[:i]]

    attachments: list[SourceAttachment] = []
    raw_attachments = meta.get("attachments") or []
    if not isinstance(raw_attachments, list) or not all(
        isinstance(a, str) for a in raw_attachments
    ):
        err("attachments", "src_bad_attachments")
    elif len(raw_attachments) > MAX_LIST:
        err("attachments", "src_too_many", field="attachments", limit=MAX_LIST)
    else:
        for entry in raw_attachments:
            found = _attachment(root, entry)
            if isinstance(found, str):
                err("attachments", found, path=entry)
            else:
                attachments.append(found)

    body = clean_field(body.strip("\n"))
    if "\x00" in body:
        errors.append(SourceError.coded(rel, _body_line, "src_body_nul"))
    if len(body) > MAX_BODY:
        # Offices refuse longer bodies, so a bundle carrying one would be useless.
        errors.append(SourceError.coded(rel, _body_line, "src_body_too_long", limit=MAX_BODY))

    if len(errors) > before:
        return _Parsed(failed_id=ident) if isinstance(ident, str) else None
    assert isinstance(ident, str) and title and category and published
    notice = NoticeRecord(
        id=ident,
        title=title,
        category=category,
        published=published,
        updated=updated,
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        issued=issued,
        summary=summary,
        body_markdown=body,
        withdrawn=withdrawn,
        related=tuple(related),
        attachments=tuple(a.record for a in attachments),
        **office,
    )
    return _Parsed(notice=notice, attachments=attachments)


def _attachment(root: Path, entry: str) -> SourceAttachment | str:
    """The attachment *entry*, or the code of the sentence saying what is wrong."""
    from desktop.bundles.hashing import file_sha256

    rel = Path(entry)
    if rel.is_absolute() or ".." in rel.parts:
        return "src_attachment_outside"
    path = root / rel
    if not path.is_file():
        return "src_attachment_missing"
    if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
        return "src_attachment_symlink"
    # Media types are case-insensitive, and the reader accepts only the
    # lowercase form (mime.types has e.g. "...macroEnabled.12").
    media_type = (mimetypes.guess_type(path.name)[0] or "").lower()
    if not MEDIA_TYPE_RE.match(media_type):
        media_type = "application/octet-stream"
    size = path.stat().st_size
    return SourceAttachment(
        path=path,
        record=AttachmentRecord(
            name=clean_field(path.name), media_type=media_type, size=size, sha256=file_sha256(path)
        ),
    )


def read_source(root: Path, *, keep_text: bool = True) -> SourceFolder:
    """Read every `*.md` under *root*; raises SourceErrors listing all problems.

    Without *keep_text* every file is checked but only where each notice is
    is kept (`notice_files`), not the notice: a bundle build then reads each
    again with `read_notice` as it writes it, holding one chunk at a time.
    """
    root = Path(root)
    if not root.is_dir():
        # A problem of the whole folder: one sentence naming it, no line.
        code = "src_not_a_folder" if root.exists() else "src_no_folder"
        raise SourceErrors([SourceError.coded(str(root), 0, code)])
    errors: list[SourceError] = []
    folder = SourceFolder()
    seen: dict[str, str] = {}
    for rel in markdown_files(root):
        path = root / rel
        if not path.is_file():
            continue
        parsed = parse_file(path, root, errors)
        if parsed is None:
            continue
        ident = (
            parsed.notice.id
            if parsed.notice
            else parsed.withdrawal.id
            if parsed.withdrawal
            else parsed.undated_withdrawal or parsed.failed_id
        )
        assert ident is not None
        if ident in seen:
            errors.append(
                SourceError.coded(
                    rel, _id_line(path), "src_duplicate_id", ident=ident, other=seen[ident]
                )
            )
            continue
        seen[ident] = rel
        if parsed.failed_id is not None:
            continue
        if parsed.notice is not None:
            if keep_text:
                folder.notices.append(parsed.notice)
            else:
                folder.notice_files.append((parsed.notice.published, parsed.notice.id, rel))
            if parsed.notice.category not in folder.categories:
                folder.categories.append(parsed.notice.category)
            for att in parsed.attachments:
                folder.attachment_files.setdefault(att.record.sha256, att)
        elif parsed.withdrawal is not None:
            folder.withdrawals.append(parsed.withdrawal)
        elif parsed.undated_withdrawal is not None:
            folder.undated_withdrawals.append(parsed.undated_withdrawal)
    order = _read_category_order(root, errors)
    if errors:
        raise SourceErrors(errors)
    folder.categories.sort(key=lambda path: _category_order(path, order))
    return folder


def markdown_files(root: Path) -> Iterator[str]:
    """Every name ending in .md under *root*, as "a/b.md", in the order of
    ``sorted(root.rglob("*.md"))``, without a Path for each held at once.

    Each folder's names are sorted as paths compare (case-folded where the
    system folds case), and a folder's files come where its name sorts;
    links to folders are not followed, as rglob does not.
    """
    yield from _walk(str(root), "")


def _walk(folder: str, prefix: str) -> Iterator[str]:
    try:
        with os.scandir(folder) as found:
            entries = sorted((os.path.normcase(e.name), e.name, _is_dir(e)) for e in found)
    except PermissionError:
        return
    for key, name, is_dir in entries:
        if key.endswith(".md"):
            yield prefix + name
        if is_dir:
            yield from _walk(os.path.join(folder, name), f"{prefix}{name}/")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def read_notice(root: Path, path: Path | str, ident: str) -> NoticeRecord:
    """The notice *ident* in *path* (or relative to *root*) again; SourceErrors
    if it changed into something else."""
    path = Path(root) / path
    errors: list[SourceError] = []
    parsed = parse_file(path, Path(root), errors)
    if errors or parsed is None or parsed.notice is None or parsed.notice.id != ident:
        rel = path.relative_to(root).as_posix()
        raise SourceErrors(errors or [SourceError.coded(rel, 1, "src_changed", ident=ident)])
    return parsed.notice


CATEGORY_ORDER_FILE = "categories.yaml"


def _read_category_order(root: Path, errors: list[SourceError]) -> list[str]:
    """The display order of categories from `categories.yaml`, if the folder has one.

    It is a YAML list of category paths; categories it does not name come
    after the named ones among their siblings, in alphabetical order.
    """
    path = root / CATEGORY_ORDER_FILE
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        errors.append(SourceError.coded(CATEGORY_ORDER_FILE, line, "src_bad_category_order"))
        return []
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        errors.append(SourceError.coded(CATEGORY_ORDER_FILE, 1, "src_category_order_not_list"))
        return []
    return ["/".join(p.strip() for p in clean_field(item).split("/")) for item in data]


def _category_order(path: str, order: list[str]) -> tuple[tuple[int, str], ...]:
    """Sort key: each level by its place in *order*, then alphabetically."""
    parts = path.split("/")
    key = []
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        rank = order.index(prefix) if prefix in order else len(order)
        key.append((rank, fold(parts[depth - 1])))
    return tuple(key)


def _id_line(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    for number, line in enumerate(lines, start=1):
        if line.startswith("id:"):
            return number
    return 1
