"""Bundle format v2's fields: validity, signer, urgency, deadline, recipients, relations.

One module holds both sides, so that the source folder and the bundle agree:
`from_front_matter` checks what a publisher wrote (each problem a sentence
from desktop/messages naming the file, the line and the expected form),
`from_json` checks what a bundle carries, and `to_json` writes it. A notice
that uses none of these fields is written exactly as in version 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from db.folding import nfc
from db.records import RELATIONS, URGENCIES, NoticeRecord, Signer

#: Front-matter keys, which are also the notice object's keys in a bundle.
FIELDS = (
    "effective",
    "expires",
    "signer",
    "field",
    "urgency",
    "deadline",
    "recipients",
    "relations",
)
SIGNER_KEYS = ("authority", "title", "name")
MAX_SHORT = 300
MAX_RECIPIENTS = 100
MAX_RELATIONS = 1000
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}\Z")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

#: Reports one problem: (front-matter key, line hint, catalog code, parameters).
Report = Callable[..., None]


class FieldError(ValueError):
    """A v2 field in a bundle breaks the format; `code` and `params` name the catalog's reason."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# -- writing ------------------------------------------------------------------------------


def to_json(rec: NoticeRecord) -> dict[str, Any]:
    """The v2 fields *rec* uses, as the notice object carries them; empty for a v1 notice."""
    out: dict[str, Any] = {}
    if rec.effective is not None:
        out["effective"] = rec.effective.isoformat()
    if rec.expires is not None:
        out["expires"] = rec.expires.isoformat()
    if rec.signer is not None:
        signer = {"title": rec.signer.title, "name": rec.signer.name}
        if rec.signer.authority:
            signer["authority"] = rec.signer.authority
        out["signer"] = signer
    if rec.sector:
        out["field"] = rec.sector
    if rec.urgency:
        out["urgency"] = rec.urgency
    if rec.deadline is not None:
        out["deadline"] = rec.deadline.isoformat()
    if rec.recipients:
        out["recipients"] = list(rec.recipients)
    if rec.relations:
        grouped: dict[str, list[str]] = {}
        for relation, target in rec.relations:
            grouped.setdefault(relation, []).append(target)
        out["relations"] = grouped
    return out


# -- reading a bundle ---------------------------------------------------------------------


def _fail(code: str, **params: Any) -> None:
    raise FieldError(code, **params)


def _json_date(data: dict[str, Any], key: str) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        _fail("detail_not_date", field=key)
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        _fail("detail_not_date", field=key)
    raise AssertionError("unreachable")


