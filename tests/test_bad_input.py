"""Malformed sources stop the build with the file, the line and what was expected; nothing half-written."""

import hashlib
from pathlib import Path

import pytest

from safetykg.build.pipeline import Paths, build
from safetykg.core.errors import SourceError
from safetykg.core.resources import packaged

GOOD = "第一章 总则\n第一条 为了测试，制定本规定。\n第二条 本规定适用于测试。\n第二章 附则\n第三条 本规定自2018年4月8日起施行。\n"


def corpus(tmp_path: Path, content: bytes) -> Paths:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "test.txt").write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    (sources / "sources.toml").write_text(
        f"""[[document]]
id = "test"
file = "test.txt"
sha256 = "{digest}"
origin = "made by the test"
title = "测试规定"
title_en = "Test rule"
short_title = "测试"
jurisdiction = "china"
[document.profile]
""",
        encoding="utf-8",
    )
    return Paths(sources=sources, dist=tmp_path / "dist")


def build_error(tmp_path: Path, content: bytes) -> SourceError:
    paths = corpus(tmp_path, ("测试规定\n" if content else "").encode() + content)
    with pytest.raises(SourceError) as caught:
        build(paths)
    assert caught.value.path.name == "test.txt"
    assert not paths.dist.exists()  # nothing written
    return caught.value


def test_good_corpus_builds(tmp_path: Path) -> None:
    paths = corpus(tmp_path, ("测试规定\n" + GOOD).encode())
    result = build(paths)
    assert len(result.documents["test"].articles) == 3


def test_empty_file(tmp_path: Path) -> None:
    err = build_error(tmp_path, b"")
    assert err.line == 1 and "empty" in err.message


def test_not_utf8(tmp_path: Path) -> None:
    err = build_error(tmp_path, GOOD.encode("utf-8") + "第四条 坏的编码。\n".encode("gb18030"))
    assert err.line == 7 and "not UTF-8" in err.message


def test_article_number_skipped(tmp_path: Path) -> None:
    err = build_error(tmp_path, GOOD.replace("第二条", "第四条").encode())
    assert err.line == 4
    assert "expected 第二条 (article 2), found 第四条 (article 4)" in err.message


def test_article_number_repeated(tmp_path: Path) -> None:
    err = build_error(tmp_path, GOOD.replace("第二条", "第一条").encode())
    assert err.line == 4 and "expected 第二条" in err.message


def test_chapter_without_articles(tmp_path: Path) -> None:
    err = build_error(tmp_path, GOOD.replace("第二章 附则\n", "第二章 附则\n第三章 其他\n").encode())
    assert err.line == 5 and "has no articles" in err.message


def test_an_empty_first_chapter_is_no_table_of_contents(tmp_path: Path) -> None:
    # 第一章 followed by 第二章 before any article is a table of contents' entry only when it is printed again
    err = build_error(tmp_path, GOOD.replace("第一章 总则\n", "第一章 总则\n第二章 职责\n", 1).encode())
    assert err.line == 2 and "chapter 第一章 总则 has no articles" in err.message


def test_a_table_of_contents_before_the_rule_is_preamble(tmp_path: Path) -> None:
    contents = "目　　录\n第一章　总　则\n第二章　附　则\n\n"
    paths = corpus(tmp_path, ("测试规定\n" + contents + GOOD).encode())
    parsed = build(paths).documents["test"]
    assert [chapter.title for chapter in parsed.chapters] == ["总则", "附则"]
    assert len(parsed.articles) == 3 and "目录" in "".join(parsed.preamble.split())


def test_items_printed_inline_are_items(tmp_path: Path) -> None:
    # 第二条　…职责：（一）甲；（二）乙，重点检查：1.丙；2.丁；（三）戊。 on one line, as some rules print them
    inline = "第二条 本规定的职责：（一）甲；（二）乙，重点检查：1.丙；2.丁；（三）戊。依照第（一）项办理。"
    parsed = build(corpus(tmp_path, ("测试规定\n" + GOOD.replace("第二条 本规定适用于测试。", inline)).encode()))
    paragraph = parsed.documents["test"].articles[1].paragraphs[0]
    assert paragraph.text == "本规定的职责："
    assert [item.text for item in paragraph.items] == ["甲；", "乙，重点检查：", "戊。依照第（一）项办理。"]
    assert [sub.text for sub in paragraph.items[1].subitems] == ["丙；", "丁；"]


