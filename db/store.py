"""Writing to the archive: what an import applies (reading state is in `db.reading`).

Every function here runs inside the caller's session and transaction; an
import calls them all in one transaction so that it lands whole or not at all.
Rows are written with Core statements in batches: an import of 100,000
notices must stay close to raw SQLite speed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from db import dialect, validitystore
from db.folding import nfc
from db.models import (
    Attachment,
    Category,
    EarlyWithdrawal,
    ImportLog,
    Notice,
    NoticeRelation,
    Publisher,
    RelatedLink,
    TrustedKey,
)
from db.reading import mark_all_read as mark_all_read
from db.reading import record_opening as record_opening
from db.reading import record_view as record_view
from db.reading import set_bookmark as set_bookmark
from db.records import (
    ImportCounts,
    ImportLogEntry,
    NoticeRecord,
    WithdrawalRecord,
)
from db.types import aware, whole_seconds

BATCH = 500


class NoticeOwned(Exception):
    """A bundle touched a notice that belongs to another publisher.

    Raised inside the import's transaction, so nothing it wrote stays.
    """

    def __init__(self, notice_id: str, owner_id: str) -> None:
        super().__init__(f"{notice_id} belongs to {owner_id}")
        self.notice_id = notice_id
        self.owner_id = owner_id


class KeyConflict(Exception):
    """A change of trusted keys that would break a binding; `code` says which."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


Progress = Callable[[int], None]


def _opt(text: str | None) -> str | None:
    return None if text is None else nfc(text)


T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- publishers and keys ---------------------------------------------------------


def ensure_publisher(session: Session, publisher_id: str, name: str) -> None:
    """Create the publisher row, or refresh its display name."""
    row = session.get(Publisher, publisher_id)
    if row is None:
        session.add(Publisher(id=publisher_id, name=nfc(name), last_sequence=0))
    elif row.name != nfc(name):
        row.name = nfc(name)
    session.flush()


def advance_publisher(
    session: Session, publisher_id: str, sequence: int, bundle_id: str, at: datetime
) -> None:
    """Move the publisher's last applied sequence forward (never back)."""
    row = session.get(Publisher, publisher_id)
    assert row is not None
    if sequence > row.last_sequence:
        row.last_sequence = sequence
        row.last_bundle_id = bundle_id
    row.last_imported_at = at
    session.flush()


def add_trusted_key(
    session: Session, key_id: str, public_key: bytes, name: str, at: datetime
) -> bool:
    """Trust a key; returns False when it is trusted already.

    A key trusted before and removed comes back with the publisher it was
    bound to: removing and adding it again never frees it to sign for another.
    """
    row = session.get(TrustedKey, key_id)
    if row is not None and row.removed_at is None:
        return False
    if row is None:
        session.add(TrustedKey(key_id=key_id, public_key=public_key, name=nfc(name), added_at=at))
    else:
        row.removed_at = None
        row.name = nfc(name)
        row.added_at = at
    session.flush()
    return True


def remove_trusted_key(session: Session, key_id: str, at: datetime | None = None) -> bool:
    """Stop trusting a key; returns False when it was not trusted.

    A key bound to a publisher keeps its row, marked removed, so that the
    binding is remembered; an unbound key leaves nothing behind.
    """
    row = session.get(TrustedKey, key_id)
    if row is None or row.removed_at is not None:
        return False
    if row.publisher_id is None:
        session.delete(row)
    else:
        row.removed_at = at or datetime.now(UTC)
    session.flush()
    return True


