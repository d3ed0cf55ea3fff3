"""Configuration through the command line: discovery, settings, and clear errors."""

from __future__ import annotations

import os
import shutil

from conftest import FIXTURES, TODAY, run, run_program


def _repo(tmp_path, config: str, name: str = ".policylint.yaml"):
    (tmp_path / name).write_text(config, encoding="utf-8")
    policies = tmp_path / "policies" / "conduct"
    policies.mkdir(parents=True)
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "policies/short.md")
    shutil.copy(FIXTURES / "incomplete/ar-no-scope.md", policies / "no-scope.md")
    return tmp_path


def _codes(result, name):
    return sorted({f["code"] for f in result.json["findings"] if f["path"].endswith(name)})


def test_configuration_is_found_above_the_file_and_applied(tmp_path):
    repo = _repo(
        tmp_path,
        "ignore: [CSP, PLA, document]\n"
        "rules:\n"
        "  bracket-placeholder: {severity: warning}\n"
        "  FRS101: {severity: info}\n",
    )
    result = run("--format", "json", "--today", TODAY, "policies", cwd=repo)
    assert _codes(result, "short.md") == ["FRS101", "FRS106", "PLH101"]
    severities = {f["code"]: f["severity"] for f in result.json["findings"]}
    assert severities["PLH101"] == "warning" and severities["FRS101"] == "info"
    assert result.exit_code == 0  # nothing left at error


def test_rule_options_overrides_and_exclude(tmp_path):
    repo = _repo(
        tmp_path,
        "rules:\n  stale-review-date: {max_age_days: 30}\n"
        "overrides:\n  - files: ['policies/conduct/*.md']\n    kind: code-of-conduct\n"
        "exclude: ['policies/short.md']\n",
    )
    (repo / "policies/conduct/team-rules.md").write_text("# قواعد الفريق\n\nنحترم العملاء.\n", encoding="utf-8")
    result = run("--format", "json", "--today", TODAY, "policies", cwd=repo)
    # The override says: a document here whose kind cannot be told is a code of conduct.
    assert "COC101" in _codes(result, "team-rules.md") and "PL003" not in _codes(result, "team-rules.md")
    # A document that says its kind keeps it: front matter beats configuration.
    no_scope = _codes(result, "no-scope.md")
    assert "CSP104" in no_scope and "COC101" not in no_scope
    # Reviewed 2026-09-15, 69 days before today: stale with a 30-day limit.
    assert "FRS105" in no_scope
    assert _codes(result, "short.md") == []  # excluded when found in a folder...
    named = run("--format", "json", "--today", TODAY, "policies/short.md", cwd=repo)
    assert named.json["findings"]  # ...but checked when named explicitly,
    # also beside the folder that holds it, before or after it, and reported once.
    for args in (["policies", "./policies/short.md"], ["policies/short.md", "policies"]):
        both = run("--format", "json", "--today", TODAY, *args, cwd=repo)
        assert sorted(f["code"] for f in both.findings if f["path"].endswith("short.md")) == sorted(f["code"] for f in named.findings)


def test_pyproject_table_works_like_the_yaml_file(tmp_path):
    repo = _repo(tmp_path, "[tool.policylint]\nselect = ['PLH101']\n", name="pyproject.toml")
    result = run("--format", "json", "--today", TODAY, "policies/short.md", cwd=repo)
    assert _codes(result, "short.md") == ["PLH101"]


def test_unknown_setting_is_an_error_with_a_suggestion_and_its_line(tmp_path):
    repo = _repo(tmp_path, "kind: customer-service-policy\nignroe: [PLA]\n")
    result = run("--today", TODAY, "policies/short.md", cwd=repo)
    assert result.exit_code == 2
    assert ".policylint.yaml:2: unknown setting 'ignroe' (did you mean 'ignore'?)" in result.stderr
    assert "policies/short.md" in result.stderr


