"""What a run over a project applies besides the rules: the files cross-file rules compare
against (the context) and the baseline of known problems.

The command line and the language server set a run up the same way, so an editor shows
exactly what ``goals-lint`` would print for the same files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from validator.baseline import Baseline, Stale, apply_baseline
from validator.config import Config
from validator.errors import UsageError
from validator.linter import Selection, discover
from validator.messages import define
from validator.paths import shown_path
from validator.registry import RULES
from validator.result import LintResult
from validator.rule import CrossFileRule

# --- messages (zh, en) ---
CLI_CONTEXT_MISSING = define(
    "cli.context_missing",
    zh="--context：文件夹不存在：{path}",
    en="--context: no such folder: {path}",
)

# The folder of goal files under the config root: its files are the context of
# cross-file rules when only some of them are checked (pre-commit's changed files).
DEFAULT_CONTEXT = "goals"
DEFAULT_BASELINE = ".goals-lint-baseline.json"


def context_files(option: str | None, config: Config, paths: Sequence[str], selection: Selection) -> list[str]:
    """The files cross-file rules compare against: ``--context``, else the config's
    ``context``, else the goals/ folder under the config root when the paths lie in it."""
    folder = option or config.context
    if folder is not None and not os.path.isdir(folder):
        raise UsageError(CLI_CONTEXT_MISSING, path=folder)
    if not any(isinstance(rule, CrossFileRule) and rule.code in selection.enabled for rule in RULES):
        return []  # nothing compares across files: do not even list the folder
    if folder is None:
        goals = os.path.join(config.root, DEFAULT_CONTEXT)
        inside = any(os.path.abspath(path).startswith(goals + os.sep) for path in paths)
        if not inside or not os.path.isdir(goals):
            return []
        folder = goals
    # Spelt like the paths on the command line (`goals/a.yaml`, not `/repo/goals/a.yaml`),
    # so a message naming another file reads the same as in a run over the whole folder.
    return discover([shown_path(folder)])


def baseline_file(option: str | None, config: Config) -> str | None:
    if option is not None:
        return option
    default = os.path.join(config.root, DEFAULT_BASELINE)
    return shown_path(default) if os.path.isfile(default) else None


def apply_baseline_to(baseline: Baseline, result: LintResult) -> list[Stale]:
    """Hide what the baseline records; return its stale entries."""
    applied = apply_baseline(baseline, result.diagnostics, result.root, result.paths)
    result.diagnostics = applied.shown
    result.baseline_path = shown_path(baseline.path)
    result.hidden_by_baseline = applied.hidden
    result.stale_baseline_entries = len(applied.stale)
    return applied.stale
