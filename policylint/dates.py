"""Dates as policies write them: ISO, day-first numeric, month names in English and in
the Egyptian/Gulf, Levantine and Maghrebi Arabic series, Arabic-Indic and Persian digits,
days written out as ordinals ("الخامس عشر من مارس ٢٠٢٦"), Hijri dates ("15 رمضان
1446هـ", "١٤٤٦/٠٩/١٥ هـ", converted to Gregorian with hijridate), and periods judged by
their last day ("مارس ٢٠٢٦", "Q1 2026", "الربع الأول من ٢٠٢٦").

Offsets in the results are offsets into the text given, which the caller can shift:
digits are translated one character for one, so no offset moves.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import regex

from policylint.text import arabic
from policylint.text.chars import ascii_digits


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    # The month-first reading, when it is valid and differs from the day-first one that
    # `date` holds (05/03/2026), in the same calendar as `date`.
    other: dt.date | None = None
    # Only a month or a quarter was given; the date is its last day.
    month_only: bool = False
    # Written in the Hijri calendar; `date` is the Gregorian equivalent.
    hijri: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.other is not None


_A = "[اأإآ]"
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "يناير", "كانون الثاني", "جانفي", "ينير"),
    2: ("february", "feb", "فبراير", "شباط", "فيفري", "فبرير"),
    3: ("march", "mar", "مارس", f"{_A}ذار", "مارس"),
    4: ("april", "apr", f"{_A}بريل", "نيسان", f"{_A}فريل"),
    5: ("may", "مايو", f"{_A}يار", "ماي"),
    6: ("june", "jun", "يونيو", "يونيه", "حزيران", "جوان", "يونيو"),
    7: ("july", "jul", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("august", "aug", f"{_A}غسطس", f"{_A}ب", f"{_A}وت", "غشت"),
    9: ("september", "sept", "sep", "سبتمبر", f"{_A}يلول", "شتنبر"),
    10: ("october", "oct", f"{_A}كتوبر", f"تشرين {_A}لأول", f"تشرين {_A}لاول"),
    11: ("november", "nov", "نوفمبر", f"تشرين {_A}لثاني", "نونبر"),
    12: ("december", "dec", "ديسمبر", f"كانون {_A}لأول", f"كانون {_A}لاول", "دجنبر"),
}


# What a name's letters are compared as: case folded, every alef one alef, alef maksura
# a yeh. A text a pattern matches holds, folded, the folded name the pattern matched.
_FOLD = str.maketrans("أإآى", "اااي")


def _fold(text: str) -> str:
    return text.casefold().translate(_FOLD)


class _Names:
    """The month names of one calendar, longest first (the order the alternation tries
    them in), as the patterns spell them (plain words but for the classes [اأإآ] and
    [ىي]) and folded; and each name's number by its folded spelling."""

    def __init__(self, months: dict[int, tuple[str, ...]]) -> None:
        names = sorted(((name, number) for number, spellings in months.items() for name in spellings), key=lambda i: -len(i[0]))
        self.spellings = tuple((name, _fold(name.replace(_A, "ا").replace("[ىي]", "ي"))) for name, _ in names)
        self.numbers = {folded: number for (_, folded), (_, number) in zip(self.spellings, names)}


_GREGORIAN = _Names(_MONTHS)
_MONTH_NUMBERS = _GREGORIAN.numbers


def _present(folded: str, names: _Names) -> tuple[str, ...]:
    """The names a folded text holds, as the patterns spell them. A pattern that needs a
    month name can only match one of these: it is compiled with them alone (an
    alternation of all sixty takes milliseconds to compile, and this ran at every
    start), and not run at all where there is none."""
    return tuple(name for name, folded_name in names.spellings if folded_name in folded)


def _names_any(folded: str, names: Iterable[str]) -> bool:
    """Whether a folded text holds one of these folded words."""
    return any(name in folded for name in names)


