"""The published table as a spreadsheet: CSV or XLSX, in one of two forms.

- five columns, one row per project: 主管部门, 预算单位, 项目名称, 绩效目标, 绩效指标
  (the last in the published ``1、效益指标：NAME，年度指标值：VALUE。`` form);
- the tall form, one row per indicator: the four project columns and 一级指标,
  二级指标 (optional), 三级指标 or 指标名称, 指标值, and optionally 度量单位 and 序号.

A row whose cells all match a title (``… 2022 年项目支出绩效目标表``) gives the year of
the rows below it; a row naming the columns is a header, and may appear again (one
table per department). Rows above the first header are ignored (附件2, 单位：万元).

Cells are read as shown: line breaks inside a cell are removed like the PDF's (they
are layout), everything else is kept. In XLSX, a merged cell's value counts for every
cell of the range. In the tall form, a row whose project columns are all empty
continues the project above, and an empty 一级指标 continues the category above (that
is how merged cells look once saved as CSV); any other empty cell that must hold
something is reported with its cell reference.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, NamedTuple

from validator.table.categories import CategoryNames
from validator.table.indicators import parse_indicators
from validator.table.messages import (
    TABLE_BAD_SEQ,
    TABLE_CONTROL_CHARACTER,
    TABLE_ERROR_VALUE,
    TABLE_MISSING_CELL,
    TABLE_MISSING_COLUMNS,
    TABLE_UNKNOWN_CATEGORY,
    TABLE_UNKNOWN_SUBCATEGORY,
)
from validator.table.model import Indicator, Project, TableProblem, control_character, shortened
from validator.table.text_source import TITLE

COLUMN_NAMES = {
    "主管部门": "department",
    "预算单位": "budget_unit",
    "项目名称": "project",
    "绩效目标": "objective",
    "绩效指标": "indicators",
    "一级指标": "category",
    "二级指标": "subcategory",
    "三级指标": "name",
    "指标名称": "name",
    "指标值": "value",
    "年度指标值": "value",
    "度量单位": "unit",
    "计量单位": "unit",
    "序号": "seq",
}
PROJECT_COLUMNS = ("department", "budget_unit", "project", "objective")
WIDE_COLUMNS = PROJECT_COLUMNS + ("indicators",)
TALL_COLUMNS = PROJECT_COLUMNS + ("category", "name", "value")
# How the reports name a column, in the table's own words.
HEADINGS = {field: heading for heading, field in reversed(list(COLUMN_NAMES.items()))}

_BLANKS = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")


# What a spreadsheet shows for a formula that failed; saved as text in CSV.
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)


class Cell(NamedTuple):
    text: str
    place: str  # "E7", or "Sheet1!E7" in a workbook
    error: bool = False  # a spreadsheet error (#N/A …): shown as text, but no value


class UnreadableWorkbook(Exception):
    """The file is not an XLSX workbook openpyxl can open."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def csv_rows(text: str) -> list[list[Cell]]:
    """The cells of a CSV file's text."""
    rows = []
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        rows.append(
            [
                Cell(value, f"{column_letter(index)}{row_number}", value.strip() in ERROR_VALUES)
                for index, value in enumerate(row)
            ]
        )
    return rows


def xlsx_sheets(path: str) -> list[list[list[Cell]]]:
    """The cells of every worksheet, merged ranges filled with their value."""
    import openpyxl  # only import and export pay for it

    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except OSError:
        raise
    except Exception as error:  # not a workbook: openpyxl's zip and XML errors share no base class
        raise UnreadableWorkbook(f"{type(error).__name__}: {error}") from error
    sheets = []
    for sheet in workbook.worksheets:
        prefix = sheet.title if re.fullmatch(r"\w+", sheet.title) else "'" + sheet.title.replace("'", "''") + "'"
        merged_values = {}
        for merged in sheet.merged_cells.ranges:
            top_left = sheet.cell(merged.min_row, merged.min_col)
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    merged_values[(row, column)] = top_left
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                source = merged_values.get((cell.row, cell.column), cell)
                # data_only gives a failed formula's cached error (`#N/A`) as text, typed "e".
                cells.append(Cell(_shown(source), f"{prefix}!{cell.coordinate}", source.data_type == "e"))
            rows.append(cells)
        sheets.append(rows)
    return sheets


