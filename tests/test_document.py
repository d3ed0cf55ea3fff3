"""The Document: positions, front matter, sections, what counts as prose."""

import pytest

from policylint.document import DocumentError, decode, parse


def spans_of(doc, needle):
    """1-based (line, column) of every occurrence of `needle` in the source."""
    found, start = [], 0
    while (at := doc.source.find(needle, start)) >= 0:
        found.append(doc.position(at))
        start = at + 1
    return found


def test_positions_are_unchanged_by_crlf_and_bom():
    lf = "# سياسة\n\nنص [الشركة] هنا.\n"
    crlf = "\ufeff" + lf.replace("\n", "\r\n")
    a, b = parse("a.md", lf), parse("b.md", decode(crlf.encode("utf-8")))
    pa, pb = spans_of(a, "[الشركة]"), spans_of(b, "[الشركة]")
    assert pa == pb and (pa[0].line, pa[0].column) == (3, 4)


def test_front_matter_is_read_and_not_prose():
    doc = parse("p.md", "---\nlang: en\nkind: code-of-conduct\nlast_reviewed: 2026-01-02\n---\n# Title\n\nBody.\n")
    assert doc.front_matter["kind"] == "code-of-conduct" and doc.lang == "en"
    assert doc.title.title == "Title" and doc.position(doc.title.title_span.start).line == 6
    assert "kind" not in doc.prose


@pytest.mark.parametrize(
    "text, line",
    [("---\nlang: ar\nkind: [unclosed\n---\n# x\n", 4), ("---\nlang: ar\n  bad: indent\n---\n", 3), ("---\nlang: ar\n# never closed\n", 1)],
)
def test_malformed_front_matter_names_its_line(text, line):
    with pytest.raises(DocumentError) as error:
        parse("p.md", text)
    assert error.value.line == line


def test_invalid_utf8_names_its_line():
    with pytest.raises(DocumentError) as error:
        decode("# سياسة\n\nسطر\n".encode() + b"\xff\xfe bad\n")
    assert error.value.line == 4 and "UTF-8" in error.value.message


def test_sections_from_headings_bold_lines_and_labels():
    doc = parse(
        "p.md",
        "# دليل خدمة العملاء\n\n"
        "## ٣- نطاق التطبيق\n\nنص.\n\n"
        "### أولاً: الغرض\n\nنص.\n\n"
        "**COMPLAINTS**\n\nنص.\n\n"
        "**النطاق:** تنطبق هذه السياسة على الجميع.\n\n"
        "الغرض: توضيح الخدمة. • تاريخ آخر مراجعة: ٢٠٢٦-٠١-٠١\n\n"
        "- **العميل:** تعريف في قائمة ليس قسماً.\n",
    )
    titles = [(s.title, s.style, s.words) for s in doc.body_sections]
    assert titles == [
        ("٣- نطاق التطبيق", "heading", ("نطاق", "التطبيق")),
        ("أولاً: الغرض", "heading", ("الغرض",)),
        ("COMPLAINTS", "bold", ("complaints",)),
        ("النطاق", "label", ("النطاق",)),
        ("الغرض", "label", ("الغرض",)),
        ("تاريخ آخر مراجعة", "label", ("تاريخ", "اخر", "مراجعه")),
    ]
    assert doc.title.title == "دليل خدمة العملاء"


def test_markdown_syntax_code_and_links_are_not_prose():
    doc = parse(
        "p.md",
        "راجع [الدليل](https://x.example/[X]) و`[Y]` و![صورة](a.png) و[^1] و<span>[Z]</span>.\n\n"
        "[مرجع]: https://example.com\n\nانظر [مرجع] و[نص][مرجع].\n\n- [ ] مهمة\n\n```\n[CODE]\n```\n",
    )
    assert "[X]" not in doc.prose and "[Y]" not in doc.prose and "[CODE]" not in doc.prose
    assert "[مرجع]" not in doc.prose and "[ ]" not in doc.prose and "[^1]" not in doc.prose
    assert "[Z]" in doc.prose and "الدليل" in doc.prose  # link text and text inside HTML stay prose


def test_table_cells_and_quotes_keep_exact_columns():
    doc = parse("p.md", "| القناة | المدة |\n|---|---|\n| الهاتف | [X] رنات |\n\n> اقتباس [Y]\n")
    kinds = {(b.kind, doc.text(b.span)) for b in doc.blocks}
    assert ("table_cell", "[X] رنات") in kinds and ("quote", "اقتباس [Y]") in kinds
    cell = next(b for b in doc.blocks if doc.text(b.span) == "[X] رنات")
    assert (doc.position(cell.span.start).line, doc.position(cell.span.start).column) == (3, 12)


