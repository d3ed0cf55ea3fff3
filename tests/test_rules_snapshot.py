"""The built-in rules kept prepared between runs (policylint/rules_snapshot.py): a run
that reads them from the snapshot reports exactly what a run that prepares them from
YAML does, and a damaged, old or unwanted snapshot never changes a result."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import FIXTURES, TODAY, run_program


def _snapshots(cache: Path) -> list[Path]:
    return sorted(cache.glob("rules-*.pickle"))


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "POLICYLINT_CACHE_DIR": str(cache)}


def test_rules_read_from_the_snapshot_report_what_rules_from_yaml_do(tmp_path):
    cache = tmp_path / "cache"
    made = run_program("--format", "json", "--today", TODAY, str(FIXTURES), env=_env(cache))
    (snapshot,) = _snapshots(cache)
    written = snapshot.stat().st_mtime_ns
    # Another date: no result is in the results cache, so every file is linted again,
    # with the rules read back from the snapshot (which is not written again).
    later = "2027-06-01"
    from_snapshot = run_program("--format", "json", "--today", later, str(FIXTURES), env=_env(cache))
    assert snapshot.stat().st_mtime_ns == written
    from_yaml = run_program("--format", "json", "--today", later, "--no-cache", str(FIXTURES), env=_env(cache))
    assert (from_snapshot.exit_code, from_snapshot.stdout, from_snapshot.stderr) == (from_yaml.exit_code, from_yaml.stdout, from_yaml.stderr)
    assert from_snapshot.findings and from_snapshot.stdout != made.stdout  # the date did change the report


def test_a_damaged_snapshot_is_replaced_and_changes_nothing_and_old_ones_go(tmp_path):
    cache = tmp_path / "cache"
    policy = str(FIXTURES / "incomplete/ar-no-scope.md")
    expected = run_program("--format", "json", "--today", TODAY, "--no-cache", policy, env=_env(cache))
    run_program("--format", "json", "--today", "2026-01-01", policy, env=_env(cache))
    (snapshot,) = _snapshots(cache)
    snapshot.write_bytes(b"\x80\x05not a pickle")
    # Other installations' (or versions') snapshots: the three most recent are kept.
    others = [cache / f"rules-{n:032x}.pickle" for n in range(5)]
    for age, other in enumerate(others):
        other.write_bytes(b"")
        os.utime(other, (1_000_000 + age, 1_000_000 + age))
    result = run_program("--format", "json", "--today", TODAY, policy, env=_env(cache))
    assert (result.exit_code, result.stdout) == (expected.exit_code, expected.stdout)
    assert _snapshots(cache) == sorted([snapshot, *others[2:]]) and snapshot.stat().st_size > 1000


def test_no_cache_writes_no_snapshot(tmp_path):
    cache = tmp_path / "cache"
    result = run_program("--today", TODAY, "--no-cache", str(FIXTURES / "ar/customer-service-policy.md"), env=_env(cache))
    assert result.exit_code == 0 and not cache.exists()
