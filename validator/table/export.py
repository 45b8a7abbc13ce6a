"""The published table from goal files: one row per project, grouped by department.

Each group has the original's title row (``<department> <year> 年项目支出绩效目标表``)
and header row, then the five columns; the indicators are written back in the
``1、效益指标：NAME，年度指标值：VALUE。`` form. Importing an export gives back the
same goal files: titles carry the year, and every line break written inside a cell
(between indicators, for reading) is one the importer removes.

A goal file whose exported text holds a control character (``"a\x01b"`` in double
quotes reads as one) is not exported: a spreadsheet cannot hold C0 controls, and
import refuses them all, so no format writes them.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from typing import Any, NamedTuple

from validator.atomic import write_atomically
from validator.diagnostics import Problem
from validator.table.indicators import indicator_text
from validator.table.messages import TABLE_EXPORT_CONTROL_CHARACTER
from validator.table.model import control_character

HEADINGS = ("主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标")
FORMATS = ("xlsx", "csv", "md", "html")


class Group(NamedTuple):
    department: str
    year: int
    projects: list[dict[str, Any]]

    @property
    def title(self) -> str:
        return f"{self.department} {self.year} 年项目支出绩效目标表"


def grouped(goals: list[dict[str, Any]]) -> list[Group]:
    """Projects by (department, year), groups and projects in the order first seen."""
    groups: dict[tuple[str, int], Group] = {}
    for goal in goals:
        key = (goal["department"], goal["year"])
        groups.setdefault(key, Group(goal["department"], goal["year"], [])).projects.append(goal)
    return list(groups.values())


def unexportable(goal: dict[str, Any]) -> Iterator[Problem]:
    """Text the table would show that holds a control character, for a file that passed the schema."""
    fields = [(f"/{key}", key, goal[key]) for key in ("department", "budget_unit", "project", "objective")]
    for number, indicator in enumerate(goal["indicators"]):
        fields += [(f"/indicators/{number}/{key}", key, indicator[key]) for key in ("category", "name", "target")]
    for pointer, key, text in fields:
        code_point = control_character(text)
        if code_point is not None:
            yield Problem(pointer, TABLE_EXPORT_CONTROL_CHARACTER, {"field": key, "code_point": code_point})


def row_cells(goal: dict[str, Any], indicator_separator: str) -> list[str]:
    return [
        goal["department"],
        goal["budget_unit"],
        goal["project"],
        goal["objective"],
        indicator_separator.join(indicator_text(goal["indicators"])),
    ]


def write_table(groups: list[Group], to: str, output: str) -> None:
    if to == "xlsx":
        _write_xlsx(groups, output)
        return
    render = {"csv": _csv, "md": _markdown, "html": _html}[to]
    write_atomically(output, render(groups), follow_links=True)


def _csv(groups: list[Group]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for number, group in enumerate(groups):
        if number:
            writer.writerow([])
        writer.writerow([group.title])
        writer.writerow(HEADINGS)
        for goal in group.projects:
            writer.writerow(row_cells(goal, ""))
    # With a BOM, Excel opens UTF-8 as UTF-8 instead of the system's GBK.
    return buffer.getvalue().encode("utf-8-sig")


def _markdown_cell(text: str) -> str:
    escaped = html.escape(text, quote=False)
    for char in "\\`*_[]|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", "<br>")


def _markdown(groups: list[Group]) -> bytes:
    lines = []
    for group in groups:
        lines += [f"## {_markdown_cell(group.title)}", ""]
        lines.append("| " + " | ".join(HEADINGS) + " |")
        lines.append("|" + "---|" * len(HEADINGS))
        for goal in group.projects:
            lines.append("| " + " | ".join(_markdown_cell(cell) for cell in row_cells(goal, "\n")) + " |")
        lines.append("")
    return "\n".join(lines).encode("utf-8")


_STYLE = (
    "body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:2em}"
    "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}"
    "th{background:#eee}"
)


def _html(groups: list[Group]) -> bytes:
    def cell(text: str) -> str:
        return html.escape(text, quote=True).replace("\n", "<br>")

    title = cell(groups[0].title) if groups else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        f'<head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head>',
        "<body>",
    ]
    for group in groups:
        parts.append(f"<h2>{cell(group.title)}</h2>")
        parts.append("<table>")
        parts.append("<thead><tr>" + "".join(f"<th>{heading}</th>" for heading in HEADINGS) + "</tr></thead>")
        parts.append("<tbody>")
        for goal in group.projects:
            parts.append("<tr>" + "".join(f"<td>{cell(text)}</td>" for text in row_cells(goal, "\n")) + "</tr>")
        parts.append("</tbody>")
        parts.append("</table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


# Column widths in Excel's units (about one Latin character; a Chinese one takes two),
# close to the published PDF's proportions on A4 landscape.
_COLUMN_WIDTHS = (16, 18, 26, 50, 80)
# Points per line of 11-point Chinese text (CJK fonts set lines wider apart than Latin ones: measured
# in LibreOffice, 15 cut the last line off), and a little room below the last line.
_LINE_HEIGHT = 17
_ROW_PADDING = 4
_TITLE_HEIGHT = 30


def _lines_in(text: str, width: int) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (an estimate:
    Excel does not fit a row's height to wrapped text when it opens a file)."""
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(2 if ord(char) > 0x2E7F else 1 for char in paragraph)
        lines += max(1, -(-units // max(width - 1, 1)))
    return lines


def _write_xlsx(groups: list[Group], output: str) -> None:
    import openpyxl  # only export pays for it
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "绩效目标表"
    for index, width in enumerate(_COLUMN_WIDTHS):
        sheet.column_dimensions["ABCDE"[index]].width = width
    thin = Side(style="thin", color="000000")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrapped = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = 1
    header_rows = []
    for number, group in enumerate(groups):
        if number:
            row += 1  # a blank row between departments
        title = sheet.cell(row, 1, group.title)
        title.font = Font(bold=True, size=16)
        title.alignment = centred
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADINGS))
        sheet.row_dimensions[row].height = _TITLE_HEIGHT
        row += 1
        header_rows.append(row)
        for column, heading in enumerate(HEADINGS, 1):
            header = sheet.cell(row, column, heading)
            header.font = Font(bold=True)
            header.fill = PatternFill("solid", fgColor="DDDDDD")
            header.alignment = centred
            header.border = ruled
        row += 1
        for goal in group.projects:
            cells = row_cells(goal, "\n")
            for column, text in enumerate(cells, 1):
                cell = sheet.cell(row, column)
                cell.value = text
                cell.data_type = "s"  # text as written: `1200` stays text, `=…` is no formula
                cell.alignment = wrapped
                cell.border = ruled
            lines = max(_lines_in(text, width) for text, width in zip(cells, _COLUMN_WIDTHS, strict=True))
            sheet.row_dimensions[row].height = lines * _LINE_HEIGHT + _ROW_PADDING
            row += 1
    # Printed as the bureau prints it: A4 landscape, as wide as the page, the header row
    # on every page, page numbers at the foot.
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{header_rows[0]}:{header_rows[0]}"
    sheet.oddFooter.center.text = "&P / &N"
    if len(groups) == 1:
        sheet.freeze_panes = sheet.cell(header_rows[0] + 1, 1)  # scrolling keeps the header in view
    content = io.BytesIO()
    workbook.save(content)
    write_atomically(output, content.getvalue(), follow_links=True)
