"""Tables written in HTML inside Markdown, as `pandoc -t gfm` writes a table whose cells
hold more than one paragraph: each cell's text, where it lies, its row and its column.

Only the table's own tags are read (table, tr, td, th); any other tag or entity inside a
cell is markup, not text. Not the standard library's html.parser: on the Python versions
policylint supports it takes quadratic time on unclosed tags and comments (a few hundred
kilobytes of "<!--" took over a minute) and raises AssertionError on some malformed
declarations, and a linter that gates CI must neither hang nor crash. Each pattern here
stops at the next "<" or ">", so a scan is linear in the text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex


# Compiled when a document first holds a table in HTML, not at every start (issue 10).
@functools.cache
def _table_tag() -> regex.Pattern[str]:
    return regex.compile(r"<(/?)(table|thead|tbody|tfoot|tr|td|th)\b[^<>]*>", regex.IGNORECASE)


@functools.cache
def _inner_markup() -> regex.Pattern[str]:
    """Markup inside a cell's text: other tags, comments written without "<" or ">"
    inside, and character references."""
    return regex.compile(r"<[^<>]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class Cell:
    row: int  # the row's number in the text, from 0
    column: int
    header: bool  # a <th>
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of its text


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of text in text[start:end] between markup, blank runs left out."""
    pieces = []
    at = start
    for markup in _inner_markup().finditer(text, start, end):
        if text[at : markup.start()].strip():
            pieces.append((at, markup.start()))
        at = markup.end()
    if text[at:end].strip():
        pieces.append((at, end))
    return pieces


def table_cells(text: str) -> list[Cell]:
    """The cells with text of the HTML tables in `text`, in order."""
    cells: list[Cell] = []
    rows, column, depth, cell_start = 0, -1, 0, 0
    cell: Cell | None = None
    for tag in _table_tag().finditer(text):
        closing, name = tag[1] == "/", tag[2].lower()
        if cell is not None:
            cell.pieces += _pieces(text, cell_start, tag.start())
            cell = None
        if name == "table":
            depth += -1 if closing else 1
        elif depth <= 0 or closing:
            continue
        elif name == "tr":
            rows, column = rows + 1, -1
        elif name in ("td", "th"):
            column += 1
            cell = Cell(max(rows - 1, 0), column, name == "th")
            cell_start = tag.end()
            cells.append(cell)
    return [c for c in cells if c.pieces]
