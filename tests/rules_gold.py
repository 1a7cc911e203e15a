"""The rules of the genre the corpus has never seen (tests/rules/), added with ``safetykg add-source`` and
scored against their hand-made gold (tests/gold/rules/, see its README): structure exactly, metadata, and the
extraction's precision and recall per fact type (bearers, domains, levels, frequencies, designations, measures).

Run it: ``python -m tests.rules_gold [--list] [--rule ID]``; it adds the rules to a temporary data folder,
builds, and prints the figures. qinglan-2019 and wutong-2020 were the tuning texts of round 1, fengling-2021 its
held-out text; round 2 tuned on those three and held songhe-2022 out; round 3 tuned on those four and held
lanxi-2023 out; round 4 tuned on those five and held heyuan-2024 out; round 5 tuned on those six and held
yunxi-2025 out; round 6 tuned on those seven and held shiqiao-2026 out; round 7 tuned on those eight and held
yanchuan-2027 out; round 8 tuned on those nine and held lanshan-2028 out; round 9 tuned on those ten and held
moyun-2029 out; round 10 tuned on those eleven and held cangling-2030 out; round 11 tuned on those
twelve and held baihe-2031 out.
"""

import argparse
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from safetykg.cli import main as cli
from safetykg.core.resources import DataFolders
from safetykg.corpus.catalogue import load_catalogue, parse_source
from safetykg.corpus.metadata import extract_metadata
from safetykg.corpus.model import Article, ParsedDocument
from tests.obligations_gold import ID, SKG, Score, _count, _rows, gold_facts, graph_facts, organ_kind_labels, slug

ROOT = Path(__file__).resolve().parent
TEXTS = ROOT / "rules"
GOLD = ROOT / "gold" / "rules"
# in the order they are added: each lies within one added before it
RULES = (
    "qinglan-2019",
    "wutong-2020",
    "fengling-2021",
    "songhe-2022",
    "lanxi-2023",
    "heyuan-2024",
    "yunxi-2025",
    "shiqiao-2026",
    "yanchuan-2027",
    "lanshan-2028",
    "moyun-2029",
    "cangling-2030",
    "baihe-2031",
    "xilin-2032",
    "lanwan-2033",
    "dongting-2034",
    "yuping-2035",
    "qiandong-2036",
    "wuling-2037",
    "shigang-2038",
    "baiyin-2039",
    "fenglin-2040",
    "chibi-2041",
    "huaping-2042",
    "yuzhou-2043",
    "hadan-2044",
    "qifeng-2045",
    "liutang-2046",
    "shankou-2047",
    "tanping-2049",
    "heting-2048",
    "chengyang-2050",
    "luwan-2051",
    "shaquan-2052",
)
# round 1 tuned on qinglan and wutong and held fengling out; round 2 tuned on those three and held songhe out;
# round 3 tuned on those four and held lanxi out; round 4 tuned on those five and held heyuan out; round 5 tuned
# on those six and held yunxi out; round 6 tuned on those seven and held shiqiao (a town, within yunxi) out; round
# 7 tuned on those eight and held yanchuan (a city, within qinglan) out; round 8 tuned on those nine and held
# lanshan (a banner, within qinglan) out; round 9 tuned on those ten and held moyun (an autonomous county, within
# wutong) out; round 10 tuned on those eleven and held cangling (an autonomous region) out;
# round 11 tuned on those twelve and held baihe (a district, within yanchuan) out; round 12 tuned on those thirteen
# and held xilin (a prefecture, 地区, within qinglan) out; round 13 tuned on those fourteen and held lanwan (a new
# area, 新区, within qinglan) out; round 14 tuned on those fifteen and held dongting (a sub-district, 街道, within
# wutong) out; round 15 tuned on those sixteen and held yuping (a county, within wutong) out; round 16 tuned on those
# seventeen and held qiandong (an autonomous prefecture, within qinglan) out; round 17 tuned on those eighteen (and
# the lexicon learnt the organ words of leagues, forest districts, special and mining districts and townships before
# any text of them) and held wuling (a forest district, 林区, within qinglan) out; round 19 tuned on those nineteen
# and held shigang (a mining district, 矿区, within yanchuan) out; round 21 tuned on those twenty and held baiyin (a
# league, 盟, within cangling) out; round 23 tuned on those twenty-one and held fenglin (a special district, 特区,
# within yanchuan) out; round 25 tuned on those twenty-two and held chibi (a county-level city within the prefecture
# xilin, a gazette's OCR) out; round 27 tuned on those twenty-three (chibi's misses were left: its gold and the
# earlier ones read a lead-in with 应当 differently) and held huaping (an ethnic township, within yunxi, printed in a
# county's collection with the compiler's footnotes) out; round 29 tuned on those twenty-four and held yuzhou (a
# municipality directly under the central government, a bilingual copy) out; round 31 tuned on those twenty-five
# and held hadan (an autonomous banner within baiyin, a draft for public comment) out; round 32 tuned on hadan;
# round 33 tuned on those twenty-six and held qifeng (a prefecture-level city within qinglan, an annotated edition
# with the editors' notes after every article) out; round 34 tuned on qifeng; round 35 tuned on those twenty-seven
# and held liutang (a county within qifeng, a web copy that lost its line breaks) out; round 36 tuned on liutang;
# round 37 tuned on those twenty-eight and held shankou (a township within liutang, the OCR of a faxed copy) out;
# round 38 tuned on shankou; round 39 tuned on shankou again; round 40 held two out, each scored once: tanping (a
# county within guiyang, saved from a word processor with Arabic numerals; as it came) and heting (a city within hubei,
# copied out of a gazette with its contents and the next document; after parser rules only); round 41 tuned on those
# two; round 42 held chengyang (a province, its 细则 reposted in a WeChat post) out, scored once after parser rules only;
# round 43 tuned on chengyang; round 44 held luwan (a city within hebei, a consolidated text after an amendment that
# inserted 第九条之一 and 第十四条之一/之二) out, scored once after parser rules only; round 45 tuned on luwan; round 46
# held shaquan (a county within xinjiang, pdftotext -layout output with lists bulleted by ——) out, scored once after
# parser rules only (on round 44's extraction): the goal met for all six fact types
HELD_OUT: tuple[str, ...] = ("shaquan-2052",)
TUNING = tuple(rule for rule in RULES if rule not in HELD_OUT)
FACT_TYPES = ("bearers", "domains", "levels", "frequencies", "designations", "measures")