def replace_key(session: Session, new_key_id: str, old_key_id: str, at: datetime) -> str | None:
    """Let *new_key_id* sign for *old_key_id*'s publisher, and stop trusting the old key.

    The one way a publisher bound to a key changes key: an office's explicit
    act, never a bundle. Both keys must be known (the old one may be removed
    already). Returns the publisher the new key is now bound to. Raises
    KeyConflict("unknown_key") or ("key_replaces_other") when the new key
    is bound to another publisher.
    """
    old = session.get(TrustedKey, old_key_id)
    new = session.get(TrustedKey, new_key_id)
    if old is None:
        raise KeyConflict("unknown_key", key_id=old_key_id)
    if new is None or new.removed_at is not None:
        raise KeyConflict("unknown_key", key_id=new_key_id)
    if new_key_id == old_key_id:
        return new.publisher_id
    bound = old.publisher_id
    if new.publisher_id is not None and bound is not None and new.publisher_id != bound:
        raise KeyConflict(
            "key_replaces_other", key_id=new_key_id, bound=new.publisher_id, old=old_key_id
        )
    if bound is not None:
        new.publisher_id = bound
    if old.removed_at is None:
        remove_trusted_key(session, old_key_id, at)
    session.flush()
    return new.publisher_id


def bind_key(session: Session, key_id: str, publisher_id: str) -> None:
    """Bind a trusted key to the publisher it first signed for."""
    session.execute(
        update(TrustedKey)
        .where(TrustedKey.key_id == key_id, TrustedKey.publisher_id.is_(None))
        .values(publisher_id=publisher_id)
    )


def add_log(session: Session, entry: ImportLogEntry) -> None:
    session.execute(
        insert(ImportLog).values(
            bundle_id=entry.bundle_id,
            manifest_sha256=entry.manifest_sha256,
            publisher_id=entry.publisher_id,
            sequence=entry.sequence,
            kind=entry.kind,
            imported_at=entry.imported_at,
            added=entry.added,
            updated=entry.updated,
            withdrawn=entry.withdrawn,
            unchanged=entry.unchanged,
            outcome=entry.outcome,
            reason=entry.reason,
        )
    )


# -- categories --------------------------------------------------------------------


def ensure_categories(session: Session, paths: Sequence[str]) -> dict[str, int]:
    """Make sure every path (and its parents) exists; return path → id.

    Paths are keyed by `category_path`. Listed siblings are put in the order of
    *paths*, within the places they already held; siblings not listed keep
    their places; categories seen for the first time go after them, in order.
    """
    wanted: list[str] = []
    for raw in paths:
        parts = category_path(raw).split("/")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            if path and path not in wanted:
                wanted.append(path)
    existing = {
        path: (cid, pos)
        for path, cid, pos in session.execute(select(Category.path, Category.id, Category.position))
    }
    ids = {path: cid for path, (cid, _) in existing.items()}

    # A bundle may list only some siblings. The ones it lists take, in its
    # order, the places they held among their siblings; the others keep
    # theirs, and new ones go last. So no two siblings share a position.
    siblings: dict[str | None, list[str]] = {}
    for path, _ in sorted(existing.items(), key=lambda kv: (kv[1][1], kv[0])):
        siblings.setdefault(_parent(path), []).append(path)
    listed: dict[str | None, list[str]] = {}
    for path in wanted:
        listed.setdefault(_parent(path), []).append(path)
    position: dict[str, int] = {}
    for parent, paths_here in listed.items():
        order = list(siblings.get(parent, []))
        known = [p for p in paths_here if p in existing]
        slots = sorted(order.index(p) for p in known)
        for slot, path in zip(slots, known, strict=True):
            order[slot] = path
        order.extend(p for p in paths_here if p not in existing)
        position.update((path, i) for i, path in enumerate(order))

    for path, pos in position.items():
        if path in existing and existing[path][1] != pos:
            session.execute(update(Category).where(Category.id == ids[path]).values(position=pos))
    for path in wanted:  # parents come before their children here
        if path in ids:
            continue
        parent = _parent(path)
        result = session.execute(
            insert(Category).values(
                path=path,
                name=path.rsplit("/", 1)[-1],
                parent_id=ids[parent] if parent else None,
                position=position[path],
            )
        )
        key = cast(CursorResult[Any], result).inserted_primary_key
        assert key is not None
        ids[path] = int(key[0])
    return ids


def category_path(raw: str) -> str:
    """The stored form of a category path: NFC, parts trimmed, no empty parts."""
    return "/".join(p.strip() for p in nfc(raw).split("/") if p.strip())


