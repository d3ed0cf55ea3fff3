"""The 1,000-policy run and the one-file run, side by side with textlint.

    .venv/bin/python bench/peers.py [--repeat 3] [--files 1000]

Builds a repository of policies in a temporary folder (the fixtures, each file one to five
of them concatenated, and ten large files holding the whole seed articles, or every
fixture when the seeds are not beside the repository), then runs, interleaved, median of
--repeat runs each:

- policylint on the folder, cold (--no-cache), with the default jobs and with --jobs 1;
- the same with the default jobs and the results cache on but empty, as a CI job without
  a restored cache runs it (every result is written to the cache too);
- policylint again with a warm results cache (nothing changed since the last run);
- textlint with sentence-length, no-todo and prh (40 jargon terms and a placeholder
  pattern, bench/textlint/), when `npm install --prefix bench/textlint` has installed it;
  otherwise it says so and goes on;
- policylint on one Arabic policy with the cache on and holding only the built-in rules
  as prepared (rules_snapshot.py; the file's result is not in it), as a pre-commit hook
  on a changed file runs;
- policylint on one Arabic and one English policy, without a daemon (as in CI) and as on
  a developer's machine, through the daemon an earlier run started (in a folder of the
  run's own; every other run is made with POLICYLINT_NO_DAEMON set, so no daemon makes
  them), and a bare `python -c "import markdown_it, yaml, click"` for the floor. A run
  through the daemon is measured from its client: the CPU and memory of the daemon's
  copy that makes it are not counted, and the daemon's own size is printed once.

Wall time, CPU time (the process and every child it waited for) and the peak memory of
the whole process tree, sampled every 20 ms, go to standard output: the sum of the resident
sizes of the process and its descendants (which counts the pages forked workers share with
their parent once in each), and the sum of their proportional set sizes (which counts
each shared page once). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from policylint.daemon import CI_ENVS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
TEXTLINT = ROOT / "bench" / "textlint"


def make_corpus(folder: Path, files: int) -> None:
    sources = [
        p.read_text(encoding="utf-8")
        for d in ("ar", "en", "templates", "new")
        for p in sorted((ROOT / "fixtures" / d).glob("*.md"))
        if p.name != "README.md"
    ]
    large = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or sources
    chooser = random.Random(7)
    for i in range(files - 10):
        (folder / f"p{i:04d}.md").write_text("\n\n".join(chooser.choice(sources) for _ in range(chooser.randint(1, 5))), encoding="utf-8")
    for i in range(10):
        (folder / f"big{i:02d}.md").write_text("# سياسة خدمة العملاء\n\n" + "\n\n".join(large), encoding="utf-8")


_PROSE_LINE = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)?(?=\w)", re.M)


def make_distinct(source: Path, folder: Path) -> None:
    """The same policies with a mark of its own ("§123 ") opening every line of prose
    (paragraphs and list items; not headings or table cells), so that no paragraph is the
    same as another anywhere: the corpus above repeats its text (it is made of a few dozen
    documents), and policylint remembers what it worked out for a text it has met; this
    shows how much of its speed that is."""
    counter = iter(range(1, 10**9))
    for path in sorted(source.iterdir()):
        text = path.read_text(encoding="utf-8")
        front = ""
        if text.startswith("---\n") and "\n---\n" in text[3:]:
            end = text.index("\n---\n", 3) + 5
            front, text = text[:end], text[end:]
        text = _PROSE_LINE.sub(lambda m: f"{m.group(1) or ''}§{next(counter)} ", text)
        (folder / path.name).write_text(front + text, encoding="utf-8")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(parent, []).append(int(entry))
    return tree


def _kb(pid: int, file: str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/{file}", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _kb(pid, "status", "VmRSS:")


def _pss_kb(pid: int) -> int:
    """The proportional set size: pages shared between processes (a forked worker shares
    the parent's code and rules until it writes to them) counted once, split between
    them, where the resident size counts them in every process."""
    return _kb(pid, "smaps_rollup", "Pss:")


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds, peak MB of the whole tree as the sum of resident sizes,
    and as the sum of proportional set sizes) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = peak_pss = 0
    while True:
        pid, _status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree, total, total_pss, todo = _children(), 0, 0, [process.pid]
        while todo:
            current = todo.pop()
            total += _rss_kb(current)
            total_pss += _pss_kb(current)
            todo += tree.get(current, [])
        peak, peak_pss = max(peak, total), max(peak_pss, total_pss)
        time.sleep(0.02)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, peak / 1024, peak_pss / 1024


EMPTY_CACHE_RUN = "policylint, default jobs, cold, empty cache"
THROUGH_DAEMON = ", through the daemon a run started"
SNAPSHOT_RUN = "one Arabic policy, rules from the snapshot"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    python = sys.executable
    lint = [python, "-m", "policylint", "--today", "2026-11-23", "--format", "json"]
    textlint = TEXTLINT / "node_modules" / ".bin" / "textlint"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "policies"
        corpus.mkdir()
        make_corpus(corpus, args.files)
        distinct = work / "distinct"
        distinct.mkdir()
        make_distinct(corpus, distinct)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1_000_000
        files = sorted(str(p) for p in corpus.iterdir())
        env = {**os.environ, "POLICYLINT_CACHE_DIR": str(work / "cache")}
        # Timed as an installed copy runs: from bytecode. With PYTHONDONTWRITEBYTECODE set
        # (as some shells and containers do) every start compiled our modules again, 0.1 s
        # of a one-file run that no user pays.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["POLICYLINT_NO_DAEMON"] = "1"
        # On a developer's machine: not in CI, where no run starts a daemon.
        daemon_env = {name: value for name, value in env.items() if name not in ("POLICYLINT_NO_DAEMON", *CI_ENVS)}
        daemon_env["POLICYLINT_DAEMON_DIR"] = str(work / "daemon")
        subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "policylint")], check=True)
        empty_cache = work / "empty-cache"
        runs = {
            "policylint, default jobs, cold (--no-cache)": [*lint, "--no-cache", str(corpus)],
            # The command as a CI job without a restored cache runs it: the cache on, and
            # empty (emptied before every run), so every result is also written to it.
            EMPTY_CACHE_RUN: [*lint, str(corpus)],
            "policylint --jobs 1, cold": [*lint, "--no-cache", "--jobs", "1", str(corpus)],
            "policylint, default jobs, cold, every paragraph distinct": [*lint, "--no-cache", str(distinct)],
            "policylint, warm cache (nothing changed)": [*lint, str(corpus)],
            "one Arabic policy, no daemon": [*lint, "--no-cache", str(ROOT / "fixtures/ar/customer-service-policy.md")],
            "one English policy, no daemon": [*lint, "--no-cache", str(ROOT / "fixtures/en/customer-service-policy.md")],
            SNAPSHOT_RUN: [*lint, str(ROOT / "fixtures/ar/customer-service-policy.md")],
            "one Arabic policy" + THROUGH_DAEMON: [*lint, "--no-cache", str(ROOT / "fixtures/ar/customer-service-policy.md")],
            "one English policy" + THROUGH_DAEMON: [*lint, "--no-cache", str(ROOT / "fixtures/en/customer-service-policy.md")],
            "bare import of markdown_it, yaml, click": [python, "-c", "import markdown_it, yaml, click"],
        }
        if textlint.exists():
            runs["textlint (sentence-length, no-todo, prh)"] = [str(textlint), "--format", "json", *files]
        else:
            print(f"textlint is not installed: `npm install --prefix {TEXTLINT.relative_to(ROOT)}` installs it; timing policylint alone")
        # Every run starts in the temporary folder: `python -m` puts the working folder
        # first on the path, and from the repository it would time the sources (compiled
        # anew at each start where bytecode is not written) instead of the installed package.
        measure([*lint, str(corpus)], work, env)  # warms the disk cache and fills the results cache
        results: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in runs}
        primed, snapshot_only = work / "primed-cache", work / "snapshot-only"
        measure(runs[SNAPSHOT_RUN], work, {**env, "POLICYLINT_CACHE_DIR": str(primed)})  # writes the snapshot
        # The daemon as users get it: the first run, made without one, starts it.
        measure(runs["one Arabic policy" + THROUGH_DAEMON], work, daemon_env)
        deadline = time.monotonic() + 60
        while "daemon running" not in subprocess.run([python, "-m", "policylint", "daemon", "status"], cwd=work, env=daemon_env, capture_output=True, text=True, check=False).stdout:
            if time.monotonic() > deadline:
                sys.exit("no daemon answered within 60 s of the run that should have started it")
            time.sleep(0.1)
        try:
            for _ in range(args.repeat):
                for name, command in runs.items():
                    run_env = daemon_env if name.endswith(THROUGH_DAEMON) else env
                    if name == EMPTY_CACHE_RUN:
                        shutil.rmtree(empty_cache, ignore_errors=True)
                        run_env = {**env, "POLICYLINT_CACHE_DIR": str(empty_cache)}
                    if name == SNAPSHOT_RUN:
                        shutil.rmtree(snapshot_only, ignore_errors=True)
                        snapshot_only.mkdir()
                        for snapshot in primed.glob("rules-*.pickle"):
                            shutil.copy(snapshot, snapshot_only)
                        run_env = {**env, "POLICYLINT_CACHE_DIR": str(snapshot_only)}
                    results[name].append(measure(command, TEXTLINT if "textlint" in name else work, run_env))
            status = subprocess.run([python, "-m", "policylint", "daemon", "status"], cwd=work, env=daemon_env, capture_output=True, text=True, check=True).stdout
            daemon_pid = int(re.search(r"process (\d+)", status).group(1))
            print(f"the daemon: {_rss_kb(daemon_pid) / 1024:.0f} MB RSS, {_pss_kb(daemon_pid) / 1024:.0f} MB PSS, between runs")
        finally:
            subprocess.run([python, "-m", "policylint", "daemon", "stop"], cwd=work, env=daemon_env, check=False)
        print(f"{args.files} policies, {size:.1f} MB; median of {args.repeat} interleaved runs on {os.cpu_count()} cores")
        print(f"  {'run':<56} {'wall':>8} {'CPU':>8} {'peak RSS (tree)':>16} {'peak PSS (tree)':>16}")
        for name, measured in results.items():
            wall, cpu, peak, peak_pss = (statistics.median(m[i] for m in measured) for i in range(4))
            print(f"  {name:<56} {wall:7.2f}s {cpu:7.2f}s {peak:13.0f} MB {peak_pss:13.0f} MB")
        shutil.rmtree(work / "cache", ignore_errors=True)
        shutil.rmtree(empty_cache, ignore_errors=True)


if __name__ == "__main__":
    main()
