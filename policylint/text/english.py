"""English: tokenisation, normalisation and inflection-tolerant matching."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import regex

from policylint.text import syllable_table
from policylint.text.chars import BIDI_MARKS, ascii_digits
from policylint.text.syllable_table import SyllableTable

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


class Syllables:
    """English syllables as textstat counts them: the stressed vowels of a word's first
    pronunciation in the CMU dictionary (syllable_table), else pyphen's hyphenation
    points plus one."""

    def __init__(self, table: SyllableTable) -> None:
        self._table = table
        self._hyphenator: Any = None

    def in_dictionary(self, word: str) -> int | None:
        """Stressed vowels of the word's first pronunciation, or None if it has none."""
        return self._table.get(word)

    @functools.lru_cache(maxsize=8192)
    def count(self, word: str) -> int:
        found = self._table.get(word)
        if found is not None:
            return found
        if self._hyphenator is None:
            import pyphen

            self._hyphenator = pyphen.Pyphen(lang="en_US")
        return len(self._hyphenator.positions(word)) + 1


@functools.cache
def syllables() -> Syllables:
    return Syllables(syllable_table.load())


# Flesch reading ease and Flesch-Kincaid grade exactly as textstat 0.7 computes them
# (tests/test_readability.py compares the two on every English fixture and on generated
# text): its import chain (NLTK, and with it scipy and scikit-learn when installed) cost
# a second and tens of megabytes per process, for two formulas and a word count.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def _counts(text: str) -> tuple[int, int, int]:
    """Words, syllables, and sentences of more than two words, as textstat counts them
    (it then takes at least one sentence in a text that is not empty)."""
    words = _words(text)
    table = syllables()
    sentences = _SENTENCE.findall(text)
    return len(words), sum(table.count(word.lower()) for word in words), len(sentences) - sum(1 for s in sentences if len(_words(s)) <= 2)


def flesch(text: str) -> tuple[float, float]:
    """Flesch reading ease (higher is easier) and Flesch-Kincaid grade, as textstat gives them."""
    words, syllable_count, sentences = _counts(text)
    return _scores(words, syllable_count, max(1, sentences) if text else 0)


def _scores(words: int, syllable_count: int, sentences: int) -> tuple[float, float]:
    per_sentence = words / sentences if sentences else 0.0
    per_word = syllable_count / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0, 0.0
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word, 0.39 * per_sentence + 11.8 * per_word - 15.59


_ENDS_FLESCH_SENTENCE = re.compile(r"[.!?]\Z")


def flesch_of(texts: Sequence[str]) -> tuple[float, float]:
    """flesch(" ".join(texts)), from counts remembered text by text.

    A section is measured alone and inside its document, and the same sentences recur
    across a repository's policies. The counts add up when every text ends with one of
    .!? : textstat's words never run across a space, and its sentences stop there.
    """
    if not texts or not all(_ENDS_FLESCH_SENTENCE.search(t) for t in texts):
        return flesch(" ".join(texts))
    words = syllable_count = sentences = 0
    for text in texts:
        w, s, n = _tally(text)
        words, syllable_count, sentences = words + w, syllable_count + s, sentences + n
    return _scores(words, syllable_count, max(1, sentences))


# A sentence is counted for its section and again for its document, and recurs across
# a repository's policies.
_tally = functools.lru_cache(maxsize=2048)(_counts)


@functools.lru_cache(maxsize=2048)
def word_count(text: str) -> int:
    """How many words (and signs) word_tokenize finds; remembered, for the same reason."""
    return len(word_tokenize(text))
