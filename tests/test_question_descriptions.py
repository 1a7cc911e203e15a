"""Question descriptions in the page's language: every canned question's header describes it in zh and en
(``description: {zh: …, en: …}``); the old plain-string form still serves both, and a mapping that lacks a
language is refused, naming the file."""

import re
from pathlib import Path

import pytest

from safetykg.query.questions import QuestionError, load_questions, parse_question
from safetykg.web.ui_views import gallery_body, question_form
from tests.test_docs import HOOKS

QUESTIONS = load_questions()
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_every_packaged_question_is_described_in_chinese_and_english(qid: str) -> None:
    question = QUESTIONS[qid]
    assert CHINESE.search(question.description_zh), (qid, question.description_zh)
    assert "`" not in question.description_zh, qid
    assert "`" not in question.description, qid
    assert question.description.strip() and question.description != question.description_zh, qid
    assert question.describe("zh") == question.description_zh and question.describe("en") == question.description


def question_file(tmp_path: Path, description: str) -> Path:
    path = tmp_path / "described.rq"
    path.write_text(
        "#+ title:\n#+   zh: 测试\n#+   en: Test\n" + description + "#+ params: []\nSELECT ?x WHERE { ?x ?p ?o }\n",
        encoding="utf-8",
    )
    return path


def test_a_plain_string_description_still_serves_both_languages(tmp_path: Path) -> None:
    question = parse_question(question_file(tmp_path, "#+ description: >\n#+   A question written\n#+   for a test\n"))
    assert question.description == question.description_zh == "A question written for a test"


def test_a_mapping_gives_each_language_its_own_text(tmp_path: Path) -> None:
    header = "#+ description:\n#+   zh: >\n#+     测试用的问题\n#+   en: >\n#+     A question for a test\n"
    question = parse_question(question_file(tmp_path, header))
    assert (question.description_zh, question.description) == ("测试用的问题", "A question for a test")


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("#+ description:\n#+   zh: 测试用的问题\n", "needs its en text"),
        ("#+ description:\n#+   en: A question for a test\n", "needs its zh text"),
        ("#+ description:\n#+   zh: 测试\n#+   en: ''\n", "needs its en text"),
        ("#+ description:\n#+   zh: 测试\n#+   en: Test\n#+   fr: Essai\n", "unknown key(s) fr"),
    ],
)
def test_a_description_mapping_without_both_languages_is_refused_naming_the_file(
    tmp_path: Path, header: str, said: str
) -> None:
    path = question_file(tmp_path, header)
    with pytest.raises(QuestionError) as caught:
        parse_question(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:4: description "), message
    assert said in message and "{zh: …, en: …}" in message, message


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_question_page_is_described_in_its_language(lang: str) -> None:
    question = QUESTIONS["regulation-overview"]  # no parameters: the form needs no options
    page = question_form(lang, question, {}, {}, {}, asked=False)
    other = question.description if lang == "zh" else question.description_zh
    assert f'<p class="muted">{question.describe(lang)}</p>' in page
    assert other not in page


def test_the_gallery_describes_each_question_in_the_page_s_language() -> None:
    question = QUESTIONS["compare-frequencies"]
    assert question.description_zh.split("（")[0] in gallery_body("zh", QUESTIONS)
    assert question.description_zh.split("（")[0] not in gallery_body("en", QUESTIONS)
    assert "minimumCount" not in gallery_body("zh", QUESTIONS) + gallery_body("en", QUESTIONS)


def test_the_reference_gives_both_descriptions_zh_first() -> None:
    page = HOOKS.questions_page()
    for question in QUESTIONS.values():
        section = page.split(f"## `{question.id}`", 1)[1].split("\n## ", 1)[0]
        assert f"\n{question.description_zh}\n\n{question.description}\n" in section, question.id
