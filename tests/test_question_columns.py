"""Column labels for people: every canned question's header lists the columns a page shows, in order, with zh and
en labels and the IRI column each one links to; a header that lists what its SELECT does not have is refused."""

from pathlib import Path

import pyoxigraph as ox
import pytest

from safetykg.query.questions import ColumnLabel, QuestionError, answer, load_questions, parse_question
from tests.test_docs import HOOKS

QUESTIONS = load_questions()


def select_variables(query: str) -> set[str]:
    """The variables a question's SELECT projects, as pyoxigraph reads them (the query on an empty store)."""
    result = ox.Store().query(query)
    assert isinstance(result, ox.QuerySolutions)
    return {variable.value for variable in result.variables}


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_every_packaged_question_labels_its_columns(qid: str) -> None:
    question = QUESTIONS[qid]
    assert question.columns, f"{question.path}: no columns: in the header"
    for column in question.columns:
        assert isinstance(column, ColumnLabel)
        assert column.zh.strip() and column.en.strip(), (qid, column.name)
        assert column.label("zh") == column.zh and column.label("en") == column.en


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_labelled_columns_and_links_are_variables_of_the_select(qid: str) -> None:
    question = QUESTIONS[qid]
    variables = select_variables(question.query)
    names = [c.name for c in question.columns]
    links = {c.link for c in question.columns if c.link}
    required = {p.name for p in question.parameters if p.required}
    assert len(names) == len(set(names)), qid
    for column in question.columns:
        assert column.name in variables, (qid, column.name)
        assert column.link is None or column.link in variables, (qid, column.name, column.link)
    # a link's IRI column is shown as the link, not on its own; a required parameter is never in the answer
    assert not links & set(names), qid
    assert not (set(names) | links) & required, qid


def test_the_labels_are_in_the_order_of_the_header() -> None:
    columns = QUESTIONS["departments-regulating-hazard"].columns
    assert columns[0] == ColumnLabel("departmentLabel", "部门", "Department", "department")
    assert [c.name for c in columns] == ["departmentLabel", "basis", "citation", "text"]
    assert ColumnLabel("citation", "条款", "Provision", "provision") in columns


def test_the_reference_lists_each_question_s_labelled_columns() -> None:
    page = HOOKS.questions_page()
    for question in QUESTIONS.values():
        section = page.split(f"## `{question.id}`", 1)[1].split("\n## ", 1)[0]
        for column in question.columns:
            link = f"`{column.link}`" if column.link else ""
            assert f"| `{column.name}` | {column.zh} | {column.en} | {link} |" in section, (question.id, column.name)


HEADER = """#+ title:
#+   zh: 测试
#+   en: Test
#+ description: a question written for a test
#+ params:
#+   - name: jurisdiction
#+     type: jurisdiction
#+     example: 新疆
{columns}SELECT ?jurisdiction ?department ?departmentLabel ?provision ?citation WHERE {{
  ?department <urn:label> ?departmentLabel ; <urn:in> ?jurisdiction .
  OPTIONAL {{ ?department <urn:source> ?provision . ?provision <urn:citation> ?citation }}
}}
"""