def _parent(path: str) -> str | None:
    return path.rsplit("/", 1)[0] if "/" in path else None


# -- notices -------------------------------------------------------------------------


def _notice_values(rec: NoticeRecord, publisher_id: str, category_id: int) -> dict[str, object]:
    return {
        "id": rec.id,
        "publisher_id": publisher_id,
        "title": nfc(rec.title),
        "summary": _opt(rec.summary),
        "body_markdown": nfc(rec.body_markdown),
        "category_id": category_id,
        "published": rec.published,
        "updated": rec.updated,
        "revision": rec.revision,
        "number": _opt(rec.number),
        "doc_type": _opt(rec.doc_type),
        "issuer": _opt(rec.issuer),
        "issued": rec.issued,
        "withdrawn": rec.withdrawn,
        "has_content": True,
        "content_hash": rec.content_hash,
        "effective": rec.effective,
        "expires": rec.expires,
        "signer_authority": _opt(rec.signer.authority) if rec.signer else None,
        "signer_title": nfc(rec.signer.title) if rec.signer else None,
        "signer_name": nfc(rec.signer.name) if rec.signer else None,
        "sector": _opt(rec.sector),
        "urgency": rec.urgency,
        "deadline": rec.deadline,
        "recipients": [nfc(r) for r in rec.recipients] or None,
    }


#: id → (revision in stored whole seconds, withdrawn, has content)
_Known = dict[str, tuple[int, bool, bool]]


class _Existing:
    """What the archive holds for a bundle's ids, as far as one publisher may see it.

    `known` has the publisher's notices and its withdrawals of ids the
    archive does not hold (as withdrawn, without content); `rows` the ids
    with a row in `notice`; `unowned` rows written before notices had an
    owner; `early` the ids of the publisher's advance withdrawals.
    """

    def __init__(self) -> None:
        self.known: _Known = {}
        self.rows: set[str] = set()
        self.unowned: set[str] = set()
        self.early: set[str] = set()


def _existing(session: Session, publisher_id: str, ids: Sequence[str]) -> _Existing:
    found = _Existing()
    unique = list(dict.fromkeys(ids))
    for chunk in _chunks(unique, dialect.id_batch(session)):
        rows = session.execute(
            select(
                Notice.id,
                Notice.revision,
                Notice.withdrawn,
                Notice.has_content,
                Notice.publisher_id,
            ).where(dialect.among(session, Notice.id, chunk))
        )
        for nid, rev, withdrawn, has_content, owner in rows:
            if owner is not None and owner != publisher_id:
                raise NoticeOwned(nid, owner)
            found.known[nid] = (whole_seconds(rev), bool(withdrawn), bool(has_content))
            found.rows.add(nid)
            if owner is None:
                found.unowned.add(nid)
        early = session.execute(
            select(EarlyWithdrawal.notice_id, EarlyWithdrawal.revision).where(
                EarlyWithdrawal.publisher_id == publisher_id,
                dialect.among(session, EarlyWithdrawal.notice_id, chunk),
            )
        )
        for nid, rev in early:
            found.early.add(nid)
            if nid not in found.rows:
                found.known[nid] = (whole_seconds(rev), True, False)
    return found


def apply_notices(
    session: Session,
    publisher_id: str,
    notices: Sequence[NoticeRecord],
    withdrawals: Sequence[WithdrawalRecord],
    category_ids: dict[str, int],
    progress: Progress | None = None,
) -> ImportCounts:
    """Apply a bundle's notices and withdrawals; only newer revisions win.

    A withdrawn notice keeps the time of its withdrawal as its revision, so an
    older copy of the notice, from any bundle, never brings it back; at equal
    revisions the withdrawal wins. Revisions compare in whole seconds, as stored.
    """
    return apply_notice_chunks(
        session, publisher_id, [notices], withdrawals, category_ids, progress
    )


