"""Messages that print a count read as each language counts: «منذ يومين», «6 أيام»,
«18 يوماً», «100 يوم», "1 day"; never «منذ 3 يوماً» or "1 days ago"."""

from __future__ import annotations

import pytest

from conftest import run

from policylint.text.counting import ArabicForms, arabic_counted

DAY = ArabicForms("يوم واحد", "يومين", "أيام", "يوماً", "يوم")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "يوم واحد"), (2, "يومين"), (3, "3 أيام"), (10, "10 أيام"), (11, "11 يوماً"), (99, "99 يوماً"),
        (100, "100 يوم"), (101, "101 يوم"), (102, "102 يوم"), (103, "103 أيام"), (111, "111 يوماً"), (1000, "1000 يوم"),
        (1_000_000, "1000000 يوم"),  # never "1e+06"
    ],
)  # fmt: skip
def test_the_last_two_digits_decide_the_arabic_form(count, expected):
    assert arabic_counted(count, DAY) == expected


@pytest.mark.parametrize(
    ("today", "arabic", "english"),
    [
        ("2026-12-03", "مضى منذ يوم واحد", "1 day ago"),
        ("2026-12-04", "مضى منذ يومين", "2 days ago"),
        ("2026-12-08", "مضى منذ 6 أيام", "6 days ago"),
        ("2026-12-20", "مضى منذ 18 يوماً", "18 days ago"),
        ("2027-03-12", "مضى منذ 100 يوم", "100 days ago"),
    ],
)
def test_an_overdue_review_says_how_late_it_is_as_each_language_counts(tmp_path, today, arabic, english):
    policy = tmp_path / "policy.md"
    policy.write_text("---\nnext_review: 2026-12-02\n---\n# سياسة خدمة العملاء\n\nنرد خلال 24 ساعة.\n", encoding="utf-8")
    for locale, expected in (("ar", arabic), ("en", english)):
        result = run("--today", today, "--locale", locale, "--select", "FRS108", "--format", "json", str(policy))
        [finding] = result.findings
        assert expected in finding["message"], finding["message"]


def test_a_long_sentence_under_a_low_limit_counts_its_words_in_the_plural(tmp_path):
    (tmp_path / ".policylint.yaml").write_text("rules:\n  long-sentence-ar:\n    max_words: 5\n", encoding="utf-8")
    (tmp_path / "policy.md").write_text("# سياسة خدمة العملاء\n\nنرد على كل رسالة خلال يوم عمل واحد.\n", encoding="utf-8")
    result = run("--select", "PLA101", "--format", "json", "policy.md", cwd=tmp_path)
    assert [f["message"] for f in result.findings] == ["جملة طويلة: 8 كلمات (الحد 5)؛ قسّمها إلى جملتين أو أكثر."]
    english = run("--select", "PLA101", "--locale", "en", "--format", "json", "policy.md", cwd=tmp_path)
    assert [f["message"] for f in english.findings] == ["Long sentence: 8 words (limit 5); split it into two or more."]


def test_the_arabic_summary_counts_its_findings_and_files(tmp_path):
    draft = "# سياسة خدمة العملاء\n\nنرد على الرسائل خلال [X] ساعات، ونحل الشكاوى خلال [Y] أيام.\n"
    (tmp_path / "a.md").write_text(draft, encoding="utf-8")
    (tmp_path / "b.md").write_text(draft, encoding="utf-8")
    one = run("--locale", "ar", "--select", "SLA102", "a.md", cwd=tmp_path)
    assert one.stdout.splitlines()[-1] == "ملاحظتان في ملف واحد: خطآن، 0 تحذيرات، 0 معلومات"
    both = run("--locale", "ar", "--select", "SLA102,SLA106", "a.md", "b.md", cwd=tmp_path)
    assert both.stdout.splitlines()[-1] == "4 ملاحظات في ملفين: 4 أخطاء، 0 تحذيرات، 0 معلومات"
    clean = run("--locale", "ar", "--select", "PLA101", "a.md", "b.md", cwd=tmp_path)
    assert clean.stdout.splitlines()[-1] == "لا ملاحظات في ملفين."


def test_stats_counts_the_words_of_the_longest_sentence_as_each_language_does(tmp_path):
    (tmp_path / "policy.md").write_text("# سياسة خدمة العملاء\n\nنرد على كل رسالة خلال يوم عمل واحد. نشكر العميل دائماً.\n", encoding="utf-8")
    arabic = run("stats", "--locale", "ar", "policy.md", cwd=tmp_path).stdout
    # Sentences of 8 and 3 words: a mean of 5.5, a fraction, counted in the singular.
    assert "8 كلمات، السطر 3" in arabic and "5.5 كلمة" in arabic
    english = run("stats", "--locale", "en", "policy.md", cwd=tmp_path).stdout
    assert "8 words, line 3" in english
