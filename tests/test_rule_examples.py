"""Every rule's documented examples: the failing one fails it, the passing one does not."""

from __future__ import annotations

import datetime as dt

import pytest

from policylint import document, engine
from policylint.rulepacks import load_rules

RULES = load_rules()
TODAY = dt.date(2026, 11, 23)


def _codes(rule, text: str) -> list[str]:
    doc = document.parse("example.md", text)
    # The rule's own pack is switched on whatever the example's kind, as a user's
    # configuration would; every other rule runs as usual (suppression examples need them).
    settings = engine.Settings(packs=(rule.pack,))
    return [f.code for f in engine.lint(doc, RULES, settings, TODAY)]


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.code for r in RULES.rules])
def test_rule_has_documentation_in_both_languages(rule):
    assert set(rule.messages) == {"ar", "en"}
    for key in ("what", "why"):
        assert set(rule.docs[key]) == {"ar", "en"}, f"{rule.code} docs.{key}"
    # The guidance it comes from too: `explain --locale ar` had shown it in English.
    assert set(rule.source) == {"ar", "en"} and all(rule.source.values()), f"{rule.code} source"
    assert rule.docs["example_fail"] and rule.docs["example_pass"]


# Compares files with each other, not one document: tests/test_service_levels.py runs its
# example beside a second file through the command line.
ACROSS_FILES = {"SLA107"}


@pytest.mark.parametrize("rule", [r for r in RULES.rules if r.code not in ACROSS_FILES], ids=[r.code for r in RULES.rules if r.code not in ACROSS_FILES])
def test_example_fail_is_reported(rule):
    assert rule.code in _codes(rule, rule.docs["example_fail"])


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.code for r in RULES.rules])
def test_example_pass_is_not_reported(rule):
    assert rule.code not in _codes(rule, rule.docs["example_pass"])


def test_codes_and_slugs_are_unique_and_named_for_the_problem():
    codes = [r.code for r in RULES.rules]
    slugs = [r.slug for r in RULES.rules]
    assert len(set(codes)) == len(codes) and len(set(slugs)) == len(slugs)


def test_vocabulary_lists_are_large_enough():
    def entries(lang):
        return sum(len(r.params.entries) for r in RULES.rules if r.type == "vocabulary" and r.params.lang == lang)

    assert entries("ar") >= 60 and entries("en") >= 60


def test_readme_rule_table_is_generated_from_the_rules():
    from pathlib import Path

    from policylint.ruledocs import with_rule_table

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert readme == with_rule_table(readme, RULES), "README's rule table is out of date: run `make readme`"
