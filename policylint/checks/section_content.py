"""section-content: a section, where the policy has it, says a particular thing.

The complaints procedure says what happens when the resolution time cannot be met; the
escalation section names to whom and how. Whether the section exists at all is the
business of `required-section`; this check stays silent when it is missing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Document, Section
from policylint.findings import Hit
from policylint.text.slots import SLOT, blank_slots
from policylint.text.tokens import PhraseMatcher, PhraseSet, phrase_words


class SectionContent(Check):
    type_name = "section-content"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # Names of the section, matched like required-section's.
        section: tuple[str, ...]
        # Words or phrases, any one of which in the section's text is enough.
        any_of: tuple[str, ...] = ()
        # Regular expressions that are also enough (an e-mail address, say).
        patterns: tuple[str, ...] = ()
        # Names of other sections where saying it is as good, though they do not make the
        # rule apply: the escalation section may be where the ombudsman is named.
        also_in: tuple[str, ...] = ()

        @functools.cached_property
        def section_phrases(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.section))

        @functools.cached_property
        def also_in_phrases(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.also_in))

        @functools.cached_property
        def matcher(self) -> PhraseMatcher:
            return PhraseMatcher([p for p in map(phrase_words, self.any_of) if p])

        @functools.cached_property
        def compiled(self) -> tuple[UserPattern, ...]:
            return tuple(UserPattern(p) for p in self.patterns)

    def prepare(self, params: Params) -> None:
        if not params.section_phrases:
            raise ValueError("'section' needs at least one name")
        if not params.any_of and not params.patterns:
            raise ValueError("give 'any_of' or 'patterns': what the section must say")
        params.matcher, params.compiled, params.also_in_phrases

    def _says(self, doc: Document, section: Section, params: Params) -> bool:
        """Does the section's text say it? Template placeholders say nothing: a contact
        section that reads "[عنوان البريد الإلكتروني]" gives no address."""
        body = doc.prose[section.body.start : section.body.end]
        held = [(m.start() + section.body.start, m.end() + section.body.start) for m in SLOT.finditer(body)]
        for sentence in doc.sentences_in(section.body):
            tokens = sentence.tokens
            for _, first, _last in params.matcher.find(tokens):
                if not any(s <= tokens[first].start < e for s, e in held):
                    return True
        return any(p.search(blank_slots(body)) for p in params.compiled)

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        sections = [s for s in doc.body_sections if params.section_phrases.in_words(s.words)]
        if not sections:
            return
        also = [s for s in doc.body_sections if params.also_in and params.also_in_phrases.in_words(s.words)]
        if not any(self._says(doc, s, params) for s in (*sections, *also)):
            yield Hit(sections[0].title_span, {"section": sections[0].title})
