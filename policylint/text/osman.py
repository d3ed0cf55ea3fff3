"""OSMAN, the Arabic readability metric of El-Haj and Rayson (LREC 2016), as the
reference Java implementation computes it.

textstat's `osman()` cannot be used: it deletes diacritics before looking for them, so it
never sees a short or long vowel and its complex-word count is always 0. This module
follows the reference implementation's counting rules, including its behaviour on text
without diacritics (most real text): when no short vowel is marked, the syllable count
falls back to the number of letters other than alef and alef maqsura, minus two.

    OSMAN = 200.791 - 1.015 * (words / sentences)
            - 24.18143403 * (complex + syllables + faseeh + long) / words

Higher is easier: the reference implementation's own samples score about 97 (a
children's book), 81 (a newspaper) and 33 (a university physics text).

Policies are rarely vocalised, but often carry a stray shadda or kasra to disambiguate
one word. In the reference's counting a single mark switches the fallback off and the
whole text then seems to have almost no syllables (a policy with two marks scored 181).
So when fewer than half of the words carry a short vowel, the marks are set aside and
the text is measured as undiacritised text, which is what it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Short vowels and the marks the reference counts (fatha, fathatan, damma, dammatan,
# kasra, kasratan, shadda) and the ones it also removes (sukun, maddah, and two rare marks).
_COMPLEX_MARKS = "\u064e\u064b\u064f\u064c\u0650\u064d\u0651"
_ALL_MARKS = _COMPLEX_MARKS + "\u0652\u0653\u0657\u0658"
_SHORT_VOWELS = "\u064e\u064f\u0650"
_LONG_VOWEL_LETTERS = "\u0627\u0648\u064a"  # alef, waw, ya after a short vowel
_STRESS = "\u064b\u064c\u064d\u0651"  # tanween and shadda count double
_FASEEH_LETTERS = "\u0626\u0621\u0624\u0630\u0638"  # ئ ء ؤ ذ ظ
# The reference's cleaner removes ASCII digits and ASCII punctuation only (Java's \d and
# \p{Punct}); Arabic punctuation and digits stay part of words, as they do there.
_ASCII_PUNCT = re.compile(r"[!-/:-@\[-`{-~]+")
_ASCII_DIGIT = re.compile(r"[0-9]")
_SENTENCE_BREAK = re.compile(r"\n|(?<![0-9])\.(?![0-9])")


@dataclass(frozen=True)
class OsmanCounts:
    words: int
    sentences: int
    complex_words: int
    syllables: int
    faseeh: int
    long_words: int

    @property
    def score(self) -> float:
        if self.words == 0:
            return 0.0
        per_word = (self.complex_words + self.syllables + self.faseeh + self.long_words) / self.words
        return 200.791 - 1.015 * (self.words / max(self.sentences, 1)) - 24.18143403 * per_word


def _clean_words(text: str) -> list[str]:
    cleaned = _ASCII_PUNCT.sub("", _ASCII_DIGIT.sub("", text))
    return cleaned.split()


def _vowels(text: str) -> tuple[int, int]:
    """Short vowels, and short vowels followed by a long-vowel letter (long syllables)."""
    short = long = 0
    last = len(text) - 1
    # From vowel to vowel, not letter by letter: most policies carry few marks or none.
    for vowel in _SHORT_VOWELS:
        at = text.find(vowel)
        while at >= 0:
            if at < last and text[at + 1] in _LONG_VOWEL_LETTERS:
                long += 1
            else:
                short += 1
            at = text.find(vowel, at + 1)
    return short, long


def syllables(text: str) -> int:
    """Short syllables, plus long and stressed ones counted twice."""
    short, long = _vowels(text)
    stress = sum(text.count(mark) for mark in _STRESS)
    if short == 0:
        letters = re.sub(r"[\u0627\u0649?.!, ]", "", text)
        short = len(letters) - 2
    return short + 2 * (long + stress)


def _mostly_vocalised(text: str) -> bool:
    words = text.split()
    marked = sum(1 for w in words if any(c in _SHORT_VOWELS for c in w))
    return marked * 2 >= len(words)


def counts(text: str, sentences: int | None = None) -> OsmanCounts:
    """OSMAN's counts for `text`; `sentences` overrides the reference's simple splitter."""
    if not _mostly_vocalised(text):
        text = text.translate(dict.fromkeys(map(ord, _ALL_MARKS)))
    words = _clean_words(text)
    spaced = text.split(" ")
    complex_words = sum(1 for w in spaced if sum(w.count(m) for m in _COMPLEX_MARKS) >= 4)
    faseeh = sum(1 for w in text.strip().split(" ") if syllables(w) >= 4 and any(c in w for c in _FASEEH_LETTERS))
    bare = text.translate(dict.fromkeys(map(ord, _ALL_MARKS)))
    long_words = sum(1 for w in _clean_words(bare) if len(w) >= 5)
    if sentences is None:
        parts = _SENTENCE_BREAK.split(text)
        while parts and parts[-1] == "":
            parts.pop()
        sentences = len(parts)
    return OsmanCounts(len(words), sentences, complex_words, syllables(text), faseeh, long_words)


def osman(text: str, sentences: int | None = None) -> float:
    return counts(text, sentences).score


# Sentence by sentence. A document's readability is measured over all of it and again
# section by section, and repositories repeat their sentences from policy to policy:
# each sentence's tallies are made once, and what `counts` computes over the joined text
# is their sum (tests/test_readability.py checks that the two always agree).

_FALLBACK_SKIPPED = re.compile(r"[\u0627\u0649?.!, ]")
_STRIP_MARKS = dict.fromkeys(map(ord, _ALL_MARKS))


@functools.lru_cache(maxsize=8192)
def _word_syllables(word: str) -> int:
    return syllables(word)


def _variant(text: str, marked: bool) -> tuple[int, ...]:
    """(words, complex words, faseeh words, short, long, stressed, letters) of one text,
    as written or with its marks set aside (`marked` False: it has none, so no complex
    word, vowel or stress either)."""
    short, long = _vowels(text) if marked else (0, 0)
    spaced = text.split(" ")
    return (
        len(_clean_words(text)),
        sum(1 for w in spaced if sum(w.count(m) for m in _COMPLEX_MARKS) >= 4) if marked else 0,
        sum(1 for w in spaced if w and any(c in w for c in _FASEEH_LETTERS) and _word_syllables(w) >= 4),
        short,
        long,
        sum(text.count(mark) for mark in _STRESS) if marked else 0,
        len(_FALLBACK_SKIPPED.sub("", text)),
    )


@functools.lru_cache(maxsize=2048)
def _tally(text: str) -> tuple[int, int, int, tuple[int, ...], tuple[int, ...]]:
    """(words, words with a short vowel, long words, tallies as written, tallies without marks)."""
    words = text.split()
    bare = text.translate(_STRIP_MARKS)
    marked = sum(1 for w in words if any(c in _SHORT_VOWELS for c in w)) if bare != text else 0
    long_words = sum(1 for w in _clean_words(bare) if len(w) >= 5)
    without_marks = _variant(bare, marked=False)
    return len(words), marked, long_words, _variant(text, marked=True) if bare != text else without_marks, without_marks


def counts_of(texts: Sequence[str]) -> OsmanCounts:
    """`counts(" ".join(texts), sentences=len(texts))`, made from each text's tallies."""
    # strip() would change the first or last word: where the text, or the text with its
    # marks set aside (as `counts` measures a text with few vowel marks), begins or ends
    # with a space.
    edges = (texts[0], texts[-1], texts[0].translate(_STRIP_MARKS), texts[-1].translate(_STRIP_MARKS)) if texts else ()
    if not texts or any(not t or t[0].isspace() or t[-1].isspace() for t in edges):
        return counts(" ".join(texts), sentences=len(texts))
    tallies = [_tally(t) for t in texts]
    vocalised = sum(t[1] for t in tallies) * 2 >= sum(t[0] for t in tallies)
    parts = [t[3] if vocalised else t[4] for t in tallies]
    words, complex_words, faseeh, short, long, stress, letters = (sum(column) for column in zip(*parts))
    if short == 0:
        short = letters - 2
    return OsmanCounts(words, len(texts), complex_words, short + 2 * (long + stress), faseeh, sum(t[2] for t in tallies))
