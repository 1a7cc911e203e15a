"""The SPARQL 1.1 query recogniser: the W3C syntax tests, then the hazards a guard in front of pyoxigraph must see.

The W3C tests are the query syntax suites of the SPARQL test suite (tests/w3c, see its README): every positive
test must be read, every negative one refused. The targeted tests each name the hazard they check: text that
pyoxigraph's parser (spargebra, a PEG parser matching keywords without word boundaries) reads differently from
the grammar, nesting and operator chains deep enough to hurt the engine, and what the reading reports.
"""

import ast
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from safetykg.query import sparql_grammar
from safetykg.query.sparql_grammar import GrammarError, QueryTooComplex, Reading, UpdateNotAllowed, read_query

W3C = Path(__file__).resolve().parent / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
POSITIVE = {MF.PositiveSyntaxTest, MF.PositiveSyntaxTest11}
NEGATIVE = {MF.NegativeSyntaxTest, MF.NegativeSyntaxTest11}
# suite -> (positive, negative) tests its manifest lists
SUITES = {
    "syntax-sparql1": (81, 0),
    "syntax-sparql2": (53, 0),
    "syntax-sparql3": (9, 42),
    "syntax-sparql4": (4, 8),
    "syntax-sparql5": (2, 0),
    "syntax-query": (60, 26),
    "syntax-fed": (3, 0),
}
# A SPARQL 1.0 test that SPARQL 1.1 turned negative: "123." was a DECIMAL in 1.0, and is INTEGER then '.' in 1.1
# ([147] DECIMAL ::= [0-9]* '.' [0-9]+), so "123. ." has a dot too many. rdflib, Oxigraph and ruby-rdf skip it too.
SPARQL_10_ONLY = {"syntax-sparql1/syntax-lit-08.rq"}
ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
ENDPOINT = "<http://127.0.0.1:9999/x>"


def unescape(text: str) -> str:
    """Apply the codepoint escapes of section 19.2, as the caller of read_query does."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def manifest_tests(suite: str) -> list[tuple[str, Path, bool]]:
    """(id, query file, positive?) for each syntax test in the suite's mf:entries; [] when the folder is missing."""
    path = W3C / suite / "manifest.ttl"
    if not path.exists():
        return []
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = graph.value(manifest, MF.entries)
    assert entries is not None, f"{path} has no mf:entries"
    tests = []
    for entry in Collection(graph, entries):
        kind = graph.value(entry, RDF.type)
        if kind in POSITIVE or kind in NEGATIVE:
            query = Path(unquote(urlparse(str(graph.value(entry, MF.action))).path))
            tests.append((f"{suite}/{query.name}", query, kind in POSITIVE))
    return tests


ALL_TESTS = [test for suite in SUITES for test in manifest_tests(suite)]
POSITIVE_TESTS = [(name, query) for name, query, positive in ALL_TESTS if positive and name not in SPARQL_10_ONLY]
NEGATIVE_TESTS = [(name, query) for name, query, positive in ALL_TESTS if not positive]


def read(text: str) -> Reading:
    return read_query(text)


def services(text: str) -> list[int]:
    return list(read(text).services)


def refused(text: str) -> GrammarError:
    with pytest.raises(GrammarError) as caught:
        read(text)
    return caught.value


# --- the W3C syntax tests


@pytest.mark.parametrize("suite", list(SUITES))
def test_w3c_suite_is_present_and_whole(suite: str) -> None:
    tests = manifest_tests(suite)
    assert tests, f"{W3C / suite} is missing or its manifest lists no syntax test"
    positive = sum(1 for _, _, is_positive in tests if is_positive)
    assert (positive, len(tests) - positive) == SUITES[suite]
    for name, query, _ in tests:
        assert query.is_file(), f"{name}: {query} is missing"


@pytest.mark.parametrize(("name", "query"), POSITIVE_TESTS, ids=[name for name, _ in POSITIVE_TESTS])
def test_w3c_positive_syntax(name: str, query: Path) -> None:
    reading = read(unescape(query.read_text(encoding="utf-8")))
    if name.startswith("syntax-fed/"):
        assert reading.services, "every federation test calls SERVICE"


@pytest.mark.parametrize(("name", "query"), NEGATIVE_TESTS, ids=[name for name, _ in NEGATIVE_TESTS])
def test_w3c_negative_syntax(name: str, query: Path) -> None:
    with pytest.raises(GrammarError):
        read(unescape(query.read_text(encoding="utf-8")))


