"""Review dates in the forms real policies write them."""

import datetime as dt

import pytest
from conftest import real_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint import dates
from policylint.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "text, date",
    [
        ("2026-03-15", dt.date(2026, 3, 15)),
        ("2026/03/15", dt.date(2026, 3, 15)),
        ("٢٠٢٦/٠٣/١٥م", dt.date(2026, 3, 15)),  # the Gregorian mark after the day
        ("١٥ مارس ٢٠٢٦", dt.date(2026, 3, 15)),
        ("15 آذار 2026", dt.date(2026, 3, 15)),
        ("15 اذار 2026", dt.date(2026, 3, 15)),
        ("١٥ من مارس ٢٠٢٦م", dt.date(2026, 3, 15)),
        ("3 تشرين الأول 2025", dt.date(2025, 10, 3)),
        ("1 كانون الثاني 2026", dt.date(2026, 1, 1)),
        ("10 أيلول 2025", dt.date(2025, 9, 10)),
        ("۱۵ أبريل ۲۰۲۶", dt.date(2026, 4, 15)),  # Persian digits
        ("15-Mar-2026", dt.date(2026, 3, 15)),  # as spreadsheets write it
        ("3-Mar-26", dt.date(2026, 3, 3)),  # and with the year in two digits
        ("3 Mar 26", dt.date(2026, 3, 3)),
        ("١٥ مارس، ٢٠٢٦", dt.date(2026, 3, 15)),  # a comma before the year, in Arabic script
        ("مارس، ٢٠٢٦", dt.date(2026, 3, 31)),
        ("25/03/2026", dt.date(2026, 3, 25)),  # day above 12: day first
        ("3/25/2026", dt.date(2026, 3, 25)),  # month first, settled by the 25
        ("15 March 2026", dt.date(2026, 3, 15)),
        ("March 15, 2026", dt.date(2026, 3, 15)),
        ("Sept 1st, 2025", dt.date(2025, 9, 1)),
    ],
)
def test_parses(text, date):
    found = parse_date(text)
    assert found is not None and found.date == date and not found.ambiguous


def test_ambiguous_numeric_date_is_read_day_first_and_flagged():
    found = parse_date("05/03/2026")
    assert found.date == dt.date(2026, 3, 5) and found.ambiguous
    assert not parse_date("05/05/2026").ambiguous


def test_month_only_is_judged_by_its_last_day():
    found = parse_date("آخر تحديث: فبراير 2026")
    assert found.date == dt.date(2026, 2, 28) and found.month_only


@pytest.mark.parametrize(
    "text",
    [
        "[التاريخ]", "الربيع الماضي", "2026-02-30", "1447هـ", "{{ date('Y-m-d') }}",
        # A span of years, a numbered decision, a month that is none.
        "2025-26", "القرار رقم ٣/٢٠٢٦", "Circular No. 3/2026", "2026-13",
        # A number after a month name and a comma is no two-digit year.
        "15 March, 26 agents",
    ],
)
def test_not_a_date(text):
    assert find_dates(text) == []


def test_a_hijri_year_is_never_read_as_a_gregorian_one():
    found = parse_date("15/3/1446هـ")
    assert found.hijri and found.date == dt.date(2024, 9, 18)


def test_offsets_point_at_the_date():
    text = "آخر تحديث: ١٥ مارس ٢٠٢٦ بعد الاجتماع"
    found = parse_date(text)
    assert text[found.start : found.end] == "١٥ مارس ٢٠٢٦"


