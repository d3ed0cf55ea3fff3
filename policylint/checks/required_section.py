"""required-section: the document has a section for a component the guidance requires."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Document
from policylint.findings import Hit, Span
from policylint.text.quantities import bare_quantity, find_promises
from policylint.text.tokens import PhraseSet, phrase_words


class RequiredSection(Check):
    type_name = "required-section"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # Names and synonyms of the component, in any language, in dictionary form:
        # articles, conjunctions, diacritics and numbering in headings do not matter.
        names: tuple[str, ...]
        # Regular expressions that also satisfy the component when found in the prose
        # (contact details written as a bare e-mail address, say).
        evidence: tuple[str, ...] = ()
        # Names of sections that hold the component only when they promise a time: a
        # "Channels" section that gives each channel's reply time is the service
        # standards, one that lists only addresses is not.
        names_with_times: tuple[str, ...] = ()

        @functools.cached_property
        def phrases(self) -> PhraseSet:
            return PhraseSet(phrase_words(name) for name in self.names)

        @functools.cached_property
        def phrases_with_times(self) -> PhraseSet:
            return PhraseSet(phrase_words(name) for name in self.names_with_times)

        @functools.cached_property
        def evidence_patterns(self) -> tuple[UserPattern, ...]:
            return tuple(UserPattern(p) for p in self.evidence)

    def prepare(self, params: Params) -> None:
        if not params.phrases:
            raise ValueError("'names' needs at least one name with a word in it")
        params.evidence_patterns, params.phrases_with_times

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        for section in doc.body_sections:
            if params.phrases.in_words(section.words):
                return
            if params.names_with_times and params.phrases_with_times.in_words(section.words) and _promises_a_time(doc, section.body):
                return
        if any(p.search(doc.prose) for p in params.evidence_patterns):
            return
        yield Hit(Span(0, doc.line_span(1).end), about="")


def _promises_a_time(doc: Document, body: Span) -> bool:
    """Whether a section's body promises a time: "within 24 hours", or a table cell that
    is a time alone ("| P1 | 15 minutes |")."""
    for sentence in doc.sentences_in(body):
        if find_promises(sentence.tokens):
            return True
    return any(block.kind == "table_cell" and any(bare_quantity(s.tokens) for s in block.sentences) for block in doc.blocks_in(body))
