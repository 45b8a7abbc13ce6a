"""What the reporters say beside the problems: summaries and notes about the report."""

from __future__ import annotations

from validator.messages import define

# --- messages (zh, en) ---
SUMMARY_CLEAN = define(
    "summary.clean",
    zh="已检查 {files} 个文件，未发现问题。",
    en="Checked {files}: no problems found.",
)
SUMMARY_PROBLEMS = define(
    "summary.problems",
    zh="已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示（涉及 {files_with_problems} 个文件）。",
    en="Checked {files}: {errors}, {warnings}, {infos} in {files_with_problems}.",
)
SUMMARY_FIXABLE = define(
    "summary.fixable",
    zh="其中 {count} 个问题可用 --fix 自动修复（标有 [*]）。",
    en="[*] {count} fixable with --fix.",
)
SUMMARY_FIXABLE_AND_UNSAFE = define(
    "summary.fixable_and_unsafe",
    zh="其中 {count} 个问题可用 --fix 自动修复（标有 [*]），另有 {unsafe} 个可加 --unsafe-fixes 修复。",
    en="[*] {count} fixable with --fix ({unsafe} more with --unsafe-fixes).",
)
SUMMARY_ONLY_UNSAFE_FIXABLE = define(
    "summary.only_unsafe_fixable",
    zh="其中 {unsafe} 个问题可加 --fix --unsafe-fixes 修复。",
    en="{unsafe} fixable with --fix --unsafe-fixes.",
)
SUMMARY_FIXED = define(
    "summary.fixed",
    zh="已修复 {count} 个问题（{files} 个文件）。",
    en="Fixed {count} in {files}.",
)
REPORT_SUMMARY_TRUNCATED = define(
    "report.summary_truncated",
    zh="另有 {count} 个问题未列入此表：GitHub 不接受超过 1 MiB 的步骤摘要。全部问题见本步骤的日志，或 SARIF 报告（`--format sarif:文件`）。",
    en="{count} left out of this table: GitHub refuses a step summary over 1 MiB. Every problem is in this step's log, and in a SARIF report (`--format sarif:FILE`).",
)
REPORT_SARIF_TOO_MANY = define(
    "report.sarif_too_many",
    zh="goals-lint: 警告：SARIF 报告有 {count} 条结果，GitHub 代码扫描每次运行最多保存 5000 条（超过 25000 条则拒收整个报告）；请运行 `goals-lint --write-baseline` 记录已知问题，之后只报告新问题",
    en="goals-lint: warning: the SARIF report has {count} results; GitHub code scanning keeps at most 5,000 per run (and refuses a report with more than 25,000); record the known problems with `goals-lint --write-baseline` so that later runs report only new ones",
)
REPORT_CANNOT_WRITE = define(
    "report.cannot_write",
    zh="无法写入 {path}：{reason}",
    en="cannot write {path}: {reason}",
)
REPORT_SUMMARY_TITLE = define(
    "report.summary_title",
    zh="goals-lint 检查结果",
    en="goals-lint results",
)
REPORT_TABLE_HEADER = define(
    "report.table_header",
    zh="| 文件 | 行 | 列 | 规则 | 级别 | 说明 |",
    en="| file | line | column | rule | severity | message |",
)
REPORT_SEVERITY_ERROR = define(
    "report.severity_error",
    zh="错误",
    en="error",
)
REPORT_SEVERITY_WARNING = define(
    "report.severity_warning",
    zh="警告",
    en="warning",
)
REPORT_SEVERITY_INFO = define(
    "report.severity_info",
    zh="提示",
    en="note",
)
SUMMARY_HIDDEN_BY_BASELINE = define(
    "summary.hidden_by_baseline",
    zh="基线 {path} 隐藏了 {count} 个已知问题。",
    en="The baseline {path} hid {count} known problems.",
)
SUMMARY_HIDDEN_BY_BASELINE_ONE = define(
    "summary.hidden_by_baseline_one",
    zh="基线 {path} 隐藏了 {count} 个已知问题。",
    en="The baseline {path} hid {count} known problem.",
)