@pytest.mark.parametrize(
    "text, date",
    [
        # Umm al-Qura, converted by hijridate: 15 Ramadan 1446 was 15 March 2025.
        ("١٥/٠٩/١٤٤٦ هـ", dt.date(2025, 3, 15)),
        ("١٤٤٦/٠٩/١٥ هـ", dt.date(2025, 3, 15)),
        ("15 رمضان 1446هـ", dt.date(2025, 3, 15)),
        ("15 رمضان 1446", dt.date(2025, 3, 15)),
        ("١٥/٠٣/١٤٤٦ هـ", dt.date(2024, 9, 18)),  # 15 Rabi' al-Awwal
        ("15 ذو الحجة 1445 هـ", dt.date(2024, 6, 21)),
        ("الأول من رمضان 1446 هـ", dt.date(2025, 3, 1)),
        # Days written out as ordinals.
        ("الخامس عشر من مارس ٢٠٢٦", dt.date(2026, 3, 15)),
        ("الحادي والعشرين من يناير 2026", dt.date(2026, 1, 21)),
        ("العشرين من أيار 2026", dt.date(2026, 5, 20)),
    ],
)
def test_parses_hijri_and_written_out_days(text, date):
    found = parse_date(text)
    assert found is not None and found.date == date and found.start == 0 and found.end == len(text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("Q1 2026", dt.date(2026, 3, 31)),
        ("2026-Q3", dt.date(2026, 9, 30)),
        ("first quarter of 2026", dt.date(2026, 3, 31)),
        ("الربع الأول من عام ٢٠٢٦", dt.date(2026, 3, 31)),
        ("الربع الرابع 2025", dt.date(2025, 12, 31)),
        ("H1 2026", dt.date(2026, 6, 30)),
        ("النصف الثاني من 2026", dt.date(2026, 12, 31)),
        ("رمضان 1446هـ", dt.date(2025, 3, 29)),  # a Hijri month: its last day
        # A month by its number: ISO 8601's year and month, and as forms write it.
        ("2026-10", dt.date(2026, 10, 31)),
        ("10/2026", dt.date(2026, 10, 31)),
        ("٠٢ / ٢٠٢٦م", dt.date(2026, 2, 28)),
        # A month's name and the year joined by a hyphen, as spreadsheets write it.
        ("Sep-2026", dt.date(2026, 9, 30)),
    ],
)
def test_periods_are_judged_by_their_last_day(text, date):
    found = parse_date(text)
    assert found is not None and found.date == date and found.month_only


# The patterns that spell out a month or a day run only on a text that holds such a
# name, compiled with the names it holds (dates._present, dates._names_any); run always
# with every name, they must find exactly the same dates.
_SPELLINGS = [
    name.replace(dates._A, alef).replace("[ىي]", ya)
    for months in (dates._MONTHS, dates._HIJRI_MONTHS)
    for spellings in months.values()
    for name in spellings
    for alef, ya in (("ا", "ى"), ("أ", "ي"), ("إ", "ي"), ("آ", "ى"))
]
_PIECES = [*_SPELLINGS, *dates._ORDINAL_NAMES, "ال", "من", "شهر", "عام", " ", "  ", "\n", ", ", ".", "st", "هـ", "م", "of",
           "15", "1", "٢٠٢٦", "2026", "1446", "١٤٤٦", "/", "-", "Q1", "ſ", "K", "İ", "ß", "SEPTEMBER", "Ramadan", "خامس عشر"]


def _all_patterns_run(text: str) -> list:
    present, names_any = dates._present, dates._names_any
    dates._present = lambda folded, names: tuple(name for name, _ in names.spellings)
    dates._names_any = lambda folded, names: True
    try:
        return dates.find_dates(text)
    finally:
        dates._present, dates._names_any = present, names_any


def test_skipping_patterns_without_a_name_finds_the_same_dates_in_real_text():
    texts = real_texts()
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    assert len(lines) > 500
    assert sum(bool(dates.find_dates(line)) for line in lines) > 20
    for line in lines:
        assert dates.find_dates(line) == _all_patterns_run(line), line


def test_skipping_patterns_without_a_name_finds_the_same_dates_in_every_spelling():
    texts = [form.format(name) for name in _SPELLINGS for form in ("15 {} 2026", "{} 3, 2026", "{} 1447", "الخامس عشر من {} 2026", "1 من شهر {} عام 1447 هـ")]
    assert sum(bool(dates.find_dates(text)) for text in texts) > len(texts) / 2
    for text in texts + [text.upper() for text in texts]:
        assert dates.find_dates(text) == _all_patterns_run(text), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_skipping_patterns_without_a_name_finds_the_same_dates(text):
    assert dates.find_dates(text) == _all_patterns_run(text)


def test_every_spelling_of_a_month_names_one_month():
    for months, numbers in ((dates._MONTHS, dates._MONTH_NUMBERS), (dates._HIJRI_MONTHS, dates._HIJRI_NUMBERS)):
        for number, spellings in months.items():
            for name in spellings:
                for alef in "اأإآ":
                    for ya in "ىي":
                        assert dates._month_number(name.replace(dates._A, alef).replace("[ىي]", ya).upper(), numbers) == number
