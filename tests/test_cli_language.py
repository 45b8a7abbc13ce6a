"""The command line in the user's language: help, argparse's own words, usage errors, the
language chosen on every system; and commands beside linting (`goals-lint export` is a
command, `goals-lint ./export` a folder)."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL, run, run_json, write

from validator.argparse_words import ARGPARSE_WORDS
from validator.messages import (
    MESSAGES,
    catalogue,
    language_from_environment,
    macos_preferred_language,
    windows_ui_language,
)
from validator.usage import COMMANDS, Parser, split_command, wrap

REPO = Path(__file__).resolve().parent.parent
catalogue()

# Words a Chinese text may hold in Latin letters: names of things, not sentences.
_CODE = re.compile(
    r"`[^`]*`"  # code spans
    r"|goals-lint(?: (?:import|export|new))?"  # the program and its commands
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # options
    r"|[^\s（）“”，、；：。]*(?:[/*]|\w?\.\w|\w_\w|\w:[^\s，。；）]|%\(\w+\)\w)[^\s（）“”，、；：。]*"  # paths, FORMAT:FILE
    r"|\{[^}]*\}"  # choices {zh,en}
)


def english_phrases(text: str) -> list[str]:
    """Runs of two or more lowercase English words: a sentence, or part of one.

    Code names, options, paths, metavars (PATH) and product names (GitHub Actions,
    JSON Schema) are single or capitalised words and do not count."""
    return re.findall(r"\b[a-z]{2,}(?: [a-z]{2,})+\b", _CODE.sub(" ", text))


def _unset_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_the_english_detector_finds_argparse_english():
    assert english_phrases("用法错误：unrecognized arguments: --foo") == ["unrecognized arguments"]
    assert english_phrases("show this help message and exit") == ["show this help message and exit"]
    assert english_phrases("--format FORMAT[:FILE]  输出格式（text, json）GitHub Actions 中 goals/ *.yaml") == []


# --- Done when: LANG unset, --lang zh: no English sentence ------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["import", "--help"],
        ["export", "--help"],
        ["new", "--help"],
        ["--explain", "sequential-numbering"],
        ["--explain", "percentage-range"],
        ["--list-rules"],
    ],
    ids=" ".join,
)
def test_help_explain_and_rule_list_in_chinese_hold_no_english_sentence(monkeypatch, arguments):
    _unset_language(monkeypatch)
    result = run(*arguments, "--lang", "zh")
    assert (result.code, result.err) == (0, "")
    assert re.search(r"[\u4e00-\u9fff]", result.out)
    assert english_phrases(result.out) == [], result.out


def test_the_chinese_help_is_the_help_a_user_runs(monkeypatch, tmp_path):
    """A real process, no LANG, `--lang zh`: what a clerk on Windows would type."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["PYTHONIOENCODING"] = "utf-8"
    completed = subprocess.run(
        [sys.executable, "-m", "validator", "--help", "--lang", "zh"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert completed.returncode == 0
    lines = completed.stdout.splitlines()
    assert lines[0] == "用法：goals-lint [选项] [PATH ...]"
    assert "命令：" in lines
    for command in COMMANDS:
        assert any(line.startswith(f"  {command.name}  ") for line in lines), command.name
    assert "位置参数：" in lines and "选项：" in lines
    assert "  -h, --help            显示此帮助并退出" in lines
    assert english_phrases(completed.stdout) == []


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--foo"], "goals-lint: 错误：用法错误：无法识别的参数：--foo（见 goals-lint --help）\n"),
        (["--lang"], "goals-lint: 错误：用法错误：参数 --lang：后面需要一个值（见 goals-lint --help）\n"),
        (
            ["--format"],
            "goals-lint: 错误：用法错误：参数 --format：后面需要一个值（见 goals-lint --help）\n",
        ),
        (
            ["--baseline", "b.json", "--no-baseline"],
            "goals-lint: 错误：用法错误：参数 --no-baseline：不能与 --baseline 同时使用（见 goals-lint --help）\n",
        ),
        (
            ["import", "t.csv"],
            "goals-lint: 错误：用法错误：缺少必需的参数：--out（见 goals-lint import --help）\n",
        ),
        (
            ["import", "t.csv", "--out", "o", "--from", "pdf"],
            "goals-lint: 错误：用法错误：参数 --from：无效的值 'pdf'（可选：'csv', 'text', 'xlsx'）"
            "（见 goals-lint import --help）\n",
        ),
        (
            ["import", "t.csv", "--out", "o", "--year", "二〇二二"],
            "goals-lint: 错误：用法错误：参数 --year：'二〇二二' 不是有效的整数（见 goals-lint import --help）\n",
        ),
        (
            ["export", "goals", "--output"],
            "goals-lint: 错误：用法错误：参数 --output：后面需要一个值（见 goals-lint export --help）\n",
        ),
        (["new"], "goals-lint: 错误：用法错误：缺少必需的参数：PATH（见 goals-lint new --help）\n"),
    ],
)
def test_usage_errors_in_chinese_wrap_argparse_words(monkeypatch, arguments, expected):
    _unset_language(monkeypatch)
    result = run(*arguments, "--lang", "zh") if arguments[-1] != "--lang" else run("--lang")
    if arguments == ["--lang"]:
        # `--lang` without a value cannot choose the language: the system's (English here).
        assert result.err == "goals-lint: error: argument --lang: expected one argument (see goals-lint --help)\n"
        return
    assert (result.code, result.out, result.err) == (2, "", expected)
    assert english_phrases(result.err) == []


