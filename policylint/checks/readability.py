"""readability: text in one language is at least as easy to read as a floor, over the
whole document or section by section (OSMAN for Arabic, Flesch reading ease for English)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context
from policylint.document import Document, Section, Sentence
from policylint.findings import Hit, Span
from policylint.text.readability import measure

SCOPES = ("document", "section")


def title_starts(doc: Document) -> frozenset[int]:
    """Where each heading and each bold line standing alone starts: the sentence that
    starts there is a title, not a sentence of the text."""
    return doc.shared("title starts", lambda: frozenset(s.title_span.start for s in doc.sections if s.style != "label"))


def readable_texts(doc: Document, sentences: Iterable[Sentence], lang: str) -> list[str]:
    """The text of each sentence in `lang`, a line split off at its label («المالك: ...»)
    read with the sentence before it (Sentence.continues): the formulas' reference
    implementations read a paragraph's text, where such lines run on. Titles are left
    out: a policy's dozen two-word headings, read as sentences, made it look easier."""
    titles = title_starts(doc)
    spans: list[tuple[int, int]] = []
    for s in sentences:
        if s.lang != lang or s.span.start in titles:
            continue
        if s.continues and spans:
            spans[-1] = (spans[-1][0], s.span.end)
        else:
            spans.append((s.span.start, s.span.end))
    return [doc.prose[start:end] for start, end in spans]


def own_sentences(doc: Document, lang: str) -> Iterator[tuple[Section, list[str]]]:
    """Each section with the sentences of its own text (up to the next section of any level)."""
    sections = list(doc.body_sections)
    for i, section in enumerate(sections):
        end = sections[i + 1].title_span.start if i + 1 < len(sections) else len(doc.source)
        yield section, readable_texts(doc, doc.sentences_in(Span(section.title_span.end, end)), lang)


class ReadabilityCheck(Check):
    type_name = "readability"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        lang: str
        scope: str
        min_score: float
        # Too little text says nothing about readability: skip what is shorter.
        min_words: int = 40

    def prepare(self, params: Params) -> None:
        if params.scope not in SCOPES:
            raise ValueError(f"'scope' must be one of {', '.join(SCOPES)}, not {params.scope!r}")
        if params.lang not in ("ar", "en"):
            raise ValueError(f"'lang' must be ar or en, not {params.lang!r}")

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        if params.scope == "document":
            texts = readable_texts(doc, doc.sentences, params.lang)
            if texts:
                result = measure(texts, params.lang)
                if result.words >= params.min_words and result.score < params.min_score:
                    yield Hit(Span(0, doc.line_span(1).end), self._values(result, params), about="")
            return
        for section, texts in own_sentences(doc, params.lang):
            if not texts:
                continue
            result = measure(texts, params.lang)
            if result.words >= params.min_words and result.score < params.min_score:
                yield Hit(section.title_span, self._values(result, params) | {"section": section.title})

    @staticmethod
    def _values(result, params: Params) -> dict[str, object]:
        return {"score": f"{result.score:.1f}", "floor": f"{params.min_score:g}", "words": result.words, "metric": result.metric}
