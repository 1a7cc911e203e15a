"""The completeness shapes, written at build time from the requirements: one SHACL Core shape per jurisdiction
and requirement that applies to it, each with a message in zh and en that names the jurisdiction's rule, what
is missing and the national article that requires it."""

from rdflib.namespace import SH

from safetykg.core.errors import SourceError
from safetykg.core.namespaces import ID, SHAPES, SKG
from safetykg.corpus.catalogue import SourceDocument
from safetykg.quality.requirements import REQUIREMENTS_FILE, Requirement, national_article_label, requirements_for


def _message(requirement: Requirement, source: SourceDocument, lang: str, baseline: SourceDocument | None) -> str:
    """Names the jurisdiction's rule, what is missing, and the national article that requires it
    (Violation) or that shows the practice (Warning)."""
    required = requirement.severity == SH.Violation
    if lang == "zh":
        basis = (
            f"（{'依据' if required else '参照'}{national_article_label(requirement.national_article, 'zh', baseline)}）"
            if requirement.national_article and baseline
            else ""
        )
        return f"{source.short_title}{requirement.missing_zh}{basis}"
    basis = ""
    if requirement.national_article and baseline:
        article = national_article_label(requirement.national_article, "en", baseline)
        basis = f" (required by {article})" if required else f" (as {article} does)"
    return f"{source.short_title_en} {requirement.missing_en}{basis}"


HEADER = f"""# Completeness shapes, written by the build from data/requirements/{REQUIREMENTS_FILE}.
# One shape per jurisdiction and requirement, targeting that jurisdiction's rule. SHACL Core only.
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix skg: <{SKG}> .
@prefix skgsh: <{SHAPES}> .
"""


def _literal(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _local_check(shape: str, requirement: Requirement, severity: str, jurisdiction: str) -> str:
    """Checks of a rule against itself: the value nodes that fail are the domains or departments concerned."""
    place = f"<{ID}jurisdiction/{jurisdiction}>"
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
                sh:property [ sh:path org:role ; sh:hasValue <{ID}role/principal-leader> ] ;
                sh:property [ sh:path [ sh:inversePath skg:bearer ] ; sh:minCount 1 ] ;
            ] ;
            sh:qualifiedMinCount 1 ;
        ] ]
    ) ."""


def _in_chapter(requirement: Requirement) -> str:
    if requirement.chapter_function is None:
        return ""
    function = f"<{ID}chapter-function/{requirement.chapter_function}>"
    return f"\n        sh:property [ sh:path skg:chapterFunction ; sh:hasValue {function} ] ;"


def _constraint(shape: str, requirement: Requirement, severity: str, jurisdiction: str) -> str:
    """The shape's constraint: for a role, a named property shape (so every engine reports its IRI)."""
    if requirement.role:
        return f"""    sh:property {shape}--duty .

{shape}--duty a sh:PropertyShape ;
    sh:severity {severity} ;
    sh:path ( eli:jurisdiction [ sh:inversePath skg:jurisdiction ] ) ;
    sh:qualifiedValueShape [
        sh:class skg:Duty ;
        sh:property [ sh:path ( skg:bearer org:role ) ; sh:hasValue <{ID}role/{requirement.role}> ] ;
        sh:property [ sh:path ( skg:bearer org:postIn skg:organKind ) ; sh:hasValue <{ID}organ-kind/{requirement.organ_kind}> ] ;{_in_chapter(requirement)}
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


def completeness_shapes(
    sources: list[SourceDocument], requirements: tuple[Requirement, ...], baseline: SourceDocument | None
) -> str:
    """The Turtle text of one SHACL Core shape per jurisdiction and requirement that applies to it. A rule that no
    requirement applies to would be reported complete by default: that stops the build."""
    blocks = [HEADER]
    for source in sources:
        applying = requirements_for(requirements, source)
        if not applying:
            raise SourceError(
                REQUIREMENTS_FILE,
                1,
                f"no completeness requirement applies to {source.id} (jurisdiction {source.jurisdiction}); "
                "its rule could not be checked: drop it from a requirement's except list or add it to a jurisdictions list",
            )
        for requirement in applying:
            severity = "sh:Violation" if requirement.severity == SH.Violation else "sh:Warning"
            national = (
                f"\n    skg:nationalArticle <{ID}regulation/{baseline.id}/article/{requirement.national_article}> ;"
                if requirement.national_article and baseline
                else ""
            )
            shape = f"skgsh:{source.id}--{requirement.id}"
            blocks.append(
                f"""{shape} a sh:NodeShape ;
    sh:targetNode <{ID}regulation/{source.id}> ;
    sh:severity {severity} ;
    skg:requirement "{requirement.id}" ;{national}
    rdfs:label {_literal(requirement.label_zh, "zh")} , {_literal(requirement.label_en, "en")} ;
    sh:message {_literal(_message(requirement, source, "zh", baseline), "zh")} ,
        {_literal(_message(requirement, source, "en", baseline), "en")} ;
{_constraint(shape, requirement, severity, source.jurisdiction)}
"""
            )
    return "\n".join(blocks)