def _shown(cell: Any) -> str:
    """A cell's value as Excel shows it (the common number formats)."""
    import datetime

    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        number_format = cell.number_format or "General"
        if "%" in number_format:
            decimals = len(number_format.split(".", 1)[1].split("%")[0]) if "." in number_format else 0
            return f"{value * 100:.{decimals}f}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def read_sheet_rows(rows: list[list[Cell]], names: CategoryNames, problems: list[TableProblem]) -> list[Project]:
    """Projects from the rows of one sheet; problems are added to ``problems``."""
    projects: list[Project] = []
    columns: dict[str, int] | None = None
    year: int | None = None
    tall = _TallReader(names, problems, projects)
    for row in rows:
        row = [cell._replace(text=_LINE_BREAKS.sub("", cell.text)) for cell in row]
        filled = [cell.text.strip() for cell in row if cell.text.strip()]
        if not filled:
            continue
        title = TITLE.search(filled[0])
        if title and len(set(filled)) == 1:
            year = int(title["year"])
            continue
        header = _header_columns(row)
        if header is not None:
            tall.finish()
            columns = _checked_header(header, row, problems)
            continue
        if columns is None:
            continue  # above the first header: 附件2, 单位：万元 …
        if "indicators" in columns:
            project = _wide_row(row, columns, year, names, problems)
            if project is not None:
                projects.append(project)
        else:
            tall.add_row(row, columns, year)
    tall.finish()
    return projects


