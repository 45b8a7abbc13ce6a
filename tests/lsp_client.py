"""A Language Server Protocol client for tests: JSON-RPC over a language server's stdin and stdout,
as an editor talks to it."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


class LanguageServer:
    def __init__(self, command: Sequence[str], root: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self._process = subprocess.Popen(
            list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "textDocument": {
                        "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def close(self) -> None:
        self._process.kill()
        self._process.wait(timeout=10)

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline().decode("ascii").strip()) != "":
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            if not headers:
                return  # the server ended
            self._messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self._next_id += 1
        number = self._next_id
        self._send({"id": number, "method": method, "params": params})
        return self.wait_for(lambda message: message.get("id") == number and "method" not in message)["result"]

    def wait_for(self, wanted: Callable[[dict[str, Any]], bool], timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self._messages.get(timeout=left)
            except queue.Empty:
                break
            if "method" in message and "id" in message:  # the server asks: its settings, or anything else
                result = None
                if message["method"] == "workspace/configuration":
                    items = message["params"]["items"]
                    result = [self.settings.get(item.get("section", ""), None) for item in items]
                self._send({"id": message["id"], "result": result})
            elif wanted(message):
                return message
        raise TimeoutError("the language server did not answer")

    def open(self, path: Path) -> list[dict[str, Any]]:
        """Open ``path`` as an editor does; returns the diagnostics the server publishes for it."""
        uri = path.as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": document})
        published = self.wait_for(
            lambda message: (
                message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri
            )
        )
        diagnostics: list[dict[str, Any]] = published["params"]["diagnostics"]
        return diagnostics

    def completion(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        """Completion items at a 0-based line and character, as Ctrl+Space gives them."""
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}},
        )
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result
        return items

    def hover(self, path: Path, line: int, character: int) -> Any:
        return self.request(
            "textDocument/hover",
            {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}},
        )
