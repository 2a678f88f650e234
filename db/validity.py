"""Whether a notice is in force on a given day, and its relations in both directions.

The statuses and their rules are vbpl.vn's:

- "not_yet" (Chưa có hiệu lực): `effective` is after the day;
- "expired" (Hết hiệu lực toàn bộ): `expires` is on or before the day, or a
  notice that has taken effect replaces or repeals it;
- "partly_expired" (Hết hiệu lực một phần): a notice that has taken effect
  partly repeals it;
- "in_force" (Còn hiệu lực): otherwise;
- None: a notice with no legal fields (news): no `effective`, no `expires`,
  no relation stated by it or toward it by a notice the archive holds.

A notice *takes effect* on its `effective` day, else its issue day, else
the day it was posted. Only notices the archive holds (not withdrawn) change
another's status; a relation toward a missing notice is still listed, by id.
Once out of force a notice stays so: a repealing notice that is itself
repealed later does not bring it back, as in Vietnamese law.

The rules are pure functions over `Node`s, so they are tested over random
graphs; the session functions only load the nodes. What of a status depends
on *other* notices changes only when the archive does: imports store it on
each notice as its `Standing` (db/validitystore.py), so that a status on any
day is a pure function of the row (`stored_status`), a list's page reads
its badges from the rows it shows, and `status_condition` states the rules
in SQL over the row's own columns, which the database pages and counts from
one index. The random graphs and imports hold both to `status_of`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, not_, or_, select
from sqlalchemy.orm import Session

from db.common import VN_TZ
from db.models import Notice, NoticeRelation
from db.records import RELATIONS, Because, RelationLink, Validity
from db.standing import Standing as Standing
from db.standing import stored_status as stored_status
from db.standing import today as today

STATUSES = ("not_yet", "in_force", "partly_expired", "expired")
#: A relation that ends the target's force, and how the target sees it.
ENDING = {"replaces": "replaced_by", "repeals": "repealed_by"}
PARTIAL = {"partly_repeals": "partly_repealed_by"}
BATCH = 500


@dataclass(frozen=True)
class Node:
    """What the rules need to know of one notice."""

    id: str
    effective: date | None = None
    expires: date | None = None
    issued: date | None = None
    posted: date | None = None
    #: Held by the archive with content and not withdrawn.
    present: bool = True
    #: States at least one relation.
    relates: bool = False
    title: str | None = None
    number: str | None = None
    doc_type: str | None = None

    @property
    def starts(self) -> date | None:
        """The day this notice takes effect, when it can be known."""
        return self.effective or self.issued or self.posted

    def in_effect(self, day: date) -> bool:
        start = self.starts
        return self.present and start is not None and start <= day


#: An edge: (source id, relation, target id).
Edge = tuple[str, str, str]


def status_of(node: Node, incoming: Iterable[tuple[str, Node]], day: date) -> Validity | None:
    """*node*'s validity on *day*, given the (relation, source) pairs stated toward it."""
    incoming = list(incoming)
    legal = (
        node.effective is not None
        or node.expires is not None
        or node.relates
        or any(source.present for _relation, source in incoming)
    )
    if not legal:
        return None
    ends: list[tuple[date, Because | None]] = []
    if node.expires is not None and node.expires <= day:
        ends.append((node.expires, None))
    partial: list[tuple[date, Because]] = []
    for relation, source in incoming:
        if not source.in_effect(day):
            continue
        start = source.starts
        assert start is not None
        if relation in ENDING:
            ends.append((start, Because(ENDING[relation], source.id)))
        elif relation in PARTIAL:
            partial.append((start, Because(PARTIAL[relation], source.id)))
    if ends:
        return Validity(
            status="expired",
            since=min(d for d, _ in ends),
            because=_reasons(ends),
            as_of=day,
        )
    if node.effective is not None and node.effective > day:
        return Validity(status="not_yet", since=None, as_of=day)
    if partial:
        return Validity(
            status="partly_expired",
            since=min(d for d, _ in partial),
            because=_reasons(partial),
            as_of=day,
        )
    return Validity(status="in_force", since=node.effective, as_of=day)