def apply_notice_chunks(
    session: Session,
    publisher_id: str,
    chunks: Iterable[Sequence[NoticeRecord]],
    withdrawals: Sequence[WithdrawalRecord],
    category_ids: dict[str, int],
    progress: Progress | None = None,
    written: Callable[[list[str]], None] | None = None,
    all_written: Callable[[], None] | None = None,
) -> ImportCounts:
    """`apply_notices` for notices that arrive a chunk at a time (a bundle's).

    Only one chunk's notices, rows and state are held at a time: what the archive holds
    for a chunk's ids is read when the chunk comes, so a later chunk sees what an earlier
    one wrote in this transaction. The same rules as `apply_notices`: one id twice keeps
    its newest copy (the first, on a tie), whichever chunks the copies are in. A notice
    another publisher owns raises NoticeOwned inside the transaction, before its chunk is
    written. *written* gets each chunk's new `ImportCounts.changed_ids` once written,
    and *all_written* is called after the last chunk, before the withdrawals and standings.
    """
    counts = ImportCounts()
    # The notices' bodies and the search index are most of what it writes.
    dialect.compress_fast(session)
    conn = session.connection()
    # The notices these name before the import; validitystore.refresh below.
    named: set[str] = set()
    # Every id the bundle touched (references to strings its counts keep too).
    touched: list[str] = []
    seen = 0
    for notices in chunks:
        chunk_ids = [n.id for n in notices]
        touched.extend(chunk_ids)
        named.update(validitystore.targets(conn, chunk_ids))
        held = _existing(session, publisher_id, chunk_ids)
        before = len(counts.changed_ids)
        seen = _apply_chunk(
            session, publisher_id, notices, category_ids, held, counts, seen, progress
        )
        if written is not None:
            written(counts.changed_ids[before:])
    if all_written is not None:
        all_written()
    # What the archive holds now, with what the notices above wrote, so a
    # withdrawal in the same bundle is weighed against the notice as it stands.
    withdrawn_ids = [w.id for w in withdrawals]
    touched.extend(withdrawn_ids)
    named.update(validitystore.targets(conn, withdrawn_ids))
    _apply_withdrawals(
        session,
        publisher_id,
        withdrawals,
        _existing(session, publisher_id, withdrawn_ids),
        counts,
    )
    # What of each status depends on other notices is stored on the notice:
    # the ones touched, and those they named before or name now, may change.
    named.update(validitystore.targets(conn, touched))
    validitystore.refresh(conn, {*touched, *named})
    if progress is not None:
        progress(seen)
    return counts