# Where a pattern's source takes the month names a text holds.
_GREGORIAN_HERE, _HIJRI_HERE = "\x00gregorian\x00", "\x00hijri\x00"


@functools.lru_cache(maxsize=64)
def _compiled(source: str, flags: int, gregorian: tuple[str, ...], hijri: tuple[str, ...]) -> regex.Pattern[str]:
    def alternation(names: tuple[str, ...]) -> str:
        return "|".join(f"(?:{name})" for name in names) or "(?!)"  # none: matches nothing

    return regex.compile(source.replace(_GREGORIAN_HERE, alternation(gregorian)).replace(_HIJRI_HERE, alternation(hijri)), flags)


class _Spelled:
    """A pattern that needs a month name, compiled with the names the text holds."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    def finditer(self, text: str, gregorian: tuple[str, ...] = (), hijri: tuple[str, ...] = ()) -> Iterator[regex.Match[str]]:
        return _compiled(self._source, self._flags, gregorian, hijri).finditer(text)

_BEFORE = r"(?<![\p{L}\p{N}])"
_AFTER = r"(?![\p{L}\p{N}])"
# "2026م" marks a Gregorian year; a Hijri year ("1447هـ") must not match.
_YEAR_END = r"(?:م)?(?![\p{L}\p{N}])"
# Between the numbers of a date: a hyphen, a dot or a slash; a slash may stand between
# spaces, as Arabic text often writes it ("١٠ / ٠٩ / ٢٠٢٦") to keep the numbers in order
# when the direction of the line changes.
_SEP = r"(?:[-.]|[ \t]{0,2}/[ \t]{0,2})"
# «٢٠٢٦/٩/١٢م»: the Gregorian mark follows the day when the year comes first.
_ISO = regex.compile(rf"{_BEFORE}(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_YEAR_END}")
_NUMERIC = regex.compile(rf"{_BEFORE}(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}){_YEAR_END}")
# A month given by its number: "2026-10" (ISO 8601's year and month), "10/2026". Not a
# part of a longer date that failed to be one ("2026-02-30"), a span of years ("2025-26":
# no month 26), or a numbered decision or circular («القرار رقم ٣/٢٠٢٦», "No. 3/2026").
# The digit is looked for first and the spaces are bounded, so the look behind is tried
# at digits only and reads a few characters.
_NOT_DATE_BEFORE = r"(?=\d)(?<!\d[ \t]{0,2}[-./][ \t]{0,2})(?<!(?:رقم|No\.?|#)[ \t]{0,2})"
_NOT_DATE_AFTER = r"(?![ \t]{0,2}[-./][ \t]{0,2}\d)"
_YEAR_MONTH = regex.compile(rf"{_BEFORE}{_NOT_DATE_BEFORE}(\d{{4}})[ \t]{{0,2}}[-/][ \t]{{0,2}}(\d{{1,2}}){_AFTER}{_NOT_DATE_AFTER}")
_MONTH_YEAR_NUMERIC = regex.compile(
    rf"{_BEFORE}{_NOT_DATE_BEFORE}(\d{{1,2}})[ \t]{{0,2}}[-/][ \t]{{0,2}}(\d{{4}}){_YEAR_END}{_NOT_DATE_AFTER}", regex.I
)
# Between a month name and the year: a space, after a comma in either script ("March,
# 2026", «مارس، ٢٠٢٦»); or a hyphen, as spreadsheets write "15-Mar-2026".
_DAY_MONTH_YEAR = _Spelled(
    rf"{_BEFORE}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:من\s+|of\s+)?|-)({_GREGORIAN_HERE})\.?(?:[,،]?\s+|-)(\d{{4}}){_YEAR_END}", regex.I
)
# A year in two digits, after a month name and a space or a hyphen, as forms and
# spreadsheets write it: "3 Mar 26", "3-Mar-26" (2026). Not after a comma: in "15 March,
# 26 agents" the number is no year.
_DAY_MONTH_SHORT_YEAR = _Spelled(rf"{_BEFORE}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)({_GREGORIAN_HERE})\.?(?:\s+|-)(\d{{2}}){_AFTER}", regex.I)
_MONTH_DAY_YEAR = _Spelled(rf"{_BEFORE}({_GREGORIAN_HERE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?[,،]?\s+(\d{{4}}){_YEAR_END}", regex.I)
# "Sep-2026", as spreadsheets write a month ("mmm-yyyy"), as well as "September 2026".
_MONTH_YEAR = _Spelled(rf"{_BEFORE}({_GREGORIAN_HERE})\.?(?:[,،]?\s+|-)(\d{{4}}){_YEAR_END}", regex.I)


_HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: (f"ربيع {_A}لأول", f"ربيع {_A}لاول", f"ربيع {_A}ول"),
    4: (f"ربيع {_A}لثاني", f"ربيع {_A}لآخر", f"ربيع {_A}لاخر", "ربيع ثاني", "ربيع آخر"),
    5: (f"جماد[ىي] {_A}لأولى", f"جماد[ىي] {_A}لاولى", f"جماد[ىي] {_A}لأول", f"جماد[ىي] {_A}لاول"),
    6: (f"جماد[ىي] {_A}لآخرة", f"جماد[ىي] {_A}لاخرة", f"جماد[ىي] {_A}لثانية", f"جماد[ىي] {_A}لثاني", f"جماد[ىي] {_A}لآخر"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"),
    12: ("ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه"),
}
_HIJRI = _Names(_HIJRI_MONTHS)
_HIJRI_NUMBERS = _HIJRI.numbers
# "هـ" / "ه" after the year marks it Hijri; a year from 1343 to 1500 is Hijri anyway
# (hijridate's Umm al-Qura range): no policy was reviewed in the Gregorian 1400s.
_HIJRI_YEAR = r"(1[34]\d\d)"
_HIJRI_MARK = r"(?:\s*(?:هـ|ه)(?![\p{L}\p{N}])|(?![\p{L}\p{N}]))"
_HIJRI_NUMERIC = regex.compile(rf"{_BEFORE}(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}{_HIJRI_YEAR}{_HIJRI_MARK}")
_HIJRI_YEAR_FIRST = regex.compile(rf"{_BEFORE}{_HIJRI_YEAR}{_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_HIJRI_MARK}")
_HIJRI_DAY_MONTH_YEAR = _Spelled(rf"{_BEFORE}(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_HIJRI_HERE})\s+(?:عام\s+|سنة\s+)?{_HIJRI_YEAR}{_HIJRI_MARK}")
_HIJRI_MONTH_YEAR = _Spelled(rf"{_BEFORE}(?:شهر\s+)?({_HIJRI_HERE})\s+(?:عام\s+|سنة\s+)?{_HIJRI_YEAR}{_HIJRI_MARK}")

# Days written as Arabic ordinals: "الخامس عشر من مارس", "الحادي والعشرين من يناير".
_ORDINAL_UNITS = {
    "حادي": 1, "أول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7, "ثامن": 8, "تاسع": 9,
    "عاشر": 10,
}
_ORDINAL_WORD = rf"(?:{_A}ل)?(حادي|{_A}ول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)"
_ORDINAL_TENS = rf"(?:\s+(عشر)|\s+و\s?(?:{_A}ل)?(عشرين|ثلاثين))?"
_ORDINAL_ONLY_TENS = rf"(?:{_A}ل)?(عشرين|ثلاثين)"
# The words one of which every day written out holds, folded.
_ORDINAL_NAMES = ("حادي", "اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر", "عشرين", "ثلاثين")
_ORDINAL_DAY = rf"(?:{_ORDINAL_WORD}{_ORDINAL_TENS}|{_ORDINAL_ONLY_TENS})"
_WRITTEN_DAY = _Spelled(
    rf"{_BEFORE}(?:يوم\s+)?{_ORDINAL_DAY}\s+(?:من\s+)?(?:شهر\s+)?(?:({_GREGORIAN_HERE})|({_HIJRI_HERE}))"
    rf"\s+(?:من\s+)?(?:عام\s+|سنة\s+|العام\s+)?(\d{{4}})(?:\s*(هـ|ه|م)(?![\p{{L}}\p{{N}}]))?{_AFTER}",
    regex.I,
)

# Quarters and halves: "Q1 2026", "2026-Q3", "الربع الأول من عام ٢٠٢٦", "H2 2026".
_ORDINAL_QUARTER = {"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4}
_QUARTER = regex.compile(rf"{_BEFORE}(?:Q([1-4])\s*[-/ ]?\s*(\d{{4}})|(\d{{4}})\s*[-/ ]?\s*Q([1-4])){_AFTER}", regex.I)
_ARABIC_QUARTER = regex.compile(
    rf"{_BEFORE}{_A}لربع\s+{_A}ل({_A}ول|ثاني|ثالث|رابع)\s+(?:من\s+)?(?:عام\s+|سنة\s+|العام\s+)?(\d{{4}}){_YEAR_END}"
)
_ENGLISH_QUARTER = regex.compile(rf"{_BEFORE}(first|second|third|fourth)\s+quarter\s+(?:of\s+)?(\d{{4}}){_AFTER}", regex.I)
_HALF = regex.compile(rf"{_BEFORE}(?:H([12])\s*[-/ ]?\s*(\d{{4}})|{_A}لنصف\s+{_A}ل({_A}ول|ثاني)\s+(?:من\s+)?(?:عام\s+|سنة\s+)?(\d{{4}})){_AFTER}", regex.I)


def _from_hijri(year: int, month: int, day: int | None) -> dt.date | None:
    """The Gregorian date of a Hijri one; a month alone means its last day."""
    from hijridate import Hijri  # only when a Hijri date is found: not at every start

    try:
        if day is None:
            day = Hijri(year, month, 1).month_length()
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _ordinal_day(m: regex.Match[str]) -> int:
    unit, ten, tens, only_tens = m[1], m[2], m[3], m[4]
    if only_tens:
        return 20 if only_tens == "عشرين" else 30
    value = 1 if regex.match(rf"{_A}ول", unit) else _ORDINAL_UNITS[unit]
    if ten:
        value += 10
    if tens:
        value += 20 if tens == "عشرين" else 30
    return value


def _quarter_end(year: int, quarter: int, quarters: int = 4) -> dt.date:
    month = quarter * (12 // quarters)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str, numbers: dict[str, int] = _MONTH_NUMBERS) -> int:
    """The number of a month name as a pattern matched it."""
    return numbers[_fold(name)]


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order, without overlaps."""
    if arabic.has_presentation_forms(text):
        # «١٥ ﺳﺒﺘﻤﺒﺮ ٢٠٢٦», copied out of a PDF: read in letters, placed in the text as written.
        plain, origin = arabic.plain_letters(text)
        return [replace(d, start=origin[d.start], end=origin[d.end - 1] + 1) for d in _find_dates(plain)]
    return _find_dates(text)


