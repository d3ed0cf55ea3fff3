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


def words_match(text_word: str, entry_word: str) -> bool:
    """Does a normalised word match a dictionary word, allowing regular inflections?"""
    return text_word == entry_word or text_word in _inflections(entry_word)