def test_unknown_rule_and_bad_option_are_errors(tmp_path):
    repo = _repo(tmp_path, "rules:\n  missing-scop: {severity: warning}\n")
    result = run("policies/short.md", cwd=repo)
    assert result.exit_code == 2 and "unknown rule 'missing-scop' (did you mean 'missing-scope'?)" in result.stderr

    (repo / ".policylint.yaml").write_text("rules:\n  long-sentence-ar: {max_word: 30}\n", encoding="utf-8")
    result = run("policies/short.md", cwd=repo)
    assert result.exit_code == 2 and "unknown option 'max_word'" in result.stderr and "did you mean 'max_words'" in result.stderr

    (repo / ".policylint.yaml").write_text("rules:\n  long-sentence-ar: {max_words: many}\n", encoding="utf-8")
    result = run("policies/short.md", cwd=repo)
    assert result.exit_code == 2 and "'max_words' of 'sentence-length' must be a whole number, not 'many'" in result.stderr

    (repo / ".policylint.yaml").write_text("fail_on: [error\n", encoding="utf-8")
    result = run("policies/short.md", cwd=repo)
    assert result.exit_code == 2 and "not valid YAML" in result.stderr


def test_users_own_rule_pack(tmp_path):
    repo = _repo(tmp_path, "rule_packs: [house-rules]\nselect: [house]\n")
    pack = repo / "house-rules"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: house\nkinds: any\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(
        "- code: HSE101\n  slug: old-brand-name\n  type: vocabulary\n  severity: error\n"
        "  message: {ar: 'الاسم القديم «{word}»؛ اكتب {suggestion}', en: 'Old brand name {word}; write {suggestion}'}\n"
        "  params:\n    lang: ar\n    entries:\n      - {word: الشركة, suggest: الواحة}\n",
        encoding="utf-8",
    )
    result = run("--format", "json", "policies/short.md", cwd=repo)
    assert result.exit_code == 1
    assert {f["code"] for f in result.json["findings"]} == {"HSE101"}


def test_a_users_rule_may_apply_to_fewer_kinds_than_its_pack(tmp_path):
    # Not selected by name: a rule named in `select` runs on every document, as a pack does.
    repo = _repo(tmp_path, "rule_packs: [house-rules]\n")
    pack = repo / "house-rules"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: house\nkinds: any\n", encoding="utf-8")
    rule = (
        "- code: HSE301\n  slug: house-ombudsman\n  type: required-section\n  severity: warning\n  kinds: [{kinds}]\n"
        "  message: {{ar: 'لا قسم للتظلم', en: No appeals section}}\n  params: {{names: [appeals]}}\n"
    )
    (pack / "rules.yaml").write_text(rule.format(kinds="complaints-policy"), encoding="utf-8")
    (repo / "policies" / "complaints.md").write_text("# Complaints Policy\n\nWe reply within 5 days.\n", encoding="utf-8")
    result = run("--format", "json", "policies/short.md", "policies/complaints.md", cwd=repo)
    assert [f["path"] for f in result.json["findings"] if f["code"] == "HSE301"] == ["policies/complaints.md"]

    (pack / "rules.yaml").write_text(rule.format(kinds="complaint-policy"), encoding="utf-8")
    result = run("policies/short.md", cwd=repo)
    assert result.exit_code == 2
    assert "rule HSE301 names kinds its pack does not apply to: complaint-policy" in result.stderr


_PLUGIN = """
from dataclasses import dataclass

from policylint.checks.base import Check
from policylint.findings import Hit, Span


class Forbidden(Check):
    type_name = "forbidden-word"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        word: str

    def check(self, doc, params, ctx):
        at = doc.source.find(params.word)
        if at >= 0:
            yield Hit(Span(at, at + len(params.word)), {"word": params.word})
"""