def _find_dates(text: str) -> list[FoundDate]:
    digits = ascii_digits(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(match: regex.Match[str], date: dt.date | None, **flags: Any) -> None:
        if date is None or any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append(FoundDate(match.start(), match.end(), date, **flags))

    def add_day_first(match: regex.Match[str], convert: Callable[[int, int, int], dt.date | None], **flags: Any) -> None:
        """dd/mm/yyyy: a number above 12 settles which is the day; else day first, and
        the month-first reading is kept as the other one."""
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
            add(match, convert(year, month, day), **flags)
        else:
            other = convert(year, first, second) if first != second else None
            add(match, convert(year, second, first), other=other, **flags)

    folded = _fold(digits)
    gregorian_names = _present(folded, _GREGORIAN)
    hijri_names = _present(folded, _HIJRI)
    written_day = (gregorian_names or hijri_names) and _names_any(folded, _ORDINAL_NAMES)
    none: tuple[regex.Match[str], ...] = ()

    # Hijri first: "1446/09/15" must not be read as the Gregorian year 1446.
    for m in _HIJRI_YEAR_FIRST.finditer(digits):
        add(m, _from_hijri(int(m[1]), int(m[2]), int(m[3])), hijri=True)
    for m in _HIJRI_NUMERIC.finditer(digits):
        add_day_first(m, _from_hijri, hijri=True)
    for m in _HIJRI_DAY_MONTH_YEAR.finditer(digits, hijri=hijri_names) if hijri_names else none:
        add(m, _from_hijri(int(m[3]), _month_number(m[2], _HIJRI_NUMBERS), int(m[1])), hijri=True)
    for m in _WRITTEN_DAY.finditer(digits, gregorian_names, hijri_names) if written_day else none:
        day, year = _ordinal_day(m), int(m[7])
        if m[6]:
            add(m, _from_hijri(year, _month_number(m[6], _HIJRI_NUMBERS), day), hijri=True)
        elif m[8] not in ("هـ", "ه"):
            add(m, _make(year, _month_number(m[5]), day))
    for m in _HIJRI_MONTH_YEAR.finditer(digits, hijri=hijri_names) if hijri_names else none:
        add(m, _from_hijri(int(m[2]), _month_number(m[1], _HIJRI_NUMBERS), None), hijri=True, month_only=True)
    for m in _ISO.finditer(digits):
        add(m, _make(int(m[1]), int(m[2]), int(m[3])))
    for m in _NUMERIC.finditer(digits):
        add_day_first(m, _make)
    for m in _DAY_MONTH_YEAR.finditer(digits, gregorian_names) if gregorian_names else none:
        add(m, _make(int(m[3]), _month_number(m[2]), int(m[1])))
    for m in _DAY_MONTH_SHORT_YEAR.finditer(digits, gregorian_names) if gregorian_names else none:
        add(m, _make(2000 + int(m[3]), _month_number(m[2]), int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(digits, gregorian_names) if gregorian_names else none:
        add(m, _make(int(m[3]), _month_number(m[1]), int(m[2])))
    for m in _MONTH_YEAR.finditer(digits, gregorian_names) if gregorian_names else none:
        year, month = int(m[2]), _month_number(m[1])
        add(m, _make(year, month, calendar.monthrange(year, month)[1]), month_only=True)
    by_number = [(m, int(m[1]), int(m[2])) for m in _YEAR_MONTH.finditer(digits)]
    by_number += [(m, int(m[2]), int(m[1])) for m in _MONTH_YEAR_NUMERIC.finditer(digits)]
    for m, year, month in by_number:
        if 1 <= month <= 12:
            add(m, _make(year, month, calendar.monthrange(year, month)[1]), month_only=True)
    for m in _QUARTER.finditer(digits):
        quarter, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        add(m, _quarter_end(int(year), int(quarter)), month_only=True)
    for m in _ARABIC_QUARTER.finditer(digits):
        add(m, _quarter_end(int(m[2]), _ORDINAL_QUARTER[regex.sub(f"^{_A}", "ا", m[1])]), month_only=True)
    for m in _ENGLISH_QUARTER.finditer(digits):
        quarter = ("first", "second", "third", "fourth").index(m[1].lower()) + 1
        add(m, _quarter_end(int(m[2]), quarter), month_only=True)
    for m in _HALF.finditer(digits):
        half, year = (int(m[1]), m[2]) if m[1] else (1 if regex.match(f"{_A}ول", m[3]) else 2, m[4])
        add(m, _quarter_end(int(year), half, quarters=2), month_only=True)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str) -> FoundDate | None:
    """The first date in `text`, if any."""
    dates = find_dates(text)
    return dates[0] if dates else None
