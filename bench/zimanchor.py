"""The libzim anchor of the benchmark: the same notices in a ZIM, searched by Kiwix's engine."""

from __future__ import annotations

import html
import time
from collections.abc import Sequence
from pathlib import Path

from bench import generate
from bench.queries import QUERIES

PAGE = 20


def _notice_html(notice: generate.Notice) -> str:
    """A notice as a plain article page: title, metadata, paragraphs."""
    esc = html.escape
    meta = " · ".join(p for p in (notice.number, notice.doc_type, notice.issuer) if p)
    blocks = [f"<p>{esc(b)}</p>" for b in notice.body.split("\n\n")]
    summary = f"<p><em>{esc(notice.summary)}</em></p>" if notice.summary else ""
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{esc(notice.title)}</title></head><body><h1>{esc(notice.title)}</h1>"
        f"<p>{esc(meta)}</p>{summary}{''.join(blocks)}</body></html>"
    )


def build_zim(path: Path, all_notices: Sequence[generate.Notice]) -> int:
    """A ZIM of the visible notices with libzim's full-text index; returns articles."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    class Article(Item):  # type: ignore[misc]
        def __init__(self, notice: generate.Notice) -> None:
            super().__init__()
            self.notice = notice

        def get_path(self) -> str:
            return self.notice.id

        def get_title(self) -> str:
            return self.notice.title

        def get_mimetype(self) -> str:
            return "text/html"

        def get_contentprovider(self) -> StringProvider:
            return StringProvider(_notice_html(self.notice))

        def get_hints(self) -> dict[Hint, int]:
            return {Hint.FRONT_ARTICLE: True}

    count = 0
    with Creator(str(path)).config_indexing(True, "vie") as creator:
        creator.set_mainpath(generate.notice_id(0))
        for notice in all_notices:
            if notice.withdrawn:
                continue
            creator.add_item(Article(notice))
            count += 1
        for name, value in (("Title", "Bảng Tin bench"), ("Language", "vie"), ("Name", "bench")):
            creator.add_metadata(name, value)
    return count


def time_libzim(path: Path, rounds: int) -> tuple[list[float], dict[str, list[str]]]:
    from libzim.reader import Archive as ZimArchive
    from libzim.search import Query, Searcher

    searcher = Searcher(ZimArchive(str(path)))

    def run(query: str) -> list[str]:
        result = searcher.search(Query().set_query(query))
        return list(result.getResults(0, PAGE))

    top = {q: run(q) for q, _kind in QUERIES}  # warm
    times: list[float] = []
    for _ in range(rounds):
        for query, _kind in QUERIES:
            a = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - a) * 1000)
    return times, top
