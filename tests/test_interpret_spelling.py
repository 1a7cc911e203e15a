"""Ask in words, typed in haste or in traditional characters: the slips the interpreter reads through
(safetykg/query/slips.py, its words in safetykg/data/queries/spelling.toml), and the words it leaves as typed.

Each test was checked to fail with its rule off (noted in its docstring)."""

from safetykg.query.interpret import Interpreter
from safetykg.query.slips import Fixed, simplified

ID = "https://w3id.org/safetykg/id/"


def _reads(interpreter: Interpreter, text: str, question: str, params: dict[str, str]) -> list[dict[str, object]]:
    reading = interpreter.interpret(text)
    assert reading.confident and reading.question == question, (text, reading.missing)
    assert reading.params == params, text
    return reading.evidence


def test_traditional_characters_are_read_simplified_the_evidence_as_typed(interpreter: Interpreter) -> None:
    """Off (no OpenCC conversion): 貴陽 and 行業主管部門 are unread, the reading misses its values."""
    said = _reads(
        interpreter,
        "貴陽的規範列了哪幾種問責方式？",
        "accountability-measures",
        {"jurisdiction": ID + "jurisdiction/guiyang"},
    )
    assert {"text": "貴陽", "param": "jurisdiction", "value": ID + "jurisdiction/guiyang"} in said
    _reads(
        interpreter,
        "新疆細則認定為行業主管部門的有哪幾個部門？",
        "designations-by-type",
        {"jurisdiction": ID + "jurisdiction/xinjiang", "type": ID + "designation-type/industry-authority"},
    )


def test_a_free_text_value_in_traditional_characters_is_given_simplified(interpreter: Interpreter) -> None:
    """The texts are simplified, so is the term searched for in them. Off (no OpenCC conversion and no homophone
    slips, which read 決 as 决 too): the term is 一票否決."""
    reading = interpreter.interpret("河北細則裡哪些條文提到了「一票否決」？")
    assert reading.confident and reading.question == "provisions-mentioning"
    assert reading.params == {"term": "一票否决", "jurisdiction": ID + "jurisdiction/hebei"}


def test_a_conversion_keeps_one_character_for_each_typed() -> None:
    """Characters stand where they were typed; simplified text stays as it is (t2s, not tw2s: 显著 is no 显着)."""
    assert simplified("鄉鎮一級的職責") == "乡镇一级的职责"
    assert simplified("显著的干部") == "显著的干部"
    fixed = Fixed(
        "xingjiang depts", "xinjiang departments", (0,) * 8 + (8,) + (10,) * 11, (9,) * 8 + (10,) + (15,) * 11
    )
    assert fixed.as_typed_words("xinjiang") == "xingjiang" and fixed.as_typed_words("departments") == "depts"


def test_a_label_typed_with_a_homophone_is_read_as_the_label(interpreter: Interpreter) -> None:
    """Off (no homophone slips): 县伟书记 has no level, 新彊 and 烟花爆烛 no values, 保账义务 no type."""
    said = _reads(
        interpreter,
        "县伟书记的安全生产频次要求有哪些",
        "frequency-requirements",
        {"role": ID + "role/principal-leader", "level": ID + "level/county"},
    )
    assert "县伟书记" in {e["text"] for e in said}
    _reads(
        interpreter,
        "新彊烟花爆烛归哪些部门监管",
        "departments-regulating-hazard",
        {"jurisdiction": ID + "jurisdiction/xinjiang", "hazard": ID + "domain/fireworks"},
    )
    _reads(
        interpreter,
        "诫免这个问责方式哪几个地方有",
        "accountability-measures",
        {"measure": ID + "accountability-measure/admonition"},
    )


def test_a_fuzzy_final_of_the_input_method_is_a_homophone(interpreter: Interpreter) -> None:
    """生厂 for 生产 (chang, chan: spelling.toml's fuzzy_finals). Off (no fuzzy finals): the role is unread."""
    _reads(
        interpreter,
        "贵阳分管安全生厂的负责人都有啥职责",
        "duties-of-role",
        {"jurisdiction": ID + "jurisdiction/guiyang", "role": ID + "role/deputy-in-charge-of-safety"},
    )


def test_words_of_the_language_are_no_slips(interpreter: Interpreter) -> None:
    """A character typed in a word of its own (解释工作: not 施工), a word as typed (板子: not 班子) and one of the
    commonest characters (各地是: not 地市) stay as typed. Off (no word check): 解释工作 is read as construction work
    and the question's answer is confidently wrong."""
    _reads(
        interpreter,
        "河北细则的解释机关是谁？具体解释工作又是由哪个部门承担的？",
        "interpretation",
        {"jurisdiction": ID + "jurisdiction/hebei"},
    )
    for text, label in [
        ("湖北那边出了较大事故，板子打到哪一级党委政府和监管部门？", "班子"),
        ("各地是怎么写的", "地市"),
    ]:
        fixed = interpreter.slips.read(text)
        assert not [s for s in interpreter.slips.homophones(fixed.text, []) if s[3] == label], text


def test_an_english_misspelling_is_read_as_the_word_known(interpreter: Interpreter) -> None:
    """One edit from one word of a label or phrase (xingjiang, hazzardous, hubie, princpal). Off: no place, no
    hazard, no role."""
    said = _reads(
        interpreter,
        "xingjiang which depts regulate hazzardous chemicals",
        "departments-regulating-hazard",
        {"jurisdiction": ID + "jurisdiction/xinjiang", "hazard": ID + "domain/hazardous-chemicals"},
    )
    assert {"text": "xingjiang", "param": "jurisdiction", "value": ID + "jurisdiction/xinjiang"} in said
    _reads(
        interpreter,
        "compare princpal leader duties across all five jurisdictions",
        "role-across-jurisdictions",
        {"role": ID + "role/principal-leader"},
    )


def test_an_english_word_of_the_language_is_no_misspelling(interpreter: Interpreter) -> None:
    """backing is a word (not lacking), nor is a plural or a possessive a slip. Off (no English word list): backing
    is read as lacking."""
    for text in ["departments tasked with backing up work safety", "the people's government", "which posts"]:
        assert not interpreter.slips.read(text).slips, text


def test_text_speak_is_read_as_its_words(interpreter: Interpreter) -> None:
    """wht, freq, n (spelling.toml's shorthand), as written: at least N times is no text-speak. Off (no shorthand):
    no question is read."""
    _reads(
        interpreter,
        "wht are the responsiblities of principal leaders in hebei",
        "duties-of-role",
        {"jurisdiction": ID + "jurisdiction/hebei", "role": ID + "role/principal-leader"},
    )
    _reads(
        interpreter,
        "all freq requirements at township level",
        "frequency-requirements",
        {"level": ID + "level/township"},
    )
    assert not interpreter.slips.read('every "at least N times" requirement').slips
