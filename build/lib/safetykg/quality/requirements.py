"""What each jurisdiction's rule must contain, with the national rule as the baseline.

One table, one home: the completeness shapes (data/shapes/completeness.ttl) are generated from it by
``safetykg.quality.shapes``, one shape per jurisdiction and requirement.
"""

from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import SH

from safetykg.core.iris import ELI, SKG
from safetykg.corpus.numerals import to_chinese_numeral

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
