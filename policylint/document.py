"""Markdown source -> Document: front matter, title, sections, blocks, sentences, tokens.

This is the only module that knows Markdown. Everything it returns carries absolute
code-point offsets into `Document.source` (the file's text with a BOM removed and line
endings made `\\n`, which moves no line and no column), so checks never search the text
again and never compute positions themselves.

The trick that keeps offsets exact: `prose` is a copy of the source, the same length,
in which everything that is not prose (front matter, Markdown syntax, container prefixes
such as `> ` and `1. `, code, HTML, link destinations) is blanked to spaces. A block is a
span of that copy; a sentence is a span inside a block.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import regex
import yaml
from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token as MdToken

from policylint import yamlsafe
from policylint.findings import Position, Span
from policylint.htmltables import table_cells
from policylint.text import sentences as sentence_splitter
from policylint.text.detect import detect_language
from policylint.text.labels import label_at
from policylint.text.tokens import Token, Tokens, normalise, phrase_words, tokenize

T = TypeVar("T")


class DocumentError(Exception):
    """Input that cannot be read as a policy: names the line and what to do."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Sentence:
    span: Span
    lang: str
    tokens: Tokens  # with their lookup keys (tokens.Tokens)
    # Split from the sentence before only because a line opens with a label ("Owner: ..."):
    # its own sentence for length, part of the one before for readability.
    continues: bool = False

    @functools.cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)


@dataclass(frozen=True)
class Block:
    """A piece of prose: a paragraph, list item, table cell, quote line or heading."""

    kind: str  # "heading", "paragraph", "list_item", "quote", "table_cell"
    span: Span
    lang: str
    sentences: tuple[Sentence, ...]
    header: str = ""  # a table cell's column header ("وقت الاستجابة", "Response time")
    # A table cell's row: the 1-based line of the row's first cell (a Markdown row's own
    # line; an HTML table puts each cell on a line of its own).
    row: int = 0


