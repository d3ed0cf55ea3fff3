"""text/camel.py gives exactly what camel-tools gives: the word tokeniser on every code
point and on real policies, and the Arabic normalisers. camel-tools is installed for the
tests only (it depends on PyTorch); policylint itself does not need it."""

from __future__ import annotations

import sys

import pytest
from conftest import real_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.text import camel

word = pytest.importorskip("camel_tools.tokenizers.word")
dediac = pytest.importorskip("camel_tools.utils.dediac")
normalize = pytest.importorskip("camel_tools.utils.normalize")


def camel_fold(text: str) -> str:
    text = dediac.dediac_ar(text)
    text = normalize.normalize_alef_ar(text)
    text = normalize.normalize_alef_maksura_ar(text)
    return normalize.normalize_teh_marbuta_ar(text)


# All of Unicode in eight slices, so that the test runner's workers share them.
SLICES = 8


@pytest.mark.parametrize("part", range(SLICES))
def test_every_code_point_tokenises_and_folds_as_in_camel_tools(part):
    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    size = -(-len(points) // SLICES)
    points = points[part * size : (part + 1) * size]
    # Each character alone, between letters, and after a digit, in chunks.
    for i in range(0, len(points), 2048):
        chunk = points[i : i + 2048]
        for text in ("".join(chunk), " ".join(chunk), "".join(f"ب{c}1{c}x" for c in chunk)):
            assert camel.word_tokenize(text) == word.simple_word_tokenize(text)
            assert camel.fold_arabic(text) == camel_fold(text)


def test_every_emoji_sequence_tokenises_as_in_camel_tools():
    from emoji import EMOJI_DATA

    for sequence in EMOJI_DATA:
        for text in (sequence, f"قبل{sequence}بعد", f"x {sequence}{sequence}!"):
            assert camel.word_tokenize(text) == word.simple_word_tokenize(text), sequence


def test_real_policies_and_the_seeds_tokenise_as_in_camel_tools():
    texts = real_texts()
    assert texts
    for text in texts:
        assert camel.word_tokenize(text) == word.simple_word_tokenize(text)
        assert camel.fold_arabic(text) == camel_fold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_generated_text_tokenises_as_in_camel_tools(text):
    assert camel.word_tokenize(text) == word.simple_word_tokenize(text)
    assert camel.fold_arabic(text) == camel_fold(text)
