"""title: the document has exactly one title, and it says which policy this is.

The title is the first-level heading (or, without one, a bold line or heading opening
the document). A second first-level heading splits the document in two for every reader
and every tool; a title that is only "Policy" or a placeholder names nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit, Span
from policylint.text.slots import blank_slots
from policylint.text.tokens import phrase_words

PROBLEMS = ("missing", "multiple", "generic")


class TitleCheck(Check):
    type_name = "title"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        problem: str
        # Words that name no particular document on their own ("Policy", "سياسة").
        generic: tuple[str, ...] = ()

        @functools.cached_property
        def generic_words(self) -> frozenset[str]:
            return frozenset(w for g in self.generic for w in phrase_words(g))

    def prepare(self, params: Params) -> None:
        if params.problem not in PROBLEMS:
            raise ValueError(f"'problem' must be one of {', '.join(PROBLEMS)}, not {params.problem!r}")

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        if params.problem == "missing":
            if doc.title is None:
                yield Hit(Span(0, doc.line_span(1).end), about="")
        elif params.problem == "multiple":
            firsts = [s for s in doc.sections if s.style == "heading" and s.level == 1]
            for extra in firsts[1:]:
                yield Hit(extra.title_span, {"title": firsts[0].title, "line": doc.position(firsts[0].title_span.start).line})
        elif doc.title is not None:
            text = blank_slots(doc.title.title)
            words = [w for w in phrase_words(text) if not w.isdigit()] if text.strip() else []
            if not [w for w in words if w not in params.generic_words]:
                yield Hit(doc.title.title_span, {"title": doc.title.title})
