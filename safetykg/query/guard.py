"""Checks a SPARQL query before it runs: size, escapes, grammar, nesting, updates, SERVICE, FROM and functions.

The guard decides on a real reading of the query's grammar (``safetykg.query.sparql_grammar``), never
on a search for keywords: SERVICE, FROM and every IRI are found wherever they stand, and text that is
not SPARQL 1.1 is refused before the engine could read it some other way. SPARQL's ``\\u`` and ``\\U``
escapes are applied first, as the grammar says (section 19.2), and the engine is given that unescaped
text, the very text the guard read: the engine applies escapes only inside IRIs and strings, so given
the raw text it could read ``'\\u0027'`` as a string end where the grammar reads a quote inside a string.
A refusal says what was wrong; nothing refused ever reaches the engine. The
engine's own network access is cut as well (``safetykg.web.isolation``): this is the first wall of two.
"""

import re
from dataclasses import dataclass, field

from safetykg.query.sparql_grammar import GrammarError, QueryTooComplex, Reading, UpdateNotAllowed, read_query

QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
XSD = "http://www.w3.org/2001/XMLSchema#"
# the functions called by IRI that the engine offers: XSD casts (SPARQL 1.1 section 17.5)
SUPPORTED_FUNCTIONS = frozenset(
    XSD + name
    for name in [
        "string",
        "boolean",
        "integer",
        "decimal",
        "float",
        "double",
        "dateTime",
        "date",
        "time",
        "duration",
        "yearMonthDuration",
        "dayTimeDuration",
    ]
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SURROGATE = re.compile("[\ud800-\udfff]")  # found by the regular expression engine, not a loop in Python
MAX_OPERATORS = 2000


class QueryRefused(Exception):
    """The query may not run here; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class CheckedQuery:
    text: str  # the query with its escapes applied: the text the guard read, and the engine runs
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    dataset_graphs: list[str] = field(default_factory=list)  # FROM and FROM NAMED IRIs


def unescape(query: str) -> str:
    """Apply SPARQL's code point escapes (section 19.2); a lone surrogate is a client error."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            kind = "a lone surrogate" if code <= 0xDFFF else "beyond U+10FFFF"
            raise QueryRefused(400, f"invalid code point escape {match.group(0)} ({kind}) at character {match.start()}")
        return chr(code)

    text = _ESCAPE.sub(replace, query) if "\\" in query else query
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise QueryRefused(400, f"lone surrogate U+{ord(surrogate.group()):04X} at character {surrogate.start()}")
    return text


def read(text: str, max_nesting: int, max_operators: int = MAX_OPERATORS) -> Reading:
    """The grammar's reading of a query whose escapes are applied, or a refusal saying why there is none."""
    try:
        return read_query(text, max_depth=max_nesting, max_operators=max_operators)
    except UpdateNotAllowed as err:
        raise QueryRefused(403, f"{err.keyword or 'an update'} is an update; this endpoint is read-only") from None
    except QueryTooComplex as err:
        raise QueryRefused(400, f"the query is too complex: {err}") from None
    except GrammarError as err:
        raise QueryRefused(400, f"the query is not valid SPARQL 1.1: {err}") from None


def check_query(
    query: str, dataset_graphs: set[str], max_bytes: int, max_nesting: int, max_operators: int = MAX_OPERATORS
) -> CheckedQuery:
    """Refuse what must not run; return the query's form and the graphs it names."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryRefused(413, f"query is {size} bytes; the limit is {max_bytes}")
    text = unescape(query)
    reading = read(text, max_nesting, max_operators)
    if reading.services:
        raise QueryRefused(403, "SERVICE is not allowed: this endpoint sends no requests to other services")
    unsupported = sorted(set(reading.functions) - SUPPORTED_FUNCTIONS)
    if unsupported:
        raise QueryRefused(
            400,
            f"function <{unsupported[0]}> is not supported: this endpoint offers SPARQL's built-in functions "
            "and the XSD casts",
        )
    named = [*reading.from_graphs, *reading.from_named_graphs]
    check_graphs(named, dataset_graphs, "FROM")
    return CheckedQuery(text, reading.form, named)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's form; SyntaxError when the text is not a query."""
    try:
        return read(unescape(query), 10_000, 1_000_000).form
    except QueryRefused as err:
        raise SyntaxError(err.message) from None


def check_graphs(graphs: list[str], dataset_graphs: set[str], where: str) -> None:
    for graph in graphs:
        if graph not in dataset_graphs:
            raise QueryRefused(
                403, f"{where} <{graph}> is not a graph of this dataset; nothing is fetched from elsewhere"
            )
