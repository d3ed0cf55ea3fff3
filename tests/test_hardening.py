"""Bad input, bad configuration and hostile files: each gives a clear message that names
the file, exit code 2, the other files still linted, and every output format still valid.
Never a traceback, never a hang (each case here finishes in well under a second)."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, TODAY, run

GOOD = FIXTURES / "templates/short-policy.md"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding one real policy with findings (the "other file" of each case)."""
    shutil.copy(GOOD, tmp_path / "good.md")
    return tmp_path


def lint_beside_good(folder: Path, bad: str, *args: str) -> object:
    """Lint a bad input and a good file together, as JSON; both must be reported."""
    result = run("--today", TODAY, "--format", "json", *args, bad, "good.md", cwd=folder)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert result.exit_code == 2, result.stderr
    report = json.loads(result.stdout)  # still valid JSON
    assert any(f["path"] == "good.md" and f["code"] == "PLH101" for f in report["findings"])  # the other file was linted
    return result


# ------------------------------------------------------------------ the documents


def test_impossible_date_in_front_matter_is_reported_as_an_unreadable_date(folder):
    (folder / "p.md").write_text("---\nlast_reviewed: 2026-02-30\n---\n# سياسة خدمة العملاء\n\nنص.\n", encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", "p.md", cwd=folder)
    assert result.exit_code == 1, result.stderr
    frs102 = [f for f in result.findings if f["code"] == "FRS102"]
    assert frs102 and frs102[0]["line"] == 2 and "2026-02-30" in frs102[0]["message"]


@pytest.mark.parametrize("value", ["nonsense", "5", "2026-02-30", "[a, b]"])
def test_a_wrong_kind_at_the_top_of_a_document_names_its_line(folder, value):
    (folder / "p.md").write_text(f"---\nlang: en\nkind: {value}\n---\n# Policy\n\nText.\n", encoding="utf-8")
    result = lint_beside_good(folder, "p.md")
    assert "p.md:3: " in result.stderr and "customer-service-policy" in result.stderr


def test_sla_and_stats_report_a_wrong_kind_and_go_on(folder):
    (folder / "p.md").write_text("---\nkind: nonsense\n---\n# Policy\n\nText.\n", encoding="utf-8")
    shutil.copy(FIXTURES / "ar/customer-service-policy.md", folder / "ar.md")
    for command in ("sla", "stats"):
        result = run(command, "--format", "json", "p.md", "ar.md", cwd=folder)
        assert result.exit_code == 2 and "p.md:2: unknown kind 'nonsense'" in result.stderr, result.stderr
        assert "ar.md" in result.stdout


def test_a_number_too_long_for_python_in_front_matter_is_text(folder):
    # Python refuses to convert more than 4,300 digits; this once ended the whole run
    # with an internal error.
    (folder / "p.md").write_text(f"---\nversion: {'1' * 5000}\nlast_reviewed: {'2' * 5000}\n---\n# سياسة خدمة العملاء\n\nنص.\n", encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", "p.md", "good.md", cwd=folder)
    assert result.exit_code == 1 and "internal error" not in result.stderr, result.stderr
    frs102 = [f for f in result.findings if f["path"] == "p.md" and f["code"] == "FRS102"]
    assert frs102 and frs102[0]["line"] == 3  # an unreadable review date, on its line
    assert any(f["path"] == "good.md" for f in result.findings)


def test_alias_bomb_in_front_matter_is_refused(folder):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
    )
    (folder / "p.md").write_text(f"---\n{bomb}---\n# Policy\n", encoding="utf-8")
    result = lint_beside_good(folder, "p.md")
    assert "p.md:" in result.stderr and "aliases" in result.stderr


def test_fifo_and_device_are_refused_without_blocking(folder):
    os.mkfifo(folder / "pipe.md")
    (folder / "zero.md").symlink_to("/dev/zero")
    result = lint_beside_good(folder, "pipe.md", "zero.md")
    assert "pipe.md: not a regular file" in result.stderr and "zero.md: not a regular file" in result.stderr


def test_a_file_above_the_size_cap_is_refused_and_the_cap_can_be_raised(folder):
    text = GOOD.read_text(encoding="utf-8")
    (folder / "big.md").write_text(text * 3, encoding="utf-8")
    result = lint_beside_good(folder, "big.md", "--max-file-size", f"{len(text.encode()) * 2}")
    assert "big.md: larger than" in result.stderr and "--max-file-size" in result.stderr
    assert run("--today", TODAY, "--max-file-size", "1MB", "big.md", cwd=folder).exit_code == 1
    bad_size = run("--max-file-size", "lots", "big.md", cwd=folder)
    assert bad_size.exit_code == 2 and "not a size" in bad_size.stderr


@pytest.mark.parametrize("command", ["sla", "stats"])
def test_sla_and_stats_take_the_size_cap_their_error_names(folder, command):
    text = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")  # it has commitments
    (folder / "big.md").write_text(text * 3, encoding="utf-8")
    cap = str(len(text.encode()) * 2)
    refused = run(command, "--format", "json", "--max-file-size", cap, "big.md", cwd=folder)
    assert refused.exit_code == 2 and "big.md: larger than" in refused.stderr and "--max-file-size" in refused.stderr
    raised = run(command, "--format", "json", "--max-file-size", "1MB", "big.md", cwd=folder)
    assert raised.exit_code in (0, 1) and raised.stderr == "" and "big.md" in raised.stdout


def test_symlink_loop_utf16_and_binary_are_named(folder):
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "utf16.md").write_bytes("# سياسة\n\nنص [X].\n".encode("utf-16-le"))
    (folder / "bom16.md").write_bytes("# Policy\n".encode("utf-16"))
    (folder / "binary.md").write_bytes(b"# x\n\x00\x01\x02\xff")
    result = lint_beside_good(folder, "loop.md", "utf16.md", "bom16.md", "binary.md")
    assert "loop.md: a symbolic link that leads round in a loop" in result.stderr
    assert "utf16.md:1: this is UTF-16 text" in result.stderr and "bom16.md:1: this is UTF-16 text" in result.stderr
    assert "binary.md:2: this is binary data" in result.stderr


