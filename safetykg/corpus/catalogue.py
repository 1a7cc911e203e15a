"""The corpus catalogue: sources/sources.toml read into typed records, and sources checked against it.

The sources folder may be layered (the packaged one, then a user's): the last layer's sources.toml
is the catalogue, and each text it names is taken from the last layer that has a file of that name.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from safetykg.core.errors import SourceError
from safetykg.core.resources import Folders, as_layers, find_file, read_toml
from safetykg.corpus.layout import LAYOUT_FILE, Layout, load_layout
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.parser import SourceProfile, parse_document, read_source
from safetykg.corpus.text import squeeze

CATALOGUE = "sources.toml"


@dataclass(frozen=True)
class Issuer:
    name: str
    slug: str
    name_en: str


@dataclass(frozen=True)
class CitedDocument:
    title: str
    slug: str
    title_en: str
    promulgates: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    id: str
    file: Path
    sha256: str
    origin: str
    title: str
    title_en: str
    short_title: str
    short_title_en: str
    jurisdiction: str
    issuers: tuple[Issuer, ...]
    published: str | None
    implements: str | None
    profile: SourceProfile


@dataclass(frozen=True)
class Catalogue:
    documents: tuple[SourceDocument, ...]
    cited: dict[str, CitedDocument]
    path: Path

    def baseline(self) -> SourceDocument | None:
        """The national rule: the document the others implement (or the one document that implements none)."""
        implemented = {doc.implements for doc in self.documents if doc.implements}
        for doc in self.documents:
            if doc.id in implemented:
                return doc
        standalone = [doc for doc in self.documents if not doc.implements]
        return standalone[0] if len(standalone) == 1 else None

    def document(self, doc_id: str) -> SourceDocument:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def load_catalogue(sources: Folders) -> Catalogue:
    layers = as_layers(sources)
    path = find_file(layers, CATALOGUE) or layers[-1] / CATALOGUE
    try:
        data = read_toml(path)
    except FileNotFoundError as err:
        raise SourceError(path, 1, "catalogue missing; expected a sources.toml describing each source") from err
    layout = load_layout(find_file(layers, LAYOUT_FILE))
    documents = tuple(_document(path, layers, entry, layout) for entry in data.get("document", []))
    if not documents:
        raise SourceError(path, 1, "no [[document]] entries; expected one per source text")
    cited = {
        title: CitedDocument(title, entry["slug"], entry.get("title_en", ""), entry.get("promulgates"))
        for title, entry in data.get("cited", {}).items()
    }
    return Catalogue(documents, cited, path)


def _document(path: Path, layers: list[Path], entry: dict[str, object], layout: Layout) -> SourceDocument:
    required = ("id", "file", "sha256", "origin", "title", "short_title", "jurisdiction")
    missing = [key for key in required if key not in entry]
    if missing:
        raise SourceError(path, 1, f"document {entry.get('id', '?')} lacks {', '.join(missing)}")
    profile = entry.get("profile", {})
    assert isinstance(profile, dict)
    issuers = entry.get("issuers", [])
    assert isinstance(issuers, list)
    return SourceDocument(
        id=str(entry["id"]),
        file=find_file(layers, str(entry["file"])) or path.parent / str(entry["file"]),
        sha256=str(entry["sha256"]),
        origin=str(entry["origin"]),
        title=str(entry["title"]),
        title_en=str(entry.get("title_en", "")),
        short_title=str(entry["short_title"]),
        short_title_en=str(entry.get("short_title_en") or entry.get("title_en") or entry["short_title"]),
        jurisdiction=str(entry["jurisdiction"]),
        issuers=tuple(Issuer(i["name"], i["slug"], i.get("name_en", "")) for i in issuers),
        published=str(entry["published"]) if "published" in entry else None,
        implements=str(entry["implements"]) if "implements" in entry else None,
        profile=SourceProfile(
            ocr=bool(profile.get("ocr", False)),
            artefacts=tuple(profile.get("artefacts", ())),
            trailing_starts=profile.get("trailing_starts"),
            trailing_is_commentary=bool(profile.get("trailing_is_commentary", False)),
            layout=layout,
        ),
    )


def parse_source(doc: SourceDocument, verify_checksum: bool = True) -> ParsedDocument:
    """Read, check and parse one source; the title and issuers must be found in its text."""
    text = read_source(doc.file)
    if verify_checksum:
        digest = hashlib.sha256(doc.file.read_bytes()).hexdigest()
        if digest != doc.sha256:
            raise SourceError(
                doc.file, 1, f"sha256 is {digest}; sources.toml expects {doc.sha256} (sources are kept byte-for-byte)"
            )
    parsed = parse_document(doc.id, doc.file, text, doc.profile)
    before = squeeze(parsed.preamble)
    if squeeze(doc.title) not in before:
        raise SourceError(doc.file, 1, f"{doc.title!r} from sources.toml is not in the text before the first chapter")
    signature = squeeze(parsed.trailing)  # issuers may sign after the rule, or at the end after an attachment
    for name in (issuer.name for issuer in doc.issuers):
        if squeeze(name) not in before + signature and name not in parsed.header_fields.get("发文机关", ""):
            raise SourceError(
                doc.file,
                1,
                f"{name!r} from sources.toml is not in the text before the first chapter nor signed after it",
            )
    return parsed
