#!/usr/bin/env python3
"""How long the editor waits, and what the HTML report costs: a plain script, not a test.

Run from the repository root with the project's virtualenv::

    python benchmarks/editor.py             # median of 11 edits, 7 report runs
    python benchmarks/editor.py --repeat 21

On a copy of ``goals/`` (the 2022 table, 20 files: the context of cross-file rules):

* ``goals-lint server``: start-up to the ``initialize`` answer, ``didOpen`` to the
  published diagnostics, ``didChange`` to the published diagnostics beyond the
  debounce (the time the lint itself takes in the session), and the code actions on a
  numbering error (its fix checked by the fix engine, the suppressions, fix all), the
  first request (which loads the fix engine and ruamel.yaml) apart, over a real stdio
  session (the tests' client, ``tests/lsp_session.py``);
* the whole command ``goals-lint --no-baseline goals/2022`` with the text report only,
  with ``--format html:FILE`` added, and with ``--format sarif:FILE`` added (the peer
  format a reviewer would otherwise get).

Medians; the machine is shared, so compare the ratios.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the LSP client the tests speak with

from lsp_session import LspClient  # noqa: E402

from validator.server.app import DEBOUNCE_SECONDS  # noqa: E402


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"


def server(root: Path, repeat: int) -> None:
    starts, opens, edits, first_actions, actions = [], [], [], [], []
    goal = sorted((root / "goals" / "2022").glob("15-*.yaml"))[0]
    text = goal.read_text(encoding="utf-8")
    for _ in range(3):
        client = LspClient(root)
        began = time.monotonic()
        client.initialize(lang="zh", baseline=False)
        starts.append(time.monotonic() - began)
        began = time.monotonic()
        uri = client.open(goal)
        diagnostics = client.diagnostics(uri, version=1)
        opens.append(time.monotonic() - began)
        numbering = next(d for d in diagnostics if d["code"] == "GL102")
        asked = {"textDocument": {"uri": uri}, "range": numbering["range"], "context": {"diagnostics": [numbering]}}
        for number in range(repeat + 1):
            began = time.monotonic()
            client.request("textDocument/codeAction", asked)
            (first_actions if number == 0 else actions).append(time.monotonic() - began)
        for number in range(repeat):
            began = time.monotonic()
            version = client.change(uri, text + f"# {number}\n")
            client.diagnostics(uri, version=version)
            edits.append(time.monotonic() - began - DEBOUNCE_SECONDS)
        client.shutdown()
    print(f"server start-up to the initialize answer: {_median_ms(starts)}")
    print(f"didOpen to diagnostics:                   {_median_ms(opens)}")
    print(f"didChange to diagnostics, beyond the {DEBOUNCE_SECONDS * 1000:.0f} ms debounce: {_median_ms(edits)}")
    print(f"code actions on a numbering error, first: {_median_ms(first_actions)}")
    print(f"code actions on a numbering error, then:  {_median_ms(actions)}")


def reports(root: Path, repeat: int) -> None:
    command = [sys.executable, "-m", "validator", "--no-baseline", "goals/2022"]
    variants = {
        "text only": [],
        "+ --format html:FILE": ["--format", f"html:{root / 'r.html'}"],
        "+ --format sarif:FILE": ["--format", f"sarif:{root / 'r.sarif'}"],
    }
    timings: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeat):
        for name, extra in variants.items():  # interleaved: noise falls on every variant alike
            began = time.perf_counter()
            subprocess.run(command + extra, cwd=root, capture_output=True, check=False)
            timings[name].append(time.perf_counter() - began)
    base = statistics.median(timings["text only"])
    for name, values in timings.items():
        print(f"goals-lint {name:<22} {_median_ms(values)}  {statistics.median(values) / base:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="edits per session (3 sessions); report runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="goals-lint-editor-bench-") as folder:
        root = Path(folder)
        shutil.copytree(REPO / "goals", root / "goals")
        server(root, args.repeat)
        reports(root, max(args.repeat // 2, 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
