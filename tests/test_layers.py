"""The layers import one way (DESIGN.md), and the serving side never loads the build side.

The first tests read every module's imports (top-level and inside functions) with ``ast`` and
check them against the table of allowed layers; the last one starts a real server in a
subprocess with rdflib, owlrl, pyshacl and pyrudof made unimportable, and asks it a question.
"""

import ast
import os
import textwrap
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server
from tests.processes import worker_pids

PACKAGE = Path(__file__).resolve().parent.parent / "safetykg"

# layer -> the layers it may import (besides itself); ``cli`` may import anything
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "corpus": {"core"},
    "lexicon": {"core"},
    "query": {"core"},
    "extract": {"lexicon", "corpus", "core"},
    "rdf": {"extract", "lexicon", "corpus", "core"},
    "quality": {"rdf", "corpus", "core"},
    "build": {"quality", "rdf", "extract", "lexicon", "corpus", "core"},
    "deploy": {"query", "core"},
    "web": {"query", "core"},
}
BUILD_SIDE = {"corpus", "lexicon", "extract", "rdf", "quality", "build"}
BUILD_LIBRARIES = {"rdflib", "owlrl", "pyshacl", "pyrudof"}
SERVING_ENTRY_POINTS = ("safetykg.web.app", "safetykg.web.worker", "safetykg.cli")
# the one core module that mints rdflib terms; only the build side may import it
RDF_TERMS_MODULE = "safetykg.core.iris"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports_of(path: Path) -> dict[str, bool]:
    """Every module a file imports, mapped to whether the import is at module level (not in a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, bool] = {}
    function_lines = {
        line
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }
    type_checking_lines = {
        line
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }
    for node in ast.walk(tree):
        if node.lineno in type_checking_lines if isinstance(node, ast.Import | ast.ImportFrom) else True:
            continue
        top = node.lineno not in function_lines
        if isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.name] = found.get(alias.name, False) or top
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            found[base] = found.get(base, False) or top
            for alias in node.names:  # "from safetykg.core import iris" imports the module safetykg.core.iris
                if (PACKAGE.parent / (base.replace(".", "/") + f"/{alias.name}.py")).exists():
                    found[f"{base}.{alias.name}"] = found.get(f"{base}.{alias.name}", False) or top
    return found


def import_graph() -> dict[str, dict[str, bool]]:
    return {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def layer_violations(graph: dict[str, dict[str, bool]]) -> list[str]:
    problems = []
    for module, imported in graph.items():
        layer = layer_of(module)
        if layer not in ALLOWED:  # cli, the package itself
            continue
        for target in imported:
            if not target.startswith("safetykg."):
                if layer in ("web", "query", "deploy") and target.split(".")[0] in BUILD_LIBRARIES:
                    problems.append(f"{module} imports {target}, a build-side library")
                continue
            other = layer_of(target)
            if other != layer and other not in ALLOWED[layer]:
                problems.append(f"{module} ({layer}) imports {target} ({other})")
            if target == RDF_TERMS_MODULE and layer not in BUILD_SIDE:
                problems.append(f"{module} ({layer}) imports {target}, which needs rdflib")
    return problems


def loaded_at_import(graph: dict[str, dict[str, bool]], start: str) -> set[str]:
    """The project modules importing ``start`` loads (module-level imports, followed transitively)."""
    seen, todo = set(), [start]
    while todo:
        module = todo.pop()
        if module in seen or module not in graph:
            continue
        seen.add(module)
        parents = [".".join(module.split(".")[:i]) for i in range(2, len(module.split(".")))]
        todo += [t for t, top in graph[module].items() if top and t.startswith("safetykg")] + parents
    return seen


def test_every_layer_imports_only_the_layers_below_it() -> None:
    assert layer_violations(import_graph()) == []


def test_the_checker_catches_the_store_importing_the_build_again() -> None:
    """The regression the layers exist for: safetykg.query.store once imported the build for one file name."""
    graph = import_graph()
    graph["safetykg.query.store"] = {**graph["safetykg.query.store"], "safetykg.build.pipeline": True}
    assert layer_violations(graph) == [
        "safetykg.query.store (query) imports safetykg.build.pipeline (build)",
    ]
    assert "safetykg.build.pipeline" in loaded_at_import(graph, "safetykg.web.worker")


@pytest.mark.parametrize("entry", SERVING_ENTRY_POINTS)
def test_the_serving_side_loads_nothing_of_the_build_side(entry: str) -> None:
    loaded = loaded_at_import(import_graph(), entry)
    assert sorted(m for m in loaded if layer_of(m) in BUILD_SIDE or m == RDF_TERMS_MODULE) == []


BLOCKER = textwrap.dedent(
    """
    # Makes the build-side libraries unimportable in this interpreter and every process it spawns,
    # and notes in a log which processes ran with the block and which imports were refused.
    import os
    import sys

    _LOG = {log!r}

    def _note(line):
        with open(_LOG, "a", encoding="utf-8") as out:
            out.write(f"{{os.getpid()}} {{line}}\\n")

    class _Blocked:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {blocked!r}:
                _note(f"refused {{name}}")
                raise ImportError(f"{{name}} is blocked: the serving side must not import it")
            return None

    sys.meta_path.insert(0, _Blocked())
    _note("active")
    """
)


def test_a_server_answers_with_the_build_libraries_unimportable(dist: Path, tmp_path: Path) -> None:
    """The server and its spawned workers run with rdflib, owlrl, pyshacl and pyrudof unimportable, and answer
    Xinjiang's fireworks departments (新疆细则 第二十二条第（三）项 and others name them)."""
    log = tmp_path / "imports.log"
    (tmp_path / "sitecustomize.py").write_text(
        BLOCKER.format(blocked=sorted(BUILD_LIBRARIES), log=str(log)), encoding="utf-8"
    )
    path = os.pathsep.join([str(tmp_path), str(PACKAGE.parent)])
    with live_server(dist, extra_env={"PYTHONPATH": path}) as base:
        answer = httpx.get(
            f"{base}/questions/departments-regulating-hazard",
            params={"jurisdiction": "新疆", "hazard": "烟花爆竹"},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        assert {row["departmentLabel"] for row in answer.json()["rows"]} >= {"公安部门", "安全生产监督管理部门"}
        server_pid = int(next(line.split()[0] for line in log.read_text().splitlines() if line.endswith("active")))
        workers = worker_pids(server_pid)
        parents = {pid: int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) for pid in workers}
    lines = log.read_text(encoding="utf-8").splitlines()
    active = {int(line.split()[0]) for line in lines if line.endswith(" active")}
    # two workers and a spare; each ran the block itself (spawned) or was forked from a fork server that did
    assert len(workers) == 3 and all(pid in active or parent in active for pid, parent in parents.items()), lines
    assert [line for line in lines if " refused " in line] == []
