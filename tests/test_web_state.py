"""The pages keep their state in the URL and answer people: forms that show what was asked, downloads a
spreadsheet opens, errors in the page's language, and every internal link answering 200."""

import io
from urllib.parse import parse_qs, urlsplit

import httpx
import openpyxl
import pytest

from benchmarks.crawl import crawl

ID = "https://w3id.org/safetykg/id/"
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
# 新疆细则: the departments it gives duties about 烟花爆竹 or designates for them (tests/gold/extraction.yaml)
FIREWORKS = "/ask/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks"


def selected(html: str) -> list[str]:
    """The values of the selected options of a form."""
    import re

    return re.findall(r'<option value="([^"]*)" selected>', html)


def test_a_form_shows_what_the_url_asked_in_slugs(server: str) -> None:
    page = httpx.get(server + FIREWORKS + "&ask=1", headers=BROWSER)
    assert page.status_code == 200
    assert selected(page.text) == [f"{ID}jurisdiction/xinjiang", f"{ID}domain/fireworks"]
    # the same by labels (新疆, 烟花爆竹) and by IRIs
    by_label = httpx.get(server + "/ask/departments-regulating-hazard?jurisdiction=新疆&hazard=烟花爆竹&ask=1")
    assert selected(by_label.text) == selected(page.text)
    by_iri = httpx.get(
        server + "/ask/departments-regulating-hazard",
        params={"jurisdiction": f"{ID}jurisdiction/xinjiang", "hazard": f"{ID}domain/fireworks", "ask": "1"},
    )
    assert selected(by_iri.text) == selected(page.text)


def test_an_unknown_value_is_told_with_the_closest_values_never_a_default(server: str) -> None:
    page = httpx.get(server + "/ask/departments-regulating-hazard?jurisdiction=xinjian&hazard=fireworks&ask=1")
    assert page.status_code == 400
    assert 'role="alert"' in page.text and "closest known values: xinjiang" in page.text
    assert 'id="answer"' not in page.text  # nothing was answered in its place
    assert "xinjian (未识别)" in page.text  # the form shows what was asked


def test_optional_parameters_default_to_any(server: str) -> None:
    # accountability-measures (jurisdiction and measure optional): nothing chosen for the user
    page = httpx.get(server + "/ask/accountability-measures")
    assert selected(page.text) == []
    assert '<option value="">（不限）</option>' in page.text or "不限" in page.text


