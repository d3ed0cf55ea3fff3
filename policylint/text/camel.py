"""camel-tools' word tokeniser and Arabic normalisers, without installing camel-tools.

policylint used `camel_tools.tokenizers.word.simple_word_tokenize`, `dediac_ar` and
`normalize_{alef,alef_maksura,teh_marbuta}_ar`. Those few functions need only `regex`,
`unicodedata` and `emoji`, but the camel-tools package depends on PyTorch, transformers,
scikit-learn and pandas (gigabytes; a CUDA build on Linux), and importing its charsets
classifies all 1.1 million code points (0.5 s per process). This module gives the same
results from the same rules (camel-tools 1.5/1.6, MIT licence), asking `unicodedata` about
a character only when one is met; tests/test_camel_equivalence.py checks that every code
point, every fixture and generated text come out identical to camel-tools itself.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

# camel-tools' _SYMBOLS_RE: an emoji sequence (flags, modifiers, keycaps, tags, ZWJ
# joins), a keycap, or one symbol or punctuation character.
_SYMBOLS = regex.compile(
    r"(?:(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?))*)"
    r"|(?:[0-9*#]\u20e3)|\p{S}|\p{P})"
)
# Where a word may hold a symbol at all: skips the per-character loop for plain words.
_MAYBE_SYMBOL = regex.compile(r"[^\p{L}\p{M}\p{N}]|\p{Emoji}|\p{RI}")

# camel-tools' AR_DIAC_CHARSET (tanween, short vowels, shadda, sukun, dagger alef), and
# its alef, alef maksura and teh marbuta normalisations.
_ARABIC_FOLDS = str.maketrans(
    {
        **dict.fromkeys("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"),
        **dict.fromkeys("\u0625\u0623\u0671\u0622", "\u0627"),
        "\u0649": "\u064a",
        "\u0629": "\u0647",
    }
)


@functools.lru_cache(maxsize=4096)
def _is_symbol(text: str) -> bool:
    """camel-tools' `_SYMBOLS_ALL`: a Unicode punctuation or symbol character (category
    P* or S*), or a sequence listed in the emoji package's EMOJI_DATA."""
    if len(text) == 1:
        category = unicodedata.category(text)[0]
        if category in "PS":
            return True
        if category == "N":
            return False  # digits match \p{Emoji}, but no bare digit is an emoji (tested)
    return text in _emoji_data()


@functools.cache
def _emoji_data() -> dict[str, object]:
    # Imported on the first emoji-like sequence only (40 ms).
    from emoji import EMOJI_DATA

    return EMOJI_DATA


def word_tokenize(text: str) -> list[str]:
    """Split on white space, then split off each symbol, punctuation mark and emoji:
    exactly camel-tools' `simple_word_tokenize(text)`."""
    return [piece for word in text.split() for piece in _word_pieces(word)]


@functools.lru_cache(maxsize=8192)
def _word_pieces(word: str) -> tuple[str, ...]:
    """One white-space word's pieces. Remembered: words recur (the same few hundred make
    most of a policy), and most come back whole."""
    if _MAYBE_SYMBOL.search(word) is None:
        return (word,)
    pieces = []
    index = start = 0
    while index < len(word):
        match = _SYMBOLS.match(word, pos=index)
        if match is not None and _is_symbol(match[0]):
            if index != start:
                pieces.append(word[start:index])
            pieces.append(match[0])
            index = start = match.end()
            continue
        index += 1
    if word[start:index]:
        pieces.append(word[start:])
    return tuple(pieces)


def fold_arabic(text: str) -> str:
    """camel-tools' dediac_ar, then normalize_alef_ar, normalize_alef_maksura_ar and
    normalize_teh_marbuta_ar, in one pass."""
    return text.translate(_ARABIC_FOLDS)
