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
from validator.config import load_config
from validator.editor_schema import GENERATED_BY, editor_schema_for, editor_schema_text
from validator.errors import OutputError, UsageError
from validator.messages import LANGUAGES, define, language_from_environment, render
from validator.usage import Parser

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
SCHEMA_CANNOT_WRITE = define(
    "schema_command.cannot_write",
    zh="无法写入 {path}：{reason}",
    en="cannot write {path}: {reason}",
)


def _parser() -> Parser:
    parser = Parser(
        prog="goals-lint schema",
        description="Write the JSON Schema that editors use to complete and check goal files "
        "(编辑器用于补全和检查目标文件的 JSON Schema), following the configuration: its required "
        "categories and its `schema` URL.",
    )
    parser.add_argument("--output", metavar="FILE", help="write it to FILE (default: print it)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of its descriptions and messages")
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    return parser


def main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    args = _parser().parse_args(list(argv))
    config = load_config(args.config)
    lang = args.lang or config.lang or language_from_environment()
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
