"""What each jurisdiction's rule must contain, with the national rule as the baseline.

One table, one home: the completeness shapes (shapes/completeness.ttl) are generated from it, one
shape per jurisdiction and requirement, each with a message in zh and en that names the
jurisdiction, what is missing and the national article that requires it.
"""

from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import SH

from safetykg.iris import ELI, SKG
from safetykg.numerals import to_chinese_numeral
from safetykg.sources import SourceDocument

SKGSH = Namespace("https://w3id.org/safetykg/shapes#")
NATIONAL = "national-2018"


@dataclass(frozen=True)
class Requirement:
    id: str
    label_zh: str
    label_en: str
    missing_zh: str  # what the message says is missing
    missing_en: str
    national_article: int | None
    severity: URIRef  # sh:Violation for what the national rule requires, sh:Warning for local practice
    organ_kind: str | None = None  # role requirements: a duty borne by a post of this organ kind …
    role: str | None = None  # … with this role
    property: URIRef | None = None  # element requirements: the regulation must have this (or the alternative)
    alternative: URIRef | None = None
    node_class: URIRef | None = None  # accountability requirements: the jurisdiction has a node of this class
    local_check: str | None = None  # local-practice checks with their own constraint (see _local_check)


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "party-secretary",
        "党委主要负责人的职责",
        "duties of the Party committee's principal leader",
        "未给党委主要负责人规定安全生产职责",
        "gives no duties to the Party committee's principal leader",
        5,
        SH.Violation,
        "party-committee",
        "principal-leader",
    ),
    Requirement(
        "government-head",
        "政府主要负责人的职责",
        "duties of the government's principal leader",
        "未给政府主要负责人规定安全生产职责",
        "gives no duties to the government's principal leader",
        6,
        SH.Violation,
        "government",
        "principal-leader",
    ),
    Requirement(
        "other-standing-committee-members",
        "党委常委会其他成员的职责",
        "duties of the other standing-committee members",
        "未给党委常委会其他成员规定安全生产职责",
        "gives no duties to the other members of the Party standing committee",
        7,
        SH.Violation,
        "party-committee",
        "other-leadership-members",
    ),
    Requirement(
        "government-deputy-for-safety",
        "分管安全生产的政府领导的职责",
        "duties of the government leader in charge of work safety",
        "未给分管安全生产工作的政府领导规定职责",
        "gives no duties to the government leader in charge of work safety",
        8,
        SH.Violation,
        "government",
        "deputy-in-charge-of-safety",
    ),
    Requirement(
        "other-government-leaders",
        "政府其他领导干部的职责",
        "duties of the other government leaders",
        "未给政府其他领导干部规定安全生产职责",
        "gives no duties to the other government leaders",
        9,
        SH.Violation,
        "government",
        "other-leadership-members",
    ),
    Requirement(
        "accountability-triggers",
        "问责情形",
        "situations that trigger accountability",
        "未列明问责情形",
        "lists no situations that trigger accountability",
        18,
        SH.Violation,
        node_class=SKG.AccountabilityTrigger,
    ),
    Requirement(
        "accountability-measures",
        "问责方式",
        "accountability measures",
        "未列明问责方式",
        "names no accountability measures",
        19,
        SH.Violation,
        node_class=SKG.MeasureListing,
    ),
    Requirement(
        "accountability-pursuers",
        "问责的实施机关",
        "who pursues accountability",
        "未写明由谁实施问责",
        "does not say who pursues accountability",
        26,
        SH.Violation,
        node_class=SKG.PursuitRule,
    ),
    Requirement(
        "domains-have-departments",
        "每个领域都有负责部门",
        "a responsible department for every domain",
        "提到的领域中有的没有任何负责部门",
        "names domains that no department is responsible for",
        None,
        SH.Warning,
        local_check="domains",
    ),
    Requirement(
        "designated-departments-have-principal-leaders",
        "认定的监管部门主要负责人有职责",
        "duties for the principal leader of every designated supervisory department",
        "认定的负有安全监管职责的部门中有的主要负责人没有职责",
        "designates supervisory departments whose principal leaders have no duties",
        None,
        SH.Warning,
        local_check="designated",
    ),
    Requirement(
        "interpreter",
        "解释机关",
        "who interprets the rule",
        "未写明由谁解释",
        "names no interpreter",
        28,
        SH.Warning,
        property=SKG.interpretedBy,
    ),
    Requirement(
        "entry-into-force",
        "施行时间",
        "when the rule takes effect",
        "未写明施行时间",
        "does not say when it takes effect",
        29,
        SH.Violation,
        property=ELI.first_date_entry_in_force,
        alternative=SKG.entryIntoForceRule,
    ),
)


def national_article_label(number: int, lang: str) -> str:
    return f"中央规定第{to_chinese_numeral(number)}条" if lang == "zh" else f"national rule Art. {number}"


def _message(requirement: Requirement, source: SourceDocument, lang: str) -> str:
    """Names the jurisdiction's rule, what is missing, and the national article that requires it
    (Violation) or that shows the practice (Warning)."""
    required = requirement.severity == SH.Violation
    if lang == "zh":
        basis = (
            f"（{'依据' if required else '参照'}{national_article_label(requirement.national_article, 'zh')}）"
            if requirement.national_article
            else ""
        )
        return f"{source.short_title}{requirement.missing_zh}{basis}"
    basis = ""
    if requirement.national_article:
        article = national_article_label(requirement.national_article, "en")
        basis = f" (required by {article})" if required else f" (as {article} does)"
    return f"{source.short_title_en} {requirement.missing_en}{basis}"