def test_usage_errors_follow_the_configured_language(monkeypatch, tmp_path):
    _unset_language(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ".goals-lint.toml", 'lang = "zh"\n')
    assert run("--foo").err == "goals-lint: 错误：用法错误：无法识别的参数：--foo（见 goals-lint --help）\n"
    assert (
        run("--foo", "--lang", "en").err == "goals-lint: error: unrecognized arguments: --foo (see goals-lint --help)\n"
    )
    help_text = run("--help").out
    assert help_text.startswith("用法：goals-lint")
    # A broken configuration cannot choose: the system's language, and the config error is reported.
    write(tmp_path, ".goals-lint.toml", 'lang = "zh"\nselct = []\n')
    broken = run(str(tmp_path))
    assert broken.code == 2
    assert broken.err == (
        f"goals-lint: {tmp_path / '.goals-lint.toml'}: invalid config: `selct` is not a known key; did you mean `select`?\n"
    )


# --- argparse's words: every one a user can meet, in Chinese ----------------------------------

# msgids argparse raises only for a mistake in a program's own parser definitions.
_PROGRAMMER_ERRORS = re.compile(
    r"conflicting|not defined|invalid option string|dest= is required|invalid conflict_resolution"
    r"|cannot merge actions|'required' is an invalid|mutually exclusive arguments must be optional"
    r"|cannot have multiple subparser|is not callable|argument \"-\" with mode|unknown parser"
    r"|must be a (?:string|boolean)|cannot be (?:empty|used)|nargs|metavar|not a valid|help string|"
    r"parser_class|length of metavar|only .* can|may not|badly formed|%r is not"
)


def _argparse_msgids() -> set[str]:
    """Every msgid the running Python's argparse passes to `_()` or `ngettext()`."""
    tree = ast.parse(inspect.getsource(argparse))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found |= {arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    return found


def test_every_argparse_word_a_user_can_meet_has_a_chinese_translation():
    user_facing = {msgid for msgid in _argparse_msgids() if not _PROGRAMMER_ERRORS.search(msgid)}
    assert "unrecognized arguments: %s" in user_facing and "usage: " in user_facing
    missing = sorted(user_facing - set(ARGPARSE_WORDS))
    assert missing == [], f"argparse words without a translation (new in Python {sys.version_info[:2]}?)"
    for msgid, message_id in ARGPARSE_WORDS.items():
        texts = MESSAGES[message_id]
        assert texts["en"] == msgid
        assert sorted(re.findall(r"%(?:\(\w+\))?[sr]", texts["zh"])) == sorted(re.findall(r"%(?:\(\w+\))?[sr]", msgid))


def test_argparse_is_left_as_it_was_after_a_run():
    before = argparse._  # type: ignore[attr-defined]
    run("--help", "--lang", "zh")
    run("--nope", "--lang", "zh")
    assert argparse._ is before  # type: ignore[attr-defined]


# --- every help string in both languages -------------------------------------------------------


def _parsers(lang: str) -> list[Parser]:
    from validator.cli import _build_parser
    from validator.goal_template import _parser as new_parser
    from validator.table.cli import _export_parser, _import_parser

    return [_build_parser(lang), _import_parser(lang), _export_parser(lang), new_parser(lang)]


def test_every_help_string_exists_in_both_languages():
    for zh_parser, en_parser in zip(_parsers("zh"), _parsers("en"), strict=True):
        assert re.search(r"[\u4e00-\u9fff]", zh_parser.description or "")
        assert english_phrases(zh_parser.format_help()) == [], zh_parser.prog
        en_help = re.sub(r"[\u4e00-\u9fff（）【】“”]+", "", en_parser.format_help())
        assert english_phrases(en_help), en_parser.prog
        for zh_action, en_action in zip(zh_parser._actions, en_parser._actions, strict=True):
            assert zh_action.option_strings == en_action.option_strings
            assert zh_action.help and en_action.help, zh_action.dest
            assert re.search(r"[\u4e00-\u9fff]", zh_action.help), (zh_parser.prog, zh_action.dest)
            assert not re.search(r"[\u4e00-\u9fff]", en_action.help), (en_parser.prog, en_action.dest)


def test_chinese_help_lines_fit_the_terminal_counting_a_chinese_character_as_two_columns():
    lines = wrap("输出格式（text, json, sarif）：只写格式时输出到控制台，写成 FORMAT:FILE 时写入文件。", 20)
    for line in lines:
        assert sum(2 if "\u4e00" <= char <= "\u9fff" or char in "（）：，。" else 1 for char in line) <= 20
    assert (
        "".join(lines).replace(" ", "")
        == "输出格式（text,json,sarif）：只写格式时输出到控制台，写成FORMAT:FILE时写入文件。"
    )
    assert not any(line.startswith(("）", "，", "。", "：")) for line in lines)
    assert not any(line.endswith("（") for line in lines)


# --- commands and paths -----------------------------------------------------------------------


def test_a_command_is_only_the_first_word():
    assert split_command(["export", "goals", "--output", "t.csv"])[0].name == "export"  # type: ignore[union-attr]
    assert split_command(["--lang", "zh", "import", "t.csv"]) == (
        split_command(["import"])[0],
        ["--lang", "zh", "t.csv"],
    )
    assert split_command(["./export"]) == (None, ["./export"])
    assert split_command(["goals", "export"]) == (None, ["goals", "export"])
    assert split_command(["--strict", "export"]) == (None, ["--strict", "export"])


def test_a_folder_named_like_a_command_is_linted_with_dot_slash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "export/a.yaml", VALID_GOAL)
    linted = run_json("./export")
    assert linted.code == 0
    assert linted.report["files_checked"] == 1
    # Without ./ it is the command, whose own usage error says what it needs.
    command = run("export", "--lang", "en")
    assert command.code == 2
    assert command.err == (
        "goals-lint: error: the following arguments are required: PATH, --output (see goals-lint export --help)\n"
    )