def load_gold(rule: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((GOLD / f"{rule}.yaml").read_text(encoding="utf-8"))
    return data


def add_arguments(rule: str, data: Path) -> list[str]:
    """The documented command that adds one rule, with what its gold says add-source is told."""
    source = load_gold(rule)["source"]
    args = ["add-source", str(TEXTS / f"{rule}.txt"), "--id", rule, "--jurisdiction", source["jurisdiction"]]
    if source.get("level"):
        args += ["--level", source["level"]]
    if source.get("within"):
        args += ["--within", source["within"]]
    return [*args, "--data", str(data)]


def add_and_build(data: Path, dist: Path) -> None:
    for rule in RULES:
        code = cli(add_arguments(rule, data))
        if code != 0:
            raise RuntimeError(f"safetykg add-source {rule} exited {code}")
    code = cli(["build", "--data", str(data), "--dist", str(dist)])
    if code != 0:
        raise RuntimeError(f"safetykg build exited {code}")


# ---------------------------------------------------------------------------------------------------- structure


def parsed_rules(data: Path) -> dict[str, ParsedDocument]:
    catalogue = load_catalogue(DataFolders(data).layers("sources"))
    return {rule: parse_source(catalogue.document(rule)) for rule in RULES}


def structure_of(doc: ParsedDocument) -> dict[str, Any]:
    """The parsed document in the gold's ``structure`` form."""
    return {
        "chapters": [
            {
                "number": chapter.number,
                "title": chapter.title,
                "sections": [
                    {"number": s.number, "title": s.title, "articles": [_number(a) for a in s.articles]}
                    for s in chapter.sections
                ],
                "articles": [_number(a) for a in chapter.articles],
            }
            for chapter in doc.printed_chapters
        ],
        "articles": [
            {
                "number": _number(article),
                "paragraphs": [
                    {
                        "text": paragraph.text,
                        "items": [
                            {"text": item.text, "subitems": [sub.text for sub in item.subitems]}
                            for item in paragraph.items
                        ],
                    }
                    for paragraph in article.paragraphs
                ],
            }
            for article in doc.articles
        ],
    }


def _number(article: Article) -> int | str:
    """An article's number as the gold writes it: 9, or "9a" for 第九条之一 (an article inserted by an amendment)."""
    return article.designation if article.inserted else article.number


def _normalised(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold's structure with every optional key spelled out and every text a string."""
    return {
        "chapters": [
            {
                "number": c["number"],
                "title": str(c["title"]),
                "sections": [
                    {"number": s["number"], "title": str(s["title"]), "articles": list(s["articles"])}
                    for s in c.get("sections") or []
                ],
                "articles": list(c["articles"]),
            }
            for c in gold.get("chapters") or []
        ],
        "articles": [
            {
                "number": a["number"],
                "paragraphs": [
                    {
                        "text": str(p.get("text") or ""),
                        "items": [
                            {"text": str(i["text"]), "subitems": [str(s) for s in i.get("subitems") or []]}
                            for i in p.get("items") or []
                        ],
                    }
                    for p in a["paragraphs"]
                ],
            }
            for a in gold["articles"]
        ],
    }


def structure_differences(doc: ParsedDocument, gold: dict[str, Any]) -> list[str]:
    """Where the parsed structure differs from the gold, as readable lines ([] when it is exact)."""
    found, expected = structure_of(doc), _normalised(gold["structure"])
    differences: list[str] = []
    _diff("", found, expected, differences)
    return differences


def _diff(where: str, found: object, expected: object, out: list[str]) -> None:
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in expected:
            _diff(f"{where}.{key}", found.get(key), expected[key], out)
    elif isinstance(expected, list) and isinstance(found, list):
        if len(found) != len(expected):
            out.append(f"{where}: {len(found)} parsed, {len(expected)} in the gold")
        for index, (got, wanted) in enumerate(zip(found, expected, strict=False)):
            _diff(f"{where}[{index}]", got, wanted, out)
    elif found != expected:
        out.append(f"{where}: parsed {found!r}, gold {expected!r}")


def metadata_differences(data: Path, rule: str) -> list[str]:
    catalogue = load_catalogue(DataFolders(data).layers("sources"))
    source = catalogue.document(rule)
    parsed = parse_source(source)
    meta = extract_metadata(source, parsed, catalogue)
    gold = load_gold(rule)["metadata"]
    in_force = gold.get("in_force") or {}
    pairs = {
        "title": (source.title, gold["title"]),
        "number": (meta.number, gold.get("number")),
        "issuers": ([i.name for i in source.issuers], list(gold.get("issuers") or [])),
        "issued": (meta.issued, _date(gold.get("issued"))),
        "in_force.date": (meta.in_force_date, _date(in_force.get("date"))),
        "in_force.rule": (meta.in_force_rule, in_force.get("rule")),
        "in_force.article": (meta.in_force_article, _designation(in_force.get("article"))),
        "repeals": (sorted(r.cited.title for r in meta.repeals), sorted(gold.get("repeals") or [])),
        "amended": (
            [(a.issued, a.by.title if a.by else a.corpus_id) for a in meta.amendments],
            [(_date(a["date"]), a["by"]) for a in gold.get("amended") or []],
        ),
    }
    return [f"{key}: read {got!r}, gold {wanted!r}" for key, (got, wanted) in pairs.items() if got != wanted]


def _designation(value: object) -> str | None:
    """A gold article number (20, or "9a" for 第九条之一) as the metadata gives it."""
    return None if value is None else str(value)


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# ---------------------------------------------------------------------------------------------------- facts

MEASURES = f"""SELECT DISTINCT ?measure WHERE {{
  ?listing a <{SKG}MeasureListing> ; <{SKG}source> ?PROVISION ; <{SKG}measure> ?measure }}"""


@dataclass
class RuleScore:
    rule: str
    scores: dict[str, Score] = field(default_factory=lambda: {kind: Score() for kind in FACT_TYPES})


def score_facts(store: ox.Store, rule: str) -> RuleScore:
    result = RuleScore(rule)
    labels = organ_kind_labels(store)
    for entry in load_gold(rule)["facts"]:
        path = entry["provision"]
        expected = gold_facts(entry, labels)
        expected["measures"] = {(str(m),) for m in entry.get("measures") or []}
        found = graph_facts(store, rule, path)
        found["measures"] = {
            (slug(r["measure"].value),) for r in _rows(store, MEASURES, f"{ID}regulation/{rule}/{path}")
        }
        for kind in FACT_TYPES:
            _count(result.scores[kind], expected[kind], found[kind], f"{rule}/{path}")
    return result


def open_dump(dist: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(dist / "safetykg.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def report(score: RuleScore) -> str:
    lines = [f"{score.rule}", f"  {'fact type':<14}{'gold':>6}{'graph':>7}{'match':>7}{'precision':>11}{'recall':>8}"]
    lines += [
        f"  {kind:<14}{s.expected:>6}{s.found:>7}{s.matched:>7}{s.precision:>11.3f}{s.recall:>8.3f}"
        for kind, s in score.scores.items()
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Add the unseen rules, build, and score them against gold.")
    parser.add_argument("--rule", choices=RULES, action="append", help="score only this rule (repeatable)")
    parser.add_argument("--list", action="store_true", help="print each structure difference, miss and extra")
    args = parser.parse_args(argv)
    chosen = args.rule or list(RULES)
    with tempfile.TemporaryDirectory() as folder:
        data, dist = Path(folder) / "data", Path(folder) / "dist"
        add_and_build(data, dist)
        parsed = parsed_rules(data)
        store = open_dump(dist)
        for rule in chosen:
            role = "held out" if rule in HELD_OUT else "tuning"
            structure = structure_differences(parsed[rule], load_gold(rule))
            metadata = metadata_differences(data, rule)
            print(
                f"\n== {rule} ({role}): structure {'exact' if not structure else f'{len(structure)} differences'},"
                f" metadata {'exact' if not metadata else f'{len(metadata)} differences'}"
            )
            score = score_facts(store, rule)
            print(report(score))
            if args.list:
                for line in structure + metadata:
                    print(f"  differs: {line}")
                for kind, found in score.scores.items():
                    for fact in found.misses:
                        print(f"  miss {kind}: {fact}")
                    for fact in found.extras:
                        print(f"  extra {kind}: {fact}")


if __name__ == "__main__":
    main()
