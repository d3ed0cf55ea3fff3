"""Dates as policies write them: ISO, day-first numeric, month names in English and in
the Egyptian/Gulf, Levantine and Maghrebi Arabic series, Arabic-Indic and Persian digits.

Offsets in the results are offsets into the text given, which the caller can shift:
digits are translated one character for one, so no offset moves.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from policylint.text.chars import ascii_digits


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    # Day-first and month-first readings both valid and different (05/03/2026).
    ambiguous: bool = False
    # Only a month was given; the date is that month's last day.
    month_only: bool = False


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
_MONTH_NAMES = sorted(
    ((name, number) for number, names in _MONTHS.items() for name in names),
    key=lambda item: -len(item[0]),
)
_MONTH_ALTERNATION = "|".join(f"(?:{name})" for name, _ in _MONTH_NAMES)
_MONTH_LOOKUP = [(regex.compile(f"^(?:{name})$", regex.I), number) for name, number in _MONTH_NAMES]

_BEFORE = r"(?<![\p{L}\p{N}])"
_AFTER = r"(?![\p{L}\p{N}])"
# "2026م" marks a Gregorian year; a Hijri year ("1447هـ") must not match.
_YEAR_END = r"(?:م)?(?![\p{L}\p{N}])"
_ISO = regex.compile(rf"{_BEFORE}(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_AFTER}")
_NUMERIC = regex.compile(rf"{_BEFORE}(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}){_YEAR_END}")
_DAY_MONTH_YEAR = regex.compile(
    rf"{_BEFORE}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:من\s+|of\s+)?({_MONTH_ALTERNATION})\.?,?\s+(\d{{4}}){_YEAR_END}", regex.I
)
_MONTH_DAY_YEAR = regex.compile(rf"{_BEFORE}({_MONTH_ALTERNATION})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_YEAR_END}", regex.I)
_MONTH_YEAR = regex.compile(rf"{_BEFORE}({_MONTH_ALTERNATION})\.?,?\s+(\d{{4}}){_YEAR_END}", regex.I)


def _month_number(name: str) -> int:
    for pattern, number in _MONTH_LOOKUP:
        if pattern.match(name):
            return number
    raise ValueError(name)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order, without overlaps."""
    digits = ascii_digits(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(match: regex.Match[str], date: dt.date | None, **flags: bool) -> None:
        if date is None or any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append(FoundDate(match.start(), match.end(), date, **flags))

    for m in _ISO.finditer(digits):
        add(m, _make(int(m[1]), int(m[2]), int(m[3])))
    for m in _NUMERIC.finditer(digits):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
            add(m, _make(year, month, day))
        else:
            add(m, _make(year, second, first), ambiguous=first != second)
    for m in _DAY_MONTH_YEAR.finditer(digits):
        add(m, _make(int(m[3]), _month_number(m[2]), int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(digits):
        add(m, _make(int(m[3]), _month_number(m[1]), int(m[2])))
    for m in _MONTH_YEAR.finditer(digits):
        year, month = int(m[2]), _month_number(m[1])
        add(m, _make(year, month, calendar.monthrange(year, month)[1]), month_only=True)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str) -> FoundDate | None:
    """The first date in `text`, if any."""
    dates = find_dates(text)
    return dates[0] if dates else None