def test_sparql_10_decimal_test_is_refused_as_sparql_11() -> None:
    (query,) = [query for name, query, _ in ALL_TESTS if name in SPARQL_10_ONLY]
    assert "expected '}'" in refused(query.read_text(encoding="utf-8")).message


# --- SERVICE where the engine sees it: tokens end where the grammar ends them


@pytest.mark.parametrize(
    "join",
    [
        pytest.param("?o.SERVICE SILENT", id="dot after a variable ends the triple"),
        pytest.param("true.SERVICE", id="dot after true"),
        pytest.param('"x"@en.SERVICE', id="dot after a language tag"),
        pytest.param("1.SERVICE", id="dot after an integer is not a decimal"),
        pytest.param("1 .SERVICE", id="dot then keyword"),
        pytest.param("?o # c\rSERVICE", id="comment ended by CR"),
        pytest.param("?o # c\nSERVICE", id="comment ended by LF"),
        pytest.param("?o#\r\nSERVICE", id="comment ended by CRLF"),
        pytest.param("1SERVICE", id="integer then keyword"),
        pytest.param("1e1SERVICE", id="double then keyword"),
        pytest.param("?o service silent", id="keywords in lower case"),
        pytest.param("?o.\tSeRvIcE", id="keywords in mixed case"),
    ],
)
def test_service_after_a_triple_is_seen(join: str) -> None:
    text = f"SELECT * WHERE {{ ?s ?p {join} {ENDPOINT} {{ ?a ?b ?c }} }}"
    assert services(text) == [text.upper().index("SERVICE")]


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param("{ SELECT * WHERE { SERVICE <http://e/> { ?s ?p ?o } } }", id="sub-select"),
        pytest.param("FILTER EXISTS { SERVICE <http://e/> { ?s ?p ?o } }", id="filter exists"),
        pytest.param("FILTER (NOT EXISTS { SERVICE <http://e/> { } })", id="filter not exists"),
        pytest.param("OPTIONAL { SERVICE <http://e/> { ?s ?p ?o } }", id="optional"),
        pytest.param("MINUS { SERVICE <http://e/> { ?s ?p ?o } }", id="minus"),
        pytest.param("{ } UNION { SERVICE <http://e/> { ?s ?p ?o } }", id="union"),
        pytest.param("GRAPH ?g { SERVICE <http://e/> { ?s ?p ?o } }", id="graph"),
        pytest.param("SERVICE <http://a/> { SERVICE <http://e/> { ?s ?p ?o } }", id="nested service"),
        pytest.param("BIND (EXISTS { SERVICE <http://e/> { } } AS ?x)", id="bind exists"),
        pytest.param("SERVICE ?endpoint { ?s ?p ?o }", id="variable endpoint"),
    ],
)
def test_service_is_seen_wherever_it_stands(pattern: str) -> None:
    text = f"SELECT * WHERE {{ ?s ?p ?o . {pattern} }}"
    found = services(text)
    assert found and found[-1] == text.rindex("SERVICE")


def test_service_in_select_expression_and_having_is_seen() -> None:
    text = (
        "SELECT ?s (EXISTS { SERVICE <http://e/> {} } AS ?e) WHERE { ?s ?p ?o }"
        " GROUP BY ?s HAVING (EXISTS { SERVICE <http://f/> {} })"
    )
    assert services(text) == [m.start() for m in re.finditer("SERVICE", text)]


def test_service_with_a_prefixed_endpoint() -> None:
    text = "PREFIX : <http://127.0.0.1:9999/> SELECT * { SERVICE :a {} }"
    assert services(text) == [text.index("SERVICE")]


def test_service_colon_is_a_prefixed_name_not_a_keyword() -> None:
    # By the longest match, SERVICE:a is the prefixed name SERVICE:a; spargebra reads SERVICE then :a.
    error = refused("PREFIX : <http://127.0.0.1:9999/> SELECT * { SERVICE:a {} }")
    assert "prefix SERVICE: is not declared" in error.message
    declared = "PREFIX : <http://127.0.0.1:9999/> PREFIX SERVICE: <http://s/> SELECT * {{ SERVICE:a {} }}"
    refused(declared.format("{}"))  # the prefixed name then '{': not a query
    assert services(declared.format("?p ?o")) == []  # a triple whose subject is SERVICE:a


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"SELECT * {{ ?s ?p trueSERVICE {ENDPOINT} {{}} }}", id="trueSERVICE is one unknown word"),
        pytest.param(f"SELECT * {{ SERVICESILENT{ENDPOINT} {{}} }}", id="SERVICESILENT is one unknown word"),
        pytest.param(f"SELECT * {{ ?s ?p falseSERVICE {ENDPOINT} {{}} }}", id="falseSERVICE"),
        pytest.param(f"SELECT * {{ ?s ?p ?o . SERVICE_ {ENDPOINT} {{}} }}", id="SERVICE_ is a word"),
        pytest.param(f"SELECT * {{ ?s ?p ?o . SERVICE2 {ENDPOINT} {{}} }}", id="SERVICE2 is a word"),
        pytest.param(f"SELECT * {{ ?s ?p ?o OPTIONALSERVICE {ENDPOINT} {{}} }}", id="OPTIONALSERVICE"),
        pytest.param(f"SELECT * {{ ?s ?p ?o . A {ENDPOINT} ?o }}", id="'a' is case-sensitive"),
    ],
)
def test_glued_keywords_are_unknown_words(text: str) -> None:
    assert "is not a SPARQL keyword" in refused(text).message


