"""Right findings on two newly written drafts (fixtures/new): an Arabic customer-service
policy and an English code of conduct, as their authors would write them."""

from __future__ import annotations

from conftest import FIXTURES, TODAY, run

from policylint import document
from policylint.checks.readability import readable_texts

AR = "fixtures/new/ar-policy-draft.md"
EN = "fixtures/new/en-code-of-conduct-draft.md"


def findings(path: str, *args: str) -> list[dict]:
    result = run("--today", TODAY, "--format", "json", *args, path, cwd=FIXTURES.parent)
    assert result.exit_code in (0, 1), result.stderr
    return result.findings


def line_of(path: str, text: str) -> int:
    lines = (FIXTURES.parent / path).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_vague_resolution_is_reported_though_the_acknowledgement_has_a_number():
    for path, words in ((AR, "في أقرب وقت ممكن"), (EN, "as soon as possible")):
        vague = [(f["line"], f["text"]) for f in findings(path) if f["code"] == "SLA106"]
        assert vague == [(line_of(path, words), words)]


def test_as_far_as_possible_in_the_mission_is_not_a_vague_time_promise():
    assert "قدر الإمكان" in (FIXTURES / "new/ar-policy-draft.md").read_text(encoding="utf-8")
    assert not [f for f in findings(AR) if f["text"] == "قدر الإمكان"]


def test_one_problem_one_finding():
    ar = findings(AR)
    todo = [(f["code"], f["text"]) for f in ar if "TODO" in f["text"]]
    assert todo == [("PLH103", "TODO")]  # not also an undefined acronym
    sla = [(f["code"], f["text"]) for f in ar if "SLA" in f["text"]]
    assert sla == [("PLA104", "الـSLA")]  # one finding per acronym, not two
    unfilled = [(f["code"], f["text"]) for f in ar if "[X]" in f["text"]]
    assert unfilled == [("SLA102", "[X] ساعة")]  # not also a placeholder
    assert not [f for f in findings(EN) if f["text"] == "CSAT"]  # spelled out beside it


def test_response_time_column_makes_its_cells_commitments_of_the_row():
    result = run("sla", "--format", "json", AR, EN, cwd=FIXTURES.parent)
    rows = {(c["path"], c["channel"], c["measure"], c["quantity"], c["unit"]) for c in result.json["commitments"]}
    assert {
        (AR, "phone", "response", 60, "second"), (AR, "live-chat", "response", 120, "minute"),
        (EN, "phone", "response", 30, "second"), (EN, "phone", "resolution", 1, "business day"),
        (EN, "email", "resolution", 3, "business day"),
    } <= rows  # fmt: skip
    # The escalation trigger ("if ... not resolved within 2 business days") is no promise.
    assert not [r for r in rows if r[3] == 2 and r[4] == "business day"]
    assert (AR, "email", "response", None, "hour") in rows  # "[X] ساعة" in the table


def test_feedback_mechanisms_are_the_feedback_section():
    assert "آليات ردود الفعل" in (FIXTURES / "new/ar-policy-draft.md").read_text(encoding="utf-8")
    assert "CSP112" not in [f["code"] for f in findings(AR)]


def test_english_messages_about_an_arabic_policy_give_english_advice():
    english = {f["code"]: f["message"] for f in findings(AR, "--locale", "en")}
    assert english["SLA106"].startswith("“في أقرب وقت ممكن” is a promise without a number: state the time as a number")
    assert "اذكر" not in english["SLA106"] and "اكتب" not in english["PLA104"]
    arabic = {f["code"]: f["message"] for f in findings(AR)}
    assert "اذكر المدة رقماً ووحدة" in arabic["SLA106"]


CONTROL_BLOCK = {
    "ar": "**المالك:** إدارة تجربة العملاء في الشركة\n**الإصدار:** 2.1\n**تاريخ السريان:** 2026-09-01\n"
    "**آخر مراجعة:** 2026-09-01\n**المراجعة القادمة:** 2027-09-01\n**الجهة المعتمدة:** مجلس إدارة الشركة ولجنة المخاطر والامتثال",
    "en": "**Owner:** Customer Experience Team at the company\n**Version:** 2.1\n**Effective date:** 2026-09-01\n"
    "**Last reviewed:** 2026-09-01\n**Next review:** 2027-09-01\n**Approved by:** the Board of Directors and the Risk and Compliance Committee",
}


def test_a_control_block_of_label_lines_is_not_one_long_sentence_and_reads_as_before(tmp_path):
    # Label lines in one paragraph, as DOC107 suggests writing them, none ending in a full
    # stop: each is a sentence of its own for length (PLA101, PLE101 once counted 31 and
    # 36 words), while readability reads the paragraph's text as before.
    for lang, policy in (("ar", FIXTURES / "ar/customer-service-policy.md"), ("en", FIXTURES / "en/customer-service-policy.md")):
        body = policy.read_text(encoding="utf-8").split("\n## ", 1)[1]
        title = "# سياسة خدمة العملاء" if lang == "ar" else "# Customer Service Policy"
        (tmp_path / "block.md").write_text(f"{title}\n\n{CONTROL_BLOCK[lang]}\n\n## {body}", encoding="utf-8")
        one_line = CONTROL_BLOCK[lang].replace("\n", " ")
        (tmp_path / "one-line.md").write_text(f"{title}\n\n{one_line}\n\n## {body}", encoding="utf-8")
        block = run("--today", TODAY, "--format", "json", "--select", "PLA101,PLE101", "block.md", cwd=tmp_path)
        assert block.findings == [], block.findings
        # Written on one line, it is one long sentence still.
        assert [f["line"] for f in run("--today", TODAY, "--format", "json", "--select", "PLA101,PLE101", "one-line.md", cwd=tmp_path).findings] == [3]
        # Readability reads the block as one run of text, as before (and as textstat and
        # OSMAN read a paragraph): one text holds its first label and its last.
        doc = document.parse("block.md", (tmp_path / "block.md").read_text(encoding="utf-8"))
        first, last = ("المالك", "الجهة المعتمدة") if lang == "ar" else ("Owner", "Approved by")
        assert sum(first in text and last in text for text in readable_texts(doc, doc.sentences, lang)) == 1
