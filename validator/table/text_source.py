"""The published table as text extracted from its PDF (the seed's layout).

Extraction writes the table cell by cell, left to right, row by row, and breaks every
cell into the lines the PDF showed, with blank lines in between::

    广州市政务服务数据管理          主管部门, two lines
    局
    广州市数字政府运营中心          预算单位
    广州市电子政务外网网络安全      项目名称, two lines
    升级建设项目
    在《网络安全法》、……的指导下 ，   绩效目标, lines of the wide column
    ……
    2、产出指标：态势感知功能模块，年度指标值：5个功能模块。3、产出指标：……   绩效指标

Where one cell ends and the next begins is read from the layout:

- 主管部门 and 预算单位 are names in a narrow column: a name goes on to the next line
  only while it does not yet end like an organisation (局, 中心, …) and the line
  filled the column and the next one fits in it;
- 项目名称 lines fit the project column; the first wider line starts 绩效目标;
- 绩效目标 runs until a line starts an indicator (``1、效益指标：``);
- 绩效指标 runs while the text does not end with ``。`` or the next line goes on with
  a number, ``、`` or ``。`` (an indicator split across lines).

Lines are joined with nothing in between: the breaks are the PDF's, and Chinese text
has no spaces between words. Spaces inside a line (``精细化 ，``) are kept.
A record whose cells cannot be told apart is reported at its line, never guessed.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from typing import NamedTuple

from validator.table.categories import CategoryNames
from validator.table.indicators import parse_indicators
from validator.table.messages import (
    TABLE_CONTROL_CHARACTER,
    TABLE_NO_INDICATORS,
    TABLE_TEXT_ENDS_EARLY,
    TABLE_TEXT_NO_HEADER,
    TABLE_TEXT_NO_OBJECTIVE,
    TABLE_TEXT_NO_PROJECT,
    TABLE_TEXT_NOT_A_NAME,
)
from validator.table.model import Project, TableProblem, control_character, shortened

TITLE = re.compile(r"(?P<year>\d{4})\s*年度?\s*\S*?绩效目标表")
HEADER_WORDS = ("主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标")
INDICATOR_START = re.compile(r"[ \t\u3000]*\d+[ \t\u3000]*、[^：:，。]{0,20}指标[ \t\u3000]*[：:]")
# Column widths of the published layout, in display columns (a Chinese character is 2).
NAME_COLUMN_WIDTH = 22  # 主管部门, 预算单位: 11 characters
PROJECT_COLUMN_WIDTH = 28  # 项目名称: 13 characters, with room for digits
MAX_PROJECT_LINES = 6
ORGANISATION_ENDINGS = (
    "局",
    "中心",
    "办公室",
    "委员会",
    "委",
    "厅",
    "院",
    "所",
    "站",
    "队",
    "馆",
    "处",
    "会",
    "部",
    "社",
    "校",
    "室",
    "署",
    "公司",
    "集团",
)


class Line(NamedTuple):
    number: int  # 1-based, in the source file
    text: str


class TextTable(NamedTuple):
    projects: list[Project]
    problems: list[TableProblem]


class _Unreadable(Exception):
    """The record at this line cannot be split into cells; reading stops here."""

    def __init__(self, problem: TableProblem) -> None:
        super().__init__(problem)
        self.problem = problem


class NotText(Exception):
    """The bytes are neither UTF-8 nor GB18030: ``line`` holds the first that is not."""

    def __init__(self, line: int, byte: int) -> None:
        super().__init__(line, byte)
        self.line = line
        self.byte = byte


def decoded(data: bytes) -> tuple[str, str]:
    """The text of a source file, and the encoding it was read in.

    UTF-8 (with or without BOM) first; Chinese Windows saves text (Notepad, Excel's
    "CSV") as GBK, which GB18030 contains.
    """
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        utf8_stop = bom + error.start
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as error:
        # The encoding that read further is the one the file was meant to be in: its
        # first bad byte is the one to show.
        stop = max(utf8_stop, error.start)
        raise NotText(data.count(b"\n", 0, stop) + 1, data[stop]) from None


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def is_header(text: str) -> bool:
    squeezed = re.sub(r"\s+", "", text)
    return all(word in squeezed for word in HEADER_WORDS)


def read_text_table(text: str, names: CategoryNames) -> TextTable:
    lines = [Line(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    problems: list[TableProblem] = []
    year = None
    title_text = None
    body_start = None
    for index, line in enumerate(lines):
        if is_header(line.text):
            body_start = index + 1
            break
        title = TITLE.search(line.text)
        if title and year is None:
            year, title_text = int(title["year"]), line.text
    if body_start is None:
        problems.append(TableProblem("1", TABLE_TEXT_NO_HEADER, {}))
        return TextTable([], problems)
    # A table over several pages repeats its title and header; they are not cells.
    body = [line for line in lines[body_start:] if line.text != title_text and not is_header(line.text)]
    for line in body:
        code_point = control_character(line.text)
        if code_point is not None:
            problems.append(TableProblem(str(line.number), TABLE_CONTROL_CHARACTER, {"code_point": code_point}))

    projects = []
    position = 0
    while position < len(body):
        try:
            project, position = _read_record(body, position, year, names, problems)
        except _Unreadable as stop:
            problems.append(stop.problem)
            break
        projects.append(project)
    problems.sort(key=lambda problem: int(problem.place))  # in the order of the text
    return TextTable(projects, problems)


def _read_record(
    body: list[Line], position: int, year: int | None, names: CategoryNames, problems: list[TableProblem]
) -> tuple[Project, int]:
    first = body[position]
    department, position = _read_name_cell(body, position, {"zh": "主管部门", "en": "supervising department"})
    budget_unit, position = _read_name_cell(body, position, {"zh": "预算单位", "en": "budget unit"})

    project_lines = []
    while (
        position < len(body)
        and display_width(body[position].text) <= PROJECT_COLUMN_WIDTH
        and not INDICATOR_START.match(body[position].text)
    ):
        project_lines.append(body[position])
        position += 1
    if not project_lines or len(project_lines) > MAX_PROJECT_LINES:
        place = body[min(position, len(body) - 1)] if not project_lines else project_lines[0]
        raise _Unreadable(TableProblem(str(place.number), TABLE_TEXT_NO_PROJECT, {"text": shortened(place.text)}))

    objective_lines = []
    while position < len(body) and not INDICATOR_START.match(body[position].text):
        objective_lines.append(body[position])
        position += 1
    if not objective_lines:
        raise _Unreadable(
            TableProblem(str(project_lines[-1].number), TABLE_TEXT_NO_OBJECTIVE, {"project": _joined(project_lines)})
        )
    if position == len(body):
        raise _Unreadable(
            TableProblem(str(objective_lines[0].number), TABLE_NO_INDICATORS, {"project": _joined(project_lines)})
        )

    indicator_lines = [body[position]]
    position += 1
    while position < len(body):
        text_so_far = indicator_lines[-1].text.rstrip()
        goes_on = body[position].text.lstrip(" \t\u3000")[:1]
        if text_so_far.endswith("。") and not (goes_on.isdigit() or goes_on in ("、", "。")):
            break
        indicator_lines.append(body[position])
        position += 1

    indicator_text = _joined(indicator_lines)
    offsets = []
    offset = 0
    for line in indicator_lines:
        offsets.append(offset)
        offset += len(line.text)

    def place_of(character: int) -> str:
        return str(indicator_lines[bisect.bisect_right(offsets, character) - 1].number)

    indicators = parse_indicators(indicator_text, place_of, names, problems)
    project = Project(
        department,
        budget_unit,
        _joined(project_lines),
        _joined(objective_lines),
        tuple(indicators),
        year,
        str(first.number),
    )
    return project, position


def _read_name_cell(body: list[Line], position: int, column: dict[str, str]) -> tuple[str, int]:
    if position >= len(body):
        raise _Unreadable(TableProblem(str(body[-1].number), TABLE_TEXT_ENDS_EARLY, {"column": column}))
    line = body[position]
    if display_width(line.text) > NAME_COLUMN_WIDTH:
        raise _Unreadable(
            TableProblem(str(line.number), TABLE_TEXT_NOT_A_NAME, {"column": column, "text": shortened(line.text)})
        )
    text = line.text
    position += 1
    while (
        position < len(body)
        and not text.endswith(ORGANISATION_ENDINGS)
        and display_width(body[position - 1].text) >= NAME_COLUMN_WIDTH - 2
        and display_width(body[position].text) <= NAME_COLUMN_WIDTH
    ):
        text += body[position].text
        position += 1
    return text, position


def _joined(lines: list[Line]) -> str:
    return "".join(line.text for line in lines)
