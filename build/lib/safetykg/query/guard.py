"""Checks a SPARQL query before it runs: size, nesting, updates, SERVICE, and the graphs it names.

SPARQL applies \\u and \\U escapes to the whole query before parsing, so the guard does too, then
tokenises the query (strings, IRIs and comments are skipped as the grammar skips them) and looks
at the bare keywords. A refusal says what was wrong; nothing refused ever reaches the engine.
"""

import re
from dataclasses import dataclass, field

UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRIREF = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
_WORD = re.compile(r"[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7\u00C0-\uFFFF]*")
_PNAME = re.compile(r"([A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7\u00C0-\uFFFF]*)?:([\w\-.:%\\\u00B7\u00C0-\uFFFF]*)")
_STRINGS = ('"""', "'''", '"', "'")
_OPEN, _CLOSE = "({[", ")}]"


class QueryRefused(Exception):
    """The query may not run here; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class CheckedQuery:
    text: str  # the query as sent (the engine applies the escapes itself)
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    dataset_graphs: list[str] = field(default_factory=list)  # FROM and FROM NAMED IRIs


@dataclass
class _Token:
    kind: str  # word, pname, iri, string, var, punct
    value: str
    position: int


def unescape(query: str) -> str:
    """Apply SPARQL's codepoint escapes; a lone surrogate is a client error."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            kind = "a lone surrogate" if code <= 0xDFFF else "beyond U+10FFFF"
            raise QueryRefused(400, f"invalid code point escape {match.group(0)} ({kind}) at character {match.start()}")
        return chr(code)

    text = _ESCAPE.sub(replace, query)
    for index, char in enumerate(text):
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise QueryRefused(400, f"lone surrogate U+{ord(char):04X} at character {index}")
    return text


def tokenize(text: str, max_nesting: int) -> list[_Token]:
    tokens: list[_Token] = []
    depth = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            i = n if end == -1 else end + 1
        elif char == "<" and (match := _IRIREF.match(text, i)):
            tokens.append(_Token("iri", match.group(1), i))
            i = match.end()
        elif char in "\"'":
            i = _skip_string(text, i)
            tokens.append(_Token("string", "", i))
        elif char in "?$":
            match = _WORD.match(text, i + 1)
            i = match.end() if match else i + 1
            tokens.append(_Token("var", "", i))
        elif char in _OPEN:
            depth += 1
            if depth > max_nesting:
                raise QueryRefused(400, f"brackets nested deeper than {max_nesting} at character {i}")
            tokens.append(_Token("punct", char, i))
            i += 1
        elif char in _CLOSE:
            depth -= 1
            tokens.append(_Token("punct", char, i))
            i += 1
        elif (match := _PNAME.match(text, i)) and match.group(0).find(":") != -1 and (match.group(1) or char == ":"):
            tokens.append(_Token("pname", match.group(0), i))
            i = match.end()
        elif match := _WORD.match(text, i):
            tokens.append(_Token("word", match.group(0).upper(), i))
            i = match.end()
        else:
            tokens.append(_Token("punct", char, i))
            i += 1
    return tokens


def _skip_string(text: str, start: int) -> int:
    for quote in _STRINGS:
        if text.startswith(quote, start):
            i = start + len(quote)
            while i < len(text):
                if text[i] == "\\":
                    i += 2
                elif text.startswith(quote, i):
                    return i + len(quote)
                elif len(quote) == 1 and text[i] in "\r\n":
                    raise QueryRefused(400, f"unterminated string starting at character {start}")
                else:
                    i += 1
            raise QueryRefused(400, f"unterminated string starting at character {start}")
    return start + 1


def check_query(query: str, dataset_graphs: set[str], max_bytes: int, max_nesting: int) -> CheckedQuery:
    """Refuse what must not run; return the query's form and the graphs it names."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryRefused(413, f"query is {size} bytes; the limit is {max_bytes}")
    tokens = tokenize(unescape(query), max_nesting)
    prefixes: dict[str, str] = {}
    named: list[str] = []
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        if token.value in UPDATE_KEYWORDS:
            raise QueryRefused(403, f"{token.value} is an update; this endpoint is read-only")
        if token.value == "SERVICE":
            raise QueryRefused(403, "SERVICE is not allowed: this endpoint sends no requests to other services")
        if token.value == "PREFIX" and index + 2 < len(tokens) and tokens[index + 2].kind == "iri":
            prefixes[tokens[index + 1].value.rstrip(":")] = tokens[index + 2].value
        if token.value == "FROM":
            following = tokens[index + 1 : index + 3]
            target = (
                following[1]
                if following and following[0].value == "NAMED" and len(following) > 1
                else following[0]
                if following
                else None
            )
            named.append(_graph_iri(target, prefixes))
    form = _first_form(tokens)
    if not form:
        raise QueryRefused(400, "no query form found; expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    check_graphs(named, dataset_graphs, "FROM")
    return CheckedQuery(query, form, named)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first form keyword; SyntaxError when there is none."""
    try:
        tokens = tokenize(unescape(query), 10_000)
    except QueryRefused as err:
        raise SyntaxError(err.message) from None
    form = _first_form(tokens)
    if not form:
        raise SyntaxError("no query form found; expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form


def _first_form(tokens: list[_Token]) -> str:
    return next((t.value for t in tokens if t.kind == "word" and t.value in QUERY_FORMS), "")


def _graph_iri(token: _Token | None, prefixes: dict[str, str]) -> str:
    if token is None:
        raise QueryRefused(400, "FROM must be followed by a graph IRI")
    if token.kind == "iri":
        return token.value
    if token.kind == "pname":
        prefix, _, local = token.value.partition(":")
        if prefix not in prefixes:
            raise QueryRefused(400, f"FROM {token.value}: prefix {prefix}: is not declared")
        return prefixes[prefix] + local
    raise QueryRefused(400, f"FROM must be followed by a graph IRI, found {token.value!r}")


def check_graphs(graphs: list[str], dataset_graphs: set[str], where: str) -> None:
    for graph in graphs:
        if graph not in dataset_graphs:
            raise QueryRefused(
                403, f"{where} <{graph}> is not a graph of this dataset; nothing is fetched from elsewhere"
            )
