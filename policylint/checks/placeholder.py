"""placeholder: template text left unfilled ([X], [الشركة], {{name}}, TODO, ____)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Block, Document
from policylint.findings import Hit, Span
from policylint.text.tokens import PhraseSet, phrase_words, tokenize

# A bracketed stretch of text, for `outside_brackets`.
_BRACKETED = regex.compile(r"\[[^\[\]\n]*\]")


class Placeholder(Check):
    type_name = "placeholder"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # Regular expressions run over the prose (links, code, HTML and Markdown syntax
        # are already blanked by the parser). The whole match is the placeholder.
        patterns: tuple[str, ...]
        ignore_case: bool = False
        # Matches whose text fully matches one of these are not placeholders ("[1]").
        allow: tuple[str, ...] = ()
        # Skip matches inside [...], which the bracket rule already reports.
        outside_brackets: bool = False
        # Labels of a signature («التوقيع», "Signature"): a section with a blank after one
        # is a sign-off form each reader fills in, and its blanks after a label ("Name:
        # ____", «التاريخ: ____») are not left over from the template.
        sign_off: tuple[str, ...] = ()

        @functools.cached_property
        def sign_off_phrases(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.sign_off))

        @functools.cached_property
        def compiled(self) -> UserPattern:
            flags = regex.I if self.ignore_case else 0
            try:
                return UserPattern("|".join(f"(?:{p})" for p in self.patterns), flags | regex.V1, shown=" | ".join(self.patterns))
            except ValueError:
                # Name the one pattern that is wrong; each is compiled alone only then
                # (compiling every pattern twice took milliseconds at every start).
                for pattern in self.patterns:
                    UserPattern(pattern)
                raise

        @functools.cached_property
        def exceptions(self) -> tuple[UserPattern, ...]:
            return tuple(UserPattern(p) for p in self.allow)

        @functools.cached_property
        def found_in(self) -> Callable[[str], tuple[tuple[int, int], ...]]:
            """Where a block's text holds placeholders, remembered: a template's
            paragraphs recur in every policy made from it."""
            return functools.lru_cache(maxsize=512)(functools.partial(_placeholders, self))

    def prepare(self, params: Params) -> None:
        params.compiled, params.exceptions, params.sign_off_phrases

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        found_in = params.found_in
        spans = []
        for block in doc.blocks:
            base = block.span.start
            spans.extend((block, Span(base + start, base + end)) for start, end in found_in(doc.prose[base : block.span.end]))
        forms = _sign_off_forms(doc, spans, params.sign_off_phrases) if params.sign_off and spans else set()
        for _, span in spans:
            if span in forms:
                continue
            written = doc.source[span.start : span.end]
            yield Hit(span, {"placeholder": _ESCAPE.sub(r"\1", written)})


# The label a blank is written after on its line: "Name: ____", «| التوقيع | ____ |»;
# what follows the last separator before the blank, ending in a colon or a cell's bar.
_LABEL_BEFORE = regex.compile(r"(?:^|[|:：_…●•]|\.{2,}|ـ{2,})\s*([^|:：_…●•\n]{1,40}?)\s*[:：|]\s*$", regex.M)


def _sign_off_forms(doc: Document, blanks: list[tuple[Block, Span]], sign_off: PhraseSet) -> set[Span]:
    """The blanks that are fields of a sign-off form: after a short label, in a section
    (or, before the first heading, a paragraph) that holds a blank after a signature label."""
    # Each block's place in its table row, and where the paragraphs break, found once:
    # looked for again at every blank, a row or a paragraph of thousands took quadratic time.
    cell_index = {id(cell): i for row in doc.table_rows.values() for i, cell in enumerate(row)}
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(doc.source)]
    labelled: dict[Span, tuple[tuple[str, ...], tuple[int, int]]] = {}
    for block, blank in blanks:
        label = _label_before(doc, block, blank, cell_index)
        if label is not None and len(words := tuple(t.norm for t in tokenize(label, block.lang) if t.is_word)) <= 4:
            labelled[blank] = (words, _form_around(doc, blank.start, breaks))
    forms = {form for words, form in labelled.values() if words and sign_off.in_words(words)}
    return {blank for blank, (_, form) in labelled.items() if form in forms}


_PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")


def _label_before(doc: Document, block: Block, blank: Span, cell_index: dict[int, int]) -> str | None:
    """The label a blank follows: the text before it on its line up to a colon, or the
    cell before a cell that is the blank alone ("| Employee ID | ____ |")."""
    if block.kind == "table_cell":
        if doc.prose[block.span.start : block.span.end].strip() != doc.prose[blank.start : blank.end]:
            return None
        row = doc.table_rows[block.row]
        index = cell_index[id(block)]
        return doc.prose[row[index - 1].span.start : row[index - 1].span.end] if index else None
    # Only the stretch a label and its separator can fill: a line of a thousand blanks
    # must not be searched from its start for each.
    line_start = doc.prose.rfind("\n", max(0, blank.start - 60), blank.start) + 1
    end = blank.start
    # A field of parts ("Date: ____ / ____ / ______"): the later parts are the label's too.
    for _ in range(_MAX_PARTS):
        part = _PART_BEFORE.search(doc.prose, max(line_start, end - 20), end)
        if part is None:
            break
        end = part.start()
    m = _LABEL_BEFORE.search(doc.prose, max(line_start, end - 60), end)
    return m.group(1) if m else None


# The blank and separator of an earlier part of the same field, right before a blank.
_PART_BEFORE = regex.compile(r"(?:_{2,}|ـ{2,})\s*[/.\-]\s*$")
_MAX_PARTS = 3


def _form_around(doc: Document, offset: int, breaks: list[int]) -> tuple[int, int]:
    """The innermost section around an offset, or its paragraph (between `breaks`) when
    that section is the document's title (a sign-off form there must not take the
    header's blanks along)."""
    # Not a label's own section: "Name:" and "Signature:" opening paragraphs each make one.
    sections = [s for s in doc.enclosing_sections(offset) if s.style != "label"]
    if sections and sections[0] is not doc.title:
        return (sections[0].title_span.start, sections[0].body.end)
    paragraph = bisect.bisect_right(breaks, offset)
    return (-1, paragraph)


# A backslash that escapes Markdown punctuation, as pandoc writes brackets from Word
# ("\[الشركة\]"): the placeholder is shown as the reader sees it, "[الشركة]".
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")


def _placeholders(params: Placeholder.Params, text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) in the text of each placeholder the rule's patterns find."""
    found = []
    brackets: list[tuple[int, int]] | None = None  # found when first needed
    for m in params.compiled.finditer(text):
        if m.end() == m.start():
            continue
        if any(p.fullmatch(m.group()) for p in params.exceptions):
            continue
        if params.outside_brackets:
            if brackets is None:
                brackets = [b.span() for b in _BRACKETED.finditer(text)]
            if any(s <= m.start() and m.end() <= e for s, e in brackets):
                continue
        found.append(m.span())
    return tuple(found)
