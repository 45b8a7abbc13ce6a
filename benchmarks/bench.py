#!/usr/bin/env python3
"""Benchmark goals-lint against a bare YAML parse and its peers.

Run from the repository root (``validator`` need not be installed; the repo
root is put on ``sys.path`` and ``PYTHONPATH``)::

    python benchmarks/bench.py --files 500            # default: 500 files, 5 repeats
    python benchmarks/bench.py --files 200 --repeat 3
    python benchmarks/bench.py --json                 # machine-readable results
    python benchmarks/bench.py --check                # exit 1 if a budget fails
    python benchmarks/bench.py --keep /tmp/goals-bench  # keep the generated files

What it does:

1. Generates ``--files`` synthetic goal files (one project per file, 4-10
   indicators, realistic Chinese content) into a temporary directory, with a
   seeded ``random.Random`` so every run sees the same files.  All files are
   valid: the script checks that each one round-trips through PyYAML and, when
   ``schemas/goal.schema.json`` exists, that it passes the schema.
2. Times, on those same files, each measurement ``--repeat`` times and reports
   the median (the machines are shared and noisy):

   * PyYAML ``CSafeLoader`` bare parse, in-process (the reference, ms/file);
   * C loader + jsonschema-rs schema check, in-process (a second reference:
     roughly the least any parse-and-validate tool can cost);
   * goals-lint in-process: ``validator.cli.main([dir, "--format", "json"])``
     with stdout captured (includes file discovery, reading, the schema check,
     the rules and the JSON report), its caches of parsed targets emptied
     before every run;
   * goals-lint, check-jsonschema (schema only) and ``yamllint -d relaxed`` as
     one subprocess over the whole folder (ms/file, whole process);
   * single-file start-up: one process checking one file, as pre-commit does
     for a one-file commit, run ``--startup-repeat`` times (default 3 x repeat)
     for goals-lint and check-jsonschema, next to a bare ``python -c pass``.
3. Prints a table with the ratio of each row to the C-loader parse and of each
   peer to goals-lint, and the two budgets with PASS/FAIL:

   * goals-lint in-process <= 2x the C loader's bare parse;
   * goals-lint single-file start-up < 0.15 s.

Tools that are not installed (or, before it exists, ``validator.cli``) are
skipped with a note rather than failing the run.

This script only reads the arguments and runs the ``benchmarks`` package:
``corpus.py`` generates the files, ``harness.py`` times the measurements and
``report.py`` prints the table or the JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

# Run as a script, Python puts benchmarks/ on sys.path; the package imports need the
# repository root (which also makes ``validator`` the work tree's, not an installed copy).
if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import DEFAULT_SEED, generate, schema_check
from benchmarks.harness import run_all
from benchmarks.report import print_json, print_table, summarise


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--files", type=int, default=500, metavar="N", help="goal files to generate (default 500)")
    p.add_argument(
        "--repeat", type=int, default=5, metavar="R", help="repeats per measurement; median reported (default 5)"
    )
    p.add_argument(
        "--startup-repeat",
        type=int,
        default=0,
        metavar="S",
        help="repeats of the single-file start-up runs (default 3 x R)",
    )
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed for the generated files (default {DEFAULT_SEED})"
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    p.add_argument("--check", action="store_true", help="exit 1 if a budget fails")
    p.add_argument(
        "--keep", metavar="DIR", help="generate into DIR and keep it (DIR must not exist) instead of a temp dir"
    )
    args = p.parse_args(argv)
    if args.files < 1 or args.repeat < 1 or args.startup_repeat < 0:
        p.error("--files and --repeat must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    params = {
        "files": args.files,
        "repeat": args.repeat,
        "startup_repeat": args.startup_repeat or args.repeat * 3,
        "seed": args.seed,
    }
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = Path(args.keep).resolve()
            root.mkdir(parents=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="goals-lint-bench-")))
        goal_dir, files = generate(root, args.files, seed=args.seed)
        note = schema_check(files)
        b = run_all(goal_dir, files, params["repeat"], params["startup_repeat"])
        b.notes.insert(0, note)
    summary = summarise(b)
    if args.json:
        print_json(b, summary, params)
    else:
        print_table(b, summary, params)
    if args.check and any(bud["pass"] is False for bud in summary["budgets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
