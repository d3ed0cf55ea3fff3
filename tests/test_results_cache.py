"""The results cache: a re-run gives the same report from the cache, and any change the
result depends on (the text, the configuration, the date, the options) is linted again."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from conftest import FIXTURES, TODAY, run


def entries(cache: Path) -> set[Path]:
    return {p for p in cache.glob("*/*") if p.is_file()}


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


def test_an_edited_rule_pack_of_the_users_is_linted_again_and_so_is_a_moved_file(tmp_path):
    cache = tmp_path / "cache"
    env = {"POLICYLINT_CACHE_DIR": str(cache)}
    (tmp_path / ".policylint.yaml").write_text("rule_packs: [house-rules]\nselect: [house]\n", encoding="utf-8")
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: house\nkinds: any\n", encoding="utf-8")
    rules = pack / "rules.yaml"

    def old_name(word: str) -> None:
        rules.write_text(
            "- code: HSE101\n  slug: old-brand-name\n  type: vocabulary\n  severity: error\n"
            "  message: {ar: 'الاسم القديم «{word}»', en: 'Old brand name {word}'}\n"
            f"  params:\n    lang: ar\n    entries:\n      - {{word: {word}, suggest: الواحة}}\n",
            encoding="utf-8",
        )

    shutil.copy(FIXTURES / "ar/customer-service-policy.md", tmp_path / "policy.md")
    old_name("الهاتف")
    first = run("--today", TODAY, "--format", "json", "policy.md", cwd=tmp_path, env=env)
    # Found with its clitics too (بالهاتف، والهاتف).
    assert first.findings and all(f["text"].endswith("الهاتف") for f in first.findings)
    old_name("البريد")
    edited = run("--today", TODAY, "--format", "json", "policy.md", cwd=tmp_path, env=env)
    assert edited.findings and all(f["text"].endswith("البريد") for f in edited.findings)

    # The same text under another name: its findings name the new path.
    (tmp_path / "policy.md").rename(tmp_path / "renamed.md")
    moved = run("--today", TODAY, "--format", "json", "renamed.md", cwd=tmp_path, env=env)
    assert {f["path"] for f in moved.findings} == {"renamed.md"}


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


def test_entries_older_than_a_week_are_deleted_once_a_day(tmp_path):
    cache = tmp_path / "cache"
    env = {"POLICYLINT_CACHE_DIR": str(cache)}
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "p.md")
    run("--today", TODAY, "p.md", cwd=tmp_path, env=env)
    [old] = entries(cache)
    run("--today", "2026-11-24", "p.md", cwd=tmp_path, env=env)  # another day: another entry
    [recent] = entries(cache) - {old}
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    (cache / "notes.txt").write_text("mine", encoding="utf-8")  # not policylint's: kept whatever its age
    os.utime(cache / "notes.txt", (week_ago, week_ago))
    os.utime(cache / "last-pruned", (week_ago, week_ago))  # the last pruning was long ago

    result = run("--today", "2026-11-24", "--format", "json", "p.md", cwd=tmp_path, env=env)
    assert result.exit_code == 1 and result.findings  # the run itself is unchanged
    assert entries(cache) == {recent} and (cache / "notes.txt").exists() and (cache / ".gitignore").exists()

    # Pruned today: an old entry is left until tomorrow's run.
    os.utime(recent, (week_ago, week_ago))
    run("--today", TODAY, "p.md", cwd=tmp_path, env=env)
    assert entries(cache) == {recent, old}


def test_a_folder_policylint_did_not_make_is_never_pruned(tmp_path):
    # $POLICYLINT_CACHE_DIR may name a folder that already held files: without the
    # .gitignore policylint writes in a cache folder it makes, nothing there is deleted.
    cache = tmp_path / "theirs"
    (cache / "ab").mkdir(parents=True)
    lookalike = cache / "ab" / ("ab" + "0" * 62)
    lookalike.write_bytes(b"not ours")
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(lookalike, (week_ago, week_ago))
    shutil.copy(FIXTURES / "templates/short-policy.md", tmp_path / "p.md")
    result = run("--today", TODAY, "--format", "json", "p.md", cwd=tmp_path, env={"POLICYLINT_CACHE_DIR": str(cache)})
    assert result.exit_code == 1 and lookalike.read_bytes() == b"not ours"
