"""Reads a SPARQL 1.1 query by the letter of its grammar, so that the guard knows where SERVICE really stands.

This is a recogniser for the query language of https://www.w3.org/TR/sparql11-query/#grammar (rules [1] to
[173]); it builds no algebra. It splits the text into the grammar's own terminals ([139]-[173], longest match
first, keywords case-insensitive except ``a``), then runs an LL(1) recursive descent over the tokens. The
answer is a :class:`Reading`: the query form, the prologue, the FROM graphs, the offset of every SERVICE
keyword, the WHERE group and the IRIs called as functions. Text that is not a query raises
:class:`GrammarError`; an update raises :class:`UpdateNotAllowed`; a query nested deeper than ``max_depth``
or with more than ``max_operators`` operators raises :class:`QueryTooComplex`.

Why be this exact: the engine behind the guard (pyoxigraph's spargebra) is a PEG parser that matches
keywords without word boundaries and decides what ``<`` means from where it stands, so text such as
``trueSERVICE`` or ``FILTER(?x<3)SERVICE:a#>`` reads to it as a SERVICE call. By the grammar, the first is
an unknown word and the second holds an IRIREF, so neither is a query, and the guard refuses both.

Two things are left to the caller: the ``\\u``/``\\U`` escapes of section 19.2 are applied to the text
before it arrives here, and relative IRIs are returned as written, not resolved against BASE. Beware that
pyoxigraph 0.5 applies those escapes only inside IRIs and string literals, not to the whole text: in
``FILTER(?o != '\\u0027') SERVICE <x> {} FILTER(?o != '\\u0027')`` the engine calls the service, while the
unescaped text holds one long string and no SERVICE. A caller that unescapes must refuse escapes that
decode to a quote or a backslash, or better any escape at all.

Besides the grammar, the rules that the W3C syntax tests check are enforced: a blank node label belongs to
one basic graph pattern (19.6), a variable is not bound twice by BIND or by a SELECT expression
(18.2.1), and an aggregated SELECT projects only grouped variables and aggregates (11.4, 18.2.4.1).

Nesting is bounded: every group, sub-select, expression, unary operator, collection, blank node property
list and bracketted path counts one level, so recursion never passes ``max_depth``. Operator chains are read
with loops, and the operators of a query (expression and path operators, UNION and every pattern joined to
a group) are counted against ``max_operators``: the engine folds each chain into a tree as deep as it is
long.
"""

import re
from dataclasses import dataclass

__all__ = ["GrammarError", "QueryTooComplex", "Reading", "UpdateNotAllowed", "read_query"]


class GrammarError(Exception):
    """The text is not a SPARQL 1.1 query; ``position`` is the character offset where reading stopped."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message, position)
        self.message = message
        self.position = position
        self.line: int | None = None
        self.column: int | None = None

    def locate(self, text: str) -> None:
        """Work out the line and column of ``position`` in ``text`` (CR, LF and CRLF each end a line)."""
        before = text[: self.position]
        breaks = list(_LINE_BREAK.finditer(before))
        self.line = len(breaks) + 1
        self.column = self.position - (breaks[-1].end() if breaks else 0) + 1

    def __str__(self) -> str:
        if self.line is None:
            return f"offset {self.position}: {self.message}"
        return f"line {self.line}, column {self.column}: {self.message}"


class QueryTooComplex(GrammarError):
    """The query nests deeper than ``max_depth`` or has more than ``max_operators`` operators."""


class UpdateNotAllowed(GrammarError):
    """An update operation stands where a query form was expected; ``keyword`` names it."""

    def __init__(self, message: str, position: int, keyword: str = "") -> None:
        super().__init__(message, position)
        self.keyword = keyword


@dataclass(frozen=True)
class Reading:
    """What a query is, as far as the guard needs to know."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    base: str | None  # the last BASE IRI, as written
    prefixes: dict[str, str]  # prefix label (without ':') -> IRI as written
    from_graphs: tuple[str, ...]  # FROM <iri>, prefixed names expanded, in order
    from_named_graphs: tuple[str, ...]  # FROM NAMED <iri>, likewise
    services: tuple[int, ...]  # offset of every SERVICE keyword
    where_group: int  # offset of the '{' opening the WHERE clause; -1 for DESCRIBE without one
    functions: tuple[str, ...]  # IRIs called as functions, expanded, each once, in order of first call


def read_query(text: str, *, max_depth: int = 64, max_operators: int = 2000) -> Reading:
    """Read ``text`` as a SPARQL 1.1 query (escapes already applied) or raise :class:`GrammarError`."""
    try:
        try:
            kinds, values, starts = _tokenize(text)
            return _Parser(kinds, values, starts, max_depth, max_operators).query()
        except RecursionError:
            # Cannot happen with the default limits (a level costs a handful of frames); this is the net
            # for a caller who raises max_depth past what the interpreter's stack allows.
            raise QueryTooComplex("the query nests too deeply for this reader", 0) from None
    except GrammarError as error:
        error.locate(text)
        raise


# --- Terminals [139]-[173] -----------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# [164] PN_CHARS_BASE, [165] PN_CHARS_U, [167] PN_CHARS, and the tail characters of [166] VARNAME
_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_VARNAME_TAIL = _CHARS_U + "0-9\u00b7\u0300-\u036f\u203f-\u2040"


def char_class(body: str) -> str:
    """``[body]`` written as ``[^…]``, the class of every character it leaves out: the same characters, compiled
    in a fraction of the time. Python's compiler of regular expressions builds a class in a loop, in Python, over
    each of its characters below U+10000: about 55,000 for a class of name characters, and the terminals hold
    fifteen such classes (60 ms at every start of the server and of its worker server); their complements hold
    about 11,600. ``body`` is a class's inside as written between brackets: characters, ranges ``a-z``, and
    characters escaped with a backslash."""
    ranges, i = [], 0
    while i < len(body):
        low = body[i + 1] if body[i] == "\\" else body[i]
        i += 2 if body[i] == "\\" else 1
        if i + 1 < len(body) and body[i] == "-":
            high = body[i + 2] if body[i + 1] == "\\" else body[i + 1]
            i += 3 if body[i + 1] == "\\" else 2
        else:
            high = low
        ranges.append((ord(low), ord(high)))
    left_out, start = [], 0
    for first, last in sorted(ranges):
        if first > start:
            left_out.append((start, first - 1))
        start = max(start, last + 1)
    if start <= 0x10FFFF:
        left_out.append((start, 0x10FFFF))
    return "[^" + "".join(f"\\U{a:08x}" + (f"-\\U{b:08x}" if b > a else "") for a, b in left_out) + "]"


