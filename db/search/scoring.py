"""How well one notice fits a query: its tier, and its relevance inside the tier.

`db.search.ranking` finds a few hundred candidates cheaply and asks this
module to score each from its short fields (title, number, issuer and type)
and the start of its body. Nothing here reads more than `BODY_CHARS` of a
body, so a score costs the same for a short notice and for a long one.

Tiers, best first (a notice is in the first that fits). A notice's heading
is what the head of an official document shows: its title, type, number
and issuer.

    8  its own number is the document referred to ("kế hoạch 54": 54/KH-…)
    7  the same, but another issuer than the one typed
    6  its number, compact, equals the query's ("54 kh ubnd" → 54khubnd)
    5  its number starts with it ("54" → 540/KH-UBND)
    3  every word in its heading, those typed with diacritics exactly
    2  every word anywhere, those typed with diacritics exactly
    1  every word (folded) in its heading
    0  every word (folded) anywhere
   -1  all words but one (only looked for when few notices have them all)

Relevance inside a tier adds up, each part in [0, 1] times its weight: the
share of the query's words in the title (3) and in the type, number and
issuer (1.5); the share of pairs of neighbouring query words that stand side
by side in the title (2); the words (1.5) and pairs (1) in the summary; the
words (1) and pairs (1.5) in the body; and 3 when the body cites the
document referred to. A body that says the query's words together is about
them; one that holds them apart only uses them. The sum is rounded to
hundredths, so notices that differ by little are equals, and equals are
ordered newest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from db.search.intent import Reference
from db.search.query import Query
from db.search.query import issuer_runs as _issuer_runs
from db.search.text import exact_words

__all__ = ["BODY_CHARS", "Fields", "Scorer", "Unit", "units"]

#: The most of a body a score reads: its opening says what it is about.
BODY_CHARS = 3_000

# Everything but letters and digits becomes a space: fields and queries are
# compared as " word word " strings, which `in` searches at C speed.
_SEPARATORS = re.compile(r"[\W_]+")
# Folded text is nearly always ASCII: as bytes, one translate costs a tenth
# of the regular expression, or of split and join.
_ASCII_SEPARATORS = bytes(c if chr(c).isalnum() else 32 for c in range(256))


def _norm(text: str) -> str:
    """*text* as the words a query is compared with: " word word ", where
    two replaces leave each run of L spaces (", " and " - " leave them) as
    ceil(L / 4). Only the query's own strings are made so: a field is only
    `_spaced`, and `_finder` looks for these in it."""
    return _fold_runs(_spaced(text))


def _spaced(text: str) -> str:
    """*text* with every separator a space, and a space at each end."""
    if text.isascii():
        return " " + text.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii") + " "
    return " " + _SEPARATORS.sub(" ", text).strip() + " "


def _fold_runs(spaced: str) -> str:
    # Not the two end spaces: `_spaced` adds them to the text's own.
    if len(spaced) <= 2:
        return spaced
    return " " + spaced[1:-1].replace("  ", " ").replace("  ", " ") + " "


def _plain(needle: str) -> bool:
    """Whether *needle* is one word with at most a space at each end: in a
    `_spaced` text just as `in` finds it."""
    core = needle.strip(" ")
    lead = len(needle) - len(needle.lstrip(" "))
    return bool(core) and " " not in core and lead <= 1 and len(needle) - len(core) - lead <= 1


def _finder(needle: str) -> Callable[[str], bool]:
    """Whether a `_spaced` text holds *needle* (in `_norm`'s form) once its
    runs are folded (``needle in _norm(text)``), without folding them.

    Folding changes no letter and keeps a space where there was one: a
    needle of one word is in the text as it is. Between two words, one
    space of `_norm` is a run of one to four: a regular expression says so.
    (Two-space needles never come from a query; they fold the text.) A
    body's runs cost more to fold than its needles to look for.
    """
    if _plain(needle):
        return lambda text: needle in text
    core = needle.strip(" ")
    words = core.split(" ")
    lead = len(needle) - len(needle.lstrip(" "))
    trail = len(needle) - len(needle.rstrip(" "))
    if "" in words or lead > 1 or trail > 1:
        return lambda text: needle in _fold_runs(text)
    pattern = re.compile(" " * lead + " {1,4}".join(map(re.escape, words)) + " " * trail)
    return lambda text: pattern.search(text) is not None


@dataclass(frozen=True)
class Unit:
    """One thing a notice must hold: a word, a phrase, or an issuer's words."""

    words: tuple[str, ...]
    phrase: bool
    prefix: bool
    alts: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    def needles(self) -> list[tuple[str, ...]]:
        """Each way of holding it, as " word " strings all of which must be found."""
        end = "" if self.prefix else " "
        ways: list[tuple[str, ...]]
        if self.phrase:
            ways = [(" " + " ".join(self.words) + end,)]
        else:
            last = len(self.words) - 1
            ways = [tuple(f" {w}{end if i == last else ' '}" for i, w in enumerate(self.words))]
        return ways + [(f" {alt} ",) for alt in self.alts]


def units(q: Query) -> list[Unit]:
    """The units of *q*: an issuer typed in full is one unit, with its abbreviation."""
    runs = _issuer_runs(q.groups)
    out: list[Unit] = []
    index = 0
    while index < len(q.groups):
        if index in runs:
            length, code = runs[index]
            run = q.groups[index : index + length]
            out.append(
                Unit(
                    tuple(g.terms[0].folded for g in run),
                    phrase=False,
                    prefix=run[-1].prefix,
                    alts=(code,),
                    exact=tuple(t.exact for g in run for t in g.terms if t.exact),
                )
            )
            index += length
            continue
        g = q.groups[index]
        out.append(
            Unit(
                tuple(t.folded for t in g.terms),
                phrase=g.phrase,
                prefix=g.prefix,
                alts=g.alts,
                exact=tuple(t.exact for t in g.terms if t.exact),
            )
        )
        index += 1
    return out


@dataclass(frozen=True)
class Fields:
    """What a score reads of one notice, folded (the exact words casefolded).

    Two of them an engine may give in another form, read only for a query
    typed with diacritics, and then only for the few notices that hold
    every word: *typed* instead of *exact*, whether each of the query's
    typed words (`Scorer.typed_needles`) is among the notice's marked
    words; *written_title* (the title as written) instead of
    *title_exact*, whose marked words are then found only when a score
    asks for them.
    """

    rowid: int
    title: str
    number: str
    body: str
    meta: str
    exact: str
    title_exact: frozenset[str]
    doc_type: str | None
    issuer: str | None
    summary_chars: int
    typed: tuple[bool, ...] | None = None
    written_title: str | None = None

    def title_words(self) -> frozenset[str]:
        """The title's marked words, casefolded."""
        if self.written_title is None:
            return self.title_exact
        return frozenset(exact_words(self.written_title).split())


class Scorer:
    """Scores notices against one query: `score(fields)` → (tier, relevance)."""

    def __init__(self, q: Query, ref: Reference | None, compact: str | None) -> None:
        self._units = units(q)
        ways = [u.needles() for u in self._units]
        # Most units are one word: one `in` each, no loops. The others, and
        # the pairs and mentions, which span words, through `_finder`.
        self._checks = [
            (
                w[0][0] if len(w) == 1 and len(w[0]) == 1 and _plain(w[0][0]) else None,
                [[_finder(n) for n in needles] for needles in w],
            )
            for w in ways
        ]
        self._ref = ref
        self._compact = compact
        self._mentions = [_finder(_norm(m)) for m in ref.mentions()] if ref else []
        # Words typed with diacritics: (as typed, its unit, a prefix?).
        self._typed = [
            (word, i, u.prefix and word == u.exact[-1])
            for i, u in enumerate(self._units)
            for word in u.exact
        ]
        self._marked = bool(self._typed)
        self._needles = tuple(f" {w}" if p else f" {w} " for w, _u, p in self._typed)
        # Neighbouring word units, each pair as the text they make side by side.
        self._pairs: list[Callable[[str], bool]] = []
        for a, b in zip(self._units, self._units[1:], strict=False):
            end = "" if b.prefix else " "
            self._pairs.append(_finder(f" {a.words[-1]} {b.words[0]}{end}"))

    def _holds(self, ways: list[list[Callable[[str], bool]]], text: str) -> bool:
        return any(all(found(text) for found in needles) for needles in ways)

    def _coverage(self, text: str) -> tuple[int, list[bool]]:
        found = [
            (simple in text) if simple is not None else self._holds(ways, text)
            for simple, ways in self._checks
        ]
        return found.count(True), found

    def _adjacent(self, text: str) -> float:
        if not self._pairs:
            return 0.0
        return [side_by_side(text) for side_by_side in self._pairs].count(True) / len(self._pairs)

    def typed_needles(self) -> list[str]:
        """The query's words typed with diacritics, each as it is looked for in
        a notice's marked words with a space at each end: " word " (" word"
        for a prefix). (`Fields.typed` answers these, in this order.)"""
        return list(self._needles)

    def _typed_in(self, f: Fields) -> bool:
        """Whether *f* holds every word typed with diacritics, as typed."""
        if f.typed is not None:
            # An answer for each typed word, or the notice does not hold them.
            return len(f.typed) == len(self._needles) and all(f.typed)
        # " word " in the distinct marked words, one space apart: a search of
        # the string, not a set built of it.
        everywhere = f" {f.exact} "
        return all(needle in everywhere for needle in self._needles)

    def _has(self, pool: set[str] | frozenset[str], word: str, prefix: bool) -> bool:
        return word in pool or (prefix and any(w.startswith(word) for w in pool))

    def score(self, f: Fields) -> tuple[int, float]:
        """(tier, relevance) of one notice; see the module docstring."""
        seen = self._see(f)
        return seen.tier, self._relevance(seen)

    def rank(self, notices: Iterable[Fields], need: int) -> list[tuple[int, float, int]]:
        """(tier, relevance, rowid) of the best of *notices*, best first, newest first
        among equals: at least the first *need*, or all.

        Tiers are strict: once *need* notices are in a tier or above it, the
        notices of lower tiers are never among the first *need*, and their
        relevance is not worked out.
        """
        seen = [self._see(f) for f in notices]
        tiers = sorted((s.tier for s in seen), reverse=True)
        floor = tiers[need - 1] if 0 < need <= len(tiers) else -(1 << 30)
        out = [(s.tier, self._relevance(s), s.fields.rowid) for s in seen if s.tier >= floor]
        out.sort(key=lambda s: (-s[0], -s[1], s[2]))
        return out

    def _see(self, f: Fields) -> _Seen:
        title = _spaced(f.title)
        meta = _spaced(f"{f.meta} {f.number}")
        found_title = self._coverage(title)[1]
        found_meta = self._coverage(meta)[1]
        seen = _Seen(f, title, found_title, found_meta)
        seen.tier = self._tier(seen)
        return seen

    def _relevance(self, s: _Seen) -> float:
        n = len(self._units)
        f = s.fields
        body, found_body = s.body_found(self)
        if n:
            summary = _spaced(f.body[: f.summary_chars]) if f.summary_chars else " "
            rel = (
                3 * s.found_title.count(True) / n
                + 1.5 * s.found_meta.count(True) / n
                + 2 * self._adjacent(s.title)
                + 1.5 * self._coverage(summary)[0] / n
                + self._adjacent(summary)
                + found_body.count(True) / n
                + 1.5 * self._adjacent(body)
            )
        else:
            rel = 0.0
        if self._mentions and any(cites(body) or cites(s.title) for cites in self._mentions):
            rel += 3
        return round(rel, 2)

    def _tier(self, s: _Seen) -> int:
        f = s.fields
        n = len(self._units)
        if self._ref is not None:
            level = self._ref.level(f.number, f.doc_type, f.issuer, f.title)
            if level:
                return 6 + level
        if self._compact and f.number:
            compact = f.number.rsplit(" ", 1)[-1]
            if compact == self._compact:
                return 6
            if compact.startswith(self._compact):
                return 5
        in_meta = s.found_meta
        heading = sum(a or b for a, b in zip(s.found_title, in_meta, strict=True))
        # Every word in the heading is every word anywhere: the body is only
        # read (and spaced) when the heading lacks one.
        if heading == n:
            anywhere = n
        else:
            found_body = s.body_found(self)[1]
            anywhere = sum(
                a or b or c for a, b, c in zip(s.found_title, in_meta, found_body, strict=True)
            )
        if n and anywhere == n:
            if self._marked:
                if self._typed_in(f):
                    # In the heading as written: in the title so, or written
                    # so somewhere and in the issuer, type or number folded.
                    if heading == n:
                        title = f.title_words()
                        if all(in_meta[u] or self._has(title, w, p) for w, u, p in self._typed):
                            return 3
                    return 2
            return 1 if heading == n else 0
        return -1


class _Seen:
    """One notice as a `Scorer` reads it: its spaced title, which units its
    title and heading hold, its tier, and its body once read."""

    __slots__ = ("_body", "fields", "found_meta", "found_title", "tier", "title")

    def __init__(
        self, fields: Fields, title: str, found_title: list[bool], found_meta: list[bool]
    ) -> None:
        self.fields = fields
        self.title = title
        self.found_title = found_title
        self.found_meta = found_meta
        self.tier = -1
        self._body: tuple[str, list[bool]] | None = None

    def body_found(self, scorer: Scorer) -> tuple[str, list[bool]]:
        """The spaced body and which units it holds (worked out once)."""
        if self._body is None:
            body = _spaced(self.fields.body)
            self._body = (body, scorer._coverage(body)[1])
        return self._body