def _header_columns(row: list[Cell]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        field = COLUMN_NAMES.get(_BLANKS.sub("", cell.text))
        if field is not None and field not in columns:
            columns[field] = index
    return columns if "project" in columns and len(columns) >= 3 else None


def _checked_header(columns: dict[str, int], row: list[Cell], problems: list[TableProblem]) -> dict[str, int] | None:
    required = WIDE_COLUMNS if "indicators" in columns else TALL_COLUMNS
    missing = [HEADINGS[field] for field in required if field not in columns]
    if missing:
        problems.append(TableProblem(row[0].place, TABLE_MISSING_COLUMNS, {"columns": "、".join(missing)}))
        return None
    return columns


def _cell(row: list[Cell], columns: dict[str, int], field: str) -> Cell:
    index = columns[field]
    if index < len(row):
        return row[index]
    # A short row (CSV): the cell it lacks would have stood here.
    place = re.sub(r"[A-Z]+(?=\d+$)", column_letter(index), row[-1].place)
    return Cell("", place)


def _unreadable_cells(cells: list[Cell], problems: list[TableProblem]) -> bool:
    """Report cells that hold a spreadsheet error or a control character; True if any does."""
    count_before = len(problems)
    for cell in cells:
        code_point = control_character(cell.text)
        if cell.error:
            problems.append(TableProblem(cell.place, TABLE_ERROR_VALUE, {"value": shortened(cell.text.strip())}))
        elif code_point is not None:
            problems.append(TableProblem(cell.place, TABLE_CONTROL_CHARACTER, {"code_point": code_point}))
    return len(problems) > count_before


def _wide_row(
    row: list[Cell], columns: dict[str, int], year: int | None, names: CategoryNames, problems: list[TableProblem]
) -> Project | None:
    cells = {field: _cell(row, columns, field) for field in WIDE_COLUMNS}
    unreadable = _unreadable_cells(list(cells.values()), problems)
    missing = [field for field in WIDE_COLUMNS if not cells[field].text.strip()]
    for field in missing:
        problems.append(TableProblem(cells[field].place, TABLE_MISSING_CELL, {"column": HEADINGS[field]}))
    if missing or unreadable:
        return None
    indicator_cell = cells["indicators"]
    count_before = len(problems)
    indicators = parse_indicators(indicator_cell.text, lambda _offset: indicator_cell.place, names, problems)
    if len(problems) > count_before:
        return None
    return Project(
        cells["department"].text,
        cells["budget_unit"].text,
        cells["project"].text,
        cells["objective"].text,
        tuple(indicators),
        year,
        row[columns["project"]].place,
    )


class _TallReader:
    """Collects one-row-per-indicator rows into projects."""

    def __init__(self, names: CategoryNames, problems: list[TableProblem], projects: list[Project]) -> None:
        self.names = names
        self.problems = problems
        self.projects = projects
        self.current: Project | None = None
        self.broken = False  # the current project has a problem: it is not kept
        self.category: str | None = None
        self.subcategory: str | None = None

    def finish(self) -> None:
        if self.current is not None and not self.broken:
            self.projects.append(self.current)
        self.current = None
        self.broken = False

    def add_row(self, row: list[Cell], columns: dict[str, int], year: int | None) -> None:
        cells = {field: _cell(row, columns, field) for field in columns}
        unreadable = _unreadable_cells(list(cells.values()), self.problems)
        project_cells = [cells[field] for field in PROJECT_COLUMNS]
        if any(cell.text.strip() for cell in project_cells):
            empty = [field for field in PROJECT_COLUMNS if not cells[field].text.strip()]
            for field in empty:
                self.problems.append(TableProblem(cells[field].place, TABLE_MISSING_CELL, {"column": HEADINGS[field]}))
            key = tuple(cell.text for cell in project_cells)
            if empty or self.current is None or key != self._key():
                self.finish()
                department, budget_unit, project, objective = key
                self.current = Project(department, budget_unit, project, objective, (), year, cells["project"].place)
                self.broken = bool(empty)
                self.category = self.subcategory = None
        elif self.current is None:
            self.problems.append(TableProblem(cells["project"].place, TABLE_MISSING_CELL, {"column": "项目名称"}))
            self.broken = True
            return
        indicator = self._indicator(cells) if not unreadable else None
        if indicator is None:
            self.broken = True
        elif self.current is not None:
            self.current = self.current._replace(indicators=self.current.indicators + (indicator,))

    def _key(self) -> tuple[str, ...]:
        assert self.current is not None
        return (self.current.department, self.current.budget_unit, self.current.project, self.current.objective)

    def _indicator(self, cells: dict[str, Cell]) -> Indicator | None:
        problems_before = len(self.problems)
        category_cell = cells["category"]
        subcategory_cell = cells.get("subcategory")
        if category_cell.text.strip():
            self.category = self.names.category(category_cell.text, category_cell.place)
            if self.category is None:
                self.problems.append(
                    TableProblem(
                        category_cell.place,
                        TABLE_UNKNOWN_CATEGORY,
                        {"category": shortened(category_cell.text.strip())},
                    )
                )
            self.subcategory = None
        elif self.category is None:
            self.problems.append(TableProblem(category_cell.place, TABLE_MISSING_CELL, {"column": "一级指标"}))
        if subcategory_cell is not None and subcategory_cell.text.strip():
            self.subcategory = self.names.subcategory(subcategory_cell.text, subcategory_cell.place)
            if self.subcategory is None:
                self.problems.append(
                    TableProblem(
                        subcategory_cell.place,
                        TABLE_UNKNOWN_SUBCATEGORY,
                        {"subcategory": shortened(subcategory_cell.text.strip())},
                    )
                )
        for field in ("name", "value"):
            if not cells[field].text.strip():
                self.problems.append(TableProblem(cells[field].place, TABLE_MISSING_CELL, {"column": HEADINGS[field]}))
        seq = len(self.current.indicators) + 1 if self.current is not None else 1
        if "seq" in cells:
            written = cells["seq"].text.strip()
            if written.isdigit():
                seq = int(written)
            else:
                self.problems.append(TableProblem(cells["seq"].place, TABLE_BAD_SEQ, {"text": shortened(written)}))
        if len(self.problems) > problems_before or self.category is None:
            return None
        target = cells["value"].text
        unit = cells["unit"].text if "unit" in cells else ""
        if unit.strip() and not target.endswith(unit):
            target += unit
        # NO_SUBCATEGORY (a heading that names none of the standard ones) writes no second level.
        return Indicator(seq, self.category, cells["name"].text, target, self.subcategory or None)
