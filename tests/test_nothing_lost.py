"""Nothing lost, nothing invented: every source is preamble + regulation + removed text, exactly."""

import pytest
from rdflib import Literal, URIRef

from safetykg.build.pipeline import BuildResult
from safetykg.core import iris
from safetykg.core.iris import ELI, SKG
from safetykg.corpus.catalogue import Catalogue
from safetykg.corpus.model import ParsedDocument
from safetykg.corpus.text import remove_artefacts, remove_markdown, squeeze

DOCS = ["national-2018", "guiyang", "hubei", "hebei", "xinjiang-2018"]


def normalised_source(catalogue: Catalogue, doc_id: str) -> str:
    """The documented normalisation: artefacts and Markdown heading marks dropped, whitespace squeezed."""
    source = catalogue.document(doc_id)
    lines = source.file.read_text(encoding="utf-8").split("\n")
    return squeeze(
        "\n".join(remove_markdown(remove_artefacts(line, source.profile.artefacts).strip()) for line in lines)
    )


@pytest.mark.parametrize("doc_id", DOCS)
def test_source_is_preamble_plus_provisions_plus_removed_text(
    catalogue: Catalogue, docs: dict[str, ParsedDocument], doc_id: str
) -> None:
    doc = docs[doc_id]
    rebuilt = squeeze(doc.preamble) + squeeze(doc.body_text()) + squeeze(doc.trailing)
    assert rebuilt == normalised_source(catalogue, doc_id)


@pytest.mark.parametrize("doc_id", DOCS)
def test_graph_texts_in_order_rebuild_the_regulation(
    built: BuildResult, docs: dict[str, ParsedDocument], doc_id: str
) -> None:
    graph = built.graphs[iris.graph(doc_id)]
    parts = []
    for chapter in docs[doc_id].chapters:
        chapter_node = iris.chapter(doc_id, chapter.number)
        parts += [str(graph.value(chapter_node, ELI.number)), str(graph.value(chapter_node, ELI.title))]
        articles = sorted(graph.subjects(ELI.is_part_of, chapter_node), key=lambda a: int(graph.value(a, SKG.ordinal)))
        for article in articles:
            parts += [str(graph.value(article, ELI.number)), str(graph.value(article, SKG.text))]
    assert squeeze("".join(parts)) == squeeze(docs[doc_id].body_text())


def test_only_the_news_is_removed_from_hebei(catalogue: Catalogue, docs: dict[str, ParsedDocument]) -> None:
    doc = docs["hebei"]
    lines = catalogue.document("hebei").file.read_text(encoding="utf-8").split("\n")
    assert doc.trailing_line == 499  # （上接第一版） 切实把中央巡视…
    assert doc.trailing == "\n".join(lines[498:]).strip()
    assert doc.trailing.startswith("（上接第一版）")
    assert doc.commentary is None


def test_hubei_interview_is_commentary_not_provisions(built: BuildResult, docs: dict[str, ParsedDocument]) -> None:
    doc = docs["hubei"]
    assert doc.trailing.startswith("延伸阅读：")
    assert doc.commentary is not None
    assert doc.commentary.title == "省应急管理厅主要负责人就《湖北省安全生产党政同责实施办法》答记者问"
    assert "答记者问" not in doc.body_text()
    assert doc.article(20).full_text() == "本办法自发布之日起施行。"
    graph = built.graphs[iris.graph("hubei")]
    note = iris.commentary("hubei")
    assert (note, SKG.commentaryOn, iris.regulation("hubei")) in graph
    assert "问：《实施办法》的出台背景是什么？" in str(graph.value(note, SKG.text))


def test_every_subdivision_has_text_and_number(built: BuildResult) -> None:
    for doc_id in DOCS:
        graph = built.graphs[iris.graph(doc_id)]
        for node in graph.subjects(ELI.is_part_of, None):
            assert isinstance(node, URIRef)
            assert graph.value(node, SKG.ordinal) is not None, node
            if (node, None, SKG.Chapter) not in graph:
                text = graph.value(node, SKG.text)
                assert isinstance(text, Literal) and text.language == "zh" and str(text), node


def test_item_iri_and_citation(built: BuildResult) -> None:
    graph = built.graphs[iris.graph("xinjiang-2018")]
    item = URIRef("https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/22/item/3")
    assert str(graph.value(item, SKG.citation)) == "新疆细则 第二十二条第（三）项"
    assert str(graph.value(item, SKG.text)).startswith("监督放射性物品、危险化学品和烟花爆竹的公共安全管理")
    second = URIRef("https://w3id.org/safetykg/id/regulation/xinjiang-2018/article/20/paragraph/2/item/1")
    assert str(graph.value(second, SKG.citation)) == "新疆细则 第二十条第二款第（一）项"
    sub = URIRef("https://w3id.org/safetykg/id/regulation/guiyang/article/7/item/3/subitem/5")
    graph = built.graphs[iris.graph("guiyang")]
    assert str(graph.value(sub, SKG.citation)) == "贵阳办法 第七条第（三）项第5目"