def standing_of(node: Node, incoming: Iterable[tuple[str, Node]]) -> Standing:
    """*node*'s Standing, given the (relation, source) pairs stated toward it by others."""
    ended: list[date] = []
    partly: list[date] = []
    toward = False
    for relation, source in incoming:
        if not source.present:
            continue
        toward = True
        start = source.starts
        if start is None:
            continue
        if relation in ENDING:
            ended.append(start)
        elif relation in PARTIAL:
            partly.append(start)
    return Standing(
        ended_on=min(ended, default=None),
        partly_on=min(partly, default=None),
        legal=node.effective is not None or node.expires is not None or node.relates or toward,
    )


def _reasons(found: Sequence[tuple[date, Because | None]]) -> tuple[Because, ...]:
    # By day, then id, then relation: one notice may both replace and repeal another.
    ordered = sorted(
        (b for _d, b in found if b is not None),
        key=lambda b: (min(d for d, x in found if x == b), b.id, b.relation),
    )
    return tuple(dict.fromkeys(ordered))


def links_of(
    notice_id: str, outgoing: Iterable[Edge], incoming: Iterable[Edge], nodes: dict[str, Node]
) -> tuple[RelationLink, ...]:
    """Every relation of *notice_id*, both directions, grouped in RELATIONS order.

    Within a relation, the ones this notice states come first, each group
    in the order written (outgoing) or by id (incoming). A target the
    archive does not hold has no title.
    """
    found: list[tuple[int, int, int, RelationLink]] = []
    for position, (_source, relation, target) in enumerate(outgoing):
        found.append(
            (RELATIONS.index(relation), 0, position, _link(relation, target, "out", nodes))
        )
    for position, (source, relation, _target) in enumerate(sorted(incoming)):
        found.append((RELATIONS.index(relation), 1, position, _link(relation, source, "in", nodes)))
    found.sort(key=lambda item: item[:3])
    return tuple(link for *_key, link in found)


def _link(relation: str, other: str, direction: str, nodes: dict[str, Node]) -> RelationLink:
    node = nodes.get(other)
    held = node is not None and node.title is not None
    return RelationLink(
        relation=relation,
        id=other,
        direction=direction,
        title=node.title if held and node is not None else None,
        number=node.number if node is not None else None,
        doc_type=node.doc_type if node is not None else None,
        starts=node.starts if node is not None and held else None,
        withdrawn=node is not None and held and not node.present,
    )


# -- reading the archive ----------------------------------------------------------------


def node_of(
    nid: str,
    effective: date | None,
    expires: date | None,
    issued: date | None,
    published: datetime | None,
    withdrawn: bool,
    has_content: bool,
    title: str | None = None,
    number: str | None = None,
    doc_type: str | None = None,
) -> Node:
    """The Node of a notice row (`relates` is the caller's to set)."""
    return Node(
        id=nid,
        effective=effective,
        expires=expires,
        issued=issued,
        posted=published.astimezone(VN_TZ).date() if published is not None else None,
        present=bool(has_content) and not withdrawn,
        title=title if has_content else None,
        number=number if has_content else None,
        doc_type=doc_type if has_content else None,
    )


def _nodes(session: Session, ids: Iterable[str]) -> dict[str, Node]:
    wanted = list(dict.fromkeys(ids))
    nodes: dict[str, Node] = {}
    # Whether a notice states a relation, asked in the same statement as its row.
    relates = (
        select(NoticeRelation.notice_id)
        .where(NoticeRelation.notice_id == Notice.id)
        .exists()
        .label("relates")
    )
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        rows = session.execute(
            select(
                Notice.id,
                Notice.effective,
                Notice.expires,
                Notice.issued,
                Notice.published,
                Notice.withdrawn,
                Notice.has_content,
                Notice.title,
                Notice.number,
                Notice.doc_type,
                relates,
            ).where(Notice.id.in_(chunk))
        )
        for *row, states in rows:
            node = node_of(*row)
            nodes[node.id] = replace(node, relates=True) if states else node
    return nodes


