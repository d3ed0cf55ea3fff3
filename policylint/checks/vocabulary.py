"""vocabulary: words and phrases from a list (jargon, loanwords, wordy phrasing), each
with a plainer suggestion. Matching is clitic-aware in Arabic ("والإيميل" matches
"إيميل") and inflection-tolerant in English ("utilised" matches "utilise")."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from policylint import glossary
from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Document, Sentence
from policylint.findings import Hit, Localised, Span
from policylint.text.acronyms import is_expanded
from policylint.text.tokens import (
    PhraseMatcher,
    PhraseSet,
    Token,
    normalise,
    phrase_words,
)


@dataclass(frozen=True)
class Entry:
    phrase: tuple[str, ...]
    spelling: str
    suggestion: str | Localised
    # Only when a word beginning with this prefix follows within a few words, before any
    # of `unless_before` and the clause's end: «سيقوم مدير خدمة العملاء بالإقرار» is
    # heavy, «تقوم هذه المدونة على النزاهة والالتزام بالقيم» (rests on) is not.
    prefix_after: str = ""
    unless_before: frozenset[str] = frozenset()

    def heavy_here(self, tokens: Sequence[Token], last: int) -> bool:
        if not self.prefix_after:
            return True
        for token in tokens[last + 1 : last + 1 + _PREFIX_WINDOW]:
            if token.norm in self.unless_before or token.text in _CLAUSE_ENDS:
                return False
            if token.norm.startswith(self.prefix_after):
                return True
        return False


# How far on an entry's `prefix_after` word may come: past a subject of a few words.
_PREFIX_WINDOW = 6
_CLAUSE_ENDS = frozenset(".,،;؛:!?؟")


def _suggestion(value: Any, entry: int) -> str | Localised:
    """A suggestion is text, or {ar: ..., en: ...} when it instructs rather than names a
    word, so that the message can give it in its own language."""
    if isinstance(value, dict):
        if not value or set(value) - {"ar", "en"} or not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"entry {entry}: 'suggest' must be text, or a mapping with keys 'ar' and/or 'en'")
        return Localised(value)
    return str(value)


class Vocabulary(Check):
    type_name = "vocabulary"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # "ar" or "en": sentences in that language only; none: every sentence, each entry
        # in the language it is written in.
        lang: str | None = None
        # Each entry: {word: "إيميل" or [spellings...], suggest: "بريد إلكتروني"}.
        entries: tuple[dict[str, Any], ...]
        # Match only the exact capitalisation (acronyms: "SLA", not "sla").
        case_sensitive: bool = False
        # Only in sentences that also contain one of these words or phrases ("review").
        requires: tuple[str, ...] = ()
        # Phrases that hold one of `requires` but are none: «بما ورد في هذه السياسة» (as
        # this policy states) holds «رد» (reply) behind its «و».
        not_required: tuple[str, ...] = ()
        # Not in sentences that match one of these regular expressions (a number, "annually").
        unless: tuple[str, ...] = ()
        # Not where the text spells the word out beside it: "customer satisfaction (CSAT)".
        allow_spelled_out: bool = False
        # Names of the definitions section: not where an entry there defines the word
        # ("- **SLA**: the times we promise"), which is the explanation the rule asks for.
        definitions: tuple[str, ...] = ()

        @functools.cached_property
        def definition_names(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.definitions))

        @functools.cached_property
        def _required_phrases(self) -> list[tuple[str, ...]]:
            return [p for p in map(phrase_words, self.requires) if p]

        @functools.cached_property
        def required(self) -> PhraseMatcher | None:
            # The phrases that are none come after the required ones: found as the longer
            # match, they hide the word inside them (see required_in).
            not_required = [p for p in map(phrase_words, self.not_required) if p]
            return PhraseMatcher([*self._required_phrases, *not_required]) if self.requires else None

        def required_in(self, tokens: Sequence[Token]) -> list[tuple[int, int, int]]:
            """Where the sentence holds one of `requires`, as (phrase, first, last)."""
            if self.required is None:
                return []
            if not self.not_required:
                return self.required.find(tokens)
            return [found for found in self.required.find_longest(tokens) if found[0] < len(self._required_phrases)]

        @functools.cached_property
        def exceptions(self) -> tuple[UserPattern, ...]:
            return tuple(UserPattern(p, regex.I) for p in self.unless)

        @functools.cached_property
        def compiled(self) -> tuple[Entry, ...]:
            compiled = []
            for i, entry in enumerate(self.entries, 1):
                unknown = set(entry) - {"word", "suggest", "prefix_after", "unless_before"}
                if unknown or "word" not in entry or "suggest" not in entry:
                    raise ValueError(
                        f"entry {i} must have 'word' and 'suggest' (and may have 'prefix_after', 'unless_before'), got {sorted(entry)}"
                    )
                prefix_after = entry.get("prefix_after", "")
                unless_before = entry.get("unless_before", [])
                if not isinstance(prefix_after, str) or not isinstance(unless_before, list):
                    raise ValueError(f"entry {i}: 'prefix_after' must be text, such as ب, and 'unless_before' a list of words")
                spellings = entry["word"] if isinstance(entry["word"], list) else [entry["word"]]
                for spelling in spellings:
                    phrase = phrase_words(str(spelling), self.lang)
                    if not phrase:
                        raise ValueError(f"entry {i}: {spelling!r} has no word in it")
                    compiled.append(Entry(
                        phrase, str(spelling), _suggestion(entry["suggest"], i), normalise(prefix_after),
                        frozenset(normalise(str(w)) for w in unless_before),
                    ))  # fmt: skip
            return tuple(compiled)

        @functools.cached_property
        def matcher(self) -> PhraseMatcher:
            return PhraseMatcher([entry.phrase for entry in self.compiled])

    def prepare(self, params: Params) -> None:
        params.matcher, params.required, params.exceptions, params.definition_names

    def applies(self, doc: Document, sentence: Sentence, params: Params) -> bool:
        if params.lang is not None and sentence.lang != params.lang:
            return False
        if params.required is not None and not params.required_in(sentence.tokens):
            return False
        text = doc.source[sentence.span.start : sentence.span.end]
        return not any(p.search(text) for p in params.exceptions)

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        may_occur = params.matcher.may_occur
        if not may_occur(doc.word_keys):
            return  # no word of the document starts an entry: most lists, most documents
        for sentence in doc.sentences:
            # A sentence none of whose words starts an entry has no hit: pass it before
            # the costlier tests of whether the rule applies to it.
            if may_occur(sentence.tokens.all_keys) and self.applies(doc, sentence, params):
                yield from self.sentence_hits(doc, sentence, params)

    def sentence_hits(self, doc: Document, sentence: Sentence, params: Params) -> Iterator[Hit]:
        tokens = sentence.tokens

        def spelled_as_listed(index: int, first: int, last: int) -> bool:
            return not params.case_sensitive or params.compiled[index].spelling in doc.text(Span(tokens[first].start, tokens[last].end))

        for index, first, last in params.matcher.find_longest(tokens, keep=spelled_as_listed):
            if not params.compiled[index].heavy_here(tokens, last):
                continue
            span = Span(tokens[first].start, tokens[last].end)
            if params.allow_spelled_out and is_expanded(doc.prose, span.start, span.end):
                continue
            if params.definitions and glossary.is_defined_here(doc, params.definition_names, span):
                continue
            yield Hit(span, {"word": doc.text(span), "suggestion": params.compiled[index].suggestion})
