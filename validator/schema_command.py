"""``goals-lint schema [--output FILE]``: the JSON Schema for editors, following the configuration.

Exit codes: 0 written; 2 usage or configuration errors, and an ``--output`` that exists
but is not a schema this command wrote (it is never overwritten).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TextIO

from validator.atomic import write_text_atomically
from validator.editor_schema import GENERATED_BY, editor_schema_for, editor_schema_text
from validator.errors import OutputError, UsageError
from validator.messages import define, render
from validator.usage import Parser, chosen_language, config_for

# --- messages (zh, en) ---
SCHEMA_WROTE = define(
    "schema_command.wrote",
    zh="已写入 {path}；目标文件以 `# yaml-language-server: $schema=<到此文件的相对路径>` 开头时，编辑器据此补全和检查",
    en="wrote {path}; editors complete and check goal files that start with `# yaml-language-server: $schema=<relative path to it>`",
)
SCHEMA_NOT_OURS = define(
    "schema_command.not_ours",
    zh="--output {path} 已存在，且不是 goals-lint schema 写的，未覆盖；请删除它或换一个文件名",
    en="--output {path} exists and was not written by goals-lint schema; it was left alone, remove it or choose another name",
)
SCHEMA_DESCRIPTION = define(
    "schema_command.description",
    zh="写出编辑器用于补全和检查目标文件的 JSON Schema（draft-07），按配置生成：必须具备的一级指标、"
    "text-hygiene 是否启用、配置中 schema 的网址。\n"
    "目标文件以 `# yaml-language-server: $schema=<到此文件的相对路径>` 开头时，VS Code 的 YAML 扩展等编辑器据此补全和检查。",
    en="Write the JSON Schema (draft-07) that editors use to complete and check goal files, following the "
    "configuration: its required categories, whether text-hygiene runs, its schema URL.\n"
    "Editors such as VS Code's YAML extension use it for goal files that start with "
    "`# yaml-language-server: $schema=<relative path to it>`.",
)
SCHEMA_HELP_OUTPUT = define(
    "schema_command.help.output",
    zh="写入这个文件（默认：输出到屏幕）；文件已存在且不是 goals-lint schema 写的则不覆盖",
    en="write it to FILE (default: print it); a FILE not written by goals-lint schema is never replaced",
)
SCHEMA_HELP_CONFIG = define(
    "schema_command.help.config",
    zh="按这个配置文件生成，而不是自动查找 .goals-lint.toml 或 pyproject.toml",
    en="follow this config file instead of searching for .goals-lint.toml or pyproject.toml",
)
SCHEMA_CANNOT_WRITE = define(
    "schema_command.cannot_write",
    zh="无法写入 {path}：{reason}",
    en="cannot write {path}: {reason}",
)


def _parser(lang: str) -> Parser:
    parser = Parser(prog="goals-lint schema", lang=lang, description=render(SCHEMA_DESCRIPTION, {}, lang))
    parser.add_argument("--output", metavar="FILE", help=parser.say(SCHEMA_HELP_OUTPUT))
    parser.add_argument("--config", metavar="FILE", help=parser.say(SCHEMA_HELP_CONFIG))
    parser.add_common_options()
    return parser


def schema_command(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``goals-lint schema [--output FILE]``: the schema in the run's language (``--lang``, the
    configuration's ``lang``, the system's)."""
    found_config, config_error = config_for(argv)
    lang = chosen_language(argv, found_config)
    args = _parser(lang).parse_args(list(argv))
    if config_error is not None:
        raise config_error
    assert found_config is not None
    config = found_config
    text = editor_schema_text(editor_schema_for(config, lang))
    if args.output is None:
        out.write(text)
        return 0
    if os.path.isdir(args.output) or (os.path.lexists(args.output) and not _written_by_us(args.output)):
        raise UsageError(SCHEMA_NOT_OURS, path=args.output)
    try:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        write_text_atomically(args.output, text)
    except OSError as error:
        raise OutputError(SCHEMA_CANNOT_WRITE, path=args.output, reason=error.strerror or str(error)) from None
    out.write(render(SCHEMA_WROTE, {"path": args.output}, lang) + "\n")
    return 0


def _written_by_us(path: str) -> bool:
    """Whether ``path`` holds a schema an earlier ``goals-lint schema`` wrote (safe to replace)."""
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.load(stream)
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and document.get("x-generated-by") == GENERATED_BY
