"""A number with the noun it counts, as each language writes it.

English has one form for 1 and another for the rest. Arabic has four: the singular after
1, the dual for 2, the plural after 3 to 10, and the singular again after 11 and more
(«أحد عشر يوماً», «مئة يوم»); the last two digits decide («103 أيام»). Messages and
tables that print a count use this, so that they never read «منذ 3 يوماً» or
«1 days ago»."""

from __future__ import annotations

from typing import NamedTuple

from policylint.findings import Localised


class ArabicForms(NamedTuple):
    """How a counted noun reads where it is used. `one` and `two` stand without the
    digit («يوم واحد», «يومين»); the others follow it."""

    one: str
    two: str
    few: str  # after 3 to 10: «أيام»
    many: str  # after 11 to 99: «يوماً»
    hundreds: str  # after 100, 200, 101...: «يوم»


def _number(count: int | float) -> str:
    # "1.5", but "1000000", never "1e+06".
    return str(int(count)) if count == int(count) else f"{count:g}"


def arabic_noun(count: int | float, forms: ArabicForms) -> str:
    """The form of the noun that `count` takes."""
    if count != int(count):
        return forms.hundreds  # a fraction counts in the singular: «1.5 ساعة»
    count = int(count)
    if count in (1, 2):
        return forms.one if count == 1 else forms.two
    last_two = count % 100
    if count == 0 or 3 <= last_two <= 10:  # «0 أخطاء», as a count of nothing is read
        return forms.few
    return forms.many if 11 <= last_two <= 99 else forms.hundreds


def arabic_counted(count: int | float, forms: ArabicForms) -> str:
    """The number and its noun: «يومين», «5 أيام», «18 يوماً», «100 يوم»."""
    noun = arabic_noun(count, forms)
    return noun if count in (1, 2) else f"{_number(count)} {noun}"


def english_noun(count: int | float | None, one: str, more: str) -> str:
    """The form of the noun that `count` takes; the plural for an unknown count."""
    return one if count == 1 else more


def english_counted(count: int | float, one: str, more: str) -> str:
    return f"{_number(count)} {english_noun(count, one, more)}"


def counted(count: int, arabic: ArabicForms, english: tuple[str, str]) -> Localised:
    return Localised(ar=arabic_counted(count, arabic), en=english_counted(count, *english))


# «قبل يومين», «منذ 5 أيام», "2 days ago": what review dates are late by.
_DAYS = (ArabicForms("يوم واحد", "يومين", "أيام", "يوماً", "يوم"), ("day", "days"))
# «جملة طويلة: 24 كلمة»: the length of a sentence.
_WORDS = (ArabicForms("كلمة واحدة", "كلمتان", "كلمات", "كلمة", "كلمة"), ("word", "words"))


def days(count: int) -> Localised:
    return counted(count, *_DAYS)


def words(count: int) -> Localised:
    return counted(count, *_WORDS)
