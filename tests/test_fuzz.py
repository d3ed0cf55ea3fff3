"""Generated policies: whatever Markdown with Arabic, English, digits in three scripts,
brackets, dates, tables and front matter policylint is given, the library returns
findings with positions inside the document, and the command line exits 0, 1 or 2 with
every output format valid. A crash or a traceback is a failure."""

from __future__ import annotations

import datetime as dt
import json
import math
import xml.etree.ElementTree as ET

import pytest
from conftest import TODAY, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint import across, document, engine
from policylint.rulepacks import load_rules

RULES = load_rules()

WORDS = st.sampled_from(
    [
        "سياسة", "خدمة", "العملاء", "النطاق", "والنطاقُ", "الشكاوى", "خلال", "ساعة", "يومي عمل", "في أقرب وقت ممكن",
        "قدر الإمكان", "الـSLA", "فى", "مـــدة", "هـ", "ص.ب.", "أولاً:", "٣-", "«", "»", "،", "؛", "؟",
        "policy", "customer", "within", "24 hours", "as soon as possible", "TODO", "TBD", "CSAT", "e.g.", "Dr.",
        "[X]", "[الشركة]", "[Company]", "{{ date('Y-m-d') }}", "$brandname$", "<Company>", "____", "…", "؟؟؟",
        "2026-02-30", "2026-03-15", "15/03/2026", "٠٥/٠٣/١٤٤٧ هـ", "١٥ مارس ٢٠٢٦", "Q3 2026", "۲۴", "٢٤", "24",
        "3-5", "٣٫٥", "—", "|", "*", "**", "`", "\\", "#", ">", "-", "1.", ":", "[", "]", "(", ")", "<!--", "-->",
        "\u200f", "\u200e", "\ufeff", "\ufffe", "\x00", "\x01", "\t", "😀", "password:", "SA0380000000608010167519",
        # What the promise reader looks for around a quantity.
        "for", "80%", "لـ٨٠٪", "٪", "خلال أوقات العمل", "لا تتجاوز مدة الرد", "ألا يزيد وقت", "عن", "يوما عمل", "(X)", "(",
        "we aim to", "نسعى إلى", "Owner:", "calendar days", "not exceeding", "a day", "working hours", "نعاود الاتصال",
        "Signature:", "التوقيع:", "| Resolution |", "المدة", "Stage", "Time",
        "you can", "customers must", "يحق للعميل", "يجب على العميل", "ونرد",
        # Escalation stages, relative clauses, plans, bounds without "within".
        "escalated", "تُصعَّد", "الذي يرد", ", who", "Pro", "Email, chat", "Priority 1:", "on-call", "under", "below", "hold time",
        "قبل الرنة الثالثة", "by the 3rd ring", "in an average of", "within the hour", "أكثر من", "won't", "more than",
        # «حتى» as "up to", signs as bounds, fields set off by dashes, months by number.
        "حتى", "ساعتين", "< 2 min", "≤", "<=", "Letters:", "community forum", "Voicemails are returned", "مدة الإنجاز",
        "— **المالك:**", "Version: 2 |", "·", "2026-10", "10/2026", "رقم ٣/٢٠٢٦", "في حال عدم", "If we cannot",
        "4-hour response", "same-day", "Note:", "ملاحظة:", "| Channel | Target |", "web form", "ﺍﻟﻌﻤﻼﺀ", "ﻻ", "ی",
        "(اسم الشركة)", "ABC Company", "\\[الشركة\\]", "<", "≤",
        "80% of calls", "95%", "at weekends", "on weekdays", "urgent", "and", "في العطل الرسمية", "3-Mar-26",
        # Numbers float() reads and nobody writes; the forms read from 2026-12-06 on.
        "inf", "nan", "1e3", "²⁰", "①", "½", "Ⅻ", "1,5", "1,500", "٢٠٢٦/٩/١٢م", "فوراً", "immediately", "an automatic",
        "إذا لم يكن المتعامل راضياً", "reviews on", "طوال أيام الأسبوع", "بما ورد", "call 0800 000 0000", "مركز الاتصال (٨٠٠٥٥٥)",
        ", and fibre faults", "وبحد أقصى", "If we fail to reply",
    ]
)  # fmt: skip
LINE = st.lists(WORDS, max_size=25).map(" ".join)
PREFIX = st.sampled_from(["", "", "# ", "## ", "### ", "- ", "1. ", "> ", "| ", "**", "    ", "```\n"])
BODY = st.lists(st.tuples(PREFIX, LINE).map("".join), max_size=30).map("\n".join)
TABLE = st.one_of(
    st.just("| القناة | وقت الاستجابة |\n|---|---|\n| الهاتف | 60 ثانية |\n| Email | within 24 hours |\n"),
    # A cell under a measure is read as a bare quantity and what may follow it.
    st.lists(st.sampled_from(["for", "80", "%", "of", "calls", "during", "business", "hours", "لـ٨٠", "٪", "خلال", "أوقات", "(", ")"]), max_size=4)
    .map(lambda cell: f"| Channel | Response time |\n|---|---|\n| Phone | 2 hours {' '.join(cell)} |\n"),
)
FRONT = st.sampled_from(
    ["", "---\nlang: ar\n---\n", "---\nkind: code-of-conduct\nlast_reviewed: 2026-01-01\n---\n",
     "---\nlast_reviewed: 2026-02-30\n---\n", "---\n: :\n", "---\nkind: [x]\n---\n", "---\n- a\n---\n"]
)  # fmt: skip
POLICY = st.tuples(FRONT, BODY, st.one_of(st.just(""), TABLE), BODY).map(lambda p: p[0] + p[1] + "\n\n" + p[2] + "\n" + p[3])
ANY_TEXT = st.one_of(POLICY, st.text(max_size=400))

def strict_json(text: str) -> object:
    """JSON as every parser reads it: Python's json module also takes NaN and Infinity."""
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_library_gives_findings_inside_the_document(text):
    try:
        doc = document.parse("fuzz.md", text)
    except document.DocumentError as error:
        assert error.message  # bad input is named, never a crash
        return
    findings = engine.lint(doc, RULES, engine.Settings(), dt.date(2026, 11, 23))
    lines = doc.source.count("\n") + 1
    for f in findings:
        assert 1 <= f.start.line <= f.end.line <= lines
        assert f.start.column >= 1 and f.end.column >= 1
        assert f.message and f.code
    # Every commitment the sla listing would show is a finite amount, or none (a blank).
    for row in across.document_rows(doc, RULES, engine.Settings()):
        value = row.commitment.quantity.value
        assert value is None or math.isfinite(value), row.commitment


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, min_size=1, max_size=3))
def test_command_line_exits_cleanly_and_every_format_parses(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("fuzz")
    names = []
    for i, text in enumerate(texts):
        (folder / f"p{i}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        names.append(f"p{i}.md")
    # Exit 2 is for input policylint names (a binary file, a broken header), never for
    # its own bug, which it names as one.
    for fmt, parse in (("json", strict_json), ("sarif", strict_json), ("junit", ET.fromstring), ("text", str), ("github", str)):
        result = run("--today", TODAY, "--format", fmt, *names, cwd=folder)
        assert result.exit_code in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        assert "policylint bug" not in result.stderr, result.stderr
        parse(result.stdout)
    for command in ("sla", "stats"):
        result = run(command, "--format", "json", *names, cwd=folder)
        assert result.exit_code in (0, 1, 2) and "internal error" not in result.stderr, result.stderr
        assert "policylint bug" not in result.stderr, result.stderr
        strict_json(result.stdout)
