"""Template slots: the gaps a template leaves for the author ("[عنوان البريد الإلكتروني]",
"{{ company }}", "<Company>"). Text in a slot says nothing about the policy: a title
that is only "[اسم الشركة]" names nothing, a contact section that only has
"[رقم الهاتف]" gives no number. (Reporting slots is the placeholders pack's job.)"""

from __future__ import annotations

import regex

SLOT = regex.compile(r"\[[^\]\n]*\]|\{\{[^}\n]*\}\}|<[^>\n]*>")


def blank_slots(text: str) -> str:
    """The text with every slot turned into spaces; offsets do not move."""
    return SLOT.sub(lambda m: " " * len(m[0]), text)
