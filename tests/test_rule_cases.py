"""Rule cases as data: each YAML file under rule_cases/ holds documents and the exact
findings (code, line, column, text) expected of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from policylint import document, engine
from policylint.rulepacks import load_rules

RULES = load_rules()
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted((Path(__file__).parent / "rule_cases").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("case", CASES)
def test_rule_case(case):
    doc = document.parse("case.md", case["document"])
    settings = engine.Settings(select=tuple(case.get("select", ())), kind=case.get("kind"), locale=case.get("locale"))
    today = dt.date.fromisoformat(case.get("today", "2026-11-23"))
    found = [
        {"code": f.code, "line": f.start.line, "column": f.start.column, "text": f.snippet}
        for f in engine.lint(doc, RULES, settings, today)
    ]
    assert found == case["expect"]
