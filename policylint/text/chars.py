"""Character classes shared by the language layer."""

from __future__ import annotations

import regex

_ARABIC_RANGES = r"\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF"
ARABIC_LETTER = regex.compile(f"[{_ARABIC_RANGES}]")
_LATIN_RANGES = r"A-Za-z\u00C0-\u024F"
LATIN_LETTER = regex.compile(f"[{_LATIN_RANGES}]")
# Everything else, to count letters by deleting the rest: findall would make a string of
# every letter of a policy.
NOT_ARABIC_LETTERS = regex.compile(f"[^{_ARABIC_RANGES}]+")
NOT_LATIN_LETTERS = regex.compile(f"[^{_LATIN_RANGES}]+")
TATWEEL = "\u0640"
# Directional marks that real documents carry invisibly; they must never block a match.
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200c\u200d"))
# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits count as digits everywhere.
DIGITS_TO_ASCII = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
    ord("\u066b"): ".",  # Arabic decimal separator
    ord("\u066c"): ",",  # Arabic thousands separator
}


def has_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(text) is not None


_TO_ASCII = regex.compile("[" + "".join(map(chr, DIGITS_TO_ASCII)) + "]")


def ascii_digits(text: str) -> str:
    # translate looks every character up in the table: a whole policy costs more than
    # the search that shows, for most, there is nothing to change.
    return text.translate(DIGITS_TO_ASCII) if _TO_ASCII.search(text) else text
