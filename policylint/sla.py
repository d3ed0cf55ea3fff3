"""`policylint sla`: the service levels of many policies side by side, and where they
disagree. The seed asks a policy to agree with the organisation's other documents, so a
live-chat promise of 2 minutes in the policy and 5 in the code of conduct is a conflict
even though each document is consistent on its own."""

from __future__ import annotations

import json

from policylint.across import Row, conflicts, document_rows
from policylint.commitments import Commitment
from policylint.runner import InputError, Loaded, each_document
from policylint.text.counting import ArabicForms, arabic_noun, english_noun
from policylint.text.tokens import normalise

# Unit names as the table shows them, in a column beside the quantity: English (one,
# more); Arabic as it counts its nouns (text/counting.py), «45 ثانية» and «24 ساعة».
EN_UNITS = {
    "ring": ("ring", "rings"), "second": ("second", "seconds"), "minute": ("minute", "minutes"),
    "hour": ("hour", "hours"), "day": ("day", "days"), "business day": ("business day", "business days"),
    "week": ("week", "weeks"), "month": ("month", "months"),
}  # fmt: skip
AR_UNITS = {
    "ring": ArabicForms("رنة", "رنتان", "رنات", "رنة", "رنة"),
    "second": ArabicForms("ثانية", "ثانيتان", "ثوانٍ", "ثانية", "ثانية"),
    "minute": ArabicForms("دقيقة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"),
    "hour": ArabicForms("ساعة", "ساعتان", "ساعات", "ساعة", "ساعة"),
    "day": ArabicForms("يوم", "يومان", "أيام", "يوم", "يوم"),
    "business day": ArabicForms("يوم عمل", "يوما عمل", "أيام عمل", "يوم عمل", "يوم عمل"),
    "week": ArabicForms("أسبوع", "أسبوعان", "أسابيع", "أسبوع", "أسبوع"),
    "month": ArabicForms("شهر", "شهران", "أشهر", "شهر", "شهر"),
}


def unit_name(unit: str, value: float | None, locale: str) -> str:
    """The unit as it reads after the quantity. A placeholder ("[X]") takes the plural,
    as the templates write it («خلال [X] ساعات»)."""
    if locale == "en":
        return english_noun(value, *EN_UNITS[unit])
    return AR_UNITS[unit].few if value is None else arabic_noun(value, AR_UNITS[unit])


AVERAGE = {"en": " (average)", "ar": " (متوسط)"}
HEADERS = {
    "en": ("channel", "measure", "quantity", "unit", "where"),
    "ar": ("القناة", "المقياس", "المقدار", "الوحدة", "الموضع"),
}
# Shown after the measure when a table row or list label says whom a promise is for
# ("| Pro plan | Email | 8 hours |"), or its clause when ("at weekends"): promises for
# different customers or circumstances do not conflict.
SEGMENT_HEADER = {"en": "for", "ar": "الفئة"}
CONFLICT = {
    "en": "{where}: {channel}, {measure}: “{promise}” contradicts “{first}” in {first_where}",
    "ar": "{where}: {channel}، {measure}: «{promise}» يخالف «{first}» في {first_where}",
}


def _for_whom(commitment: Commitment) -> str:
    """The "for" column: the plan or priority, and the circumstances ("at weekends"),
    unless the plan already says them: "P1 – Critical", not "P1 – Critical, Critical"."""
    segment, when = commitment.segment, commitment.when_text
    if when and normalise(when) in normalise(segment):
        return segment
    return ", ".join(part for part in (segment, when) if part)


def _share(share: float | None, locale: str) -> str:
    """ (80%) after the measure of a promise for a share of contacts; Arabic writes ٪."""
    if share is None:
        return ""
    return f" ({share:g}%)" if locale == "en" else f" ({share:g}٪)"


def table(loaded: list[Loaded], errors: list[InputError]) -> tuple[list[Row], list[tuple[Row, Row]]]:
    """Every commitment of every document, and the pairs that contradict each other; a
    document that cannot be read to the end is added to `errors`."""
    per_document = each_document(loaded, lambda item: document_rows(item.doc, item.ruleset, item.settings), errors)
    rows = sorted((row for found in per_document for row in found), key=Row.sort_key)
    return rows, conflicts(rows)


def render_text(rows: list[Row], conflicts: list[tuple[Row, Row]], locale: str) -> str:
    segments = any(_for_whom(row.commitment) for row in rows)
    header = HEADERS[locale]
    cells = [header[:2] + (SEGMENT_HEADER[locale],) + header[2:] if segments else header]
    for row in rows:
        c = row.commitment
        line = (
            row.vocab.label("channel", c.channel)[locale],
            row.vocab.label("measure", c.measure)[locale] + (AVERAGE[locale] if c.average else "") + _share(c.share, locale),
            row.quantity(), unit_name(c.quantity.unit, c.quantity.value, locale), f"{row.path}:{row.line}",
        )  # fmt: skip
        cells.append(line[:2] + (_for_whom(c),) + line[2:] if segments else line)
    widths = [max(len(line[i]) for line in cells) for i in range(len(cells[0]))]
    out = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in cells]
    if not rows:
        out.append("(no commitments found)" if locale == "en" else "(لم يُعثر على التزامات)")
    if conflicts:
        out.append("")
        out.append("conflicts:" if locale == "en" else "تعارضات:")
        for first, later in conflicts:
            c = later.commitment
            out.append(CONFLICT[locale].format(
                where=later.where, channel=later.vocab.label("channel", c.channel)[locale],
                measure=later.vocab.label("measure", c.measure)[locale], promise=" ".join(c.text.split()),
                first=" ".join(first.commitment.text.split()), first_where=first.where,
            ))  # fmt: skip
    return "\n".join(out) + "\n"


def render_json(rows: list[Row], conflicts: list[tuple[Row, Row]], errors: list[InputError]) -> str:
    data = {
        "commitments": [row.as_json() for row in rows],
        "conflicts": [
            {"channel": later.commitment.channel, "measure": later.commitment.measure,
             "first": first.as_json(), "second": later.as_json(), "across_files": first.path != later.path}
            for first, later in conflicts
        ],
        "errors": [e.as_json() for e in errors],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

