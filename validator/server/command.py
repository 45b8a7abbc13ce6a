"""``goals-lint server``: its command line, and a clear message when pygls is missing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from validator.messages import language_from_environment, render
from validator.server.messages import SERVER_NEEDS_PYGLS
from validator.usage import Parser


def main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    parser = Parser(
        prog="goals-lint server",
        description="Language Server over stdio: every rule's diagnostics in the editor as you type, "
        "code actions, hover and completion. Editors start it; see docs/editors.md.",
    )
    # Accepted because many editor clients pass it; stdio is the only transport.
    parser.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the default)")
    parser.parse_args(list(argv))
    try:
        from validator.server.app import serve  # pygls and lsprotocol load only here
    except ImportError as error:
        err.write(render(SERVER_NEEDS_PYGLS, {"detail": str(error)}, language_from_environment()) + "\n")
        return 2
    return serve(err)
