"""Benchmark: how fast policylint lints a policy repository, end to end and per stage.

    .venv/bin/python bench/bench.py [--copies N] [--jobs J ...]

Copies the example policies (fixtures/ar, fixtures/en, fixtures/templates) N times into
a temporary folder and times the real command line on it, once per --jobs value, after
one warm-up run; then times parsing and each rule on one Arabic policy in-process, so a
slow rule shows by name (every rule on one parse, then the next, as the engine runs them:
work the rules share about a document, the service-levels extraction, counts in the first
rule that asks for it); then 200 English policies over a vocabulary of 20,000 words,
which the per-word memos are sized for; then the size cases. Numbers go to standard
output; nothing is asserted: goals are read from here, never from a timed unit test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every run here is timed in a process of its own, as without a daemon: a developer's
# `policylint daemon` would otherwise make them (bench/peers.py times it apart).
os.environ["POLICYLINT_NO_DAEMON"] = "1"
SOURCES = [ROOT / "fixtures" / d for d in ("ar", "en", "templates")]


def make_repository(folder: Path, copies: int) -> int:
    files = [p for d in SOURCES for p in sorted(d.glob("*.md")) if p.name != "README.md"]
    for i in range(copies):
        target = folder / f"copy{i:04d}"
        target.mkdir()
        for path in files:
            shutil.copy(path, target / f"{path.parent.name}-{path.name}")
    return copies * len(files)


def time_cli(folder: Path, jobs: int, repeat: int) -> list[float]:
    command = [sys.executable, "-m", "policylint", "--today", "2026-11-23", "--format", "json", "--no-cache", "--jobs", str(jobs), str(folder)]
    # Run outside the repository: `python -m` puts the working folder first on the path,
    # and from the repository it would time its sources instead of the installed package.
    subprocess.run(command, capture_output=True, cwd=folder.parent)  # warm-up: imports, disk cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=folder.parent)
        times.append(time.perf_counter() - start)
    return times


def time_stages(path: Path, repeat: int = 20) -> list[tuple[float, str]]:
    from policylint import document
    from policylint.checks.base import Context
    from policylint.rulepacks import load_rules

    rules = load_rules()
    text = path.read_text(encoding="utf-8")
    ctx = Context(dt.date(2026, 11, 23))
    document.parse(path.name, text)  # warm the language layer
    start = time.perf_counter()
    docs = [document.parse(path.name, text) for _ in range(repeat)]
    stages = [((time.perf_counter() - start) / repeat, "parse")]
    checked = [rule for rule in rules.rules if rule.check is not None]
    for rule in checked:
        list(rule.check.check(docs[0], rule.params, ctx))
    # Every rule on one document, then the next document, as a run goes: what rules share
    # about a document (its service-level commitments) is then worked out once, by the
    # first rule that asks, and not again by each rule for each of the copies.
    spent = dict.fromkeys((rule.code for rule in checked), 0.0)
    for doc in docs:
        for rule in checked:
            start = time.perf_counter()
            list(rule.check.check(doc, rule.params, ctx))
            spent[rule.code] += time.perf_counter() - start
    stages += [(seconds / repeat, code) for code, seconds in spent.items()]
    return stages


def make_sizes(folder: Path) -> list[tuple[str, Path]]:
    """Inputs that once took quadratic time: one very long line, very many headings,
    whole policies concatenated to megabytes, hostile lines, very many suppressions.
    Each pair of sizes differs tenfold (or fivefold), so linear time shows as the same
    ratio in seconds."""
    policy = (ROOT / "fixtures/ar/customer-service-policy.md").read_text(encoding="utf-8")
    words = " ".join(policy.split()) + " "
    made = []

    def write(name: str, text: str) -> None:
        path = folder / f"{len(made):02d}.md"
        path.write_text(text, encoding="utf-8")
        made.append((name, path))

    for size in (100_000, 1_000_000):
        write(f"one line of {size // 1000} K characters", "# سياسة خدمة العملاء\n\n" + (words * (size // len(words) + 1))[:size] + "\n")
    for count in (10_000, 100_000):
        write(f"{count:,} headings", "# سياسة\n\n" + "".join(f"## القسم {i}\n\nنص القسم {i}.\n\n" for i in range(count)))
    for megabytes in (1, 5):
        copies = megabytes * 1_000_000 // len(policy.encode())
        write(f"policy repeated to {megabytes} MB", (policy + "\n") * copies)
    # Hostile lines: each once took time quadratic in the length of its line.
    for size in (100_000, 1_000_000):
        for name, unit in (("one word", "وف"), ("`![` with no `]`", "!["), ("`[a](` with no `)`", "[a]("), ("`1.` repeated", "1.")):
            write(f"{name}, {size // 1000} K characters", "# سياسة خدمة العملاء\n\nتاريخ المراجعة: " + unit * (size // len(unit)) + "\n")
    for size in (10_000, 100_000):
        unit = "خلال 24 ساعة، "
        write(f"promises in one table cell, {size // 1000} K characters", "# سياسة خدمة العملاء\n\n| القناة | الالتزام |\n|---|---|\n| الهاتف | " + unit * (size // len(unit)) + " |\n")
    # One paragraph of many lines: wrapped prose, and a control block of label lines.
    for count in (20_000, 200_000):
        write(f"one paragraph of {count:,} wrapped lines", "# سياسة خدمة العملاء\n\nنرد على\n" + "رسائل العملاء جميعها خلال يوم عمل\n" * count)
        write(f"one paragraph of {count:,} label lines", "# سياسة خدمة العملاء\n\n" + "**المالك:** إدارة تجربة العملاء\n" * count)
    for count in (10_000, 100_000):
        write(f"{count:,} acronyms, no parenthesis", "# Customer Service Policy\n\n" + "We track the CRM and " * count + "done.\n")
    for count in (2_000, 20_000):
        # Each header cell looked down its table for the cell it names.
        row = "|" + "Last reviewed|" * count
        write(f"a header row of {count:,} review labels", f"# Customer Service Policy\n\n{row}\n|" + "---|" * count + "\n|" + " |" * count + "\n")
    for count in (10_000, 100_000):
        # Each label of a line read its value to the line's end, and back to its start
        # (2026-12-06: "reviewed" as a short review-date label, labels opening a line).
        write(f"{count:,} labels on one line", "# Customer Service Policy\n\n" + "reviewed 15/03/2026 owner x " * count + "\n")
    for count in (2_000, 20_000):
        # Each promise read every channel named in its sentence (2026-12-06, third
        # session: a complaint, the branch and a time, thousands of times in one line).
        write(f"{count:,} promises and channels in one sentence", "# سياسة الشكاوى\n\n" + "نؤكد استلام الشكوى خلال يوم، ونخدم العميل في الفرع خلال ١٥ دقيقة | " * count + "\n")
        # Each promise with no channel read back over its paragraph for a complaint.
        write(f"{count:,} sentences after a complaint", "# Complaints Policy\n\nWe acknowledge every complaint within 1 day. " + "We reply within 2 days. " * count + "\n")
    for count in (300, 3_000):
        # Each vague phrase was compared with every promise and every later vague phrase
        # of its sentence, each time reading every action word (found by bench/linearity.py,
        # 2026-12-06, third session).
        write(f"{count:,} vague phrases in one sentence", "# سياسة خدمة العملاء\n\n" + "time: لاحقا الدردشة الدردشة، " * count + "\n")
    for count in (2_000, 20_000):
        # Each cell read every cell before it in its row for the measure it names
        # (2026-12-06, third session).
        write(f"a table row of {count:,} promises", "# Customer Service Policy\n\n| Stage | " + " | ".join(["Time"] * count) + " |\n|" + "---|" * (count + 1) + "\n| Resolution | " + " | ".join(["within 1 day"] * count) + " |\n")
    for count in (2_000, 20_000):
        # Each blank of a sign-off form looked its row, or its paragraph, over again
        # (2026-12-06, third session).
        write(f"a sign-off row of {count:,} blanks", "# Code of Conduct\n\n## Sign\n\n| Signature | " + " | ".join(["____"] * count) + " |\n|" + "---|" * (count + 1) + "\n")
        write(f"a sign-off paragraph of {count:,} blanks", "# Code of Conduct\n\n" + "Signature: ____ Name: ____ " * count + "\n")
    for count in (2_000, 20_000):
        # Each condition of dissatisfaction looks for what it is about among the measures
        # named after it (2026-12-06, fourth session: kept linear by position).
        write(f"{count:,} conditions in one sentence", "# Complaints Policy\n\n" + "If the customer is not satisfied with a product and a reply " * count + "we reply within 1 day.\n")
    for count in (2_000, 20_000):
        # Each placeholder in a commitment was compared with every commitment of its line
        # that supersedes it (2026-12-06, fourth session: 38 s at 20,000, now 4 s).
        write(f"{count:,} placeholder commitments on one line", "# سياسة خدمة العملاء\n\n" + "نرد خلال [X] ساعات، " * count + "\n")
        # An HTML table's rows on one line, as one long html_block.
        write(f"an HTML table of {count:,} rows on one line", "# Customer Service Policy\n\n<table>" + "<tr><td>Phone</td><td>within [X] hours</td></tr>" * count + "</table>\n")
    for count in (10_000, 100_000):
        write(f"{count:,} suppressions", "# سياسة خدمة العملاء\n\n" + "<!-- policylint-disable-next-line PLH101 -->\nنرد خلال [X] ساعات.\n\n" * count)
    return made


def time_sizes() -> None:
    print("size cases (one run each; wall time and the process's peak memory):")
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in make_sizes(Path(tmp)):
            command = [sys.executable, "-m", "policylint", "--today", "2026-11-23", "--format", "json", "--no-cache", "--max-file-size", "100MB", str(path)]
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            size = path.stat().st_size / 1_000_000
            print(f"  {name:<40} {size:6.2f} MB  {elapsed:6.1f} s  {usage.ru_maxrss / 1024:6.0f} MB  exit {os.waitstatus_to_exitcode(status)}")


def make_vocabulary_corpus(folder: Path, files: int = 200, words: int = 20_000) -> None:
    """English policies that share no sentence and whose words follow Zipf's law over a
    vocabulary of `words` words from the CMU dictionary table policylint ships: a
    repository's real vocabulary, which the example policies (2,715 words with the seed
    articles) are far too few to show. What each per-word memo keeps is sized on it."""
    from policylint.text import syllable_table

    table = syllable_table.load()
    listed = [table._word(i).decode() for i in range(table._size)]
    rng = random.Random(7)
    vocabulary = rng.sample([w for w in listed if w.isalpha() and len(w) > 1], words)
    weights = [1 / rank for rank in range(1, words + 1)]
    for i in range(files):
        sections = []
        for k in range(12):
            sentences = (" ".join(rng.choices(vocabulary, weights, k=rng.randint(8, 20))).capitalize() + "." for _ in range(4))
            sections.append(f"## Section {k}\n\n" + " ".join(sentences))
        (folder / f"p{i:03d}.md").write_text("# Customer service policy\n\n" + "\n\n".join(sections) + "\n", encoding="utf-8")


def time_vocabulary() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        make_vocabulary_corpus(Path(tmp))
        command = [sys.executable, "-m", "policylint", "--today", "2026-11-23", "--format", "json", "--no-cache", "--jobs", "1", "."]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        print(f"200 English policies over 20,000 words (Zipf), --jobs 1: {elapsed:.2f} s, {usage.ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", action="store_true", help="Only the size cases (long lines, many headings, megabytes).")
    args = parser.parse_args()
    if args.sizes:
        time_sizes()
        return
    with tempfile.TemporaryDirectory() as tmp:
        count = make_repository(Path(tmp), args.copies)
        print(f"{count} files ({args.copies} copies of the fixtures)")
        for jobs in args.jobs:
            times = time_cli(Path(tmp), jobs, args.repeat)
            best = min(times)
            print(f"  --jobs {jobs}: best {best:.2f} s, median {statistics.median(times):.2f} s, {count / best:.0f} files/s")
    stages = time_stages(ROOT / "fixtures/ar/customer-service-policy.md")
    total = sum(t for t, _ in stages)
    print(f"one Arabic policy in-process: {total * 1000:.1f} ms; slowest stages:")
    for seconds, name in sorted(stages, reverse=True)[:8]:
        print(f"  {name:<8} {seconds * 1000:6.2f} ms")
    time_vocabulary()
    time_sizes()


if __name__ == "__main__":
    main()
