"""The review report: one self-contained HTML page for the people who approve goal files.

At the top a summary (files, errors, warnings, notes, what the baseline and inline
comments hid) and two bar charts (problems per rule, per department). Then every
project as the published table shows it — the five columns of the export, grouped by
department — with the cells that have problems highlighted and each message beside
its cell, at its ``path:line:column``. Files that could not be read are listed after.

The page needs nothing but itself: inline CSS, inline SVG bars, one small inline
script (filters by severity and rule), no request to any server; its Content Security
Policy forbids every other source. With scripts off every problem is shown and the
filters are hidden. Everything that comes from a goal file or a path is escaped:
names and targets come from pull requests.

The goal files are read again here, one at a time, to show their tables: a run keeps
only diagnostics, never data. Its labels are defined here rather than in
``reporters.messages``, which every run loads.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, TextIO

from validator import __version__
from validator.diagnostics import Diagnostic, Severity
from validator.loader import read_goal_file
from validator.messages import define, render
from validator.registry import RULES_BY_CODE
from validator.reporters.messages import (
    REPORT_SEVERITY_ERROR,
    REPORT_SEVERITY_INFO,
    REPORT_SEVERITY_WARNING,
    SUMMARY_HIDDEN_BY_BASELINE,
    SUMMARY_HIDDEN_BY_BASELINE_ONE,
)
from validator.reporters.summary import count
from validator.result import LintResult

# --- messages (zh, en) ---
HTML_TITLE = define("html.title", zh="项目支出绩效目标检查报告", en="Performance-goal review report")
HTML_GENERATED_BY = define("html.generated_by", zh="由 goals-lint {version} 生成", en="Made by goals-lint {version}")
HTML_FILES_CHECKED = define("html.files_checked", zh="已检查文件", en="files checked")
HTML_FILES_WITH_PROBLEMS = define("html.files_with_problems", zh="有问题的文件", en="files with problems")
HTML_ERRORS = define("html.errors", zh="错误", en="errors")
HTML_WARNINGS = define("html.warnings", zh="警告", en="warnings")
HTML_INFOS = define("html.infos", zh="提示", en="notes")
HTML_NO_PROBLEMS = define("html.no_problems", zh="未发现问题。", en="No problems found.")
HTML_BASELINE_NOTE = define(
    "html.baseline_note",
    zh="基线中的问题不在本报告中；用 --no-baseline 可查看全部问题。",
    en="Problems recorded in the baseline are not in this report; --no-baseline shows them all.",
)
HTML_BASELINE_STALE = define(
    "html.baseline_stale",
    zh="基线中有 {count} 条记录已不再出现（问题已修复）；运行 goals-lint --write-baseline 可删除它们。",
    en="{count} baseline entries no longer occur (fixed); goals-lint --write-baseline drops them.",
)
HTML_SUPPRESSED = define(
    "html.suppressed",
    zh="文件中的 goals-lint: disable 注释屏蔽了 {count} 个问题（每条注释都写明了原因）。",
    en="{count} problems are hidden by goals-lint: disable comments in the files (each with its reason).",
)
HTML_BY_RULE = define("html.by_rule", zh="各规则的问题数", en="Problems per rule")
HTML_BY_DEPARTMENT = define("html.by_department", zh="各主管部门的问题数", en="Problems per department")
HTML_RULE = define("html.rule", zh="规则", en="rule")
HTML_DEPARTMENT = define("html.department", zh="主管部门", en="department")
HTML_COUNT = define("html.count", zh="问题数", en="problems")
HTML_FILTERS = define("html.filters", zh="筛选", en="Filter")
HTML_SEVERITY = define("html.severity", zh="级别", en="Severity")
HTML_RULES = define("html.rules", zh="规则", en="Rules")
HTML_ONLY_WITH_PROBLEMS = define(
    "html.only_with_problems", zh="只显示有问题的项目", en="Show only projects with problems"
)
HTML_SHOWING = define("html.showing", zh="显示 {shown} / {total} 个问题", en="Showing {shown} of {total} problems")
HTML_NO_SCRIPT = define(
    "html.no_script",
    zh="启用脚本后可按级别和规则筛选；现在显示全部问题。",
    en="With scripts on, problems can be filtered by severity and rule; all of them are shown now.",
)
HTML_TABLE_TITLE = define(
    "html.table_title", zh="{department} {year} 年项目支出绩效目标表", en="{department}: project goals for {year}"
)
HTML_NO_DEPARTMENT = define("html.no_department", zh="（未填写主管部门）", en="(no department given)")
HTML_UNREADABLE = define(
    "html.unreadable",
    zh="无法读取的文件（修正后才能显示为表格）",
    en="Files that could not be read (shown as a table once fixed)",
)
HTML_FILE_PROBLEMS = define("html.file_problems", zh="整个文件", en="Whole file")
HTML_CLEAN_PROJECT = define("html.clean_project", zh="无问题", en="no problems")
HTML_PROJECT_PROBLEMS = define("html.project_problems", zh="{count} 个问题", en="{count} problems")
HTML_COLUMN_DEPARTMENT = define("html.column_department", zh="主管部门", en="Department")
HTML_COLUMN_BUDGET_UNIT = define("html.column_budget_unit", zh="预算单位", en="Budget unit")
HTML_COLUMN_PROJECT = define("html.column_project", zh="项目名称", en="Project")
HTML_COLUMN_OBJECTIVE = define("html.column_objective", zh="绩效目标", en="Performance objective")
HTML_COLUMN_INDICATORS = define("html.column_indicators", zh="绩效指标", en="Indicators")
HTML_SPACE = define("html.space", zh="多余的空白", en="stray white space")

_SEVERITY_LABELS = {
    Severity.ERROR: REPORT_SEVERITY_ERROR,
    Severity.WARNING: REPORT_SEVERITY_WARNING,
    Severity.INFO: REPORT_SEVERITY_INFO,
}
# The five columns of the published table, as the export writes them.
_COLUMNS = (
    ("department", HTML_COLUMN_DEPARTMENT),
    ("budget_unit", HTML_COLUMN_BUDGET_UNIT),
    ("project", HTML_COLUMN_PROJECT),
    ("objective", HTML_COLUMN_OBJECTIVE),
)
_INDICATOR_PARTS = ("seq", "category", "name", "target")
# A file is read again only to show it; a file the run refused as too large shows as unreadable.
_READ_LIMIT = 64 * 1024 * 1024

# Fonts with Chinese glyphs on Windows, macOS and Linux, then the generic family.
FONT_STACK = (
    '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", "SimHei", sans-serif'
)

_STYLE = """
:root{--error:#c62828;--error-bg:#fdecea;--warning:#a15c00;--warning-bg:#fff4e0;--info:#1565c0;
--info-bg:#e8f1fc;--line:#c9ced6;--muted:#5f6b7a}
*{box-sizing:border-box}
body{font-family:FONTS;font-size:15px;line-height:1.6;color:#1d2530;margin:0 auto;padding:1.5em 2em;max-width:1500px}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:2em 0 .6em;border-bottom:2px solid #1d2530}
h3{font-size:1.05em;margin:0;display:inline}
.meta{color:var(--muted);margin:0 0 1em}
.counts{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:.5em 1em;min-width:8em}
.counts strong{display:block;font-size:1.7em;line-height:1.2}
.counts .error strong{color:var(--error)}.counts .warning strong{color:var(--warning)}
.counts .info strong{color:var(--info)}
.notes{margin:.4em 0;padding-left:1.2em}
.charts{display:flex;flex-wrap:wrap;gap:2em}
.chart{flex:1 1 420px;margin:0}
.chart table{border-collapse:collapse;width:100%}
.chart td,.chart th{padding:2px 6px;text-align:left;vertical-align:middle;font-weight:normal}
.chart th{white-space:nowrap}.chart td.n{text-align:right;width:3em}
.chart td.bar{width:55%}.chart svg{display:block;width:100%;height:14px}
.chart figcaption{font-weight:bold;margin-bottom:.3em}
.bar-error{fill:var(--error)}.bar-warning{fill:var(--warning)}.bar-info{fill:var(--info)}.bar-all{fill:#455a75}
#filters{position:sticky;top:0;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.5em 1em;
margin:1.5em 0;z-index:1;display:flex;flex-wrap:wrap;gap:.4em 1.5em;align-items:baseline}
#filters fieldset{border:0;margin:0;padding:0}#filters legend{font-weight:bold;float:left;margin-right:.6em}
#filters label{margin-right:.9em;white-space:nowrap}
#shown-count{margin-left:auto;color:var(--muted)}
.noscript{color:var(--muted)}
details.project{margin:1em 0;border:1px solid var(--line);border-radius:6px}
details.project>summary{cursor:pointer;padding:.5em .8em;background:#f4f6f9;border-radius:6px}
details.project[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.path{color:var(--muted);font-size:.85em;margin-left:.6em;word-break:break-all}
.tally{float:right;font-size:.9em}.tally.clean{color:var(--muted)}
table.goal{border-collapse:collapse;width:100%;table-layout:fixed}
table.goal th,table.goal td{border:1px solid var(--line);padding:.4em .55em;vertical-align:top;text-align:left;
white-space:pre-wrap;word-break:break-word}
table.goal th{background:#eef1f5;white-space:normal}
table.goal col.narrow{width:10%}table.goal col.mid{width:14%}table.goal col.wide{width:24%}
table.goal col.widest{width:38%}
ol.indicators{list-style:none;margin:0;padding:0}
ol.indicators>li{margin:0 0 .35em;padding:.1em .3em;border-radius:4px}
.flagged{outline:2px solid var(--warning);background:var(--warning-bg);border-radius:3px}
.flagged.error{outline-color:var(--error);background:var(--error-bg)}
td.flagged,li.flagged{outline-offset:-2px}
.ws{background:repeating-linear-gradient(45deg,#f3b0a8 0 3px,transparent 3px 6px)}
ul.problems{list-style:none;margin:.35em 0 .2em;padding:0;white-space:normal}
li.problem{margin:.25em 0;padding:.25em .5em;border-left:4px solid var(--warning);background:#fffaf2;font-size:.92em}
li.problem.error{border-left-color:var(--error);background:#fff6f5}
li.problem.info{border-left-color:var(--info);background:#f5f9ff}
.badge{display:inline-block;font-size:.8em;font-weight:bold;padding:0 .45em;border-radius:3px;color:#fff;
background:var(--warning);margin-right:.4em}
.error .badge{background:var(--error)}.info .badge{background:var(--info)}
.code{font-family:ui-monospace,Consolas,"Courier New",monospace;font-size:.88em;margin-right:.4em}
.where{font-family:ui-monospace,Consolas,"Courier New",monospace;font-size:.82em;color:var(--muted);
display:block;word-break:break-all}
[hidden]{display:none!important}
@media print{
body{padding:0;max-width:none;font-size:10.5pt}
#filters,.noscript{display:none}
details.project{break-inside:avoid;border-color:#888}
details.project>summary{background:none}
.flagged,li.problem,.badge,.bar-error,.bar-warning,.bar-info,.bar-all{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.flagged{outline-width:1.5pt}
h2{break-after:avoid}
a{color:inherit;text-decoration:none}
}
""".replace("FONTS", FONT_STACK)

# Filters: hide the problems of unchecked severities and rules, then the highlight of a
# place whose problems are all hidden, then (if asked) projects and departments left empty.
_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  form.hidden = false;
  var note = document.querySelector(".noscript");
  if (note) note.hidden = true;
  var problems = Array.prototype.slice.call(document.querySelectorAll("li.problem"));
  var places = Array.prototype.slice.call(document.querySelectorAll("[data-problems]"));
  var projects = Array.prototype.slice.call(document.querySelectorAll("details.project"));
  var departments = Array.prototype.slice.call(document.querySelectorAll("section.department"));
  var counter = document.getElementById("shown-count");
  function checked(name) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }
  function apply() {
    var severities = checked("severity"), rules = checked("rule");
    var onlyProblems = document.getElementById("only-problems").checked;
    var visible = {}, shown = 0;
    problems.forEach(function (item) {
      var show = severities[item.dataset.severity] !== false && rules[item.dataset.rule] !== false;
      item.hidden = !show;
      if (show) { visible[item.id] = true; shown += 1; }
    });
    places.forEach(function (place) {
      var ids = place.dataset.problems.split(" "), any = false, error = false;
      ids.forEach(function (id) {
        if (visible[id]) { any = true; if (document.getElementById(id).dataset.severity === "error") error = true; }
      });
      place.classList.toggle("flagged", any);
      place.classList.toggle("error", error);
    });
    projects.forEach(function (project) {
      var left = project.querySelector("li.problem:not([hidden])") !== null;
      project.hidden = onlyProblems && !left;
    });
    departments.forEach(function (section) {
      section.hidden = section.querySelector("details.project:not([hidden])") === null;
    });
    counter.textContent = counter.dataset.template.replace("{shown}", shown);
  }
  form.addEventListener("change", apply);
  apply();
})();
"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _text_of(value: Any) -> str:
    """A field as the table shows it: text as written; a number or a boolean as YAML wrote it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return ""


_EDGE_SPACE = re.compile(r"\A(\s*)(.*?)(\s*)\Z", re.DOTALL)


def _shown_text(text: str, lang: str) -> str:
    """Escaped text whose leading and trailing white space is made visible (a text-hygiene problem)."""
    lead, middle, trail = _EDGE_SPACE.match(text).groups()  # type: ignore[union-attr]  # the pattern always matches
    title = _escape(render(HTML_SPACE, {}, lang))
    parts = []
    if lead:
        parts.append(f'<span class="ws" title="{title}">{_escape(lead)}</span>')
    parts.append(_escape(middle))
    if trail:
        parts.append(f'<span class="ws" title="{title}">{_escape(trail)}</span>')
    return "".join(parts)


class _Numbered(NamedTuple):
    """A diagnostic with its element id in the page."""

    id: str
    diagnostic: Diagnostic


class _Project(NamedTuple):
    """One file's part of the page; ``department`` is None for a file that could not be read."""

    department: str | None
    year: int | None
    html: str


def _problem_item(numbered: _Numbered, lang: str) -> str:
    diagnostic = numbered.diagnostic
    severity = diagnostic.severity.value
    rule = RULES_BY_CODE.get(diagnostic.code)
    summary = _escape(rule.summary[lang]) if rule is not None else ""
    span = diagnostic.span
    where = _escape(f"{diagnostic.path}:{span.line}:{span.column}")
    return (
        f'<li class="problem {severity}" id="{numbered.id}" data-severity="{severity}" '
        f'data-rule="{_escape(diagnostic.code)}">'
        f'<span class="badge">{_escape(render(_SEVERITY_LABELS[diagnostic.severity], {}, lang))}</span>'
        f'<span class="code" title="{summary}">{_escape(diagnostic.code)} {_escape(diagnostic.rule)}</span>'
        f"{_escape(diagnostic.message(lang))}"
        f'<span class="where">{where}</span></li>'
    )


def _problem_list(problems: Sequence[_Numbered], lang: str) -> str:
    if not problems:
        return ""
    return '<ul class="problems">' + "".join(_problem_item(problem, lang) for problem in problems) + "</ul>"


def _flag_attributes(problems: Sequence[_Numbered]) -> str:
    """Attributes of a place with problems: highlighted (red for an error) and the ids the filters read."""
    if not problems:
        return ""
    error = any(problem.diagnostic.severity is Severity.ERROR for problem in problems)
    ids = " ".join(problem.id for problem in problems)
    return f' class="flagged{" error" if error else ""}" data-problems="{ids}"'


class _Places:
    """A file's problems by the place of the table they belong to."""

    def __init__(self, problems: Iterable[_Numbered], indicator_count: int) -> None:
        self.fields: dict[str, list[_Numbered]] = {}
        self.indicator_parts: dict[tuple[int, str], list[_Numbered]] = {}  # marks a part of an indicator
        self.indicators: dict[int, list[_Numbered]] = {}  # listed under the indicator
        self.whole_file: list[_Numbered] = []
        for problem in problems:
            parts = problem.diagnostic.pointer.split("/")[1:]
            if len(parts) == 1 and parts[0] in {name for name, _ in _COLUMNS} | {"indicators"}:
                self.fields.setdefault(parts[0], []).append(problem)
            elif len(parts) >= 2 and parts[0] == "indicators" and parts[1].isdigit():
                number = int(parts[1])
                if number >= indicator_count:
                    self.fields.setdefault("indicators", []).append(problem)
                    continue
                self.indicators.setdefault(number, []).append(problem)
                if len(parts) == 3 and parts[2] in _INDICATOR_PARTS:
                    self.indicator_parts.setdefault((number, parts[2]), []).append(problem)
            else:
                self.whole_file.append(problem)


def _project_table(data: dict[str, Any], problems: list[_Numbered], lang: str) -> str:
    raw_indicators = data.get("indicators")
    indicators = (
        [item if isinstance(item, dict) else {} for item in raw_indicators] if isinstance(raw_indicators, list) else []
    )
    places = _Places(problems, len(indicators))
    rows = []
    if places.whole_file:
        rows.append(
            f'<p class="file-problems"><strong>{_escape(render(HTML_FILE_PROBLEMS, {}, lang))}</strong></p>'
            + _problem_list(places.whole_file, lang)
        )
    headings = "".join(f"<th>{_escape(render(label, {}, lang))}</th>" for _, label in _COLUMNS)
    headings += f"<th>{_escape(render(HTML_COLUMN_INDICATORS, {}, lang))}</th>"
    cells = []
    for field, _ in _COLUMNS:
        field_problems = places.fields.get(field, [])
        cells.append(
            f"<td{_flag_attributes(field_problems)}>{_shown_text(_text_of(data.get(field)), lang)}"
            f"{_problem_list(field_problems, lang)}</td>"
        )
    items = []
    for number, indicator in enumerate(indicators):
        parts = []
        for part in _INDICATOR_PARTS:
            flagged = places.indicator_parts.get((number, part), [])
            parts.append(f"<span{_flag_attributes(flagged)}>{_shown_text(_text_of(indicator.get(part)), lang)}</span>")
        seq, category, name, target = parts
        # As the published table writes it: `1、效益指标：NAME，年度指标值：TARGET。`
        line = f"{seq}、{category}：{name}，年度指标值：{target}。"
        indicator_problems = places.indicators.get(number, [])
        whole = [problem for problem in indicator_problems if problem.diagnostic.pointer.count("/") < 3]
        items.append(f"<li{_flag_attributes(whole)}>{line}{_problem_list(indicator_problems, lang)}</li>")
    cell_problems = places.fields.get("indicators", [])
    cells.append(
        f'<td{_flag_attributes(cell_problems)}><ol class="indicators">{"".join(items)}</ol>'
        f"{_problem_list(cell_problems, lang)}</td>"
    )
    columns = '<colgroup><col class="narrow"><col class="mid"><col class="mid"><col class="wide"><col class="widest"></colgroup>'
    return (
        "".join(rows)
        + f'<table class="goal">{columns}<thead><tr>{headings}</tr></thead><tbody><tr>{"".join(cells)}</tr></tbody></table>'
    )


def _project(path: str, problems: list[_Numbered], lang: str) -> _Project:
    goal_file = read_goal_file(path, _READ_LIMIT)
    data = goal_file.data if goal_file.readable else None
    if isinstance(data, dict):
        department = data.get("department")
        year = data.get("year")
        title = _text_of(data.get("project")) or path
        body = _project_table(data, problems, lang)
    else:
        department, year, title = None, None, path
        body = _problem_list(problems, lang)
    if problems:
        tally = f'<span class="tally">{_escape(render(HTML_PROJECT_PROBLEMS, {"count": len(problems)}, lang))}</span>'
    else:
        tally = f'<span class="tally clean">{_escape(render(HTML_CLEAN_PROJECT, {}, lang))}</span>'
    # Projects with problems are open; clean ones fold away (a click opens them).
    opened = " open" if problems else ""
    article = (
        f'<details class="project"{opened}><summary>{tally}<h3>{_escape(title)}</h3>'
        f'<span class="path">{_escape(path)}</span></summary>{body}</details>'
    )
    if not isinstance(data, dict):
        return _Project(None, None, article)
    shown_department = department if isinstance(department, str) and department.strip() else ""
    return _Project(shown_department, year if isinstance(year, int) and not isinstance(year, bool) else None, article)


def _bar_chart(caption: str, label_heading: str, rows: Sequence[tuple[str, str, int, str]], lang: str) -> str:
    """A chart as a table (label, bar, number): readable as text, printed and read aloud too.

    ``rows`` holds (label, its tooltip, count, bar class).
    """
    if not rows:
        return ""
    largest = max(number for _, _, number, _ in rows)
    body = []
    for label, tooltip, number, bar_class in rows:
        width = max(number / largest * 100, 0.5)
        title = f' title="{_escape(tooltip)}"' if tooltip else ""
        body.append(
            f"<tr><th{title}>{_escape(label)}</th>"
            f'<td class="bar"><svg role="img" aria-label="{number}" preserveAspectRatio="none">'
            f'<rect class="{bar_class}" x="0" y="1" height="12" width="{width:.1f}%"></rect></svg></td>'
            f'<td class="n">{number}</td></tr>'
        )
    heading = _escape(render(HTML_COUNT, {}, lang))
    return (
        f'<figure class="chart"><figcaption>{_escape(caption)}</figcaption><table>'
        f'<thead><tr><th>{_escape(label_heading)}</th><th></th><th class="n">{heading}</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></figure>"
    )


def _rule_rows(diagnostics: Sequence[Diagnostic], lang: str) -> list[tuple[str, str, int, str]]:
    by_rule = Counter((d.code, d.rule) for d in diagnostics)
    worst: dict[str, Severity] = {}
    for diagnostic in diagnostics:
        if diagnostic.code not in worst or diagnostic.severity is Severity.ERROR:
            worst[diagnostic.code] = diagnostic.severity
    rows = []
    for (code, slug), number in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        rule = RULES_BY_CODE.get(code)
        rows.append((f"{code} {slug}", rule.summary[lang] if rule else "", number, f"bar-{worst[code].value}"))
    return rows


def _summary(result: LintResult, lang: str) -> str:
    counts = count(result)
    tiles = [
        ("", HTML_FILES_CHECKED, result.files_checked),
        ("", HTML_FILES_WITH_PROBLEMS, counts["files_with_problems"]),
        ("error", HTML_ERRORS, counts["errors"]),
        ("warning", HTML_WARNINGS, counts["warnings"]),
        ("info", HTML_INFOS, counts["infos"]),
    ]
    parts = ['<ul class="counts">']
    for css_class, label, number in tiles:
        parts.append(f'<li class="{css_class}"><strong>{number}</strong>{_escape(render(label, {}, lang))}</li>')
    parts.append("</ul>")
    notes = []
    if not result.diagnostics:
        notes.append(render(HTML_NO_PROBLEMS, {}, lang))
    if result.hidden_by_baseline:
        hidden_id = SUMMARY_HIDDEN_BY_BASELINE_ONE if result.hidden_by_baseline == 1 else SUMMARY_HIDDEN_BY_BASELINE
        params = {"path": result.baseline_path or "", "count": result.hidden_by_baseline}
        notes.append(render(hidden_id, params, lang) + " " + render(HTML_BASELINE_NOTE, {}, lang))
    if result.stale_baseline_entries:
        notes.append(render(HTML_BASELINE_STALE, {"count": result.stale_baseline_entries}, lang))
    if result.suppressed:
        notes.append(render(HTML_SUPPRESSED, {"count": result.suppressed}, lang))
    if notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{_escape(note)}</li>" for note in notes) + "</ul>")
    return "".join(parts)


def _filters(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    """The filter bar: hidden until the script shows it (without scripts it could do nothing)."""
    severities = Counter(d.severity for d in diagnostics)
    rules = Counter((d.code, d.rule) for d in diagnostics)
    severity_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{severity.value}" checked> '
        f"{_escape(render(_SEVERITY_LABELS[severity], {}, lang))} ({severities[severity]})</label>"
        for severity in Severity
        if severities[severity]
    )
    rule_boxes = "".join(
        f'<label><input type="checkbox" name="rule" value="{_escape(code)}" checked> '
        f"{_escape(code)} {_escape(slug)} ({number})</label>"
        for (code, slug), number in sorted(rules.items())
    )
    template = _escape(render(HTML_SHOWING, {"shown": "{shown}", "total": len(diagnostics)}, lang))
    return (
        f'<form id="filters" hidden aria-label="{_escape(render(HTML_FILTERS, {}, lang))}">'
        f"<fieldset><legend>{_escape(render(HTML_SEVERITY, {}, lang))}</legend>{severity_boxes}</fieldset>"
        f"<fieldset><legend>{_escape(render(HTML_RULES, {}, lang))}</legend>{rule_boxes}</fieldset>"
        f'<label><input type="checkbox" id="only-problems"> {_escape(render(HTML_ONLY_WITH_PROBLEMS, {}, lang))}</label>'
        f'<span id="shown-count" data-template="{template}"></span></form>'
        f'<p class="noscript">{_escape(render(HTML_NO_SCRIPT, {}, lang))}</p>'
    )


def _script_hash() -> str:
    digest = hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def report(result: LintResult, lang: str, out: TextIO, *, strict: bool = False, err: TextIO | None = None) -> None:
    numbered = [_Numbered(f"p{number}", diagnostic) for number, diagnostic in enumerate(result.diagnostics, 1)]
    by_path: dict[str, list[_Numbered]] = {}
    for problem in numbered:
        by_path.setdefault(problem.diagnostic.path, []).append(problem)
    paths = list(dict.fromkeys([*result.paths, *by_path]))  # a cross-file problem's path is checked too

    # Grouped by (department, year) as the published tables are, in the order first seen.
    groups: dict[tuple[str, int | None], list[str]] = {}
    unreadable: list[str] = []
    department_counts: Counter[str] = Counter()
    for path in paths:
        problems = by_path.get(path, [])
        project = _project(path, problems, lang)
        if project.department is None:
            unreadable.append(project.html)
            continue
        department = project.department or render(HTML_NO_DEPARTMENT, {}, lang)
        groups.setdefault((department, project.year), []).append(project.html)
        if problems:
            department_counts[department] += len(problems)

    title = render(HTML_TITLE, {}, lang)
    charts = _bar_chart(
        render(HTML_BY_RULE, {}, lang), render(HTML_RULE, {}, lang), _rule_rows(result.diagnostics, lang), lang
    ) + _bar_chart(
        render(HTML_BY_DEPARTMENT, {}, lang),
        render(HTML_DEPARTMENT, {}, lang),
        [(name, "", number, "bar-all") for name, number in department_counts.most_common()],
        lang,
    )
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{_script_hash()}'"
    out.write(
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{_escape(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        f"<header><h1>{_escape(title)}</h1>"
        f'<p class="meta">{_escape(render(HTML_GENERATED_BY, {"version": __version__}, lang))}</p></header>\n'
        f'<section id="summary">{_summary(result, lang)}<div class="charts">{charts}</div></section>\n'
    )
    if result.diagnostics:
        out.write(_filters(result.diagnostics, lang) + "\n")
    out.write("<main>\n")
    for (department, year), articles in groups.items():
        heading = render(HTML_TABLE_TITLE, {"department": department, "year": year if year is not None else "—"}, lang)
        out.write(f'<section class="department"><h2>{_escape(heading)}</h2>\n')
        for article in articles:
            out.write(article + "\n")
        out.write("</section>\n")
    if unreadable:
        out.write(f'<section class="department unreadable"><h2>{_escape(render(HTML_UNREADABLE, {}, lang))}</h2>\n')
        for article in unreadable:
            out.write(article + "\n")
        out.write("</section>\n")
    out.write("</main>\n")
    if result.diagnostics:
        out.write(f"<script>{_SCRIPT}</script>\n")
    out.write("</body></html>\n")
