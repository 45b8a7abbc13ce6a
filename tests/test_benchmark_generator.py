"""The benchmark's generated files must be valid goal files, or it times the wrong work."""

from __future__ import annotations

from pathlib import Path

import yaml
from support import run_json

from benchmarks.corpus import generate


def test_generated_goal_files_are_clean_and_reproducible(tmp_path: Path) -> None:
    goal_dir, files = generate(tmp_path / "a", 30, seed=2022)
    result = run_json(str(goal_dir))
    assert result.report["files_checked"] == 30
    assert result.diagnostics == []
    assert result.code == 0
    _, again = generate(tmp_path / "b", 30, seed=2022)
    assert [path.read_bytes() for path in files] == [path.read_bytes() for path in again]


def test_distinct_targets_seldom_repeat_and_are_clean(tmp_path: Path) -> None:
    goal_dir, files = generate(tmp_path / "a", 200, seed=2022, distinct_targets=True)
    targets = [
        indicator["target"]
        for path in files
        for indicator in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]
    ]
    # The share a cache of parsed targets would answer: each repeat of a text seen before.
    # The default corpus repeats about two targets in three.
    repeated = 1 - len(set(targets)) / len(targets)
    assert repeated < 0.03
    result = run_json(str(goal_dir))
    assert result.report["files_checked"] == 200
    assert result.diagnostics == []
    assert result.code == 0
    _, again = generate(tmp_path / "b", 200, seed=2022, distinct_targets=True)
    assert [path.read_bytes() for path in files] == [path.read_bytes() for path in again]
