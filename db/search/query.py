"""What a clerk types, parsed into words and phrases, and the FTS5 queries of each tier.

Query syntax: the word being typed is a prefix ("binh da" finds "bình
đẳng"); "quoted words" are a phrase (the last word a prefix while the quote is
still open). Anything else is text: we tokenize it ourselves and quote every
term, so no input can be FTS5 syntax or raise an error. An empty query returns
nothing.

Prefixes. The last word is a prefix while it is being typed; the words
before it, and a last word followed by a space, match whole words, so "ke
hoach" finds "kế hoạch" and not "kết … hoạch". FTS5 answers ``"a"*`` to ``"abc"*`` from
its prefix indexes (prefix='1 2 3'); a longer prefix would make it merge every
matching term's whole doclist before the first row (~5 ms for a common word
in 100,000 notices), so we look the prefix up in ``search_term`` and write it
as an OR of the few exact terms it stands for, which streams like any term.

`plan` gives the tier queries `db.search.ranking` runs, best first.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from db.folding import nfc
from db.search.text import WORD, fold_text

__all__ = [
    "Group",
    "Prefixes",
    "Query",
    "Term",
    "exact_expr",
    "folded_expr",
    "parse",
    "plan",
    "quote",
]

MAX_TERMS = 16
MAX_EXPANSION = 24
MAX_QUERY_CHARS = 400

_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'


@dataclass(frozen=True)
class Term:
    """One word of a query."""

    folded: str
    exact: str | None  # the word as typed (casefolded) when it carries diacritics


@dataclass(frozen=True)
class Group:
    """One word, or the words of a phrase."""

    terms: tuple[Term, ...]
    phrase: bool
    prefix: bool


@dataclass(frozen=True)
class Query:
    """A parsed query: its groups, in the order typed."""

    groups: tuple[Group, ...]

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g.terms]

    @property
    def marked(self) -> bool:
        return any(t.exact for t in self.terms)


def _terms(text: str) -> list[Term]:
    out: list[Term] = []
    for word in WORD.findall(text.casefold()):
        folded = fold_text(word)
        for piece in WORD.findall(folded):
            out.append(Term(piece, word if word != folded and piece == folded else None))
    return out


def parse(query: str) -> Query:
    """The words and phrases of *query*; any text parses."""
    text = nfc(query[:MAX_QUERY_CHARS])
    groups: list[Group] = []
    pieces = re.split(f"[{_QUOTES}]", text)
    count = 0
    for i, piece in enumerate(pieces):
        inside = i % 2 == 1
        terms = _terms(piece)
        if not terms:
            continue
        if inside and len(terms) > 1:
            still_open = i == len(pieces) - 1
            groups.append(Group(tuple(terms[:MAX_TERMS]), phrase=True, prefix=still_open))
            count += len(terms)
        else:
            groups.extend(Group((t,), phrase=False, prefix=True) for t in terms)
            count += len(terms)
        if count >= MAX_TERMS:
            break
    groups = groups[:MAX_TERMS]
    # Only the word being typed is a prefix: "ke hoach" must not match "kết"
    # and "kém" for its first word. A query ending in a space is finished.
    finished = text[-1:].isspace()
    for index, group in enumerate(groups):
        last = index == len(groups) - 1
        if not group.phrase and group.prefix and (not last or finished):
            groups[index] = Group(group.terms, phrase=False, prefix=False)
    # A word typed twice ("đ:đ") is one word; it stays a prefix if either is.
    merged: list[Group] = []
    for group in groups:
        twin = next(
            (
                i
                for i, other in enumerate(merged)
                if not group.phrase and not other.phrase and other.terms == group.terms
            ),
            None,
        )
        if twin is None:
            merged.append(group)
        elif group.prefix:
            merged[twin] = group
    return Query(tuple(merged))


def quote(token: str) -> str:
    """*token* as an FTS5 string: never syntax."""
    return '"' + token.replace('"', '""') + '"'


class Prefixes:
    """Writes a word prefix as FTS5 terms, expanded through `search_term`.

    FTS5 answers ``"word"*`` from a prefix index when the prefix is 1 to 3
    characters long; a longer one makes it merge every matching term's whole
    doclist before it returns the first row (~5 ms for a common word in
    100,000 notices). A few exact terms joined by OR stream instead, and stop
    at the LIMIT like any other query.
    """

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        if self._db is None or len(word) <= 3 or ord(word[-1]) >= 0x10FFFF:
            return quote(word) + "*"
        expr = self._cache.get(word)
        if expr is None:
            after = word[:-1] + chr(ord(word[-1]) + 1)
            terms = [
                r[0]
                for r in self._db.execute(
                    "SELECT term FROM search_term WHERE term >= ? AND term < ? LIMIT ?",
                    (word, after, MAX_EXPANSION + 1),
                )
            ]
            if not terms or len(terms) > MAX_EXPANSION:
                expr = quote(word) + "*"
            elif len(terms) == 1:
                expr = quote(terms[0])
            else:
                expr = "(" + " OR ".join(quote(t) for t in terms) + ")"
            self._cache[word] = expr
        return expr


def _group_expr(g: Group, words: list[str], prefix: Prefixes) -> str:
    if len(words) == 1 and g.prefix:
        return prefix(words[0])
    return quote(" ".join(words)) + ("*" if g.prefix else "")


def folded_expr(q: Query, prefix: Prefixes | None = None) -> str:
    """All groups, folded, as an FTS5 expression; every term quoted."""
    prefix = prefix or Prefixes(None)
    return " AND ".join(_group_expr(g, [t.folded for t in g.terms], prefix) for g in q.groups)


def exact_expr(q: Query, prefix: Prefixes | None = None) -> str:
    """Like `folded_expr`, but words typed with diacritics must match exactly."""
    prefix = prefix or Prefixes(None)
    parts = []
    for g in q.groups:
        if g.phrase:
            parts.append(_group_expr(g, [t.folded for t in g.terms], prefix))
            last = len(g.terms) - 1
            parts.extend(
                quote(t.exact) + ("*" if g.prefix and i == last else "")
                for i, t in enumerate(g.terms)
                if t.exact
            )
        else:
            t = g.terms[0]
            word = t.exact or t.folded
            parts.append(prefix(word) if g.prefix else quote(word))
    return " AND ".join(parts)


def _compact_query(q: Query) -> str | None:
    terms = q.terms
    if not any(ch.isdigit() for t in terms for ch in t.folded):
        return None
    return "".join(t.folded for t in terms)


def plan(q: Query, prefix: Prefixes) -> list[tuple[int, str, str]]:
    """The tier queries, best first: (tier, table, MATCH expression)."""
    tiers: list[tuple[int, str, str]] = []
    compact = _compact_query(q)
    if compact:
        tiers.append((5, "search_number", quote(compact)))
        tiers.append((4, "search_number", quote(compact) + "*"))
    folded = folded_expr(q, prefix)
    if q.marked:
        exact = exact_expr(q, prefix)
        tiers.append((3, "search_title", exact))
        tiers.append((2, "search_main", exact))
    tiers.append((1, "search_title", folded))
    tiers.append((0, "search_main", folded))
    return tiers