def test_less_than_that_opens_an_iri_hides_no_service() -> None:
    # By the longest match, <3)SERVICE:a#> is an IRIREF; spargebra reads '<', 3, ')', SERVICE :a, a comment.
    error = refused("PREFIX : <http://h/> SELECT * { ?s ?p ?x FILTER(?x<3)SERVICE:a#>\n{} }")
    assert "<3)SERVICE:a#>" in error.message


def test_longest_match_makes_an_iri_of_comparisons() -> None:
    # <2&&3> is an IRIREF, so this is not a query (the W3C test syn-bad-26 says the same)
    assert "<2&&3>" in refused("SELECT * { FILTER(1<2&&3>2) }").message
    read("SELECT * { FILTER(1 < 2 && 3 > 2) }")
    read("SELECT * { ?a ?p ?b FILTER(?a < ?b) }")
    read("SELECT * { ?a ?p ?b FILTER(?a<?b || ?a<=1) }")  # '<?b' is no IRI: '?' then ' ' ends it


def test_words_in_iris_strings_and_comments_are_not_keywords() -> None:
    text = (
        "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\n"
        'SELECT * WHERE { ?s sd:endpoint <http://x/SERVICE> ; ?p \'SERVICE <x> {}\' , """\nSERVICE\n""" .\n'
        "  # SERVICE <http://127.0.0.1:9999/x> { }\n"
        "  ?s <http://www.w3.org/ns/sparql-service-description#endpoint> ?e }"
    )
    assert services(text) == []


def test_escaped_characters_in_local_names() -> None:
    reading = read(r"PREFIX ex: <http://e/> SELECT * FROM ex:a\.b%20c FROM NAMED ex:x:y.z { }")
    assert reading.from_graphs == ("http://e/a.b%20c",)
    assert reading.from_named_graphs == ("http://e/x:y.z",)


def test_dot_never_ends_a_prefixed_name() -> None:
    text = f"PREFIX : <http://e/> SELECT * {{ ?s ?p :o.SERVICE {ENDPOINT} {{}} }}"
    refused(text)  # ':o.SERVICE' is one prefixed name (PN_LOCAL may hold dots), then an IRI: not a query
    text = f"PREFIX : <http://e/> SELECT * {{ ?s ?p :o. SERVICE {ENDPOINT} {{}} }}"
    assert services(text) == [text.index("SERVICE")]


def test_signed_numbers_are_read_as_the_grammar_reads_them() -> None:
    read("SELECT (?a-1 AS ?b) (?a+1 AS ?c) (?a -1*2 AS ?d) { ?a ?p ?o }")
    read("ASK { FILTER(1+1+1 = 3 && - -1 = 1 && !true = false) }")
    read("SELECT * { ?s ?p -1.5e3 , +2 , .5 , -.5 }")
    assert "only one" in refused("ASK { FILTER(!!true) }").message  # [118]: '!' PrimaryExpression
    refused("SELECT * { } LIMIT +1")  # LIMIT takes an unsigned INTEGER


def test_nil_and_anon_may_hold_white_space() -> None:
    read("SELECT * { ?s ?p ( \t\r\n ) . [ \n ] ?p ?o . FILTER(BNODE( ) != RAND(\n)) }")
    refused("SELECT * { FILTER(RAND( # a comment is not white space\n)) }")


def test_language_tags() -> None:
    read('SELECT * { ?s ?p "x"@en-GB-oxendict , "y"@EN }')
    refused('SELECT * { ?s ?p "x"@en- }')


def test_undeclared_prefix_is_an_error() -> None:
    error = refused("SELECT * { ?s ex:p ?o }")
    assert error.message == "the prefix ex: is not declared"
    assert str(error) == "line 1, column 15: the prefix ex: is not declared"


