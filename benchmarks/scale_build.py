"""Benchmark: the full build (parse, extract, reason, validate, publish) on N synthetic jurisdictions.

Each synthetic jurisdiction gets a copy of one local rule's source text (Hebei's by default) with
its own jurisdiction (added to a copy of the lexicon), so the real pipeline runs on N + 5 documents.
Reports each phase per N; the curve says where the build stops scaling.

Usage: python benchmarks/scale_build.py [--sizes 1,2,5,10] [--out benchmarks/results/scale_build.json]
"""

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.build_phases import machine, write_report  # noqa: E402
from safetykg.build.pipeline import Paths, assemble, publish  # noqa: E402
from safetykg.core.resources import packaged  # noqa: E402

JURISDICTION = """
<https://w3id.org/safetykg/id/jurisdiction/{slug}> a skos:Concept, skg:Jurisdiction ;
    skos:inScheme <https://w3id.org/safetykg/id/scheme/jurisdictions> ;
    skos:prefLabel "样本辖区{n}"@zh, "synthetic jurisdiction {n}"@en ;
    skg:shortLabel "样本{n}"@zh ;
    skg:administrativeLevel <https://w3id.org/safetykg/id/level/provincial> ;
    skg:within <https://w3id.org/safetykg/id/jurisdiction/china> .
"""
PREFIXES = (
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix skg: <https://w3id.org/safetykg/ontology#> .\n"
)


def synthetic_corpus(folder: Path, template: str, extra: int) -> Paths:
    sources, lexicon = folder / "sources", folder / "lexicon"
    shutil.copytree(packaged("sources"), sources)
    shutil.copytree(packaged("lexicon"), lexicon)
    catalogue = (sources / "sources.toml").read_text(encoding="utf-8")
    entry = catalogue[catalogue.index(f'id = "{template}"') :]
    entry = entry[: entry.index("[[document]]")] if "[[document]]" in entry else entry[: entry.index("\n[cited.")]
    text = (sources / f"{template}.txt").read_bytes()
    blocks, places = [], [PREFIXES]
    for n in range(1, extra + 1):
        slug = f"synth-{n:04d}"
        (sources / f"{slug}.txt").write_bytes(text)
        block = entry.replace(f'id = "{template}"', f'id = "{slug}"').replace(
            f'file = "{template}.txt"', f'file = "{slug}.txt"'
        )
        block = block.replace(f'jurisdiction = "{template}"', f'jurisdiction = "{slug}"').replace(
            'short_title = "河北细则"', f'short_title = "样本{n}细则"'
        )
        block = block.replace('slug = "hebei-', f'slug = "{slug}-')
        blocks.append(
            "[[document]]\n" + block.replace(hashlib.sha256(text).hexdigest(), hashlib.sha256(text).hexdigest())
        )
        places.append(JURISDICTION.format(slug=slug, n=n))
    first_cited = catalogue.index("\n[cited.")
    (sources / "sources.toml").write_text(
        catalogue[:first_cited] + "\n" + "\n".join(blocks) + catalogue[first_cited:], encoding="utf-8"
    )
    (lexicon / "synthetic-jurisdictions.ttl").write_text("".join(places), encoding="utf-8")
    return Paths(sources=sources, lexicon=lexicon, dist=folder / "dist")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--sizes", default="1,2,5,10")
    args.add_argument("--template", default="hebei")
    args.add_argument("--out", default=str(Path(__file__).parent / "results" / "scale_build.json"))
    options = args.parse_args()
    curve = []
    for size in [int(s) for s in options.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            paths = synthetic_corpus(Path(tmp), options.template, size - 1)
            started = time.perf_counter()
            result = assemble(paths)
            publish(result, paths.dist)
            total = time.perf_counter() - started
            row = {
                "N": size,
                "documents": len(result.documents),
                "triples": sum(result.triple_counts().values()),
                "total_s": round(total, 2),
                **{f"{k}_s": round(v, 2) for k, v in result.timings.items()},
            }
            print(json.dumps(row))
            curve.append(row)
    report = {
        "benchmark": "full build on N synthetic jurisdictions",
        "machine": machine(),
        "template": options.template,
        "curve": curve,
    }
    write_report(options.out, report)


if __name__ == "__main__":
    main()
