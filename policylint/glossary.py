"""The definitions section and the terms it defines.

A policy's definitions section («التعريفات», "Definitions", "Glossary") opens each entry
with the term: "- **SLA**: the service-level agreement", "KPI — key performance
indicator", «**التذكرة**: طلب الدعم المسجّل», a table's first column, a heading per
term. Rules that ask for a term to be explained read the section; rules that ask for a
plainer word leave the term alone where it is being defined.
"""

from __future__ import annotations

import bisect

import regex

from policylint.document import Block, Document, Section
from policylint.findings import Span
from policylint.text.labels import MAX_LABEL_WORDS, label_at
from policylint.text.tokens import PhraseSet

# A bold run opening the line: "**CSAT** — ...", "**SLA** means ...".
_BOLD_HEAD = regex.compile(r"[ \t]*(\*\*|__)([^\n*_]{1,60}?)\1")
# A term and a dash set off by spaces: "KPI — key performance indicator", "SLA - ...";
# a hyphen inside a word ("e-mail") is no separator.
_DASH_HEAD = regex.compile(r"[ \t]*([^\s—–-][^\n—–]{0,48}?)[ \t]+[—–-][ \t]")
_LETTER = regex.compile(r"\p{L}")
_ROW_BEFORE_FIRST_CELL = regex.compile(r"[ \t]*\|?[ \t]*")


def sections(doc: Document, names: PhraseSet) -> tuple[Section, ...]:
    """The sections whose title names definitions (one of `names`)."""
    return tuple(s for s in doc.body_sections if names.in_words(s.words))


def _line_heads(doc: Document, start: int, end: int) -> Span | None:
    """The term opening a line of a definitions entry, if it has one."""
    found = label_at(doc.prose, start, end)
    if found:
        return Span(*found)
    bold = _BOLD_HEAD.match(doc.source, start, end)
    if bold:
        return Span(bold.start(2), bold.end(2))
    dash = _DASH_HEAD.match(doc.prose, start, end)
    if dash and len(dash[1].split()) <= MAX_LABEL_WORDS and _LETTER.search(dash[1]):
        return Span(dash.start(1), dash.end(1))
    return None


def _block_heads(doc: Document, block: Block) -> list[Span]:
    if block.kind == "heading":
        return [block.span]
    if block.kind == "table_cell":
        line_start = doc.source.rfind("\n", 0, block.span.start) + 1
        first_cell = _ROW_BEFORE_FIRST_CELL.fullmatch(doc.source, line_start, block.span.start)
        return [block.span] if first_cell else []
    # Each line of a paragraph or an item may open an entry: "**SLA**: ...\n**KPI**: ...".
    heads = []
    start = block.span.start
    while start < block.span.end:
        end = doc.source.find("\n", start, block.span.end)
        end = block.span.end if end < 0 else end
        head = _line_heads(doc, start, end)
        if head:
            heads.append(head)
        start = end + 1
    return heads


def defined_terms(doc: Document, names: PhraseSet) -> tuple[Span, ...]:
    """The spans of the terms the definitions sections define, in file order."""

    def compute() -> tuple[Span, ...]:
        heads = []
        for section in sections(doc, names):
            for block in doc.blocks_in(section.body):
                heads += _block_heads(doc, block)
        return tuple(sorted(set(heads), key=lambda s: (s.start, s.end)))

    return doc.shared(("glossary terms", names), compute)


def is_defined_here(doc: Document, names: PhraseSet, span: Span) -> bool:
    """Is the text at `span` a term where a definitions section defines it?"""
    terms = defined_terms(doc, names)
    starts = doc.shared(("glossary term starts", names), lambda: [t.start for t in terms])
    index = bisect.bisect_right(starts, span.start) - 1
    # Terms do not nest (one per line), so the last to start before the span is the only
    # one that can hold it.
    return index >= 0 and span.end <= terms[index].end
