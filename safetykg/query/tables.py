"""An answer as a file a spreadsheet opens: CSV with a UTF-8 byte-order mark, and Office Open XML (.xlsx).

Excel reads a CSV without a byte-order mark in the machine's legacy code page, so Chinese text comes out garbled;
with the mark (EF BB BF) it reads UTF-8. The .xlsx is written with the standard library: one sheet, the columns
as its first row and each value as an inline string (ECMA-376 Part 1, §18.3 worksheets, §18.4.12 inline strings).
The file is named after the question and the values asked, so downloads do not overwrite each other.
"""

import csv
import io
import re
import zipfile
from urllib.parse import quote
from xml.sax.saxutils import escape

BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def as_csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def as_xlsx(columns: list[str], rows: list[dict[str, str]], sheet: str = "answer") -> bytes:
    lines = [columns] + [[row.get(c, "") for c in columns] for row in rows]
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(_cell(r, c, value) for c, value in enumerate(line)) + "</row>"
        for r, line in enumerate(lines, start=1)
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{sheet_rows}</sheetData></worksheet>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2018, 4, 8, 0, 0, 0))  # fixed: the same answer, the same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _cell(row: int, column: int, value: str) -> str:
    reference = f"{_column_letters(column)}{row}"
    text = escape(_XML_INVALID.sub("", value))
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def file_name(question_id: str, values: dict[str, str], extension: str) -> str:
    """The question's id and the values asked (an IRI by its last segment): departments-regulating-hazard_…"""
    parts = [question_id] + [
        _UNSAFE.sub("-", value.rstrip("/").rsplit("/", 1)[-1]) for _, value in sorted(values.items()) if value
    ]
    return "_".join(parts)[:150] + f".{extension}"


def attachment(name: str) -> str:
    """A Content-Disposition naming the file, in ASCII and in UTF-8 for a name in Chinese (RFC 6266, RFC 8187)."""
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