def test_arabic_saved_as_windows_1256_is_named_with_the_way_to_convert_it(folder):
    # Arabic from older Windows tools: the error says which encoding it is and how to
    # convert it; Latin-1 text, which is not Arabic, is only said not to be UTF-8.
    (folder / "cp1256.md").write_bytes("# سياسة خدمة العملاء\n\nنرد خلال 24 ساعة.\n".encode("cp1256"))
    (folder / "latin1.md").write_bytes("# Café policy\n\nnaïve résumé\n".encode("latin-1"))
    result = lint_beside_good(folder, "cp1256.md", "latin1.md")
    assert "cp1256.md:1: not valid UTF-8 (byte 2) (it reads as Arabic Windows-1256: `iconv -f CP1256 -t UTF-8`" in result.stderr
    assert "latin1.md:1: not valid UTF-8 (byte 5); save the file as UTF-8" in result.stderr


def test_control_characters_keep_every_format_valid(folder):
    (folder / "p.md").write_text("# Title \ufffe\x01\n\n## Scope \uffff\x1b[31m\n\n[X\x02\ufffe] text TODO.\n", encoding="utf-8")
    for fmt, parse in (("junit", ET.fromstring), ("json", json.loads), ("sarif", json.loads)):
        result = run("--today", TODAY, "--format", fmt, "p.md", "good.md", cwd=folder)
        assert result.exit_code == 1
        parse(result.stdout)
    junit = run("--today", TODAY, "--format", "junit", "p.md", cwd=folder).stdout
    assert "[X\\u0002\\ufffe]" in junit  # shown, not dropped
    text = run("--today", TODAY, "--no-color", "p.md", cwd=folder).stdout
    assert "\x1b" not in text and "\x02" not in text and "[X\\u0002" in text


def test_numbers_python_reads_but_nobody_writes_keep_reports_valid(folder):
    # "within inf hours" and "nan days" had been read as promises of Infinity and NaN,
    # which `sla --format json` wrote as no JSON parser accepts; a share in superscript
    # digits ("²⁰% of calls") stopped the file with a policylint bug. Every character
    # Unicode counts as a digit but not as a decimal one, in each place a number goes.
    others = "".join(chr(c) for c in range(0x80, 0x3000) if chr(c).isdigit() and not chr(c).isdecimal())
    lines = [f"{d}{d}% of calls are answered within 20 seconds. We reply within {d} hours. Calls: 2{d} minutes." for d in others]
    (folder / "p.md").write_text(
        "# Customer Service Policy\n\n## Email\n\nWe reply within inf hours, within nan days and within 1e3 minutes.\n\n"
        + "\n\n".join(lines) + "\n",
        encoding="utf-8",
    )
    sla = run("sla", "--format", "json", "p.md", cwd=folder)
    assert sla.exit_code == 0, sla.stderr
    quantities = [c["quantity"] for c in json.loads(sla.stdout, parse_constant=lambda name: pytest.fail(name))["commitments"]]
    assert quantities == [20] * len(others)
    result = run("--today", TODAY, "--format", "json", "p.md", cwd=folder)
    assert result.exit_code == 1, result.stderr
    json.loads(result.stdout)


# -------------------------------------------------------------------- the paths


def test_empty_path_and_folder_without_markdown_are_errors(folder):
    (folder / "empty").mkdir()
    (folder / "empty/notes.txt").write_text("not a policy", encoding="utf-8")
    result = lint_beside_good(folder, "")
    assert "an empty path was given" in result.stderr
    result = lint_beside_good(folder, "empty")
    assert "empty: no Markdown files" in result.stderr and "--allow-empty" in result.stderr
    assert run("--allow-empty", "empty", cwd=folder).exit_code == 0


