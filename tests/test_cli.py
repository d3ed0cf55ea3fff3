"""The command line on real policies: what a user sees, with exact codes and positions."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, TODAY, run
from variants import INCOMPLETE, replace_line, without_section

COMPLETE = [
    "ar/customer-service-policy.md", "ar/code-of-conduct.md", "en/customer-service-policy.md", "en/code-of-conduct.md",
    "complaints/ar-complaints-policy.md", "complaints/en-complaints-policy.md",
]
TEMPLATES = sorted(p for p in (FIXTURES / "templates").glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("fixture", COMPLETE)
def test_complete_policy_lints_clean(fixture):
    result = run("--today", TODAY, str(FIXTURES / fixture))
    assert result.exit_code == 0, result.stdout
    assert "no problems in 1 file." in result.stdout


@pytest.mark.parametrize("source, incomplete, make, code", INCOMPLETE, ids=[i[1] for i in INCOMPLETE])
def test_policy_missing_one_part_gets_exactly_that_finding(lint_json, source, incomplete, make, code):
    path = FIXTURES / incomplete
    # The incomplete fixture is the complete one with that part removed, nothing else.
    assert path.read_text(encoding="utf-8") == make((FIXTURES / source).read_text(encoding="utf-8"))
    result = lint_json(str(path))
    assert result.exit_code == 1
    [finding] = result.findings
    assert (finding["code"], finding["line"], finding["column"], finding["severity"]) == (code, 1, 1, "error")
    # The message is in the document's language.
    arabic = bool(re.search("[\u0600-\u06ff]", finding["message"]))
    assert arabic == incomplete.startswith("incomplete/ar")


def test_every_bracketed_placeholder_in_the_seed_templates_is_reported_exactly(lint_json):
    expected = set()
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for m in re.finditer(r"\[[^\[\]]*\]", line):
                expected.add((path.as_posix(), number, m.start() + 1, m.end() + 1, m.group()))
    result = lint_json(*map(str, TEMPLATES))
    placeholders = {f["code"] for f in result.findings if f["code"].startswith("PLH")}
    reported = {(f["path"], f["line"], f["column"], f["end_column"], f["text"]) for f in result.findings if f["code"] == "PLH101"}
    # A placeholder that stands for a service time ("خلال [X] ساعات") is reported once,
    # as an unfilled commitment (SLA102), whose span holds it; every other one as PLH101.
    commitments = [f for f in result.findings if f["code"] == "SLA102"]

    def in_commitment(path, line, start, end, text):
        return any(f["path"] == path and f["line"] == line and f["column"] <= start and end <= f["end_column"] for f in commitments)

    assert len(expected) == 42
    assert reported == {e for e in expected if not in_commitment(*e)}
    assert commitments and all(in_commitment(*e) for e in expected - reported)
    assert not any(in_commitment(*r) for r in reported)  # never both
    assert placeholders == {"PLH101"}  # nothing else is taken for a placeholder
    assert result.exit_code == 1


def _with_review_date(tmp_path, line: str) -> str:
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    path = tmp_path / "policy.md"
    path.write_text(replace_line(text, "تاريخ آخر مراجعة", line), encoding="utf-8")
    return str(path)


def test_policy_reviewed_400_days_ago_is_stale_and_30_days_ago_is_fresh(lint_json, tmp_path):
    today = dt.date.fromisoformat(TODAY)
    old = _with_review_date(tmp_path, f"تاريخ آخر مراجعة: {(today - dt.timedelta(days=400)).isoformat()}")
    result = lint_json(old)
    assert result.exit_code == 1
    [finding] = result.findings
    assert finding["code"] == "FRS105" and "400" in finding["message"]
    lines = open(old, encoding="utf-8").read().split("\n")
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("تاريخ آخر مراجعة"))
    assert (finding["line"], finding["column"]) == (line, len("تاريخ آخر مراجعة: ") + 1)

    fresh = _with_review_date(tmp_path, f"تاريخ آخر مراجعة: {(today - dt.timedelta(days=30)).isoformat()}")
    assert lint_json(fresh).exit_code == 0


# Spaced slashes ("١٥ / ٠٣ / ٢٠٢٦"), as Arabic text often writes a date, were
# reported as an unreadable date (FRS102).
@pytest.mark.parametrize("written", ["١٥ مارس ٢٠٢٦", "15 آذار 2026", "2026-03-15", "15/03/2026", "١٥/٠٣/٢٠٢٦", "١٥ / ٠٣ / ٢٠٢٦", "2026 / 03 / 15"])
def test_review_date_forms_all_parse_to_the_same_day(lint_json, tmp_path, written):
    # Judged on 2027-06-01, 15 March 2026 is 443 days old: only a correct parse says so.
    path = _with_review_date(tmp_path, f"تاريخ آخر مراجعة: {written}")
    result = run("--format", "json", "--today", "2027-06-01", path)
    [finding] = result.json["findings"]
    assert finding["code"] == "FRS105" and "443" in finding["message"] and finding["text"] == written


def test_review_date_in_the_future_placeholder_or_ambiguous(lint_json, tmp_path):
    assert lint_json(_with_review_date(tmp_path, "تاريخ آخر مراجعة: ٢٠٣٠-٠١-٠١")).codes() == ["FRS104"]
    assert lint_json(_with_review_date(tmp_path, "تاريخ آخر مراجعة: [التاريخ]")).codes() == ["FRS102", "PLH101"]
    [ambiguous] = lint_json(_with_review_date(tmp_path, "تاريخ آخر مراجعة: 05/10/2026"), "--locale", "en").findings
    assert ambiguous["code"] == "FRS103"
    # The advice shows the two readings to choose from, and no other date.
    dates = re.findall(r"\d{4}-\d{2}-\d{2}", ambiguous["message"])
    assert dates == ["2026-10-05", "2026-05-10"]


def test_today_comes_from_the_environment(tmp_path):
    path = _with_review_date(tmp_path, "تاريخ آخر مراجعة: 2026-03-15")
    assert run("--format", "json", path, env={"POLICYLINT_TODAY": "2027-06-01"}).codes() == ["FRS105"]
    assert run("--format", "json", path, env={"POLICYLINT_TODAY": "2026-06-01"}).codes() == []
    bad = run(path, env={"POLICYLINT_TODAY": "yesterday"})
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


@pytest.mark.parametrize(
    "heading",
    ["## نطاق التطبيق", "## والنطاقُ", "## ٤) النِّطاق", "## أولاً: نطاق السياسة", "## ٤- مجال السياسة", "## النطـــاق", "## 4. Scope", "## Who this policy applies to", "**النطاق:**"],
)
def test_scope_heading_variants_are_recognised(lint_json, tmp_path, heading):
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    text = without_section(text, "٤. النطاق").replace("## ٥. التعريفات", f"{heading} تنطبق على كل موظف.\n\n## ٥. التعريفات" if heading.startswith("**") else f"{heading}\n\nتنطبق على كل موظف.\n\n## ٥. التعريفات")
    path = tmp_path / "policy.md"
    path.write_text(text, encoding="utf-8")
    assert lint_json(str(path)).codes() == []


def test_bad_input_is_reported_and_the_run_goes_on(tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_text("---\nlang: ar\nkind: [unclosed\n---\n# سياسة\n", encoding="utf-8")
    good = FIXTURES / "templates/short-policy.md"
    result = run("--today", TODAY, str(broken), str(tmp_path / "missing.md"), str(good))
    assert result.exit_code == 2
    assert f"{broken}:4: front matter is not valid YAML" in result.stderr
    assert f"{tmp_path / 'missing.md'}: no such file or folder" in result.stderr
    assert "short-policy.md:1:28" in result.stdout  # the good file was still checked
    assert broken.read_text(encoding="utf-8").startswith("---\nlang: ar")  # and nothing was changed


def test_unknown_kind_in_front_matter_is_an_input_error(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\nkind: customer-servce-policy\n---\n# x\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and "did you mean 'customer-service-policy'" in result.stderr


def test_document_whose_kind_cannot_be_told_gets_the_general_rules_and_one_info(lint_json, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# ملاحظات الفريق\n\nيتعين على الفريق الرد على [العميل].\n", encoding="utf-8")
    result = lint_json(str(path))
    assert result.codes() == ["DOC107", "FRS101", "FRS106", "PL003", "PLA102", "PLH101"]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "title",
    [
        "Client Service Policy", "سياسة خدمة المستفيدين", "ميثاق خدمة المستفيدين",
        "لائحة خدمة العملاء", "Customer Experience Policy", "سياسة تجربة العملاء",
        "Service Charter", "Customer Support Standards", "Our Customer Promise", "ميثاق العملاء", "سياسة الدعم الفني",
        "ضوابط التعامل مع العملاء", "سياسة الشكاوى وخدمة العملاء",
        "Guest Services Policy", "Member Services Policy", "سياسة خدمة الضيوف", "سياسة تجربة المريض",
        "Customer Service Plan", "Our Customer Commitment", "Passenger Charter", "خطة خدمة العملاء",
        "ميثاق إسعاد المتعاملين", "سياسة خدمة المتعاملين", "Customer Happiness Charter", "Guest Service Standards",
    ],
)
def test_a_policy_for_clients_or_beneficiaries_is_a_customer_service_policy(lint_json, tmp_path, title):
    # Government bodies serve «المستفيدين» (the UAE's «المتعاملين», with a customer
    # happiness charter), agencies "clients", and Gulf bodies title
    # their policies «لائحة» (bylaw): these were of no known kind, so none of the
    # policy's required parts was asked for.
    path = tmp_path / "policy.md"
    path.write_text(f"# {title}\n\nنرد على كل طلب خلال يوم عمل.\n", encoding="utf-8")
    codes = lint_json(str(path)).codes()
    assert "PL003" not in codes and "CSP104" in codes


@pytest.mark.parametrize(
    "title",
    [
        "لائحة السلوك الوظيفي لموظفي خدمة العملاء", "لائحة أخلاقيات المهنة", "قواعد سلوك موظفي خدمة العملاء", "مدونة أخلاقيات المهنة",
        "Support Team Conduct Guidelines",
        # Charters of ethics and honour, and standards of behaviour, had been of no kind.
        "الميثاق الأخلاقي لموظفي خدمة العملاء", "ميثاق الشرف الوظيفي", "دليل أخلاقيات المهنة",
        "Code of Professional Conduct", "Standards of Behaviour for Support Staff",
    ],
)
def test_a_bylaw_of_conduct_is_a_code_of_conduct(lint_json, tmp_path, title):
    # «لائحة السلوك الوظيفي» names customer service too, but is a code of conduct.
    path = tmp_path / "code.md"
    path.write_text(f"# {title}\n\nيلتزم الموظف بالأمانة.\n", encoding="utf-8")
    codes = lint_json(str(path)).codes()
    assert "PL003" not in codes and any(c.startswith("COC") for c in codes)
    assert not any(c.startswith("CSP") for c in codes)


@pytest.mark.parametrize(
    "title",
    [
        "Patient Experience and Complaints Policy", "سياسة معالجة شكاوى العملاء وخدمتهم", "Complaints Handling Procedure", "لائحة الشكاوى",
        "Comments, Compliments and Complaints", "سياسة الشكاوى والمقترحات",
    ],
)
def test_a_complaints_policy_is_checked_as_one_not_as_a_whole_customer_service_policy(lint_json, tmp_path, title):
    # A bank's or a health trust's policy for complaints alone was of no known kind, so
    # none of its complaint times or its scope was asked for; as a customer-service
    # policy it would have been told it lacks a vision and service standards.
    path = tmp_path / "policy.md"
    path.write_text(f"# {title}\n\n## Complaints\n\nWe look into every complaint.\n", encoding="utf-8")
    codes = lint_json(str(path)).codes()
    assert "PL003" not in codes
    assert {"CSP104", "CSP111", "CSP115", "SLA104", "SLA105"} <= set(codes)
    assert not {"CSP101", "CSP102", "CSP110", "CSP113"} & set(codes)


def test_the_title_in_the_front_matter_tells_the_kind(lint_json, tmp_path):
    # A site generator's page has its title in the front matter and no first-level
    # heading: the kind could not be told (PL003), and the advice asked for a title such
    # as the one it had.
    path = tmp_path / "policy.md"
    path.write_text("---\ntitle: Customer Service Policy\n---\n\n## Purpose\n\nHow we serve customers.\n", encoding="utf-8")
    codes = lint_json(str(path)).codes()
    assert "PL003" not in codes and "CSP104" in codes


@pytest.mark.parametrize(
    ("header", "pack"),
    [("kind: Code of Conduct", "COC"), ("kind: سياسة خدمة العملاء", "CSP"), ("kind: قواعد السلوك", "COC"), ("kind: customer service policy", "CSP")],
)
def test_a_kind_may_be_declared_by_its_name_in_either_language(lint_json, tmp_path, header, pack):
    # `kind:` took only the id ("code-of-conduct"): a team writing the kind's name, as
    # its title would, got an exit-2 error.
    path = tmp_path / "notes.md"
    path.write_text(f"---\n{header}\n---\n# دليل الفريق\n\nنص.\n", encoding="utf-8")
    result = lint_json(str(path))
    assert result.exit_code == 1 and any(code.startswith(pack) for code in result.codes())


@pytest.mark.parametrize(("declared", "message"), [("الإنجليزية", "Unfilled template placeholder"), ("عربي", "نص قالب لم يُملأ")])
def test_a_language_may_be_declared_in_arabic(lint_json, tmp_path, declared, message):
    path = tmp_path / "policy.md"
    path.write_text(f"---\nlang: {declared}\n---\n# Customer Service Policy\n\nنرد خلال [X] ساعات. We reply within [Y] hours.\n", encoding="utf-8")
    messages = [f["message"] for f in lint_json("--select", "PLH101", str(path)).findings]
    assert len(messages) == 2 and all(m.startswith(message) for m in messages)


def test_select_ignore_locale_and_fail_on(lint_json):
    template = str(FIXTURES / "templates/handbook.md")
    assert set(lint_json("--select", "PLH", template).codes()) == {"PLH101"}
    assert "PLH101" not in lint_json("--ignore", "placeholders,CSP", template).codes()
    english = lint_json("--select", "missing-scope", "--locale", "en", str(FIXTURES / "incomplete/ar-no-scope.md"))
    assert english.findings[0]["message"].startswith("No “Scope” section")
    warnings_only = str(FIXTURES / "ar/customer-service-policy.md")
    assert run("--today", TODAY, "--fail-on", "info", warnings_only).exit_code == 0
    assert run("--select", "PLA", "--fail-on", "warning", template).exit_code == 1
    assert run("--select", "PLA", template).exit_code == 0  # warnings do not fail by default
    unknown = run("--select", "PLH999", template)
    assert unknown.exit_code == 2 and "unknown rule or pack 'PLH999'" in unknown.stderr


def test_folder_and_stdin(lint_json):
    folder = lint_json(str(FIXTURES / "templates"))
    assert {f["path"].rsplit("/", 1)[1] for f in folder.findings} == {p.name for p in TEMPLATES}
    text = (FIXTURES / "templates/short-policy.md").read_text(encoding="utf-8")
    piped = lint_json("--select", "PLH101", "--stdin-filename", "docs/policy.md", "-", input=text)
    assert {f["path"] for f in piped.findings} == {"docs/policy.md"}
    assert len(piped.findings) == 7


def test_inline_suppressions(lint_json, tmp_path):
    path = tmp_path / "p.md"
    path.write_text(
        "# سياسة خدمة العملاء [الشركة]\n\n"
        "<!-- policylint-disable-next-line PLH101 -->\n"
        "نرد خلال [X] ساعات.\n\n"
        "<!-- policylint-disable bracket-placeholder -->\n"
        "الهاتف: [Y] رنات.\n\n"
        "<!-- policylint-enable bracket-placeholder -->\n"
        "الدردشة: [Z] دقائق.\n\n"
        "<!-- policylint-disable-next-line PLA102 -->\n"
        "نرد بسرعة.\n\n"
        "<!-- policylint-disable PLH999 -->\n",
        encoding="utf-8",
    )
    result = lint_json("--select", "PLH101,PLA102,PL001,PL002", str(path))
    assert [(f["code"], f["line"], f["column"]) for f in result.findings] == [
        ("PLH101", 1, 22), ("PLH101", 10, 10), ("PL001", 12, 1), ("PL002", 15, 1),
    ]  # fmt: skip


def test_suppressing_a_whole_file(lint_json, tmp_path):
    path = tmp_path / "p.md"
    path.write_text("<!-- policylint-disable-file -->\n# سياسة [الشركة]\n", encoding="utf-8")
    assert lint_json(str(path)).codes() == []


def test_rules_and_explain_in_both_locales():
    from policylint.rulepacks import load_rules

    listing = run("rules", "--locale", "ar")
    for rule in load_rules().rules:
        assert rule.code in listing.stdout
        for locale in ("ar", "en"):
            explained = run("explain", rule.slug, "--locale", locale)
            assert explained.exit_code == 0 and explained.stdout.startswith(f"{rule.code} {rule.slug}")
    assert "## لماذا" in run("explain", "CSP104", "--locale", "ar").stdout
    # A rule for fewer kinds than its pack says so; one for all of them does not.
    assert "Only for: customer-service-policy" in run("explain", "CSP101").stdout.split("\n")[1]
    assert "Only for" not in run("explain", "CSP104").stdout
    wrong = run("explain", "missing-scop")
    assert wrong.exit_code == 2 and "did you mean 'missing-scope'" in wrong.stderr


def test_hijri_review_date_older_than_a_year_is_stale(lint_json, tmp_path):
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    text = replace_line(text, "تاريخ آخر مراجعة", "تاريخ آخر مراجعة: ١٤٤٦/٠٩/١٥ هـ")
    (tmp_path / "policy.md").write_text(text, encoding="utf-8")
    result = run("--format", "json", "--today", "2026-11-22", str(tmp_path / "policy.md"))
    [finding] = result.findings
    assert (finding["code"], finding["text"]) == ("FRS105", "١٤٤٦/٠٩/١٥ هـ")
    assert "617" in finding["message"]  # 15 Ramadan 1446 = 15 March 2025


def test_passed_next_review_date_is_an_error(lint_json, tmp_path):
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    text = text.replace("تاريخ آخر مراجعة: ١٥ سبتمبر ٢٠٢٦", "تاريخ آخر مراجعة: ١٥ سبتمبر ٢٠٢٦\n\nتاريخ المراجعة القادمة: الربع الثالث من ٢٠٢٦")
    (tmp_path / "policy.md").write_text(text, encoding="utf-8")
    [finding] = lint_json(str(tmp_path / "policy.md")).findings
    assert (finding["code"], finding["severity"], finding["text"]) == ("FRS108", "error", "الربع الثالث من ٢٠٢٦")
    # A next review still ahead is fine.
    (tmp_path / "policy.md").write_text(text.replace("الربع الثالث من ٢٠٢٦", "الربع الثالث من ٢٠٢٧"), encoding="utf-8")
    assert lint_json(str(tmp_path / "policy.md")).findings == []


def test_computed_template_date_is_not_a_review_date(lint_json, tmp_path):
    text = (FIXTURES / "en/customer-service-policy.md").read_text(encoding="utf-8")
    text = replace_line(text, "Last reviewed", "Last reviewed: {{ date('Y-m-d') }}")
    (tmp_path / "policy.md").write_text(text, encoding="utf-8")
    codes = sorted(f["code"] for f in lint_json(str(tmp_path / "policy.md")).findings)
    # Reported as computed (and as template text by the placeholders pack), never as fresh.
    assert "FRS107" in codes and "FRS102" not in codes and "FRS105" not in codes


def test_ambiguous_hijri_date_gives_both_readings_in_the_gregorian_calendar(lint_json, tmp_path):
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    text = replace_line(text, "تاريخ آخر مراجعة", "تاريخ آخر مراجعة: ٠٥/٠٣/١٤٤٧ هـ")
    (tmp_path / "policy.md").write_text(text, encoding="utf-8")
    result = run("--format", "json", "--today", "2026-11-23", "--select", "FRS103", "--locale", "en", str(tmp_path / "policy.md"))
    [finding] = result.findings
    # 5 Rabi' al-Awwal 1447 and 3 Jumada al-Ula 1447, converted; not a Gregorian swap.
    assert "read as 2025-08-28 or 2025-10-25;" in finding["message"]


def test_a_mistyped_command_is_named_not_read_as_a_missing_file():
    result = run("expalin", "PLH101")
    assert result.exit_code == 2
    assert "did you mean `policylint explain`?" in result.stderr and "no such file" not in result.stderr


def test_both_configurations_present_says_which_one_is_used(tmp_path):
    shutil.copy(FIXTURES / "ar/customer-service-policy.md", tmp_path / "policy.md")
    (tmp_path / ".policylint.yaml").write_text("ignore: [DOC107]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.policylint]\nignore = ['PLA102']\n", encoding="utf-8")
    result = run("--today", TODAY, "policy.md", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "note: using" in result.stderr and ".policylint.yaml" in result.stderr
    assert "[tool.policylint] table in" in result.stderr and "pyproject.toml beside it is ignored" in result.stderr


def test_show_source_marks_the_finding_under_or_inside_its_line(tmp_path):
    (tmp_path / "en.md").write_text("# Customer Service Policy\n\nWe reply to emails within [X] hours.\n", encoding="utf-8")
    (tmp_path / "ar.md").write_text("# سياسة خدمة العملاء\n\nتنطبق هذه السياسة على [الشركة] وفروعها.\n", encoding="utf-8")
    english = run("--today", TODAY, "--no-color", "--show-source", "--select", "PLH101", "en.md", cwd=tmp_path).stdout.split("\n")
    at = english.index("    | We reply to emails within [X] hours.")
    assert english[at + 1] == "    | " + " " * len("We reply to emails within ") + "^^^"
    arabic = run("--today", TODAY, "--no-color", "--show-source", "--select", "PLH101", "ar.md", cwd=tmp_path).stdout
    # Right-to-left: the finding is marked inside the line, where every terminal keeps it.
    assert "    | تنطبق هذه السياسة على ⟦[الشركة]⟧ وفروعها." in arabic and "^" not in arabic


def test_quiet_exit_zero_color_and_version(tmp_path):
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "p.md")
    quiet = run("--today", TODAY, "--quiet", "p.md", cwd=tmp_path)
    assert quiet.exit_code == 1 and "problems in 1 file" not in quiet.stdout and "PLH101" in quiet.stdout
    assert run("--today", TODAY, "--exit-zero", "p.md", cwd=tmp_path).exit_code == 0
    assert run("--today", TODAY, "--exit-zero", "missing.md", cwd=tmp_path).exit_code == 2  # errors still fail
    always = run("--today", TODAY, "--color", "always", "p.md", cwd=tmp_path).stdout
    assert "\x1b[" in always
    assert "\x1b[" not in run("--today", TODAY, "--color", "never", "p.md", cwd=tmp_path).stdout
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("policylint, version ")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"], ["daemon", "status"]])
def test_version_help_and_daemon_status_answer_without_loading_the_linter(args):
    # What a run needs (the parser, the rules, the patterns) is imported by the command
    # that runs: these answer in the time it takes to start Python and click.
    program = (
        "import runpy, sys\n"
        f"sys.argv = ['policylint', *{args!r}]\n"
        "try:\n    runpy.run_module('policylint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "loaded = [m for m in ('markdown_it', 'yaml', 'regex', 'policylint.document', 'policylint.rulepacks') if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    env = {**os.environ, "POLICYLINT_NO_DAEMON": "1"}
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert "LOADED []" in done.stderr, done.stderr
    assert "policylint" in done.stdout


def test_show_source_cuts_a_long_line_between_words(tmp_path):
    words = "نرد على رسائل العملاء ونتابع طلباتهم بعناية " * 6
    (tmp_path / "ar.md").write_text(f"# سياسة خدمة العملاء\n\n{words}وموعدنا [الموعد] ثم {words}\n", encoding="utf-8")
    out = run("--today", TODAY, "--no-color", "--show-source", "--select", "PLH101", "ar.md", cwd=tmp_path).stdout
    [shown] = [line for line in out.split("\n") if line.startswith("    | ")]
    excerpt = shown.removeprefix("    | ").strip("…")
    assert "⟦[الموعد]⟧" in excerpt
    # Every word shown is whole: it is one of the line's words.
    whole = set(words.split()) | {"وموعدنا", "ثم", "⟦[الموعد]⟧"}
    assert set(excerpt.split()) <= whole


def test_text_repeated_across_policies_is_reported_where_each_file_has_it(lint_json, tmp_path):
    # A repository's policies share boilerplate; each file's findings on it must point at
    # its own copy, whatever line and container (list item, quote) it sits in there.
    arabic = "نرد على الشكاوى في أقرب وقت ممكن ونعالج الطلبات عبر الـ SLA المعتمد."
    english = "The team will leverage synergies to respond promptly."
    (tmp_path / "a.md").write_text(f"# سياسة خدمة العملاء\n\n{arabic}\n\n{english}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# ملاحظات الفريق\n\nمقدمة.\n\n- {arabic}\n\n> {english}\n", encoding="utf-8")
    result = lint_json("--no-cache", "--jobs", "1", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    flagged: dict[str, list[tuple[str, str]]] = {}
    for f in result.findings:
        if f["line"] == 1:
            continue  # what the whole document lacks
        name = f["path"].rsplit("/", 1)[-1]
        line = (tmp_path / name).read_text(encoding="utf-8").split("\n")[f["line"] - 1]
        assert f["end_line"] == f["line"]
        flagged.setdefault(name, []).append((f["code"], line[f["column"] - 1 : f["end_column"] - 1]))
    expected = [("PLA104", "SLA"), ("PLE103", "leverage"), ("PLE103", "synergies")]
    assert sorted(flagged["b.md"]) == expected
    assert sorted(flagged["a.md"]) == sorted(expected + [("SLA106", "في أقرب وقت ممكن"), ("SLA106", "promptly")])


def test_a_folder_s_readme_and_change_log_are_passed_over_unless_named(tmp_path):
    # `policylint .` in a policy repository failed CI on its README and CHANGELOG (FRS101,
    # "no last-review date"); a code of conduct under any name is still a policy.
    shutil.copy(FIXTURES / "en/customer-service-policy.md", tmp_path / "policy.md")
    shutil.copy(FIXTURES / "en/code-of-conduct.md", tmp_path / "CODE_OF_CONDUCT.md")
    (tmp_path / ".github").mkdir()
    for name in ("README.md", "README.ar.md", "CHANGELOG.md", ".github/PULL_REQUEST_TEMPLATE.md"):
        (tmp_path / name).write_text("# Notes\n\nAbout this repository.\n", encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", str(tmp_path))
    assert result.exit_code == 0 and "no problems in 2 files" in run("--today", TODAY, str(tmp_path)).stdout
    named = run("--today", TODAY, "--format", "json", str(tmp_path / "README.md"))
    assert named.exit_code == 1 and {f["code"] for f in named.findings} >= {"FRS101", "PL003"}


def test_a_file_named_twice_or_also_inside_a_named_folder_is_reported_once(tmp_path):
    shutil.copy(FIXTURES / "templates" / "short-policy.md", tmp_path / "policy.md")
    once = run("--today", TODAY, "--format", "json", str(tmp_path / "policy.md"))
    again = run("--today", TODAY, "--format", "json", str(tmp_path / "policy.md"), str(tmp_path), f"{tmp_path}/./policy.md")
    assert once.exit_code == again.exit_code == 1
    assert len(again.findings) == len(once.findings) > 0
    assert {f["path"] for f in again.findings} == {str(tmp_path / "policy.md")}


def test_hyphenated_jargon_is_reported_as_written(lint_json, tmp_path):
    # The jargon list has "world-class", "value-add" and "best-in-class": each was missed
    # in running text, where the hyphen is a token of its own, and "value add" was not.
    policy = tmp_path / "policy.md"
    line = "Our world-class team brings value-add services and best-in-class support."
    policy.write_text(f"# Customer Service Policy\n\n## Purpose\n\n{line}\n", encoding="utf-8")
    found = [(f["code"], line[f["column"] - 1 : f["end_column"] - 1]) for f in lint_json("--select", "PLE103", str(policy)).findings]
    assert found == [("PLE103", "world-class"), ("PLE103", "value-add"), ("PLE103", "best-in-class")]


@pytest.mark.parametrize(
    ("fixture", "label", "table"),
    [
        # A document-control table: labels over the first row of values ...
        ("en/customer-service-policy.md", "Last reviewed", "| Owner | Version | Last reviewed |\n|---|---|---|\n| Head of Support | 3.2 | 3 March 2024 |"),
        # ... or a table of labels and values.
        ("ar/customer-service-policy.md", "تاريخ آخر مراجعة", "| البيان | القيمة |\n|---|---|\n| المالك | إدارة الخدمة |\n| تاريخ آخر مراجعة | ٣ مارس ٢٠٢٤ |"),
        # ... whose first pair is its header row: the cell below is another label.
        ("en/customer-service-policy.md", "Last reviewed", "| **Last reviewed** | 3 March 2024 |\n|---|---|\n| **Owner** | Head of Support |"),
        # Each table's header names its own cells, not the next table's.
        ("en/customer-service-policy.md", "Last reviewed", "| Next review |\n|---|\n\n| Owner | Last reviewed |\n|---|---|\n| Head | 3 March 2024 |"),
    ],
)
def test_a_review_date_in_a_document_control_table_is_read(lint_json, tmp_path, fixture, label, table):
    # The table's label cell has nothing after it in its own cell: the date stood in the
    # cell it names, and the policy was reported as having no review date at all.
    text = replace_line((FIXTURES / fixture).read_text(encoding="utf-8"), label, table)
    (tmp_path / "policy.md").write_text(text, encoding="utf-8")
    [finding] = lint_json(str(tmp_path / "policy.md")).findings
    written = next(date for date in ("3 March 2024", "٣ مارس ٢٠٢٤") if date in table)
    assert (finding["code"], finding["text"]) == ("FRS105", written)
    assert finding["line"] == next(i for i, line in enumerate(text.split("\n"), 1) if written in line)


def test_an_effective_date_still_ahead_is_not_a_review_date_in_the_future(lint_json, tmp_path):
    # Policies are published before they take effect. An effective date stands in for a
    # missing review date, so it was reported as "the last review is in the future".
    text = (FIXTURES / "en/customer-service-policy.md").read_text(encoding="utf-8")
    (tmp_path / "policy.md").write_text(replace_line(text, "Last reviewed", "Effective date: 1 January 2027"), encoding="utf-8")
    assert lint_json(str(tmp_path / "policy.md")).findings == []
    # An old one still says the policy is stale; a last review in the future is still wrong.
    (tmp_path / "policy.md").write_text(replace_line(text, "Last reviewed", "Effective date: 1 January 2024"), encoding="utf-8")
    assert lint_json(str(tmp_path / "policy.md")).codes() == ["FRS105"]
    (tmp_path / "policy.md").write_text(replace_line(text, "Last reviewed", "Last reviewed: 1 January 2027"), encoding="utf-8")
    assert lint_json(str(tmp_path / "policy.md")).codes() == ["FRS104"]


def test_a_header_written_with_arabic_keys_is_read(lint_json, tmp_path):
    # Arabic policies get Arabic headers. The header's keys were read in English only
    # (owner, last_reviewed), so this policy was told it had no review date (FRS101) and
    # no owner, version or effective date (DOC107).
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    header = "---\nالمالك: مدير خدمة العملاء\nرقم_الإصدار: \"2.1\"\nتاريخ السريان: 2024-01-01\nآخر مراجعة: 2024-03-03\nالمراجعة القادمة: 2025-03-03\n---\n"
    body = text[text.index("\n---\n", 4) + 5 :]
    (tmp_path / "policy.md").write_text(header + replace_line(body, "تاريخ آخر مراجعة", ""), encoding="utf-8")
    found = [(f["code"], f["line"], f["text"]) for f in lint_json(str(tmp_path / "policy.md")).findings]
    assert found == [("FRS105", 5, "2024-03-03"), ("FRS108", 6, "2025-03-03")]


def test_the_kind_option_names_every_kind():
    # --kind's help had named two kinds after a third (complaints-policy) was added.
    from policylint.rulepacks import load_rules

    help_text = "".join(run("check", "--help").stdout.split())  # wrapped at any hyphen
    for kind in load_rules().kinds:
        assert kind.id in help_text
