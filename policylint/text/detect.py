"""Which language a text is in, from its script."""

from __future__ import annotations

from policylint.text.chars import ARABIC_LETTER, LATIN_LETTER, NOT_ARABIC_LETTERS, NOT_LATIN_LETTERS

LANGUAGES = ("ar", "en")
# Below this many letters a block says too little about its language to be trusted:
# a heading "FAQ" in an Arabic policy is still Arabic context.
MIN_LETTERS = 12


def arabic_share(text: str) -> tuple[float, int]:
    # Most blocks are in one script: count only the letters that are there.
    arabic = len(NOT_ARABIC_LETTERS.sub("", text)) if ARABIC_LETTER.search(text) else 0
    latin = len(NOT_LATIN_LETTERS.sub("", text)) if LATIN_LETTER.search(text) else 0
    letters = arabic + latin
    return (arabic / letters if letters else 0.0), letters


def detect_language(text: str, default: str | None = None) -> str | None:
    """"ar" when Arabic letters are at least half the letters, else "en".

    Returns `default` when the text has too few letters to decide.
    """
    share, letters = arabic_share(text)
    if letters < MIN_LETTERS:
        return default
    return "ar" if share >= 0.5 else "en"