def test_a_markdown_export_is_read_without_its_marks(tmp_path: Path) -> None:
    # "## 第一章 总则", "**第一条**　…", "> 编者按": the marks are not the rule's text (a footer such as 阅读原文 is closing
    # matter by the packaged layout.toml: tests/test_add_source.py's 墨云自治县)
    text = "> 编者按：全文如下。\n\n" + GOOD.replace("第一章", "## 第一章").replace("第二章", "## 第二章")
    text = text.replace("第一条 ", "**第一条**　").replace("第二条 ", "**第二条**　").replace("第三条 ", "**第三条**　")
    parsed = build(corpus(tmp_path, ("测试规定\n" + text).encode())).documents["test"]
    assert [chapter.title for chapter in parsed.chapters] == ["总则", "附则"]
    assert [article.paragraphs[0].text for article in parsed.articles] == [
        "为了测试，制定本规定。",
        "本规定适用于测试。",
        "本规定自2018年4月8日起施行。",
    ]
    assert "编者按" in parsed.preamble and "*" not in "".join(a.full_text() for a in parsed.articles)


def test_chapters_headed_by_a_number_and_a_comma(tmp_path: Path) -> None:
    # 一、总则 / 二、附则 on lines of their own instead of 第一章 (雾岭办法, tests/rules/wuling-2037.txt); items 一、 inside
    # an article stay items
    text = GOOD.replace("第一章 总则", "一、总则").replace("第二章 附则", "二、附则")
    text = text.replace("第二条 本规定适用于测试。", "第二条 职责包括：\n一、甲；\n二、乙。")
    parsed = build(corpus(tmp_path, ("测试规定\n" + text).encode())).documents["test"]
    assert [(chapter.marker, chapter.title) for chapter in parsed.chapters] == [("一、", "总则"), ("二、", "附则")]
    assert [item.text for item in parsed.articles[1].paragraphs[0].items] == ["甲；", "乙。"]
    assert [a.number for a in parsed.chapters[1].articles] == [3]


def test_parts_in_place_of_chapters(tmp_path: Path) -> None:
    # 第一部分　总则 … (峰林细则, tests/rules/fenglin-2040.txt): a rule divided into parts, each read as a chapter
    text = GOOD.replace("第一章 总则", "第一部分　总则").replace("第二章 附则", "第二部分　附则")
    parsed = build(corpus(tmp_path, ("测试规定\n" + text).encode())).documents["test"]
    assert [(chapter.marker, chapter.title) for chapter in parsed.chapters] == [
        ("第一部分", "总则"),
        ("第二部分", "附则"),
    ]
    assert [a.number for a in parsed.chapters[1].articles] == [3]


def test_numbers_spaced_apart_by_ocr(tmp_path: Path) -> None:
    # 赤碧细则 (tests/rules/chibi-2041.txt), the OCR of a gazette: 第 一 章   总    则, 第 一 条, items （ 四 ） (its page
    # numbers, ·3·, are dropped by the packaged layout.toml: tests/test_add_source.py)
    text = (
        "第 一 章   总    则\n    第 一 条  为了测试，\n制定本规定。\n    第二条 职责包括：\n   （ 一 ） 甲；\n"
        "   （二）乙。\n第 二 章   附    则\n    第 三 条  本规定自2018年4月8日起施行。\n"
    )
    parsed = build(corpus(tmp_path, ("测试规定\n" + text).encode())).documents["test"]
    assert [(chapter.marker, chapter.title) for chapter in parsed.chapters] == [("第一章", "总则"), ("第二章", "附则")]
    assert (parsed.articles[0].marker, parsed.articles[0].paragraphs[0].text) == ("第一条", "为了测试，制定本规定。")
    assert [(item.marker, item.text) for item in parsed.articles[1].paragraphs[0].items] == [
        ("（一）", "甲；"),
        ("（二）", "乙。"),
    ]
    assert [a.number for a in parsed.chapters[1].articles] == [3]


def test_a_sub_item_before_any_item_is_an_error_with_its_line(tmp_path: Path) -> None:
    # 渝州细则 (tests/rules/yuzhou-2043.txt) before its translation was read: 第八条 (三)'s English line read as a
    # paragraph, so its sub-item 1． came before any item of that paragraph; the build crashed (IndexError)
    text = GOOD.replace(
        "第一条 为了测试，制定本规定。",
        "第一条 职责：\n（一）甲；\n（二）乙，重点：\n(2) b, chiefly:\n1．丙；\n2．丁。",
    )
    error = build_error(tmp_path, text.encode())
    assert error.line == 7 and "expected an item （一） before the sub-item 1．" in str(error)


