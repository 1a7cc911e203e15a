"""The completeness matrix: every jurisdiction × requirement cell, checked against the articles that decide it."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import ORG, OWL, SH

from safetykg.build.pipeline import BuildResult, Paths, build
from safetykg.core import iris
from safetykg.core.errors import SourceError
from safetykg.core.resources import packaged
from safetykg.corpus.catalogue import Catalogue
from safetykg.quality.completeness import Row
from safetykg.quality.report import REPORT_FORMATS, render
from safetykg.quality.requirements import load_requirements
from safetykg.quality.shapes import completeness_shapes
from safetykg.quality.validate import StructuralViolations

ROOT = Path(__file__).resolve().parent.parent

# (document, requirement) → (status, an article that decides it). For "ok" the article is among the
# evidence (the duty's provision, or the article that names the interpreter / the date in force).
CELLS = {
    ("national-2018", "party-secretary"): ("ok", "中央规定 第五条"),
    ("national-2018", "government-head"): ("ok", "中央规定 第六条"),
    ("national-2018", "other-standing-committee-members"): ("ok", "中央规定 第七条"),
    ("national-2018", "government-deputy-for-safety"): ("ok", "中央规定 第八条"),
    ("national-2018", "other-government-leaders"): ("ok", "中央规定 第九条"),
    ("national-2018", "interpreter"): ("ok", "中央规定 第二十八条"),
    ("national-2018", "entry-into-force"): ("ok", "中央规定 第二十九条"),
    ("guiyang", "party-secretary"): ("ok", "贵阳办法 第五条"),
    ("guiyang", "government-head"): ("ok", "贵阳办法 第六条"),
    ("guiyang", "other-standing-committee-members"): ("ok", "贵阳办法 第七条"),
    ("guiyang", "government-deputy-for-safety"): ("ok", "贵阳办法 第八条"),
    ("guiyang", "other-government-leaders"): ("ok", "贵阳办法 第九条"),
    ("guiyang", "interpreter"): ("ok", "贵阳办法 第二十八条"),
    ("guiyang", "entry-into-force"): ("ok", "贵阳办法 第二十九条"),
    # 湖北办法 第二条第二款 defers individual duties to a 细则 outside the corpus; 第五条、第六条 bind organs
    ("hubei", "party-secretary"): ("violation", "湖北办法 第五条"),
    ("hubei", "government-head"): ("violation", "湖北办法 第六条"),
    ("hubei", "other-standing-committee-members"): ("violation", "湖北办法 第五条"),
    ("hubei", "government-deputy-for-safety"): ("violation", "湖北办法 第六条"),
    ("hubei", "other-government-leaders"): ("violation", "湖北办法 第六条"),
    ("hubei", "interpreter"): ("warning", ""),  # no article names one; 第二十条 only says when it takes effect
    ("hubei", "entry-into-force"): ("ok", "湖北办法 第二十条"),
    ("hebei", "party-secretary"): ("ok", "河北细则 第五条"),
    ("hebei", "government-head"): ("ok", "河北细则 第六条"),
    ("hebei", "other-standing-committee-members"): ("ok", "河北细则 第七条"),
    ("hebei", "government-deputy-for-safety"): ("ok", "河北细则 第八条"),
    ("hebei", "other-government-leaders"): ("ok", "河北细则 第九条"),
    ("hebei", "interpreter"): ("ok", "河北细则 第三十条"),
    ("hebei", "entry-into-force"): ("ok", "河北细则 第三十一条"),
    ("xinjiang-2018", "party-secretary"): ("ok", "新疆细则 第五条"),
    ("xinjiang-2018", "government-head"): ("ok", "新疆细则 第十五条"),
    ("xinjiang-2018", "other-standing-committee-members"): ("ok", "新疆细则 第六条"),
    ("xinjiang-2018", "government-deputy-for-safety"): ("ok", "新疆细则 第十六条"),
    ("xinjiang-2018", "other-government-leaders"): ("ok", "新疆细则 第十七条"),
    ("xinjiang-2018", "interpreter"): ("ok", "新疆细则 第八十五条"),
    ("xinjiang-2018", "entry-into-force"): ("ok", "新疆细则 第八十六条"),
    # 问责情形 (national Art. 18), 问责方式 (Art. 19), who pursues accountability (Art. 26)
    ("national-2018", "accountability-triggers"): ("ok", "中央规定 第十八条"),
    ("national-2018", "accountability-measures"): ("ok", "中央规定 第十九条"),
    ("national-2018", "accountability-pursuers"): ("ok", "中央规定 第二十六条"),
    ("guiyang", "accountability-triggers"): ("ok", "贵阳办法 第十八条"),
    ("guiyang", "accountability-measures"): ("ok", "贵阳办法 第十九条"),
    ("guiyang", "accountability-pursuers"): ("ok", "贵阳办法 第二十四条"),
    ("hubei", "accountability-triggers"): ("ok", "湖北办法 第九条第一款"),
    ("hubei", "accountability-measures"): ("ok", "湖北办法 第九条第二款"),
    ("hubei", "accountability-pursuers"): ("ok", "湖北办法 第十四条"),
    ("hebei", "accountability-triggers"): ("ok", "河北细则 第二十一条"),
    ("hebei", "accountability-measures"): ("ok", "河北细则 第二十二条"),
    ("hebei", "accountability-pursuers"): ("ok", "河北细则 第二十九条"),
    ("xinjiang-2018", "accountability-triggers"): ("ok", "新疆细则 第七十四条"),
    ("xinjiang-2018", "accountability-measures"): ("ok", "新疆细则 第七十五条"),
    ("xinjiang-2018", "accountability-pursuers"): ("ok", "新疆细则 第八十二条"),
    # local practice: only Xinjiang names domains (第二十条至第六十一条), and each has a department;
    # 湖北办法 第八条 designates 应急管理部门 the comprehensive supervisor but binds no post to duties
    ("national-2018", "domains-have-departments"): ("ok", ""),
    ("guiyang", "domains-have-departments"): ("ok", ""),
    ("hubei", "domains-have-departments"): ("ok", ""),
    ("hebei", "domains-have-departments"): ("ok", ""),
    ("xinjiang-2018", "domains-have-departments"): ("ok", ""),
    ("national-2018", "designated-departments-have-principal-leaders"): ("ok", ""),
    ("guiyang", "designated-departments-have-principal-leaders"): ("ok", ""),
    ("hubei", "designated-departments-have-principal-leaders"): ("warning", "应急管理部门"),
    ("hebei", "designated-departments-have-principal-leaders"): ("ok", ""),
    ("xinjiang-2018", "designated-departments-have-principal-leaders"): ("ok", ""),
}
SHORT = {
    "national-2018": "中央规定",
    "guiyang": "贵阳办法",
    "hubei": "湖北办法",
    "hebei": "河北细则",
    "xinjiang-2018": "新疆细则",
}


def cell(built: BuildResult, doc_id: str, requirement: str) -> Row:
    return next(r for r in built.report_rows["zh"] if r.document == SHORT[doc_id] and r.requirement == requirement)


@pytest.mark.parametrize(("key", "expected"), CELLS.items(), ids=[f"{d}-{r}" for d, r in CELLS])
def test_matrix_cell(built: BuildResult, key: tuple[str, str], expected: tuple[str, str]) -> None:
    row = cell(built, *key)
    status, article = expected
    assert row.status == status
    if status == "ok":
        if article:
            assert any(e.startswith(article) for e in row.evidence), row.evidence
        assert row.message == ""
    else:
        assert SHORT[key[0]] in row.message  # names the jurisdiction's rule
        if row.nationalArticle:
            assert "中央规定第" in row.message  # and the national article
        if article:
            assert any(e.startswith(article) for e in row.evidence), row.evidence


def test_the_matrix_is_complete(built: BuildResult) -> None:
    assert {(d, r.requirement) for d in SHORT for r in built.report_rows["zh"] if r.document == SHORT[d]} == set(CELLS)


def test_hubei_findings_say_why(built: BuildResult) -> None:
    row = cell(built, "hubei", "party-secretary")
    # 第二条第二款: 负责人履行个人安全生产职责的，依照《湖北省地方党政领导干部安全生产责任制细则》等规定执行
    assert (
        "机关" in row.explanation and "湖北办法 第二条《湖北省地方党政领导干部安全生产责任制细则》" in row.explanation
    )
    english = next(
        r for r in built.report_rows["en"] if r.document == "Hubei measures" and r.requirement == "party-secretary"
    )
    assert "not to posts" in english.explanation and "not in the corpus" in english.explanation
    assert (
        english.message
        == "Hubei measures gives no duties to the Party committee's principal leader (required by national rule Art. 5)"
    )
    interpreter = cell(built, "hubei", "interpreter")
    assert interpreter.message == "湖北办法未写明由谁解释（参照中央规定第二十八条）"


def test_completeness_shapes_are_written_from_the_requirements_for_every_rule(catalogue: Catalogue) -> None:
    """One shape per rule and requirement; the national rule is the baseline (中央规定 第五条: the Party secretary)."""
    requirements = load_requirements(packaged("requirements"))
    text = completeness_shapes(list(catalogue.documents), requirements, catalogue.baseline())
    shapes = Graph().parse(data=text, format="turtle")
    targets = list(shapes.objects(None, SH.targetNode))
    assert len(targets) == len(catalogue.documents) * len(requirements)
    assert {str(t).rsplit("/", 1)[-1] for t in targets} == {d.id for d in catalogue.documents}
    assert "湖北办法未给党委主要负责人规定安全生产职责（依据中央规定第五条）" in text
    assert not (packaged("shapes") / "completeness.ttl").exists(), "generated at build time, not kept in the package"


def test_a_rule_no_requirement_applies_to_stops_the_build(catalogue: Catalogue) -> None:
    requirements = tuple(replace(r, excluded=("xinjiang",)) for r in load_requirements(packaged("requirements")))
    with pytest.raises(SourceError, match="no completeness requirement applies to xinjiang-2018"):
        completeness_shapes(list(catalogue.documents), requirements, catalogue.baseline())


def test_requirements_with_a_bad_severity_or_no_check_are_refused(tmp_path: Path) -> None:
    (tmp_path / "completeness.toml").write_text(
        '[[requirement]]\nid = "x"\nlabel_zh = "x"\nlabel_en = "x"\nmissing_zh = "x"\nmissing_en = "x"\n'
        'severity = "fatal"\nrole = "principal-leader"\norgan_kind = "government"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="severity must be violation or warning"):
        load_requirements([packaged("requirements"), tmp_path])
    (tmp_path / "completeness.toml").write_text(
        '[[requirement]]\nid = "x"\nlabel_zh = "x"\nlabel_en = "x"\nmissing_zh = "x"\nmissing_en = "x"\n'
        'severity = "warning"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="needs exactly one of role, node_class, property, local_check"):
        load_requirements([packaged("requirements"), tmp_path])


def test_inferred_graph(built: BuildResult) -> None:
    inferred = built.graphs[iris.graph("inferred")]
    organ = iris.organ("xinjiang", iris.concept("organ-kind", "public-security"))
    assert (organ, RDF.type, ORG.Organization) in inferred  # skg:Organ ⊑ org:Organization
    assert (organ, RDF.type, ORG.Organization) not in built.graphs[iris.graph("xinjiang-2018")]
    assert not any(s == o for s, _, o in inferred.triples((None, OWL.sameAs, None)))
    assert len(inferred) > 1000


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_report_formats(built: BuildResult, fmt: str) -> None:
    assert built.validation is not None
    text = render(built.report_rows["en"], built.validation, fmt, "en")
    if fmt == "json":
        rows = json.loads(text)["rows"]
        assert len(rows) == len(CELLS)
        assert set(rows[0]) >= {"jurisdiction", "requirement", "status", "message", "nationalArticle", "evidence"}
    elif fmt == "svg":
        assert text.startswith("<svg") and text.count("<rect") == len(CELLS)
    elif fmt == "md":
        assert "| Hubei Province |" in text.splitlines()[0] or "Hubei" in text.splitlines()[0]
    else:
        assert "Hubei" in text or "hubei" in text


def test_the_build_publishes_the_report(dist: Path) -> None:
    manifest = json.loads((dist / "manifest.json").read_text())
    assert {"validation.ttl", "validation.json", "validation.html", "validation.svg", "validation.md"} <= set(
        manifest["files"]
    )


def test_structural_violations_stop_the_build(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    for name in ("structural.ttl",):
        (shapes / name).write_text((packaged("shapes") / name).read_text(encoding="utf-8"), encoding="utf-8")
    (shapes / "extra.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix skg: <https://w3id.org/safetykg/ontology#> .\n"
        "<https://w3id.org/safetykg/shapes#DesignationsNeedADate> a sh:NodeShape ; sh:targetClass skg:Designation ;\n"
        '  sh:property [ sh:path skg:dateDesignated ; sh:minCount 1 ; sh:message "须有日期"@zh , "needs a date"@en ] .\n'
    )
    paths = Paths(shapes=shapes, dist=tmp_path / "dist")
    with pytest.raises(StructuralViolations) as caught:
        build(paths)
    assert "structural violation(s); nothing was published" in str(caught.value)
    assert (
        "https://w3id.org/safetykg/id/designation/xinjiang-2018/article/22/supervisory-department: needs a date"
        in str(caught.value)
    )
    assert not (tmp_path / "dist").exists()
