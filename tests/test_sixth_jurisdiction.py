"""A sixth jurisdiction with no Python change: a short rule text written for this test, its catalogue entry and
one lexicon row, in a user's data folder, and nothing else. It is parsed, extracted, validated, published,
listed on the pages and answered by the questions like the five.

The rule (云岭市, a city invented for the test) says, in its 第五条, that the public security department
(公安部门) supervises the transport of fireworks (烟花爆竹), and, in its 第三条第（一）项, that the Party
committee's principal leader convenes a standing-committee meeting on work safety at least once a quarter.
"""

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from safetykg.cli import main
from safetykg.core.resources import packaged
from tests.live_server import live_server

SLUG, NAME, SHORT = "yunling", "云岭市", "云岭"
DOC = "yunling-2026"
RULE = """云岭市党政领导干部安全生产责任制实施办法

第一章 总则
第一条 为落实《地方党政领导干部安全生产责任制规定》和《云岭市安全生产条例》，结合本市实际，制定本办法。
第二条 本办法适用于全市各级党委、政府领导班子成员。
第二章 职责
第三条 各级党委主要负责人安全生产职责：
（一）每季度至少召开1次党委常委会会议研究安全生产工作；
（二）督促落实烟花爆竹、危险化学品安全监管责任。
第四条 各级政府主要负责人安全生产职责：
（一）每月至少组织召开1次安全生产工作会议；
（二）组织开展安全生产督查检查。
第五条 公安部门负责烟花爆竹运输安全监管工作。
第三章 附则
第六条 本办法由市安全生产委员会办公室负责解释。
第七条 本办法自印发之日起施行。
"""
LEXICON_ROW = f"""@prefix skg: <https://w3id.org/safetykg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix scheme: <https://w3id.org/safetykg/id/scheme/> .
@prefix jur: <https://w3id.org/safetykg/id/jurisdiction/> .

jur:{SLUG} a skos:Concept, skg:Jurisdiction ;
    skos:inScheme scheme:jurisdictions ;
    skos:prefLabel "{NAME}"@zh, "Yunling"@en ;
    skg:shortLabel "{SHORT}"@zh ;
    skos:altLabel "{SHORT}"@zh, "Yunling City"@en ;
    skos:definition "Yunling, a city invented for the sixth-jurisdiction test."@en ;
    skos:broader jur:china ;
    skg:administrativeLevel <https://w3id.org/safetykg/id/level/city> ;
    skg:hasLevel <https://w3id.org/safetykg/id/level/city>, <https://w3id.org/safetykg/id/level/county>,
        <https://w3id.org/safetykg/id/level/township> ;
    skg:within jur:china .
"""


