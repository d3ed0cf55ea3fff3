"""Sentence splitting for Arabic and English prose.

A sentence ends at . ! ? ؟ ؛ … or an inline bullet (•, as the seed templates write lists
inside a paragraph), never at the Arabic comma ، nor inside a number (3.5, ٣٫٥), an
address (example.com) or a known abbreviation (e.g., Dr., ص.ب.).
"""

from __future__ import annotations

import regex

_ENDERS = "!?؟؛…"
_BULLETS = "•▪◦●■"
_CLOSERS = "\"'”’»)]*_"
ABBREVIATIONS = frozenset(
    "e.g i.e etc vs mr mrs ms dr prof st no nos approx dept inc ltd co corp jr sr fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "ext tel min max ref cf al p pp vol art sec".split()
) | {"ص.ب", "ص", "د", "م", "هـ", "ه", "ق", "أ", "س"}

MAX_ABBREVIATION_LOOKBACK = 32
# "3." or "ب." opening a sentence numbers it; it does not end it.
_NUMBERING = regex.compile(r"\s*(?:\p{N}+|\p{L})")
_LAST_WORD = regex.compile(r"([\p{L}\p{M}.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    # Only the word just before the dot matters; looking further back would make a long
    # paragraph full of dots quadratic.
    match = _LAST_WORD.search(text, max(0, dot - MAX_ABBREVIATION_LOOKBACK), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".").replace("ـ", "")
    if word in ABBREVIATIONS:
        return True
    # A single Latin capital is an initial: "J. Smith".
    return len(word) == 1 and word.isascii() and text[match.start()].isupper()


# The only characters where a sentence can end: the loop below jumps from one to the next.
_CANDIDATE = regex.compile("[" + regex.escape(_ENDERS + _BULLETS + ".") + "]")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    found = _CANDIDATE.search(text)
    while found is not None:
        i = found.start()
        ch = text[i]
        boundary_end = None
        if ch in _BULLETS:
            spans.append((start, i))
            start = i + 1
        else:
            j = i
            while j + 1 < n and (text[j + 1] in _ENDERS or text[j + 1] == "."):
                j += 1
            k = j
            while k + 1 < n and text[k + 1] in _CLOSERS:
                k += 1
            at_gap = k + 1 >= n or text[k + 1].isspace()
            numbering = ch == "." and _NUMBERING.fullmatch(text, start, i) is not None
            if at_gap and not numbering and not (ch == "." and j == i and _is_abbreviation(text, i)):
                boundary_end = k + 1
            i = k
        if boundary_end is not None:
            spans.append((start, boundary_end))
            start = boundary_end
        found = _CANDIDATE.search(text, i + 1)
    spans.append((start, n))
    trimmed = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s and _WORDLIKE.search(text, s, e):
            trimmed.append((s, e))
    return trimmed
