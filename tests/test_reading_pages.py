"""Page furniture that changes from page to page (safetykg/corpus/pages.py): a running head on the line of its page
number, and a compiler's footnotes at a page's foot (花坪瑶族乡's 办法 as printed in a county's collection,
tests/rules/huaping-2042.txt)."""

from safetykg.core.resources import packaged
from safetykg.corpus.layout import load_layout
from safetykg.corpus.pages import footnotes, running_heads

LAYOUT = load_layout(packaged("sources") / "layout.toml")


def _numbered(text: str) -> bool:
    return text.startswith(("第", "（"))


def test_the_same_words_beside_a_page_number_on_two_pages_are_a_running_head() -> None:
    lines = [
        "云溪县安全生产文件汇编（2042）　　　　·57·",
        "第一条　为了测试，制定本办法。",
        "·58·　　　　云溪县安全生产文件汇编（2042）",
        "第二条　本办法自印发之日起施行。",
    ]
    assert running_heads(lines, LAYOUT, _numbered) == {
        "云溪县安全生产文件汇编（2042）·57·",
        "·58·云溪县安全生产文件汇编（2042）",
    }
    # words beside a page number on one page only are not a running head
    assert running_heads(lines[:2], LAYOUT, _numbered) == set()


def test_notes_at_a_page_s_foot_whose_marks_stand_in_the_text_are_the_compiler_s() -> None:
    lines = [
        "第一条　根据《云溪县实施办法》①，制定本办法。",
        "　　第二条　乡安全生产委员会②主任由乡长担任。",
        "①该文件已于2040年修订，修订后的文本",
        "见本汇编第3页。",
        "②2041年起合署办公。",
        "·58·",
        "第三条　本办法自印发之日起施行。",
    ]
    notes, unmarked = footnotes(lines, 0, len(lines), furniture={5})
    assert notes == {2, 3, 4}  # a note goes on over a second line
    assert unmarked == {
        0: "第一条　根据《云溪县实施办法》，制定本办法。",
        1: "　　第二条　乡安全生产委员会主任由乡长担任。",
    }


def test_sub_items_at_a_page_s_foot_are_not_notes() -> None:
    # 第五条 (二) of 花坪瑶族乡's 办法 lists the fields to inspect; numbered ① ② they are sub-items, not notes: their
    # marks stand nowhere in the text above them
    lines = ["（二）每季度至少检查1次下列领域：", "①森林防火；", "②道路交通。", "·58·", "（三）保障经费。"]
    assert footnotes(lines, 0, len(lines), furniture={3}) == (set(), {})


def test_a_line_in_another_language_is_a_translation() -> None:
    # 渝州细则 (tests/rules/yuzhou-2043.txt), a bilingual copy: each Chinese line followed by its English translation
    assert LAYOUT.is_translation("Article 1 In order to strengthen the leadership of Party committees")
    assert LAYOUT.is_translation("Chapter I General Provisions") and LAYOUT.is_translation("(1) organizing the work;")
    # a Chinese line with Latin letters, and a standard's number, are text
    assert not LAYOUT.is_translation("第一条　利用 GPS 定位系统") and not LAYOUT.is_translation("GB 6722-2014")