def _edges(session: Session, ids: Sequence[str]) -> tuple[list[Edge], list[Edge]]:
    """The relations *ids* state, and those other notices state toward them:
    both in one statement per half BATCH of notices, in the order each notice
    states them."""
    outgoing: list[Edge] = []
    incoming: list[Edge] = []
    # Each id is bound twice: half a batch keeps a statement within the 999
    # variables of SQLite builds before 3.32.
    step = max(BATCH // 2, 1)
    for start in range(0, len(ids), step):
        chunk = ids[start : start + step]
        wanted = set(chunk)
        rows = session.execute(
            select(NoticeRelation.notice_id, NoticeRelation.relation, NoticeRelation.target_id)
            .where(or_(NoticeRelation.notice_id.in_(chunk), NoticeRelation.target_id.in_(chunk)))
            .order_by(NoticeRelation.notice_id, NoticeRelation.position)
        )
        for s, r, t in rows:
            edge = (str(s), str(r), str(t))
            if edge[0] in wanted:
                outgoing.append(edge)
            if edge[2] in wanted and edge[0] != edge[2]:
                incoming.append(edge)
    return outgoing, incoming


def notice_validity(
    session: Session, notice_id: str, day: date | None = None
) -> tuple[Validity | None, tuple[RelationLink, ...]]:
    """The validity of *notice_id* on *day* (today) and its relations, both directions."""
    return notices_validity(session, [notice_id], day)[notice_id]


def notices_validity(
    session: Session, ids: Sequence[str], day: date | None = None
) -> dict[str, tuple[Validity | None, tuple[RelationLink, ...]]]:
    """`notice_validity` for each of *ids*, in a few statements per BATCH notices."""
    day = day or today()
    ids = list(dict.fromkeys(ids))
    outgoing, incoming = _edges(session, ids)
    nodes = _nodes(session, [*ids, *(t for _s, _r, t in outgoing), *(s for s, _r, _t in incoming)])
    out_of: dict[str, list[Edge]] = {}
    into: dict[str, list[Edge]] = {}
    for edge in outgoing:
        out_of.setdefault(edge[0], []).append(edge)
    for edge in incoming:
        into.setdefault(edge[2], []).append(edge)
    found: dict[str, tuple[Validity | None, tuple[RelationLink, ...]]] = {}
    for nid in ids:
        node = nodes.get(nid)
        if node is None:
            found[nid] = (None, ())
            continue
        toward = into.get(nid, [])
        validity = status_of(
            node, ((r, nodes.get(s, Node(s, present=False))) for s, r, _ in toward), day
        )
        found[nid] = (validity, links_of(nid, out_of.get(nid, []), toward, nodes))
    return found


def statuses(
    session: Session, ids: Sequence[str], day: date | None = None
) -> dict[str, str | None]:
    """The status of each of *ids* on *day* (today), from their rows alone (a list's page)."""
    day = day or today()
    ids = list(dict.fromkeys(ids))
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), BATCH):
        rows = session.execute(
            select(
                Notice.id,
                Notice.effective,
                Notice.expires,
                Notice.ended_on,
                Notice.partly_on,
                Notice.legal,
            ).where(Notice.id.in_(ids[start : start + BATCH]))
        )
        for nid, effective, expires, ended_on, partly_on, legal in rows:
            found[nid] = stored_status(
                effective, expires, Standing(ended_on, partly_on, bool(legal)), day
            )
    return {nid: found.get(nid) for nid in ids}


def status_condition(status: str, day: date) -> ColumnElement[bool]:
    """A condition on Notice: its status on *day* is *status*, by `status_of`'s rules.

    `stored_status` in SQL, over the row's own columns: a status filter is
    one statement that pages and counts from the index `ix_notice_status`
    (legal first: every status is of a legal notice), never a status
    computed for every notice. tests/unit/test_validity.py holds it to
    `status_of` over random graphs and imports.
    """
    if status not in STATUSES:
        raise ValueError(status)
    # Each part is true or false, never NULL, so that not_() keeps its meaning.
    ended = or_(
        and_(Notice.expires.is_not(None), Notice.expires <= day),
        and_(Notice.ended_on.is_not(None), Notice.ended_on <= day),
    )
    legal = Notice.legal.is_(True)
    if status == "expired":
        return and_(legal, ended)
    not_yet = and_(Notice.effective.is_not(None), Notice.effective > day)
    if status == "not_yet":
        return and_(legal, not_(ended), not_yet)
    partly = and_(Notice.partly_on.is_not(None), Notice.partly_on <= day)
    if status == "partly_expired":
        return and_(legal, not_(ended), not_(not_yet), partly)
    return and_(legal, not_(ended), not_(not_yet), not_(partly))


def ids_with_status(session: Session, status: str, day: date | None = None) -> set[str]:
    """Ids of visible notices whose status on *day* (today) is *status* (a status filter)."""
    day = day or today()
    return set(
        session.scalars(
            select(Notice.id).where(
                Notice.withdrawn.is_(False),
                Notice.has_content.is_(True),
                status_condition(status, day),
            )
        )
    )
