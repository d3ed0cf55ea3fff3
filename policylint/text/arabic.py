"""Arabic: camel-tools' tokenisation and normalisation (text/camel.py gives the same
results without installing camel-tools and PyTorch), clitic-aware matching."""

from __future__ import annotations

import functools
import unicodedata

import regex

from policylint.text import camel
from policylint.text.chars import BIDI_MARKS, TATWEEL, ascii_digits

# Proclitic combinations, longest first: conjunction (و ف), preposition (ب ك ل) and the
# article. ل + ال is written لل, so "للعملاء" is ل + العملاء.
PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل",
)  # fmt: skip
# Possessive enclitics as they appear on headings and nouns ("رؤيتنا", "مهمتنا", "قيمنا").
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
ARTICLE = "ال"


def word_tokenize(text: str) -> list[str]:
    return camel.word_tokenize(text)


# Text copied out of a PDF often carries each letter in the shape it takes in its word
# (U+FB50-U+FDFF, U+FE70-U+FEFC: «ﺍﻟﻌﻤﻼﺀ» for «العملاء»), which no word list would
# match; NFKC gives the letters back.
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
_PRESENTATION_FORM = regex.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def _presentation_forms() -> dict[int, str]:
    table = {}
    for first, last in _PRESENTATION_RANGES:
        for code in range(first, last + 1):
            letters = unicodedata.normalize("NFKC", chr(code))
            if letters != chr(code):
                table[code] = letters
    return table


_PRESENTATION_FORMS = _presentation_forms()  # a quarter of a millisecond
# Persian yeh and keheh, which a Persian keyboard or some systems put in Arabic text
# («سیاسة», «الشکاوى»): the Arabic letters they look like.
_PERSIAN_LOOKALIKES = {0x06CC: "ي", 0x06A9: "ك"}
# One pass of str.translate: these become letters, directional marks go.
_LETTERS_NOT_MARKS = {**_PRESENTATION_FORMS, **_PERSIAN_LOOKALIKES, **BIDI_MARKS}


def normalise(text: str) -> str:
    """Fold the spelling variants real policies use, for comparison only.

    Presentation forms and Persian look-alikes become Arabic letters; diacritics and
    tatweel go; أ إ آ become ا; ى becomes ي; ة becomes ه; directional marks go;
    Arabic-Indic and Persian digits become ASCII; Latin letters are lowercased.
    """
    text = text.translate(_LETTERS_NOT_MARKS).replace(TATWEEL, "")
    return ascii_digits(camel.fold_arabic(text)).lower()


def has_presentation_forms(text: str) -> bool:
    return bool(text) and max(text) >= "\ufb50" and _PRESENTATION_FORM.search(text) is not None


def plain_letters(text: str) -> tuple[str, list[int]]:
    """The text with presentation forms made letters, and where in `text` each of its
    characters (and its end) stands: a lam-alef ligature gives two letters, so offsets
    found in the plain text are mapped back through this list."""
    plain: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        letters = _PRESENTATION_FORMS.get(ord(char), char)
        plain.append(letters)
        origin.extend([i] * len(letters))
    origin.append(len(text))
    return "".join(plain), origin


def strip_article(word: str) -> str:
    """The core of a dictionary entry: "النطاق" -> "نطاق"."""
    if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1:
        return word[len(ARTICLE):]
    return word


@functools.lru_cache(maxsize=8192)
def possible_cores(word: str) -> frozenset[str]:
    """Every reading of a normalised word with its proclitics and enclitics removed.

    "والنطاق" -> {"والنطاق", "النطاق", "نطاق", ...}; "رؤيتنا" -> {..., "رؤيه"}.
    Only the text side is stripped: entries are written in dictionary form, so matching
    asks whether an entry's core is among a word's possible cores.
    """
    cores = {word}
    for prefix in PROCLITICS:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 2:
            cores.add(rest)
    for stem in list(cores):
        for suffix in ENCLITICS:
            base = stem[: -len(suffix)]
            # Three letters at least: "تمكن" is not "تم" + كن.
            if stem.endswith(suffix) and len(base) >= 3:
                cores.add(base)
                # A teh marbuta turns into ت before a suffix: مهمة + نا = مهمتنا.
                if base.endswith("ت"):
                    cores.add(base[:-1] + "ه")
    return frozenset(cores)


def words_match(text_word: str, entry_word: str) -> bool:
    """Does a normalised word of the text match a normalised dictionary word?"""
    if text_word == entry_word:
        return True
    cores = possible_cores(text_word)
    # An entry may begin with letters that only look like the article: "إلكتروني".
    return strip_article(entry_word) in cores or entry_word in cores