def test_error_positions_count_lines_ended_by_cr_lf_and_crlf() -> None:
    text = "SELECT *\r\nWHERE {\r?s ?p ?o\n  ?x }"
    error = refused(text)
    assert (error.line, error.column, error.position) == (4, 3, text.index("?x"))
    assert str(error).startswith("line 4, column 3: ")


# --- updates


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("INSERT DATA { <a> <b> <c> }", "INSERT DATA"),
        ("PREFIX : <http://e/>\ninsert\n  data { :a :b :c }", "INSERT DATA"),
        ("DELETE DATA { <a> <b> <c> }", "DELETE DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE"),
        ("INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", "INSERT"),
        ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("DROP ALL", "DROP"),
        ("CLEAR DEFAULT", "CLEAR"),
        ("CREATE GRAPH <g>", "CREATE"),
        ("ADD <a> TO <b>", "ADD"),
        ("MOVE <a> TO <b>", "MOVE"),
        ("COPY DEFAULT TO <b>", "COPY"),
    ],
)
def test_updates_are_not_allowed(text: str, keyword: str) -> None:
    with pytest.raises(UpdateNotAllowed) as caught:
        read(text)
    assert caught.value.keyword == keyword


def test_an_update_after_a_query_is_refused() -> None:
    refused("SELECT * { } ; INSERT DATA { <a> <b> <c> }")


