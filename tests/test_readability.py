"""Arabic readability is OSMAN as its authors' reference implementation computes it."""

from __future__ import annotations

import pytest

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
