"""Whole-fixture outputs, saved under tests/expected/ and compared byte for byte.

Regenerate on purpose with `POLICYLINT_REGENERATE=1 make test`, then review the diff.
"""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES, ROOT, TODAY, run

EXPECTED = ROOT / "tests" / "expected"
DOCUMENTS = sorted(p for p in FIXTURES.rglob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.relative_to(FIXTURES).as_posix() for p in DOCUMENTS])
def test_output_matches_saved(path):
    rel = path.relative_to(ROOT).as_posix()
    result = run("--today", TODAY, "--no-color", rel, cwd=ROOT)
    saved = EXPECTED / (path.relative_to(FIXTURES).as_posix().replace("/", "__") + ".txt")
    if os.environ.get("POLICYLINT_REGENERATE"):
        saved.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == saved.read_text(encoding="utf-8")