def _apply_chunk(
    session: Session,
    publisher_id: str,
    notices: Sequence[NoticeRecord],
    category_ids: dict[str, int],
    held: _Existing,
    counts: ImportCounts,
    seen: int,
    progress: Progress | None,
) -> int:
    """Write one chunk's notices; returns how many notices have been seen so far."""
    existing = held.known
    # One id twice in a chunk: only its newest copy (the first, on a tie) counts.
    # Across chunks `existing` decides: a later copy must be newer to win.
    newest: dict[str, int] = {}
    for index, rec in enumerate(notices):
        kept = newest.get(rec.id)
        if kept is None or whole_seconds(rec.revision) > whole_seconds(notices[kept].revision):
            newest[rec.id] = index
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    written: list[NoticeRecord] = []
    for index, rec in enumerate(notices, start=1):
        seen += 1
        if progress is not None and seen % BATCH == 0:
            progress(seen)
        revision = whole_seconds(rec.revision)
        old = existing.get(rec.id)
        # At equal revisions a withdrawal wins over a notice still shown (format §5).
        ties = old is not None and revision == old[0] and rec.withdrawn and not old[1]
        if newest[rec.id] != index - 1 or (old is not None and revision <= old[0] and not ties):
            counts.unchanged += 1
            continue
        values = _notice_values(rec, publisher_id, category_ids[category_path(rec.category)])
        (updates if rec.id in held.rows else inserts).append(values)
        held.rows.add(rec.id)
        written.append(rec)
        if rec.withdrawn:
            counts.removed_ids.append(rec.id)
            if old is not None and old[1] and old[2]:
                counts.unchanged += 1
            else:
                counts.withdrawn += 1
        else:
            counts.changed_ids.append(rec.id)
            if old is not None and old[2] and not old[1]:
                counts.updated += 1
            else:
                counts.added += 1
        existing[rec.id] = (revision, rec.withdrawn, True)

    table = cast(Table, Notice.__table__)
    dialect.insert_rows(session, table, inserts)
    if updates:
        changed = [str(u["id"]) for u in updates]
        for id_chunk in _chunks(changed):
            session.execute(delete(RelatedLink).where(RelatedLink.notice_id.in_(id_chunk)))
            session.execute(delete(NoticeRelation).where(NoticeRelation.notice_id.in_(id_chunk)))
            session.execute(delete(Attachment).where(Attachment.notice_id.in_(id_chunk)))
        columns = [c for c in updates[0] if c != "id"]
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}") for c in columns})
        )
        for chunk in _chunks(updates):
            session.connection().execute(
                stmt, [{f"b_{k}": v for k, v in row.items()} for row in chunk]
            )

    related_rows = [
        {"notice_id": rec.id, "position": i, "target_id": target}
        for rec in written
        for i, target in enumerate(rec.related)
    ]
    attachment_rows = [
        {
            "notice_id": rec.id,
            "position": i,
            "name": nfc(att.name),
            "media_type": att.media_type,
            "size": att.size,
            "sha256": att.sha256,
        }
        for rec in written
        for i, att in enumerate(rec.attachments)
    ]
    relation_rows = [
        {"notice_id": rec.id, "relation": relation, "target_id": target, "position": i}
        for rec in written
        for i, (relation, target) in enumerate(dict.fromkeys(rec.relations))
    ]
    dialect.insert_rows(session, RelatedLink, related_rows)
    dialect.insert_rows(session, NoticeRelation, relation_rows)
    dialect.insert_rows(session, Attachment, attachment_rows)
    # A notice that came in after its own advance withdrawal carries the
    # revision from now on.
    arrived = [rec.id for rec in written if rec.id in held.early]
    for id_chunk in _chunks(arrived):
        session.execute(
            delete(EarlyWithdrawal).where(
                EarlyWithdrawal.publisher_id == publisher_id,
                EarlyWithdrawal.notice_id.in_(id_chunk),
            )
        )

    return seen


def _apply_withdrawals(
    session: Session,
    publisher_id: str,
    withdrawals: Sequence[WithdrawalRecord],
    held: _Existing,
    counts: ImportCounts,
) -> None:
    existing = held.known
    for w in withdrawals:
        revision = whole_seconds(w.revision)
        if w.id not in held.rows:
            # Remember the withdrawal, for this publisher only, so that an
            # older copy of the notice from it cannot come in later.
            stmt = dialect.insert(session, EarlyWithdrawal).values(
                publisher_id=publisher_id, notice_id=w.id, revision=aware(w.revision)
            )
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=[EarlyWithdrawal.publisher_id, EarlyWithdrawal.notice_id],
                    set_={
                        "revision": dialect.greater(
                            session, EarlyWithdrawal.revision, stmt.excluded.revision
                        )
                    },
                )
            )
            old = existing.get(w.id)
            existing[w.id] = (max(revision, old[0]) if old else revision, True, False)
            held.early.add(w.id)
            # Never held here, still a withdrawal; only one remembered before is unchanged.
            if old is None:
                counts.withdrawn += 1
            else:
                counts.unchanged += 1
            continue
        old_revision, withdrawn, has_content = existing[w.id]
        if revision < old_revision and not withdrawn:
            counts.unchanged += 1  # the notice was published again after this withdrawal
            continue
        values: dict[str, object] = {"withdrawn": True}
        if revision > old_revision:
            values["revision"] = aware(w.revision)
        if w.id in held.unowned:
            values["publisher_id"] = publisher_id
        session.execute(update(Notice).where(Notice.id == w.id).values(values))
        existing[w.id] = (max(revision, old_revision), True, has_content)
        if withdrawn:
            counts.unchanged += 1
        else:
            counts.withdrawn += 1
            counts.removed_ids.append(w.id)