# [170] PLX ::= PERCENT | PN_LOCAL_ESC, [171] PERCENT, [173] PN_LOCAL_ESC
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
# [168] PN_PREFIX: may hold '.', never at its end (read possessively, then looked back at)
_PN_PREFIX = f"{char_class(_BASE)}{char_class(_CHARS + '.')}*+(?<!\\.)"
# [169] PN_LOCAL: may hold '.' and ':', never '.' at its end
_PN_LOCAL = (
    f"(?:{char_class(_CHARS_U + ':0-9')}|{_PLX})"
    f"(?:(?:{char_class(_CHARS + '.:')}|{_PLX})*(?:{char_class(_CHARS + ':')}|{_PLX}))?"
)
_ECHAR = r"\\[tbnrf\\\"']"  # [160]
_EXPONENT = r"[eE][+-]?[0-9]+"  # [155]
_DOUBLE = rf"[0-9]+\.[0-9]*{_EXPONENT}|\.?[0-9]+{_EXPONENT}"  # [148]
_DECIMAL = r"[0-9]*\.[0-9]+"  # [147]
_STRINGS = (
    rf"\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|{_ECHAR}))*+\"\"\""  # [159] STRING_LITERAL_LONG2
    rf"|'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*+'''"  # [158] STRING_LITERAL_LONG1
    rf"|\"(?:[^\"\\\n\r]|{_ECHAR})*+\""  # [157] STRING_LITERAL2
    rf"|'(?:[^'\\\n\r]|{_ECHAR})*+'"  # [156] STRING_LITERAL1
)

# One token after any white space [162] and comments (19.4: '#' up to CR or LF). The skip is possessive,
# so no match starts inside a comment. The alternatives are ordered so that the first match is the longest
# the terminals allow: IRIREF before '<', DOUBLE before DECIMAL before INTEGER, a signed number before '+'
# and '-', a variable before '?', NIL before '(', and a bare word only where no name character, '.' or ':'
# follows it, so that a prefixed name wins. A bare word that runs on into '.', '-' or other name characters
# without becoming a prefixed name is taken whole as a RUN and split by _RUN_TOKEN ('true.SERVICE' is true,
# '.', SERVICE): each run is scanned once, so reading stays linear. ERROR takes any character nothing else
# does, so the matches are contiguous.
_TOKEN = re.compile(
    r"(?:[ \t\r\n]++|#[^\r\n]*+)*+"
    r"(?:"
    r"(?P<PUNCT1>[{}),;*/\]])"  # never the start of a longer token
    r"|(?P<INTEGER>[0-9]++)(?![0-9.eE])"  # [146], where it cannot be the start of a DECIMAL or DOUBLE: a fast path
    rf"|(?P<VAR>[?$]{char_class(_CHARS_U + '0-9')}{char_class(_VARNAME_TAIL)}*+)"  # [143] VAR1, [144] VAR2
    r"|(?P<IRIREF><[^<>\"{}|^`\\\x00-\x20]*+>)"  # [139]
    rf"|(?P<STRING>{_STRINGS})"  # [156]-[159]
    rf"|(?P<SIGNED>[+-](?:{_DOUBLE}|{_DECIMAL}|[0-9]+))"  # [149]-[154]
    rf"|(?P<DOUBLE>{_DOUBLE})"
    rf"|(?P<DECIMAL>{_DECIMAL})"
    r"|(?P<INTEGER2>[0-9]+)"  # [146]
    rf"|(?P<WORD>[A-Za-z][A-Za-z0-9_]*+)(?!{char_class(_CHARS + '.:')})"  # a keyword, or an error
    rf"|(?P<PNAME_LN>(?:{_PN_PREFIX})?:{_PN_LOCAL})"  # [141]
    rf"|(?P<PNAME_NS>(?:{_PN_PREFIX})?:)"  # [140]
    rf"|(?P<RUN>{char_class(_BASE)}{char_class(_CHARS + '.')}*+)"
    rf"|(?P<BLANK_NODE_LABEL>_:{char_class(_CHARS_U + '0-9')}(?:{char_class(_CHARS + '.')}*{char_class(_CHARS)})?)"  # [142]
    r"|(?P<LANGTAG>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"  # [145]
    r"|(?P<NIL>\([ \t\r\n]*+\))"  # [161]
    r"|(?P<ANON>\[[ \t\r\n]*+\])"  # [163]
    r"|(?P<PUNCT>\^\^|&&|\|\||!=|<=|>=|[(\[.|^?+\-!=<>])"
    r"|(?P<EOF>\Z)"
    r"|(?P<ERROR>[\s\S])"
    r")"
)
# The tokens of a RUN: words, '.', '-' and numbers
_RUN_TOKEN = re.compile(
    r"(?P<WORD>[A-Za-z][A-Za-z0-9_]*+)"
    rf"|(?P<SIGNED>-(?:{_DOUBLE}|{_DECIMAL}|[0-9]+))"
    rf"|(?P<DOUBLE>{_DOUBLE})"
    rf"|(?P<DECIMAL>{_DECIMAL})"
    r"|(?P<INTEGER>[0-9]+)"
    r"|(?P<PUNCT>[.\-])"
    r"|(?P<ERROR>[\s\S])"
)
_NAMED_KINDS = frozenset({"VAR", "IRIREF", "STRING", "SIGNED", "DOUBLE", "DECIMAL", "INTEGER", "PNAME_LN"})
_NAMED_KINDS |= {"INTEGER2"}
_NAMED_KINDS |= {"PNAME_NS", "BLANK_NODE_LABEL", "LANGTAG", "NIL", "ANON", "EOF"}


def _kinds_by_group(pattern: re.Pattern[str]) -> list[str | None]:
    """The token kind of each group of ``pattern``; None where the text decides it."""
    kinds: list[str | None] = [None] * (pattern.groups + 1)
    for name, index in pattern.groupindex.items():
        if name in _NAMED_KINDS:
            kinds[index] = name.rstrip("2")  # INTEGER2: the same terminal, read on its slower path
    return kinds


_TOKEN_KINDS = _kinds_by_group(_TOKEN)
_RUN_KINDS = _kinds_by_group(_RUN_TOKEN)
_WORD, _RUN, _ERROR = (_TOKEN.groupindex[name] for name in ("WORD", "RUN", "ERROR"))
_RUN_WORD, _RUN_ERROR = _RUN_TOKEN.groupindex["WORD"], _RUN_TOKEN.groupindex["ERROR"]

Tokens = tuple[list[str], list[str], list[int]]


def _tokenize(text: str) -> Tokens:
    """Split ``text`` into terminals: parallel lists of kinds, texts and start offsets, ending with EOF.

    A kind is the upper-cased keyword, ``a``, the punctuation itself, or one of IRIREF, PNAME_NS, PNAME_LN,
    BLANK_NODE_LABEL, VAR, LANGTAG, STRING, INTEGER, DECIMAL, DOUBLE, SIGNED (a number with its sign,
    [149]-[154]), NIL, ANON and EOF. The text of an IRIREF is its IRI, of a variable its name.
    """
    kinds: list[str] = []
    values: list[str] = []
    starts: list[int] = []
    for found in _TOKEN.finditer(text):
        index = found.lastindex or 0
        value = found[index]
        start = found.start(index)
        kind = _TOKEN_KINDS[index]
        if kind is None:
            if index == _RUN:
                _split_run(value, start, kinds, values, starts)
                continue
            if index == _ERROR:
                raise GrammarError(_bad_text(text, start), start)
            kind = _word_kind(value, start) if index == _WORD else value
        elif kind == "VAR":
            value = value[1:]
        elif kind == "IRIREF":
            value = value[1:-1]
        kinds.append(kind)
        values.append(value)
        starts.append(start)
    return kinds, values, starts


