"""Validity as of a day, and relations in both directions, over hand-made and random graphs."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import count
from pathlib import Path
from typing import cast
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import queries, validity
from db.archive import Archive, open_archive
from db.records import RELATIONS, NoticeRecord
from db.validity import (
    ENDING,
    PARTIAL,
    STATUSES,
    Edge,
    Node,
    links_of,
    standing_of,
    status_of,
    stored_status,
)
from tests.helpers.notices import BASE_TIME, apply, notice, withdrawal

DAY = date(2024, 6, 1)


def status(node: Node, incoming: Sequence[tuple[str, Node]] = (), day: date = DAY) -> str | None:
    found = status_of(node, incoming, day)
    return None if found is None else found.status


# -- the rules, by hand ----------------------------------------------------------------------


def test_news_has_no_status() -> None:
    assert status(Node("tin-1", issued=date(2024, 1, 1))) is None
    # A relation toward it from a notice the archive lacks says nothing either.
    assert status(Node("tin-1"), [("replaces", Node("x", present=False))]) is None


def test_not_yet_in_force_then_in_force_then_expired() -> None:
    node = Node("qd-1", effective=date(2024, 7, 1), expires=date(2025, 1, 1))
    assert status(node) == "not_yet"
    later = status_of(node, [], date(2024, 7, 1))
    assert later is not None and (later.status, later.since) == ("in_force", date(2024, 7, 1))
    # `expires` is the first day out of force.
    gone = status_of(node, [], date(2025, 1, 1))
    assert gone is not None and (gone.status, gone.since, gone.because) == (
        "expired",
        date(2025, 1, 1),
        (),
    )


def test_replaced_only_once_the_new_one_takes_effect() -> None:
    old = Node("kh-1", effective=date(2023, 1, 1))
    new = Node("kh-2", effective=date(2024, 7, 1), relates=True)
    assert status(old, [("replaces", new)]) == "in_force"
    found = status_of(old, [("replaces", new)], date(2024, 7, 1))
    assert found is not None
    assert (found.status, found.since) == ("expired", date(2024, 7, 1))
    assert [(b.relation, b.id) for b in found.because] == [("replaced_by", "kh-2")]


def test_a_withdrawn_replacement_ends_nothing() -> None:
    old = Node("kh-1", effective=date(2023, 1, 1))
    gone = Node("kh-2", effective=date(2024, 1, 1), present=False)
    assert status(old, [("replaces", gone)]) == "in_force"


def test_one_notice_may_both_replace_and_repeal_another() -> None:
    old = Node("qd-1", issued=date(2023, 1, 1))
    new = Node("qd-2", issued=date(2023, 1, 1), relates=True)
    found = status_of(old, [("replaces", new), ("repeals", new)], date(2023, 1, 1))
    assert found is not None
    assert [(b.relation, b.id) for b in found.because] == [
        ("repealed_by", "qd-2"),
        ("replaced_by", "qd-2"),
    ]


def test_partly_repealed_and_amended() -> None:
    qd = Node("qd-1", issued=date(2023, 1, 1), effective=date(2023, 1, 15))
    amending = Node("qd-2", issued=date(2024, 2, 1))
    partial = Node("qd-3", issued=date(2024, 3, 1))
    assert status(qd, [("amends", amending)]) == "in_force"
    found = status_of(qd, [("amends", amending), ("partly_repeals", partial)], DAY)
    assert found is not None and found.status == "partly_expired"
    assert [(b.relation, b.id) for b in found.because] == [("partly_repealed_by", "qd-3")]
    assert found.since == date(2024, 3, 1)


def test_starting_day_falls_back_to_issue_then_posting() -> None:
    assert Node("a", effective=date(2024, 1, 2), issued=date(2024, 1, 1)).starts == date(2024, 1, 2)
    assert Node("a", issued=date(2024, 1, 1), posted=date(2024, 1, 3)).starts == date(2024, 1, 1)
    assert Node("a", posted=date(2024, 1, 3)).starts == date(2024, 1, 3)


def test_links_show_both_directions_and_missing_targets() -> None:
    nodes = {
        "b": Node("b", title="B"),
        "c": Node("c", title="C", effective=date(2024, 2, 1)),
    }
    outgoing: list[Edge] = [("a", "replaces", "b"), ("a", "based_on", "missing-1")]
    incoming: list[Edge] = [("c", "amends", "a")]
    links = links_of("a", outgoing, incoming, nodes)
    assert [(link.relation, link.id, link.direction, link.title) for link in links] == [
        ("based_on", "missing-1", "out", None),
        ("amends", "c", "in", "C"),
        ("replaces", "b", "out", "B"),
    ]
    assert links[1].starts == date(2024, 2, 1)


# -- random graphs ---------------------------------------------------------------------------

IDS = [f"n{i}" for i in range(6)]
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 12, 31))


@st.composite
def graphs(draw: st.DrawFn) -> tuple[dict[str, Node], list[Edge], date]:
    nodes: dict[str, Node] = {}
    for nid in IDS:
        effective = draw(st.none() | days)
        expires = draw(st.none() | days)
        if effective is not None and expires is not None and expires <= effective:
            expires = effective + timedelta(days=draw(st.integers(1, 400)))
        nodes[nid] = Node(
            nid,
            effective=effective,
            expires=expires,
            issued=draw(st.none() | days),
            posted=draw(st.none() | days),
            present=draw(st.booleans()),
            title=nid.upper(),
        )
    edges = draw(
        st.lists(
            st.tuples(
                st.sampled_from(IDS), st.sampled_from(RELATIONS), st.sampled_from(IDS)
            ).filter(lambda e: e[0] != e[2]),
            max_size=12,
            unique=True,
        )
    )
    relating = {s for s, _r, _t in edges}
    nodes = {nid: replace(node, relates=nid in relating) for nid, node in nodes.items()}
    return nodes, edges, draw(days)


def incoming_of(nid: str, nodes: dict[str, Node], edges: list[Edge]) -> list[tuple[str, Node]]:
    return [(r, nodes[s]) for s, r, t in edges if t == nid]


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_status_is_consistent_with_the_relations(
    graph: tuple[dict[str, Node], list[Edge], date],
) -> None:
    nodes, edges, day = graph
    for nid, node in nodes.items():
        incoming = incoming_of(nid, nodes, edges)
        found = status_of(node, incoming, day)
        legal = (
            node.effective is not None
            or node.expires is not None
            or any(s == nid for s, _r, _t in edges)
            or any(src.present for _r, src in incoming)
        )
        assert (found is None) == (not legal)
        if found is None:
            continue
        assert found.status in STATUSES
        ended_by = {
            (ENDING[r], src.id)
            for r, src in incoming
            if r in ENDING and src.present and src.starts is not None and src.starts <= day
        }
        partly_by = {
            (PARTIAL[r], src.id)
            for r, src in incoming
            if r in PARTIAL and src.present and src.starts is not None and src.starts <= day
        }
        lapsed = node.expires is not None and node.expires <= day
        if lapsed or ended_by:
            assert found.status == "expired"
            assert {(b.relation, b.id) for b in found.because} == ended_by
            assert found.since is not None and found.since <= day
        elif node.effective is not None and node.effective > day:
            assert found.status == "not_yet"
        elif partly_by:
            assert found.status == "partly_expired"
            assert {(b.relation, b.id) for b in found.because} == partly_by
        else:
            assert found.status == "in_force"
        # Once out of force, always out of force.
        if found.status == "expired":
            later = status_of(node, incoming, day + timedelta(days=365))
            assert later is not None and later.status == "expired"
            assert later.since == found.since


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_every_relation_shows_on_both_ends(graph: tuple[dict[str, Node], list[Edge], date]) -> None:
    nodes, edges, _day = graph
    shown = {
        nid: links_of(
            nid,
            [e for e in edges if e[0] == nid],
            [e for e in edges if e[2] == nid],
            nodes,
        )
        for nid in nodes
    }
    for source, relation, target in edges:
        assert (
            sum(
                (link.relation, link.id, link.direction) == (relation, target, "out")
                for link in shown[source]
            )
            == 1
        )
        assert (
            sum(
                (link.relation, link.id, link.direction) == (relation, source, "in")
                for link in shown[target]
            )
            == 1
        )
    assert sum(len(links) for links in shown.values()) == 2 * len(edges)


# -- the stored standing gives the rules' status ---------------------------------------------


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_the_standing_gives_the_status_on_any_day(
    graph: tuple[dict[str, Node], list[Edge], date],
) -> None:
    nodes, edges, day = graph
    for nid, node in nodes.items():
        incoming = incoming_of(nid, nodes, edges)
        standing = standing_of(node, incoming)
        # The standing holds no day: it must give the status on any day.
        for when in (day, day - timedelta(days=200), day + timedelta(days=200), date.min):
            found = status_of(node, incoming, when)
            assert stored_status(node.effective, node.expires, standing, when) == (
                found.status if found is not None else None
            )


# -- the archive agrees with the rules -------------------------------------------------------

#: One step of an archive's history: a notice's version imported, or its withdrawal.
Put = tuple[str, str, Node, tuple[tuple[str, str], ...]]
Gone = tuple[str, str]


#: Few ids, so that versions, withdrawals and relations of one notice meet often.
FEW = IDS[:4]


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[list[Put | Gone]], list[date]]:
    """Bundles in the order imported: versions of the notices of IDS, and withdrawals."""
    steps: list[Put | Gone] = []
    for _ in range(draw(st.integers(1, 14))):
        nid = draw(st.sampled_from(FEW))
        if draw(st.integers(0, 4)) == 0:
            steps.append(("gone", nid))
            continue
        effective = draw(st.none() | days)
        expires = draw(st.none() | days)
        if effective is not None and expires is not None and expires <= effective:
            expires = effective + timedelta(days=draw(st.integers(1, 400)))
        node = Node(
            nid,
            effective=effective,
            expires=expires,
            issued=draw(st.none() | days),
            posted=BASE_TIME.date() + timedelta(days=draw(st.integers(0, 900))),
        )
        relations = draw(
            st.lists(st.tuples(st.sampled_from(RELATIONS), st.sampled_from(FEW)), max_size=3)
        )
        steps.append(("put", nid, node, tuple(dict.fromkeys(relations))))
    cuts: list[int] = []
    if len(steps) > 1:
        cuts = sorted(draw(st.sets(st.integers(1, len(steps) - 1), max_size=4)))
    bundles = [steps[a:b] for a, b in zip([0, *cuts], [*cuts, len(steps)], strict=True)]
    return bundles, draw(st.lists(days, min_size=1, max_size=3))


def _truth(prefix: str, steps: Sequence[Put | Gone]) -> tuple[dict[str, Node], list[Edge]]:
    """The notices held after *steps* (the last step on an id wins) and their relations."""
    latest: dict[str, Put] = {}
    present: dict[str, bool] = {}
    for step in steps:
        if step[0] == "put":
            put = cast(Put, step)
            latest[put[1]] = put
            present[put[1]] = True
        else:
            present[step[1]] = False
    edges = [
        (prefix + nid, r, prefix + t)
        for nid, (_k, _n, _node, rels) in latest.items()
        for r, t in rels
    ]
    nodes = {
        prefix + nid: replace(node, id=prefix + nid, present=present[nid], relates=bool(rels))
        for nid, (_k, _n, node, rels) in latest.items()
    }
    return nodes, edges


def _import(archive: Archive, prefix: str, bundles: list[list[Put | Gone]]) -> None:
    revision = 1000
    for bundle in bundles:
        records, gone = [], []
        for step in bundle:
            revision += 1
            if step[0] == "gone":
                gone.append(withdrawal(prefix + step[1], revision))
                continue
            _k, nid, node, rels = cast(Put, step)
            records.append(
                notice(
                    prefix + nid,
                    effective=node.effective,
                    expires=node.expires,
                    issued=node.issued,
                    days=(node.posted - BASE_TIME.date()).days if node.posted else 0,
                    revision_days=revision,
                    relations=tuple((r, prefix + t) for r, t in rels),
                )
            )
        apply(archive, records, gone)


EXAMPLES = count()


@pytest.mark.engines
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(histories())
def test_the_archive_keeps_what_the_rules_say(
    archive: Archive, history: tuple[list[list[Put | Gone]], list[date]]
) -> None:
    # Imports in random orders, updates and withdrawals: the stored standing
    # must give `status_of`'s status on any day, in the list's rows, in the
    # status filter and in the opened notice. Each example has ids of its own.
    bundles, on_days = history
    prefix = f"x{next(EXAMPLES)}-"
    _import(archive, prefix, bundles)
    nodes, edges = _truth(prefix, [step for bundle in bundles for step in bundle])
    with archive.reading() as session:
        for day in on_days:
            expected = {
                nid: status_of(
                    node, [(r, n) for r, n in incoming_of(nid, nodes, edges) if n.id != nid], day
                )
                for nid, node in nodes.items()
            }
            statuses = {k: v.status if v else None for k, v in expected.items()}
            assert validity.statuses(session, list(nodes), day) == statuses
            shown = {r.id: r.status for r in queries.summaries(session, list(nodes), day)}
            assert shown == statuses
            for nid in nodes:
                assert validity.notice_validity(session, nid, day)[0] == expected[nid]
            for status in STATUSES:
                found = validity.ids_with_status(session, status, day)
                assert {nid for nid in found if nid.startswith(prefix)} == {
                    nid for nid, node in nodes.items() if node.present and statuses[nid] == status
                }


STANDING_CASES = {
    # Imported before the notice it replaces: the late one reads what is held.
    "target_arrives_later": [
        [notice("b", effective=date(2023, 6, 1), relations=(("replaces", "a"),))],
        [notice("a", effective=date(2023, 1, 1))],
    ],
    # An update that no longer states the relation gives the old target back.
    "relation_dropped": [
        [
            notice("a", effective=date(2023, 1, 1)),
            notice("b", effective=date(2023, 6, 1), relations=(("replaces", "a"),)),
        ],
        [notice("b", effective=date(2023, 6, 1), revision_days=9)],
    ],
    # An update that moves the replacing notice's start moves the end.
    "start_moved": [
        [
            notice("a", effective=date(2023, 1, 1)),
            notice("b", effective=date(2023, 6, 1), relations=(("replaces", "a"),)),
        ],
        [notice("b", effective=date(2025, 6, 1), relations=(("replaces", "a"),), revision_days=9)],
    ],
    # A withdrawn notice ends nothing, and makes no news notice legal.
    "source_withdrawn": [
        [
            notice("a", effective=date(2023, 1, 1)),
            notice("n"),
            notice("b", effective=date(2023, 6, 1), relations=(("repeals", "a"), ("guides", "n"))),
        ],
        [withdrawal("b", 9)],
    ],
    # Published again after its withdrawal, it ends its target again.
    "source_back": [
        [
            notice("a", effective=date(2023, 1, 1)),
            notice("b", effective=date(2023, 6, 1), relations=(("partly_repeals", "a"),)),
        ],
        [withdrawal("b", 9)],
        [
            notice(
                "b",
                effective=date(2023, 6, 1),
                relations=(("partly_repeals", "a"),),
                revision_days=20,
            )
        ],
    ],
}


@pytest.mark.engines
@pytest.mark.parametrize("case", sorted(STANDING_CASES))
def test_each_import_keeps_the_standing_of_the_notices_it_touches(
    archive: Archive, case: str
) -> None:
    for bundle in STANDING_CASES[case]:
        notices = [r for r in bundle if isinstance(r, NoticeRecord)]
        apply(archive, notices, [r for r in bundle if not isinstance(r, NoticeRecord)])
    with archive.reading() as session:
        held = queries.notice_ids(session)
        for day in (date(2023, 3, 1), date(2023, 12, 31), date(2026, 1, 1)):
            stored = validity.statuses(session, ["a", "b", "n"], day)
            for nid in ("a", "b", "n"):
                found, _links = validity.notice_validity(session, nid, day)
                assert stored[nid] == (found.status if found else None), (case, nid, day)
            for status in STATUSES:
                assert validity.ids_with_status(session, status, day) == {
                    nid for nid in held if stored.get(nid) == status
                }


def _load(archive: Archive, nodes: dict[str, Node], edges: list[Edge]) -> None:
    records = []
    for nid, node in nodes.items():
        records.append(
            notice(
                nid,
                title=node.title or nid,
                effective=node.effective,
                expires=node.expires,
                issued=node.issued,
                relations=tuple((r, t) for s, r, t in edges if s == nid),
            )
        )
    apply(archive, records)
    gone = [withdrawal(nid, 400) for nid, node in nodes.items() if not node.present]
    if gone:
        apply(archive, withdrawals=gone)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_the_archive_computes_what_the_rules_say(
    graph: tuple[dict[str, Node], list[Edge], date],
) -> None:
    nodes, edges, day = graph
    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive(Path(tmp))
        try:
            _load(archive, nodes, edges)
            with archive.reading() as session:
                batch = validity.notices_validity(session, list(nodes), day)
                # In chunks of two, relations between notices of different
                # chunks are read from both sides: the same.
                with mock.patch.object(validity, "BATCH", 2):
                    assert validity.notices_validity(session, list(nodes), day) == batch
                for nid in nodes:
                    one, links = validity.notice_validity(session, nid, day)
                    assert (one, links) == batch[nid]
                    assert {(link.relation, link.id, link.direction) for link in links} == {
                        (r, t, "out") for s, r, t in edges if s == nid
                    } | {(r, s, "in") for s, r, t in edges if t == nid}
                # The list's rows read it from their own columns: the same.
                shown = {r.id: r.status for r in queries.summaries(session, list(nodes), day)}
                assert shown == {n: v.status if v else None for n, (v, _l) in batch.items()}
                # The status filter is SQL of its own: it must pick what the rules say.
                filtered = {
                    status: validity.ids_with_status(session, status, day) for status in STATUSES
                }
        finally:
            archive.close()
    # Every notice was posted on the factory's day.
    stored = {nid: replace(node, posted=BASE_TIME.date()) for nid, node in nodes.items()}
    for nid in nodes:
        assert batch[nid][0] == status_of(stored[nid], incoming_of(nid, stored, edges), day)
    for status in STATUSES:
        assert filtered[status] == {
            nid
            for nid, (found, _l) in batch.items()
            if nodes[nid].present and found is not None and found.status == status
        }


def test_list_rows_and_the_status_filter(archive: Archive) -> None:
    apply(
        archive,
        [
            notice("kh-1", effective=date(2023, 1, 1), number="1/KH"),
            notice("kh-2", effective=date(2024, 1, 1), relations=(("replaces", "kh-1"),)),
            notice("qd-3", effective=date(2025, 1, 1), urgency="khan"),
            notice("tin-4"),
        ],
    )
    with archive.reading() as session:
        rows = {r.id: r for r in queries.summaries(session, ["kh-1", "kh-2", "qd-3", "tin-4"])}
        assert rows["qd-3"].urgency == "khan"
        assert rows["tin-4"].status is None
        assert validity.ids_with_status(session, "expired", DAY) == {"kh-1"}
        assert validity.ids_with_status(session, "in_force", DAY) == {"kh-2"}
        assert validity.ids_with_status(session, "not_yet", DAY) == {"qd-3"}
        detail = queries.get_notice(session, "kh-1", as_of=date(2023, 12, 31))
    assert detail is not None and detail.validity is not None
    assert detail.validity.status == "in_force"


def test_the_window_operations(archive: Archive) -> None:
    from desktop.ops import validity as ops

    apply(
        archive,
        [
            notice("kh-1", effective=date(2023, 1, 1)),
            notice("kh-2", effective=date(2024, 1, 1), relations=(("replaces", "kh-1"),)),
        ],
    )
    assert ops.notices_with_status(archive, "expired", DAY) == {"kh-1"}
    with pytest.raises(ValueError):
        ops.notices_with_status(archive, "gone", DAY)
    found, links = ops.notice_validity(archive, "kh-1", DAY)
    assert found is not None and found.status == "expired"
    assert [(link.relation, link.id, link.direction) for link in links] == [
        ("replaces", "kh-2", "in")
    ]
