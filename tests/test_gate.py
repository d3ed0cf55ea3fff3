"""policylint as a CI gate: machine formats, baselines, statistics, many files at once."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from conftest import FIXTURES, ROOT, TODAY, run

SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_and_points_at_the_arabic_placeholder_exactly(tmp_path):
    result = run("--today", TODAY, "--format", "sarif", "fixtures/templates", "fixtures/ar", cwd=ROOT)
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    [run_] = sarif["runs"]
    assert run_["columnKind"] == "utf16CodeUnits"
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert "PLH101" in rule_ids and "CSP104" in rule_ids
    line = (FIXTURES / "templates/short-policy.md").read_text(encoding="utf-8").split("\n")[2]
    [hit] = [
        r for r in run_["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/templates/short-policy.md"
        and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    ]  # fmt: skip
    region = hit["locations"][0]["physicalLocation"]["region"]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "[أدرج رؤية الشركة هنا]"
    assert hit["ruleId"] == "PLH101" and rule_ids[hit["ruleIndex"]] == "PLH101" and hit["level"] == "error"


def test_sarif_columns_are_utf16_after_an_emoji(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("# 📞 سياسة خدمة العملاء\n\n☎️📞 الهاتف: [X] رنات.\n", encoding="utf-8")
    sarif = json.loads(run("--format", "sarif", "--select", "PLH101", str(path)).stdout)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line = "☎️📞 الهاتف: [X] رنات."
    utf16_start = len(line[: line.index("[X]")].encode("utf-16-le")) // 2 + 1
    assert (region["startColumn"], region["endColumn"]) == (utf16_start, utf16_start + 3)
    code_points = run("--format", "json", "--select", "PLH101", str(path)).findings[0]
    assert code_points["column"] == line.index("[X]") + 1 == utf16_start - 1


def test_sarif_locations_are_uris_whatever_the_file_is_called(tmp_path):
    names = ["سياسة الخدمة.md", "a:b,c #1 100%.md", "two\nlines.md"]
    for name in names:
        shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / name)
    outside = tmp_path / "elsewhere" / "p q.md"
    outside.parent.mkdir()
    shutil.copy(FIXTURES / "templates/short-policy.md", outside)
    (tmp_path / "run").mkdir()
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "run" / "x.md")
    sarif = json.loads(run("--format", "sarif", "--select", "PLH101", *(f"../{n}" for n in names), str(outside), "x.md", cwd=tmp_path / "run").stdout)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    locations = {
        (loc["artifactLocation"]["uri"], loc["artifactLocation"].get("uriBaseId"))
        for r in sarif["runs"][0]["results"]
        for loc in (r["locations"][0]["physicalLocation"],)
    }
    for uri, _ in locations:  # only the characters RFC 3986 allows in a URI
        assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", uri), uri
    found = {(urllib.parse.unquote(uri.removeprefix("file://")) if base is None else urllib.parse.unquote(uri), base) for uri, base in locations}
    assert found == {*((f"../{n}", "%SRCROOT%") for n in names), (str(outside), None), ("x.md", "%SRCROOT%")}


def test_github_annotations_are_escaped_and_the_summary_lists_every_finding(tmp_path):
    summary = tmp_path / "summary.md"
    path = tmp_path / "a,b:c.md"
    path.write_text("# سياسة خدمة العملاء\n\nالهاتف: [X] رنات و100% [Y].\n", encoding="utf-8")
    result = run("--today", TODAY, "--format", "github", str(path), env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    placeholder = next(line for line in lines if "PLH101" in line and "[X]" in line)
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert placeholder == f"::error file={escaped},line=3,col=9,endLine=3,endColumn=12,title=PLH101 bracket-placeholder::نص قالب لم يُملأ: [X]؛ ضع مكانه القيمة الحقيقية."
    assert any(line.startswith("::warning title=") or line.startswith("::warning file=") for line in lines)
    assert any(line.startswith("::notice file=") and "CSP105" in line for line in lines)  # info is a notice
    table = summary.read_text(encoding="utf-8")
    assert table.count("\n| `") == len(lines)  # one row per finding, however many GitHub shows
    assert "[Y]" in table and result.exit_code == 1


def test_junit_has_a_suite_per_file_and_fails_only_at_fail_on(tmp_path):
    out = tmp_path / "report.xml"
    result = run("--today", TODAY, "--format", "junit", "--output", str(out), "fixtures/incomplete", "fixtures/en", cwd=ROOT)
    assert result.stdout == "" and result.exit_code == 1
    root = ET.parse(out).getroot()
    suites = root.findall("./testsuite")
    assert len(suites) == 10  # one per file, the clean ones included
    failing = {(s.get("name"), c.get("name").split()[0]) for s in suites for c in s.findall("testcase") if c.find("failure") is not None}
    assert failing == {
        ("fixtures/incomplete/ar-conduct-no-complaints.md", "COC105"), ("fixtures/incomplete/ar-no-contact.md", "CSP114"),
        ("fixtures/incomplete/ar-no-review-date.md", "FRS101"), ("fixtures/incomplete/ar-no-scope.md", "CSP104"),
        ("fixtures/incomplete/en-conduct-no-ethics.md", "COC101"), ("fixtures/incomplete/en-no-contact.md", "CSP114"),
        ("fixtures/incomplete/en-no-review-date.md", "FRS101"), ("fixtures/incomplete/en-no-scope.md", "CSP104"),
    }  # fmt: skip
    assert root.get("failures") == "8"

    # Below --fail-on, a rule's findings pass, listed in the case's output.
    run("--today", TODAY, "--format", "junit", "--output", str(out), "fixtures/templates/short-policy.md", cwd=ROOT)
    cases = ET.parse(out).getroot().findall("./testsuite/testcase")
    warned = [c for c in cases if c.find("failure") is None]
    assert warned and all(c.find("system-out") is not None for c in warned)
    assert all(" warning " in c.find("system-out").text or " info " in c.find("system-out").text for c in warned)
    assert len({c.get("name") for c in cases}) == len(cases)  # one case per rule
    run("--today", TODAY, "--format", "junit", "--fail-on", "warning", "--output", str(out), "fixtures/templates/short-policy.md", cwd=ROOT)
    stricter = ET.parse(out).getroot()
    assert int(stricter.get("failures")) > len(cases) - len(warned)


def test_baseline_hides_old_findings_and_catches_a_new_one_after_lines_move(tmp_path):
    shutil.copy(FIXTURES / "templates/handbook.md", tmp_path / "handbook.md")
    old = run("--today", TODAY, "--format", "json", "handbook.md", cwd=tmp_path).findings
    written = run("--today", TODAY, "--write-baseline", ".policylint-baseline.json", "handbook.md", cwd=tmp_path)
    assert written.exit_code == 0 and f"recorded {len(old)} findings" in written.stderr
    assert run("--today", TODAY, "--baseline", ".policylint-baseline.json", "handbook.md", cwd=tmp_path).exit_code == 0

    text = (tmp_path / "handbook.md").read_text(encoding="utf-8").split("\n")
    text[1:1] = ["", "**ملاحظة:** سنرد على الرسائل الصوتية خلال [X] دقائق.", "", "سطر آخر.", ""]
    (tmp_path / "handbook.md").write_text("\n".join(text), encoding="utf-8")
    gated = run("--today", TODAY, "--format", "json", "--baseline", ".policylint-baseline.json", "handbook.md", cwd=tmp_path)
    assert gated.exit_code == 1
    # The new placeholder, as a placeholder and as a promise with no number; nothing old.
    assert [(f["code"], f["line"], f["text"]) for f in gated.findings] == [("SLA102", 3, "خلال [X] دقائق")]  # one problem, one finding

    # Fix one old placeholder and rewrite: it drops out of the baseline.
    fixed = (tmp_path / "handbook.md").read_text(encoding="utf-8").replace("نظام [الاسم]", "نظام الطلبات")
    (tmp_path / "handbook.md").write_text(fixed, encoding="utf-8")
    run("--today", TODAY, "--write-baseline", ".policylint-baseline.json", "handbook.md", cwd=tmp_path)
    recorded = json.loads((tmp_path / ".policylint-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert "[الاسم]" not in {e["text"] for e in recorded}
    assert all(e["path"] == "handbook.md" for e in recorded)


def test_damaged_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    result = run("--baseline", str(tmp_path / "b.json"), str(FIXTURES / "en/code-of-conduct.md"))
    assert result.exit_code == 2 and "damaged" in result.stderr


def test_statistics_count_per_rule_and_file():
    result = run("--today", TODAY, "--select", "PLH", "--statistics", "fixtures/templates", cwd=ROOT)
    assert "Findings per rule:\n  42  PLH101  bracket-placeholder\n" in result.stdout
    assert "  15  fixtures/templates/handbook.md\n" in result.stdout


def test_parallel_output_is_byte_identical_to_serial(tmp_path):
    sources = sorted(p for p in FIXTURES.rglob("*.md") if p.name != "README.md")
    # 200 files in folders of 20: more batches than helpers (at most 32 files a batch),
    # so the order in which batches come back is really tried.
    for i in range(200):
        source = sources[i % len(sources)]
        folder = tmp_path / f"team{i // 20:02d}"
        folder.mkdir(exist_ok=True)
        shutil.copy(source, folder / f"{i:03d}-{source.name}")
    # Without the results cache, so that both runs do the work.
    serial = run("--today", TODAY, "--no-cache", "--jobs", "1", "--statistics", ".", cwd=tmp_path)
    parallel = run("--today", TODAY, "--no-cache", "--jobs", "2", "--statistics", ".", cwd=tmp_path)
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    as_json = run("--today", TODAY, "--no-cache", "--jobs", "2", "--format", "json", ".", cwd=tmp_path)
    assert as_json.json["files"] == 200
    assert as_json.stdout == run("--today", TODAY, "--no-cache", "--jobs", "1", "--format", "json", ".", cwd=tmp_path).stdout


def test_a_parallel_run_keeps_each_findings_line_for_fingerprints_and_show_source(tmp_path):
    # The line each finding starts on comes back from the helpers of a parallel run:
    # SARIF's fingerprints tell apart one placeholder on two lines by it, and
    # --show-source shows it.
    text = "# سياسة خدمة العملاء\n\nيتولى [الاسم] الرد على البريد.\n\nيتولى [الاسم] الرد على الهاتف.\n"
    for i in range(20):
        (tmp_path / f"p{i:02d}.md").write_text(text, encoding="utf-8")
    args = ("--today", TODAY, "--no-cache", "--select", "PLH101")
    parallel = run(*args, "--jobs", "2", "--format", "sarif", ".", cwd=tmp_path).stdout
    prints: dict[str, set[str]] = {}
    for result in json.loads(parallel)["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        prints.setdefault(uri, set()).add(result["partialFingerprints"]["policylint/v1"])
    assert len(prints) == 20 and all(len(found) == 2 for found in prints.values())
    assert parallel == run(*args, "--jobs", "1", "--format", "sarif", ".", cwd=tmp_path).stdout
    shown = run(*args, "--jobs", "2", "--no-color", "--show-source", ".", cwd=tmp_path).stdout
    assert shown.count("يتولى ⟦[الاسم]⟧ الرد على الهاتف.") == 20


def test_git_ignored_and_excluded_files_are_skipped_in_folders(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "drafts/draft.md")
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "policy.md")
    result = run("--format", "json", "--select", "PLH101", ".", cwd=tmp_path)
    assert {f["path"] for f in result.findings} == {"policy.md"}
    named = run("--format", "json", "--select", "PLH101", "drafts/draft.md", cwd=tmp_path)
    assert {f["path"] for f in named.findings} == {"drafts/draft.md"}