def _split_run(run: str, offset: int, kinds: list[str], values: list[str], starts: list[int]) -> None:
    """Add the tokens of a name-like run that holds no prefixed name."""
    for found in _RUN_TOKEN.finditer(run):
        index = found.lastindex or 0
        value = found[index]
        start = offset + found.start(index)
        if index == _RUN_ERROR:
            raise GrammarError(f"unexpected character {value!r}", start)
        kinds.append(_RUN_KINDS[index] or (_word_kind(value, start) if index == _RUN_WORD else value))
        values.append(value)
        starts.append(start)


def _word_kind(word: str, start: int) -> str:
    """A bare word is a keyword of the grammar (case-insensitive, except 'a'), or an error."""
    if word == "a":
        return "a"
    kind = word.upper()
    if kind not in _KEYWORDS:
        raise GrammarError(f"{word!r} is not a SPARQL keyword", start)
    return kind


def _bad_text(text: str, start: int) -> str:
    char = text[start]
    if char in "\"'":
        return "unterminated string (or a line break in a one-line string, or a bad \\ escape)"
    if char == "<":
        return "'<' starts neither an IRI nor an operator here"
    return f"unexpected character {char!r}"


# --- Token classes (FIRST sets) and keywords -------------------------------------------------------

_IRI = frozenset({"IRIREF", "PNAME_LN", "PNAME_NS"})  # [136] iri
_NUMBERS = frozenset({"INTEGER", "DECIMAL", "DOUBLE", "SIGNED"})  # [130] NumericLiteral
_VAR_OR_IRI = _IRI | {"VAR"}  # [107]
# [106] VarOrTerm, [109] GraphTerm
_VAR_OR_TERM = _VAR_OR_IRI | _NUMBERS | {"STRING", "TRUE", "FALSE", "BLANK_NODE_LABEL", "ANON", "NIL"}
_GRAPH_NODE = _VAR_OR_TERM | {"(", "["}  # [104] GraphNode, [105] GraphNodePath, and the triples' subjects
_VERB = _VAR_OR_IRI | {"a"}  # [78] Verb
_VERB_PATH = _VERB | {"!", "(", "^"}  # [84] VerbPath | [85] VerbSimple
_PATTERN_NOT_TRIPLES = frozenset({"{", "OPTIONAL", "MINUS", "GRAPH", "SERVICE", "FILTER", "BIND", "VALUES"})  # [56]
_DATA_VALUE = _IRI | _NUMBERS | {"STRING", "TRUE", "FALSE", "UNDEF"}  # [65] DataBlockValue
_RELATIONAL = frozenset({"=", "!=", "<", ">", "<=", ">="})  # [114]

# [121] BuiltInCall: the calls taking '(' Expression (',' Expression)* ')', with their fewest and most arguments
_ONE_ARGUMENT = frozenset({"STR", "LANG", "DATATYPE", "IRI", "URI", "ABS", "CEIL", "FLOOR", "ROUND", "STRLEN", "UCASE"})
_ONE_ARGUMENT |= {"LCASE", "ENCODE_FOR_URI", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ"}
_ONE_ARGUMENT |= {"MD5", "SHA1", "SHA256", "SHA384", "SHA512", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL", "ISNUMERIC"}
_TWO_ARGUMENTS = frozenset({"LANGMATCHES", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "STRLANG"})
_TWO_ARGUMENTS |= {"STRDT", "SAMETERM"}
_CALL_ARITY = dict.fromkeys(_ONE_ARGUMENT, (1, 1)) | dict.fromkeys(_TWO_ARGUMENTS, (2, 2))
_CALL_ARITY |= {"IF": (3, 3), "REGEX": (2, 3), "SUBSTR": (2, 3), "REPLACE": (3, 4)}  # [122]-[124]
_NIL_CALLS = frozenset({"RAND", "NOW", "UUID", "STRUUID"})
_LIST_CALLS = frozenset({"CONCAT", "COALESCE"})
_AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})  # [127]
_BUILT_INS = frozenset(_CALL_ARITY) | _NIL_CALLS | _LIST_CALLS | _AGGREGATES | {"BOUND", "BNODE", "EXISTS", "NOT"}
_CONSTRAINT = _BUILT_INS | _IRI | {"("}  # [69] Constraint
_GROUP_CONDITION = _CONSTRAINT | {"VAR"}  # [20] GroupCondition
_ORDER_CONDITION = _GROUP_CONDITION | {"ASC", "DESC"}  # [24] OrderCondition