def test_mixed_document_language_per_block():
    doc = parse("p.md", "# سياسة خدمة العملاء\n\nتنطبق هذه السياسة على جميع الموظفين في الشركة.\n\nThis English paragraph is about our service standards.\n")
    assert doc.lang == "ar"
    assert [b.lang for b in doc.blocks] == ["ar", "ar", "en"]


def _sentences_worked_out_afresh(doc):
    """Each sentence's tokens as tokenising the sentence where it lies gives them."""
    from policylint.text.tokens import tokenize

    return [list(tokenize(doc.prose[s.span.start : s.span.end], s.lang, s.span.start)) for b in doc.blocks for s in b.sentences]


def test_text_shared_by_policies_is_placed_where_each_has_it():
    # Boilerplate recurs across a repository's policies at other offsets; what was
    # worked out for one file must land at the other's positions.
    shared = "يتم الرد على الشكاوى خلال 3 أيام عمل. Contact support@example.com within 24 hours."
    first = parse("a.md", f"# سياسة\n\n{shared}\n")
    second = parse("b.md", f"# سياسة الشكاوى والتصعيد\n\nمقدمة قصيرة.\n\n- {shared}\n")
    for doc in (first, second):
        assert [list(s.tokens) for b in doc.blocks for s in b.sentences] == _sentences_worked_out_afresh(doc)
        block = next(b for b in doc.blocks if doc.text(b.span) == shared)
        assert block.sentences[0].tokens[0].start == doc.source.find(shared)
        assert doc.source[block.sentences[-1].tokens[-2].start :].startswith("hours.")


@pytest.mark.parametrize("limit", [0, 30, 300])
def test_a_small_memory_bound_changes_no_sentence(monkeypatch, limit):
    from pathlib import Path

    from policylint import document

    fixtures = sorted(Path(__file__).parent.parent.joinpath("fixtures").rglob("*.md"))
    unbounded = [parse(str(f), f.read_text(encoding="utf-8")) for f in fixtures]
    monkeypatch.setattr(document, "_PROSE", document._ProseMemo())
    monkeypatch.setattr(document._ProseMemo, "TOKEN_LIMIT", limit)
    for _ in range(2):  # the second pass meets what the first kept, or evicted
        for f, expected in zip(fixtures, unbounded):
            doc = parse(str(f), f.read_text(encoding="utf-8"))
            assert doc.blocks == expected.blocks
            assert [list(s.tokens) for b in doc.blocks for s in b.sentences] == _sentences_worked_out_afresh(doc)
    assert document._PROSE._tokens_held <= limit


GOOGLE_DOCS_EXPORT = """# **Customer Service Policy** {#customer-service-policy}

## 1\\. Purpose {#1.-purpose}

This policy explains how Acme Ltd serves its customers\\.

## 3\\. Complaints {#3.-complaints}

We resolve complaints within 5 business days\\.
"""


def test_heading_attributes_and_escapes_of_an_export_are_no_words(lint_json, tmp_path):
    # Google Docs and Pandoc write "## 3\. Complaints {#3.-complaints}": the anchor was
    # read as words of the title and of the text (its readability), and the message
    # named the section “3 . Complaints {#3.-complaints}”.
    doc = parse("p.md", GOOGLE_DOCS_EXPORT)
    assert [s.title for s in doc.sections] == ["Customer Service Policy", "1. Purpose", "3. Complaints"]
    assert "{#" not in doc.prose and doc.prose.lower().count("purpose") == 1
    path = tmp_path / "policy.md"
    path.write_text(GOOGLE_DOCS_EXPORT, encoding="utf-8")
    [finding] = [f for f in lint_json("--locale", "en", str(path)).findings if f["code"] == "CSP115"]
    assert "“3. Complaints” section" in finding["message"]


def test_an_html_tables_cells_are_prose_and_other_html_is_not():
    text = (
        "# Policy\n\n<div class=\"note\">Layout only</div>\n\n<table>\n<tr><th>Channel</th><th>Target</th></tr>\n"
        "<tr><td>Phone &amp; SMS</td><td><p>within 3 rings</p>\n<p>for 80%</p></td></tr>\n</table>\n"
    )
    doc = parse("p.md", text)
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [doc.prose[c.span.start : c.span.end].split() for c in cells] == [
        ["Channel"], ["Target"], ["Phone", "SMS"], ["within", "3", "rings", "for", "80%"],
    ]
    # The second row's cells, on two lines, are one row, each under its column's header.
    assert [c.header for c in cells[2:]] == ["Channel", "Target"] and cells[2].row == cells[3].row != cells[0].row
    assert "Layout" not in doc.prose and "<" not in doc.prose and "amp" not in doc.prose