def test_a_chapter_headed_by_a_number_out_of_order(tmp_path: Path) -> None:
    text = GOOD.replace("第一章 总则", "一、总则").replace("第二章 附则", "三、附则")
    err = build_error(tmp_path, text.encode())
    assert err.line == 5 and "expected 二、 (chapter 2), found 三、附则" in err.message


def test_item_number_skipped(tmp_path: Path) -> None:
    text = GOOD.replace("第二条 本规定适用于测试。", "第二条 职责包括：\n（一）甲；\n（三）丙。")
    err = build_error(tmp_path, text.encode())
    assert err.line == 6 and "expected （二）" in err.message


def test_no_chapter_or_article(tmp_path: Path) -> None:
    err = build_error(tmp_path, "没有章，也没有条。\n".encode())
    assert "no chapter or article heading" in err.message


def test_rule_without_chapters_needs_its_final_provisions(tmp_path: Path) -> None:
    # a rule printed without chapters is read (its articles stand in no chapter); this one lacks 起施行
    err = build_error(tmp_path, "第一条 没有章。\n".encode())
    assert "no entry-into-force clause" in err.message


def test_article_out_of_order_in_a_rule_without_chapters(tmp_path: Path) -> None:
    err = build_error(tmp_path, "第一条 甲。\n第三条 丙。\n".encode())
    assert (
        err.line == 3 and "expected 第二条 (article 2), found 第三条 (article 3)" in err.message
    )  # after the title line


def test_section_outside_a_chapter(tmp_path: Path) -> None:
    err = build_error(tmp_path, "第一条 甲。\n第一节 乙\n第二条 丙。\n".encode())
    assert err.line == 3 and "stands in no chapter" in err.message


def test_unknown_jurisdiction_is_refused(tmp_path: Path) -> None:
    paths = corpus(tmp_path, ("测试规定\n" + GOOD).encode())
    toml = paths.sources / "sources.toml"
    toml.write_text(toml.read_text().replace('jurisdiction = "china"', 'jurisdiction = "atlantis"'))
    with pytest.raises(SourceError, match="jurisdiction 'atlantis' of test is not in the lexicon") as caught:
        build(paths)
    assert caught.value.path.name == "sources.toml"


def test_changed_source_is_refused(tmp_path: Path) -> None:
    paths = corpus(tmp_path, ("测试规定\n" + GOOD).encode())
    (paths.sources / "test.txt").write_text("测试规定\n" + GOOD + "第四条 加的。\n", encoding="utf-8")
    with pytest.raises(SourceError, match="sha256"):
        build(paths)


def test_failed_build_leaves_the_previous_build_untouched(tmp_path: Path) -> None:
    paths = corpus(tmp_path, ("测试规定\n" + GOOD).encode())
    build(paths)
    before = _published(paths.dist)
    assert any(name.startswith("store/") for name in before)  # the on-disk store too
    broken = ("测试规定\n" + GOOD.replace("第二条", "第九条")).encode()
    (paths.sources / "test.txt").write_bytes(broken)
    toml = paths.sources / "sources.toml"
    toml.write_text(
        toml.read_text().replace(
            hashlib.sha256(("测试规定\n" + GOOD).encode()).hexdigest(), hashlib.sha256(broken).hexdigest()
        )
    )
    with pytest.raises(SourceError):
        build(paths)
    assert _published(paths.dist) == before


def _published(dist: Path) -> dict[str, bytes]:
    """Every file of a published snapshot, the on-disk store's included, by its path in it."""
    return {str(p.relative_to(dist)): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def test_real_sources_copied_byte_for_byte() -> None:
    root = Path(__file__).resolve().parent.parent
    seeds = root.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("shared/seeds not beside the project")
    pairs = {"national-2018": "000", "guiyang": "001", "hubei": "002", "hebei": "003", "xinjiang-2018": "004"}
    for doc_id, prefix in pairs.items():
        (seed,) = seeds.glob(f"{prefix}_*.txt")
        assert (packaged("sources") / f"{doc_id}.txt").read_bytes() == seed.read_bytes()
