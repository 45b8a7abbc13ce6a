"""What the commands share: the commands themselves, a parser that speaks the user's
language and reports mistakes as values, the options every command takes, the
language a run speaks, and finding the files a command was given.

``goals-lint [options] [PATH ...]`` lints; ``goals-lint COMMAND ...`` runs one of
:data:`COMMANDS` (``import``, ``export``, ``new``, ``schema``). A command is recognised only as the
first word (after ``--lang`` or ``--debug``), so ``goals-lint ./export`` lints a folder
named ``export``. Each command's module is imported only when it runs, and builds its own
:class:`Parser` (``prog="goals-lint import"``).

The language is ``--lang``, then the configuration's ``lang``, then the system's
(``validator.messages.language_from_environment``). It is decided before the command
line is parsed, so that the help and argparse's own errors are in it too.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Sequence
from typing import Any, NamedTuple, NoReturn

from validator.argparse_words import argparse_speaking
from validator.config import Config, load_config
from validator.errors import ConfigError, UsageError
from validator.linter import discover
from validator.messages import LANGUAGES, define, language_from_environment, render

# --- messages (zh, en) ---
CLI_USAGE = define(
    "cli.usage",
    zh="用法错误：{detail}（见 {prog} --help）",
    en="{detail} (see {prog} --help)",
)
CLI_PATH_MISSING = define(
    "cli.path_missing",
    zh="路径不存在：{path}",
    en="no such file or folder: {path}",
)
CLI_PATH_IS_A_COMMAND = define(
    "cli.path_is_a_command",
    zh="路径不存在：{path}；要运行 {path} 命令，请把它写在最前面：goals-lint {path} …",
    en="no such file or folder: {path}; to run the {path} command, put it first: goals-lint {path} …",
)
CLI_NO_FILES = define(
    "cli.no_files",
    zh="在 {paths} 中没有找到目标文件（*.yaml、*.yml）",
    en="no goal files (*.yaml, *.yml) found in {paths}",
)
HELP_HELP = define(
    "cli.help.help",
    zh="显示此帮助并退出",
    en="show this help message and exit",
)
HELP_LANG = define(
    "cli.help.lang",
    zh="输出语言：zh（中文）或 en（英文）；默认依次取配置文件中的 lang、系统语言",
    en="message language: zh (Chinese) or en (English); default: the config's lang, then the system's language",
)
HELP_DEBUG = define(
    "cli.help.debug",
    zh="出现内部错误时显示详细的出错位置（traceback），便于报告问题",
    en="show the traceback of an internal error, for a bug report",
)
COMMAND_IMPORT = define(
    "command.import",
    zh="把公开发布的绩效目标表（PDF 文字、CSV、XLSX）导入为目标文件，每个项目一个",
    en="import a published performance-goal table (PDF text, CSV, XLSX) as goal files, one per project",
)
COMMAND_EXPORT = define(
    "command.export",
    zh="把目标文件导出为公开发布格式的绩效目标表（xlsx、csv、md、html）",
    en="export goal files as the published performance-goal table (xlsx, csv, md, html)",
)
COMMAND_SCHEMA = define(
    "command.schema",
    zh="写出编辑器用的 JSON Schema：补全字段、只列出所填一级指标下的二级指标、按配置检查",
    en="write the JSON Schema editors use: completion, subcategories by category, checks that follow the configuration",
)
COMMAND_NEW = define(
    "command.new",
    zh="新建一个带中文注释的目标文件模板，填写后即可通过检查",
    en="write a new goal file from a template with comments, ready to fill in",
)
COMMAND_SERVER = define(
    "command.server",
    zh="语言服务器（LSP），供编辑器在输入时显示问题；见 docs/editors.md",
    en="the language server (LSP): editors show the problems as you type; see docs/editors.md",
)


class Command(NamedTuple):
    """A word after ``goals-lint`` that is not a path: its module runs it."""

    name: str
    # "module:function", the function being ``(argv, out, err) -> exit code``; imported
    # only when the command runs, so linting never pays for the table formats.
    entry: str
    summary: str  # message id: its line in ``goals-lint --help``


COMMANDS: tuple[Command, ...] = (
    Command("import", "validator.table.cli:import_command", COMMAND_IMPORT),
    Command("export", "validator.table.cli:export_command", COMMAND_EXPORT),
    Command("new", "validator.goal_template:new_command", COMMAND_NEW),
    Command("server", "validator.server.command:server_command", COMMAND_SERVER),
    Command("schema", "validator.schema_command:schema_command", COMMAND_SCHEMA),
)
COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}

# Options a user may write before the command (`goals-lint --lang zh import …`); every
# command accepts them too, so they are passed on after the command's name.
_LEADING_WITH_VALUE = ("--lang",)
_LEADING_FLAGS = ("--debug",)


def split_command(argv: Sequence[str]) -> tuple[Command | None, list[str]]:
    """The command ``argv`` runs (None: linting) and the arguments it gets."""
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument in _LEADING_FLAGS or argument.startswith(tuple(f"{option}=" for option in _LEADING_WITH_VALUE)):
            index += 1
        elif argument in _LEADING_WITH_VALUE and index + 1 < len(argv):
            index += 2
        else:
            break
    if index < len(argv) and argv[index] in COMMANDS_BY_NAME:
        return COMMANDS_BY_NAME[argv[index]], [*argv[:index], *argv[index + 1 :]]
    return None, list(argv)


def command_entry(command: Command) -> Any:
    module_name, _, function = command.entry.partition(":")
    return getattr(importlib.import_module(module_name), function)


# --- the language of a run ---


def option_value(argv: Sequence[str], option: str) -> str | None:
    """The value of ``option`` as argparse would take it (the last one wins), read before parsing."""
    value = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument.startswith(option + "="):
            value = argument.split("=", 1)[1]
        elif argument == option and index + 1 < len(argv):
            value = argv[index + 1]
    return value


def config_for(argv: Sequence[str]) -> tuple[Config | None, ConfigError | None]:
    """The configuration the command line names (``--config``) or finds, or the error that
    stops it: reported after the command line, whose errors come first."""
    try:
        return load_config(option_value(argv, "--config")), None
    except ConfigError as error:
        return None, error


def chosen_language(argv: Sequence[str], config: Config | None) -> str:
    """--lang, then the configuration's ``lang``, then the system's language."""
    lang = option_value(argv, "--lang")
    if lang in LANGUAGES:
        return lang
    if config is not None and config.lang:
        return config.lang
    return language_from_environment()


def language_for_errors(argv: Sequence[str]) -> str:
    """The language of an error that stopped the run: a broken configuration falls back to the system's."""
    return chosen_language(argv, config_for(argv)[0])