def test_open_in_editor_carries_the_bound_query(server: str) -> None:
    page = httpx.get(server + FIREWORKS + "&ask=1")
    href = page.text.split('href="/sparql?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    query = parse_qs(href)["edit"][0]
    assert f"<{ID}jurisdiction/xinjiang>" in query and f"<{ID}domain/fireworks>" in query and "VALUES" in query
    editor = httpx.get(server + "/sparql?" + href, headers=BROWSER)
    assert editor.status_code == 200 and f"&lt;{ID}domain/fireworks&gt;" in editor.text


def test_csv_opens_in_a_spreadsheet_with_its_name(server: str) -> None:
    answer = httpx.get(
        server + "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&format=csv"
    )
    assert answer.content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel needs
    assert "departments-regulating-hazard_fireworks_xinjiang.csv" in answer.headers["content-disposition"]
    text = answer.content.decode("utf-8-sig")
    assert "质量技术监督部门" in text  # 新疆细则 第三十一条第（三）项 烟花爆竹…生产环节的质量监督


def test_xlsx_opens_with_the_right_cells(server: str) -> None:
    answer = httpx.get(
        server + "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks&format=xlsx"
    )
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "departments-regulating-hazard_fireworks_xinjiang.xlsx" in answer.headers["content-disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    json = httpx.get(server + "/questions/departments-regulating-hazard?jurisdiction=xinjiang&hazard=fireworks").json()
    assert rows[0] == json["columns"]
    assert len(rows) == len(json["rows"]) + 1
    assert [r.get(c, "") or None for r in json["rows"] for c in json["columns"]] == [v for row in rows[1:] for v in row]


@pytest.mark.parametrize(
    ("lang", "title", "home"), [("zh", "找不到该页面", "返回首页"), ("en", "Page not found", "Back to the home page")]
)
def test_a_missing_page_is_a_page_in_its_language_with_navigation(
    server: str, lang: str, title: str, home: str
) -> None:
    page = httpx.get(server + f"/no-such-page?lang={lang}", headers=BROWSER)
    assert page.status_code == 404
    assert f"<h1>{title}</h1>" in page.text and home in page.text and "<nav" in page.text
    assert 'class="skip"' in page.text
    plain = httpx.get(server + "/no-such-page", headers={"Accept": "*/*"})
    assert plain.status_code == 404 and plain.headers["content-type"].startswith("text/plain")


def test_favicon_skip_link_and_current_section(server: str) -> None:
    icon = httpx.get(server + "/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    page = httpx.get(server + "/compare?lang=en")
    assert '<a href="/compare?lang=en" aria-current="page">' in page.text
    assert '<a class="skip" href="#main">Skip to content</a>' in page.text and '<main id="main">' in page.text
    assert 'href="/ask?lang=en"' in page.text  # the language travels with every link of the navigation


def test_every_page_tells_its_server_time(server: str) -> None:
    for path in ("/", "/read/hubei", FIREWORKS, "/sparql?query=ASK%7B%7D"):
        timing = httpx.get(server + path).headers.get("server-timing", "")
        assert timing.startswith("app;dur="), path


def test_a_crawl_from_home_finds_no_broken_link(server: str) -> None:
    """Every internal link, query strings included and downloads excluded, bounded at 5,000 distinct URLs."""
    result = crawl(server, limit=5000)
    print(f"crawl: {result.seen} distinct URLs; slowest: {result.slowest(10)}")
    assert result.seen > 500
    assert result.failures == []
    assert result.missing_timing == []
    assert urlsplit(server).scheme == "http"


def test_meeting_frequencies_side_by_side(server: str) -> None:
    """贵阳办法 第五条第（二）项: 市级党委主要负责人每年至少组织召开2次、县级及以下党委主要负责人每年至少组织召开4次会议;
    河北细则 第五条第（二）项: 每半年至少主持召开1次党委常委会 (no level named)."""
    page = httpx.get(
        server + "/ask/compare-frequencies",
        params={"activity": "召开会议", "role": "主要负责人", "ask": "1"},
        headers=BROWSER,
    ).text
    grid = page.split('id="grid"', 1)[1].split("</table>", 1)[0]
    rows = {
        row.split("</th>", 1)[0].rsplit(">", 1)[-1]: row for row in grid.split('<th scope="row">')[1:]
    }  # level -> its row
    assert "贵阳市" in grid and "河北省" in grid
    assert "每年至少 4 次" in rows["县级"] and "贵阳办法 第五条第（二）项" in rows["县级"]
    assert "每年至少 2 次" in rows["市级"]
    assert "每半年至少 1 次" in rows["未规定"] and "河北细则 第五条第（二）项" in rows["未规定"]


def test_answers_are_tables_for_people(server: str) -> None:
    page = httpx.get(server + FIREWORKS + "&ask=1&lang=en", headers=BROWSER).text
    assert '<th scope="col">Department</th>' in page  # the question's own column labels, in the page's language
    assert 'data-label="Provision"' in page
    assert '<script src="/static/table.js" defer></script>' in page  # sorting and filtering
    script = httpx.get(server + "/static/table.js")
    assert script.status_code == 200 and "aria-sort" in script.text


def test_a_value_left_out_is_asked_for_on_the_form(server: str) -> None:
    page = httpx.get(server + "/ask/departments-regulating-hazard?ask=1", headers=BROWSER)
    assert page.status_code == 400
    assert "需要填写“地区”" in page.text and "需要填写“危险或行业领域”" in page.text
    assert '<form class="ask"' in page.text and 'id="answer"' not in page.text
