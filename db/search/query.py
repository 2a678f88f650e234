"""What a clerk types, parsed into words and phrases, and the FTS5 queries of each tier.

Query syntax: the word being typed is a prefix ("binh da" finds "bình
đẳng"); "quoted words" are a phrase (the last word a prefix while the quote is
still open). Anything else is text: we tokenize it ourselves and quote every
term, so no input can be FTS5 syntax or raise an error. An empty query returns
nothing.

Prefixes. The last word is a prefix while it is being typed, from its second
letter on (a single letter being typed is left out until the next one comes);
the words before it, and a last word followed by a space, match whole words,
so "ke hoach" finds "kế hoạch" and not "kết … hoạch". The index keeps no
prefix index (they were more than half its size): FTS5 would answer ``"ab"*``
by merging every matching term's whole doclist before the first row (~50 ms
for "th" in 10,000 notices), so we look the prefix up in ``search_term`` and
write it as an OR of the exact terms it stands for, which streams like any
term (~0.2 ms for the 74 terms of "th").

Abbreviations. A word that abbreviates a document type or an issuer
(`db.search.abbreviations`) also matches the words it stands for: "kh" finds
"kế hoạch", "ubnd" finds "ủy ban nhân dân", and the words of an issuer typed
in full also find its abbreviation. "kh54" is read as "kh 54".

`folded_expr`, `exact_expr`, `phrase_expr` and `compact_query` give the
expressions `db.search.ranking` looks for candidates with.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from db.folding import nfc
from db.search import abbreviations
from db.search.text import WORD, fold_text

__all__ = [
    "Group",
    "Prefixes",
    "Query",
    "Term",
    "compact_query",
    "exact_expr",
    "folded_expr",
    "issuer_runs",
    "parse",
    "phrase_expr",
    "quote",
]

MAX_TERMS = 16
#: Terms a prefix is written as, at most; beyond, FTS5 merges them itself.
MAX_EXPANSION = 160
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
    #: Folded words it also matches: what an abbreviation stands for.
    alts: tuple[str, ...] = ()


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


_CODE_NUMBER = re.compile(r"([a-z]+)(\d+)|(\d+)([a-z]+)")


def _split_code(word: str, folded: str) -> list[tuple[str, str]]:
    """ "kh54" → [("kh", "kh"), ("54", "54")]: an abbreviation glued to a number."""
    m = _CODE_NUMBER.fullmatch(folded)
    if m is None or len(word) != len(folded):
        return [(word, folded)]
    code = m.group(1) or m.group(4)
    if not abbreviations.is_code(code):
        return [(word, folded)]
    cut = m.end(1) if m.group(1) else m.end(3)
    return [(word[:cut], folded[:cut]), (word[cut:], folded[cut:])]


def _terms(text: str) -> list[Term]:
    out: list[Term] = []
    for word in WORD.findall(text.casefold()):
        folded = fold_text(word)
        for piece in WORD.findall(folded):
            whole = piece == folded
            for typed, f in _split_code(word, piece) if whole else [(word, piece)]:
                out.append(Term(f, typed if typed != f and whole else None))
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
    # A prefix of one letter matches a good part of the dictionary ("k": kế,
    # khai, không…): a single letter being typed waits for the next one, or is
    # a whole word when it is all there is. Digits are numbers, never prefixes.
    if groups and not groups[-1].phrase and groups[-1].prefix:
        word = groups[-1].terms[0].folded
        if word.isdigit() or len(word) < 2:
            if len(word) < 2 and not word.isdigit() and len(groups) > 1:
                groups.pop()
            else:
                groups[-1] = Group(groups[-1].terms, phrase=False, prefix=False)
    groups = [
        Group(g.terms, g.phrase, g.prefix, abbreviations.expansions(g.terms[0].folded))
        if not g.phrase
        else g
        for g in groups
    ]
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

    The index has no prefix index: FTS5 answers ``"word"*`` by merging every
    matching term's whole doclist before it returns the first row (~50 ms
    for "th" in 10,000 notices). A few exact terms joined by OR stream
    instead, and stop at the LIMIT like any other query. A prefix typed
    without diacritics stands for the terms without them only: a word with
    them (``exact``) is always beside its folded form in the same notice.
    """

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db
        self._cache: dict[str, list[str] | None] = {}

    def terms(self, word: str) -> list[str] | None:
        """The indexed terms *word* starts, in order (None: too many, or no index)."""
        if self._db is None or not word or ord(word[-1]) >= 0x10FFFF:
            return None
        if word in self._cache:
            return self._cache[word]
        after = word[:-1] + chr(ord(word[-1]) + 1)
        plain = fold_text(word) == word
        found: list[str] = []
        rows = self._db.execute(
            "SELECT term FROM search_term WHERE term >= ? AND term < ?", (word, after)
        )
        for (term,) in rows:
            if plain and fold_text(term) != term:
                continue
            found.append(term)
            if len(found) > MAX_EXPANSION:
                break
        terms = found if len(found) <= MAX_EXPANSION else None
        self._cache[word] = terms
        return terms

    def __call__(self, word: str) -> str:
        terms = self.terms(word)
        if not terms:
            return quote(word) + "*"
        if len(terms) == 1:
            return quote(terms[0])
        return "(" + " OR ".join(quote(t) for t in terms) + ")"

    def phrase(self, words: list[str]) -> str:
        """*words* as a phrase whose last word is a prefix."""
        terms = self.terms(words[-1])
        if not terms:
            return quote(" ".join(words)) + "*"
        head = words[:-1]
        phrases = [quote(" ".join([*head, t])) for t in terms]
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _group_expr(g: Group, words: list[str], prefix: Prefixes) -> str:
    if len(words) == 1 and g.prefix:
        core = prefix(words[0])
    elif g.prefix:
        core = prefix.phrase(words)
    else:
        core = quote(" ".join(words))
    if g.alts:
        return "(" + " OR ".join([core, *(quote(a) for a in g.alts)]) + ")"
    return core