HEADER = """# Completeness shapes: generated by `python -m safetykg.requirements` from the table in
# safetykg/requirements.py — edit the table, not this file (a test checks the two agree).
# One shape per jurisdiction and requirement, targeting that jurisdiction's rule. SHACL Core only.
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix skg: <https://w3id.org/safetykg/ontology#> .
@prefix skgsh: <https://w3id.org/safetykg/shapes#> .
"""


def _literal(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _local_check(shape: str, requirement: Requirement, severity: str, jurisdiction: str) -> str:
    """Checks of a rule against itself: the value nodes that fail are the domains or departments concerned."""
    place = f"<https://w3id.org/safetykg/id/jurisdiction/{jurisdiction}>"
    if requirement.local_check == "domains":
        return f"""    sh:property {shape}--stated .

{shape}--stated a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path ( eli:jurisdiction [ sh:inversePath skg:jurisdiction ] skg:concernsDomain ) ;
    sh:node [
        sh:property [
            sh:path [ sh:inversePath skg:concernsDomain ] ;
            sh:qualifiedValueShape [
                sh:property [ sh:path skg:jurisdiction ; sh:hasValue {place} ] ;
                sh:or (
                    [ sh:property [ sh:path skg:designatedOrgan ; sh:minCount 1 ] ]
                    [ sh:property [ sh:path ( skg:bearer org:postIn ) ; sh:class skg:GovernmentDepartment ; sh:minCount 1 ] ]
                    [ sh:property [ sh:path skg:bearer ; sh:class skg:GovernmentDepartment ; sh:minCount 1 ] ]
                    [ sh:property [ sh:path ( skg:bearer org:postIn ) ; sh:class skg:PartyWorkingDepartment ; sh:minCount 1 ] ]
                ) ;
            ] ;
            sh:qualifiedMinCount 1 ;
        ] ;
    ] ."""
    return f"""    sh:property {shape}--stated .

{shape}--stated a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path ( eli:jurisdiction [ sh:inversePath skg:jurisdiction ] ) ;
    sh:or (
        [ sh:not [ sh:class skg:SupervisoryDepartment ] ]
        [ sh:property [
            sh:path [ sh:inversePath org:postIn ] ;
            sh:qualifiedValueShape [
                sh:property [ sh:path org:role ; sh:hasValue <https://w3id.org/safetykg/id/role/principal-leader> ] ;
                sh:property [ sh:path [ sh:inversePath skg:bearer ] ; sh:minCount 1 ] ;
            ] ;
            sh:qualifiedMinCount 1 ;
        ] ]
    ) ."""


def _constraint(shape: str, requirement: Requirement, severity: str, jurisdiction: str) -> str:
    """The shape's constraint: for a role, a named property shape (so every engine reports its IRI)."""
    if requirement.role:
        return f"""    sh:property {shape}--duty .

{shape}--duty a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path ( eli:jurisdiction [ sh:inversePath skg:jurisdiction ] ) ;
    sh:qualifiedValueShape [
        sh:class skg:Duty ;
        sh:property [ sh:path ( skg:bearer org:role ) ; sh:hasValue <https://w3id.org/safetykg/id/role/{requirement.role}> ] ;
        sh:property [ sh:path ( skg:bearer org:postIn skg:organKind ) ; sh:hasValue <https://w3id.org/safetykg/id/organ-kind/{requirement.organ_kind}> ] ;
    ] ;
    sh:qualifiedMinCount 1 ."""
    if requirement.local_check:
        return _local_check(shape, requirement, severity, jurisdiction)
    if requirement.node_class:
        return f"""    sh:property {shape}--stated .

{shape}--stated a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path ( eli:jurisdiction [ sh:inversePath skg:jurisdiction ] ) ;
    sh:qualifiedValueShape [ sh:class <{requirement.node_class}> ] ;
    sh:qualifiedMinCount 1 ."""
    assert requirement.property is not None
    if requirement.alternative is None:
        return f"""    sh:property {shape}--stated .

{shape}--stated a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path <{requirement.property}> ;
    sh:minCount 1 ."""
    first = f"[ sh:path <{requirement.property}> ; sh:minCount 1 ]"
    second = f"[ sh:path <{requirement.alternative}> ; sh:minCount 1 ]"
    return f"    sh:or ( [ sh:property {first} ] [ sh:property {second} ] ) ."


def completeness_shapes(sources: list[SourceDocument]) -> str:
    """The Turtle text of one SHACL Core shape per jurisdiction and requirement."""
    blocks = [HEADER]
    for source in sources:
        for requirement in REQUIREMENTS:
            severity = "sh:Violation" if requirement.severity == SH.Violation else "sh:Warning"
            national = (
                f"\n    skg:nationalArticle <https://w3id.org/safetykg/id/regulation/{NATIONAL}/article/{requirement.national_article}> ;"
                if requirement.national_article
                else ""
            )
            shape = f"skgsh:{source.id}--{requirement.id}"
            blocks.append(
                f"""{shape} a sh:NodeShape ;
    sh:targetNode <https://w3id.org/safetykg/id/regulation/{source.id}> ;
    sh:severity {severity} ;
    skg:requirement "{requirement.id}" ;{national}
    rdfs:label {_literal(requirement.label_zh, "zh")} , {_literal(requirement.label_en, "en")} ;
    sh:message {_literal(_message(requirement, source, "zh"), "zh")} ,
        {_literal(_message(requirement, source, "en"), "en")} ;
{_constraint(shape, requirement, severity, source.jurisdiction)}
"""
            )
    return "\n".join(blocks)


if __name__ == "__main__":
    from pathlib import Path

    from safetykg.sources import load_catalogue

    root = Path(__file__).resolve().parent.parent
    catalogue = load_catalogue(root / "data" / "sources")
    target = root / "shapes" / "completeness.ttl"
    target.write_text(completeness_shapes(list(catalogue.documents)), encoding="utf-8")
    print(f"wrote {target}")