# The words of the grammar's rules [1]-[138], upper-cased ('a' is apart: it is case-sensitive)
_UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_KEYWORDS = _BUILT_INS | _UPDATES | (_PATTERN_NOT_TRIPLES - {"{"}) | {"UNION", "SILENT", "UNDEF", "IN", "SEPARATOR"}
_KEYWORDS |= {"TRUE", "FALSE", "BASE", "PREFIX", "SELECT", "DISTINCT", "REDUCED", "AS", "CONSTRUCT", "WHERE"}
_KEYWORDS |= {"DESCRIBE", "ASK", "FROM", "NAMED", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET"}
_KEYWORDS |= {"INTO", "TO", "DATA", "USING", "DEFAULT", "ALL"}  # the rest of the update language [29]-[51]
_PLX_ESCAPE = re.compile(r"\\(.)")


@dataclass
class _Projection:
    """A SELECT clause [9], kept until its WHERE clause and solution modifiers have been read."""

    position: int
    star: bool
    items: list[tuple[str, int, list[str] | None]]  # variable, offset, variables of its expression (or None)
    aggregated: bool  # an aggregate stands in the clause


@dataclass
class _Modifiers:
    """What the solution modifiers [18] tell about grouping."""

    grouped: bool
    keys: set[str]  # variables grouped on, and those named by GROUP BY (... AS ?v)
    aggregated: bool  # an aggregate stands in HAVING or ORDER BY


class _Parser:
    """LL(1) recursive descent over the tokens; each method reads one rule, named after it."""

    def __init__(self, kinds: list[str], values: list[str], starts: list[int], max_depth: int, max_ops: int) -> None:
        self.kinds = kinds
        self.values = values
        self.starts = starts
        self.i = 0
        self.max_depth = max_depth
        self.max_operators = max_ops
        self.depth = 0
        self.operators = 0
        self.base: str | None = None
        self.prefixes: dict[str, str] = {}
        self.from_graphs: list[str] = []
        self.from_named: list[str] = []
        self.services: list[int] = []
        self.where_group = -1
        self.functions: dict[str, None] = {}
        # variables in scope (18.2.1) in the group being read
        self.scope: set[str] = set()
        # variables met in the SELECT expression being read, outside aggregates (None: not in one)
        self.sink: list[str] | None = None
        self.in_aggregate = 0
        self.aggregates = 0  # aggregates read so far at this level of the query
        # blank node labels (19.6): the basic graph pattern each belongs to
        self.bgp = 0
        self.bgp_count = 0
        self.labels: dict[str, int] = {}
        self.check_labels = True

    # --- helpers

    def error(self, message: str, index: int | None = None) -> GrammarError:
        return GrammarError(message, self.starts[self.i if index is None else index])

    def found(self) -> str:
        kind = self.kinds[self.i]
        if kind == "EOF":
            return "the end of the query"
        text = self.values[self.i]
        if kind == "IRIREF":
            text = f"<{text}>"
        elif kind == "VAR":
            text = f"?{text}"
        return repr(text if len(text) <= 40 else text[:37] + "...")

    def expect(self, kind: str, what: str | None = None) -> int:
        """Consume a token of ``kind``; return its index."""
        if self.kinds[self.i] != kind:
            raise self.error(f"expected {what or repr(kind)}, found {self.found()}")
        self.i += 1
        return self.i - 1

    def accept(self, kind: str) -> bool:
        if self.kinds[self.i] == kind:
            self.i += 1
            return True
        return False

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise QueryTooComplex(f"the query nests deeper than {self.max_depth} levels", self.starts[self.i])

    def operator(self) -> None:
        self.operators += 1
        if self.operators > self.max_operators:
            raise QueryTooComplex(f"the query has more than {self.max_operators} operators", self.starts[self.i])

    def new_bgp(self) -> None:
        self.bgp_count += 1
        self.bgp = self.bgp_count

    # --- [1] QueryUnit, [2] Query, [4]-[6] Prologue

    def query(self) -> Reading:
        # [1] QueryUnit ::= Query ; [2] Query ::= Prologue ( SelectQuery | ConstructQuery | DescribeQuery |
        # AskQuery ) ValuesClause
        self.prologue()
        kind = self.kinds[self.i]
        if kind == "SELECT":
            self.select_query()  # reads the ValuesClause too
        elif kind == "CONSTRUCT":
            self.construct_query()
        elif kind == "DESCRIBE":
            self.describe_query()
        elif kind == "ASK":
            self.ask_query()
        elif kind in _UPDATES:
            keyword = kind
            if kind in ("INSERT", "DELETE") and self.kinds[self.i + 1] in ("DATA", "WHERE"):
                keyword = f"{kind} {self.kinds[self.i + 1]}"  # 19.8 note: one token, whatever space between
            raise UpdateNotAllowed(f"{keyword} is an update, not a query", self.starts[self.i], keyword)
        else:
            raise self.error(f"expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {self.found()}")
        if kind != "SELECT":
            self.values_clause()
        self.expect("EOF", "the end of the query")
        return Reading(
            form=kind,
            base=self.base,
            prefixes=self.prefixes,
            from_graphs=tuple(self.from_graphs),
            from_named_graphs=tuple(self.from_named),
            services=tuple(self.services),
            where_group=self.where_group,
            functions=tuple(self.functions),
        )

    def prologue(self) -> None:
        # [4] Prologue ::= ( BaseDecl | PrefixDecl )* ; [5] BaseDecl ::= 'BASE' IRIREF ;
        # [6] PrefixDecl ::= 'PREFIX' PNAME_NS IRIREF
        while True:
            if self.accept("BASE"):
                self.base = self.values[self.expect("IRIREF", "an IRI in <...>")]
            elif self.accept("PREFIX"):
                label = self.values[self.expect("PNAME_NS", "a prefix such as 'ex:'")][:-1]
                self.prefixes[label] = self.values[self.expect("IRIREF", "an IRI in <...>")]
            else:
                return

    # --- [7]-[12] the query forms

    def select_query(self) -> None:
        # [7] SelectQuery ::= SelectClause DatasetClause* WhereClause SolutionModifier
        # and the ValuesClause of [2], whose variables are in scope for the SELECT clause (18.2.4)
        projection = self.select_clause()
        self.dataset_clauses()
        scope = self.where_clause(top=True)
        modifiers = self.solution_modifier()
        self.check_projection(projection, scope, modifiers, self.values_clause())

    def sub_select(self) -> set[str]:
        # [8] SubSelect ::= SelectClause WhereClause SolutionModifier ValuesClause
        self.enter()
        projection = self.select_clause()
        scope = self.where_clause(top=False)
        modifiers = self.solution_modifier()
        projected = self.check_projection(projection, scope, modifiers, self.values_clause())
        self.depth -= 1
        return projected

    def select_clause(self) -> _Projection:
        # [9] SelectClause ::= 'SELECT' ( 'DISTINCT' | 'REDUCED' )? ( ( Var | ( '(' Expression 'AS' Var ')' ) )+
        # | '*' )
        position = self.starts[self.expect("SELECT")]
        if not self.accept("DISTINCT"):
            self.accept("REDUCED")
        if self.accept("*"):
            return _Projection(position, True, [], False)
        aggregates = self.aggregates
        items: list[tuple[str, int, list[str] | None]] = []
        while True:
            kind = self.kinds[self.i]
            if kind == "VAR":
                items.append((self.values[self.i], self.starts[self.i], None))
                self.i += 1
            elif kind == "(":
                self.operator()  # the engine nests one Extend per expression
                self.i += 1
                self.sink = []
                self.expression()
                sink, self.sink = self.sink, None
                self.expect("AS", "AS")
                index = self.expect("VAR", "a variable")
                items.append((self.values[index], self.starts[index], sink))
                self.expect(")")
            elif items:
                return _Projection(position, False, items, self.aggregates != aggregates)
            else:
                raise self.error(f"expected a variable, '(' or '*', found {self.found()}")

    def construct_query(self) -> None:
        # [10] ConstructQuery ::= 'CONSTRUCT' ( ConstructTemplate DatasetClause* WhereClause SolutionModifier |
        # DatasetClause* 'WHERE' '{' TriplesTemplate? '}' SolutionModifier )
        self.expect("CONSTRUCT")
        if self.kinds[self.i] == "{":
            self.construct_template()
            self.dataset_clauses()
            self.where_clause(top=True)
        else:
            self.dataset_clauses()
            self.expect("WHERE", "WHERE or a template in {...}")
            self.where_group = self.starts[self.expect("{")]
            self.enter()
            self.new_bgp()
            self.triples_template()  # [52] TriplesTemplate? (the template is the pattern)
            self.expect("}")
            self.depth -= 1
        self.solution_modifier()

    def describe_query(self) -> None:
        # [11] DescribeQuery ::= 'DESCRIBE' ( VarOrIri+ | '*' ) DatasetClause* WhereClause? SolutionModifier
        self.expect("DESCRIBE")
        if not self.accept("*"):
            self.var_or_iri()
            while self.kinds[self.i] in _VAR_OR_IRI:
                self.var_or_iri()
        self.dataset_clauses()
        if self.kinds[self.i] in ("WHERE", "{"):
            self.where_clause(top=True)
        self.solution_modifier()

    def ask_query(self) -> None:
        # [12] AskQuery ::= 'ASK' DatasetClause* WhereClause SolutionModifier
        self.expect("ASK")
        self.dataset_clauses()
        self.where_clause(top=True)
        self.solution_modifier()

    def dataset_clauses(self) -> None:
        # [13] DatasetClause ::= 'FROM' ( DefaultGraphClause | NamedGraphClause ) ; [14] DefaultGraphClause ::=
        # SourceSelector ; [15] NamedGraphClause ::= 'NAMED' SourceSelector ; [16] SourceSelector ::= iri
        while self.accept("FROM"):
            if self.accept("NAMED"):
                self.from_named.append(self.iri())
            else:
                self.from_graphs.append(self.iri())

    def where_clause(self, *, top: bool) -> set[str]:
        # [17] WhereClause ::= 'WHERE'? GroupGraphPattern
        self.accept("WHERE")
        if self.kinds[self.i] != "{":
            raise self.error(f"expected '{{' opening the WHERE clause, found {self.found()}")
        if top:
            self.where_group = self.starts[self.i]
        return self.group_graph_pattern()

    # --- [18]-[28] solution modifiers and VALUES

    def solution_modifier(self) -> _Modifiers:
        # [18] SolutionModifier ::= GroupClause? HavingClause? OrderClause? LimitOffsetClauses?
        modifiers = _Modifiers(False, set(), False)
        if self.accept("GROUP"):
            # [19] GroupClause ::= 'GROUP' 'BY' GroupCondition+
            self.expect("BY", "BY")
            modifiers.grouped = True
            self.group_condition(modifiers.keys)
            while self.kinds[self.i] in _GROUP_CONDITION:
                self.group_condition(modifiers.keys)
        aggregates = self.aggregates
        if self.accept("HAVING"):
            # [21] HavingClause ::= 'HAVING' HavingCondition+ ; [22] HavingCondition ::= Constraint
            self.operator()  # the conditions are joined by '&&'
            self.constraint()
            while self.kinds[self.i] in _CONSTRAINT:
                self.operator()
                self.constraint()
        if self.accept("ORDER"):
            # [23] OrderClause ::= 'ORDER' 'BY' OrderCondition+
            self.expect("BY", "BY")
            self.order_condition()
            while self.kinds[self.i] in _ORDER_CONDITION:
                self.order_condition()
        modifiers.aggregated = self.aggregates != aggregates  # in HAVING or ORDER BY
        # [25] LimitOffsetClauses ::= LimitClause OffsetClause? | OffsetClause LimitClause?
        # [26] LimitClause ::= 'LIMIT' INTEGER ; [27] OffsetClause ::= 'OFFSET' INTEGER
        if self.accept("LIMIT"):
            self.expect("INTEGER", "an integer")
            if self.accept("OFFSET"):
                self.expect("INTEGER", "an integer")
        elif self.accept("OFFSET"):
            self.expect("INTEGER", "an integer")
            if self.accept("LIMIT"):
                self.expect("INTEGER", "an integer")
        return modifiers

    def group_condition(self, keys: set[str]) -> None:
        # [20] GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var
        kind = self.kinds[self.i]
        if kind == "VAR":
            keys.add(self.values[self.i])
            self.i += 1
            return
        self.operator()  # the engine nests one Extend per grouping expression
        if kind == "(":
            self.i += 1
            self.expression()
            if self.accept("AS"):
                keys.add(self.values[self.expect("VAR", "a variable")])
            self.expect(")")
        elif kind in _BUILT_INS:
            self.built_in_call()
        elif kind in _IRI:
            self.function_call()
        else:
            raise self.error(f"expected a variable, '(' or a call, found {self.found()}")

    def order_condition(self) -> None:
        # [24] OrderCondition ::= ( ( 'ASC' | 'DESC' ) BrackettedExpression ) | ( Constraint | Var )
        if self.accept("ASC") or self.accept("DESC"):
            self.bracketted_expression()
        elif not self.accept("VAR"):
            self.constraint()

    def values_clause(self) -> set[str]:
        # [28] ValuesClause ::= ( 'VALUES' DataBlock )?
        return self.data_block() if self.accept("VALUES") else set()

    def check_projection(
        self, projection: _Projection, scope: set[str], modifiers: _Modifiers, values: set[str]
    ) -> set[str]:
        """The rules on a SELECT clause beyond the grammar; return the variables it projects.

        18.2.1: the variable of ``(expr AS ?v)`` must not be in scope already (from the WHERE clause, the
        VALUES clause or an earlier item). 11.4 and 18.2.4.1: in an aggregated query (GROUP BY, or an
        aggregate in SELECT, HAVING or ORDER BY) ``SELECT *`` is not allowed, and a variable projected or
        used in an expression outside an aggregate must be a grouping key or an earlier item's variable.
        """
        aggregated = modifiers.grouped or projection.aggregated or modifiers.aggregated
        if projection.star:
            if aggregated:
                raise GrammarError("SELECT * is not allowed with GROUP BY or aggregates", projection.position)
            return scope | values
        # after grouping, only the keys are in scope (18.2.4.1)
        in_scope = (modifiers.keys if aggregated else scope) | values
        projected: set[str] = set()
        for name, position, used in projection.items:
            if used is not None:
                if name in in_scope or name in projected:
                    raise GrammarError(f"?{name} is already in scope; (... AS ?{name}) cannot bind it", position)
                if aggregated:
                    for variable in used:
                        if variable not in in_scope:
                            raise GrammarError(f"?{variable} is used outside an aggregate but not grouped", position)
                in_scope.add(name)
            elif aggregated and name not in in_scope:
                raise GrammarError(f"?{name} is projected but neither grouped nor assigned", position)
            projected.add(name)
        return projected

    # --- [53]-[68] graph patterns

    def group_graph_pattern(self) -> set[str]:
        # [53] GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}'
        # Returns the variables in scope in the group (18.2.1).
        self.expect("{")
        self.enter()
        outer = self.scope, self.sink, self.in_aggregate, self.aggregates
        self.scope, self.sink, self.in_aggregate = set(), None, 0
        if self.kinds[self.i] == "SELECT":
            self.scope = self.sub_select()
        else:
            self.group_graph_pattern_sub()
        self.expect("}", "'}'")
        inner = self.scope
        self.scope, self.sink, self.in_aggregate, self.aggregates = outer
        self.depth -= 1
        return inner

    def group_graph_pattern_sub(self) -> None:
        # [54] GroupGraphPatternSub ::= TriplesBlock? ( GraphPatternNotTriples '.'? TriplesBlock? )*
        # A FILTER does not end a basic graph pattern; every other GraphPatternNotTriples does (19.6).
        self.new_bgp()
        if self.kinds[self.i] in _GRAPH_NODE:
            self.triples_block()
        while self.kinds[self.i] in _PATTERN_NOT_TRIPLES:
            self.operator()
            if self.kinds[self.i] == "FILTER":
                bgp = self.bgp
                self.i += 1
                self.constraint()  # [68] Filter ::= 'FILTER' Constraint
                self.bgp = bgp
            else:
                self.graph_pattern_not_triples()
                self.new_bgp()
            self.accept(".")
            if self.kinds[self.i] in _GRAPH_NODE:
                self.triples_block()

    def triples_block(self) -> None:
        # [55] TriplesBlock ::= TriplesSameSubjectPath ( '.' TriplesBlock? )?
        self.triples_same_subject(paths=True)
        while self.accept("."):
            if self.kinds[self.i] not in _GRAPH_NODE:
                return
            self.triples_same_subject(paths=True)

    def graph_pattern_not_triples(self) -> None:
        # [56] GraphPatternNotTriples ::= GroupOrUnionGraphPattern | OptionalGraphPattern | MinusGraphPattern |
        # GraphGraphPattern | ServiceGraphPattern | Filter | Bind | InlineData  (Filter is read by the caller)
        kind = self.kinds[self.i]
        if kind == "{":
            # [67] GroupOrUnionGraphPattern ::= GroupGraphPattern ( 'UNION' GroupGraphPattern )*
            self.scope |= self.group_graph_pattern()
            while self.accept("UNION"):
                self.operator()
                self.scope |= self.group_graph_pattern()
        elif kind == "OPTIONAL":
            # [57] OptionalGraphPattern ::= 'OPTIONAL' GroupGraphPattern
            self.i += 1
            self.scope |= self.group_graph_pattern()
        elif kind == "MINUS":
            # [66] MinusGraphPattern ::= 'MINUS' GroupGraphPattern  (binds nothing)
            self.i += 1
            self.group_graph_pattern()
        elif kind == "GRAPH":
            # [58] GraphGraphPattern ::= 'GRAPH' VarOrIri GroupGraphPattern
            self.i += 1
            self.var_or_iri()
            self.scope |= self.group_graph_pattern()
        elif kind == "SERVICE":
            # [59] ServiceGraphPattern ::= 'SERVICE' 'SILENT'? VarOrIri GroupGraphPattern
            self.services.append(self.starts[self.i])
            self.i += 1
            self.accept("SILENT")
            self.var_or_iri()
            self.scope |= self.group_graph_pattern()
        elif kind == "BIND":
            # [60] Bind ::= 'BIND' '(' Expression 'AS' Var ')'
            self.i += 1
            self.expect("(")
            self.expression()
            self.expect("AS", "AS")
            index = self.expect("VAR", "a variable")
            name = self.values[index]
            if name in self.scope:  # 18.2.1: not in scope from the preceding elements of the group
                raise self.error(f"?{name} is already in scope; BIND cannot bind it", index)
            self.scope.add(name)
            self.expect(")")
        else:
            # [61] InlineData ::= 'VALUES' DataBlock
            self.i += 1
            self.scope |= self.data_block()

    def data_block(self) -> set[str]:
        # [62] DataBlock ::= InlineDataOneVar | InlineDataFull
        # [63] InlineDataOneVar ::= Var '{' DataBlockValue* '}'
        # [64] InlineDataFull ::= ( NIL | '(' Var* ')' ) '{' ( '(' DataBlockValue* ')' | NIL )* '}'
        variables: set[str] = set()
        if self.kinds[self.i] == "VAR":
            variables.add(self.values[self.i])
            self.i += 1
            self.expect("{")
            while self.kinds[self.i] in _DATA_VALUE:
                self.data_block_value()
            self.expect("}", "a value or '}'")
            return variables
        if not self.accept("NIL"):
            self.expect("(", "a variable, '(' or '()'")
            while self.kinds[self.i] == "VAR":
                variables.add(self.values[self.i])
                self.i += 1
            self.expect(")", "a variable or ')'")
        self.expect("{")
        while True:
            if self.accept("("):
                while self.kinds[self.i] in _DATA_VALUE:
                    self.data_block_value()
                self.expect(")", "a value or ')'")
            elif not self.accept("NIL"):
                break
        self.expect("}", "'(' or '}'")
        return variables

    def data_block_value(self) -> None:
        # [65] DataBlockValue ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | 'UNDEF'
        kind = self.kinds[self.i]
        if kind in _IRI:
            self.iri()
        elif kind == "STRING":
            self.rdf_literal()
        else:
            self.i += 1  # a number, true, false or UNDEF (the caller checked)

    def constraint(self) -> None:
        # [69] Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall
        kind = self.kinds[self.i]
        if kind == "(":
            self.bracketted_expression()
        elif kind in _BUILT_INS:
            self.built_in_call()
        elif kind in _IRI:
            self.function_call()
        else:
            raise self.error(f"expected '(', a built-in call or a function call, found {self.found()}")

    def function_call(self) -> None:
        # [70] FunctionCall ::= iri ArgList
        self.functions[self.iri()] = None
        if self.kinds[self.i] not in ("(", "NIL"):
            raise self.error(f"expected the arguments of the function, found {self.found()}")
        self.arg_list()

    def arg_list(self) -> None:
        # [71] ArgList ::= NIL | '(' 'DISTINCT'? Expression ( ',' Expression )* ')'
        if self.accept("NIL"):
            return
        self.expect("(")
        self.accept("DISTINCT")
        self.expression()
        while self.accept(","):
            self.expression()
        self.expect(")", "',' or ')'")

    def expression_list(self) -> None:
        # [72] ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'
        if self.accept("NIL"):
            return
        self.expect("(", "'(' or '()'")
        self.expression()
        while self.accept(","):
            self.expression()
        self.expect(")", "',' or ')'")

    # --- [52], [73]-[87], [98]-[109] triples

    def construct_template(self) -> None:
        # [73] ConstructTemplate ::= '{' ConstructTriples? '}'  (its labels belong to no basic graph pattern)
        self.expect("{")
        self.enter()
        self.check_labels = False
        self.triples_template()
        self.check_labels = True
        self.expect("}")
        self.depth -= 1

    def triples_template(self) -> None:
        # [52] TriplesTemplate ::= TriplesSameSubject ( '.' TriplesTemplate? )?
        # [74] ConstructTriples ::= TriplesSameSubject ( '.' ConstructTriples? )?  (both optional where used)
        while self.kinds[self.i] in _GRAPH_NODE:
            self.triples_same_subject(paths=False)
            if not self.accept("."):
                return

    def triples_same_subject(self, *, paths: bool) -> None:
        # [75] TriplesSameSubject ::= VarOrTerm PropertyListNotEmpty | TriplesNode PropertyList
        # [81] TriplesSameSubjectPath ::= VarOrTerm PropertyListPathNotEmpty | TriplesNodePath PropertyListPath
        if self.kinds[self.i] in ("(", "["):
            self.triples_node(paths=paths)
            # [76] PropertyList ::= PropertyListNotEmpty? ; [82] PropertyListPath ::= PropertyListPathNotEmpty?
            if self.kinds[self.i] in (_VERB_PATH if paths else _VERB):
                self.property_list(paths=paths)
        else:
            self.var_or_term()
            self.property_list(paths=paths)

    def property_list(self, *, paths: bool) -> None:
        # [77] PropertyListNotEmpty ::= Verb ObjectList ( ';' ( Verb ObjectList )? )*
        # [83] PropertyListPathNotEmpty ::= ( VerbPath | VerbSimple ) ObjectListPath ( ';' ( ( VerbPath |
        # VerbSimple ) ObjectList )? )*
        # After ';', [83] reads ObjectList, not ObjectListPath, so a path inside [...] or (...) would be refused
        # there and only there: a slip that SPARQL 1.2 mends (its [89], "1.2 changed") and that spargebra does
        # not make. Read ObjectListPath after ';' too.
        verbs = _VERB_PATH if paths else _VERB
        self.verb(paths=paths)
        self.object_list(paths=paths)
        while self.accept(";"):
            if self.kinds[self.i] in verbs:
                self.verb(paths=paths)
                self.object_list(paths=paths)

    def verb(self, *, paths: bool) -> None:
        # [78] Verb ::= VarOrIri | 'a' ; [84] VerbPath ::= Path ; [85] VerbSimple ::= Var
        kind = self.kinds[self.i]
        if kind == "VAR":
            self.scope.add(self.values[self.i])
            self.i += 1
        elif paths and kind in _VERB_PATH:
            self.path()
        elif kind == "a":
            self.i += 1
        elif kind in _IRI:
            self.iri()
        else:
            what = "a variable, an IRI, 'a' or a property path" if paths else "a variable, an IRI or 'a'"
            raise self.error(f"expected a verb ({what}), found {self.found()}")

    def object_list(self, *, paths: bool) -> None:
        # [79] ObjectList ::= Object ( ',' Object )* ; [80] Object ::= GraphNode
        # [86] ObjectListPath ::= ObjectPath ( ',' ObjectPath )* ; [87] ObjectPath ::= GraphNodePath
        self.graph_node(paths=paths)
        while self.accept(","):
            self.graph_node(paths=paths)

    def graph_node(self, *, paths: bool) -> None:
        # [104] GraphNode ::= VarOrTerm | TriplesNode ; [105] GraphNodePath ::= VarOrTerm | TriplesNodePath
        if self.kinds[self.i] in ("(", "["):
            self.triples_node(paths=paths)
        else:
            self.var_or_term()

    def triples_node(self, *, paths: bool) -> None:
        # [98] TriplesNode ::= Collection | BlankNodePropertyList
        # [100] TriplesNodePath ::= CollectionPath | BlankNodePropertyListPath
        self.enter()
        if self.accept("("):
            # [102] Collection ::= '(' GraphNode+ ')' ; [103] CollectionPath ::= '(' GraphNodePath+ ')'
            self.graph_node(paths=paths)
            while self.kinds[self.i] in _GRAPH_NODE:
                self.graph_node(paths=paths)
            self.expect(")", "an RDF term or ')'")
        else:
            # [99] BlankNodePropertyList ::= '[' PropertyListNotEmpty ']'
            # [101] BlankNodePropertyListPath ::= '[' PropertyListPathNotEmpty ']'
            self.expect("[")
            self.property_list(paths=paths)
            self.expect("]", "';', ',' or ']'")
        self.depth -= 1

    def var_or_term(self) -> None:
        # [106] VarOrTerm ::= Var | GraphTerm
        # [109] GraphTerm ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | BlankNode | NIL
        kind = self.kinds[self.i]
        if kind == "VAR":
            self.scope.add(self.values[self.i])
            self.i += 1
        elif kind in _IRI:
            self.iri()
        elif kind == "STRING":
            self.rdf_literal()
        elif kind == "BLANK_NODE_LABEL":
            # [138] BlankNode ::= BLANK_NODE_LABEL | ANON ; 19.6: one label, one basic graph pattern
            label = self.values[self.i]
            if self.check_labels and self.labels.setdefault(label, self.bgp) != self.bgp:
                raise self.error(f"blank node {label} is already used in another basic graph pattern")
            self.i += 1
        elif kind in _VAR_OR_TERM:
            self.i += 1  # a number, true, false, [] or ()
        else:
            raise self.error(f"expected a variable or an RDF term, found {self.found()}")

    def var_or_iri(self) -> None:
        # [107] VarOrIri ::= Var | iri
        if self.kinds[self.i] == "VAR":
            self.scope.add(self.values[self.i])
            self.i += 1
        else:
            self.iri()

    # --- [88]-[96] property paths

    def path(self) -> None:
        # [88] Path ::= PathAlternative ; [89] PathAlternative ::= PathSequence ( '|' PathSequence )*
        # [90] PathSequence ::= PathEltOrInverse ( '/' PathEltOrInverse )*
        while True:
            # [92] PathEltOrInverse ::= PathElt | '^' PathElt ; [91] PathElt ::= PathPrimary PathMod?
            if self.accept("^"):
                self.operator()
            self.path_primary()
            if self.kinds[self.i] in ("?", "*", "+"):  # [93] PathMod
                self.operator()
                self.i += 1
            if self.kinds[self.i] not in ("/", "|"):
                return
            self.operator()
            self.i += 1

    def path_primary(self) -> None:
        # [94] PathPrimary ::= iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'
        kind = self.kinds[self.i]
        if kind in _IRI:
            self.iri()
        elif kind == "a":
            self.i += 1
        elif kind == "!":
            self.i += 1
            self.operator()
            # [95] PathNegatedPropertySet ::= PathOneInPropertySet | '(' ( PathOneInPropertySet ( '|'
            # PathOneInPropertySet )* )? ')'
            if self.accept("("):
                self.path_one_in_property_set()
                while self.accept("|"):
                    self.path_one_in_property_set()
                self.expect(")", "'|' or ')'")
            elif not self.accept("NIL"):
                self.path_one_in_property_set()
        elif kind == "(":
            self.i += 1
            self.enter()
            self.path()
            self.expect(")", "a path operator or ')'")
            self.depth -= 1
        else:
            raise self.error(f"expected a path (an IRI, 'a', '!', '^' or '('), found {self.found()}")

    def path_one_in_property_set(self) -> None:
        # [96] PathOneInPropertySet ::= iri | 'a' | '^' ( iri | 'a' )
        self.accept("^")
        if not self.accept("a"):
            self.iri()

    # --- [110]-[135] expressions

    def expression(self) -> None:
        # [110] Expression ::= ConditionalOrExpression
        # [111] ConditionalOrExpression ::= ConditionalAndExpression ( '||' ConditionalAndExpression )*
        # [112] ConditionalAndExpression ::= ValueLogical ( '&&' ValueLogical )*
        # [113] ValueLogical ::= RelationalExpression
        # [114] RelationalExpression ::= NumericExpression ( '=' NumericExpression | '!=' NumericExpression | ...
        # | 'IN' ExpressionList | 'NOT' 'IN' ExpressionList )?
        # A recogniser needs no precedence: one loop over the operands, at most one comparison in each.
        self.enter()
        while True:
            self.numeric_expression()
            kind = self.kinds[self.i]
            if kind in _RELATIONAL:
                self.operator()
                self.i += 1
                self.numeric_expression()
            elif kind == "IN" or kind == "NOT":
                self.operator()
                self.i += 1
                if kind == "NOT":
                    self.expect("IN", "IN")
                self.expression_list()
            kind = self.kinds[self.i]
            if kind != "||" and kind != "&&":
                break
            self.operator()
            self.i += 1
        self.depth -= 1

    def numeric_expression(self) -> None:
        # [115] NumericExpression ::= AdditiveExpression
        # [116] AdditiveExpression ::= MultiplicativeExpression ( '+' MultiplicativeExpression | '-'
        # MultiplicativeExpression | ( NumericLiteralPositive | NumericLiteralNegative ) ( ( '*' UnaryExpression )
        # | ( '/' UnaryExpression ) )* )*
        # [117] MultiplicativeExpression ::= UnaryExpression ( '*' UnaryExpression | '/' UnaryExpression )*
        # Together: operands joined by + - * /, or followed by a signed number (19.8: '?a-1' is ?a minus 1).
        self.unary_expression()
        while True:
            kind = self.kinds[self.i]
            if kind == "SIGNED":
                self.operator()
                self.i += 1
            elif kind in ("+", "-", "*", "/"):
                self.operator()
                self.i += 1
                self.unary_expression()
            else:
                return

    def unary_expression(self) -> None:
        # [118] UnaryExpression ::= '!' PrimaryExpression | '+' PrimaryExpression | '-' PrimaryExpression |
        # PrimaryExpression
        # One operator at most; a longer chain is counted first, so that 20,000 '!' are too deep, not an error
        # found at the second.
        count = 0
        while self.kinds[self.i] in ("!", "+", "-"):
            count += 1
            self.enter()
            self.operator()
            self.i += 1
        if count > 1:
            raise self.error("only one '!', '+' or '-' may stand before an operand (use brackets)", self.i - count + 1)
        self.primary_expression()
        self.depth -= count

    def primary_expression(self) -> None:
        # [119] PrimaryExpression ::= BrackettedExpression | BuiltInCall | iriOrFunction | RDFLiteral |
        # NumericLiteral | BooleanLiteral | Var
        kind = self.kinds[self.i]
        if kind == "VAR":
            if self.sink is not None and not self.in_aggregate:
                self.sink.append(self.values[self.i])
            self.i += 1
        elif kind == "(":
            self.bracketted_expression()
        elif kind in _BUILT_INS:
            self.built_in_call()
        elif kind in _IRI:
            # [128] iriOrFunction ::= iri ArgList?
            iri = self.iri()
            if self.kinds[self.i] in ("(", "NIL"):
                self.functions[iri] = None
                self.arg_list()
        elif kind == "STRING":
            self.rdf_literal()
        elif kind in _NUMBERS or kind == "TRUE" or kind == "FALSE":
            self.i += 1  # [130]-[134]
        else:
            raise self.error(f"expected an expression, found {self.found()}")

    def bracketted_expression(self) -> None:
        # [120] BrackettedExpression ::= '(' Expression ')'
        self.expect("(")
        self.expression()
        self.expect(")", "an operator or ')'")

    def built_in_call(self) -> None:
        # [121] BuiltInCall, with [122] RegexExpression, [123] SubstringExpression, [124] StrReplaceExpression,
        # [125] ExistsFunc, [126] NotExistsFunc, [127] Aggregate
        name = self.kinds[self.i]
        self.i += 1
        if name in _CALL_ARITY:
            fewest, most = _CALL_ARITY[name]
            self.expect("(", f"'(' after {name}")
            self.expression()
            count = 1
            while count < most and self.accept(","):
                self.expression()
                count += 1
            if count < fewest:
                raise self.error(f"{name} takes {fewest} arguments")
            self.expect(")", f"',' or ')' in {name}(...)" if count < most else "')'")
        elif name in _NIL_CALLS:
            self.expect("NIL", f"'()' after {name}")
        elif name in _LIST_CALLS:
            self.expression_list()
        elif name in _AGGREGATES:
            self.aggregate(name)
        elif name == "BOUND":
            self.expect("(", "'(' after BOUND")
            if self.sink is not None and not self.in_aggregate and self.kinds[self.i] == "VAR":
                self.sink.append(self.values[self.i])
            self.expect("VAR", "a variable")
            self.expect(")")
        elif name == "BNODE":
            if not self.accept("NIL"):
                self.expect("(", "'(' or '()' after BNODE")
                self.expression()
                self.expect(")")
        else:
            if name == "NOT":
                self.expect("EXISTS", "EXISTS after NOT")
            if self.kinds[self.i] != "{":
                raise self.error(f"expected '{{' after EXISTS, found {self.found()}")
            self.group_graph_pattern()

    def aggregate(self, name: str) -> None:
        # [127] Aggregate ::= 'COUNT' '(' 'DISTINCT'? ( '*' | Expression ) ')' | 'SUM' '(' 'DISTINCT'? Expression
        # ')' | ... | 'GROUP_CONCAT' '(' 'DISTINCT'? Expression ( ';' 'SEPARATOR' '=' String )? ')'
        self.aggregates += 1
        self.expect("(", f"'(' after {name}")
        self.accept("DISTINCT")
        self.in_aggregate += 1
        if not (name == "COUNT" and self.accept("*")):
            self.expression()
        if name == "GROUP_CONCAT" and self.accept(";"):
            self.expect("SEPARATOR", "SEPARATOR")
            self.expect("=")
            self.expect("STRING", "a string")
        self.in_aggregate -= 1
        self.expect(")", "')'")

    def rdf_literal(self) -> None:
        # [129] RDFLiteral ::= String ( LANGTAG | ( '^^' iri ) )?
        self.expect("STRING", "a string")
        if not self.accept("LANGTAG") and self.accept("^^"):
            self.iri()

    def iri(self) -> str:
        # [136] iri ::= IRIREF | PrefixedName ; [137] PrefixedName ::= PNAME_LN | PNAME_NS
        # Returns the IRI: a prefixed name is expanded (its '\' escapes removed), nothing is resolved.
        kind = self.kinds[self.i]
        value = self.values[self.i]
        if kind == "IRIREF":
            self.i += 1
            return value
        if kind != "PNAME_LN" and kind != "PNAME_NS":
            raise self.error(f"expected an IRI, found {self.found()}")
        label, _, local = value.partition(":")
        namespace = self.prefixes.get(label)
        if namespace is None:
            raise self.error(f"the prefix {label}: is not declared")
        self.i += 1
        return namespace + (_PLX_ESCAPE.sub(r"\1", local) if "\\" in local else local)
