"""Entity pages for people: a card saying what the thing is, where it comes from and what it must do, by
jurisdiction, with the RDF below. Expected values are read from the regulation texts (safetykg/data/sources/)."""

import re
from html import unescape
from pathlib import Path

import httpx

SOURCES = Path(__file__).resolve().parent.parent / "safetykg" / "data" / "sources"
ORGAN = "/id/organ/xinjiang/public-security"
ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")


def _article_items(name: str, article: str) -> list[str]:
    """The items （一）… of an article of a source text, in order."""
    lines = (SOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(article))
    items = []
    for line in lines[start + 1 :]:
        if line.startswith("第") and "条" in line[:6]:
            break
        found = ITEM.match(line.strip())
        if found:
            items.append(found.group(1))
    return items


def _section(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</(?:dl|p|article|ul|div)>', html, re.S)
    assert found, f"no #{element_id}"
    return unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


def test_an_organ_card_says_what_it_is_and_where_it_comes_from(server: str) -> None:
    """新疆细则 第二十二条: 公安部门 is a department with work-safety supervision duties; its principal leader's duties
    are the article's items (一)–(七). The card names its kinds (not owl:Thing) and cites the article and each
    item once (skg:source and prov:wasDerivedFrom say the same), linking into the reader."""
    page = httpx.get(server + ORGAN)
    assert page.status_code == 200
    kinds = _section(page.text, "kinds")
    assert "Thing" not in kinds and "负有安全生产监督管理职责的部门" in kinds
    sources = re.findall(r'<a href="(/read/[^"]+)" lang="zh">([^<]+)</a>', page.text.split('id="sources"', 1)[1])
    items = _article_items("xinjiang-2018", "第二十二条")
    assert len(items) == 7
    cited = [text for _, text in sources]
    assert cited.count("新疆细则 第二十二条") == 1
    for number in items:
        assert cited.count(f"新疆细则 第二十二条第（{number}）项") == 1
    assert all(href.startswith("/read/xinjiang-2018#article-22") for href, _ in sources)
    assert "公安部门" in _section(page.text, "facts") or "公安部门" in page.text.split("<h1", 1)[1][:200]
    assert 'id="properties"' in page.text and "prov:wasDerivedFrom" in page.text  # the RDF, below


def test_the_card_speaks_the_pages_language(server: str) -> None:
    page = httpx.get(server + ORGAN + "?lang=en")
    title = unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page.text, re.S).group(1))  # type: ignore[union-attr]
    assert title.startswith("public security department")
    assert "公安部门（新疆）" in page.text.split("</h1>", 1)[1][:300]  # the other language under it
    facts = _section(page.text, "facts")
    assert "Xinjiang" in facts  # its jurisdiction by its English label


def test_a_role_card_leaves_out_spellings_kept_for_finding(server: str) -> None:
    """skos:hiddenLabel spellings are for search; the card shows the definition and the other names."""
    page = httpx.get(server + "/id/role/principal-leader?lang=en")
    facts = _section(page.text, "facts")
    assert "Definition" in facts and "Also called" in facts
    assert "hiddenLabel" not in facts
    assert "hiddenLabel" in page.text.split('id="properties"', 1)[1]  # still in the RDF below
