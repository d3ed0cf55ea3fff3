"""The document pack and undefined acronyms, through the command line, on real policies."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, run
from variants import replace_line

AR_POLICY = FIXTURES / "ar/customer-service-policy.md"
EN_POLICY = FIXTURES / "en/customer-service-policy.md"


def _lint(tmp_path, text: str, *args: str, name: str = "policy.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run("--format", "json", "--today", "2026-11-23", *args, str(path))


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_acronym_glued_to_the_article_is_reported_once_at_first_use(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8").replace(
        "نتوقع من كل ممثل أن يكون مهذباً", "نلتزم بالـSLA مع كل عميل، ونراجع الـSLA كل شهر. نتوقع من كل ممثل أن يكون مهذباً"
    )
    result = _lint(tmp_path, text, "--select", "undefined-acronym-ar")
    [finding] = result.findings
    line = _line_of(text, "نلتزم بالـSLA")
    assert (finding["line"], finding["column"], finding["text"]) == (line, 11, "SLA")


def test_acronym_spelled_out_or_in_the_definitions_is_not_reported(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8")
    spelled = text.replace("نتوقع من كل ممثل", "نلتزم باتفاقية مستوى الخدمة (SLA) مع كل عميل. نتوقع من كل ممثل")
    assert _lint(tmp_path, spelled, "--select", "PLA107").findings == []
    defined = text.replace("- **العميل:**", "- **KPI:** مؤشر أداء نقيس به جودة الخدمة.\n- **العميل:**").replace(
        "نتوقع من كل ممثل", "نقيس KPIs كل شهر. نتوقع من كل ممثل"
    )
    assert _lint(tmp_path, defined, "--select", "PLA107").findings == []
    english = EN_POLICY.read_text(encoding="utf-8").replace("## 9. Guidelines", "We track NPS and CSAT monthly.\n\n## 9. Guidelines")
    assert [f["text"] for f in _lint(tmp_path, english, "--select", "PLE106").findings] == ["NPS", "CSAT"]


def test_two_titles_empty_and_duplicated_sections_and_a_repeated_paragraph(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8")
    text = text.replace("## ١٣. التدريب والموارد", "## ملاحظات العملاء\n\nنرسل استبياناً قصيراً بعد كل طلب مغلق. ويراجع مدير خدمة العملاء النتائج كل شهر، ويعرضها على الفريق.\n\n## ١٣. التدريب والموارد")
    text = text.replace("## ١٤. تواصل معنا", "# ملحق\n\n## الأسئلة الشائعة\n\n## ١٤. تواصل معنا")
    result = _lint(tmp_path, text, "--select", "document", "--ignore", "DOC107", "--locale", "en")
    found = {(f["code"], f["line"]) for f in result.findings}
    assert found == {
        ("DOC105", _line_of(text, "## ملاحظات العملاء")),  # the same section as "١٢. ملاحظات العملاء"
        ("DOC106", _line_of(text, "نرسل استبياناً") + 4),  # the second copy
        ("DOC102", _line_of(text, "# ملحق")),
        ("DOC104", _line_of(text, "## الأسئلة الشائعة")),
    }
    second = next(f for f in result.findings if f["code"] == "DOC102")
    assert "line 9" in second["message"]  # where the real title is


@pytest.mark.parametrize("title", ["# السياسة", "# [اسم الشركة]", "# Policy"])
def test_title_that_names_nothing(tmp_path, title):
    text = replace_line(AR_POLICY.read_text(encoding="utf-8"), "# سياسة خدمة العملاء", title)
    codes = [f["code"] for f in _lint(tmp_path, text, "--select", "DOC103", "--kind", "customer-service-policy").findings]
    assert codes == ["DOC103"]


def test_document_control_fields_are_suggested_together(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8").replace('version: "2.1"\n', "").replace("effective: 2026-10-01\n", "")
    [finding] = _lint(tmp_path, text, "--select", "DOC107").findings
    assert (finding["severity"], finding["line"]) == ("info", 1)
    assert "رقم الإصدار، تاريخ السريان" in finding["message"] and "مالك السياسة" not in finding["message"]


def test_a_control_table_with_its_values_left_empty_gives_no_fields(tmp_path):
    # A template's control table, or a bare "Version:", passed for the fields themselves.
    text = AR_POLICY.read_text(encoding="utf-8").replace('version: "2.1"\n', "").replace("effective: 2026-10-01\n", "")
    table = "\n\n| البند | القيمة |\n|---|---|\n| رقم الإصدار | |\n| تاريخ السريان | ١ أكتوبر ٢٠٢٦ |\n\nVersion:\n"
    [finding] = _lint(tmp_path, text + table, "--select", "DOC107").findings
    assert "رقم الإصدار" in finding["message"] and "تاريخ السريان" not in finding["message"]
    filled = table.replace("| رقم الإصدار | |", "| رقم الإصدار | ٢٫١ |")
    assert _lint(tmp_path, text + filled, "--select", "DOC107").findings == []


def test_contact_section_with_only_template_text_is_not_concrete(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8")
    start = _line_of(text, "لأي سؤال عن هذه السياسة")
    lines = text.split("\n")
    lines[start - 1] = "لأي سؤال، تواصل معنا على [عنوان البريد الإلكتروني] أو [رقم الهاتف]."
    result = _lint(tmp_path, "\n".join(lines), "--select", "DOC108")
    [finding] = result.findings
    assert finding["line"] == start - 2 and finding["text"] == "## ١٤. تواصل معنا"[3:]
    # An Arabic-Indic phone number alone is enough.
    lines[start - 1] = "لأي سؤال اتصل على ٠٥٠١٢٣٤٥٦٧."
    assert _lint(tmp_path, "\n".join(lines), "--select", "DOC108").findings == []


@pytest.mark.parametrize(
    ("line", "secret", "masked"),
    [
        ("كلمة المرور: Waha2026!", "Waha2026!", "Wa•••••6!"),
        ("Card on file: 4539 1488 0343 6467", "4539 1488 0343 6467", "45••••••••••••67"),
        ("حساب الشركة: SA03 8000 0000 6080 1016 7519", "SA03 8000 0000 6080 1016 7519", "SA" + "•" * 20 + "19"),
        ("رقم الهوية الوطنية للعميل ١٠٠٠٠٠٠٠٠٨", "١٠٠٠٠٠٠٠٠٨", "١٠••••••٠٨"),
        ("api_key = sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk••••••••••••••••••••••••••••dc"),
    ],
)
def test_secrets_are_reported_without_echoing_them(tmp_path, line, secret, masked):
    text = AR_POLICY.read_text(encoding="utf-8") + "\n" + line + "\n"
    result = _lint(tmp_path, text, "--select", "DOC109")
    [finding] = result.findings
    assert finding["line"] == len(text.split("\n")) - 1 and finding["severity"] == "error"
    assert finding["text"] == masked and masked in finding["message"]
    assert secret not in result.stdout


@pytest.mark.parametrize(
    "line",
    [
        "لا تشارك كلمة المرور مع أحد.",
        "كلمة المرور: [كلمة المرور]",
        "Order 4111 1111 1111 1112 arrived.",  # fails the Luhn check
        # The card networks' published test numbers are no one's card: a training note's
        # example had been an error telling the team to purge it from the Git history.
        "Test card: 4111 1111 1111 1111",
        "Use 4242 4242 4242 4242 or 5555 5555 5555 4444 on the test site.",
        "اتصل على ١٠٠٠٠٠٠٠٠٨ للاستفسار.",  # a valid-looking ID, but nothing says it is one
    ],
)
def test_what_only_looks_like_a_secret_is_not_reported(tmp_path, line):
    text = AR_POLICY.read_text(encoding="utf-8") + "\n" + line + "\n"
    assert _lint(tmp_path, text, "--select", "DOC109").findings == []


@pytest.mark.parametrize("line", ["Password: never share it with anyone.", "كلمة المرور: سرية ولا تُشارك."])
def test_a_word_after_a_password_label_is_not_a_password(tmp_path, line):
    text = EN_POLICY.read_text(encoding="utf-8") + "\n" + line + "\n"
    assert _lint(tmp_path, text, "--select", "DOC109").findings == []


@pytest.mark.parametrize("key", ["الجهة المالكة", "الإدارة المسؤولة", "مالك الوثيقة"])
def test_the_owning_body_in_the_header_is_the_owner(tmp_path, key):
    text = AR_POLICY.read_text(encoding="utf-8").replace("owner: مدير خدمة العملاء\n", f"{key}: إدارة تجربة العملاء\n")
    assert f"{key}:" in text
    assert _lint(tmp_path, text, "--select", "DOC107").findings == []


def test_a_copy_of_the_procedure_is_not_a_version_number(tmp_path):
    text = AR_POLICY.read_text(encoding="utf-8").replace('version: "2.1"\n', "")
    text = text.replace("نؤكد استلام الشكوى خلال يوم عمل", "نؤكد استلام الشكوى خلال يوم عمل مرفقاً بنسخة من هذا الإجراء")
    [finding] = _lint(tmp_path, text, "--select", "DOC107").findings
    assert "رقم الإصدار" in finding["message"]


@pytest.mark.parametrize("review_date", ["last_reviewed: 2026-09-15\n", ""])
def test_a_last_review_date_is_not_the_effective_date(tmp_path, review_date):
    # The policy says when it was last reviewed (in the header or, as the fixture does,
    # in a "Last reviewed:" line) but not when it took effect: the same either way.
    text = EN_POLICY.read_text(encoding="utf-8").replace("effective: 2026-10-01\n", review_date)
    [finding] = _lint(tmp_path, text, "--select", "DOC107").findings
    assert "are missing: effective date;" in finding["message"]


@pytest.mark.parametrize(
    ("lines", "missing"),
    [
        # A label's words inside a sentence are no field: issuing a licence, the owner of
        # an account.
        ("## التزاماتنا\n\n١. إصدار رخصة البناء خلال ٥ أيام عمل.\n٢. يحق للمالك تعديل الطلب.\n", "مالك السياسة، رقم الإصدار"),
        ("## Accounts\n\nThe owner of the account can close it. We version every release.\n", "owner, version"),
        # Labels opening a line or a sentence, a version number without a colon, a lead-in.
        ("Owner: support team lead. Version: 1.4.\n", ""),
        ("**الإصدار** ٢٫١\n\nأعدها فريق تجربة العملاء.\n", ""),
        ("Version 3\n\nPrepared by the Customer Experience team.\n", ""),
        # Fields on one line, set off by dashes or bars; a dash inside a sentence is not.
        ("**رقم الإصدار:** ٢.٠ — **المالك:** إدارة الجودة\n", ""),
        ("Version: 2 | Owner: Support\n", ""),
        ("Version: 2 - Owner: Support\n", ""),
        ("Version: 2\n\nWe serve everyone - the owner of the account first.\n", "owner"),
        # A table's cell that opens with a label's word is no label unless the label fills
        # it: issuing a licence is a service.
        ("| الخدمة | المدة |\n|---|---|\n| إصدار رخصة بناء | ٥ أيام عمل |\n", "مالك السياسة، رقم الإصدار"),
        ("| البند | القيمة |\n|---|---|\n| رقم الإصدار | ٢٫١ |\n| المالك | إدارة الجودة |\n", ""),
        ("| Version: 2.1 | Owner: Support team |\n|---|---|\n", ""),
        # The owning body, as Gulf policies name it.
        ("الإصدار: ٢٫١\n\nالإدارة المسؤولة: إدارة تجربة العملاء\n", ""),
    ],
)
def test_document_control_labels_open_a_line_or_sentence(tmp_path, lines, missing):
    lang = "ar" if "ا" in lines else "en"
    title = "# سياسة خدمة العملاء\n\n" if lang == "ar" else "# Customer Service Policy\n\n"
    text = title + "تاريخ السريان: ١ يناير ٢٠٢٦\n\nEffective date: 1 January 2026\n\n" + lines
    findings = _lint(tmp_path, text, "--select", "DOC107", "--locale", lang).findings
    if not missing:
        assert findings == []
    else:
        [finding] = findings
        assert f": {missing}" in finding["message"] and "تاريخ السريان؛" not in finding["message"]
