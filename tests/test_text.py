"""The language layer, table-driven: normalisation, tokens, sentences, matching."""

import pytest

from policylint.text import arabic
from policylint.text.detect import detect_language
from policylint.text.sentences import split
from policylint.text.tokens import find_phrase, normalise, phrase_words, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("العَمِيلُ", "العميل"),  # diacritics
        ("العمـــيل", "العميل"),  # tatweel
        ("أإآا", "اااا"),  # alef forms
        ("فى", "في"),  # alef maksura
        ("سياسة", "سياسه"),  # teh marbuta
        ("\u200fالنطاق\u200e", "النطاق"),  # directional marks
        ("٣ أيام و۴ ساعات", "3 ايام و4 ساعات"),  # Arabic-Indic and Persian digits
        ("SLA الـ", "sla ال"),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "word, entry",
    [
        ("النطاق", "النطاق"),
        ("نطاق", "النطاق"),
        ("ونطاق", "النطاق"),
        ("والنطاق", "النطاق"),
        ("بالنطاق", "النطاق"),
        ("للعملاء", "العملاء"),
        ("فللعملاء", "العملاء"),
        ("رؤيتنا", "رؤيه"),  # enclitic, with teh marbuta restored
        ("مهمتنا", "المهمه"),
        ("الsla", "sla"),  # "الـSLA" after tatweel removal
    ],
)
def test_clitic_aware_match(word, entry):
    assert arabic.words_match(word, entry)


@pytest.mark.parametrize("word, entry", [("تمكن", "تم"), ("يتمكن", "تم"), ("كاف", "كافه")])
def test_short_words_are_not_taken_apart(word, entry):
    # "تمكن" is not "تم" + the suffix كن: a stem keeps at least three letters.
    assert not arabic.words_match(word, entry)


def test_tokens_keep_offsets_in_arabic():
    text = "يتم الرد خلال ٣٫٥ ساعة، على a.b@example.com والـSLA."
    tokens = tokenize(text, "ar", base=100)
    for token in tokens:
        assert text[token.start - 100 : token.end - 100] == token.text
    assert [t.text for t in tokens if t.is_word] == ["يتم", "الرد", "خلال", "٣٫٥", "ساعة", "على", "a.b@example.com", "والـSLA"]


def test_phrase_found_across_clitics_and_spelling():
    tokens = tokenize("وبموجب هذه السياسة يتعيّن على الموظف", "ar")
    assert find_phrase(tokens, phrase_words("يتعين على")) == [(3, 4)]
    assert find_phrase(tokens, phrase_words("بموجب")) == [(0, 0)]


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("نرد خلال 3.5 ساعة. هل لديك سؤال؟ راسلنا!", ["نرد خلال 3.5 ساعة.", "هل لديك سؤال؟", "راسلنا!"]),
        ("نرد بسرعة، ونتابع الطلب؛ ثم نغلقه.", ["نرد بسرعة، ونتابع الطلب؛", "ثم نغلقه."]),  # ، does not end, ؛ does
        ("المدة ٣٫٥ يوم. التالي", ["المدة ٣٫٥ يوم.", "التالي"]),
        ("سنكون: • مهذبين • سريعين", ["سنكون:", "مهذبين", "سريعين"]),  # inline bullets
        ("Email care@example.com today. Dr. Smith replies, e.g. within 2 hours.", ["Email care@example.com today.", "Dr. Smith replies, e.g. within 2 hours."]),
        ("١. النطاق", ["١. النطاق"]),  # numbering is not a sentence end
        # A line opening with a label starts a sentence; a wrapped line does not.
        ("**المالك:** إدارة العملاء\n**الإصدار:** 2.1", ["**المالك:** إدارة العملاء", "**الإصدار:** 2.1"]),
        ("We reply to every message\nwithin one business day.", ["We reply to every message\nwithin one business day."]),
        ("Owner: Support team\nNext review: 2027-01-01\nIt applies to: all staff", ["Owner: Support team", "Next review: 2027-01-01", "It applies to: all staff"]),
        ("We reply in\nfive short simple plain words: fast.", ["We reply in\nfive short simple plain words: fast."]),  # the line before is no label
        ("We serve three groups of\ncustomers: retail, business and public.", ["We serve three groups of\ncustomers: retail, business and public."]),  # the line before is prose
        # A dotted abbreviation goes on before a word in lower case, ends before a capital.
        ("We open at 9 a.m. every day. Our U.S. office closes at 5 p.m. Calls to the U.K. office",
         ["We open at 9 a.m. every day.", "Our U.S. office closes at 5 p.m.", "Calls to the U.K. office"]),
    ],
)
def test_sentence_split(text, sentences):
    assert [text[s:e] for s, e, _ in split(text)] == sentences


