"""The benchmark: a synthetic corpus (:mod:`benchmarks.corpus`), the timing
(:mod:`benchmarks.harness`) and the printed results (:mod:`benchmarks.report`);
``benchmarks/bench.py`` is the command line that runs them."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO_ROOT / "validator" / "schemas" / "goal.schema.json"  # the schema the `schema` rule checks
