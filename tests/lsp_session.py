"""A session with `goals-lint server` for the tests: what an editor does, over real pipes.

(``lsp_client.py`` beside it drives other language servers, such as yaml-language-server;
this one keeps every notification, the versions of open documents and incremental edits,
which the goals-lint server's tests check.)

It spawns ``goals-lint server`` as an editor would, frames JSON-RPC messages with
``Content-Length`` headers on the server's stdin, and reads its stdout in a thread. Every
wait has a deadline: a server that hangs fails the test instead of blocking it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TIMEOUT = 20.0


def uri_of(path: Path | str) -> str:
    return Path(path).resolve().as_uri()


class LspClient:
    def __init__(self, root: Path, *, env: dict[str, str] | None = None) -> None:
        self.root = root
        self.process = subprocess.Popen(
            [sys.executable, "-m", "validator", "server", "--stdio"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []  # every notification received, in order
        self.requests_from_server: list[dict[str, Any]] = []
        self.next_id = 0
        self.versions: dict[str, int] = {}
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # --- the wire ---------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def _next(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no message from the server in time; stderr: " + self.stderr_so_far())
        try:
            message = self.messages.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError("no message from the server in time; stderr: " + self.stderr_so_far()) from None
        if "method" in message and "id" in message:
            self.requests_from_server.append(message)
            self._send({"id": message["id"], "result": None})  # e.g. client/registerCapability
        elif "method" in message:
            self.notifications.append(message)
        return message

    def stderr_so_far(self) -> str:
        if self.process.poll() is None or self.process.stderr is None:
            return "(server still running)"
        return self.process.stderr.read().decode("utf-8", errors="replace")

    # --- JSON-RPC ---------------------------------------------------------------------

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self._send({"id": request_id, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if message.get("id") == request_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, accept: Callable[[dict[str, Any]], bool], timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first notification (already received or coming) that ``accept`` takes; it is consumed."""
        for index, message in enumerate(self.notifications):
            if accept(message):
                return self.notifications.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if "method" in message and "id" not in message and accept(message):
                self.notifications.remove(message)
                return message

    # --- what an editor does ------------------------------------------------------------

    def initialize(self, **initialization_options: Any) -> dict[str, Any]:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": uri_of(self.root),
                "workspaceFolders": [{"uri": uri_of(self.root), "name": self.root.name}],
                "capabilities": {
                    "general": {"positionEncodings": ["utf-16"]},
                    "textDocument": {
                        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                    },
                },
                "initializationOptions": initialization_options,
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None) -> str:
        uri = uri_of(path)
        self.versions[uri] = 1
        source = path.read_text(encoding="utf-8") if text is None else text
        self.notify(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": source}}
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": self.versions[uri]}, "contentChanges": [{"text": text}]},
        )
        return self.versions[uri]

    def edit(self, uri: str, start: tuple[int, int], end: tuple[int, int], text: str) -> int:
        """An incremental change, as editors send while typing."""
        self.versions[uri] += 1
        change = {
            "range": {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}},
            "text": text,
        }
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": self.versions[uri]}, "contentChanges": [change]},
        )
        return self.versions[uri]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version`` of its text, if given)."""

        def accept(message: dict[str, Any]) -> bool:
            if message["method"] != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
                return False
            return version is None or message["params"].get("version") == version

        return self.wait_for(accept, timeout)["params"]["diagnostics"]

    def shutdown(self) -> int:
        """shutdown, exit, and the server's exit code."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
