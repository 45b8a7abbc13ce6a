"""Malformed input of any kind becomes located diagnostics, never an exception.

A seeded mutation of a valid goal file: YAML punctuation, anchors, tags, BOMs, NULs,
invalid UTF-8, tabs and CRLFs spliced in, bytes deleted. Every run must finish, and
every diagnostic must have a real position and render in both languages.
"""

from __future__ import annotations

import random

import pytest

from support import VALID_GOAL
from validator.config import Config
from validator.linter import Selection, lint_files

FRAGMENTS = [
    b"&a ", b"*a", b"!!python/object ", b"---\n", b"\t", b": ", b"- ", b"[", b"]", b"{", b"}",
    b"'", b'"', b"\xff", b"\x00", b"\xef\xbb\xbf", b"\n", b"  ", b"? ", b"|", b">", b"#",
    b"%YAML 1.1\n", b"\x07", b"~", b"010", b"no", "中".encode(), b"\r\n", b"<<: *a\n", b"...\n",
    b"\xd6\xd0", b"\\", b"%", b"@", b"`",
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    mutated = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        position = rng.randint(0, len(mutated))
        choice = rng.random()
        if choice < 0.5:
            mutated[position:position] = rng.choice(FRAGMENTS)
        elif choice < 0.8:
            del mutated[position:position + rng.randint(1, 20)]
        else:
            mutated[position:position] = bytes([rng.randint(0, 255)])
    return bytes(mutated)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_goal_files_never_crash(tmp_path, seed):
    rng = random.Random(seed)
    selection = Selection.build(Config(root=str(tmp_path)))
    paths = []
    for number in range(150):
        path = tmp_path / f"mutant-{number:03d}.yaml"
        path.write_bytes(mutate(rng, VALID_GOAL.encode("utf-8")))
        paths.append(str(path))
    result = lint_files(paths, selection)
    assert result.files_checked == 150
    assert result.diagnostics, "mutations this rough must produce problems"
    for diagnostic in result.diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        for lang in ("zh", "en"):
            assert diagnostic.message(lang)