@dataclass(frozen=True)
class Section:
    """A heading of any level, a bold line standing alone, or a label opening a paragraph."""

    title: str
    words: tuple[str, ...]  # normalised, numbering and decoration removed
    title_span: Span
    level: int  # 1-6 for headings; deeper for bold lines and labels
    style: str  # "heading", "bold", "label"
    body: Span
    parent: int | None = None  # index in Document.sections of the section it belongs to

    def holds(self, offset: int) -> bool:
        return self.body.start <= offset < self.body.end or self.title_span.start <= offset < self.title_span.end


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    prose: str
    lang: str
    front_matter: dict[str, Any]
    front_matter_spans: dict[str, Span]
    title: Section | None
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    comments: tuple[tuple[Span, str], ...]
    _line_starts: tuple[int, ...] = field(repr=False)

    def position(self, offset: int) -> Position:
        """1-based line and column, in code points, of an offset into the source."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line]
        # Characters beyond the Basic Multilingual Plane take two UTF-16 units: count
        # those between the line's start and the offset, without walking the line.
        astral = bisect.bisect_left(self._astral, offset) - bisect.bisect_left(self._astral, self._line_starts[line])
        return Position(line + 1, column + 1, column + astral + 1)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What several rules read from this document alike (the review date, say, which
        six rules judge), computed by the first that asks and kept for the others."""
        store: dict[Hashable, Any] = self.__dict__.setdefault("_shared", {})
        if key not in store:
            store[key] = compute()
        return store[key]

    @functools.cached_property
    def _front_matter_labels(self) -> dict[tuple[str, ...], str]:
        """Each front matter key read as a label's words: «آخر مراجعة», "last_reviewed",
        "lastReviewed" and "Last Reviewed" alike; the first of keys that read alike."""
        labels: dict[tuple[str, ...], str] = {}
        for key in self.front_matter:
            # "lastReviewed" as static-site generators write it is "last reviewed" too.
            words = _CAMEL_HUMP.sub(" ", str(key)).replace("_", " ")
            labels.setdefault(phrase_words(words), str(key))
        return labels

    def front_matter_key(self, keys: Iterable[str], labels: Iterable[tuple[str, ...]] = ()) -> str | None:
        """The first of `keys` the front matter has, else the first key that reads as
        one of `labels` (normalised words, as phrase_words gives them): people who write
        their policy in Arabic write its header in Arabic too («المالك:», «آخر مراجعة:»)."""
        for key in keys:
            if key in self.front_matter:
                return key
        for label in labels:
            if label in self._front_matter_labels:
                return self._front_matter_labels[label]
        return None

    @functools.cached_property
    def _astral(self) -> tuple[int, ...]:
        return tuple(m.start() for m in _ASTRAL.finditer(self.source))

    @functools.cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of every block, in file order."""
        return tuple(s for block in self.blocks for s in block.sentences)

    @functools.cached_property
    def word_keys(self) -> frozenset[str]:
        """The lookup keys of every word of the document (Tokens.all_keys): a phrase list
        none of whose first words is among them occurs nowhere in it (PhraseMatcher.may_occur)."""
        return frozenset().union(*(s.tokens.all_keys for s in self.sentences))

    @functools.cached_property
    def table_rows(self) -> dict[int, list[Block]]:
        """The cells of each table row, by the row's number (Block.row), first cell first."""
        rows: dict[int, list[Block]] = {}
        for block in self.blocks:
            if block.kind == "table_cell":
                rows.setdefault(block.row, []).append(block)
        return rows

    @functools.cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.span.start for s in self.sentences)

    @functools.cached_property
    def _block_starts(self) -> tuple[int, ...]:
        return tuple(b.span.start for b in self.blocks)

    @functools.cached_property
    def _section_starts(self) -> tuple[int, ...]:
        return tuple(s.title_span.start for s in self.sections)

    def sentences_in(self, span: Span) -> tuple[Sentence, ...]:
        """The sentences that start inside a span (a section's body, say), in order."""
        starts = self._sentence_starts
        return self.sentences[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]

    def blocks_in(self, span: Span) -> tuple[Block, ...]:
        """The blocks that start inside a span, in order."""
        starts = self._block_starts
        return self.blocks[bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)]

    def enclosing_sections(self, offset: int) -> list[Section]:
        """The sections an offset lies in (title or body), innermost first."""
        index: int | None = bisect.bisect_right(self._section_starts, offset) - 1
        found = []
        while index is not None and index >= 0:
            section = self.sections[index]
            if section.holds(offset):
                found.append(section)
            index = section.parent
        return found

    def text(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def line_span(self, line: int) -> Span:
        """The span of a 1-based line, without its newline."""
        start = self._line_starts[line - 1]
        # The next line's start, not a search for the newline: a line of a megabyte
        # with many findings would be scanned once per finding.
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return Span(start, end)

    @functools.cached_property
    def body_sections(self) -> tuple[Section, ...]:
        """Every section but the title."""
        return tuple(s for s in self.sections if s is not self.title)


# ---------------------------------------------------------------------------- reading


def decode(data: bytes) -> str:
    """Bytes of a file -> text, or a DocumentError that says where the bad byte is."""
    # UTF-16 (Windows "Unicode") decodes as UTF-8 garbage or fails at a confusing byte.
    # Its BOM tells, or its NUL bytes: UTF-8 text never holds one, and in UTF-16 they
    # all fall on even or all on odd offsets (the high byte of ASCII characters).
    head = data[:4096]
    # Positions only when there is a NUL at all: this runs on every file.
    nuls = [i for i, byte in enumerate(head) if byte == 0] if b"\x00" in head else []
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or len(nuls) >= 4 and len({i % 2 for i in nuls}) == 1:
        raise DocumentError("this is UTF-16 text, not UTF-8; save the file as UTF-8 and run again", 1)
    if nuls:
        raise DocumentError("this is binary data, not text (it holds NUL bytes); lint Markdown files only", data[: nuls[0]].count(b"\n") + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = " (it reads as Arabic Windows-1256: `iconv -f CP1256 -t UTF-8` converts it)" if _looks_like_cp1256(data) else ""
        raise DocumentError(
            f"not valid UTF-8 (byte {error.start}){hint}; save the file as UTF-8 and run again",
            line,
        ) from None


def _looks_like_cp1256(data: bytes) -> bool:
    """Arabic saved by older Windows tools: read as Windows-1256, most of what is not
    ASCII is Arabic letters."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    beyond_ascii = [c for c in text if ord(c) > 127]
    arabic = sum(1 for c in beyond_ascii if "\u0621" <= c <= "\u064a")
    return bool(beyond_ascii) and arabic * 5 >= len(beyond_ascii) * 4


def _normalise_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# ----------------------------------------------------------------------- front matter

_ASTRAL = regex.compile("[\U00010000-\U0010FFFF]")
# Where a camelCase key turns to its next word: "lastReviewed".
_CAMEL_HUMP = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_FENCE = regex.compile(r"---[ \t]*\n")
_FENCE_END = regex.compile(r"^(?:---|\.\.\.)[ \t]*$", regex.M)
# A top-level key in any script, spaces allowed: «آخر مراجعة: 2026-03-15».
_TOP_KEY = regex.compile(r"^([\p{L}_][\w \t-]*?)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.M)


def _front_matter(text: str) -> tuple[dict[str, Any], dict[str, Span], int]:
    """The front matter mapping, the spans of its top-level values, and where it ends."""
    if not _FENCE.match(text):
        return {}, {}, 0
    end = _FENCE_END.search(text, 4)
    if end is None:
        raise DocumentError(
            "front matter opened with '---' on line 1 is never closed; add a line '---' after it",
            1,
        )
    block = text[4 : end.start()]
    try:
        data = yamlsafe.load(block) if block.strip() else {}
    except yaml.YAMLError as error:
        problem, mark_line = yamlsafe.describe(error)
        line = mark_line + 2 if mark_line is not None else 1
        raise DocumentError(f"front matter is not valid YAML: {problem}; fix the YAML between the '---' lines", line) from None
    if not isinstance(data, dict):
        raise DocumentError("front matter must be a YAML mapping of keys to values, such as 'lang: ar'", 2)
    spans = {m.group(1): Span(4 + m.start(2), 4 + m.end(2)) for m in _TOP_KEY.finditer(block)}
    end_offset = end.end() + 1 if end.end() < len(text) else end.end()
    return data, spans, end_offset


# ------------------------------------------------------------------- inline masking

# An opener with no closer after it (`![` with no `]` on its line, `](` with no `)`,
# `<!--` with no `-->`) means no later opener of its kind can close either: the
# `unclosed` alternative takes the rest of the line (or text) at once, where trying
# every later opener again would take time quadratic in the line's length. Its matches
# are not markup.
_UNCLOSED = "unclosed"


def _markup(pattern: regex.Pattern[str], text: str, pos: int = 0) -> Iterator[regex.Match[str]]:
    """The pattern's matches in text, less the rest of a line it skipped as unclosed."""
    return (m for m in pattern.finditer(text, pos) if m.lastgroup != _UNCLOSED)


_ESCAPE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_IMAGE = regex.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?|(?P<unclosed>!\[[^\]\n]*+(?!\]))")
_INLINE_LINK = regex.compile(r"\[([^\[\]\n]*)\](\([^)\n]*\))|(?P<unclosed>\[[^\[\]\n]*\]\([^)\n]*+(?!\)))")
_REF_LINK = regex.compile(r"\[([^\[\]\n]+)\](\[([^\[\]\n]*)\])")
_SHORTCUT = regex.compile(r"\[([^\[\]\n]+)\](?![(\[:])")
_FOOTNOTE = regex.compile(r"\[\^[^\]\n]+\]:?|(?P<unclosed>\[\^[^\]\n]++(?!\]))")
_TASK_BOX = regex.compile(r"^\[[ xX]\](?=\s)")
_AUTOLINK = regex.compile(r"<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML_COMMENT = regex.compile(r"<!--.*?-->|(?P<unclosed><!--.*)", regex.S)
_HTML_TAGS = (
    "a|abbr|b|bdi|bdo|big|blockquote|br|center|cite|code|dd|del|details|dfn|div|dl|dt|em|"
    "font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|samp|small|span|strike|strong|sub|"
    "summary|sup|table|tbody|td|th|thead|time|tr|tt|u|ul|var|wbr"
)
_HTML_TAG = regex.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]*>", regex.I)
_EMPHASIS = regex.compile(r"\*+|~~")
# A heading's attributes, as Pandoc and Google Docs' Markdown export write them: "## 1.
# Purpose {#1.-purpose}", "{.unnumbered}", "{-}". No words of the title.
_HEADING_ATTRIBUTES = regex.compile(r"(?<=\s)\{(?:[#.][^{}\n]*|-)\}[ \t]*$")
# Every pattern above needs one of these characters.
_MARKUP = regex.compile(r"[\\`\[<*~]")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _mask_inline(content: str, references: dict[str, Any], in_list_item: bool) -> str:
    """The inline content with its Markdown syntax blanked, same length as the input."""
    if _MARKUP.search(content) is None:
        return content  # most sentences of a policy: no pattern below can match
    chars = list(content)

    def blank_all(pattern: regex.Pattern[str]) -> None:
        for m in _markup(pattern, "".join(chars)):
            _blank(chars, m.start(), m.end())

    for m in _ESCAPE.finditer(content):
        chars[m.start()] = " "
    blank_all(_CODE_SPAN)
    blank_all(_HTML_COMMENT)
    blank_all(_IMAGE)
    blank_all(_FOOTNOTE)
    if in_list_item:
        blank_all(_TASK_BOX)
    for m in _markup(_INLINE_LINK, "".join(chars)):
        _blank(chars, m.start(), m.start(1))
        _blank(chars, m.end(1), m.end())
    for m in _REF_LINK.finditer("".join(chars)):
        label = m.group(3) or m.group(1)
        if normalizeReference(label) in references:
            _blank(chars, m.start(), m.start(1))
            _blank(chars, m.end(1), m.end())
    for m in _SHORTCUT.finditer("".join(chars)):
        if normalizeReference(m.group(1)) in references:
            _blank(chars, m.start(), m.start(1))
            _blank(chars, m.end(1), m.end())
    for m in _AUTOLINK.finditer("".join(chars)):
        chars[m.start()] = chars[m.end() - 1] = " "
    blank_all(_HTML_TAG)
    blank_all(_EMPHASIS)
    return "".join(chars)


# ------------------------------------------------------------------------- sections

_BOLD_LINE = regex.compile(r"\s*(\*\*|__)([^*_\n]+?)\1\s*[:：]?\s*")
LEVEL_BOLD = 7
LEVEL_LABEL = 8

_ORDINALS = frozenset(
    "اولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا "
    "first second third fourth fifth sixth seventh eighth ninth tenth".split()
)
_NUMBERING_WORDS = frozenset("section part article chapter clause القسم البند الماده الفصل الجزء قسم بند ماده فصل جزء".split())
_ROMAN = regex.compile(r"^[ivxlc]+$")


def _shown(prose: str, source: str) -> str:
    """A title as a message shows it: its prose without the blanks its markup left
    ("3\\. Complaints" is "3. Complaints", "Our *own* standards" has one space each)."""
    kept = "".join(p for p, c in zip(prose, source) if not (c == "\\" and p == " "))
    return " ".join(kept.split())


def heading_words(tokens: list[Token]) -> tuple[str, ...]:
    """A heading's normalised words, without numbering ("٣-", "أولاً:", "Section 4 -")."""
    words = [t.norm for t in tokens if t.is_word]
    while words:
        first = words[0]
        if first.replace(".", "").isdigit() or first in _ORDINALS or _ROMAN.match(first) and len(words) > 1:
            words.pop(0)
        elif first in _NUMBERING_WORDS and len(words) > 1 and words[1].replace(".", "").isdigit():
            words.pop(0)
        elif len(first) == 1 and first.isascii() and len(words) > 1:
            words.pop(0)
        else:
            break
    return tuple(words)


# ------------------------------------------------------------------------- building


class _Builder:
    def __init__(self, path: str, source: str, lang_hint: str | None) -> None:
        self.path = path
        self.source = source
        self.lang_hint = lang_hint
        self.lines = source.split("\n")
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self.line_starts = starts
        # The source blanked but for its line breaks: the prose is copied in later.
        self.prose = [" "] * len(source)
        for start in starts[1:]:
            self.prose[start - 1] = "\n"
        self.raw_blocks: list[tuple[str, Span, int]] = []  # kind, span, heading level
        self.cell_headers: dict[Span, str] = {}  # a table cell's column header
        self.cell_rows: dict[Span, int] = {}  # an HTML table cell's row (Block.row)
        self.headings: list[tuple[Span, int]] = []
        self.bold_lines: list[tuple[Span, Span]] = []  # title span, paragraph span
        self.code_lines: set[int] = set()

    def place(self, content: str, masked: str, first_line: int, cursor: int = 0) -> Span | None:
        """Copy masked inline content into `prose` where each of its lines lies in the source."""
        start = end = None
        offset = 0
        for i, (raw_line, masked_line) in enumerate(zip(content.split("\n"), masked.split("\n"))):
            line_no = first_line + i
            if line_no >= len(self.lines):
                break
            source_line = self.lines[line_no].rstrip()
            wanted = raw_line.rstrip()
            col = source_line.find(wanted, cursor if i == 0 else 0) if wanted else -1
            if wanted and source_line.endswith(wanted) and (i or cursor == 0):
                col = len(source_line) - len(wanted)
            offset += len(raw_line) + 1
            if col < 0:
                continue
            base = self.line_starts[line_no] + col
            shown = masked_line[: len(wanted)]
            self.prose[base : base + len(shown)] = shown
            start = base if start is None else start
            end = base + len(wanted)
        if start is None or end is None:
            return None
        return Span(start, end)

    def html_tables(self, first_line: int, end_line: int) -> None:
        """The cells of the HTML tables in source lines [first_line, end_line): their text
        copied into `prose`, each a table cell under its column's header."""
        start = self.line_starts[first_line]
        end = self.line_starts[end_line] if end_line < len(self.line_starts) else len(self.source)
        headers: dict[int, str] = {}
        row_lines: dict[int, int] = {}
        for cell in table_cells(self.source[start:end]):
            for a, b in cell.pieces:
                self.prose[start + a : start + b] = self.source[start + a : start + b]
            span = Span(start + cell.pieces[0][0], start + cell.pieces[-1][1])
            text = " ".join(" ".join(self.source[start + a : start + b].split()) for a, b in cell.pieces)
            if cell.header:
                headers[cell.column] = text
            elif cell.column in headers:
                self.cell_headers[span] = headers[cell.column]
            row_lines.setdefault(cell.row, bisect.bisect_right(self.line_starts, span.start))
            self.cell_rows[span] = row_lines[cell.row]
            self.raw_blocks.append(("table_cell", span, 0))

    def walk(self, tokens: list[MdToken], references: dict[str, Any]) -> None:
        containers: list[str] = []
        heading_level = 0
        row_cursor = 0
        headers: list[str] = []
        column = -1
        for token in tokens:
            if token.nesting == 1:
                containers.append(token.type)
                if token.type == "heading_open":
                    heading_level = int(token.tag[1:])
                if token.type == "table_open":
                    headers = []
                if token.type == "tr_open":
                    row_cursor = 0
                    column = -1
                if token.type in ("th_open", "td_open"):
                    column += 1
            elif token.nesting == -1:
                if containers:
                    containers.pop()
            if token.type in ("fence", "code_block") and token.map:
                self.code_lines.update(range(token.map[0], token.map[1]))
            if token.type == "html_block" and token.map:
                self.html_tables(token.map[0], token.map[1])
            if token.type != "inline" or not token.map:
                continue
            parent = containers[-1] if containers else ""
            in_list = "list_item_open" in containers
            masked = _mask_inline(token.content, references, in_list)
            if parent == "heading_open":
                masked = _HEADING_ATTRIBUTES.sub(lambda m: " " * len(m[0]), masked)
            if parent in ("th_open", "td_open"):
                span = self.place(token.content, masked, token.map[0], row_cursor)
                if parent == "th_open":
                    headers.append("".join(masked.split("\n")).strip())
                if span:
                    row_cursor = span.end - self.line_starts[token.map[0]]
                    self.raw_blocks.append(("table_cell", span, 0))
                    if parent == "td_open" and 0 <= column < len(headers):
                        self.cell_headers[span] = headers[column]
                continue
            span = self.place(token.content, masked, token.map[0])
            if span is None:
                continue
            if parent == "heading_open":
                self.raw_blocks.append(("heading", span, heading_level))
                self.headings.append((span, heading_level))
                continue
            kind = "list_item" if in_list else "quote" if "blockquote_open" in containers else "paragraph"
            self.raw_blocks.append((kind, span, 0))
            bold = _BOLD_LINE.fullmatch(token.content)
            if bold and "\n" not in token.content:
                title = self.place(bold.group(2), bold.group(2), token.map[0], 0)
                if title:
                    self.bold_lines.append((title, span))


def _labels(prose: str, block: Span) -> Iterator[Span]:
    """Labels that open a paragraph or an inline bullet item: "**النطاق:** ..." or "الغرض: ..."."""
    starts = [block.start] + [block.start + m.end() for m in regex.finditer("[•▪◦●■]", prose[block.start : block.end])]
    for start in starts:
        found = label_at(prose, start, block.end)
        if found:
            yield Span(*found)


class _ProseMemo:
    """What a block's text alone decides (its language, its sentences, their tokens),
    worked out once per distinct text in a process and shifted to where the text lies.

    The policies of a repository share much of their text: a template's headings and
    boilerplate (the contact paragraph, the document-control table, the escalation
    steps) recur in every file, and working out sentences and tokens is a third of
    parsing. An entry keeps the sentences as the first document with the text had them,
    with where its block began there; a text met again gets them shifted (or the same
    ones, where it begins at the same offset). Working out a text met once costs nothing
    more than it would without the memo. A bound on the tokens held keeps memory flat on
    a repository whose texts are all different: when it is reached, the entries used
    again since the last clearing stay and the rest go. A block too large to keep is
    worked out and not kept, and clears nothing.
    """

    TOKEN_LIMIT = 12_000

    def __init__(self) -> None:
        # text, document language -> [block language, sentences, block start, reused]
        self._entries: dict[tuple[str, str], list[Any]] = {}
        self._tokens_held = 0

    def sentences(self, text: str, doc_lang: str, base: int) -> tuple[str, tuple[Sentence, ...]]:
        entry = self._entries.get((text, doc_lang))
        if entry is None:
            return self._analyse(text, doc_lang, base)
        entry[3] = True
        block_lang, analysed, entry_base, _ = entry
        shift = base - entry_base
        if shift == 0:
            return block_lang, analysed  # immutable, and at the same places
        make = tuple.__new__
        return block_lang, tuple(
            Sentence(
                Span(s.span.start + shift, s.span.end + shift),
                block_lang,
                Tokens([make(Token, (t[0], t[1], t[2] + shift, t[3] + shift)) for t in s.tokens]).copy_of(s.tokens),
                s.continues,
            )
            for s in analysed
        )

    def _analyse(self, text: str, doc_lang: str, base: int) -> tuple[str, tuple[Sentence, ...]]:
        block_lang = _language_of(text, doc_lang)
        analysed = tuple(
            Sentence(Span(base + s, base + e), block_lang, Tokens(tokenize(text[s:e], block_lang, base + s)), continues)
            for s, e, continues in sentence_splitter.split(text)
        )
        size = sum(len(s.tokens) for s in analysed)
        if size > self.TOKEN_LIMIT // 4:
            return block_lang, analysed
        if self._tokens_held + size > self.TOKEN_LIMIT:
            self._evict()
        if self._tokens_held + size <= self.TOKEN_LIMIT:
            # Kept as this first document has them, with where the block began there.
            self._entries[(text, doc_lang)] = [block_lang, analysed, base, False]
            self._tokens_held += size
        return block_lang, analysed

    def _evict(self) -> None:
        kept = {key: [lang, analysed, base, False] for key, (lang, analysed, base, reused) in self._entries.items() if reused}
        held = sum(len(s.tokens) for _, analysed, _, _ in kept.values() for s in analysed)
        if held > self.TOKEN_LIMIT // 2:
            kept, held = {}, 0
        self._entries, self._tokens_held = kept, held


_PROSE = _ProseMemo()


@functools.lru_cache(maxsize=2048)
def _title_words(title: str, doc_lang: str) -> tuple[str, ...]:
    """A section title's normalised words; titles recur across a repository."""
    return heading_words(tokenize(title.strip(), _language_of(title, doc_lang)))


def _language_of(text: str, doc_lang: str) -> str:
    """A block's language: the document's where it has too few letters to tell."""
    return detect_language(text, default=doc_lang) or doc_lang


@functools.cache
def _markdown() -> MarkdownIt:
    """One parser per process: setting one up (its rule chains) costs more than parsing a
    short policy, and parsing keeps its state in the call, not in the parser.

    Only the block structure is parsed: the builder reads an inline token's content and
    masks its syntax itself (_mask_inline), never the inline children, whose parsing took
    a third of markdown-it-py's time (link references are found while parsing blocks)."""
    return MarkdownIt("commonmark").enable("table").disable("inline")



def _declared_lang(value: Any) -> str | None:
    """The language front matter `lang:` names: "ar", "en", "Arabic", "en-GB", or in
    Arabic «العربية», «عربي», «الإنجليزية»; None for anything else (then it is detected)."""
    if not isinstance(value, str):
        return None
    if value.lower()[:2] in ("ar", "en"):
        return value.lower()[:2]
    word = normalise(value).strip().removeprefix("ال")
    if word.startswith("عرب"):
        return "ar"
    if word.startswith(("انجليز", "انكليز")):
        return "en"
    return None

def parse(path: str, text: str, lang: str | None = None) -> Document:
    """Parse a policy. `lang` forces the document language (else front matter, else script)."""
    source = _normalise_newlines(text)
    front_matter, fm_spans, body_start = _front_matter(source)
    markdown_input = "".join(c if c == "\n" else " " for c in source[:body_start]) + source[body_start:]
    env: dict[str, Any] = {}
    builder = _Builder(path, source, lang)
    builder.walk(_markdown().parse(markdown_input, env), env.get("references", {}))
    prose = "".join(builder.prose)

    declared = _declared_lang(front_matter.get("lang"))
    if declared:
        doc_lang = declared
    else:
        doc_lang = lang or detect_language(prose, default="ar") or "ar"
    if lang:
        doc_lang = lang

    blocks = []
    for kind, span, _level in builder.raw_blocks:
        block_lang, block_sentences = _PROSE.sentences(prose[span.start : span.end], doc_lang, span.start)
        row = 0
        if kind == "table_cell":
            row = builder.cell_rows.get(span) or bisect.bisect_right(builder.line_starts, span.start)
        blocks.append(Block(kind, span, block_lang, block_sentences, builder.cell_headers.get(span, ""), row))

    # Sections, in file order: headings, bold lines, labels.
    marks: list[tuple[Span, int, str]] = [(span, level, "heading") for span, level in builder.headings]
    marks += [(title, LEVEL_BOLD, "bold") for title, _ in builder.bold_lines]
    bold_paragraphs = {p for _, p in builder.bold_lines}
    # Labels in Markdown list items are not sections: "- **العميل:** ..." under a
    # definitions heading defines a word, it does not open a part of the policy.
    for kind, span, _ in builder.raw_blocks:
        if kind == "paragraph" and span not in bold_paragraphs:
            marks += [(label, LEVEL_LABEL, "label") for label in _labels(prose, span)]
    marks.sort(key=lambda m: m[0].start)

    # A section runs to the next one of its level or higher; a stack of the open ones
    # finds every end (and every section's parent) in one pass.
    ends = [len(source)] * len(marks)
    parents: list[int | None] = [None] * len(marks)
    open_sections: list[int] = []
    for i, (span, level, _style) in enumerate(marks):
        while open_sections and marks[open_sections[-1]][1] >= level:
            ends[open_sections.pop()] = span.start
        parents[i] = open_sections[-1] if open_sections else None
        open_sections.append(i)

    sections = []
    for i, (title_span, level, style) in enumerate(marks):
        body_end = ends[i]
        line_end = source.find("\n", title_span.end)
        body_start_offset = title_span.end if style == "label" else (len(source) if line_end < 0 else line_end + 1)
        title_text = _shown(prose[title_span.start : title_span.end], source[title_span.start : title_span.end])
        words = _title_words(prose[title_span.start : title_span.end], doc_lang)
        sections.append(Section(title_text, words, title_span, level, style, Span(min(body_start_offset, body_end), body_end), parents[i]))

    title = None
    first_block = blocks[0] if blocks else None
    h1 = next((s for s in sections if s.style == "heading" and s.level == 1), None)
    if h1 is not None:
        title = h1
    elif first_block is not None:
        title = next((s for s in sections if s.title_span.start >= first_block.span.start and s.style in ("heading", "bold") and s.title_span.start < first_block.span.end + 1), None)

    comments = tuple(
        (Span(m.start(), m.end()), m.group())
        for m in _markup(_HTML_COMMENT, source, body_start)
        if bisect.bisect_right(builder.line_starts, m.start()) - 1 not in builder.code_lines
    )
    return Document(
        path=path,
        source=source,
        prose=prose,
        lang=doc_lang,
        front_matter=front_matter,
        front_matter_spans=fm_spans,
        title=title,
        sections=tuple(sections),
        blocks=tuple(blocks),
        comments=comments,
        _line_starts=tuple(builder.line_starts),
    )
