"""The words of the web interface in Chinese and English (one messages file per language), and how a request
picks its language."""

import tomllib
from pathlib import Path

from starlette.requests import Request

LANGS = ("zh", "en")

MESSAGES = Path(__file__).resolve().parent / "messages"


def _load_words() -> dict[str, dict[str, str]]:
    """The words of each language (``messages/<lang>.toml``); every language must have the same keys."""
    words = {lang: tomllib.loads((MESSAGES / f"{lang}.toml").read_text(encoding="utf-8")) for lang in LANGS}
    keys = {lang: set(found) for lang, found in words.items()}
    if len({frozenset(k) for k in keys.values()}) != 1:
        missing = {lang: sorted(set().union(*keys.values()) - found) for lang, found in keys.items()}
        raise ValueError(f"{MESSAGES}: every language needs the same keys; missing: {missing}")
    return words


WORDS = _load_words()


def t(lang: str, key: str, **values: object) -> str:
    """The words for a key in a language, with any {placeholders} filled in from ``values``."""
    words = WORDS["en" if lang == "en" else "zh"][key]
    return words.format(**values) if values else words


def has_word(key: str) -> bool:
    return key in WORDS["zh"]


def parameter_label(lang: str, name: str) -> str:
    """A question parameter's name for people (messages: param_<name>), or the name itself for a new one."""
    key = f"param_{name}"
    return t(lang, key) if has_word(key) else name


def language(request: Request) -> str:
    """The page's language: ?lang= in the URL, else Chinese. Nothing else (no cookie): a page's URL is all its
    state, so a shared link opens as it was and a cache keyed by URL stays right."""
    asked = request.query_params.get("lang") or "zh"
    return asked if asked in LANGS else "zh"


def label(labels: dict[str, dict[str, str]], iri: str, lang: str) -> str:
    found = labels.get(iri)
    if found:
        return found.get(lang) or found.get("zh") or iri
    return iri.rsplit("/", 1)[-1]
