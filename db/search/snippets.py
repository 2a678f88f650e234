"""Highlighted snippets: where a query's words are in a text, and a window around them.

Snippets are built for the returned page only, from the stored original text
(Markdown stripped), with matches found in its folded form: folding Vietnamese
and Latin text changes no offsets, other text goes through an offset map. So
the highlighted words keep their original diacritics.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from db.search.query import Query, parse
from db.search.text import FOLD_TABLE, ODD, WORD_END, fold_map

__all__ = [
    "SNIPPET_CHARS",
    "highlight_terms",
    "highlight_terms_of",
    "make_snippet",
    "match_spans",
    "render_html",
]

#: The length of a snippet, without the "…" at either end.
SNIPPET_CHARS = 220
SNIPPET_LEAD = 50
#: Matches considered for the window: enough for any snippet, cheap for common words.
SNIPPET_MATCHES = 40


def highlight_terms_of(q: Query) -> list[str]:
    """The folded words of a parsed query, and what its abbreviations stand for.

    Whole words, except the word being typed, which ends in "*" (a prefix);
    longest first.
    """
    terms: dict[str, None] = {}
    for g in q.groups:
        last = len(g.terms) - 1
        for i, t in enumerate(g.terms):
            terms[t.folded + ("*" if g.prefix and i == last else "")] = None
        terms.update(dict.fromkeys(g.alts))
    return sorted(terms, key=lambda t: (-len(t.rstrip("*")), t))


def highlight_terms(query: str) -> list[str]:
    """The folded words to highlight for *query*, longest first.

    Each is a whole word, or a few ("ke hoach", for "kh"), except the word
    being typed, a prefix, which ends in "*". Pass them to `match_spans` to
    find the matches in any original text; `desktop.render.article` reads
    them the same way.
    """
    return highlight_terms_of(parse(query))


def _matches(
    text: str, terms: Sequence[str], folded: str | None = None, limit: int | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, term) of the words of *text* that are a term.

    A term ending in "*" is a prefix: the whole word it starts is matched
    (the term is given without its "*"). Gives the first *limit* only when
    *limit* is set.
    """
    if not terms or not text:
        return []
    starts: list[int] | None = None
    if ODD.search(text):
        folded, starts = fold_map(text)
    elif folded is None or len(folded) != len(text):
        folded = text.translate(FOLD_TABLE)
    # str.find per term beats one regex of alternatives scanning every position.
    by_start: dict[int, tuple[int, str]] = {}
    cap = len(folded) if limit is None else limit
    for term in terms:
        prefix = term.endswith("*")
        word = term.rstrip("*")
        if not word:
            continue
        pos, n = 0, 0
        while n < cap:
            at = folded.find(word, pos)
            if at == -1:
                break
            pos = at + 1
            if at and folded[at - 1].isalnum():
                continue
            end = at + len(word)
            # An ASCII character after the word ends it, or goes on with it:
            # no regular expression needed, as `WORD_END` would say the same.
            after = folded[end : end + 1]
            if after.isascii():
                if after.isalnum():
                    if not prefix:
                        continue
                    end = WORD_END.match(folded, end).end()  # type: ignore[union-attr]
            else:
                end = WORD_END.match(folded, end).end()  # type: ignore[union-attr]
                if not prefix and end != at + len(word):
                    continue
            if end > by_start.get(at, (-1, ""))[0]:
                by_start[at] = (end, word)
            n += 1
    found = []
    for at in sorted(by_start)[:limit]:
        end, word = by_start[at]
        if starts is None:
            found.append((at, end, word))
        else:
            found.append((starts[at], starts[end], word))
    return found


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words in *text* that are one of the folded *terms* (see `highlight_terms`)."""
    return [(s, e) for s, e, _ in _matches(text, terms)]


def make_snippet(
    text: str,
    terms: Sequence[str],
    size: int = SNIPPET_CHARS,
    *,
    prefer: Sequence[str] = (),
    folded: str | None = None,
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of *text* around its matches, and the matches' spans in it.

    The window holds the most distinct *terms*, then the most words starting
    with one of *prefer* (the words as typed with diacritics). *folded* may
    give fold_text(text) when the caller has it already.
    """
    found = _matches(text, terms, folded, SNIPPET_MATCHES)
    if not found:
        return _cut(text, 0, size, 0)[0], ()
    which = [term for _s, _e, term in found]
    typed = tuple(prefer)
    exact = [bool(typed) and text[s:e].casefold().startswith(typed) for s, e, _t in found]
    # Slide a window over the matches; j is the first match past its reach.
    # The terms in it are counted as matches come in and go out.
    best, best_key, j = 0, (0, 0), 0
    terms_in: dict[str, int] = {}
    typed_in = 0
    for i, (s, _e, _w) in enumerate(found):
        reach = s + size - SNIPPET_LEAD
        j = max(j, i)  # (an empty window when *size* is under the lead)
        while j < len(found) and found[j][0] < reach:
            terms_in[which[j]] = terms_in.get(which[j], 0) + 1
            typed_in += exact[j]
            j += 1
        key = (len(terms_in), typed_in)
        if key > best_key:
            best, best_key = i, key
        if j == i:
            continue
        left = terms_in[which[i]] - 1
        if left:
            terms_in[which[i]] = left
        else:
            del terms_in[which[i]]
        typed_in -= exact[i]
    anchor = found[best][0]
    snippet, start, end, lead = _cut(text, max(anchor - SNIPPET_LEAD, 0), size, anchor)
    shift = lead - start
    spans = tuple((s + shift, min(e, end) + shift) for s, e, _ in found if start <= s < end)
    return snippet, spans


def _cut(text: str, start: int, size: int, anchor: int) -> tuple[str, int, int, int]:
    """A word-aligned window of *text* keeping *anchor*: (snippet, start, end, lead).

    *lead* is the length of the leading "…" the snippet gets when cut.
    """
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else anchor
    end = start + size
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > anchor:
            end = space
    else:
        end = len(text)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    return lead + text[start:end] + tail, start, end, len(lead)


def render_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """*text* as escaped HTML with each span wrapped in <b>…</b>."""
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos or e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<b>" + html.escape(text[s:e]) + "</b>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)