def catalogue_entry(text: bytes) -> str:
    return f"""
[[document]]
id = "{DOC}"
file = "{DOC}.txt"
sha256 = "{hashlib.sha256(text).hexdigest()}"
origin = "written for the sixth-jurisdiction test"
title = "{NAME}党政领导干部安全生产责任制实施办法"
title_en = "Yunling Implementing Measures on the Work-Safety Responsibility System"
short_title = "{SHORT}办法"
short_title_en = "Yunling measures"
jurisdiction = "{SLUG}"
issuers = []
implements = "national-2018"
[document.profile]
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    (folder / "sources").mkdir()
    (folder / "lexicon").mkdir()
    text = RULE.encode("utf-8")
    (folder / "sources" / f"{DOC}.txt").write_bytes(text)
    catalogue = (packaged("sources") / "sources.toml").read_text(encoding="utf-8")
    head, cited = catalogue.split("\n[cited", 1)
    (folder / "sources" / "sources.toml").write_text(
        head + catalogue_entry(text) + "\n[cited" + cited, encoding="utf-8"
    )
    (folder / "lexicon" / f"{SLUG}.ttl").write_text(LEXICON_ROW, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sixth(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("sixth") / "dist"
    assert main(["build", "--data", str(data), "--dist", str(dist)]) == 0
    return dist


def ask(dist: Path, data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["--dist", str(dist), "--data", str(data), "ask", *args, "--format", "json"]) == 0
    rows: list[dict[str, str]] = json.loads(capsys.readouterr().out)["rows"]
    return rows


def test_it_is_parsed_and_published(sixth: Path) -> None:
    manifest = json.loads((sixth / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"][DOC] == {"chapters": 3, "articles": 7}
    assert f"https://w3id.org/safetykg/id/graph/{DOC}" in manifest["graphs"]


def test_a_cited_document_the_catalogue_does_not_declare_gets_a_node_from_its_title(sixth: Path) -> None:
    """第一条 cites 《云岭市安全生产条例》, which no catalogue declares: a node named from its title, no stop."""
    dump = (sixth / "safetykg.nq").read_text(encoding="utf-8")
    cited = re.search(
        r"<(https://w3id.org/safetykg/id/document/cited-[0-9a-f]{12})> <[^>]*eli/ontology#title> \"云岭市安全生产条例\"@zh",
        dump,
    )
    assert cited is not None
    assert (
        f"<https://w3id.org/safetykg/id/regulation/{DOC}> <http://data.europa.eu/eli/ontology#based_on> <{cited.group(1)}>"
        in dump
    )


def test_the_undeclared_citation_is_warned_about(data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="safetykg.build"):
        assert main(["build", "--data", str(data), "--dist", str(tmp_path / "dist")]) == 0
    warned = [r.getMessage() for r in caplog.records if "云岭市安全生产条例" in r.getMessage()]
    assert len(warned) == 1 and "has no entry in sources.toml [cited]" in warned[0] and f"{DOC}.txt:4" in warned[0]


def test_its_departments_for_fireworks(sixth: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第五条: 公安部门负责烟花爆竹运输安全监管工作."""
    rows = ask(sixth, data, capsys, "departments-regulating-hazard", f"jurisdiction={SHORT}", "hazard=烟花爆竹")
    assert {row["departmentLabel"] for row in rows} == {"公安部门"}
    assert any("第五条" in row["citation"] for row in rows)


def test_its_meeting_frequency(sixth: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第三条第（一）项: 每季度至少召开1次党委常委会会议; 第四条第（一）项: 每月至少组织召开1次安全生产工作会议."""
    rows = ask(sixth, data, capsys, "frequency-requirements", "role=主要负责人")
    mine = [row for row in rows if row["jurisdiction"].endswith(f"/{SLUG}")]
    assert {(row["citation"], row["period"], row["minimumCount"], row["activityKind"]) for row in mine} == {
        (f"{SHORT}办法 第三条第（一）项", "P3M", "1", "召开会议"),
        (f"{SHORT}办法 第四条第（一）项", "P1M", "1", "召开会议"),
    }


def test_it_is_validated_against_every_requirement(sixth: Path) -> None:
    report = json.loads((sixth / "validation.json").read_text(encoding="utf-8"))
    mine = [row for row in report["rows"] if row["document"] == f"{SHORT}办法"]
    five = {row["requirement"] for row in report["rows"] if row["document"] == "中央规定"}
    assert {row["requirement"] for row in mine} == five
    party = next(row for row in mine if row["requirement"] == "party-secretary")
    assert party["status"] == "ok", party  # 第三条 gives the Party committee's principal leader duties
    standing = next(row for row in mine if row["requirement"] == "other-standing-committee-members")
    assert standing["status"] == "violation" and standing["message"].startswith(f"{SHORT}办法")


@pytest.fixture(scope="module")
def server(sixth: Path, data: Path) -> Iterator[str]:
    with live_server(sixth, extra_env={"SAFETYKG_DATA": str(data)}) as base:
        yield base


def test_it_is_listed_on_the_pages(server: str) -> None:
    home = httpx.get(f"{server}/", timeout=30).text
    assert f"{SHORT}办法" in home and f"/read/{DOC}" in home
    reader = httpx.get(f"{server}/read/{DOC}", timeout=30)
    assert reader.status_code == 200 and "公安部门负责烟花爆竹运输安全监管工作。" in reader.text
    compare = httpx.get(
        f"{server}/compare", params={"role": "https://w3id.org/safetykg/id/role/principal-leader"}, timeout=30
    ).text
    assert SHORT in compare and "第三条" in compare  # a column of its own, with 第三条's duties of the principal leader
    form = httpx.get(f"{server}/ask/departments-regulating-hazard", timeout=30).text
    assert f"/jurisdiction/{SLUG}" in form  # offered in the question form's jurisdiction list


def test_its_slug_and_name_are_nowhere_in_the_package_code() -> None:
    package = packaged("sources").parent.parent
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert SLUG not in text and SHORT not in text, path
