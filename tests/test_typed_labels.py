"""What people type for a question's parameters (issue 16): the lexicon's typed labels (hidden labels and English
alternative labels, data/lexicon/typed-labels.ttl) resolve to the right concept, an organ resolves from place +
department, ambiguous or unknown values still refuse, and a hidden label is never matched in a regulation's text.
"""

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from safetykg.core.namespaces import ID, SKG
from safetykg.core.resources import packaged
from safetykg.lexicon.vocabulary import TermMatcher, Vocabulary
from safetykg.query.bindings import with_values
from safetykg.query.questions import Parameter, QuestionError, resolve
from tests.user_values import load_values, resolved_right

TYPED_LABELS = packaged("lexicon") / "typed-labels.ttl"


def value_of(store: ox.Store, kind: str, value: str) -> str:
    """The IRI a typed value resolves to, as a parameter of that type."""
    term = resolve(store, Parameter("value", kind, True, "", ""), value)
    assert isinstance(term, ox.NamedNode)
    return term.value


# The values issue 16 lists, with the concept each one means.
ISSUE_VALUES = [
    ("domain", "civil explosives", "domain/civilian-explosives"),
    ("domain", "road traffic", "domain/road-traffic"),
    ("domain", "hazmat", "domain/hazardous-materials"),
    ("domain", "coal mining", "domain/coal-mines"),
    ("domain", "fire safety", "domain/fire-protection"),
    ("role", "Party secretary", "role/principal-leader"),
    ("role", "deputy in charge of safety", "role/deputy-in-charge-of-safety"),
    ("role", "mayor", "role/principal-leader"),
    ("level", "national", "level/national"),
    ("jurisdiction", "national", "jurisdiction/china"),
    ("domain", "危化品", "domain/hazardous-chemicals"),
    ("domain", "民爆", "domain/civilian-explosives"),
    ("organ-kind", "安监部门", "organ-kind/safety-supervision-administration"),
    ("role", "分管副县长", "role/member-in-charge-of-field"),
    ("role", "常务副县长", "role/leadership-team-member"),
    ("role", "乡镇党委书记", "role/principal-leader"),
    ("jurisdiction", "中央规定", "jurisdiction/china"),
    ("activity-kind", "开会", "activity-kind/meeting"),
    ("accountability-measure", "停职", "accountability-measure/suspension-for-examination"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), ISSUE_VALUES)
def test_the_values_the_issue_lists_resolve_to_their_concept(
    store: ox.Store, kind: str, value: str, expected: str
) -> None:
    assert value_of(store, kind, value) == f"{ID}{expected}"


@pytest.mark.parametrize(
    ("value", "role"),
    [
        ("县委书记", "principal-leader"),
        ("书记", "principal-leader"),
        ("mayor", "principal-leader"),
        ("governor", "principal-leader"),
        ("自治区主席", "principal-leader"),
        ("分管副县长", "member-in-charge-of-field"),  # in charge of some field, like 分管领导
        ("分管安全生产的副县长", "deputy-in-charge-of-safety"),
        ("副书记", "other-leadership-members"),
    ],
)
def test_everyday_titles_name_the_role_they_hold(store: ox.Store, value: str, role: str) -> None:
    """Everyday titles name a role (the organ, Party committee or government, is a parameter of its own)."""
    assert value_of(store, "role", value) == f"{ID}role/{role}"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("domain", "  Coal   Mining ", "domain/coal-mines"),  # case and spaces
        ("domain", "Non Coal Mines", "domain/non-coal-mines"),  # a hyphen typed as a space
        ("jurisdiction", "ＸＵＡＲ", "jurisdiction/xinjiang"),  # full-width letters
        ("organ", "新疆 公安厅", "organ/xinjiang/public-security"),  # no space counts in Chinese
        ("role", "vice chair", "role/vice-chair"),  # an IRI's last segment, spaced
    ],
)
def test_case_spacing_and_width_do_not_matter(store: ox.Store, kind: str, value: str, expected: str) -> None:
    assert value_of(store, kind, value) == f"{ID}{expected}"


def organ_is(store: ox.Store, organ: str, kind: str, place: str) -> bool:
    query = f"ASK {{ ?organ a <{SKG}Organ> ; <{SKG}organKind> ?kind ; <{SKG}jurisdiction> ?place . }}"
    bound = {
        ox.Variable("organ"): ox.NamedNode(organ),
        ox.Variable("kind"): ox.NamedNode(f"{ID}organ-kind/{kind}"),
        ox.Variable("place"): ox.NamedNode(f"{ID}jurisdiction/{place}"),
    }
    return bool(store.query(with_values(query, bound), use_default_graph_as_union=True))


@pytest.mark.parametrize(
    "value",
    ["新疆公安厅", "新疆维吾尔自治区公安厅", "自治区公安厅", "Xinjiang public security department", "XUAR police"],
)
def test_xinjiang_public_security_department_is_xinjiangs_public_security_organ(store: ox.Store, value: str) -> None:
    """Place + department: a jurisdiction's label, then an organ kind's label (公安厅 is a label of the kind)."""
    assert organ_is(store, value_of(store, "organ", value), "public-security", "xinjiang")


