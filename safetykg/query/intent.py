"""A second opinion on which question a text asks: naive Bayes over the text's characters (Chinese, one to three at a
time) and words (English, cut to their first six letters, alone and in pairs), trained on questions as people
wrote them (``asked-examples.tsv`` beside the questions: one ``question<TAB>text`` per line; ``out-of-scope`` for a
text no question answers).

The interpreter reads a text by its phrases and values; this model only weighs which question the words as a
whole are like. It never supplies a value, and the interpreter listens to it only where it is sure
(``docs/asking-in-words.md``, "A second opinion")."""

import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

OUT_OF_SCOPE = "out-of-scope"  # the class of texts no question answers
_SMOOTHING = 0.1  # added to every feature's count in a class (and twice to the class's size)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[a-z]+")


class ExamplesError(ValueError):
    """A malformed examples file: the file, the line and what was expected."""


def features(text: str) -> set[str]:
    """What the model weighs in a text: its Chinese characters one to three at a time (across punctuation and
    other words), and its English words cut to six letters, alone and in pairs."""
    typed = unicodedata.normalize("NFKC", text).lower()
    han = "".join(_HAN.findall(typed))
    found = {"z" + han[i : i + n] for n in (1, 2, 3) for i in range(len(han) - n + 1)}
    words = [word[:6] for word in _WORD.findall(typed)]
    found |= {"w" + word for word in words}
    found |= {f"b{first}_{then}" for first, then in itertools.pairwise(words)}
    return found


@dataclass(frozen=True)
class IntentModel:
    """How many examples of each class there are, and how many of them have each feature."""

    sizes: dict[str, int]
    counts: dict[str, Counter[str]]

    @functools.cached_property
    def known(self) -> frozenset[str]:
        """Every feature some example has (the others tell nothing)."""
        return frozenset(feature for counts in self.counts.values() for feature in counts)

    @classmethod
    def train(cls, examples: Iterable[tuple[str, str]]) -> "IntentModel":
        sizes: Counter[str] = Counter()
        counts: dict[str, Counter[str]] = {}
        for label, text in examples:
            sizes[label] += 1
            counts.setdefault(label, Counter()).update(features(text))
        return cls(dict(sizes), counts)

    @classmethod
    def read(cls, path: Path) -> "IntentModel":
        examples = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            label, tab, text = line.partition("\t")
            if not tab or not label.strip() or not text.strip():
                raise ExamplesError(f"{path}:{number}: expected a question, a tab and a text")
            examples.append((label.strip(), text.strip()))
        return cls.train(examples)

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """Each class with how likely the text is one of it, the likeliest first (features no example has are left
        out: they tell nothing)."""
        if not self.sizes:
            return []
        said = features(text) & self.known
        total = sum(self.sizes.values())
        scores = {}
        for label, size in self.sizes.items():
            counts = self.counts[label]
            present = sum(math.log((counts[f] + _SMOOTHING) / (size + 2 * _SMOOTHING)) for f in said)
            scores[label] = math.log(size / total) + present
        top = max(scores.values())
        weights = {label: math.exp(score - top) for label, score in scores.items()}
        whole = sum(weights.values())
        return sorted(((label, w / whole) for label, w in weights.items()), key=lambda pair: (-pair[1], pair[0]))
