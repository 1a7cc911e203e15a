"""Write the second opinion's examples (safetykg/data/queries/asked-examples.tsv) from the phrasing sets it is
trained on: every answered phrasing under its question, every out-of-scope one under ``out-of-scope``.

    python -m tests.asked_examples [PART ...]

With no parts, the parts the file already names (its ``# parts:`` line). A held-out set is added to the parts only
after it has been scored once, blind (docs/asking-in-words.md).
"""

import sys
from pathlib import Path

import yaml

from safetykg.query.intent import OUT_OF_SCOPE
from tests.phrasing_sets import GOLD, held_out_file

EXAMPLES = Path(__file__).resolve().parents[1] / "safetykg" / "data" / "queries" / "asked-examples.tsv"
HEADER = (
    "# Questions as people wrote them, one per line: the canned question's id (or out-of-scope), a tab, the text.\n"
    "# The interpreter's second opinion is trained on them (safetykg/query/intent.py). Written by\n"
    "# `python -m tests.asked_examples` from these phrasing sets (tests/gold/), never by hand:\n"
)


def entries(part: str) -> list[dict[str, object]]:
    if part in ("tune", "holdout"):
        everything = yaml.safe_load((GOLD / "phrasings.yaml").read_text(encoding="utf-8"))
        return [e for e in everything if e["part"] == part]
    return list(yaml.safe_load(held_out_file(part).read_text(encoding="utf-8")))


def examples(parts: list[str]) -> str:
    lines = [HEADER, f"# parts: {' '.join(parts)}\n"]
    for part in parts:
        for entry in entries(part):
            text = " ".join(str(entry["text"]).split())
            expect = entry["expect"]
            if isinstance(expect, dict):
                lines.append(f"{expect['question']}\t{text}\n")
            elif entry.get("style") == "out-of-scope":
                lines.append(f"{OUT_OF_SCOPE}\t{text}\n")
    return "".join(lines)


def parts_named(path: Path = EXAMPLES) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# parts:"):
            return line.removeprefix("# parts:").split()
    return []


def main(argv: list[str]) -> None:
    parts = argv or parts_named()
    EXAMPLES.write_text(examples(parts), encoding="utf-8")
    print(f"wrote {EXAMPLES} from {len(parts)} sets")


if __name__ == "__main__":
    main(sys.argv[1:])
