"""What a query means beyond its words: a document it refers to, a time it names.

A reference is a document type (its words or abbreviation) next to a number,
in the order people say it: "ke hoach 54", "kế hoạch số 54", "kh 54",
"KH54", "qđ 1234 ubnd", "cv 312", "54/KH", and "số 54" or a lone number
for a number of any type. `Reference.level` says how well a notice's own
number (and type, and issuer) fits it.

A date phrase is "tháng 3 2023", "tháng 3 năm 2023", "03/2023", "năm 2023" or
"5/3/2023": `DatePhrase` holds its days and the query without it, for
`db.search.ranking` to use as a filter when the words do not match better
as text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from db.folding import nfc
from db.search import abbreviations
from db.search.query import MAX_QUERY_CHARS, Query
from db.search.text import WORD, fold_map

__all__ = ["DatePhrase", "Reference", "date_phrase", "number_parts", "reference"]


@dataclass(frozen=True)
class Reference:
    """A document the query names by number: its number, and what else was typed.

    *types* are the folded type names it may be ("ke hoach"), *codes* their
    abbreviations ("kh"), *issuers* the issuer abbreviations typed ("ubnd").
    An empty *types* means any type ("số 54", "54").
    """

    number: str
    types: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()

    def level(
        self, number: str | None, doc_type: str | None, issuer: str | None, title: str
    ) -> int:
        """2 when a notice's own number is this reference, 1 when only its issuer
        differs, 0 when it is another document.

        *number* is the notice's folded number ("54/kh-ubnd"), *doc_type*,
        *issuer* and *title* are folded.
        """
        parts = number_parts(number)
        if not parts or parts[0].lstrip("0") != self.number.lstrip("0"):
            return 0
        symbols = parts[1:]
        if self.types and not (
            any(code in symbols for code in self.codes)
            or (doc_type or "") in self.types
            or any(title.startswith(name) for name in self.types)
        ):
            return 0
        for code in self.issuers:
            if code not in symbols and abbreviations.ISSUERS[code] not in (issuer or ""):
                return 1
        return 2

    def mentions(self) -> tuple[str, ...]:
        """How another text cites it, folded: "54/kh", "ke hoach so 54", "ke hoach 54"."""
        out = [f"{self.number}/{code}" for code in self.codes if code != "cv"]
        for name in self.types:
            out += [f"{name} so {self.number}", f"{name} {self.number}"]
        if not self.types:
            out.append(f"so {self.number}")
        return tuple(out)


def number_parts(number: str | None) -> list[str]:
    """The words of a folded number without its compact form: "54/kh-ubnd" → 54, kh, ubnd."""
    if not number:
        return []
    return WORD.findall(number.rsplit(" ", 1)[0] if " " in number else number)


def _type_before(words: list[str], at: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The type named just before *words[at]*: (type names, codes), or None."""
    word = words[at] if at >= 0 else ""
    if word in abbreviations.DOC_TYPES:
        return abbreviations.DOC_TYPES[word], (word,)
    for name, codes in abbreviations.TYPE_NAMES.items():
        parts = name.split()
        if at + 1 >= len(parts) and words[at + 1 - len(parts) : at + 1] == parts:
            return (name,), codes
    return None


def reference(q: Query) -> Reference | None:
    """The document *q* names by number, if it names one (see the module docstring)."""
    words = [t.folded for t in q.terms]
    numbers = [i for i, w in enumerate(words) if w.isdigit()]
    found: Reference | None = None
    for at in numbers:
        before = at - 1
        said_so = before >= 0 and words[before] == "so"
        if said_so:
            before -= 1
        kind = _type_before(words, before)
        after = at + 1
        if kind is None and after < len(words) and words[after] in abbreviations.DOC_TYPES:
            kind = abbreviations.DOC_TYPES[words[after]], (words[after],)
            after += 1
        issuers = []
        while after < len(words) and words[after] in abbreviations.ISSUERS:
            issuers.append(words[after])
            after += 1
        if kind is not None:
            return Reference(words[at], kind[0], kind[1], tuple(issuers))
        if found is None and (said_so or issuers or len(words) == 1):
            found = Reference(words[at], issuers=tuple(issuers))
    return found


@dataclass(frozen=True)
class DatePhrase:
    """The days a query names, and the query's text without them."""

    start: date
    end: date
    rest: str
    words: str


_YEAR = r"((?:19|20)\d\d)"
_DATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"(?:\bngay\s+)?\b(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}\b")),
    ("month", re.compile(rf"\bthang\s+(\d{{1,2}})(?:\s*[/.-]\s*|\s+(?:nam\s+)?){_YEAR}\b")),
    ("month", re.compile(rf"\b(\d{{1,2}})\s*[/.-]\s*{_YEAR}\b")),
    ("year", re.compile(rf"\bnam\s+{_YEAR}\b")),
)


def date_phrase(query: str) -> DatePhrase | None:
    """The first date phrase of *query*, if any (see the module docstring)."""
    typed = nfc(query[:MAX_QUERY_CHARS]).casefold()
    text, starts = fold_map(typed)
    for kind, pattern in _DATES:
        m = pattern.search(text)
        if m is None:
            continue
        values = [int(g) for g in m.groups()]
        try:
            if kind == "day":
                start = end = date(values[2], values[1], values[0])
            elif kind == "month":
                month, year = values
                start = date(year, month, 1)
                end = date(year, month, calendar.monthrange(year, month)[1])
            else:
                start, end = date(values[0], 1, 1), date(values[0], 12, 31)
        except ValueError:  # "tháng 13", "31/2/2023": words, not a date
            continue
        # The rest is cut from the text as typed, diacritics and all.
        cut_start, cut_end = (
            (m.start(), m.end()) if starts is None else (starts[m.start()], starts[m.end()])
        )
        rest = typed[:cut_start] + " " + typed[cut_end:]
        return DatePhrase(start, end, rest, m.group(0))
    return None