# --- nesting and operator chains: refused quickly, never by a RecursionError


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ASK { FILTER(" + "!" * 20000 + "true) }", id="20000 negations"),
        pytest.param("ASK { FILTER(" + "+".join(["1"] * 10000) + " = 1) }", id="sum of 10000 terms"),
        pytest.param("ASK { FILTER(" + " - ".join(["1"] * 10000) + " = 1) }", id="difference of 10000 terms"),
        pytest.param("ASK { FILTER(" + " || ".join(["true"] * 5000) + ") }", id="5000 disjunctions"),
        pytest.param("SELECT * { " + "MINUS {} " * 3900 + "}", id="3900 chained MINUS"),
        pytest.param("SELECT * { " + " UNION ".join(["{}"] * 3000) + " }", id="3000 chained UNION"),
        pytest.param("SELECT * { " + "OPTIONAL { ?s ?p ?o } " * 3000 + "}", id="3000 chained OPTIONAL"),
        pytest.param("SELECT " + "".join(f"(1 AS ?x{i}) " for i in range(3000)) + "{ }", id="3000 select expressions"),
        pytest.param("SELECT * { ?s " + "/".join(["<p>"] * 3000) + " ?o }", id="path of 3000 steps"),
        pytest.param("SELECT * WHERE " + "{" * 300 + "}" * 300, id="300 nested groups"),
        pytest.param("SELECT * WHERE " + "{ SELECT * WHERE " * 200 + "{}" + "}" * 200, id="200 nested sub-selects"),
        pytest.param("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", id="5000 nested brackets"),
        pytest.param("ASK { FILTER(" + "STR(" * 5000 + "1" + ")" * 5000 + ") }", id="5000 nested calls"),
        pytest.param("SELECT * { ?s ?p " + "(" * 5000 + "1" + ")" * 5000 + " }", id="5000 nested collections"),
        pytest.param("SELECT * { ?s ?p " + "[ <p> " * 5000 + "1" + " ]" * 5000 + " }", id="5000 nested blank nodes"),
        pytest.param("SELECT * { ?s " + "(" * 5000 + "<p>" + ")" * 5000 + " ?o }", id="5000 nested path groups"),
        pytest.param("ASK " + "{" * 60000, id="60000 open braces"),
    ],
)
def test_deep_or_long_queries_are_too_complex(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(QueryTooComplex):
        read(text)
    assert time.perf_counter() - started < 2  # generous: this checks for blow-ups, not speed


def test_a_raised_depth_limit_still_never_overflows_the_stack() -> None:
    text = "ASK { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }"
    with pytest.raises(QueryTooComplex):
        read_query(text, max_depth=1_000_000, max_operators=1_000_000)


def test_limits_are_parameters() -> None:
    text = "SELECT * WHERE { { { ?s ?p ?o } } }"
    read_query(text, max_depth=4)
    with pytest.raises(QueryTooComplex):
        read_query(text, max_depth=2)
    with pytest.raises(QueryTooComplex):
        read_query("ASK { FILTER(1 + 2 + 3 = 6) }", max_operators=2)


# --- the reading


def test_reading_of_a_select_query() -> None:
    text = (
        "BASE <http://base/> PREFIX ex: <http://e/> PREFIX : <rel#>\n"
        "SELECT ?s (ex:f(?o, 1) AS ?v) FROM ex:g1 FROM <g2> FROM NAMED :n1 FROM NAMED <http://n2/>\n"
        "WHERE { ?s ?p ?o FILTER(ex:g(?o) && <http://f/h>()) BIND(ex:f(2) AS ?w) } ORDER BY ex:k(?s)"
    )
    assert read(text) == Reading(
        form="SELECT",
        base="http://base/",
        prefixes={"ex": "http://e/", "": "rel#"},
        from_graphs=("http://e/g1", "g2"),
        from_named_graphs=("rel#n1", "http://n2/"),
        services=(),
        where_group=text.index("{"),
        functions=("http://e/f", "http://e/g", "http://f/h", "http://e/k"),
    )


@pytest.mark.parametrize(
    ("text", "form", "opening"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", "{ ?s"),
        ("SELECT * { ?s ?p ?o } VALUES ?s { <a> }", "SELECT", "{ ?s"),
        ("ASK { ?s ?p ?o }", "ASK", "{ ?s"),
        ("ASK FROM <g> WHERE { ?s ?p ?o }", "ASK", "{ ?s"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?q ?o }", "CONSTRUCT", "{ ?s ?q"),
        ("CONSTRUCT { ?s ?p ?o } { ?s ?q ?o }", "CONSTRUCT", "{ ?s ?q"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", "{ ?s"),
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", "DESCRIBE", "{ ?s"),
        ("SELECT * { { SELECT ?s { ?s ?p ?o } } } VALUES ?s { <a> }", "SELECT", "{ {"),
    ],
)
def test_where_group_is_the_brace_that_opens_the_where_clause(text: str, form: str, opening: str) -> None:
    reading = read(text)
    assert reading.form == form
    assert reading.where_group == text.index(opening)


def test_describe_without_where_has_no_group() -> None:
    reading = read("PREFIX : <http://e/> DESCRIBE :a <b> ?c")
    assert (reading.form, reading.where_group) == ("DESCRIBE", -1)


def test_last_base_wins_and_prefixes_are_kept_as_written() -> None:
    reading = read("BASE <a/> PREFIX p: <x> BASE <b/> PREFIX p: <y> SELECT * { ?s p:q ?o }")
    assert (reading.base, reading.prefixes) == ("b/", {"p": "y"})


def test_function_calls_are_listed_once() -> None:
    text = (
        "PREFIX f: <http://f/> SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(f:a(?o) || f:a(1) || f:b()) } GROUP BY f:c(?s)"
    )
    assert read(text).functions == ("http://f/a", "http://f/b", "http://f/c")


# --- rules beyond the grammar (18.2.1, 11.4, 19.6)


def test_blank_node_labels_belong_to_one_basic_graph_pattern() -> None:
    read("SELECT * { _:a ?p ?o . FILTER(true) _:a ?q ?r }")  # a FILTER does not end the pattern
    refused("SELECT * { _:a ?p ?o . OPTIONAL { ?s ?p ?o } _:a ?q ?r }")
    refused("SELECT * { _:a ?p ?o FILTER EXISTS { _:a ?q ?r } }")
    read("CONSTRUCT { _:a ?p ?o } WHERE { _:a ?p ?o }")  # the template is no basic graph pattern


def test_bind_and_select_expressions_cannot_rebind() -> None:
    refused("SELECT * { ?s ?p ?o BIND(1 AS ?o) }")
    read("SELECT * { BIND(1 AS ?o) ?s ?p ?o }")
    read("SELECT * { ?s ?p ?o FILTER(?x) BIND(1 AS ?x) }")
    refused("SELECT (?x AS ?x) { ?x ?p ?o }")
    refused("SELECT ?x (1 AS ?x) { }")


def test_aggregated_selects_project_grouped_variables() -> None:
    read("SELECT ?s (COUNT(?o) AS ?n) { ?s ?p ?o } GROUP BY ?s")
    read("SELECT (COUNT(*) AS ?n) (?n + 1 AS ?m) { ?s ?p ?o }")
    read("SELECT ?k (SAMPLE(?o) AS ?x) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)")
    refused("SELECT ?o (COUNT(*) AS ?n) { ?s ?p ?o }")
    refused("SELECT (?o + COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s")
    refused("SELECT * { ?s ?p ?o } HAVING (COUNT(*) > 1)")


# --- the module itself


def test_the_recogniser_imports_only_the_standard_library() -> None:
    tree = ast.parse(Path(sparql_grammar.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"re", "dataclasses"}
