"""Review dates in the forms real policies write them."""

import datetime as dt

import pytest

from policylint.dates import find_dates, parse_date


@pytest.mark.parametrize(
    "text, date",
    [
        ("2026-03-15", dt.date(2026, 3, 15)),
        ("2026/03/15", dt.date(2026, 3, 15)),
        ("١٥ مارس ٢٠٢٦", dt.date(2026, 3, 15)),
        ("15 آذار 2026", dt.date(2026, 3, 15)),
        ("15 اذار 2026", dt.date(2026, 3, 15)),
        ("١٥ من مارس ٢٠٢٦م", dt.date(2026, 3, 15)),
        ("3 تشرين الأول 2025", dt.date(2025, 10, 3)),
        ("1 كانون الثاني 2026", dt.date(2026, 1, 1)),
        ("10 أيلول 2025", dt.date(2025, 9, 10)),
        ("۱۵ أبريل ۲۰۲۶", dt.date(2026, 4, 15)),  # Persian digits
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


@pytest.mark.parametrize("text", ["[التاريخ]", "الربيع الماضي", "2026-02-30", "15/3/1446هـ", "{{ date('Y-m-d') }}"])
def test_not_a_gregorian_date(text):
    assert find_dates(text) == []


def test_offsets_point_at_the_date():
    text = "آخر تحديث: ١٥ مارس ٢٠٢٦ بعد الاجتماع"
    found = parse_date(text)
    assert text[found.start : found.end] == "١٥ مارس ٢٠٢٦"