def test_a_check_type_from_an_installed_plugin_runs_a_users_rule(tmp_path):
    # A plugin declares its check types as entry points in the group "policylint.checks";
    # they are looked for when a rule names a type that is not built in.
    site = tmp_path / "site"
    (site / "house_checks-1.0.dist-info").mkdir(parents=True)
    (site / "house_checks.py").write_text(_PLUGIN, encoding="utf-8")
    (site / "house_checks-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: house-checks\nVersion: 1.0\n", encoding="utf-8")
    (site / "house_checks-1.0.dist-info" / "entry_points.txt").write_text("[policylint.checks]\nforbidden-word = house_checks:Forbidden\n", encoding="utf-8")
    repo = _repo(tmp_path, "rule_packs: [house-rules]\nselect: [house]\n")
    (repo / "house-rules").mkdir()
    (repo / "house-rules" / "pack.yaml").write_text("name: house\nkinds: any\n", encoding="utf-8")
    (repo / "house-rules" / "rules.yaml").write_text(
        "- code: HSE201\n  slug: no-old-name\n  type: forbidden-word\n  severity: error\n"
        "  message: {ar: 'كلمة ممنوعة: {word}', en: 'Forbidden word: {word}'}\n  params: {word: الشركة}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = run_program("--format", "json", "policies/short.md", cwd=repo, env=env)
    assert result.exit_code == 1, result.stderr
    assert {f["code"] for f in result.json["findings"]} == {"HSE201"}
    # Without the plugin, the rule's type is unknown: a clear error, exit code 2.
    missing = run_program("policies/short.md", cwd=repo, env={k: v for k, v in env.items() if k != "PYTHONPATH"})
    assert missing.exit_code == 2 and "unknown check type 'forbidden-word'" in missing.stderr


def test_extend_entries_adds_to_the_built_in_list_and_entries_replaces_it(tmp_path):
    (tmp_path / "policy.md").write_text("# Customer Service Policy\n\nWe leverage onboarding calls.\n", encoding="utf-8")
    config = tmp_path / ".policylint.yaml"
    config.write_text('rules:\n  jargon-en:\n    extend-entries:\n      - {word: onboarding, suggest: "“getting started”"}\n', encoding="utf-8")
    extended = run("--today", TODAY, "--format", "json", "--select", "PLE103", "policy.md", cwd=tmp_path)
    assert [f["text"] for f in extended.findings] == ["leverage", "onboarding"]
    config.write_text('rules:\n  jargon-en:\n    entries:\n      - {word: onboarding, suggest: "“getting started”"}\n', encoding="utf-8")
    replaced = run("--today", TODAY, "--format", "json", "--select", "PLE103", "policy.md", cwd=tmp_path)
    assert [f["text"] for f in replaced.findings] == ["onboarding"]
    config.write_text("rules:\n  jargon-en:\n    extend-words: [x]\n", encoding="utf-8")
    wrong = run("policy.md", cwd=tmp_path)
    assert wrong.exit_code == 2 and "no list option 'words'" in wrong.stderr and "extend-entries" in wrong.stderr


def test_explain_shows_the_built_in_list_and_how_to_extend_it():
    result = run("explain", "jargon-en")
    assert "extend-entries:" in result.stdout and "leverage  →  “use”" in result.stdout


def test_a_users_rule_takes_a_shared_list_by_name(tmp_path):
    # "@escalation-sections" in a list is rules/lists.yaml's list of that name, as the
    # built-in rules share it; a misspelt name is a clear error that says what there is.
    repo = _repo(tmp_path, "rule_packs: [house-rules]\nselect: [house]\n")
    (repo / "house-rules").mkdir()
    (repo / "house-rules" / "pack.yaml").write_text("name: house\nkinds: any\n", encoding="utf-8")
    rule = (
        "- code: HSE301\n  slug: needs-escalation\n  type: required-section\n  severity: error\n"
        "  message: {ar: 'لا تصعيد', en: 'No escalation section'}\n  params: {names: ['@escalation-sections', handing over]}\n"
    )
    (repo / "house-rules" / "rules.yaml").write_text(rule, encoding="utf-8")
    (repo / "policies" / "with.md").write_text("# Customer Service Policy\n\n## تصعيد الشكاوى\n\nنحيلها إلى المشرف.\n", encoding="utf-8")
    (repo / "policies" / "without.md").write_text("# Customer Service Policy\n\n## Contact\n\nCall us.\n", encoding="utf-8")
    result = run_program("--format", "json", "policies/with.md", "policies/without.md", cwd=repo)
    assert [f["path"] for f in result.json["findings"]] == ["policies/without.md"]
    (repo / "house-rules" / "rules.yaml").write_text(rule.replace("@escalation-sections", "@escalation-section"), encoding="utf-8")
    wrong = run_program("policies/with.md", cwd=repo)
    assert wrong.exit_code == 2
    assert "no shared list '@escalation-section'" in wrong.stderr and "@escalation-sections" in wrong.stderr
    # And in configuration, where a built-in rule's list is replaced or extended.
    (repo / ".policylint.yaml").write_text("select: [CSP116]\nrules:\n  CSP116: {also_in: ['@escalation-sections']}\n", encoding="utf-8")
    (repo / "policies" / "appeal.md").write_text(
        "# Customer Service Policy\n\n## Complaints\n\nWe reply within 5 days.\n\n## Escalation\n\nYou may go to the Ombudsman.\n\n"
        "## Appeals\n\nAsk a manager.\n",
        encoding="utf-8",
    )
    assert run_program("--format", "json", "policies/appeal.md", cwd=repo).json["findings"] == []
