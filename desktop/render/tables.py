"""Big tables in a notice's Markdown: cut to a cell budget, each kept whole beside the page.

The window lays a page's tables out on the GUI thread, so a table of
thousands of cells would freeze it; the article shows the rows that fit
and links to the whole table, which a model/view table shows instead.
Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TableData:
    """A whole table of a notice, as plain text cells, for a model/view table."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


#: Says how a cut table is introduced: (index, rows, columns, rows shown)
#: -> (the link's text, the whole table's caption).
TableNote = Callable[[int, int, int, int], tuple[str, str]]

# A Markdown table (the `tables` extension): a block whose first line holds a
# "|" and whose second is the delimiter row, then one row per line up to a
# blank line. Only tables at the top level are cut (not inside quotes/lists).
_TABLE_RULE_RE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT_RE.split(row)]


def cut_tables(
    text: str, cell_budget: int, note: TableNote, token: Callable[[int, str], str]
) -> tuple[str, list[TableData]]:
    """*text* with every top-level table cut to the rows that fit *cell_budget*
    (over the whole page), each cut one followed by a link to its TableData.

    *token(number, link text)* is the placeholder the renderer turns into the link.
    """
    lines = text.split("\n")
    out: list[str] = []
    tables: list[TableData] = []
    budget = cell_budget
    index = 0
    while index < len(lines):
        line = lines[index]
        starts_block = index == 0 or not lines[index - 1].strip()
        if not (
            starts_block
            and "|" in line
            and index + 1 < len(lines)
            and "|" in lines[index + 1]
            and not line.startswith("    ")
            and _TABLE_RULE_RE.match(lines[index + 1])
        ):
            out.append(line)
            index += 1
            continue
        end = index + 2
        while end < len(lines) and lines[end].strip():
            end += 1
        header = _cells(line)
        cols = len(header)
        body = lines[index + 2 : end]
        cost = cols * (len(body) + 1)
        if cost <= budget:
            budget -= cost
            out.extend(lines[index:end])
        else:
            # The header and the rows the budget still allows; not even the
            # header when it alone is over budget (a table thousands wide).
            keep_header = cols <= budget
            shown = max(0, budget // cols - 1) if keep_header else 0
            if keep_header:
                budget -= cols * (shown + 1)
                out.extend(lines[index : index + 2 + shown])
            number = len(tables)
            link, caption = note(number, len(body), cols, shown)
            rows = tuple(tuple((_cells(row) + [""] * cols)[:cols]) for row in body)
            tables.append(TableData(caption=caption, header=tuple(header), rows=rows))
            out += ["", token(number, link), ""]
        index = end
    return "\n".join(out), tables