def _json_text(value: Any, where: str, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if (
        not isinstance(value, str)
        or not value.strip()
        or len(value) > MAX_SHORT
        or "\x00" in value
        or "\n" in value
    ):
        _fail("detail_v2_line", field=where, limit=MAX_SHORT)
    try:
        str(value).encode("utf-8")
    except UnicodeEncodeError:
        _fail("detail_not_unicode", field=where)
    return nfc(str(value)).strip()


def from_json(data: dict[str, Any], notice_id: str) -> dict[str, Any]:
    """The v2 fields of a notice object, as NoticeRecord keyword arguments.

    Raises FieldError. A field that is absent or null is not set.
    """
    effective = _json_date(data, "effective")
    expires = _json_date(data, "expires")
    deadline = _json_date(data, "deadline")
    if effective is not None and expires is not None and expires <= effective:
        _fail("detail_v2_expires_first")
    signer = None
    raw_signer = data.get("signer")
    if raw_signer is not None:
        if not isinstance(raw_signer, dict) or set(raw_signer) - set(SIGNER_KEYS):
            _fail("detail_v2_signer")
        signer = Signer(
            title=str(_json_text(raw_signer.get("title"), "signer.title")),
            name=str(_json_text(raw_signer.get("name"), "signer.name")),
            authority=_json_text(raw_signer.get("authority"), "signer.authority", required=False),
        )
    sector = _json_text(data.get("field"), "field", required=False)
    urgency = data.get("urgency")
    if urgency is not None and urgency not in URGENCIES:
        _fail("detail_v2_urgency", choices=", ".join(URGENCIES))
    recipients: list[str] = []
    raw_recipients = data.get("recipients")
    if raw_recipients is not None:
        if not isinstance(raw_recipients, list) or not 0 < len(raw_recipients) <= MAX_RECIPIENTS:
            _fail("detail_v2_recipients", limit=MAX_RECIPIENTS)
        recipients = [str(_json_text(r, "recipients")) for r in raw_recipients]
    relations: list[tuple[str, str]] = []
    raw_relations = data.get("relations")
    if raw_relations is not None:
        if not isinstance(raw_relations, dict) or not raw_relations:
            _fail("detail_v2_relations")
        for relation, targets in raw_relations.items():
            if relation not in RELATIONS:
                _fail("detail_v2_relation_unknown", relation=str(relation)[:40])
            if (
                not isinstance(targets, list)
                or not targets
                or not all(isinstance(t, str) and ID_RE.match(t) for t in targets)
                or len(set(targets)) != len(targets)
            ):
                _fail("detail_v2_relation_ids", relation=relation)
            if notice_id in targets:
                _fail("detail_v2_relation_self", relation=relation)
            relations.extend((relation, t) for t in targets)
        if len(relations) > MAX_RELATIONS:
            _fail("detail_v2_relations_many", limit=MAX_RELATIONS)
    return {
        "effective": effective,
        "expires": expires,
        "signer": signer,
        "sector": sector,
        "urgency": urgency,
        "deadline": deadline,
        "recipients": tuple(recipients),
        "relations": _display_order(relations),
    }


def _display_order(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Relations in RELATIONS order, each relation's ids as written."""
    return tuple(sorted(pairs, key=lambda pair: RELATIONS.index(pair[0])))


# -- reading a source file ----------------------------------------------------------------


def _show(value: Any) -> str:
    shown = repr(value) if not isinstance(value, str) else f"«{value}»"
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _source_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise ValueError("a date, not a time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and DATE_RE.match(value.strip()):
        return date.fromisoformat(value.strip())
    raise ValueError("not a date")


def _source_text(value: Any) -> str | None:
    """*value* as one line of text, or None when it is not acceptable."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    result = nfc(str(value)).strip()
    if not result or len(result) > MAX_SHORT or "\x00" in result or "\n" in result:
        return None
    return result


def from_front_matter(meta: dict[str, Any], report: Report) -> dict[str, Any]:
    """The v2 fields of a source file's front matter, as NoticeRecord keyword arguments.

    Calls `report(key, child, code, **params)` for each problem, with *key*
    the front-matter field and *child* the nested key (or None) whose line
    to name. What is wrong is left unset.
    """
    out: dict[str, Any] = {}
    for key in ("effective", "expires", "deadline"):
        if meta.get(key) is None:
            continue
        try:
            out[key] = _source_date(meta[key])
        except (ValueError, TypeError):
            report(key, None, "src_bad_date", field=key, value=_show(meta[key]))
    if "effective" in out and "expires" in out and out["expires"] <= out["effective"]:
        report(
            "expires",
            None,
            "src_date_order",
            expires=out["expires"].isoformat(),
            effective=out["effective"].isoformat(),
        )
        del out["expires"]

    raw_signer = meta.get("signer")
    if raw_signer is not None:
        signer = _source_signer(raw_signer, report)
        if signer is not None:
            out["signer"] = signer

    if meta.get("field") is not None:
        sector = _source_text(meta["field"])
        if sector is None:
            report("field", None, "src_bad_text", field="field", limit=MAX_SHORT)
        else:
            out["sector"] = sector

    urgency = meta.get("urgency")
    if urgency is not None:
        if urgency in URGENCIES:
            out["urgency"] = urgency
        else:
            report("urgency", None, "src_bad_urgency", value=_show(urgency))

    raw_recipients = meta.get("recipients")
    if raw_recipients is not None:
        names = (
            [_source_text(r) for r in raw_recipients] if isinstance(raw_recipients, list) else []
        )
        if not names or None in names or len(names) > MAX_RECIPIENTS:
            report("recipients", None, "src_bad_recipients", limit=MAX_SHORT, count=MAX_RECIPIENTS)
        else:
            out["recipients"] = tuple(str(n) for n in names)

    raw_relations = meta.get("relations")
    if raw_relations is not None:
        relations = _source_relations(raw_relations, meta.get("id"), report)
        if relations is not None:
            out["relations"] = relations
    return out


def _source_signer(raw: Any, report: Report) -> Signer | None:
    if not isinstance(raw, dict):
        report("signer", None, "src_bad_signer")
        return None
    unknown = [str(k) for k in raw if k not in SIGNER_KEYS]
    if unknown:
        report("signer", unknown[0], "src_bad_signer")
        return None
    parts: dict[str, str | None] = {}
    for key in SIGNER_KEYS:
        value = raw.get(key)
        if value is None and key == "authority":
            parts[key] = None
            continue
        parts[key] = _source_text(value)
        if parts[key] is None:
            report("signer", key, "src_bad_signer")
            return None
    return Signer(title=str(parts["title"]), name=str(parts["name"]), authority=parts["authority"])


def _source_relations(raw: Any, own_id: Any, report: Report) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(raw, dict):
        report("relations", None, "src_bad_relations")
        return None
    pairs: list[tuple[str, str]] = []
    ok = True
    for relation, targets in raw.items():
        if relation not in RELATIONS:
            report("relations", str(relation), "src_bad_relation_kind", relation=_show(relation))
            ok = False
            continue
        if isinstance(targets, str):
            targets = [targets]  # "replaces: kh-54-2023" means a list of one
        if targets is None or targets == []:
            continue
        if not isinstance(targets, list) or not all(
            isinstance(t, str) and ID_RE.match(t) for t in targets
        ):
            report("relations", relation, "src_bad_relation_ids", relation=relation)
            ok = False
            continue
        if own_id in targets:
            report("relations", relation, "src_self_relation", relation=relation)
            ok = False
            continue
        pairs.extend((relation, t) for t in dict.fromkeys(targets))
    if len(pairs) > MAX_RELATIONS:
        report("relations", None, "src_too_many", field="relations", limit=MAX_RELATIONS)
        return None
    return _display_order(pairs) if ok else None
