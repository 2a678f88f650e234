"""Full-text search: a folded FTS5 index, tiered ranking and highlighted snippets.

Callers use this package's names (``from db import search``;
``search.search(session, "ke hoach", search.SearchFilter(category="Văn bản"))``).
Its modules, in the order a notice meets them:

- `db.search.schema`: the index's tables and the newest-first layout of its rowids.
- `db.search.text`: fast folding, Markdown to plain words, the columns of a notice.
- `db.search.indexer`: `update_index` after an import (`start_fill` before it), `rebuild_index`,
  `fill_index`.
- `db.search.query`: what a clerk types, parsed; prefixes; the tier queries.
- `db.search.filters`: `SearchFilter`, and the SQL it becomes.
- `db.search.abbreviations`: document types (Decree 30/2020) and issuers, abbreviated.
- `db.search.intent`: a document referred to by number, a date phrase.
- `db.search.scoring`: a candidate's tier and relevance.
- `db.search.ranking`: `search`, `ranked_ids`, `count_matches`, `suggest`.
- `db.search.typos`: mending unknown words (Telex, VNI, an edit or two).
- `db.search.snippets`: matches in the original text, snippets, their HTML.

A PostgreSQL archive has its own index and queries over the same tokens,
chosen where a search starts: `db.search.pgschema` (its tables),
`db.search.pgindex` (kept up to date by the import) and `db.search.pgquery`
(the same tiers, scores, snippets and suggestions).
"""

from __future__ import annotations

from db.search.filters import SearchFilter, Sort
from db.search.indexer import fill_index, rebuild_index, start_fill, update_index
from db.search.ranking import SearchHit, count_matches, ranked_ids, search, suggest
from db.search.schema import FTS_TABLES, SCHEMA
from db.search.snippets import (
    SNIPPET_CHARS,
    highlight_terms,
    make_snippet,
    match_spans,
    render_html,
)
from db.search.text import fold_text, plain_text

__all__ = [
    "FTS_TABLES",
    "SCHEMA",
    "SNIPPET_CHARS",
    "SearchFilter",
    "SearchHit",
    "Sort",
    "count_matches",
    "fill_index",
    "fold_text",
    "highlight_terms",
    "make_snippet",
    "match_spans",
    "plain_text",
    "ranked_ids",
    "rebuild_index",
    "render_html",
    "search",
    "start_fill",
    "suggest",
    "update_index",
]
