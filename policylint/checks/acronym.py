"""acronym: a Latin acronym (SLA, KPI, CRM) is explained before a customer meets it.

An acronym counts as explained when the definitions section mentions it, or when its
first use is expanded in parentheses, either way round: "اتفاقية مستوى الخدمة (SLA)",
"SLA (Service Level Agreement)". Arabic clitics glued to it are not part of it: "الـSLA",
"وKPIs". An address's box number and postal codes are no acronyms (text/postal.py).
Each unexplained acronym is reported once, at its first use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from policylint import glossary
from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit, Span
from policylint.text.acronyms import ACRONYM as _ACRONYM
from policylint.text.acronyms import is_expanded
from policylint.text.postal import postal_spans
from policylint.text.tokens import PhraseSet, phrase_words

_ROMAN = regex.compile(r"^[IVXLC]+$")
# A company's name in capitals before its legal form ("ACME LTD", "NAKHLA TRADING CO.
# LLC"), and the legal form itself, are no acronyms.
_LEGAL_FORM = regex.compile(r"(?:LTD|LIMITED|LLC|PLC|INC|CORP|CO|GMBH|LLP|WLL|W\.L\.L|PJSC|JSC|SPC)\b\.?")
_COMPANY_BEFORE = regex.compile(r"(?:\s+[A-Z][A-Z&]*\.?){0,3}\s+" + _LEGAL_FORM.pattern)
_WORD = regex.compile(r"\p{L}{2,}")


def _shouting(text: str) -> bool:
    """An ALL CAPS line ("OUR COMPLAINTS PROCESS") is emphasis, not acronyms."""
    words = _WORD.findall(text)
    capitals = [w for w in words if w.isupper()]
    return len(capitals) >= 2 and len(capitals) * 2 > len(words)


def _heading_in_capitals(text: str) -> bool:
    """A heading in capitals ("2. SCOPE", "7. REVIEW") is emphasis, even of one word: an
    acronym in one is reported where the text uses it."""
    words = _WORD.findall(text)
    return bool(words) and all(w.isupper() for w in words)


@functools.lru_cache(maxsize=1024)
def _candidates(sentence: str) -> tuple[tuple[str, str, int, int], ...]:
    """(acronym, without a plural s, start, end) of what may be an acronym in a sentence;
    remembered, as sentences recur across a repository's policies."""
    found = list(_ACRONYM.finditer(sentence))
    if not found or _shouting(sentence):  # most sentences hold no capitals at all
        return ()
    candidates = []
    addresses = postal_spans(sentence)
    for m in found:
        if any(start <= m.start(1) < end for start, end in addresses):
            continue  # "PO Box 12", "Austin, TX 78701", "Bristol BS1 4DJ"
        acronym = m[1]
        if _LEGAL_FORM.fullmatch(acronym) or _COMPANY_BEFORE.match(sentence, m.end(1)):
            continue  # "ACME LTD"
        bare = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
        if not _ROMAN.match(bare) and regex.search(r"[A-Z].*[A-Z]", bare):
            candidates.append((acronym, bare, m.start(1), m.end(1)))
    return tuple(candidates)


class AcronymCheck(Check):
    type_name = "acronym"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # "ar" or "en": acronyms in sentences of that language.
        lang: str
        # Names of the definitions section; an acronym mentioned there is defined.
        definitions: tuple[str, ...]
        # Acronyms every reader knows (PDF, SMS): never reported.
        known: tuple[str, ...] = ()

        @functools.cached_property
        def definition_phrases(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.definitions))

    def prepare(self, params: Params) -> None:
        if params.lang not in ("ar", "en"):
            raise ValueError(f"'lang' must be ar or en, not {params.lang!r}")
        params.definition_phrases

    def _defined_in_glossary(self, doc: Document, params: Params) -> set[str]:
        defined: set[str] = set()
        for section in glossary.sections(doc, params.definition_phrases):
            for m in _ACRONYM.finditer(doc.prose, section.body.start, section.body.end):
                defined |= {m[1], m[1].removesuffix("s")}
        return defined

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        known = set(params.known)
        seen = self._defined_in_glossary(doc, params) | known
        titles = {section.title_span for section in doc.sections}
        for sentence in doc.sentences:
            if sentence.lang != params.lang:
                continue
            if sentence.span in titles and _heading_in_capitals(doc.prose[sentence.span.start : sentence.span.end]):
                continue
            for acronym, bare, first, last in _candidates(doc.prose[sentence.span.start : sentence.span.end]):
                if acronym in seen or bare in seen:
                    continue
                seen |= {acronym, bare}
                start, end = sentence.span.start + first, sentence.span.start + last
                if is_expanded(doc.prose, start, end):
                    continue
                yield Hit(Span(start, end), {"acronym": bare})

