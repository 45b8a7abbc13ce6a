"""What the command-line parts share: a parser that reports mistakes as values, the
messages of usage errors, finding the files a command was given, and the language to
report an error in before the configuration is read."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from validator.errors import UsageError
from validator.linter import discover
from validator.messages import LANGUAGES, define, language_from_environment

# --- messages (zh, en) ---
CLI_USAGE = define(
    "cli.usage",
    zh="用法错误：{detail}（见 goals-lint --help）",
    en="{detail}",
)
CLI_PATH_MISSING = define(
    "cli.path_missing",
    zh="路径不存在：{path}",
    en="no such file or folder: {path}",
)
CLI_NO_FILES = define(
    "cli.no_files",
    zh="在 {paths} 中没有找到目标文件（*.yaml、*.yml）",
    en="no goal files (*.yaml, *.yml) found in {paths}",
)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would exit; main() must return the code instead.
        raise UsageError(CLI_USAGE, detail=message)


def goal_files(paths: Sequence[str]) -> list[str]:
    """The goal files under ``paths``; a missing path or no file at all is a usage error."""
    try:
        files = discover(paths)
    except FileNotFoundError as missing:
        raise UsageError(CLI_PATH_MISSING, path=str(missing)) from None
    if not files:
        raise UsageError(CLI_NO_FILES, paths=" ".join(paths))
    return files


def language_for_errors(argv: Sequence[str]) -> str:
    """--lang if the command line has it, else the locale: the config may be what failed."""
    for index, argument in enumerate(argv):
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        elif argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return language_from_environment()
