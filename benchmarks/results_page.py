"""Writes benchmarks/RESULTS.md (and an SVG curve) from the JSON files the benchmark scripts wrote.

Usage: python benchmarks/results_page.py
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def load(name: str) -> dict[str, object] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def machine_line(report: dict[str, object]) -> str:
    m = report.get("machine", {})
    assert isinstance(m, dict)
    return f"_Machine: {m.get('processor')} × {m.get('cpus')} cores, Python {m.get('python')}, {m.get('platform')}._"


def curve_svg(points: dict[str, list[tuple[int, float]]], title: str) -> str:
    """A log-log line chart of milliseconds against N (one line per series)."""
    import math

    width, height, left, bottom = 560, 320, 60, 40
    xs = [x for series in points.values() for x, _ in series]
    ys = [y for series in points.values() for _, y in series]
    lx, hx = math.log10(min(xs)), math.log10(max(xs))
    ly, hy = math.log10(max(min(ys), 0.1)), math.log10(max(ys))
    px = lambda x: left + (math.log10(x) - lx) / ((hx - lx) or 1) * (width - left - 20)  # noqa: E731
    py = lambda y: height - bottom - (math.log10(max(y, 0.1)) - ly) / ((hy - ly) or 1) * (height - bottom - 30)  # noqa: E731
    colours = ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<text x="{left}" y="16">{title}</text>',
    ]
    for x in sorted(set(xs)):
        parts.append(f'<text x="{px(x):.0f}" y="{height - 20}" text-anchor="middle">N={x}</text>')
    for i, (name, series) in enumerate(points.items()):
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in series)
        parts.append(f'<polyline fill="none" stroke="{colours[i % 4]}" stroke-width="2" points="{path}"/>')
        parts += [
            f'<text x="{px(x) + 4:.0f}" y="{py(y) - 4:.0f}" fill="{colours[i % 4]}">{y:g}</text>' for x, y in series
        ]
        parts.append(f'<text x="{width - 200}" y="{40 + 16 * i}" fill="{colours[i % 4]}">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    out = [
        "# Benchmark results",
        "",
        "Produced by `python benchmarks/results_page.py` from `benchmarks/results/*.json`; benchmarks/README.md says how to rerun each script. Figures are medians unless marked.",
        "",
    ]
    build = load("build_phases")
    if build:
        out += ["## Build (five documents)", "", machine_line(build), "", "| phase | median s |", "|---|---|"]
        phases = build["median_seconds"]
        assert isinstance(phases, dict)
        out += [f"| {k} | {v} |" for k, v in phases.items()] + [""]
    latency = load("http_latency")
    if latency:
        out += ["## Cold start and question latency", "", machine_line(latency), ""]
        out += [
            f"- cold start to first answer: {latency['cold_start_seconds']} s",
            f"- `departments-regulating-hazard` over HTTP ({'answer caches off' if 'caches off' in str(latency['benchmark']) else 'answer caches on'}): p50 {latency['http_ms']['p50']} ms, p90 {latency['http_ms']['p90']} ms; in-process p50 {latency['in_process_ms']['p50']} ms",
            "",
        ]  # type: ignore[index]
    load_report = load("http_load")
    if load_report:
        out += [
            "## Throughput and latency against rdflib-endpoint (same run, same dump)",
            "",
            machine_line(load_report),
            "",
            "| query | concurrency | safetykg rps | p50 ms | p99 ms | rdflib-endpoint rps | p50 ms | throughput ratio | engine alone ms |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        results = load_report["results"]
        assert isinstance(results, dict)
        for name, entry in results.items():
            for key, value in entry.items():
                if isinstance(value, dict) and "safetykg" in value and not isinstance(value["rdflib-endpoint"], dict):
                    ours = value["safetykg"]
                    out.append(
                        f"| {name} | {key[1:]} | {ours['throughput_rps']} | {ours['p50_ms']} | {ours['p99_ms']} | {value['rdflib-endpoint']} | – | – | {entry.get('engine_floor_ms')} |"
                    )
                elif isinstance(value, dict) and "safetykg" in value:
                    ours, peer = value["safetykg"], value["rdflib-endpoint"]
                    out.append(
                        f"| {name} | {key[1:]} | {ours['throughput_rps']} | {ours['p50_ms']} | {ours['p99_ms']} | {peer['throughput_rps']} | {peer['p50_ms']} | {value['throughput_ratio']} | {entry.get('engine_floor_ms')} |"
                    )
                elif isinstance(value, dict) and "throughput_rps" in value:
                    out.append(
                        f"| {name} | {key[1:]} | {value['throughput_rps']} | {value['p50_ms']} | {value['p99_ms']} | – | – | – | – |"
                    )
        out.append("")
    peers = load("peers")
    if peers:
        out += [
            "## Against oxigraph's own server and rdflib-endpoint (same run, same dump, wrk -t2 -c8, 2xx only)",
            "",
            machine_line(peers),
            "",
            "Requests per second. Repeated: the same request every time; varied: a different IRI or constant on every "
            "request (5,000 distinct). `safetykg-no-cache` runs with `--answer-cache-bytes 0`.",
            "",
        ]
        served = peers["requests_per_second"]
        assert isinstance(served, dict)
        keys = [k for k in next(iter(served.values())) if k != "first_answer_s"]
        out += ["| server | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
        out += [f"| {name} | " + " | ".join(str(row.get(k, "")) for k in keys) + " |" for name, row in served.items()]
        ratio_key = next(k for k in peers if k.startswith("ratios"))
        ratios = peers[ratio_key]
        assert isinstance(ratios, dict)
        out += ["", f"Ratios ({ratio_key[len('ratios ') :].strip('()')}):", ""]
        out += [f"- {k}: {v}×" for k, v in ratios.items()] + [""]
    path = load("request_path")
    if path:
        iri = path["single-iri query"]
        assert isinstance(iri, dict)
        out += [
            "## Where an uncached request's time goes (in-process, µs, medians)",
            "",
            machine_line(path),
            "",
            "The single-IRI query of the peer run, a different organ on every request (`benchmarks/request_path.py`).",
            "",
            "| piece | µs |",
            "|---|---|",
        ]
        out += [f"| {k} | {v} |" for k, v in iri.items() if not isinstance(v, dict)]
        for store, pieces in iri["engine"].items():
            out += [f"| engine, {store}: {k} | {v} |" for k, v in pieces.items()]
        fireworks = path["fireworks question in-process, ms"]
        assert isinstance(fireworks, dict)
        out += ["", "The fireworks question in-process: " + ", ".join(f"{k} {v} ms" for k, v in fireworks.items()), ""]
    start = load("start")
    if start:
        out += ["## Start to the first answer (`safetykg serve`, default settings)", "", machine_line(start), ""]
        out += [
            "From starting the process to the first answered `GET /sparql` (the lean path) and to the first page only "
            "the web framework answers (`/docs`); `this` is the source measured, `against` another copy of it "
            "started in turn with it (here the tree before the start's work, commit 96e5c31). Bytecode `cached`: as "
            "an installed package starts. The load average is the machine's (other work on it) when the runs began.",
            "",
            "| jurisdictions | source | bytecode | runs | load average | first answer s, min / median | "
            "first page s, min / median |",
            "|---|---|---|---|---|---|---|",
        ]
        rows = start["rows"]
        assert isinstance(rows, list)
        out += [
            f"| {r['dist']} | {r['source']} | {r['bytecode']} | {r['runs']} | {r['load_average_1min']} | "
            f"{r['first_answer_s']['min']} / {r['first_answer_s']['median']} | "
            f"{r['first_page_s']['min']} / {r['first_page_s']['median']} |"
            for r in rows
        ] + [""]
    scale_server = load("scale_server")
    if scale_server:
        out += ["## The server at N jurisdictions (two workers, answer caches off)", "", machine_line(scale_server), ""]
        out += [
            "`memory_store_quads`: the server's setting (`default`: a snapshot of up to 250,000 quads is loaded into "
            "each worker's memory while the on-disk store answers; `0`: the on-disk store only).",
            "",
            "| N | quads | memory_store_quads | first answer s | answering from memory after s | total PSS MB | question p50 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        rows = scale_server["rows"]
        assert isinstance(rows, list)
        out += [
            f"| {r['N']} | {r['quads']} | {r.get('memory_store_quads', 0)} | {r['first_answer_s']} | "
            f"{r.get('answering_from_memory_after_s') or '–'} | {r['pss_total_mb']} | {r['question_p50_ms']} |"
            for r in rows
        ] + [""]
    scale = load("scale")
    if scale:
        curve = scale["curve"]
        assert isinstance(curve, list)
        out += [
            "## Scale: N synthetic jurisdictions (store and questions)",
            "",
            machine_line(scale),
            "",
            "| N | quads | load s | store MB | peak RSS MB | selective question p50 ms | selective (synthetic jurisdiction) ms | broad question ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {r['N']} | {r['quads']} | {r['load_s']} | {r['store_mb']} | {r['peak_rss_mb']} | {r['selective_question_ms']['p50_ms']} | {r['selective_synthetic_question_ms']['p50_ms']} | {r['broad_question_ms']['p50_ms']} |"
            for r in curve
        ]
        svg = curve_svg(
            {
                "selective (Xinjiang, fireworks)": [(r["N"], r["selective_question_ms"]["p50_ms"]) for r in curve],
                "selective (one synthetic)": [(r["N"], r["selective_synthetic_question_ms"]["p50_ms"]) for r in curve],
                "broad (all frequencies)": [(r["N"], r["broad_question_ms"]["p50_ms"]) for r in curve],
            },
            "question latency (ms) against N, log-log",
        )
        (HERE / "scale.svg").write_text(svg, encoding="utf-8")
        out += ["", "![question latency against N](scale.svg)", ""]
    scale_build = load("scale_build")
    if scale_build:
        curve = scale_build["curve"]
        assert isinstance(curve, list)
        keys = [k for k in curve[0] if k.endswith("_s")]
        out += [
            "## Scale: the full build on N synthetic jurisdictions",
            "",
            machine_line(scale_build),
            "",
            "| N | documents | triples | " + " | ".join(keys) + " |",
            "|---|---|---|" + "---|" * len(keys),
        ]
        out += [
            f"| {r['N']} | {r['documents']} | {r['triples']} | " + " | ".join(str(r[k]) for k in keys) + " |"
            for r in curve
        ] + [""]
    reasoning = load("reasoning")
    if reasoning:
        out += [
            "## Reasoning engines",
            "",
            machine_line(reasoning),
            "",
            f"- owlrl {reasoning['median_seconds']['owlrl']} s, reasonable {reasoning['median_seconds']['reasonable']} s; inferred {reasoning['inferred']}; same closure: {reasoning['same_closure']}",
            "",
        ]  # type: ignore[index]
    remote = load("remote_store")
    if remote:
        published, questions, http = remote["publish"], remote["questions"], remote["http"]
        assert isinstance(published, dict) and isinstance(questions, dict) and isinstance(http, dict)
        overall = questions["median_of_p50s_ms"]
        out += [
            "## Remote store (Virtuoso) against the embedded store (same run)",
            "",
            machine_line(remote),
            "",
            f"- {remote['virtuoso']}",
            f"- publish {published['triples']} triples in {published['graphs']} graphs: "
            + ", ".join(f"{k} {v} s" for k, v in published["median_seconds"].items()),
            f"- median of the per-question p50s: embedded {overall['embedded']} ms, Virtuoso {overall['remote']} ms (× {overall['remote_over_embedded']}); same rows on both: {questions['same_rows_everywhere']}",
            f"- `{http['question']}` over HTTP: embedded p50 {http['embedded_ms']['p50']} ms, p90 {http['embedded_ms']['p90']} ms; Virtuoso p50 {http['remote_ms']['p50']} ms, p90 {http['remote_ms']['p90']} ms (× {http['remote_over_embedded_p50']})",
            "",
            "| question | rows | embedded p50 ms | Virtuoso p50 ms | ratio | queries per answer on Virtuoso |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            f"| {name} | {q['rows']} | {q['embedded_p50_ms']} | {q['remote_p50_ms']} | {q['remote_over_embedded']} | {q['remote_queries_per_answer']} |"
            for name, q in questions["per_question"].items()
        ] + [""]
    soak = load("soak")
    if soak:
        memory = soak["memory_mb"]
        assert isinstance(memory, dict)
        out += [
            "## Soak",
            "",
            machine_line(soak),
            "",
            f"- {soak['clients']} clients for {soak['seconds']} s; requests by kind and status: `{json.dumps(soak['requests'], ensure_ascii=False)}`",
            f"- failed well-formed requests: `{json.dumps(soak['failed_well_formed_requests'])}`",
            f"- memory of server and workers: {memory['start']} MB at start, {memory['peak']} MB at peak, {memory['end']} MB at the end",
            "",
        ]
    (HERE / "RESULTS.md").write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
