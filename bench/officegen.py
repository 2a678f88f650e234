"""The bundle format v2 fields of the benchmark's notices: validity, relations, deadlines, urgency.

`draw(index, seed, published, doc_type)` gives notice *index* its
office fields from a generator of its own, seeded with (seed, index,
"office"), so adding them left every other field of the corpus as it was
and one notice can still be made again alone. Shares, by document type:

- decisions, plans, directives and resolutions (30% of notices): 90% state
  `effective` (the day posted, or up to 45 days later), a quarter of those
  `expires` (six months to three years on); 30% state relations toward
  earlier documents of these types (replaces, amends, based_on, repeals,
  partly_repeals, guides, corrects: 1–2 kinds, 1–2 notices each), and 1 in
  30 of the targets is a document the archive does not hold;
- dispatches (công văn) carry a deadline 30% of the time and an urgency
  mark 6% of the time (khẩn, thượng khẩn, hỏa tốc: 60/30/10); notices
  (thông báo) a deadline 15%; plans and directives a report deadline 20%;
- news, schedules and procedures: none.

Validity and deadlines are reckoned as of `AS_OF`, the corpus's last day,
so that some notices are not yet in force and some deadlines still ahead
on any machine, on any day the bench runs.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

#: The corpus's last day (bench/generate.py's START + SPAN_DAYS): the day the bench reckons.
AS_OF = date(2023, 12, 31)

NORMATIVE = frozenset({"Quyết định", "Kế hoạch", "Chỉ thị", "Nghị quyết"})
#: Relation kinds a normative notice states, weighted.
KINDS = (
    ("replaces", 30),
    ("based_on", 25),
    ("amends", 20),
    ("partly_repeals", 10),
    ("repeals", 8),
    ("guides", 5),
    ("corrects", 2),
)
URGENCY = (("khan", 60), ("thuong-khan", 30), ("hoa-toc", 10))
#: How far back a relation's target is looked for, in notices.
REACH = 3000


@dataclass(frozen=True)
class OfficeFields:
    """One notice's v2 fields, as its source file states them."""

    effective: date | None = None
    expires: date | None = None
    deadline: date | None = None
    urgency: str | None = None
    #: (relation, target ids) in the order written.
    relations: tuple[tuple[str, tuple[str, ...]], ...] = ()


#: The document type of another notice of the corpus, by index (generate.doc_type_of).
TypeOf = Callable[[int], str | None]


def _targets(rng: random.Random, index: int, type_of: TypeOf, wanted: int) -> tuple[str, ...]:
    found: list[str] = []
    for _ in range(wanted * 8):
        if len(found) == wanted:
            break
        if rng.random() < 1 / 30:
            found.append(f"tw-{rng.randrange(10**6):06d}")  # a central document not held
            continue
        j = index - rng.randint(1, min(index, REACH))
        if type_of(j) in NORMATIVE:
            found.append(f"vb-{j:06d}")  # generate.notice_id
    return tuple(dict.fromkeys(found))


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def draw(
    index: int, seed: int, published: datetime, doc_type: str | None, type_of: TypeOf
) -> OfficeFields:
    """The v2 fields of notice *index* for *seed*, published at *published*.

    Relations point to earlier notices that *type_of* says are normative.
    """
    if doc_type is None:
        return OfficeFields()
    rng = random.Random(f"{seed}:{index}:office")
    day = published.date()
    effective = expires = deadline = None
    urgency = None
    relations: list[tuple[str, tuple[str, ...]]] = []
    if doc_type in NORMATIVE:
        if rng.random() < 0.9:
            effective = day + timedelta(days=rng.choice((0, 0, 0, 1, 3, 7, 10, 15, 30, 45)))
            if rng.random() < 0.25:
                expires = effective + timedelta(days=rng.randint(180, 3 * 365))
        if index > 0 and rng.random() < 0.3:
            kinds = dict.fromkeys(_weighted(rng, KINDS) for _ in range(rng.randint(1, 2)))
            for kind in kinds:
                targets = _targets(rng, index, type_of, rng.randint(1, 2))
                if targets:
                    relations.append((kind, targets))
        if doc_type in ("Kế hoạch", "Chỉ thị") and rng.random() < 0.2:
            deadline = (effective or day) + timedelta(days=rng.randint(15, 90))
    elif doc_type == "Công văn":
        if rng.random() < 0.3:
            deadline = day + timedelta(days=rng.randint(5, 45))
        if rng.random() < 0.06:
            urgency = _weighted(rng, URGENCY)
    elif doc_type == "Thông báo" and rng.random() < 0.15:
        deadline = day + timedelta(days=rng.randint(5, 45))
    return OfficeFields(effective, expires, deadline, urgency, tuple(relations))


def front_matter(fields: OfficeFields) -> list[str]:
    """The front-matter lines of *fields* (none when the notice has none)."""
    lines = []
    for key in ("effective", "expires", "deadline"):
        value = getattr(fields, key)
        if value is not None:
            lines.append(f"{key}: '{value.isoformat()}'")
    if fields.urgency:
        lines.append(f"urgency: {fields.urgency}")
    if fields.relations:
        kinds = ", ".join(f"{kind}: [{', '.join(ids)}]" for kind, ids in fields.relations)
        lines.append(f"relations: {{{kinds}}}")
    return lines
