"""Round 45's general rules, each checked on the article of 芦湾办法 (tests/rules/luwan-2051.txt) it was made for:
the lexicon's wording read by the extraction (roles.ttl, obligation-phrasings.ttl, accountability-phrasings.ttl,
level-phrases.ttl)."""

import pytest

from safetykg.core.resources import packaged
from safetykg.corpus.provisions import ProvisionRef
from safetykg.extract.accountability import AccountabilityExtractor
from safetykg.extract.duties import DutyExtractor
from safetykg.lexicon.vocabulary import Vocabulary
from tests.test_reading_genre import _bearers_by_provision, _rule

RULE = "luwan-2051"


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(packaged("lexicon"))


@pytest.fixture(scope="module")
def bearers(vocabulary: Vocabulary) -> dict[ProvisionRef, set[tuple[str, str]]]:
    return _bearers_by_provision(vocabulary, _rule(RULE))


def test_the_leading_comrade_in_charge_of_safety_is_the_deputy(
    bearers: dict[ProvisionRef, set[tuple[str, str]]],
) -> None:
    """芦湾办法 第三条第二款: 市人民政府分管安全生产工作的领导同志协助主要负责人抓好全市安全生产工作，负综合监管领导责任 — the
    government's leading comrade in charge of work safety is its deputy in charge of safety (roles.ttl,
    分管安全生产工作的领导同志), as 分管安全生产工作的负责人 is."""
    assert ("government", "deputy-in-charge-of-safety") in bearers[ProvisionRef(RULE, 3, 2)]


def test_the_body_that_puts_forward_an_opinion_is_obliged(bearers: dict[ProvisionRef, set[tuple[str, str]]]) -> None:
    """芦湾办法 第九条之一第二款: …行业主管部门不明确的，由市安委会提出意见，报市人民政府确定 — 由X提出 allocates the task to X
    (obligation-phrasings.ttl allocation and agent), as 由X确定 does."""
    assert bearers[ProvisionRef(RULE, 9, 2, inserted=1)] == {("government", ""), ("safety-committee", "")}


def test_the_bodies_that_hold_to_account_in_a_lead_in_are_obliged(
    bearers: dict[ProvisionRef, set[tuple[str, str]]],
) -> None:
    """芦湾办法 第十四条第一款: …有下列情形之一的，由市委、市人民政府按照干部管理权限予以问责： — 由X…予以问责 obliges X, as
    由X…进行问责 does (obligation-phrasings.ttl allocation); the circumstances listed under it oblige no one."""
    assert bearers[ProvisionRef(RULE, 14, 1)] == {("party-committee", ""), ("government", "")}
    assert ProvisionRef(RULE, 14, 1, 1) not in bearers


def test_a_body_that_interviews_the_heads_is_obliged(bearers: dict[ProvisionRef, set[tuple[str, str]]]) -> None:
    """芦湾办法 第十四条之一第一款: 市安委会对…的县（市、区），约谈其党委和政府主要负责人，并在全市范围内通报批评 — interviewing
    the heads (约谈…负责人, obligation-phrasings.ttl duties-done) is the duty of the body named before (市安委会)."""
    assert bearers[ProvisionRef(RULE, 14, 1, inserted=1)] == {("safety-committee", "")}


def test_measures_after_a_long_description_of_whom_they_concern(vocabulary: Vocabulary) -> None:
    """芦湾办法 第十四条之一第一款: 市安委会对安全生产工作推进不力、重大事故隐患整改不到位或者一年内发生2起以上较大生产安全事故的
    县（市、区），约谈…，并在全市范围内通报批评 — the measures after 对…的…， are read however long the description of whom
    they concern (accountability-phrasings.ttl measure-clause): interview and notice."""
    found = AccountabilityExtractor(vocabulary).extract(_rule(RULE)).measures
    measures = {str(m.measure.iri).rsplit("/", 1)[-1] for m in found if m.ref == ProvisionRef(RULE, 14, 1, inserted=1)}
    assert measures == {"interview", "notice"}


def test_the_city_s_safety_committee_and_its_office_name_the_city_level(vocabulary: Vocabulary) -> None:
    """芦湾办法 第十四条之一: 市安委会 (第一款) and 市安委会办公室 (第二款, the office reported to) are the city's bodies, at the
    city level, as 市安全生产委员会 is (level-phrases.ttl provision-08)."""
    levels = DutyExtractor(vocabulary).extract(_rule(RULE)).provision_levels
    assert levels[ProvisionRef(RULE, 14, 1, inserted=1)] == ("city", "county")
    assert levels[ProvisionRef(RULE, 14, 2, inserted=1)] == ("city", "county")
