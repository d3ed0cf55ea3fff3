"""Look for inputs on which policylint's time grows faster than their size.

Each unit (every pair of some forty characters that mean something to Markdown or to a
pattern, and short runs of policy words) is repeated to two lengths, four times apart,
and placed in a paragraph, a heading, a table cell, every cell of a wide table row, a list
item, a bold line, a label and a review-date line; each document is linted in a child
process forked for it, with the rules loaded. Time that grows more than six times is
measured again at four times the length, and what still grows faster than the length is
printed: linear time grows four times, quadratic sixteen. Every case this search found
(one of each is kept in `bench.py --sizes`, and in KNOWN below) was a pattern or a loop
that went over the rest of a line, a row or a sentence from each position of it.

    .venv/bin/python bench/linearity.py [--contexts table,review] [--sample 300]

It takes some minutes; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import tempfile
import time
from pathlib import Path

from policylint import runner
from policylint.rulepacks import load_rules

CONTEXTS = {
    "paragraph": "# سياسة خدمة العملاء\n\n{}\n",
    "heading": "# سياسة خدمة العملاء\n\n## {}\n\nنص.\n",
    "table": "# سياسة خدمة العملاء\n\n| القناة | الالتزام |\n|---|---|\n| الهاتف | {} |\n",
    "list": "# سياسة خدمة العملاء\n\n- {}\n",
    "bold": "# سياسة خدمة العملاء\n\n**{}**\n",
    "label": "# سياسة خدمة العملاء\n\nالتزامنا: {}\n",
    "review": "# Customer service policy\n\nLast reviewed: {}\n",
    # The unit as every cell of one wide table row: a row's cells beyond its header's are
    # dropped by Markdown, so the "table" context above cannot make a wide row.
    "row": None,
}


def document(context: str, unit: str, length: int) -> str:
    """The unit repeated to about `length` characters, in its context."""
    if context == "row":
        cells = max(1, length // len(unit))
        cell = " " + (unit.replace("|", " ").strip() or "x") + " |"
        return "# سياسة خدمة العملاء\n\n|" + " Time |" * cells + "\n|" + "---|" * cells + "\n|" + cell * cells + "\n"
    return CONTEXTS[context].format(unit * max(1, length // len(unit)))
CHARACTERS = list("aب1٣ .,،*_`[]()<>!?؟#-/:@&;%{}|\\~$+'\"ـ=^")
WORDS = (
    "سياسة خدمة العملاء خلال ساعة ٢٤ 24 أيام عمل يومي نرد نلتزم بالرد عبر البريد الهاتف الدردشة في المتوسط "
    "policy within hours business days respond resolve email phone chat on average TODO TBD CSAT "
    "[X] [الشركة] {{name}} 2026-03-15 15/03/2026 ١٥ مارس ٢٠٢٦ Q3 ٣٫٥ 3-5 الـSLA e.g. Dr. ____ … ؟؟؟ "
    "المالك: Owner: تاريخ المراجعة: password: SA0380000000608010167519 care@example.com http://a.sa "
    "بين من إلى و٥ between and from to in the next same day في نفس اليوم two (2) e-mail world-class "
    "Response time: | Last reviewed | **Effective date** |"
    " LEAP model (Listen, Empathize) قبل الرنة الثالثة the 3rd ring فيما يتعلق بالطلب يحدد لاحقا (يُحدد لاحقاً "
    "Pro Email, chat escalated who الذي تُصعَّد under hold time follow up"
    " Signature: ____ التوقيع: ____ | Resolution | Time | المدة | الشكاوى المعقدة | logged"
    " حتى ساعتين — Version: 2 · المالك: Letters: forum ## Escalation"
    " 4-hour response same-day Note: ملاحظة: Target web form ﺍﻟﻌﻤﻼﺀ ﻻ ی (اسم الشركة) ABC Company 2026-10 10/2026"
    " 80% 95% of calls at weekends on weekdays urgent and في العطل الرسمية رمضان 3-Mar-26"
    " complaint الشكوى ونخدم الفرع If you are still unhappy full response Calls answered within 20 seconds: متوسط مدة المكالمة"
    " نقر باستلام فوراً immediately automatic acknowledgement إذا لم يكن المتعامل راضياً"
    " or 14 days و٥ أيام and 30 minutes ساعة و٣٠ elsewhere لباقي المدن reviews on طوال أيام الأسبوع بما ورد call 0800 000 0000"
).split(" ")


def units(sample: int, seed: int) -> list[str]:
    pairs = ["".join(pair) for pair in itertools.product(CHARACTERS, repeat=2)]
    chance = random.Random(seed)
    phrases = [
        " ".join(chance.choice(WORDS) for _ in range(chance.randint(1, 4))) + chance.choice([" ", ". ", "، ", "\n", " | "])
        for _ in range(sample)
    ]
    return chance.sample(pairs, min(sample, len(pairs))) + phrases + KNOWN


# Units that once grew faster than their length, tried in every search whatever the
# sample draws: a promise per table cell, blanks of a sign-off form, promises beside
# channel names, vague phrases.
KNOWN = [
    "within 24 hours | ", "Resolution | within 1 day | ", "Signature: ____ Name: ____ ", "| ____ ",
    "نؤكد استلام الشكوى خلال يوم، ونخدم العميل في الفرع خلال ١٥ دقيقة | ", "We reply within 2 days. ",
    "time: لاحقا الدردشة الدردشة، ", "reviewed 15/03/2026 owner x ",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contexts", default=",".join(CONTEXTS), help="Which places to put the units in.")
    parser.add_argument("--sample", type=int, default=300, help="How many character pairs and word runs.")
    parser.add_argument("--length", type=int, default=2000, help="The shorter length, in characters.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    load_rules()
    options = runner.Options(today=dt.date(2026, 11, 23), use_cache=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.md"

        def seconds(text: str) -> float:
            """One lint in a child forked for it: policylint remembers what it worked out
            for a text it has met, and the longer document repeats the shorter one's text,
            so in one process the second would find it remembered."""
            path.write_text(text, encoding="utf-8")
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                start = time.perf_counter()
                runner._lint_file(str(path), path, True, options, runner._RunCache())
                os.write(write, repr(time.perf_counter() - start).encode())
                os._exit(0)
            os.close(write)
            with os.fdopen(read) as answer:
                elapsed = float(answer.read())
            os.waitpid(pid, 0)
            return elapsed

        def growth(context: str, unit: str, length: int) -> tuple[float, float]:
            times = [seconds(document(context, unit, n)) for n in (length, 4 * length)]
            return times[0], times[1] / max(times[0], 1e-6)

        seconds("# Policy\n\nwarm up\n")
        found = 0
        for context in args.contexts.split(","):
            for unit in units(args.sample, args.seed):
                first, ratio = growth(context, unit, args.length)
                if ratio > 6 and first * ratio > 0.02:
                    first, ratio = growth(context, unit, 4 * args.length)  # small times are noisy
                    if ratio > 6:
                        found += 1
                        print(f"{context:<10} {unit!r:<40} {first * 1000:8.1f} ms at {4 * args.length} characters, x{ratio:.1f} at four times that", flush=True)
            print(f"{context}: done", flush=True)
        print(f"{found} inputs grew faster than their length")


if __name__ == "__main__":
    main()
