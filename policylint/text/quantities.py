"""Time promises in text: "within / in / خلال / في غضون ..." + a quantity + a unit.

Works on tokens (normalised by the language layer: digits in any script are ASCII,
alef forms folded, ة is ه, diacritics gone), so "خلال ٢٤ ساعة", "في غضون يومين",
"أربع وعشرين ساعة", "3-5 أيام عمل" and "within two business days" are all read the same
way. A quantity may also be a template placeholder ("[X] ساعات"): that is reported as a
promise nobody has made yet, not skipped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policylint.text.tokens import Token, Tokens, normalise

# Minutes per unit, to compare promises written in different units ("24 ساعة" and
# "يومين"). Rings and business days are measures of their own: a business day is not a
# fixed number of hours, so it is only compared with business days.
UNIT_MINUTES = {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43200}
DIMENSION = {"ring": "rings", "business day": "business days", **{u: "time" for u in UNIT_MINUTES}}


def _norm_all(words: dict[str, object]) -> dict[str, object]:
    return {normalise(k): v for k, v in words.items()}


# Arabic unit words: singular (one when alone: "خلال ساعة"), dual (two: "خلال ساعتين"),
# plural and the accusative singular used after 11 and more ("خمسة عشر يوماً").
_AR_UNITS = _norm_all({
    "رنة": ("ring", 1), "رنه": ("ring", 1), "رنتين": ("ring", 2), "رنتان": ("ring", 2), "رنات": ("ring", None),
    "ثانية": ("second", 1), "ثانيتين": ("second", 2), "ثانيتان": ("second", 2), "ثوان": ("second", None),
    "ثواني": ("second", None), "ثوانى": ("second", None),
    "دقيقة": ("minute", 1), "دقيقتين": ("minute", 2), "دقيقتان": ("minute", 2), "دقائق": ("minute", None),
    "ساعة": ("hour", 1), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2), "ساعات": ("hour", None),
    "يوم": ("day", 1), "يوما": ("day", None), "يومين": ("day", 2), "يومان": ("day", 2), "أيام": ("day", None),
    "يومي": ("day", 2),
    "أسبوع": ("week", 1), "أسبوعا": ("week", None), "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
    "أسابيع": ("week", None),
    "شهر": ("month", 1), "شهرا": ("month", None), "شهرين": ("month", 2), "شهران": ("month", 2),
    "أشهر": ("month", None), "شهور": ("month", None),
})
# "يومي عمل" is the dual of "يوم عمل" (two working days); "يومي" alone is "daily".
_AR_DUAL_NEEDS_WORK = {normalise("يومي")}
# "يوما عمل" is its nominative («مدة الحل: يوما عمل»); "يوماً" alone follows a number
# ("خمسة عشر يوماً") and counts nothing by itself.
_AR_DUAL_WITH_WORK = {normalise("يوما")}
_AR_WORK = {normalise("عمل"), normalise("العمل")}

_EN_UNITS = {
    "ring": "ring", "rings": "ring", "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "month": "month", "months": "month",
}
_EN_WORKING = {"business", "working", "work"}

_AR_NUMBERS = _norm_all({
    "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2,
    "اثني": 2, "اثنتا": 2, "اثنتي": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
    "تسعون": 90, "تسعين": 90, "مائة": 100, "مئة": 100, "مائتين": 200, "مئتين": 200, "مائتان": 200, "مئتان": 200,
})
_AR_TEN = {normalise("عشر"), normalise("عشرة")}
_AR_FRACTIONS = _norm_all({"نصف": 0.5, "ربع": 0.25})
_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_EN_ARTICLES = {"a", "an"}
_EN_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_RANGE = frozenset({"-", "–", "—", "to", normalise("إلى"), normalise("الى"), normalise("حتى"), "or", normalise("أو")})
# "between 2 and 5 minutes", «بين ٢ و٥ دقائق», «من ٢ إلى ٥ دقائق»: a range opened by one of
# these promises its upper bound, as "within 2-5 minutes" does; a lone "from 5 minutes"
# promises nothing. After "between", "and" closes the range.
_RANGE_OPENERS = frozenset({"between", "from", normalise("بين"), normalise("من")})
_BETWEEN = frozenset({"between", normalise("بين")})
_AND = frozenset({"and", "و"})
# "from 8 to 10 hours a day", «من ٨ إلى ١٠ ساعات يومياً»: a rate (a shift, a workload),
# not a time anybody waits.
_RATES = [tuple(normalise(w) for w in p.split()) for p in (
    "a day", "a week", "a month", "per day", "per week", "per month", "daily", "weekly", "each day", "every day",
    "يوميا", "أسبوعيا", "شهريا", "في اليوم", "في الأسبوع", "في الشهر", "كل يوم",
)]

# Words that promise an upper bound, before the quantity ("خلال", "within") or after it
# ("على الأكثر", "at most"). A conjunction may be glued to the Arabic ones ("وخلال").
_BEFORE = [tuple(normalise(w) for w in p.split()) for p in (
    "خلال", "في غضون", "غضون", "أقصاها", "أقصاه", "أقصى", "لا تتجاوز", "لا يتجاوز", "لا تتعدى", "لا يتعدى", "لا تزيد عن", "لا تزيد على",
    "لا يزيد عن", "لا يزيد على", "أقل من", "قبل مضي", "قبل انقضاء", "قبل مرور",
    "within", "in under", "in less than", "in fewer than", "no later than",
    # "under" and "below" after a time or a keeping: "hold time under 2 minutes", "kept
    # below 3 minutes"; alone they also say which calls ("calls under 5 minutes are not
    # logged"), which is no promise.
    "time under", "times under", "time below", "times below", "kept under", "kept below", "time of less than", "no more than", "not more than", "no longer than",
    # Or after a label's colon, as key figures are written: "Hold time: under 2 minutes".
    ": under", ": below", ": less than",
    "not longer than", "not exceeding", "not to exceed", "at most", "at the latest",
    "maximum of", "max", "up to",
    # As service-level tables write a bound: "< 2 min", "≤ 30 sec", "<= 4 hours".
    "<", "< =", "≤",
)]
_AFTER = [tuple(normalise(w) for w in p.split()) for p in (
    "على الأكثر", "كحد أقصى", "بحد أقصى", "at most", "at the latest", "maximum", "max",
)]
_BEFORE_FIRST = frozenset(p[0] for p in _BEFORE)
# The phrases of _BEFORE by their first word, each with its place in the list: at a word
# only those that start with it (or with it less a glued conjunction) are tried, in the
# list's order, the first that holds a quantity winning.
_BEFORE_BY_FIRST: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
for _place, _phrase in enumerate(_BEFORE):
    _BEFORE_BY_FIRST.setdefault(_phrase[0], []).append((_place, _phrase))
_AFTER_FIRST = frozenset(p[0] for p in _AFTER)
_FI = normalise("في")
# «قد تستغرق المعالجة حتى ٥ أيام عمل»: "up to", read as «في» is below: a number or a
# dual after it; «حتى إغلاق الطلب» is until an event, «حتى يوم الخميس» until a day.
_HATTA = normalise("حتى")
_AVERAGE = [tuple(normalise(w) for w in p.split()) for p in ("في المتوسط", "بالمتوسط", "كمتوسط", "بمتوسط", "متوسط", "on average", "average", "an average of")]
_AVERAGE_FIRST = frozenset(p[0] for p in _AVERAGE)
# A day named instead of counted: "the same day" is at most one day, "the next business
# day" at most one business day; and "within the hour", one hour.
_NAMED_DAYS = {
    tuple(normalise(w) for w in phrase.split()): unit
    for phrase, unit in (
        ("same business day", "business day"), ("same working day", "business day"), ("same day", "day"),
        ("next business day", "business day"), ("next working day", "business day"),
        # Hyphenated, as an adjective: "a same-day response", "next-business-day replies".
        ("same - day", "day"), ("same - business - day", "business day"), ("next - business - day", "business day"),
        ("next - working - day", "business day"),
        ("في نفس اليوم", "day"), ("في اليوم نفسه", "day"), ("خلال اليوم نفسه", "day"), ("خلال نفس اليوم", "day"),
        ("في يوم العمل نفسه", "business day"), ("في نفس يوم العمل", "business day"),
        ("يوم العمل التالي", "business day"), ("في يوم العمل التالي", "business day"),
        # The end of the day, after "by" or "before": "at the end of the day" is an idiom.
        ("by the end of the day", "day"), ("by end of day", "day"), ("before the end of the day", "day"),
        ("by the end of the business day", "business day"), ("by the end of the working day", "business day"),
        ("before the end of the business day", "business day"), ("before the end of the working day", "business day"),
        ("by close of business", "business day"), ("within the hour", "hour"),
        # «نهاية يوم العمل» with or without «قبل» («حتى نهاية يوم العمل», «بنهاية يوم العمل»);
        # «نهاية اليوم» only after «قبل» or «ب»: «في نهاية اليوم» is the idiom "in the end".
        ("نهاية يوم العمل", "business day"), ("قبل نهاية اليوم", "day"), ("بنهاية اليوم", "day"),
    )
}
_NAMED_DAYS_FIRST = frozenset(p[0] for p in _NAMED_DAYS)
# "before the third ring", «قبل الرنة الثالثة»: rings counted by the one a call is
# answered by, read as that many rings (the seed's «في غضون [X] رنات»), so "within 3
# rings" elsewhere in the policy agrees with it.
_ORDINALS = {
    normalise(word): n
    for n, words in enumerate((
        ("first", "الأولى"), ("second", "الثانية"), ("third", "الثالثة"),
        ("fourth", "الرابعة"), ("fifth", "الخامسة"), ("sixth", "السادسة"),
    ), start=1)
    for word in words
}  # fmt: skip
_RINGS = frozenset(map(normalise, "ring رنة الرنة".split()))
_NUMBER_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_BY_ORDINAL = frozenset(map(normalise, "before by within قبل عند مع".split()))
# The word for "the day", which no quantity starts with, in the phrases above.
_NAMED_DAY = frozenset({normalise("اليوم")})
# "من خلال" is "through", not "within".
_NOT_AFTER = {("خلال",): {normalise("من")}}
# Arabic puts the verb first: «لا تتجاوز مدة الرد ٢٤ ساعة», «على ألا يزيد وقت الانتظار عن
# ١٥ دقيقة». The bound's subject, a word for a length of time and what it is the time of,
# stands between the verb and the quantity.
_NOT = frozenset(normalise(w) for w in ("لا", "ألا"))
_EXCEED = frozenset(normalise(w) for w in ("تتجاوز", "يتجاوز", "تزيد", "يزيد", "تتعدى", "يتعدى"))
_TIME_NOUNS = frozenset(normalise(w) for w in ("مدة", "وقت", "زمن", "فترة", "مهلة", "المدة", "الوقت", "الفترة"))
_THAN = frozenset(normalise(w) for w in ("عن", "على"))
# Words that may stand between the promise and its quantity: "خلال الـ 24 ساعة القادمة",
# "within the next two hours", "in no more than".
_FILLERS = {"the", "next", "first", "a", "of", "period", normalise("ال"), normalise("الـ"), normalise("مدة"),
            normalise("فترة"), normalise("مدته"), normalise("أقصاها")}


@dataclass(frozen=True)
class Quantity:
    value: float | None  # the upper bound of a range; None when it is a placeholder
    unit: str  # "ring", "second", ..., "business day"
    first: int  # token indexes, inclusive
    last: int
    placeholder: str | None = None

    @property
    def dimension(self) -> str:
        return DIMENSION[self.unit]

    def in_base_units(self) -> float | None:
        """Minutes for time, else the value itself (rings, business days)."""
        if self.value is None:
            return None
        return self.value * UNIT_MINUTES.get(self.unit, 1)


@dataclass(frozen=True)
class Promise:
    quantity: Quantity
    first: int  # the first token of the promise word, or of the quantity
    last: int
    # "خلال ٢٠ ثانية في المتوسط", "on average within 2 hours": a target for the mean, not
    # a limit for every customer; it is a different promise from a maximum.
    average: bool = False
    # "a 4-hour response", "a 24-hour turnaround": the measure is named right after the
    # time, which is the promise's last token.
    measure_after: bool = False
    # "..., or 14 days for electronics": a time after "and" or "or" that goes on with the
    # promise before it (see _elided), whose measure and whose customer it keeps.
    continues: bool = False


def without_conjunction(norm: str) -> str:
    """An Arabic word without a glued conjunction (و, ف): "وخلال" -> "خلال"."""
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def _is_blank(word: str) -> bool:
    """A template's stand-in for a number: X, N, XX, #, or a run of underscores."""
    return word in ("x", "y", "n", "xx", "xxx", "#") or set(word) <= {"_"} and len(word) >= 2


