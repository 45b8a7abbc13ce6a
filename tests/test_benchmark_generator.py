"""The benchmark's generated files must be valid goal files, or it times the wrong work."""

from __future__ import annotations

from pathlib import Path

from support import run_json

from benchmarks.corpus import generate


def test_generated_goal_files_are_clean_and_reproducible(tmp_path: Path) -> None:
    goal_dir, files = generate(tmp_path / "a", 30, 2022)
    result = run_json(str(goal_dir))
    assert result.report["files_checked"] == 30
    assert result.diagnostics == []
    assert result.code == 0
    _, again = generate(tmp_path / "b", 30, 2022)
    assert [path.read_bytes() for path in files] == [path.read_bytes() for path in again]