def test_a_folder_does_not_follow_links_out_of_itself(tmp_path):
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "secret.md").write_text("# Secret\n\npassword: hunter2hunter2\n", encoding="utf-8")
    policies = tmp_path / "policies"
    policies.mkdir()
    shutil.copy(GOOD, policies / "good.md")
    (policies / "linked.md").symlink_to(secret / "secret.md")
    (policies / "inside.md").symlink_to(policies / "good.md")
    result = run("--today", TODAY, "--format", "json", "policies", cwd=tmp_path)
    paths = {f["path"] for f in result.findings}
    assert paths == {"policies/good.md", "policies/inside.md"}
    assert "hunter2" not in result.stdout
    # Named on the command line, the user asked for it: it is linted.
    named = run("--today", TODAY, "--format", "json", "policies/linked.md", cwd=tmp_path)
    assert {f["path"] for f in named.findings} == {"policies/linked.md"}


# ------------------------------------------------------------- the configuration


@pytest.mark.parametrize(
    ("config", "says"),
    [
        ("kind: 2026-02-30\n", "unknown kind '2026-02-30'"),
        ("kind: 5\n", "'kind' must be text"),
        ("locale: [ar]\n", "'locale' must be one of ar, en"),
        ("locale: xx\n", "'locale' must be one of ar, en"),
        ("overrides: 5\n", "'overrides' must be a list"),
        ("fail_on: [error]\n", "'fail_on' must be text"),
        ("rules:\n  PLH102:\n    patterns: ['(unclosed']\n", "'(unclosed' is not a valid regular expression"),
        ("exclude: ['a/[']\n", None),
        ("rules: &a\n  CSP104: {severity: warning}\nx: *a\n", "unknown setting 'x'"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)), "aliases"),
        ("extends: /dev/zero\n", "not a regular file"),
        ("rules:\n  DOC107: {fields: {owner: {ar: a, en: b, lead_ins: 7}}}\n", "'lead_ins' must be a list of text, not 7"),
        ("rules:\n  SLA103: {vocabulary: {not_channels: on call}}\n", "'not_channels' must be a list of phrases"),
        ("[" * 100_000 + "]" * 100_000 + "\n", "nested more than"),
    ],
)  # fmt: skip
def test_bad_configuration_is_a_clear_error(folder, config, says):
    (folder / ".policylint.yaml").write_text(config, encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", "good.md", cwd=folder)
    assert result.exit_code in ((2,) if says else (1, 2)), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    json.loads(result.stdout)
    if says:
        assert "configuration error" in result.stderr and ".policylint.yaml" in result.stderr and says in result.stderr, result.stderr


@pytest.mark.parametrize(
    "pyproject, says",
    [
        ("[tool.policylint]\nignore = ['DOC103'\n", "not valid TOML"),
        (f"[tool.policylint]\nmax-line = {'1' * 5000}\n", "a number is too long to read"),
    ],
)
def test_a_broken_pyproject_table_is_a_clear_error_not_ignored(folder, pyproject, says):
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", "good.md", cwd=folder)
    assert result.exit_code == 2 and "internal error" not in result.stderr, result.stderr
    assert "pyproject.toml" in result.stderr and says in result.stderr, result.stderr
    json.loads(result.stdout)


def test_a_broken_pyproject_without_our_table_belongs_to_other_tools(folder):
    (folder / "pyproject.toml").write_text("[tool.black]\nline-length = [\n", encoding="utf-8")
    result = run("--today", TODAY, "--format", "json", "good.md", cwd=folder)
    assert result.exit_code == 1 and result.stderr == "", result.stderr
    assert any(f["code"] == "PLH101" for f in result.findings)


def test_a_pattern_that_backtracks_without_end_is_stopped_and_named(folder):
    (folder / ".policylint.yaml").write_text("rules:\n  PLH102:\n    patterns: ['(a|aa)+$']\n", encoding="utf-8")
    (folder / "p.md").write_text("# Policy\n\n" + "a" * 60 + "b\n", encoding="utf-8")
    result = lint_beside_good(folder, "p.md")
    assert "p.md: rule PLH102" in result.stderr and "'(a|aa)+$' ran too long" in result.stderr


# ------------------------------------------------------------ baselines and output


@pytest.mark.parametrize(
    "content",
    ['{"tool": "policylint", "version": 1, "findings": [{"path": "good.md", "code": "PLH101", "fingerprint": "x", "count": 1e400}]}',
     "[" * 100_000 + "]" * 100_000, "[]", "\xff"],
)  # fmt: skip
def test_damaged_baseline_is_a_clear_error(folder, content):
    (folder / "baseline.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    result = run("--today", TODAY, "--baseline", "baseline.json", "good.md", cwd=folder)
    assert result.exit_code == 2 and "baseline.json" in result.stderr, result.stderr
    assert "--write-baseline" in result.stderr


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_writing_into_a_missing_folder_is_a_clear_error_and_leaves_nothing_behind(folder, option):
    result = run("--today", TODAY, option, "missing/report.txt", "good.md", cwd=folder)
    assert result.exit_code == 2 and "missing/report.txt: cannot write: the folder missing does not exist" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["good.md"]


def test_output_replaces_the_old_report_whole(folder):
    (folder / "report.json").write_text("old", encoding="utf-8")
    assert run("--today", TODAY, "--format", "json", "--output", "report.json", "good.md", cwd=folder).exit_code == 1
    assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in folder.iterdir()) == ["good.md", "report.json"]  # no temporary left