def issuer_runs(groups: tuple[Group, ...]) -> dict[int, tuple[int, str]]:
    """Where an issuer's words are typed in full: start → (word count, abbreviation)."""
    words = [g.terms[0].folded if not g.phrase else None for g in groups]
    runs: dict[int, tuple[int, str]] = {}
    for start in range(len(words)):
        for length, code in _ISSUER_WORDS.get(words[start] or "", ()):
            if tuple(words[start : start + length]) == _ISSUER_TEXT[code]:
                runs[start] = (length, code)
                break
    return runs


#: Each issuer's words, and the issuers by their first word, longest first.
_ISSUER_TEXT: dict[str, tuple[str, ...]] = {
    code: tuple(words.split()) for code, words in abbreviations.ISSUERS.items()
}
_ISSUER_WORDS: dict[str, list[tuple[int, str]]] = {}
for _code, _words in sorted(_ISSUER_TEXT.items(), key=lambda item: -len(item[1])):
    if len(_words) > 1:
        _ISSUER_WORDS.setdefault(_words[0], []).append((len(_words), _code))


def folded_expr(q: Query, prefix: Prefixes | None = None) -> str:
    """All groups, folded, as an FTS5 expression; every term quoted.

    An issuer typed in full also matches its abbreviation: "uy ban nhan dan"
    becomes ``(("uy" AND "ban" AND "nhan" AND "dan") OR "ubnd")``.
    """
    prefix = prefix or Prefixes(None)
    runs = issuer_runs(q.groups)
    parts: list[str] = []
    index = 0
    while index < len(q.groups):
        if index in runs:
            length, code = runs[index]
            words = " AND ".join(
                quote(t.folded) for g in q.groups[index : index + length] for t in g.terms
            )
            parts.append(f"(({words}) OR {quote(code)})")
            index += length
            continue
        g = q.groups[index]
        parts.append(_group_expr(g, [t.folded for t in g.terms], prefix))
        index += 1
    return " AND ".join(parts)


def exact_expr(q: Query, prefix: Prefixes | None = None) -> str:
    """Like `folded_expr`, but words typed with diacritics must match exactly."""
    prefix = prefix or Prefixes(None)
    parts = []
    for g in q.groups:
        if g.phrase:
            parts.append(_group_expr(g, [t.folded for t in g.terms], prefix))
            last = len(g.terms) - 1
            parts.extend(
                prefix(t.exact) if g.prefix and i == last else quote(t.exact)
                for i, t in enumerate(g.terms)
                if t.exact
            )
        else:
            t = g.terms[0]
            word = t.exact or t.folded
            core = prefix(word) if g.prefix else quote(word)
            if g.alts:
                core = "(" + " OR ".join([core, *(quote(a) for a in g.alts)]) + ")"
            parts.append(core)
    return " AND ".join(parts)


def compact_query(q: Query) -> str | None:
    """All the query's words run together when it has a digit: "54 kh ubnd" → 54khubnd."""
    terms = q.terms
    if not any(ch.isdigit() for t in terms for ch in t.folded):
        return None
    return "".join(t.folded for t in terms)


def phrase_expr(q: Query, prefix: Prefixes | None = None) -> str | None:
    """The query's words as one phrase, folded ("ke hoach phong" → ``"ke hoach phong"*``).

    None unless it has two words or more and no phrase of its own.
    """
    if len(q.groups) < 2 or any(g.phrase for g in q.groups):
        return None
    words = [g.terms[0].folded for g in q.groups]
    if q.groups[-1].prefix:
        return (prefix or Prefixes(None)).phrase(words)
    return quote(" ".join(words))
