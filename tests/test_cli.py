"""The command line: exit codes, formats, selection, languages, rule listing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL, run, run_json, write

from validator.rule import DataRule as Rule

REPO = Path(__file__).resolve().parent.parent
TYPO = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标")


def test_clean_run_exits_0_and_says_so(tmp_path):
    write(tmp_path, "good.yaml", VALID_GOAL)
    result = run(str(tmp_path), "--lang", "en")
    assert result.code == 0
    assert result.out == "Checked 1 file: no problems found.\n"
    assert result.err == ""


def test_failing_run_exits_1_with_text_lines_and_summary(tmp_path):
    write(tmp_path, "typo.yaml", TYPO)
    write(tmp_path, "good.yaml", VALID_GOAL)
    result = run(str(tmp_path), "--lang", "en")
    assert result.code == 1
    path = f"{tmp_path}/typo.yaml".replace("\\", "/")
    assert result.out.splitlines() == [
        f"{path}:8:5: GL002 unknown field `categroy`; did you mean `category` (first-level category)? [schema]",
        "Checked 2 files: 1 error, 0 warnings, 0 notes in 1 file. 1 fixable with --fix --unsafe-fixes.",
    ]


def test_default_path_is_goals_folder(tmp_path, monkeypatch):
    write(tmp_path, "goals/2022/a.yaml", VALID_GOAL)
    monkeypatch.chdir(tmp_path)
    result = run_json()
    assert result.code == 0
    assert result.report["files_checked"] == 1


def test_folders_are_searched_recursively_for_yaml_and_yml_only(tmp_path):
    write(tmp_path, "a/b/one.yaml", VALID_GOAL)
    write(tmp_path, "a/two.YML", VALID_GOAL.replace("广州移动政务服务平台建设", "广州移动政务服务平台二期建设"))
    write(tmp_path, "a/notes.txt", "not yaml")
    write(tmp_path, "a/.hidden/three.yaml", "::: broken")
    result = run_json(str(tmp_path / "a"))
    assert result.code == 0
    assert result.report["files_checked"] == 2


def test_a_file_named_twice_is_checked_once(tmp_path):
    path = write(tmp_path, "typo.yaml", TYPO)
    result = run_json(str(tmp_path), str(path))
    assert result.report["files_checked"] == 1
    assert len(result.diagnostics) == 1


def test_missing_path_is_a_usage_error(tmp_path):
    result = run(str(tmp_path / "nope"), "--lang", "en")
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"goals-lint: error: no such file or folder: {tmp_path / 'nope'}\n"


def test_no_files_found_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"), "--lang", "zh")
    assert result.code == 2
    assert "没有找到目标文件" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--lang", "fr"],
        ["--bogus"],
        ["--select", "GL999"],
        ["--ignore", "no-such-rule"],
        ["--max-file-size", "lots"],
        ["--explain", "nothing"],
    ],
)
def test_usage_errors_exit_2_with_a_short_message(tmp_path, args):
    write(tmp_path, "good.yaml", VALID_GOAL)
    result = run(str(tmp_path), *args)
    assert result.code == 2
    assert result.err.startswith("goals-lint: error: ")
    assert "Traceback" not in result.err
    assert result.out == ""


def test_internal_error_exits_2_without_traceback(tmp_path, monkeypatch):
    import validator.linter as linter

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(linter, "read_goal_file", explode)
    write(tmp_path, "good.yaml", VALID_GOAL)
    result = run(str(tmp_path))
    assert result.code == 2
    assert result.err == (
        f"goals-lint: internal error while checking {tmp_path}/good.yaml: RuntimeError: boom\n"
        "Please report this with that file (--debug shows where it failed).\n"
    )
    assert "Traceback" not in result.err


def test_select_and_ignore_by_code_prefix_and_slug(tmp_path):
    write(tmp_path, "typo.yaml", TYPO)
    write(tmp_path, "dup.yaml", VALID_GOAL + "year: 2023\n")
    assert {d["code"] for d in run_json(str(tmp_path)).diagnostics} == {"GL001", "GL002"}
    assert {d["code"] for d in run_json(str(tmp_path), "--select", "GL001").diagnostics} == {"GL001"}
    assert {d["code"] for d in run_json(str(tmp_path), "--select", "schema").diagnostics} == {"GL002"}
    assert {d["code"] for d in run_json(str(tmp_path), "--select", "GL0").diagnostics} == {"GL001", "GL002"}
    assert {d["code"] for d in run_json(str(tmp_path), "--ignore", "yaml-syntax").diagnostics} == {"GL002"}
    ignored_all = run_json(str(tmp_path), "--ignore", "GL001,schema")
    assert ignored_all.diagnostics == []
    assert ignored_all.code == 0


def test_ignored_schema_rule_still_keeps_invalid_data_from_the_rules(tmp_path, monkeypatch):
    import validator.linter as linter

    calls = []
    spy = Rule("GL999", "spy-rule", {"zh": "", "en": ""}, "", check=lambda data: calls.append(data) or ())
    monkeypatch.setattr(linter, "RULES", (*linter.RULES, spy))
    write(tmp_path, "typo.yaml", TYPO)
    write(tmp_path, "good.yaml", VALID_GOAL)
    monkeypatch.setattr(
        linter.Selection,
        "build",
        classmethod(lambda cls, config, select=None, ignore=(): cls(config, frozenset({"GL999"}))),
    )
    result = run_json(str(tmp_path))
    assert result.diagnostics == []
    assert len(calls) == 1 and calls[0]["indicators"][0]["category"] == "效益指标"


def test_strict_makes_warnings_fail_and_exit_zero_never_fails(tmp_path, monkeypatch):
    write(tmp_path, "typo.yaml", TYPO)
    write(tmp_path, ".goals-lint.toml", '[severity]\nschema = "warning"\n')
    monkeypatch.chdir(tmp_path)
    warned = run_json(".")
    assert [d["severity"] for d in warned.diagnostics] == ["warning"]
    assert warned.code == 0
    assert run_json(".", "--strict").code == 1
    write(tmp_path, ".goals-lint.toml", "")
    assert run_json(".").code == 1
    assert run_json(".", "--exit-zero").code == 0
    assert run_json(".", "--exit-zero", "--strict").code == 0


def test_language_comes_from_option_then_config_then_locale(tmp_path, monkeypatch):
    write(tmp_path, "typo.yaml", TYPO)
    monkeypatch.chdir(tmp_path)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert "unknown field" in run(".").out
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "未知字段" in run(".").out
    assert "unknown field" in run(".", "--lang", "en").out
    write(tmp_path, ".goals-lint.toml", 'lang = "en"\n')
    assert "unknown field" in run(".").out
    assert "未知字段" in run(".", "--lang", "zh").out


def test_list_rules_and_explain(tmp_path):
    listed = run("--list-rules", "--lang", "en")
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert [line.split()[:3] for line in lines][:15] == [
        ["GL001", "yaml-syntax", "error"],
        ["GL002", "schema", "error"],
        ["GL003", "unreadable-file", "error"],
        ["GL004", "unfilled-placeholder", "error"],
        ["GL101", "required-categories", "error"],
        ["GL102", "sequential-numbering", "error"],
        ["GL103", "duplicate-indicator", "error"],
        ["GL104", "percentage-range", "error"],
        ["GL201", "category-mismatch", "warning"],
        ["GL202", "missing-unit", "warning"],
        ["GL203", "packed-target", "warning"],
        ["GL204", "vague-target", "warning"],
        ["GL205", "text-hygiene", "warning"],
        ["GL206", "comparison-direction", "warning"],
        ["GL207", "duplicate-project", "error"],
    ]
    explained = run("--explain", "schema", "--lang", "zh")
    assert explained.code == 0
    assert explained.out.startswith("GL002 schema: 文件必须符合目标文件的结构")
    assert "## What it does" in explained.out and "Use instead:" in explained.out
    assert run("--explain", "gl001").out.startswith("GL001 yaml-syntax")
    options = run("--explain", "percentage-range").out
    assert "\n## Options\n- `change-words` (default: 增长率, 增长, 增幅," in options


def test_json_report_shape_for_a_clean_run(tmp_path):
    write(tmp_path, "good.yaml", VALID_GOAL)
    report = run_json(str(tmp_path)).report
    from validator import __version__

    assert report == {
        "version": 2,
        "tool": {"name": "goals-lint", "version": __version__},
        "files_checked": 1,
        "summary": {
            "errors": 0,
            "warnings": 0,
            "infos": 0,
            "files_with_problems": 0,
            "fixable": 0,
            "unsafe_fixable": 0,
        },
        "diagnostics": [],
        "suppressed": 0,
        "fixed": 0,
        "files_fixed": 0,
        "baseline": None,
    }


def test_python_dash_m_and_console_script(tmp_path):
    write(tmp_path, "typo.yaml", TYPO)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    completed = subprocess.run(
        [sys.executable, "-m", "validator", str(tmp_path), "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert completed.returncode == 1
    assert json.loads(completed.stdout)["diagnostics"][0]["line"] == 8
    script = Path(sys.executable).with_name("goals-lint")
    if not script.exists():
        pytest.skip("the goals-lint console script is not installed next to this Python")
    completed = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0
    assert completed.stdout.startswith("goals-lint ")
    # Run from outside the checkout, so an installed copy must carry its own schema.
    completed = subprocess.run(
        [str(script), "typo.yaml", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.startswith("typo.yaml:8:5: GL002 unknown field `categroy`")


def test_usage_errors_follow_the_language_on_the_command_line(tmp_path, monkeypatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    write(tmp_path, "good.yaml", VALID_GOAL)
    assert run(str(tmp_path), "--select", "GL999", "--lang", "zh").err == (
        "goals-lint: 错误：--select：`GL999` 不对应任何规则；见 `goals-lint --list-rules`\n"
    )
    assert run(str(tmp_path), "--select", "GL999", "--lang=en").err == (
        "goals-lint: error: --select: `GL999` names no rule; see `goals-lint --list-rules`\n"
    )
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run(str(tmp_path), "--format", "xml").err.startswith("goals-lint: 错误：--format：未知的输出格式 `xml`")


# --- context: what cross-file rules compare against -------------------------------

SECOND = VALID_GOAL.replace("广州移动政务服务平台建设", "广州移动政务服务平台二期建设")


def test_files_inside_goals_are_compared_with_the_whole_goals_folder(tmp_path, monkeypatch):
    """pre-commit passes the changed files only; a duplicate of an unchanged file is still found,
    with the same message as in a run over the folder."""
    write(tmp_path, "goals/2022/a.yaml", VALID_GOAL)
    write(tmp_path, "goals/2022/b.yaml", SECOND)
    write(tmp_path, "goals/2022/c.yaml", VALID_GOAL)
    monkeypatch.chdir(tmp_path)
    whole = run("goals", "--lang", "en")
    changed = run("goals/2022/c.yaml", "goals/2022/b.yaml", "--lang", "en")
    assert changed.code == whole.code == 1
    whole_lines = whole.out.splitlines()
    assert whole_lines[0].startswith("goals/2022/a.yaml:4:10: GL207 ")
    assert changed.out.splitlines()[0] == whole_lines[1]
    assert whole_lines[1].startswith("goals/2022/c.yaml:4:10: GL207 ")
    assert "`goals/2022/a.yaml` (line 4)" in changed.out
    # Each copy is refused, whichever is passed: the earlier one points at the later.
    only_a = run("goals/2022/a.yaml", "--lang", "en")
    assert only_a.code == 1
    assert only_a.out.splitlines()[0] == whole_lines[0]
    assert "`goals/2022/c.yaml` (line 4)" in only_a.out


def test_context_option_and_config_key(tmp_path, monkeypatch):
    write(tmp_path, "data/a.yaml", VALID_GOAL)
    write(tmp_path, "data/new/b.yaml", VALID_GOAL)
    monkeypatch.chdir(tmp_path)
    assert run("data/new/b.yaml").code == 0  # not inside goals/: no context by default
    assert [d["rule"] for d in run_json("data/new/b.yaml", "--context", "data").diagnostics] == ["duplicate-project"]
    write(tmp_path, ".goals-lint.toml", 'context = "data"\n')
    assert [d["rule"] for d in run_json("data/new/b.yaml").diagnostics] == ["duplicate-project"]


def test_a_missing_context_folder_is_a_usage_error(tmp_path):
    write(tmp_path, "a.yaml", VALID_GOAL)
    result = run(str(tmp_path / "a.yaml"), "--context", str(tmp_path / "nope"), "--lang", "en")
    assert (result.code, result.err) == (2, f"goals-lint: error: --context: no such folder: {tmp_path / 'nope'}\n")


def test_bad_context_in_the_config_names_the_key(tmp_path, monkeypatch):
    write(tmp_path, "a.yaml", VALID_GOAL)
    write(tmp_path, ".goals-lint.toml", "context = 3\n")
    monkeypatch.chdir(tmp_path)
    result = run("a.yaml", "--lang", "en")
    assert (result.code, result.err) == (
        2,
        f"goals-lint: {tmp_path / '.goals-lint.toml'}: invalid config: `context` should be a folder path (text)\n",
    )
