"""``goals-lint server``: its command line, and a clear message when pygls is missing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from validator.messages import define, render
from validator.server.messages import SERVER_NEEDS_PYGLS
from validator.usage import Parser, chosen_language, config_for

# --- messages (zh, en) ---
SERVER_DESCRIPTION = define(
    "server.description",
    zh="通过标准输入输出提供语言服务器（LSP）：编辑器在输入时显示每条规则的问题，并提供代码操作、悬停说明和补全。"
    "由编辑器启动；设置方法见 docs/editors.md。",
    en="A Language Server over stdin and stdout: editors show every rule's problems as you type, with code "
    "actions, hover and completion. Editors start it; see docs/editors.md for their settings.",
)
SERVER_HELP_STDIO = define(
    "server.help.stdio",
    zh="通过标准输入输出通信（默认，也是唯一的方式）",
    en="talk over stdin and stdout (the default, and the only transport)",
)


def server_command(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``goals-lint server [--stdio] [--lang zh|en]``: serve one editor until it exits."""
    # A broken configuration is not fatal here: the editor shows it at each lint, until it is fixed.
    found_config, _ = config_for(argv)
    lang = chosen_language(argv, found_config)
    parser = Parser(prog="goals-lint server", lang=lang, description=render(SERVER_DESCRIPTION, {}, lang))
    # Accepted because many editor clients pass it.
    parser.add_argument("--stdio", action="store_true", help=parser.say(SERVER_HELP_STDIO))
    parser.add_common_options()
    args = parser.parse_args(list(argv))
    try:
        from validator.server.app import serve  # pygls and lsprotocol load only here
    except ImportError as error:
        err.write(render(SERVER_NEEDS_PYGLS, {"detail": str(error)}, lang) + "\n")
        return 2
    return serve(err, args.lang)
