"""structure: the document's parts are each there once and each say something.

- empty-section: a heading with nothing under it (no text, no subsection with text);
- duplicate-section: two headings that name the same part ("## الشكاوى" twice, or
  "## 5. Complaints" and "## Complaints"), reported at the second;
- repeated-paragraph: the same paragraph (of min_words words or more) twice, at the second.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit

PROBLEMS = ("empty-section", "duplicate-section", "repeated-paragraph")


class StructureCheck(Check):
    type_name = "structure"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        problem: str
        # repeated-paragraph: shorter paragraphs ("نعم.", a list item "Phone") may repeat.
        min_words: int = 8

    def prepare(self, params: Params) -> None:
        if params.problem not in PROBLEMS:
            raise ValueError(f"'problem' must be one of {', '.join(PROBLEMS)}, not {params.problem!r}")

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        if params.problem == "empty-section":
            yield from self._empty(doc)
        elif params.problem == "duplicate-section":
            yield from self._duplicate_sections(doc)
        else:
            yield from self._repeated_paragraphs(doc, params.min_words)

    @staticmethod
    def _empty(doc: Document) -> Iterator[Hit]:
        for section in doc.body_sections:
            if section.style != "heading":
                continue
            has_text = any(b.kind != "heading" and any(s.words for s in b.sentences) for b in doc.blocks_in(section.body))
            if not has_text:
                yield Hit(section.title_span, {"section": section.title})

    @staticmethod
    def _duplicate_sections(doc: Document) -> Iterator[Hit]:
        first_seen: dict[tuple[str, ...], int] = {}
        for section in doc.body_sections:
            if section.style != "heading" or not section.words:
                continue
            line = doc.position(section.title_span.start).line
            if section.words in first_seen:
                yield Hit(section.title_span, {"section": section.title, "line": first_seen[section.words]})
            else:
                first_seen[section.words] = line

    @staticmethod
    def _repeated_paragraphs(doc: Document, min_words: int) -> Iterator[Hit]:
        first_seen: dict[tuple[str, ...], int] = {}  # words -> where they first stand
        for block in doc.blocks:
            if block.kind not in ("paragraph", "list_item", "quote"):
                continue
            words = tuple(t.norm for s in block.sentences for t in s.words)
            if len(words) < min_words:
                continue
            if words in first_seen:
                yield Hit(block.span, {"line": doc.position(first_seen[words]).line})
            else:
                first_seen[words] = block.span.start  # its line is worked out if it repeats
