"""The words of a notice's validity, urgency and relations, shared by the article and print.

Qt-free. The labels are vbpl.vn's, from desktop/messages; the window's
list and its "Lược đồ" view can use the same functions. The words of a
status and an urgency alone are desktop/render/statuswords.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.messages import text
from desktop.render.dates import short_date

if TYPE_CHECKING:
    from db.records import NoticeDetail, RelationLink

#: The statuses that show a banner, and their sentence.
_BANNERS = {"expired": "banner_expired", "partly_expired": "banner_partly"}
_BECAUSE_BANNER = {"replaced_by": "banner_replaced", "repealed_by": "banner_repealed"}
_BECAUSE_RELATION = {
    "replaced_by": "replaces",
    "repealed_by": "repeals",
    "partly_repealed_by": "partly_repeals",
}


#: "Sở Giáo dục và Đào tạo tỉnh Sơn Hà": a body, then the locality whose people's committee
#: governs it. Lower-case place words only, so that "Xã hội" in a name is never one.
_GOVERNED = re.compile(r"^(?P<body>.+?) (?P<place>(?:tỉnh|thành phố|thị xã|huyện|quận) \S.*)$")
#: The committee and council themselves, which no other body governs.
_COMMITTEES = re.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\b", re.I
)
#: "Văn phòng UBND": under the committee's line, the office is simply "Văn phòng".
_OWN_COMMITTEE = re.compile(r" (?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)$", re.I)


def issuer_lines(issuer: str) -> tuple[str, str]:
    """The governing body and the issuing body, as Decree 30/2020 heads a document.

    "Sở Giáo dục và Đào tạo tỉnh Sơn Hà" → ("UBND tỉnh Sơn Hà", "Sở Giáo dục và Đào
    tạo"); a people's committee, or a name without a locality, stays whole: ("", issuer).
    """
    found = _GOVERNED.match(" ".join(issuer.split()))
    if found is None or _COMMITTEES.match(found["body"]):
        return "", issuer
    body = _OWN_COMMITTEE.sub("", found["body"])
    return f"UBND {found['place']}", body


def relation_label(relation: str, direction: str, lang: str = "vi") -> str:
    """The group heading: "Văn bản bị thay thế" (out) / "Văn bản thay thế" (in)…"""
    return text(f"rel_{relation}_{direction}", lang)


def link_name(link: RelationLink, lang: str = "vi") -> str:
    """How a related notice is named: "Kế hoạch số 468/KH-SGDĐT", else its title, else its id."""
    if link.number and link.doc_type:
        return text("relation_named", lang, type=link.doc_type, number=link.number)
    return link.number or link.title or link.id


@dataclass(frozen=True)
class Banner:
    """A sentence above an out-of-force notice, and the notices it names (id, name)."""

    status: str
    sentence: str
    links: tuple[tuple[str, str], ...] = ()


def banner(notice: NoticeDetail, lang: str = "vi") -> Banner | None:
    """The banner for an expired or partly expired notice, or for one not yet in force.

    "Văn bản này đã hết hiệu lực từ ngày … — bị thay thế bởi …".
    """
    found = notice.validity
    if found is None:
        return None
    if found.status == "not_yet":
        if notice.effective is None:
            return None
        return Banner("not_yet", text("banner_not_yet", lang, day=short_date(notice.effective)))
    if found.status not in _BANNERS or found.since is None:
        return None
    day = short_date(found.since)
    names = {
        (link.id, _BECAUSE_RELATION.get(b.relation)): link_name(link, lang)
        for link in notice.relations
        if link.direction == "in"
        for b in found.because
        if b.id == link.id
    }
    links = tuple(
        (b.id, names.get((b.id, _BECAUSE_RELATION.get(b.relation)), b.id)) for b in found.because
    )
    key = _BANNERS[found.status]
    if found.status == "expired" and found.because:
        key = _BECAUSE_BANNER.get(found.because[0].relation, key)
        # One sentence names one kind of reason: the first, and every notice of that kind.
        links = tuple(
            pair
            for pair, b in zip(links, found.because, strict=True)
            if b.relation == found.because[0].relation
        )
    by = ", ".join(name for _id, name in links)
    return Banner(found.status, text(key, lang, day=day, by=by), links)


@dataclass(frozen=True)
class RelationGroup:
    """One heading of the "Lược đồ" view and its notices."""

    relation: str
    direction: str
    label: str
    links: tuple[RelationLink, ...]


def relation_groups(notice: NoticeDetail, lang: str = "vi") -> list[RelationGroup]:
    """The notice's relations grouped under vbpl.vn's headings, in the format's order."""
    from db.records import RELATIONS  # a notice is open: the records are loaded

    groups: list[RelationGroup] = []
    for relation in RELATIONS:
        for direction in ("out", "in"):
            links = tuple(
                link
                for link in notice.relations
                if link.relation == relation and link.direction == direction
            )
            if links:
                groups.append(
                    RelationGroup(
                        relation, direction, relation_label(relation, direction, lang), links
                    )
                )
    return groups


def link_text(link: RelationLink, lang: str = "vi") -> str:
    """A related notice in a list: its title (from the day it takes effect, for a
    replacing or repealing one), or its id for a notice the archive lacks."""
    if link.title is None:
        return text("relation_missing", lang, id=link.id)
    name = f"{link.number} — {link.title}" if link.number else link.title
    if link.direction == "in" and link.relation in _BECAUSE_RELATION.values() and link.starts:
        return text("relation_since", lang, name=name, day=short_date(link.starts))
    return name
