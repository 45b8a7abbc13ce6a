"""The benchmark's generated files must be valid goal files, or it times the wrong work."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from support import run_json

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"


def test_generated_goal_files_are_clean_and_reproducible(tmp_path):
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = bench  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(bench)
    finally:
        del sys.modules["bench"]
    goal_dir, files = bench.generate(tmp_path / "a", 30, 2022)
    result = run_json(str(goal_dir))
    assert result.report["files_checked"] == 30
    assert result.diagnostics == []
    assert result.code == 0
    _, again = bench.generate(tmp_path / "b", 30, 2022)
    assert [path.read_bytes() for path in files] == [path.read_bytes() for path in again]