# --- the parser ---


class HelpShown(Exception):
    """``--help`` or ``--version`` was asked for: the text to print, then exit 0."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _ShowHelp(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        raise HelpShown(parser.format_help())


class ShowText(argparse.Action):
    """An option that prints its ``const`` text and ends the run (``--version``)."""

    def __init__(self, option_strings: Sequence[str], dest: str, const: str = "", **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, const=const, **kwargs)

    def __call__(self, *_: Any) -> NoReturn:
        raise HelpShown(str(self.const))


def _display_width(text: str) -> int:
    import unicodedata  # only help text is measured: not on a linting run's start-up

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# A Latin word stays whole; each Chinese character may end a line, but never before a
# closing mark (，。）) or after an opening one (（“), as Chinese typesetting has it.
_OPENING = "（《「『【〔“‘"
_CLOSING = "）》」』】〕”’，。、；：！？"
# Compiled when help is shown (`re` keeps it), not on every run.
_WRAP_UNITS = f"[ \\t]+|[{_OPENING}]*(?:[\\x21-\\x7e]+|.)[{_CLOSING}]*"


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, a Chinese character counting two."""
    lines: list[str] = []
    line, used = "", 0
    for unit in re.findall(_WRAP_UNITS, " ".join(text.split())):
        size = _display_width(unit)
        if unit.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + unit, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions as written; option help wrapped by display width (argparse counts a
    Chinese character as one column and cannot break a line without spaces)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)


class Parser(argparse.ArgumentParser):
    """argparse in the user's language, whose mistakes are values: ``error`` raises
    :class:`UsageError` and ``--help`` :class:`HelpShown`, never ``sys.exit``."""

    def __init__(self, *, lang: str, prog: str, description: str, usage: str | None = None) -> None:
        self.lang = lang
        with argparse_speaking(lang):
            super().__init__(
                prog=prog,
                usage=usage,
                description=description,
                add_help=False,
                # Options are read before parsing (--lang, --config): no abbreviations to guess.
                allow_abbrev=False,
                formatter_class=_Formatter,
            )
        self.add_argument("-h", "--help", action=_ShowHelp, nargs=0, help=render(HELP_HELP, {}, lang))

    def add_common_options(self) -> None:
        """``--lang`` and ``--debug``, which every command takes."""
        self.add_argument("--lang", choices=LANGUAGES, help=self.say(HELP_LANG))
        # Read from the raw command line (an error may come before parsing); accepted here.
        self.add_argument("--debug", action="store_true", help=self.say(HELP_DEBUG))

    def say(self, message_id: str, **params: Any) -> str:
        """A message in the parser's language; ``%`` doubled, as argparse formats help with it."""
        return render(message_id, params, self.lang).replace("%", "%%")

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with argparse_speaking(self.lang):
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with argparse_speaking(self.lang):
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with argparse_speaking(self.lang):
            text = super().format_help()
        if self.lang == "zh":  # argparse ends a section title with an ASCII colon
            for group in self._action_groups:
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def format_usage(self) -> str:
        with argparse_speaking(self.lang):
            return super().format_usage()

    def error(self, message: str) -> NoReturn:
        # argparse would print and exit; the caller must return the exit code instead.
        raise UsageError(CLI_USAGE, detail=message, prog=self.prog)


# --- files ---


def goal_files(paths: Sequence[str]) -> list[str]:
    """The goal files under ``paths``; a missing path or no file at all is a usage error."""
    try:
        files = discover(paths)
    except FileNotFoundError as missing:
        path = str(missing)
        message_id = CLI_PATH_IS_A_COMMAND if path in COMMANDS_BY_NAME else CLI_PATH_MISSING
        raise UsageError(message_id, path=path) from None
    if not files:
        raise UsageError(CLI_NO_FILES, paths=" ".join(paths))
    return files