def _digits(norm: str) -> float | None:
    """A number in digits: "24", "1.5", "1,500", and "1,5" (one and a half, as much of
    Europe writes it: a comma before one or two digits is no thousands separator). Not
    "inf", "nan" or "1e3", which float() alone would take (and a report would then hold
    no valid JSON)."""
    if not norm[:1].isdigit() or not all(c.isdigit() or c in ".," for c in norm):
        return None
    if "," in norm:
        head, *groups = norm.split(",")
        if all(len(group) == 3 for group in groups[:-1]) and len(groups[-1].split(".")[0]) == 3:
            norm = head + "".join(groups)
        elif len(groups) == 1 and "." not in norm and 1 <= len(groups[0]) <= 2:
            norm = f"{head}.{groups[0]}"
        else:
            return None
    try:
        return float(norm)
    except ValueError:
        return None


_STARTERS = frozenset(
    {"[", "{{", "{", "x", "y", "n", "xx", "xxx"}
    | set(_AR_FRACTIONS) | set(_EN_FRACTIONS) | set(_EN_NUMBERS) | set(_AR_NUMBERS)
    | _EN_ARTICLES | _EN_WORKING | set(_EN_UNITS) | set(_AR_UNITS)
)


def _glued_unit(word: str) -> tuple[float, str] | None:
    """The number and the Arabic unit of a word typed without the space between them,
    «٢٤ساعة»: the word tokeniser (as camel-tools') keeps digits and letters together."""
    if not word[:1].isdigit():
        return None
    k = 1
    while k < len(word) and (word[k].isdigit() or word[k] == "."):
        k += 1
    value = _digits(word[:k])
    return (value, word[k:]) if value is not None and word[k:] in _AR_UNITS else None


