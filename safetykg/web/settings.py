"""Server settings: declared once here, documented in the docs (generated from this table), overridable by option and environment.

Each setting has a default, an environment variable (SAFETYKG_<NAME>) and a `safetykg serve` option
(--name). The option wins over the environment, the environment over the default.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self) -> str:
        return "SAFETYKG_" + self.name.upper().replace("-", "_")

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", "address to listen on"),
    Setting("port", 8000, "port to listen on"),
    Setting("dist", "", "published build to serve (default: dist/ in the project; built first if missing)"),
    Setting("deadline", 10.0, "seconds a query may run before its worker is stopped and the client gets 503"),
    Setting("row_cap", 10000, "most result rows (or triples) returned; longer results are cut and marked truncated"),
    Setting("workers", 2, "query worker processes; each holds the graph and runs one query at a time"),
    Setting("queue", 16, "queries that may wait for a worker; beyond that the server answers 429 with Retry-After"),
    Setting("max_query_bytes", 65536, "longest accepted query text, in bytes (UTF-8)"),
    Setting(
        "max_nesting",
        64,
        "deepest accepted nesting in a query (groups, sub-selects, brackets, unary operators, collections; 400 beyond)",
    ),
    Setting("max_operators", 2000, "most operators in a query (expression and path operators, UNION, joined patterns)"),
    Setting(
        "max_answer_bytes",
        67108864,
        "largest answer, in bytes, next to the row cap; longer answers are cut and marked truncated",
    ),
    Setting(
        "worker_memory",
        2048,
        "most resident memory of a query worker, in MB: a query that grows it further is stopped (503), the worker replaced",
    ),
    Setting(
        "client_share",
        0.1,
        "share of all workers' time one client may use, averaged with a 10 s half-life; past half of it the client "
        "has one query at a time and never the last free worker, past it 429; 0 turns this off (benchmarks, trusted clients)",
    ),
    Setting(
        "trusted_proxy",
        "",
        "address of a reverse proxy whose X-Forwarded-For names the client (default: the TCP peer is the client)",
    ),
    Setting("spare_workers", 1, "warm spare workers that take the place of a stopped worker at once"),
    Setting("max_body_bytes", 1048576, "largest accepted request body, in bytes"),
    Setting(
        "base_url",
        "",
        "public URL of the server, used in the service description, VoID and as the queries' base IRI "
        "(default: http://host:port)",
    ),
    Setting(
        "trust_forwarded_headers",
        False,
        "take the public URL from the request's Host and X-Forwarded-Proto (only behind a reverse proxy that sets "
        "them; base_url still wins)",
    ),
    Setting(
        "max_header_bytes",
        65536,
        "largest accepted request header section, in bytes; beyond it the server answers 431 and closes the connection",
    ),
    Setting("max_headers", 100, "most header fields accepted in a request; beyond it 431"),
    Setting(
        "cache_max_age",
        3600,
        "seconds a client or a proxy may reuse an answer (Cache-Control max-age); answers carry a strong ETag from "
        "the snapshot and the request, and If-None-Match is answered 304; 0 asks clients to revalidate every time",
    ),
    Setting(
        "answer_cache_bytes",
        67108864,
        "bytes of SPARQL and question answers kept in memory to answer the same query again at once (the least "
        "recently used dropped first); 0 turns the answer cache off",
    ),
    Setting(
        "cors_origin",
        "*",
        "Access-Control-Allow-Origin of the read-only endpoints, so that browser clients on other sites can query "
        "them (preflight answered); empty turns CORS off",
    ),
    Setting(
        "memory_store_quads",
        250000,
        "a snapshot of at most this many quads is also loaded into each query worker's memory, which answers 3-4 "
        "times faster than the on-disk store (about 420 bytes a quad per worker; the on-disk store answers while it "
        "loads); larger snapshots are read from the on-disk store only; 0 never loads one into memory",
    ),
    Setting(
        "access_log",
        False,
        "log a line for every request answered (uvicorn's access log); off by default, since it costs the event "
        "loop time on every request and a reverse proxy in front usually keeps the log",
    ),
    Setting("store", "", "SPARQL endpoint of a remote store holding the build (default: the embedded store)"),
    Setting(
        "allow_worker_network",
        False,
        "serve even where query workers cannot be cut off the network (no network namespace); the engine could then "
        "reach the network if the guard ever missed a SERVICE call",
    ),
)

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    dist: str = ""
    deadline: float = 10.0
    row_cap: int = 10000
    workers: int = 2
    queue: int = 16
    max_query_bytes: int = 65536
    max_nesting: int = 64
    max_operators: int = 2000
    max_answer_bytes: int = 67108864
    worker_memory: int = 2048
    client_share: float = 0.1
    trusted_proxy: str = ""
    spare_workers: int = 1
    max_body_bytes: int = 1048576
    base_url: str = ""
    trust_forwarded_headers: bool = False
    max_header_bytes: int = 65536
    max_headers: int = 100
    cache_max_age: int = 3600
    answer_cache_bytes: int = 67108864
    cors_origin: str = "*"
    memory_store_quads: int = 250000
    access_log: bool = False
    store: str = ""
    allow_worker_network: bool = False

    def dist_path(self, default: Path) -> Path:
        return Path(self.dist) if self.dist else default


def load_settings(
    options: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None
) -> ServerSettings:
    """Settings from defaults, then the environment, then explicit options (None means not given)."""
    environ = os.environ if environ is None else environ
    options = options or {}
    values: dict[str, object] = {}
    for setting in SETTINGS:
        raw = options.get(setting.name)
        if raw is None and setting.env in environ:
            raw = environ[setting.env]
        if raw is None:
            continue
        kind: type = type(setting.default)
        if kind is bool:
            values[setting.name] = _boolean(setting, raw)
            continue
        try:
            values[setting.name] = kind(raw)
        except ValueError as err:
            raise ValueError(f"setting {setting.name} ({setting.env}) must be {kind.__name__}, got {raw!r}") from err
    settings = ServerSettings(**values)  # type: ignore[arg-type]
    positive = ("deadline", "row_cap", "workers", "queue", "max_query_bytes", "max_nesting", "max_body_bytes")
    for name in (*positive, "max_operators", "max_answer_bytes", "worker_memory", "max_header_bytes", "max_headers"):
        if float(getattr(settings, name)) <= 0:
            raise ValueError(f"setting {name} must be positive, got {getattr(settings, name)}")
    _check_ranges(settings)
    return settings


def _boolean(setting: Setting, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(
        f"setting {setting.name} ({setting.env}) must be one of {', '.join(_TRUE + _FALSE[:-1])}, got {raw!r}"
    )


def _check_ranges(settings: "ServerSettings") -> None:
    if not 0 <= settings.client_share <= 1:
        raise ValueError(f"setting client_share must be between 0 and 1, got {settings.client_share}")
    for name in ("cache_max_age", "answer_cache_bytes", "memory_store_quads"):
        if int(getattr(settings, name)) < 0:
            raise ValueError(f"setting {name} must be 0 or more, got {getattr(settings, name)}")
    if settings.spare_workers < 0:
        raise ValueError(f"setting spare_workers must be 0 or more, got {settings.spare_workers}")
