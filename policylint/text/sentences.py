"""Sentence splitting for Arabic and English prose.

A sentence ends at . ! ? ؟ ؛ … or an inline bullet (•, as the seed templates write lists
inside a paragraph), never at the Arabic comma ، nor inside a number (3.5, ٣٫٥), an
address (example.com) or a known abbreviation (e.g., Dr., ص.ب.). A line that opens with
a label («المالك: ...», "**Version:** 2.1") after another such line starts a sentence of
its own: a document's control block is often lines of one paragraph, none ending in a
full stop. Such a sentence is marked as continuing the one before it, for the
readability formulas, which read a paragraph's text as their reference implementations
do.
"""

from __future__ import annotations

import regex

from policylint.text.labels import label_at

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
    if len(word) == 1 and word.isascii() and text[match.start()].isupper():
        return True
    # A dotted abbreviation ("a.m.", "U.S.", "U.K.") before a word in lower case goes on:
    # "at 9 a.m. every day", "our U.S. office". Before a capital it may end a sentence.
    return "." in word and _LOWER_NEXT.match(text, dot + 1) is not None


_LOWER_NEXT = regex.compile(r"[ \t]{1,4}\p{Ll}")


# The only characters where a sentence can end: the loop below jumps from one to the next.
_CANDIDATE = regex.compile("[" + regex.escape(_ENDERS + _BULLETS + ".") + "\n]")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def split(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, continues) of each sentence in `text`, trimmed of surrounding white
    space; `continues` when no sentence ended before it, only a line opened with a label."""
    spans: list[tuple[int, int, bool]] = []
    start = 0
    continues = False
    n = len(text)
    found = _CANDIDATE.search(text)
    while found is not None:
        i = found.start()
        ch = text[i]
        boundary_end = None
        if ch in _BULLETS:
            spans.append((start, i, continues))
            start, continues = i + 1, False
        elif ch == "\n":
            # Both lines must open with a label (labels.py): prose wrapped before
            # "customers: retail, ..." goes on. Each test ends at its line's end.
            line_end = text.find("\n", i + 1)
            if label_at(text, i + 1, n if line_end < 0 else line_end) and label_at(text, text.rfind("\n", 0, i) + 1, i):
                spans.append((start, i, continues))
                start, continues = i + 1, True
            # else a line wrapped inside a sentence
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
            spans.append((start, boundary_end, continues))
            start, continues = boundary_end, False
        found = _CANDIDATE.search(text, i + 1)
    spans.append((start, n, continues))
    trimmed = []
    kept_before = False  # in this run of lines split at labels
    for s, e, joined in spans:
        kept_before = kept_before and joined
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s and _WORDLIKE.search(text, s, e):
            # Only what follows a kept sentence of its run can continue it.
            trimmed.append((s, e, kept_before))
            kept_before = True
    return trimmed
