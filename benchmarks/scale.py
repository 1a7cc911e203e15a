"""Benchmark: the graph at N times the size — store load, store size, memory and question latency.

A generator multiplies the corpus: each of N synthetic jurisdictions gets a copy of one local rule
(Hebei's by default: its regulation, articles, organs, posts, duties, designations, frequencies)
under its own IRIs (id/regulation/synth-0001, id/organ/synth-0001/…, id/jurisdiction/synth-0001),
with texts varied by a per-jurisdiction suffix. The five real rules, the lexicon and the ontology
stay. For each N it loads the dataset into the embedded store and times a selective question (one
jurisdiction, one hazard; departments-regulating-hazard for Xinjiang and fireworks) and a broad one
(frequency-requirements over every jurisdiction), in-process, the way the server's workers run them.

Usage: python benchmarks/scale.py [--sizes 1,10,100,1000] [--template hebei] [--out benchmarks/results/scale.json]
"""

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg.build.pipeline import DUMP, Paths, build  # noqa: E402
from safetykg.query.questions import answer, load_questions  # noqa: E402

ID = "https://w3id.org/safetykg/id/"
SKOS_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def template_lines(dump: Path, doc_id: str, jurisdiction: str) -> list[str]:
    graph = f"<{ID}graph/{doc_id}>"
    return [line for line in dump.read_text(encoding="utf-8").splitlines() if line.endswith(f"{graph} .")]


def synthetic(lines: list[str], doc_id: str, jurisdiction: str, number: int) -> list[str]:
    name = f"synth-{number:04d}"
    out = []
    for line in lines:
        line = (
            line.replace(f"{ID}regulation/{doc_id}", f"{ID}regulation/{name}")
            .replace(f"/{doc_id}/", f"/{name}/")
            .replace(f"graph/{doc_id}>", f"graph/{name}>")
        )
        line = line.replace(f"{ID}jurisdiction/{jurisdiction}>", f"{ID}jurisdiction/{name}>").replace(
            f"/{jurisdiction}/", f"/{name}/"
        )
        if '"@zh' in line and "/ontology#text>" in line:
            line = line.replace('"@zh', f'（样本{number}）"@zh', 1)
        out.append(line)
    place = f"<{ID}jurisdiction/{name}>"
    graph = f"<{ID}graph/{name}>"
    out += [
        f"{place} {RDF_TYPE} <https://w3id.org/safetykg/ontology#Jurisdiction> {graph} .",
        f"{place} {RDF_TYPE} <http://www.w3.org/2004/02/skos/core#Concept> {graph} .",
        f'{place} {SKOS_PREF} "样本辖区{number}"@zh {graph} .',
        f'{place} {SKOS_PREF} "synthetic jurisdiction {number}"@en {graph} .',
    ]
    return out


def timed(store: ox.Store, question: str, params: dict[str, str], runs: int) -> dict[str, float]:
    q = load_questions()[question]
    answer(store, q, params)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        answer(store, q, params)
        times.append(time.perf_counter() - started)
    return {"p50_ms": round(statistics.median(times) * 1000, 2), "max_ms": round(max(times) * 1000, 2)}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--sizes", default="1,10,100,1000")
    args.add_argument("--template", default="hebei")
    args.add_argument("--runs", type=int, default=20)
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "scale.json"))
    options = args.parse_args()
    paths = Paths()
    if not (paths.dist / DUMP).exists():
        build(paths)
    dump = paths.dist / DUMP
    base = dump.read_text(encoding="utf-8").splitlines()
    template = template_lines(dump, options.template, options.template)
    curve = []
    for size in [int(s) for s in options.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            path = Path(tmp) / "scaled.nq"
            with path.open("w", encoding="utf-8") as out:
                out.write("\n".join(base) + "\n")
                for number in range(1, size):  # N = 1 is the corpus itself
                    out.write("\n".join(synthetic(template, options.template, options.template, number)) + "\n")
            generate = time.perf_counter() - started
            started = time.perf_counter()
            store = ox.Store(str(Path(tmp) / "store"))
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            load = time.perf_counter() - started
            quads = len(store)
            store_bytes = sum(f.stat().st_size for f in (Path(tmp) / "store").rglob("*") if f.is_file())
            selective = timed(
                store,
                "departments-regulating-hazard",
                {"jurisdiction": f"{ID}jurisdiction/xinjiang", "hazard": f"{ID}domain/fireworks"},
                options.runs,
            )
            one_synthetic = timed(
                store,
                "duties-of-role",
                {
                    "jurisdiction": f"{ID}jurisdiction/{'synth-0001' if size > 1 else 'hebei'}",
                    "role": f"{ID}role/principal-leader",
                },
                options.runs,
            )
            broad = timed(store, "frequency-requirements", {}, max(3, options.runs // 5))
            peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            row = {
                "N": size,
                "quads": quads,
                "generate_s": round(generate, 2),
                "load_s": round(load, 2),
                "store_mb": round(store_bytes / 1e6, 1),
                "peak_rss_mb": peak_mb,
                "selective_question_ms": selective,
                "selective_synthetic_question_ms": one_synthetic,
                "broad_question_ms": broad,
            }
            print(json.dumps(row, ensure_ascii=False))
            curve.append(row)
            del store
    report = {
        "benchmark": "scale: N synthetic jurisdictions",
        "machine": machine(),
        "template": options.template,
        "curve": curve,
    }
    write_report(options.out, report)


if __name__ == "__main__":
    main()
