"""`--fix` on mutated goal files: it never raises, a second run finds nothing more to change,
and the data it leaves differs from the data before only where an applied fix said it would.

The mutations aim at what fixes touch (numbers, stray marks and spaces, full-width colons,
tabs, typos, unused suppressions, numbers as text, GBK, BOMs, CRLF) and mix in the byte-level
noise of test_never_crashes. The fast test runs a few hundred; the slow one a few thousand
(CI runs both).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from support import run
from test_fix import numbered
from test_never_crashes import mutate

from validator.config import Config
from validator.diagnostics import RenameKey, SetValue
from validator.fix.engine import fix_text
from validator.linter import Selection
from validator.loader import read_goal_text

BASE = numbered([1, 2, 3, 4, 5])

# (what is there, what a slip makes of it): each one a thing some fix mends.
SLIPS = [
    ("seq: 2", "seq: 7"),
    ("seq: 3", "seq: 1"),
    ("seq: 4", "seq: ４"),
    ("seq: 5", "seq: '5'"),
    ("name: 第1类服务事项数量", "name: ' 第1类服务事项数量'"),
    ("name: 第2类服务事项数量", "name: 第2类服务事项数量。"),
    ("name: 第3类服务事项数量", "name: .第3类服务事项数量"),
    ("name: 第4类服务事项数量", "name: 第4类服务事项数量 。"),
    ("target: 10项", "target: 10项。。"),
    ("target: 20项", "target: 100"),
    ("name: 第5类服务事项数量", "name: 话务服务的满意度"),
    ("    category: 产出指标", "    categroy: 产出指标"),
    ("    name: 第2", "    name：第2"),
    ("    target: 30项", "    target:30项"),
    ("    name: 第4", "\tname: 第4"),
    ("    target: 50项", "\u3000\u3000target: 50项"),
    ("  - seq: 3", "  -seq: 3"),
    ("target: 40项", "target: 40项  # goals-lint: disable=packed-target -- 原表如此"),
    ("target: 30项", "target: 30项  # goals-lint: disable=vague-target,percentage-range -- 原表"),
    ("objective: 打造", "objective: |  # 原文\n  打造"),
    ("year: 2022", "year: ２０２２"),
]


def mutant(rng: random.Random) -> bytes:
    text = BASE
    for before, after in rng.sample(SLIPS, rng.randint(1, 6)):
        text = text.replace(before, after, 1)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    data = text.encode("gbk") if rng.random() < 0.1 else text.encode("utf-8")
    if rng.random() < 0.1:
        data = b"\xef\xbb\xbf" + data
    if rng.random() < 0.3:
        data = mutate(rng, data)
    return data


def _leaves(data: Any, pointer: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        found: dict[str, Any] = {pointer: ("map", tuple(data))}
        for key, value in data.items():
            found.update(_leaves(value, f"{pointer}/{key}"))
        return found
    if isinstance(data, list):
        found = {pointer: ("seq", len(data))}
        for index, value in enumerate(data):
            found.update(_leaves(value, f"{pointer}/{index}"))
        return found
    return {pointer: (type(data).__name__, data)}


def _check_campaign(tmp_path: Path, seed: int, count: int) -> None:
    rng = random.Random(seed)
    folder = tmp_path / f"mutants-{seed}"
    folder.mkdir()
    originals = {}
    for number in range(count):
        path = folder / f"m{number:04d}.yaml"
        path.write_bytes(mutant(rng))
        originals[path] = path.read_bytes()

    # The engine on each text: what changed in the data is what an applied fix said.
    selection = Selection.build(Config(root=str(tmp_path)))
    for path, raw in originals.items():
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        before = read_goal_text(str(path), text)
        fixed = fix_text(str(path), text, selection, unsafe=True)
        after = read_goal_text(str(path), fixed.text)
        if not fixed.applied:
            assert fixed.text == text
            continue
        if not (before.readable and after.readable):
            continue
        meant: set[str] = set()  # a value set there
        moved: set[str] = set()  # a member renamed: its old and new place, and all under them
        for diagnostic in fixed.applied:
            assert diagnostic.fix is not None
            for edit in diagnostic.fix.edits:
                if isinstance(edit, SetValue):
                    meant.add(edit.pointer)
                elif isinstance(edit, RenameKey):
                    parent = edit.pointer.rsplit("/", 1)[0]
                    meant.add(parent)  # its list of keys
                    moved |= {edit.pointer, f"{parent}/{edit.key}"}
        old, new = _leaves(before.data), _leaves(after.data)
        changed = {pointer for pointer in old.keys() | new.keys() if old.get(pointer) != new.get(pointer)}
        unexplained = {
            pointer
            for pointer in changed - meant
            if not any(pointer == place or pointer.startswith(place + "/") for place in moved)
        }
        assert not unexplained, (path.name, sorted(unexplained))

    # The command line over the folder: never an internal error; then nothing more to change.
    first = run(str(folder), "--fix", "--unsafe-fixes", "--no-baseline", "--lang", "en")
    assert first.code in (0, 1), first.err
    assert "internal error" not in first.err
    second = run(str(folder), "--diff", "--unsafe-fixes", "--no-baseline", "--lang", "en")
    assert (second.code, second.out) == (0, ""), second.out[:2000]
    changed_files = [path for path, raw in originals.items() if path.read_bytes() != raw]
    assert changed_files  # the campaign fixes something


def test_fix_on_mutated_files(tmp_path):
    _check_campaign(tmp_path, seed=0, count=80)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(1, 5))
def test_fix_on_thousands_of_mutated_files(tmp_path, seed):
    _check_campaign(tmp_path, seed=seed, count=600)
