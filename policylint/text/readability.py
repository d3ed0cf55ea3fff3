"""Readability of a run of sentences, in the language they are written in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policylint.text import english, osman

_ENDERS = ".!?؟؛…"
METRICS = {"ar": "OSMAN", "en": "Flesch"}


@dataclass(frozen=True)
class Readability:
    lang: str
    score: float  # OSMAN for Arabic, Flesch reading ease for English; higher is easier
    grade: float | None  # Flesch-Kincaid grade for English
    words: int
    sentences: int

    @property
    def metric(self) -> str:
        return METRICS[self.lang]


def measure(texts: Sequence[str], lang: str) -> Readability:
    """Readability of sentences given one by one (our splitter decides what a sentence is)."""
    if lang == "ar":
        counts = osman.counts_of(texts)
        return Readability(lang, counts.score, None, counts.words, len(texts))
    # Flesch (as textstat counts) finds sentences by their final punctuation; list items often have none.
    ease, grade = english.flesch_of([t if t.rstrip()[-1:] in _ENDERS else t.rstrip() + "." for t in texts])
    return Readability(lang, ease, grade, sum(map(english.word_count, texts)), len(texts))