@pytest.mark.parametrize(
    "text, lang",
    [("تنطبق هذه السياسة على جميع الموظفين", "ar"), ("This policy applies to all staff", "en"), ("FAQ", None)],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_a_line_split_off_at_a_label_continues_its_sentence_only_after_a_kept_one():
    # "Done." is no label: it ends the second line's sentence; what follows starts anew.
    assert [c for _, _, c in split("Owner: A\nVersion: 2\nDone. Owner: B")] == [False, True, False]
    # After a full stop a new sentence starts anyway; a leading line with no word is no sentence to continue.
    assert [c for _, _, c in split("Done.\nOwner: A")] == [False, False]
    assert [c for _, _, c in split("**\nOwner: A\nVersion: 2")] == [False, True]


def _in_presentation_forms(text: str) -> str:
    """Arabic as a PDF hands it over: each letter in a presentation form (the isolated
    one here), lam-alef as its ligature."""
    import unicodedata

    isolated = {
        unicodedata.normalize("NFKC", chr(code)): chr(code)
        for code in range(0xFE70, 0xFEFD)
        if unicodedata.name(chr(code), "").endswith("ISOLATED FORM")
    }
    return "".join(isolated.get(char, char) for char in text.replace("لا", "\ufefb"))


@pytest.mark.parametrize("name", ["templates/handbook.md", "templates/service-standards.md", "incomplete/ar-no-review-date.md"])
def test_arabic_copied_out_of_a_pdf_is_read_as_its_letters(tmp_path, name):
    # Presentation forms matched no word list, no section name, no date: a template
    # copied out of a PDF passed as a policy of no known kind with hardly a finding.
    import json

    from conftest import FIXTURES, TODAY, run

    original = (FIXTURES / name).read_text(encoding="utf-8")
    copied = tmp_path / "copied.md"
    copied.write_text(_in_presentation_forms(original), encoding="utf-8")
    assert copied.read_text(encoding="utf-8") != original

    def found(path) -> list[tuple[str, int]]:
        report = run("--today", TODAY, "--format", "json", str(path)).stdout
        return [(f["code"], f["line"]) for f in json.loads(report)["findings"]]

    read = found(copied)
    assert [f for f in read if f[0] != "DOC110"] == found(FIXTURES / name)
    assert [code for code, _ in read].count("DOC110") == 1  # and the advice to convert it, once


def test_persian_yeh_and_keheh_are_the_arabic_letters_they_look_like(lint_json, tmp_path):
    # «سیاسة» and «الشکاوى», typed on a Persian keyboard, matched neither the kind's title
    # nor the complaints section's name nor «يتم».
    assert normalise("سیاسة الشکاوى") == normalise("سياسة الشكاوى")
    policy = tmp_path / "policy.md"
    policy.write_text("# سیاسة خدمة العملاء\n\n## الشکاوى\n\nنرد على الشکاوى خلال يومين ویتم تسجيلها.\n", encoding="utf-8")
    codes = lint_json(str(policy)).codes()
    assert "PL003" not in codes and "CSP113" not in codes and "PLA102" in codes


def test_brackets_pandoc_escaped_are_a_placeholder_shown_as_read(lint_json, tmp_path):
    # pandoc writes a Word template's brackets escaped, "\[الشركة\]": the message showed
    # "[الشركة\]", with one of the backslashes.
    policy = tmp_path / "policy.md"
    policy.write_text("# سياسة خدمة العملاء\n\nتلتزم شركة \\[الشركة\\] بخدمة عملائها.\n", encoding="utf-8")
    [finding] = lint_json("--select", "PLH101", str(policy)).findings
    assert (finding["line"], finding["column"]) == (3, 13)
    assert "[الشركة]؛" in finding["message"]
    # Nor does a commitment's placeholder get a space where the backslash was («[X ]»).
    policy.write_text("# سياسة خدمة العملاء\n\nنرد خلال \\[X\\] ساعات.\n", encoding="utf-8")
    [finding] = lint_json("--select", "SLA102", str(policy)).findings
    assert "مكان «[X]»" in finding["message"]
