"""Knowledge about wording and places is data: no jurisdiction, document or base IRI is written in the package's
Python code, and the extractors read their wording from the lexicon."""

import ast
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from safetykg.core.iris import SKG
from safetykg.core.resources import packaged
from safetykg.corpus.catalogue import load_catalogue
from safetykg.lexicon.vocabulary import Vocabulary
from safetykg.lexicon.wording import Wording

PACKAGE = packaged("sources").parent.parent
CODE = sorted(PACKAGE.rglob("*.py"))


def names_of_places_and_documents() -> set[str]:
    """Every jurisdiction slug and zh label of the lexicon, and every document id and short title of the catalogue."""
    lexicon = Graph().parse(packaged("lexicon") / "jurisdictions.ttl")
    names = set()
    for place in lexicon.subjects(SKOS.inScheme, None):
        names.add(str(place).rsplit("/", 1)[-1])
        for label in [*lexicon.objects(place, SKOS.prefLabel), *lexicon.objects(place, SKG.shortLabel)]:
            if getattr(label, "language", None) == "zh":
                names.add(str(label))
    for doc in load_catalogue(packaged("sources")).documents:
        names |= {doc.id, doc.short_title}
    return {name for name in names if name}


def occurrences(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path in CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = pattern.search(line)
            if match:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {match.group(0)}")
    return found


def test_no_place_or_document_is_named_in_the_code() -> None:
    names = names_of_places_and_documents()
    assert {"xinjiang", "新疆维吾尔自治区", "national-2018", "贵阳办法"} <= names  # the check reads the real data
    words = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![A-Za-z0-9-])(?:" + "|".join(map(re.escape, words)) + r")(?![A-Za-z0-9-])", re.I)
    assert occurrences(pattern) == []


def test_the_base_iri_has_one_home() -> None:
    found = occurrences(re.compile(re.escape("https://w3id.org/safetykg")))
    assert [line.split(":")[0] for line in found] == ["safetykg/core/namespaces.py"], found


def test_namespaces_is_that_home() -> None:
    assert "https://w3id.org/safetykg/" in (PACKAGE / "core" / "namespaces.py").read_text(encoding="utf-8")
    assert PACKAGE / "core" / "namespaces.py" in CODE


def test_the_wording_comes_from_the_lexicon() -> None:
    """Level phrases, periods, activity cues, role priority and post organs are read from the lexicon's Turtle."""
    wording = Wording(Vocabulary.load(packaged("lexicon")))
    assert wording.levels_in("frequency", "县级及以下党委主要负责人") == (("county", "township"), "县级及以下")
    assert wording.levels_in("bearer", "县级以上地方各级人民政府") == (("provincial", "city", "county"), "县级以上")
    assert wording.periods["每季度"] == "P3M" and wording.periods["定期"] is None
    assert [cue.kind for cue in wording.activity_cues][:2] == ["meeting", "study"]
    roles = sorted(wording.role_priority, key=wording.role_priority.__getitem__)
    assert roles[0].endswith("/deputy-in-charge-of-safety") and roles[-1].endswith("/leading-cadre")
    assert {k.rsplit("/", 1)[-1]: v.rsplit("/", 1)[-1] for k, v in wording.post_organs.items()} == {
        "party-standing-committee": "party-committee"
    }


def test_a_users_level_phrase_file_changes_the_reading(tmp_path: Path) -> None:
    """A user's level-phrases.ttl replaces the packaged one: the extractors follow the data, not a table in code."""
    text = (packaged("lexicon") / "level-phrases.ttl").read_text(encoding="utf-8")
    (tmp_path / "level-phrases.ttl").write_text(text.replace('skg:pattern "县级及以下"', 'skg:pattern "区县及以下"'))
    wording = Wording(Vocabulary.load([packaged("lexicon"), tmp_path]))
    assert wording.levels_in("frequency", "区县及以下党委")[0] == ("county", "township")


CJK = re.compile(r"[\u4e00-\u9fff]")
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _text_of(node: ast.expr, constants: dict[str, str]) -> str | None:
    """The text of a string expression: a literal, an f-string, a concatenation, or a module-level string constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text_of(value, constants) or "" for value in node.values)
    if isinstance(node, ast.FormattedValue):
        return _text_of(node.value, constants)
    if isinstance(node, ast.BinOp):
        return (_text_of(node.left, constants) or "") + (_text_of(node.right, constants) or "")
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def chinese_regex_literals(paths: list[Path]) -> list[str]:
    """Every regular expression written in the code (the pattern of a call to re.compile, re.search …) that holds a
    Chinese character."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                text = _text_of(node.value, constants)
                if text is not None:
                    constants[node.targets[0].id] = text
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS
                and node.args
            ):
                text = _text_of(node.args[0], constants)
                if text and CJK.search(text):
                    found.append(f"{path.name}:{node.lineno}: {text}")
    return found