def test_a_command_name_after_options_is_a_missing_path_with_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--strict", "import", "--lang", "zh")
    assert result.code == 2
    assert result.err == (
        "goals-lint: 错误：路径不存在：import；要运行 import 命令，请把它写在最前面：goals-lint import …\n"
    )


def test_version_and_help_print_to_the_given_output_and_exit_0():
    from validator import __version__

    assert (run("--version").code, run("--version").out) == (0, f"goals-lint {__version__}\n")
    assert run("import", "--help", "--lang", "en").out.startswith("usage: goals-lint import [-h] --out DIR")


# --- the system's language: injected, as on Windows and macOS --------------------------------


def test_the_language_variables_come_first():
    assert (
        language_from_environment({"LANG": "zh_CN.UTF-8"}, platform="win32", system_language=lambda _: "en_US") == "zh"
    )
    assert language_from_environment({"LANGUAGE": "zh_TW:en", "LANG": "en_US"}) == "zh"
    assert language_from_environment({"LC_ALL": "C.UTF-8", "LANG": "zh_CN"}) == "en"


@pytest.mark.parametrize(
    ("language_id", "expected"),
    [(0x0804, "zh"), (0x0404, "zh"), (0x0C04, "zh"), (0x1004, "zh"), (0x0409, "en"), (0x0411, "en")],
)
def test_windows_without_lang_reads_the_display_language(language_id, expected):
    name = windows_ui_language(lambda: language_id)
    assert language_from_environment({}, platform="win32", system_language=lambda _: name) == expected


def test_windows_without_a_readable_setting_falls_back_to_english():
    def unreadable(_platform: str) -> str | None:
        return None

    assert language_from_environment({}, platform="win32", system_language=unreadable) == "en"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"AppleLanguages": ["zh-Hans-CN", "en-CN"], "AppleLocale": "zh_CN"}, "zh"),
        ({"AppleLanguages": ["en-GB", "zh-Hans"], "AppleLocale": "en_GB"}, "en"),
        ({"AppleLocale": "zh_CN"}, "zh"),
        ({}, "en"),
    ],
)
def test_macos_without_lang_reads_the_preferred_language(tmp_path, settings, expected):
    preferences = tmp_path / ".GlobalPreferences.plist"
    preferences.write_bytes(plistlib.dumps(settings, fmt=plistlib.FMT_BINARY))
    name = macos_preferred_language(str(preferences))
    assert language_from_environment({}, platform="darwin", system_language=lambda _: name) == expected


def test_a_real_run_without_lang_falls_back_to_the_system_language(monkeypatch, tmp_path):
    """Linux with no locale variable at all: the system reports none, so English."""
    _unset_language(monkeypatch)
    write(tmp_path, "good.yaml", VALID_GOAL)
    assert run(str(tmp_path / "good.yaml")).out == "Checked 1 file: no problems found.\n"
    import validator.messages as messages

    monkeypatch.setattr(messages, "_system_language", lambda platform: "zh_CN")
    assert run(str(tmp_path / "good.yaml")).out == "已检查 1 个文件，未发现问题。\n"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_helps_in_both_languages(monkeypatch, command):
    """Every command of the registry, those added later included: its help has no English
    sentence in Chinese, and an English one in English."""
    _unset_language(monkeypatch)
    chinese = run(command.name, "--help", "--lang", "zh")
    english = run(command.name, "--help", "--lang", "en")
    assert (chinese.code, english.code) == (0, 0)
    assert chinese.out.startswith(f"用法：goals-lint {command.name}")
    assert english.out.startswith(f"usage: goals-lint {command.name}")
    assert english_phrases(chinese.out) == [], chinese.out
    assert english_phrases(english.out)