@functools.lru_cache(maxsize=8192)
def _may_start_quantity(word: str) -> bool:
    """Can `_Reader.quantity` find anything at a word like this one? Its every branch
    begins with one of these tests, so most words (and most tokens of a policy) are
    passed over without trying each branch in turn."""
    return (
        word in _STARTERS or (len(word) >= 2 and set(word) <= {"_"}) or _digits(word) is not None
        or _glued_unit(word) is not None
    )


class _Reader:
    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.words = [t.norm for t in tokens]

    def written(self, first: int, last: int) -> str:
        """Tokens first..last as the author wrote them, spaces included."""
        pieces = [self.tokens[first].text]
        for i in range(first + 1, last + 1):
            gap = " " if self.tokens[i].start > self.tokens[i - 1].end else ""
            pieces.append(gap + self.tokens[i].text)
        return "".join(pieces)

    def at(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def placeholder(self, i: int) -> tuple[str, int] | None:
        """"[X]", "[عدد]", "{{ hours }}", "X", "__" starting at i: (text, last index)."""
        word = self.at(i)
        if word in ("[", "{{", "{"):
            closing = {"[": "]", "{{": "}}", "{": "}"}[word]
            for j in range(i + 1, min(i + 8, len(self.words))):
                if word == "[" and self.at(j) == "]" and j > i + 1:
                    # Tight inside square brackets: pandoc's "\[X\]" leaves a blanked
                    # backslash before the "]", which is no space the reader sees.
                    return "[" + self.written(i + 1, j - 1) + "]", j
                if self.at(j) == closing or self.at(j).startswith(closing):
                    return self.written(i, j), j
            return None
        if _is_blank(word):
            return self.written(i, i), i
        # "(X)" in parentheses, as templates that write numbers «(٣)» leave them blank.
        if word == "(" and self.at(i + 2) == ")" and _is_blank(self.at(i + 1)):
            return self.written(i, i + 2), i + 2
        return None

    def number(self, i: int) -> tuple[float, int] | None:
        """A number in digits or words at i: (value, last index)."""
        word = self.at(i)
        value = _digits(word)
        if value is not None:
            return value, i
        # Digits in brackets, as official Arabic writes a number: «خلال (٣) أيام عمل».
        if word == "(" and self.at(i + 2) == ")":
            value = _digits(self.at(i + 1))
            return (value, i + 2) if value is not None else None
        if word in _EN_NUMBERS:
            value, j = _EN_NUMBERS[word], i
            # "twenty-four", "twenty four", "one hundred"
            k = j + 2 if self.at(j + 1) == "-" else j + 1
            if value >= 20 and value % 10 == 0 and _EN_NUMBERS.get(self.at(k), 10) < 10:
                value, j = value + _EN_NUMBERS[self.at(k)], k
            return float(value), j
        if word in _AR_NUMBERS:
            value, j = _AR_NUMBERS[word], i
            while True:
                nxt = self.at(j + 1)
                if value < 10 and nxt in _AR_TEN:  # خمسة عشر
                    value, j = value + 10, j + 1
                elif nxt[:1] == "و" and nxt[1:] in _AR_NUMBERS and _AR_NUMBERS[nxt[1:]] != value:  # أربع وعشرين
                    value, j = value + _AR_NUMBERS[nxt[1:]], j + 1
                elif nxt == "و" and self.at(j + 2) in _AR_NUMBERS:
                    value, j = value + _AR_NUMBERS[self.at(j + 2)], j + 2
                else:
                    return float(value), j
        return None

    def unit(self, i: int) -> tuple[str, int | None, int] | None:
        """A unit word at i: (unit, implied count for a lone singular or dual, last index)."""
        word = self.at(i)
        if word in _EN_WORKING and self.at(i + 1) in ("day", "days"):
            return "business day", (1 if self.at(i + 1) == "day" else None), i + 1
        # "5 calendar days" are days: the word says only that weekends count.
        if word == "calendar" and self.at(i + 1) in ("day", "days"):
            return "day", (1 if self.at(i + 1) == "day" else None), i + 1
        # "4 working hours" are hours, as «٤ ساعات عمل» are.
        if word in _EN_WORKING and self.at(i + 1) in ("hour", "hours", "hr", "hrs"):
            return "hour", (1 if self.at(i + 1) in ("hour", "hr") else None), i + 1
        if word in _EN_UNITS:
            return _EN_UNITS[word], None, i
        if word in _AR_UNITS:
            unit, count = _AR_UNITS[word]
            working = self.at(i + 1) in _AR_WORK
            if word in _AR_DUAL_NEEDS_WORK and not working:
                return None
            if unit == "day" and working:
                return "business day", 2 if word in _AR_DUAL_WITH_WORK else count, i + 1
            if unit == "hour" and working:
                return unit, count, i + 1  # «٤ ساعات عمل» are hours, as "4 working hours" are
            return unit, count, i
        return None

    def restated(self, value: float, j: int) -> int:
        """Past a number's restatement in digits: "two (2) business days", «ثلاثة (٣) أيام»."""
        if self.at(j + 1) == "(" and _digits(self.at(j + 2)) == value and self.at(j + 3) == ")":
            return j + 3
        return j

    def _upper_bound(self, value: float, j: int, joiners: frozenset[str]) -> tuple[float, int] | None:
        """The upper end of a range whose lower end, `value`, ends at token j: "3-5",
        «٢ إلى ٥», and after "between" "2 and 5", «٢ و٥» (the "و" glued or not)."""
        nxt = self.at(j + 1)
        if nxt in joiners:
            upper = self.number(j + 2)
        elif "و" in joiners and nxt[:1] == "و" and (_digits(nxt[1:]) is not None or nxt[1:] in _AR_NUMBERS):
            found = _digits(nxt[1:])
            upper = (found if found is not None else float(_AR_NUMBERS[nxt[1:]]), j + 1)
        else:
            return None
        if upper is None or upper[0] < value:
            return None
        return upper[0], self.restated(upper[0], upper[1])

    def quantity(self, i: int, joiners: frozenset[str] = _RANGE) -> Quantity | None:
        """A quantity and its unit starting at token i, or None. Of a range written with
        its unit on both ends ("2 hours to 4 hours", «ساعتين إلى أربع ساعات»), the upper
        end, as for "2-4 hours"."""
        lower = self._single(i, joiners)
        if lower is None or lower.value is None or self.at(lower.last + 1) not in joiners:
            return lower
        # Two ends, no more: reading on along "1 hour to 2 hours to ..." would make each
        # start in such a chain read the rest of it.
        upper = self._single(lower.last + 2, joiners)
        if upper is None or upper.value is None or upper.dimension != lower.dimension:
            return lower
        if upper.in_base_units() < lower.in_base_units():
            return lower
        return Quantity(upper.value, upper.unit, i, upper.last)

    def opened_range(self, i: int) -> Quantity | None:
        """"between 2 and 5 minutes", «من ٢ إلى ٥ دقائق» at token i (the opener): the
        range as one quantity, its upper bound; None for anything but a whole range
        ("from 5 minutes"), and for a rate ("from 8 to 10 hours a day")."""
        if without_conjunction(self.at(i)) not in _RANGE_OPENERS:
            return None
        joiners = _RANGE | _AND if without_conjunction(self.at(i)) in _BETWEEN else _RANGE
        quantity = self.quantity(i + 1, joiners)
        if quantity is None or quantity.value is None:
            return None
        single = self._single(i + 1, frozenset())
        if single is not None and single.last == quantity.last:
            return None  # one quantity, no range
        if any(self.phrase_at(quantity.last + 1, rate, glued=False) for rate in _RATES):
            return None
        return quantity

    def _single(self, i: int, joiners: frozenset[str]) -> Quantity | None:
        """A quantity and its unit starting at token i, or None; a range of bare numbers
        ("3-5 days") is one quantity here."""
        held = self.placeholder(i)
        if held is not None:
            text, j = held
            unit = self.unit(j + 1)
            return Quantity(None, unit[0], i, unit[2], placeholder=text) if unit else None
        word = self.at(i)
        fraction = _AR_FRACTIONS.get(word) or _EN_FRACTIONS.get(word)
        if fraction is not None:  # نصف ساعة, half an hour
            j = i + 2 if self.at(i + 1) in _EN_ARTICLES else i + 1
            unit = self.unit(j)
            return Quantity(fraction, unit[0], i, unit[2]) if unit else None
        glued = _glued_unit(word)
        if glued is not None:
            value, unit_word = glued
            unit, _ = _AR_UNITS[unit_word]
            working = self.at(i + 1) in _AR_WORK and unit in ("day", "hour")
            unit = "business day" if unit == "day" and working else unit
            return self._with_fraction(Quantity(value, unit, i, i + 1 if working else i))
        number = self.number(i)
        if number is not None:
            value, j = number
            j = self.restated(value, j)
            upper = self._upper_bound(value, j, joiners)  # 3-5 أيام: the upper bound is the promise
            if upper is not None:
                value, j = upper
            half = self._and_a_fraction(j + 1)  # "two and a half hours"
            if half is not None:
                value, j = value + half[0], half[1]
            unit = self.unit(j + 1)
            if unit is None:
                return None
            return self._with_fraction(Quantity(value, unit[0], i, unit[2]))
        if word in _EN_ARTICLES:  # "within an hour", "within a business day"
            unit = self.unit(i + 1)
            singular = not self.at(unit[2]).endswith("s") if unit else False
            return self._with_fraction(Quantity(1.0, unit[0], i, unit[2])) if unit and singular else None
        unit = self.unit(i)
        if unit is not None and unit[1] is not None:  # خلال ساعة, خلال يومين, خلال يوم واحد
            last = unit[2] + 1 if _AR_NUMBERS.get(self.at(unit[2] + 1)) == 1 else unit[2]
            return self._with_fraction(Quantity(float(unit[1]), unit[0], i, last))
        return None

    def _and_a_fraction(self, i: int) -> tuple[float, int] | None:
        """ "and a half", "and a quarter" at token i: the fraction and its last token."""
        if self.at(i) == "and" and self.at(i + 1) == "a" and self.at(i + 2) in _EN_FRACTIONS:
            return _EN_FRACTIONS[self.at(i + 2)], i + 2
        return None

    def _with_fraction(self, quantity: Quantity) -> Quantity:
        """A quantity and the fraction after its unit: «ساعة ونصف» is an hour and a half,
        «ساعتين وربع» two and a quarter, "an hour and a half" too."""
        after = self.at(quantity.last + 1)
        if after[:1] == "و" and after[1:] in _AR_FRACTIONS and quantity.value is not None:
            return Quantity(quantity.value + _AR_FRACTIONS[after[1:]], quantity.unit, quantity.first, quantity.last + 1)
        half = self._and_a_fraction(quantity.last + 1)
        if half is not None and quantity.value is not None:
            return Quantity(quantity.value + half[0], quantity.unit, quantity.first, half[1])
        return self._with_smaller_unit(quantity)

    def _with_smaller_unit(self, quantity: Quantity) -> Quantity:
        """A quantity and a smaller unit's count after "and" or «و»: "1 hour and 30
        minutes", «ساعة و٣٠ دقيقة» are one time, an hour and a half. Read no further than
        the second unit: a chain of them is not followed."""
        if quantity.value is None or quantity.unit not in UNIT_MINUTES:
            return quantity
        k, after = quantity.last + 1, self.at(quantity.last + 1)
        if after in _AND:
            number = self.number(k + 1)
        else:
            glued = _digits(after[1:]) if after[:1] == "و" else None
            number = (glued, k) if glued is not None else None
        unit = self.unit(number[1] + 1) if number is not None else None
        if number is None or unit is None or unit[0] not in UNIT_MINUTES or UNIT_MINUTES[unit[0]] >= UNIT_MINUTES[quantity.unit]:
            return quantity
        value = quantity.value + number[0] * UNIT_MINUTES[unit[0]] / UNIT_MINUTES[quantity.unit]
        return Quantity(value, quantity.unit, quantity.first, unit[2])

    def phrase_at(self, i: int, phrase: tuple[str, ...], glued: bool) -> bool:
        for k, word in enumerate(phrase):
            have = self.at(i + k)
            if have != word and not (glued and k == 0 and without_conjunction(have) == word):
                return False
        return True


# "If a complaint is not resolved within 2 business days, escalate it", «إذا لم تُحل
# الشكوى خلال يومي عمل»: a time that triggers something when it is missed, not a
# promise. A condition and a negation before the time, in its clause, tell.
_CONDITIONS = frozenset(map(normalise, "if unless when once should إذا اذا إن ان لو حال حالة حالما عندما متى".split()))
_NEGATIONS = frozenset(map(normalise, "not no never fail fails failed cannot unable لم لا ليس ما عدم تعذر يتعذر".split()))
_CLAUSE_ENDS = frozenset(",،;؛:")
# A relative clause after the negation is a new subject's, not negated: in «إذا لم يرضَ
# العميل تُصعَّد الشكوى إلى المدير الذي يرد خلال ٣ أيام» the manager's reply is promised.
RELATIVES = frozenset(map(normalise, "who which whom الذي التي الذين اللذان اللتان اللواتي اللاتي".split()))
_NEGATED_OPENERS = frozenset(map(normalise, ("within", "in", "خلال", "غضون", "في")))


def is_trigger(tokens: Sequence[Token], first: int, clause_start: int = 0) -> bool:
    """Is the time at tokens[first] a deadline whose passing triggers an action (an
    escalation), rather than a promise? Looks back over its clause."""
    start = first
    while start > clause_start and tokens[start - 1].text not in _CLAUSE_ENDS:
        start -= 1
    words = [without_conjunction(t.norm) for t in tokens[start:first]]
    if "unless" in words or any(a == normalise("ما") and b == normalise("لم") for a, b in zip(words, words[1:])):
        return True
    # Or a negation just before the verb the time follows: "A problem staff cannot fix
    # within 15 minutes goes to the duty manager", «الطلبات التي لم تُنجز خلال ٣ أيام».
    if tokens[first].norm in _NEGATED_OPENERS and any(w in _NEGATIONS or w.endswith("n't") for w in words[-3:-1]):
        return True
    negations = [k for k, w in enumerate(words) if w in _NEGATIONS or w.endswith("n't")]
    if not negations or not any(w in _CONDITIONS for w in words):
        return False
    return not any(w in RELATIVES for w in words[negations[-1] + 1 :])


# "You can refer your complaint to the ombudsman within 6 months", «يجب على العميل الإبلاغ
# عن العطل خلال ٧ أيام»: the customer's own time limit, not one the company keeps. The
# customer as the subject of a permission or a duty, in the time's clause, tells; "you can
# expect a reply within 24 hours" is still the company's promise.
_CUSTOMER = frozenset({"you", "customer", "customers", "client", "clients", "patient", "patients", "complainant", "complainants"})
# Or the complaint as the subject of its own filing: "Complaints should be made within 12
# months of the event", «يجب تقديم الشكوى خلال ٣٠ يوماً»; not "must be acknowledged".
_RAISED = frozenset({"complaint", "complaints", "concern", "concerns", "appeal", "appeals"})
_FILED = frozenset({"made", "raised", "submitted", "lodged", "filed", "brought", "received"})
_AR_FILING = frozenset(map(normalise, ("يجب", "ينبغي", "يمكن")))
_AR_FILED = frozenset(map(normalise, ("تقديم", "رفع")))
_AR_RAISED = frozenset(map(normalise, ("الشكوى", "الشكاوى", "شكوى", "التظلم", "تظلم", "الاعتراض", "اعتراض")))
_MAY_OR_MUST = frozenset({"can", "may", "must", "have", "has", "should"})
_STILL_OURS = frozenset({"expect", "receive", "hear", "get", "count", "rely", "right", "entitled", "we"})
_AR_CUSTOMER_RIGHT = frozenset(map(normalise, "يحق يمكنك بإمكانك".split()))
# Two words that say it where each alone does not: «يجب على العميل» (but «نرد على العميل»
# is a reply to the customer), «للعميل الحق» and «يمكن للعميل» (but «حل للعميل» is a
# solution for the customer).
_AR_CUSTOMER_PAIRS = frozenset(
    tuple(map(normalise, pair.split())) for pair in ("على العميل", "على العملاء", "للعميل الحق", "يمكن للعميل", "بإمكان العميل")
)
_AR_MUST = normalise("يجب")
_AR_ON = normalise("على")
_AR_STILL_OURS = frozenset(map(normalise, "توقع تتوقع يتوقع الحصول تلقي".split()))


def is_customers_own(tokens: Sequence[Token], first: int, clause_start: int = 0) -> bool:
    """Is the time at tokens[first] one the customer must keep (a time limit to complain,
    report, appeal), rather than one the company promises? Looks back over its clause."""
    start = first
    while start > clause_start and tokens[start - 1].text not in _CLAUSE_ENDS:
        start -= 1
    words = [without_conjunction(t.norm) for t in tokens[start:first]]
    for k, word in enumerate(words):
        rest = words[k + 1 :]
        if word in _CUSTOMER and rest[:1] and rest[0] in _MAY_OR_MUST:
            return not set(rest[1:]) & _STILL_OURS
        if word in _RAISED and rest[:1] and rest[0] in _MAY_OR_MUST and rest[1:2] == ["be"] and rest[2:3] and rest[2] in _FILED:
            return True
        if word in _AR_FILING and rest[:1] and rest[0] in _AR_FILED and rest[1:2] and rest[1] in _AR_RAISED:
            return True
        pair = (word, rest[0]) if rest else ()
        if word in _AR_CUSTOMER_RIGHT or pair in _AR_CUSTOMER_PAIRS and (pair[0] != _AR_ON or words[k - 1 : k] == [_AR_MUST]):
            # «... ونرد خلال ساعة»: a verb of ours, glued to «و», takes the clause back.
            ours_again = any(t.norm != without_conjunction(t.norm) and t.norm[1:2] == "ن" for t in tokens[start + k + 1 : first])
            return not (set(rest) & _AR_STILL_OURS or ours_again)
    return False


def _verb_first_bound(reader: _Reader, i: int) -> Promise | None:
    """«لا تتجاوز مدة الرد [على المكالمات] ٢٤ ساعة» at i: the quantity a few words after
    the time noun, once «عن» or «على» may have come. The promise begins at «لا», the
    subject naming its measure and channel («الرد», «المكالمات») inside it."""
    j = i + 3
    for _ in range(4):
        if reader.at(j) in _THAN:
            j += 1
        quantity = reader.quantity(j)
        if quantity is not None:
            return Promise(quantity, i, quantity.last)
        if not reader.at(j) or reader.at(j) in _AR_UNITS or _may_start_quantity(reader.at(j)):
            return None
        j += 1
    return None


# "no customer waits more than 5 minutes", «لا نضع العميل على الانتظار أكثر من دقيقتين»:
# more than a time, after a negation in its clause, bounds it. Without the negation it is
# no promise ("calls of more than 5 minutes are logged"); after a condition, a trigger.
_MORE = frozenset(map(normalise, "more أكثر لأكثر".split()))
_MORE_THAN = frozenset(map(normalise, "than من".split()))
# Fewer than _NEGATIONS: «ما» is also "what", and «لم» negates the past, which promises nothing.
_NEGATED_BEFORE = frozenset(map(normalise, "no not never لا لن".split()))
# How far back the negation may be: a clause's verb and its objects.
_NEGATION_REACH = 8


def _negated_more_than(reader: _Reader, i: int) -> Promise | None:
    """"more than" + a time at i, a bound when a negation (and no condition) comes
    before it in its clause, a few words back."""
    quantity = reader.quantity(i + 2)
    if quantity is None:
        return None
    negated = False
    for k in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
        word = reader.at(k)
        if without_conjunction(word) in _CONDITIONS:
            return None
        if word in _CLAUSE_ENDS:
            break
        negated = negated or without_conjunction(word) in _NEGATED_BEFORE or word.endswith("n't")
    return Promise(quantity, i, quantity.last) if negated else None


def _ordinal_ring(reader: _Reader, i: int) -> Promise | None:
    """"before the third ring" or «قبل الرنة الثالثة» at i, as a count of rings."""
    if reader.at(i + 1) == "the" and reader.at(i + 2) in _ORDINALS and reader.at(i + 3) in _RINGS:
        return Promise(Quantity(float(_ORDINALS[reader.at(i + 2)]), "ring", i + 2, i + 3), i, i + 3)
    # "the 3rd ring": the tokeniser splits the digits from their suffix.
    count = _digits(reader.at(i + 2)) if reader.at(i + 1) == "the" else None
    if count is not None and reader.at(i + 3) in _NUMBER_SUFFIXES and reader.at(i + 4) in _RINGS:
        return Promise(Quantity(float(count), "ring", i + 2, i + 4), i, i + 4)
    if reader.at(i + 1) in _RINGS and reader.at(i + 2) in _ORDINALS:
        return Promise(Quantity(float(_ORDINALS[reader.at(i + 2)]), "ring", i + 1, i + 2), i, i + 2)
    return None


_CELL_BOUNDS = [tuple(normalise(w) for w in p.split()) for p in ("under", "below", "less than", "fewer than", "no more than", "max", "maximum")]


# A day named alone, as a cell or a label's value gives it: "Same day", «نفس اليوم»,
# «يوم العمل التالي» (in a sentence Arabic puts «في» before it).
_CELL_NAMED_DAYS = sorted(
    {
        **_NAMED_DAYS,
        **{
            tuple(normalise(w) for w in phrase.split()): unit
            for phrase, unit in (("نفس اليوم", "day"), ("اليوم نفسه", "day"), ("نفس يوم العمل", "business day"), ("يوم العمل نفسه", "business day"))
        },
    }.items(),
    key=lambda item: -len(item[0]),
)


def _named_day(reader: _Reader, i: int, days: Iterable[tuple[tuple[str, ...], str]], glued: bool) -> Quantity | None:
    """The first of `days` named at token i ("same day", «في يوم العمل التالي»), as one day
    or one business day."""
    for phrase, unit in days:
        if reader.phrase_at(i, phrase, glued):
            return Quantity(1.0, unit, i, i + len(phrase) - 1)
    return None


def bare_quantity(tokens: Sequence[Token], start: int = 0) -> Promise | None:
    """A quantity that is all a text says from token `start` ("60 ثانية", "2 business
    days", "[X] ساعات", «من ٢ إلى ٥ دقائق»): a table cell under a column such as
    "Response time" promises it without "within", as the text after a label such as
    "Response time:" does."""
    reader = _Reader(tokens)
    words = [i for i, t in enumerate(tokens) if i >= start and (t.is_word or t.text in ("[", "]", "{{", "}}", "("))]
    # A bound before it changes nothing in a cell: "Under 3 minutes", "Less than 1 hour".
    for bound in _CELL_BOUNDS:
        if len(words) > len(bound) and tuple(reader.at(k) for k in words[: len(bound)]) == bound:
            words = words[len(bound) :]
            break
    if not words:
        return None
    quantity = reader.opened_range(words[0]) or reader.quantity(words[0]) or _named_day(reader, words[0], _CELL_NAMED_DAYS, glued=False)
    if quantity is None or _words_outside_brackets(tokens[_after_qualifier(tokens, quantity.last + 1) :]):
        return None
    return Promise(quantity, words[0], quantity.last)


# What a table cell may say after its quantity without making it anything but a promise:
# when the clock runs («ساعتان خلال أوقات العمل», "4 hours during business hours") and
# for what share of contacts («٢٠ ثانية لـ٨٠٪ من المكالمات», "20 seconds for 80% of calls").
_SERVICE_HOURS = [tuple(normalise(w) for w in p.split()) for p in (
    "خلال أوقات العمل", "خلال ساعات العمل", "أثناء أوقات العمل", "أثناء ساعات العمل", "في أوقات العمل",
    "في ساعات العمل", "خلال أوقات الدوام", "خلال ساعات الدوام", "أثناء الدوام", "في أوقات الدوام",
    "في أيام العمل", "خلال الدوام الرسمي", "أثناء الدوام الرسمي",
    "during business hours", "during working hours", "during opening hours", "during office hours",
    "in business hours", "in working hours", "in opening hours", "in office hours", "on business days",
    "on working days",
)]
_PERCENT_SIGNS = frozenset({"%", "٪", "percent"})


def share_of(tokens: Sequence[Token], start: int, promise: Promise) -> float | None:
    """The share of contacts a promise is for, in percent: the last one in its clause
    before it ("80% of calls within 20 seconds", «٨٠٪ من المكالمات خلال ٢٠ ثانية»), else
    one right after it ("within 20 seconds for 80% of calls", «لـ٨٠٪ من المكالمات», "calls
    answered within 20 seconds: 80%").
    "80% within 20 seconds and 95% within 60 seconds" is two promises, not a conflict."""
    for k in range(promise.first - 1, start - 1, -1):
        if tokens[k].text in _CLAUSE_ENDS:
            break  # "We resolve 80% at first contact, and reply within 24 hours": no share
        value = _percent_at(tokens, k)
        if value is not None:
            return value
    k = promise.last + 1
    # "for 80% of chats"; or a key figure's value after its colon: «نسبة الرد على
    # المكالمات خلال ٢٠ ثانية: ٨٠٪», "Calls answered within 20 seconds: 80%".
    return _percent_at(tokens, k + 1 if k < len(tokens) and (tokens[k].norm == "for" or tokens[k].text in (":", "：")) else k)


def _percent_at(tokens: Sequence[Token], k: int) -> float | None:
    """A number and a percent sign at token k («و٩٥٪» and «لـ٨٠٪» with what is glued to it)."""
    if k + 1 >= len(tokens) or tokens[k + 1].norm not in _PERCENT_SIGNS:
        return None
    number = tokens[k].norm.lstrip("وفل")
    return _digits(number)


def _after_qualifier(tokens: Sequence[Token], k: int) -> int:
    """The index after a qualifier that starts at token k, else k."""
    norms = [t.norm for t in tokens[k : k + 4]]
    for phrase in _SERVICE_HOURS:
        if tuple(norms[: len(phrase)]) == phrase:
            return k + len(phrase)
    # "for 80% of calls", «لـ٨٠٪ من المكالمات» (the preposition glued to the number):
    # the share and all that follows, which says what it is a share of.
    if norms[:1] == ["for"]:
        number, share_at = (norms[1:2] or [""])[0], 2
    else:
        number, share_at = (norms[0][1:] if norms and norms[0][:1] == "ل" else ""), 1
    if number.replace(".", "", 1).isdigit() and norms[share_at : share_at + 1] and norms[share_at] in _PERCENT_SIGNS:
        return len(tokens)
    return k


def _words_outside_brackets(tokens: Sequence[Token]) -> bool:
    """Is there a word outside parentheses? A note in brackets after the quantity ("4
    hours (9am–6pm)", «٢٤ ساعة (أيام العمل)») leaves it all the cell says."""
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif token.is_word and depth == 0:
            return True
    return False


# What a time written as an adjective may bound: "a 4-hour response", "a 24-hour
# turnaround", "a one-hour response time", "1h response". Not "24-hour service" (opening).
_MEASURES_AFTER = frozenset(
    "response responses reply replies answer turnaround resolution fix callback call-back acknowledgement acknowledgment".split()
)


def _time_before_its_measure(reader: _Reader, i: int) -> Promise | None:
    """A number, a unit (hyphenated or not) and a reply word right after them."""
    number = reader.number(i)
    if number is None:
        return None
    value, j = number
    unit = reader.unit(j + 2 if reader.at(j + 1) == "-" else j + 1)
    if unit is None or reader.at(unit[2] + 1) not in _MEASURES_AFTER:
        return None
    return Promise(Quantity(value, unit[0], i, unit[2]), i, unit[2] + 1, measure_after=True)


# How far after a promise "and"/"or" may bring a second time without its promise word:
# "within 3-5 days in Riyadh, and 5-7 days elsewhere".
_ELIDED_REACH = 6
_ELIDED_JOINERS = frozenset({"and", "or", "و", normalise("أو")})
# "... and 3 days later we follow up": a time counted from another, not a second bound.
_RELATIVE_AFTER = frozenset(map(normalise, ("later", "after", "before", "ago", "earlier", "afterwards", "بعد", "قبل", "لاحقا", "بعدها")))


def _elided(reader: _Reader, i: int, before: Quantity) -> Promise | None:
    """A second time the sentence promises without saying "within" again, right after
    "and", "or", «و» or «أو» a few words after a promise (from token i): "within 7 days,
    or 14 days for sealed electronics", «خلال ٣-٥ أيام عمل داخل الرياض، و٥-٧ أيام عمل
    لباقي المدن» (the «و» glued to the number). Not a smaller unit right after the first
    time: "within 1 hour and 30 minutes" is one time."""
    for k in range(i, min(i + _ELIDED_REACH, len(reader.words))):
        word = reader.at(k)
        if word in (".", "!", "?", "؟", ";", "؛", "(", ")"):
            return None
        if word in _ELIDED_JOINERS:
            at, quantity = k, reader.quantity(k + 1)
        elif word[:1] == "و" and word[1:2].isdecimal():
            # «و٥»: read the number without its «و», and put the word back.
            at, reader.words[k] = k, word[1:]
            try:
                quantity = reader.quantity(k)
            finally:
                reader.words[k] = word
        else:
            continue
        if quantity is None or quantity.value is None or before.value is None or quantity.dimension != before.dimension:
            return None
        if k == i and quantity.in_base_units() < before.in_base_units() or reader.at(quantity.last + 1) in _RELATIVE_AFTER:
            return None
        return Promise(quantity, at, quantity.last, continues=True)
    return None


# Every word that can open a promise below, with a conjunction glued to it or without
# (besides the quantities themselves: _may_start_quantity). A word outside them all, as
# most words of a sentence are, is passed over in two lookups instead of a dozen tests.
_OPENERS = _BEFORE_FIRST | _MORE | _NOT | _NAMED_DAYS_FIRST | _BY_ORDINAL | _RANGE_OPENERS | {"in", _FI, _HATTA}


def find_promises(tokens: Sequence[Token]) -> list[Promise]:
    """Every promise of an upper bound in a sentence's tokens, in order."""
    if isinstance(tokens, Tokens):
        return tokens.remembered(find_promises, _find_promises)
    return _find_promises(tokens)


def _find_promises(tokens: Sequence[Token]) -> list[Promise]:
    reader = _Reader(tokens)
    if not any(map(_may_start_quantity, reader.words)) and _NAMED_DAY.isdisjoint(reader.words) and _RINGS.isdisjoint(reader.words):
        return []  # every promise has a quantity, names a day or a ring, and most sentences do none
    promises: list[Promise] = []
    i = 0
    while i < len(reader.words):
        found = None
        word = reader.at(i)
        bare = without_conjunction(word)
        may_be_quantity = _may_start_quantity(word)
        if word not in _OPENERS and bare not in _OPENERS and not may_be_quantity:
            i += 1
            continue
        before = _BEFORE_BY_FIRST.get(word, [])
        if bare != word and bare in _BEFORE_BY_FIRST:
            before = sorted(before + _BEFORE_BY_FIRST[bare])
        for _place, phrase in before:
            if not reader.phrase_at(i, phrase, glued=True):
                continue
            if reader.at(i - 1) in _NOT_AFTER.get(phrase, ()):
                continue
            j = i + len(phrase)
            # "within a day" before the fillers are passed over: "a" is one of them.
            quantity = reader.quantity(j) if reader.at(j) in _EN_ARTICLES else None
            while quantity is None and reader.at(j) in _FILLERS:
                j += 1
            quantity = quantity or reader.quantity(j)
            if quantity is not None:
                found = Promise(quantity, i, quantity.last)
                break
        if found is None and (word in _MORE or bare in _MORE) and reader.at(i + 1) in _MORE_THAN:
            found = _negated_more_than(reader, i)
        if found is None and bare in _NOT and reader.at(i + 1) in _EXCEED and reader.at(i + 2) in _TIME_NOUNS:
            found = _verb_first_bound(reader, i)
        if found is None and (word in _NAMED_DAYS_FIRST or bare in _NAMED_DAYS_FIRST):
            day = _named_day(reader, i, _NAMED_DAYS.items(), glued=True)
            if day is not None:
                found = Promise(day, i, day.last)
        if found is None and bare in _BY_ORDINAL:
            found = _ordinal_ring(reader, i)
        if found is None and word == "in":
            # "80% of calls answered in 20 seconds", "in the next 24 hours": "in" right
            # before the quantity. Not past other words: "in the first 2 weeks of
            # employment" is a period, not a wait.
            j = i + 3 if reader.at(i + 1) == "the" and reader.at(i + 2) == "next" else i + 1
            # "answered in an average of 45 seconds": a target for the mean (below).
            if (reader.at(j), reader.at(j + 1), reader.at(j + 2)) == ("an", "average", "of"):
                j += 3
            quantity = reader.quantity(j)
            if quantity is not None:
                found = Promise(quantity, i, quantity.last)
        if found is None and bare == _FI:
            # «نرد على المحادثات في ٢٠ ثانية», as "in" above; but a unit alone is no count
            # after «في»: «في ساعة متأخرة» is "late at night", «في يوم الجمعة» "on Friday".
            quantity = reader.quantity(i + 1) if reader.at(i + 1) not in _AR_UNITS else None
            if quantity is not None:
                found = Promise(quantity, i, quantity.last)
        if found is None and bare == _HATTA and _AR_UNITS.get(reader.at(i + 1), (None, None))[1] != 1:
            quantity = reader.quantity(i + 1)
            if quantity is not None:
                found = Promise(quantity, i, quantity.last)
        if found is None and bare in _RANGE_OPENERS:
            quantity = reader.opened_range(i)
            if quantity is not None:
                found = Promise(quantity, i, quantity.last)
        if found is None and may_be_quantity:
            found = _time_before_its_measure(reader, i)
        if found is None and may_be_quantity:
            quantity = reader.quantity(i)
            if quantity is not None and reader.at(quantity.last + 1) in _AFTER_FIRST and any(reader.phrase_at(quantity.last + 1, p, glued=False) for p in _AFTER):
                found = Promise(quantity, i, quantity.last)
        if found is not None:
            near = (found.first - 3, found.first - 2, found.first - 1, *range(found.first + 1, found.quantity.first), found.last + 1)
            near = [k for k in near if reader.at(k) in _AVERAGE_FIRST or without_conjunction(reader.at(k)) in _AVERAGE_FIRST]
            if any(reader.phrase_at(k, p, glued=True) for k in near for p in _AVERAGE):
                found = Promise(found.quantity, found.first, found.last, average=True)
            promises.append(found)
            i = found.last + 1
            # "within 24 hours (48 hours at weekends)", «خلال يوم (يومان في العطل)»: a time
            # in brackets right after a promise is a second promise, for other cases.
            bracketed = reader.quantity(i + 1) if reader.at(i) == "(" else None
            if bracketed is not None:
                promises.append(Promise(bracketed, i + 1, bracketed.last))
                i = bracketed.last + 1
            elided = _elided(reader, i, found.quantity)
            if elided is not None:
                promises.append(elided)
                i = elided.last + 1
        else:
            i += 1
    return promises