def test_the_extractors_write_no_chinese_regex(tmp_path: Path) -> None:
    """The extractors' phrasings are the lexicon's (obligation-phrasings.ttl, accountability-phrasings.ttl): no regular
    expression in the code of extract/, nor in the passages they walk, holds a Chinese word."""
    control = tmp_path / "control.py"
    control.write_text('import re\nCHAPTER = re.compile("追究|问责")\n', encoding="utf-8")
    assert chinese_regex_literals([control]), "the check finds such a regex"
    code = [*sorted((PACKAGE / "extract").glob("*.py")), PACKAGE / "corpus" / "passages.py"]
    assert chinese_regex_literals(code) == []


def test_what_a_chapter_is_for_is_read_with_the_lexicons_cue_words() -> None:
    """Whether a provision stands in a chapter on duties or on accountability is read with chapter-functions.ttl's cue
    words (skg:cueWord), the one home of that wording: 责任追究 and 免责 are accountability's, 职责 is duties'."""
    wording = Wording(Vocabulary.load(packaged("lexicon")))
    assert wording.names_function("第六章　责任追究", "accountability")
    assert wording.names_function("尽职免责", "accountability")
    assert not wording.names_function("第六章　责任追究", "duties")
    assert wording.names_function("第二章　党委和政府职责", "duties")
    with pytest.raises(KeyError, match=r"chapter-functions\.ttl"):
        wording.names_function("总则", "no-such-function")


def test_the_final_provisions_are_read_with_the_layouts_patterns() -> None:
    """Entry into force, repeals, citations and interpretation are read with layout.toml's [final_provisions]; what
    corpus/metadata.py still writes is the form of a database header's date field (2019年2月20日)."""
    found = chinese_regex_literals([PACKAGE / "corpus" / "metadata.py"])
    assert [line.split(": ", 1)[1] for line in found] == [r"(\d{4})年(\d{1,2})月(\d{1,2})日"]


def chinese_string_literals(path: Path) -> list[str]:
    """Every string written in a module's code, docstrings aside, that holds a Chinese character."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        f"{path.name}:{node.lineno}: {node.value}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    ]


def test_the_check_for_chinese_words_finds_them_outside_docstrings(tmp_path: Path) -> None:
    control = tmp_path / "control.py"
    control.write_text('"""一票否决"""\nCUES = ("从重",)\n', encoding="utf-8")
    assert chinese_string_literals(control) == ["control.py:2: 从重"]


@pytest.mark.parametrize(
    "reader",
    [
        # circumstances (从重, 从轻, 不予追究 …), one-vote veto rules (一票否决) and their effects (取消…, 不得…):
        # accountability-phrasings.ttl
        "accountability.py",
        # the titles of the committee's seats (主任, 第一主任 …): roles.ttl's skg:committeeTitle
        "committees.py",
        # 述职 and the verbs of reporting (报告, 提交, 备案): obligation-phrasings.ttl's debriefing and report-verb
        "reporting.py",
    ],
)
def test_a_reader_writes_no_chinese_word(reader: str) -> None:
    """These readers take every word they look for from the lexicon, none from their code."""
    assert chinese_string_literals(PACKAGE / "extract" / reader) == []


def test_the_committee_reader_takes_its_titles_from_the_roles() -> None:
    """The titles of a work safety committee's seats (主任, 第一主任, 常务副主任, 副主任) are roles.ttl's
    (skg:committeeTitle)."""
    from safetykg.extract.committees import CommitteeReader

    titles = CommitteeReader(Vocabulary.load(packaged("lexicon"))).titles
    assert {title: str(role.iri).rsplit("/", 1)[-1] for title, role in titles.items()} == {
        "第一主任": "first-chair",
        "主任": "chair",
        "常务副主任": "executive-vice-chair",
        "副主任": "vice-chair",
    }


def test_a_users_accountability_phrasings_change_the_circumstances_read(tmp_path: Path) -> None:
    """A user's accountability-phrasings.ttl replaces the packaged one: with 加重 added to the aggravating phrasing,
    a provision in a chapter on accountability saying 加重问责 states an aggravating circumstance."""
    from safetykg.extract.accountability import AccountabilityExtractor
    from tests.layout_reading import parse_text

    text = "第一章　责任追究\n第一条　有下列情形之一的，应当加重问责：\n（一）瞒报事故的；\n（二）拒不整改的。\n"
    doc = parse_text(text)
    packaged_reading = AccountabilityExtractor(Vocabulary.load(packaged("lexicon"))).extract(doc)
    assert packaged_reading.circumstances == []
    phrasings = (packaged("lexicon") / "accountability-phrasings.ttl").read_text(encoding="utf-8")
    (tmp_path / "accountability-phrasings.ttl").write_text(
        phrasings.replace('skg:pattern "从重" ;', 'skg:pattern "从重|加重" ;'), encoding="utf-8"
    )
    users_reading = AccountabilityExtractor(Vocabulary.load([packaged("lexicon"), tmp_path])).extract(doc)
    assert [(c.ref.item, c.kind) for c in users_reading.circumstances] == [(1, "aggravating"), (2, "aggravating")]
