"""The rows of a PostgreSQL archive's search index, made from its notices' columns.

The same values as `db.search.text` gives SQLite's index (a test holds them
to it), made with fewer passes over each body, which were most of an
import's time on the client:

- a body is cut at its spaces once; each piece is folded, and its words with
  diacritics found, once an import (`_Pieces`): most pieces of a body are
  words met before, and neither folding nor casefolding reaches across a
  space. The words with diacritics are looked up for a body's distinct
  pieces only (half of its pieces), and added to the words for prefixes
  once a chunk; the text is never joined again to learn whether it is in
  NFC (`db.search.text.body_pieces_nfc`);
- the words of folded ASCII text, which the tsvectors are made of, are the
  text with every other character made a space: one ``translate`` instead of
  a regular expression and a join. ``to_tsvector`` counts words, not
  spaces, so the tsvector is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any
from unicodedata import is_normalized

from db.folding import nfc
from db.search.schema import published_ts
from db.search.text import WORD, fold_text, marked_words, number_column, opt_fold
from db.search.text import body_pieces_nfc as text_pieces

__all__ = ["columns"]

#: ASCII letters and digits kept, every other ASCII character a space.
_SPACES = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
#: The bytes of a word a tsvector cannot hold, and the characters (4 bytes
#: each at most) of the shortest word that may have them.
_TSVECTOR_WORD_BYTES = 2047
_LONG_CHARS = _TSVECTOR_WORD_BYTES // 4
#: Pieces remembered at most, before `_Pieces` starts again.
_PIECES_MAX = 200_000


class _Pieces(dict[Any, Any]):
    """What a piece of text between single spaces gives, worked out once a piece:
    folded (`_FOLDS`) or its words with diacritics (`_MARKED`); or what a
    notice's issuer and type give (`_META`), which few values share."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, piece: Any) -> Any:
        if len(self) >= _PIECES_MAX:
            self.clear()
        made = self[piece] = self._make(piece)
        return made


_FOLDS = _Pieces(fold_text)
_MARKED = _Pieces(marked_words)


def _piece_terms(piece: str) -> tuple[str, ...]:
    return tuple(_words(_FOLDS[piece]).split())


#: The words for prefixes (``search_term``) a piece of a body gives: its folded words.
_TERMS = _Pieces(_piece_terms)


def _meta(issuer_type: tuple[str | None, str | None]) -> tuple[Any, ...]:
    """The meta column folded, its words with diacritics, the issuer and the type
    folded for filters, and the meta column's words."""
    issuer, doc_type = issuer_type
    meta_f = fold_text(nfc(f"{issuer or ''} {doc_type or ''}"))
    exact = (
        *(marked_words(issuer) if issuer else ()),
        *(marked_words(doc_type) if doc_type else ()),
    )
    return meta_f, exact, opt_fold(issuer), opt_fold(doc_type), tuple(_words(meta_f).split())


_META = _Pieces(_meta)


def _words(folded: str) -> str:
    """The words of *folded*, as text ``to_tsvector`` cuts into the same lexemes."""
    if folded.isascii():
        return folded.translate(_SPACES)
    return " ".join(WORD.findall(folded))


def columns(
    rows: list[tuple[Any, ...]], take: Callable[[int], int]
) -> tuple[list[list[Any]], set[str]]:
    """The arrays of `db.search.pgindex`'s INSERT for *rows* (notices' id, title,
    number, summary, body, issuer, type, category and date), each keyed by
    *take* of its publication time, and the words they hold."""
    out: list[list[Any]] = [[] for _ in range(15)]
    vocabulary: set[str] = set()
    # The distinct pieces of the chunk's bodies: their words for prefixes are
    # the words of the folded bodies, and their words with diacritics the
    # bodies', found once a piece (`_TERMS`, `_MARKED`) rather than a row at a time.
    pieces: set[str] = set()
    for nid, title, number, summary, body, issuer, doc_type, category_id, published in rows:
        # The body's pieces as plain_text cut them: not joined and cut again.
        body_pieces, known_nfc = text_pieces(summary, body)
        if title and is_normalized("NFC", title):
            # As a body's pieces are (`_FOLDS`, `_MARKED`): a title's words are met again.
            title_pieces = title.split(" ")
            title_f = " ".join(map(_FOLDS.__getitem__, title_pieces))
            title_exact = tuple(
                dict.fromkeys(chain.from_iterable(map(_MARKED.__getitem__, title_pieces)))
            )
        else:
            title_f = fold_text(nfc(title or ""))
            title_exact = marked_words(title) if title else ()
        number_f = number_column(number)
        meta_f, meta_exact, issuer_f, type_f, meta_words = _META[issuer, doc_type]
        number_exact = marked_words(number) if number else ()
        if known_nfc or nfc(text := " ".join(body_pieces)) == text:
            # Folding (NFC, đ, marks, case) and casefolding never reach across
            # a space, so the pieces folded and joined again are the text
            # folded, and their words are the text's words. A piece's words
            # with diacritics are looked for once a body: a repeat adds none.
            distinct = dict.fromkeys(body_pieces)
            body_f = " ".join(map(_FOLDS.__getitem__, body_pieces))
            body_exact: Iterable[str] = chain.from_iterable(map(_MARKED.__getitem__, distinct))
            pieces.update(distinct)
        else:  # text that plain_text left out of NFC
            body_f, body_exact = fold_text(text), marked_words(text)
            vocabulary.update(_words(body_f).split(), body_exact)
        exact_words = dict.fromkeys(chain(title_exact, number_exact, body_exact, meta_exact))
        exact = " ".join(exact_words)
        # The words with diacritics a tsvector can hold, when not all: as
        # ``to_tsvector`` leaves a word out, a cast would fail the import.
        held = None
        if len(exact) >= _LONG_CHARS and max(map(len, exact_words)) >= _LONG_CHARS:
            held = " ".join(w for w in exact_words if len(w.encode()) < _TSVECTOR_WORD_BYTES)
        title_w, number_w = _words(title_f), _words(number_f)
        head = number_w.split(None, 1)
        main = _words(f"{title_f} {number_f} {body_f} {meta_f}")
        values = (
            take(published_ts(published)),
            nid,
            category_id,
            type_f,
            issuer_f,
            head[0] if head else None,
            title_f,
            number_f,
            body_f,
            meta_f,
            exact,
            f"{title_w} {' '.join(title_exact)}",
            number_w,
            main,
            held,
        )
        for column, value in zip(out, values, strict=True):
            column.append(value)
        # The words of main's parts: a space ends a word as any non-word
        # character does, so they are main's words.
        vocabulary.update(title_w.split(), number_w.split(), meta_words)
        # The body's words with diacritics are added from its pieces, below.
        vocabulary.update(title_exact, number_exact, meta_exact)
    vocabulary.update(chain.from_iterable(map(_TERMS.__getitem__, pieces)))
    vocabulary.update(chain.from_iterable(map(_MARKED.__getitem__, pieces)))
    return out, vocabulary
