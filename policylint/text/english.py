"""English: tokenisation, normalisation and inflection-tolerant matching."""

from __future__ import annotations

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
