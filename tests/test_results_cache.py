"""The results cache: a re-run gives the same report from the cache, and any change the
result depends on (the text, the configuration, the date, the options) is linted again."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, TODAY, run


def entries(cache: Path) -> set[Path]:
    return {p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"}


def test_a_rerun_is_served_from_the_cache_and_every_change_is_linted_again(tmp_path):
    cache = tmp_path / "cache"
    env = {"POLICYLINT_CACHE_DIR": str(cache)}
    for name in ("ar/customer-service-policy.md", "templates/short-policy.md"):
        shutil.copy(FIXTURES / name, tmp_path / Path(name).name)
    first = run("--today", TODAY, "--format", "json", ".", cwd=tmp_path, env=env)
    assert len(entries(cache)) == 2 and (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    again = run("--today", TODAY, "--format", "json", ".", cwd=tmp_path, env=env)
    assert again.stdout == first.stdout and again.exit_code == first.exit_code
    assert len(entries(cache)) == 2  # nothing new: both came from the cache
    uncached = run("--today", TODAY, "--format", "json", "--no-cache", ".", cwd=tmp_path, env=env)
    assert uncached.stdout == first.stdout

    # The text changes: that file is linted again, and the new finding is there.
    policy = tmp_path / "customer-service-policy.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("شركة الواحة للاتصالات", "[الشركة]"), encoding="utf-8")
    changed = run("--today", TODAY, "--format", "json", ".", cwd=tmp_path, env=env)
    assert len(entries(cache)) == 3
    assert any(f["text"] == "[الشركة]" for f in changed.findings)

    # The date review dates are judged by, and the configuration, are part of the key.
    later = run("--today", "2028-01-01", "--format", "json", "customer-service-policy.md", cwd=tmp_path, env=env)
    assert "FRS105" in later.codes() and "FRS105" not in changed.codes()  # now a stale review
    (tmp_path / ".policylint.yaml").write_text("ignore: [PLH101]\n", encoding="utf-8")
    configured = run("--today", TODAY, "--format", "json", ".", cwd=tmp_path, env=env)
    assert "PLH101" not in configured.codes()


def test_a_damaged_entry_is_a_miss_and_no_cache_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    env = {"POLICYLINT_CACHE_DIR": str(cache)}
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "p.md")
    first = run("--today", TODAY, "--format", "json", "p.md", cwd=tmp_path, env=env)
    [entry] = entries(cache)
    entry.write_bytes(b"not a pickle")
    damaged = run("--today", TODAY, "--format", "json", "p.md", cwd=tmp_path, env=env)
    assert damaged.stdout == first.stdout and damaged.stderr == first.stderr

    fresh = tmp_path / "fresh"
    run("--today", TODAY, "--no-cache", "p.md", cwd=tmp_path, env={"POLICYLINT_CACHE_DIR": str(fresh)})
    assert not fresh.exists()