def test_place_plus_department_takes_the_longest_place_whose_rest_is_a_kind(store: ox.Store) -> None:
    """湖北省委 is 湖北 + 省委 (湖北省 + 委 is no kind); the place must be a whole word in English."""
    assert organ_is(store, value_of(store, "organ", "湖北省委"), "party-committee", "hubei")
    assert organ_is(store, value_of(store, "organ", "Hubei's Party committee"), "party-committee", "hubei")
    with pytest.raises(QuestionError, match="unknown organ"):
        value_of(store, "organ", "Hubeiparty committee")


def test_a_place_and_kind_without_an_organ_in_the_graph_says_so(store: ox.Store) -> None:
    """Guizhou has no rule in the corpus, so no organ of it: the message says what the value was read as."""
    with pytest.raises(QuestionError, match=r"public-security organ of guizhou.*no regulation in the graph names"):
        value_of(store, "organ", "贵州公安厅")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("jurisdiction", "广东"),
        ("jurisdiction", "Guangdong"),
        ("jurisdiction", "四川"),
        ("jurisdiction", "Sichuan"),
        ("organ", "广东公安厅"),
        ("organ", "四川省应急管理厅"),
    ],
)
def test_guangdong_and_sichuan_still_refuse(store: ox.Store, kind: str, value: str) -> None:
    """No rule of Guangdong or Sichuan is in the corpus: unknown, with no place read into the value."""
    with pytest.raises(QuestionError, match=f"unknown {kind} for value"):
        value_of(store, kind, value)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("organ-kind", "广电局"),  # the press-publication-broadcasting and the radio-television department
        ("organ", "政府"),  # a kind's name: the government of every place
    ],
)
def test_ambiguous_values_stay_ambiguous(store: ox.Store, kind: str, value: str) -> None:
    with pytest.raises(QuestionError, match=r"is ambiguous: it names .*; give an IRI"):
        value_of(store, kind, value)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("domain", "food safety"),
        ("domain", "GDP"),
        ("role", "CEO"),
        ("role", "村支书"),
        ("role", "主席"),
        ("level", "村级"),
        ("accountability-measure", "罚款"),
        ("accountability-measure", "检查"),
    ],
)
def test_what_means_nothing_here_still_refuses(store: ox.Store, kind: str, value: str) -> None:
    with pytest.raises(QuestionError, match=f"unknown {kind}"):
        value_of(store, kind, value)


def test_every_value_of_the_list_that_needs_only_labels_resolves(store: ox.Store) -> None:
    """The user-values list (only its part open for writing labels): every value but an organ, which also needs
    the organ to be in the graph, resolves to the expected concept or, where nothing should match, refuses."""
    wrong = [
        (entry["kind"], entry["value"])
        for entry in load_values()
        if entry.get("held_out") is False and entry["kind"] != "organ" and not resolved_right(store, entry)
    ]
    assert wrong == []


def small_lexicon() -> Graph:
    """One domain with a preferred, an alternative and a hidden zh label."""
    graph = Graph()
    concept, scheme = URIRef(f"{ID}domain/hazardous-chemicals"), URIRef(f"{ID}scheme/domains")
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.prefLabel, Literal("危险化学品", lang="zh")))
    graph.add((concept, SKOS.altLabel, Literal("危化品", lang="zh")))
    graph.add((concept, SKOS.hiddenLabel, Literal("危化", lang="zh")))
    graph.add((concept, SKOS.hiddenLabel, Literal("化学品", lang="zh")))
    return graph


def test_hidden_labels_are_never_matched_in_the_texts() -> None:
    vocabulary = Vocabulary(small_lexicon())
    (concept,) = vocabulary.in_scheme("domains")
    assert sorted(concept.labels_zh) == ["危化品", "危险化学品"]
    matcher: TermMatcher = vocabulary.matcher("domains")
    found = [m.label for m in matcher.find("加强危险化学品和危化品管理，危化企业与化学品仓库。")]
    assert found == ["危险化学品", "危化品"]  # neither 危化 nor 化学品 (hidden labels) is found
    assert matcher.find("危化企业") == []


def test_the_typed_labels_file_adds_only_hidden_labels_in_chinese() -> None:
    """typed-labels.ttl gives the other files' concepts hidden labels (any language) and English alternative
    labels, nothing else: no zh altLabel or prefLabel, which the extractors would match in the texts."""
    typed = Graph().parse(TYPED_LABELS)
    others = Graph()
    for path in sorted(packaged("lexicon").glob("*.ttl")):
        if path.name != TYPED_LABELS.name:
            others.parse(path)
    concepts = set(others.subjects(RDF.type, SKOS.Concept))
    for subject, predicate, label in typed:
        assert subject in concepts, f"{subject} is not a concept of the other lexicon files"
        assert predicate in (SKOS.hiddenLabel, SKOS.altLabel), (subject, predicate)
        assert isinstance(label, Literal) and label.language in ("zh", "en"), (subject, label)
        if predicate == SKOS.altLabel:
            assert label.language == "en", f"{subject}: a zh altLabel would be matched in the texts: {label}"