def question_file(tmp_path: Path, *columns: str) -> Path:
    path = tmp_path / "test-question.rq"
    header = "".join(f"#+ {line}\n" for line in columns)
    path.write_text(HEADER.format(columns=header), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(QuestionError) as caught:
        parse_question(path)
    return str(caught.value)


def test_a_question_without_columns_has_no_labels(tmp_path: Path) -> None:
    assert parse_question(question_file(tmp_path)).columns == ()


def test_declared_columns_are_read_in_order(tmp_path: Path) -> None:
    path = question_file(
        tmp_path,
        "columns:",
        "  citation: {zh: 条款, en: Provision, link: provision}",
        "  departmentLabel: {zh: 部门, en: Department, link: department}",
    )
    assert parse_question(path).columns == (
        ColumnLabel("citation", "条款", "Provision", "provision"),
        ColumnLabel("departmentLabel", "部门", "Department", "department"),
    )


def test_an_unknown_column_is_refused_naming_the_file_line_and_column(tmp_path: Path) -> None:
    path = question_file(
        tmp_path,
        "columns:",
        "  departmentLabel: {zh: 部门, en: Department, link: department}",
        "  domains: {zh: 涉及领域, en: Domains}",
    )
    message = refusal(path)
    assert f"{path}:11:" in message and "'domains'" in message and "not a variable of the SELECT" in message
    assert "departmentLabel" in message  # the SELECT's variables, to choose from


def test_a_missing_english_label_is_refused_naming_the_file_and_column(tmp_path: Path) -> None:
    path = question_file(tmp_path, "columns:", "  departmentLabel: {zh: 部门, link: department}")
    message = refusal(path)
    assert str(path) in message and "'departmentLabel'" in message and "en label" in message


def test_a_missing_chinese_label_is_refused(tmp_path: Path) -> None:
    path = question_file(tmp_path, "columns:", "  citation: {en: Provision}")
    message = refusal(path)
    assert str(path) in message and "'citation'" in message and "zh label" in message


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("  departmentLabel: {zh: 部门, en: Department, link: organ}", "links to 'organ'"),
        ("  departmentLabel: {zh: 部门, en: Department, link: departmentLabel}", "itself"),
        ("  departmentLabel: {zh: 部门, en: Department, link: jurisdiction}", "a required parameter"),
        ("  jurisdiction: {zh: 辖区, en: Jurisdiction}", "a required parameter"),
        ("  departmentLabel: {zh: 部门, en: Department, href: department}", "unknown key(s) href"),
        ("  departmentLabel: 部门", "needs {zh: …, en: …}"),
    ],
)
def test_a_wrong_column_entry_is_refused(tmp_path: Path, entry: str, expected: str) -> None:
    message = refusal(question_file(tmp_path, "columns:", entry))
    name = entry.split(":", 1)[0].strip()
    assert f"test-question.rq:10: column {name!r}" in message and expected in message


def test_a_link_column_listed_on_its_own_is_refused(tmp_path: Path) -> None:
    path = question_file(
        tmp_path,
        "columns:",
        "  departmentLabel: {zh: 部门, en: Department, link: department}",
        "  department: {zh: 部门IRI, en: Department IRI}",
    )
    message = refusal(path)
    assert f"{path}:11:" in message and "'department'" in message and "link" in message


def test_columns_that_are_not_a_mapping_are_refused(tmp_path: Path) -> None:
    message = refusal(question_file(tmp_path, "columns: [departmentLabel, citation]"))
    assert "test-question.rq:9:" in message and "columns must map each column" in message


def test_fireworks_in_xinjiang_answer_every_labelled_column(store: ox.Store) -> None:
    """新疆细则: the departments regulating 烟花爆竹 (第二十条 安全生产监督管理部门, 第二十二条 公安部门, 第三十一条
    质量技术监督部门, 第五十五条 市场监督管理部门): every row has each column its header lists and each link's IRI."""
    question = QUESTIONS["departments-regulating-hazard"]
    result = answer(store, question, {"jurisdiction": "新疆", "hazard": "烟花爆竹"})
    assert result.rows
    shown = [c.name for c in question.columns] + [c.link for c in question.columns if c.link]
    for row in result.rows:
        assert set(shown) <= set(row), sorted(set(shown) - set(row))
        for column in question.columns:
            if column.link:
                assert row[column.link].startswith("https://w3id.org/safetykg/id/"), (column.name, row[column.link])
    assert "质量技术监督部门" in {row["departmentLabel"] for row in result.rows}
    assert "新疆细则 第三十一条第（三）项" in {row["citation"] for row in result.rows}
    assert set(result.columns) >= set(shown)  # the machine formats keep every variable


@pytest.mark.parametrize("qid", sorted(QUESTIONS))
def test_every_link_of_an_example_answer_is_an_iri(store: ox.Store, qid: str) -> None:
    """Asked with its examples, each question's links point at IRIs, and its labelled columns are answer columns."""
    question = QUESTIONS[qid]
    result = answer(store, question, {p.name: p.example for p in question.parameters if p.required})
    assert {c.name for c in question.columns} <= set(result.columns), qid
    for row in result.rows:
        for column in question.columns:
            if column.link and column.link in row:
                assert row[column.link].startswith("https://w3id.org/safetykg/"), (qid, column.name)
