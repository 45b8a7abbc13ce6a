#!/usr/bin/env python3
"""Benchmark ``--fix``: what it costs when there is nothing to fix, and per file it fixes.

Run from the repository root with the project's virtualenv::

    python benchmarks/fix_bench.py                        # 2,000 files, 2 % fixable, median of 5
    python benchmarks/fix_bench.py --files 500 --repeat 3

The peer of ``goals-lint --fix`` is the run a user makes without it, ``goals-lint``: every
row is compared with that run on the same files, in the same process, interleaved.

1. Generates a corpus (``benchmarks.corpus.generate``) twice: one left clean, one where
   2 % of the files get a misnumbered indicator and a name with a trailing space (three
   safe fixes each).
2. Times, in-process (``validator.cli.main``, output captured, the target parser's caches
   emptied each time, as ``bench.py`` times goals-lint):

   * a plain run and a ``--fix`` run over the clean corpus (budget: ``--fix`` ≤ 1.1× plain);
   * a plain run and a ``--fix`` run over the 2 % corpus, its files restored before every
     run (untimed): the difference, divided by the files fixed, is the cost per fixed file;
   * one file, one process (what pre-commit runs): ``goals-lint FILE`` and
     ``goals-lint --fix FILE`` on a clean file (budget: under 0.15 s, as for linting).

3. Checks, in a fresh process each, that ``--fix`` over the clean corpus never imports
   ruamel.yaml (the second reader that checks fixes) and that fixing does.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import REPO_ROOT
from benchmarks.corpus import DEFAULT_SEED, generate
from benchmarks.harness import Bench, call_cli, command, find_tool, load_cli, subprocess_env

BUDGET_CLEAN_RATIO = 1.1
BUDGET_STARTUP_S = 0.15
FIXABLE_SHARE = 50  # one file in 50: 2 %


def make_fixable(files: list[Path]) -> dict[Path, bytes]:
    """Spoil every 50th file with three safe fixes' worth of slips; returns their new bytes."""
    spoiled = {}
    for path in files[::FIXABLE_SHARE]:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        seq = next(number for number, line in enumerate(lines) if line.startswith("  - seq: 2"))
        lines[seq] = "  - seq: 9\n"  # the second indicator misnumbered: the rest follow as "off"
        name = next(number for number, line in enumerate(lines) if line.startswith("    name: "))
        lines[name] = "    name: '" + lines[name][len("    name: ") :].rstrip("\n").strip("'") + " '\n"
        spoiled[path] = "".join(lines).encode("utf-8")
        path.write_bytes(spoiled[path])
    return spoiled


def ruamel_imported(argv: list[str]) -> bool:
    """Whether a run of ``goals-lint ARGV`` in a fresh process imports ruamel.yaml."""
    script = (
        "import io, sys\nfrom validator.cli import main\n"
        "main(sys.argv[1:], out=io.StringIO(), err=io.StringIO())\nprint('ruamel' in sys.modules)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, *argv],
        cwd=REPO_ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip().endswith("True")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="goal files in each corpus (default 2000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each row; medians (default 5)")
    parser.add_argument("--startup-repeat", type=int, default=0, help="one-file runs (default 3 x --repeat)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    cli, why = load_cli()
    if cli is None:
        raise SystemExit(why)

    with contextlib.ExitStack() as stack:
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="goals-lint-fix-bench-")))
        clean_dir, clean_files = generate(root / "clean", args.files, seed=args.seed)
        dirty_dir, dirty_files = generate(root / "dirty", args.files, seed=args.seed)
        spoiled = make_fixable(dirty_files)

        def restore() -> None:
            for path, content in spoiled.items():
                path.write_bytes(content)

        n = args.files
        common = ["--format", "json", "--no-baseline"]
        b = Bench()
        b.add(
            "clean_plain",
            "goals-lint, clean corpus",
            "goals-lint",
            "per_file",
            lambda: call_cli(cli, [str(clean_dir), *common]),
            n,
        )
        b.add(
            "clean_fix",
            "goals-lint --fix, clean corpus",
            "goals-lint",
            "per_file",
            lambda: call_cli(cli, [str(clean_dir), "--fix", *common]),
            n,
        )
        b.add(
            "dirty_plain",
            "goals-lint, 2 % fixable",
            "goals-lint",
            "per_file",
            lambda: call_cli(cli, [str(dirty_dir), *common]),
            n,
            prepare=restore,
            expected_codes=(1,),
        )
        b.add(
            "dirty_fix",
            "goals-lint --fix, 2 % fixable",
            "goals-lint",
            "per_file",
            lambda: call_cli(cli, [str(dirty_dir), "--fix", *common]),
            n,
            prepare=restore,
        )
        one = str(clean_files[0])
        script = find_tool("goals-lint")
        launcher = [script] if script else [sys.executable, "-m", "validator"]
        b.add("startup_plain", "goals-lint FILE", "goals-lint", "startup", command([*launcher, one, "--no-baseline"]))
        b.add(
            "startup_fix",
            "goals-lint --fix FILE",
            "goals-lint",
            "startup",
            command([*launcher, one, "--fix", "--no-baseline"]),
        )
        b.measure("per_file", args.repeat)
        b.measure("startup", args.startup_repeat or 3 * args.repeat)
        b.finish()

        restore()
        ruamel_clean = ruamel_imported([str(clean_dir), "--fix", "--no-baseline"])
        ruamel_dirty = ruamel_imported([str(dirty_dir), "--fix", "--no-baseline"])

    rows = {row["key"]: row for row in b.rows}
    fixed_files = len(spoiled)
    # Paired by round (both rows ran in every round, next to each other): the machine's drift
    # between rounds cancels out, which a difference of two medians would not do.
    clean_ratio = statistics.median(
        fix / plain for fix, plain in zip(rows["clean_fix"]["samples"], rows["clean_plain"]["samples"], strict=True)
    )
    extra_ms = statistics.median(
        (fix - plain) * n
        for fix, plain in zip(rows["dirty_fix"]["samples"], rows["dirty_plain"]["samples"], strict=True)
    )
    per_fixed_file_ms = extra_ms / fixed_files
    results = {
        "files": n,
        "fixed_files": fixed_files,
        "repeat": args.repeat,
        "rows": b.rows,
        "clean_fix_vs_plain": clean_ratio,
        "ms_per_fixed_file": per_fixed_file_ms,
        "ruamel_imported_with_nothing_to_fix": ruamel_clean,
        "ruamel_imported_when_fixing": ruamel_dirty,
        "budgets": {
            f"--fix with nothing to fix <= {BUDGET_CLEAN_RATIO}x a plain run": clean_ratio <= BUDGET_CLEAN_RATIO,
            "ruamel.yaml not imported with nothing to fix": not ruamel_clean,
            f"one-file --fix start-up < {BUDGET_STARTUP_S} s": rows["startup_fix"]["median"] < BUDGET_STARTUP_S,
        },
    }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        _print(results, rows)
    return 0 if all(results["budgets"].values()) else 1


def _print(results: dict, rows: dict) -> None:
    print(
        f"goals-lint --fix benchmark: {results['files']} files per corpus, {results['fixed_files']} of them "
        f"fixable in the second; median of {results['repeat']} runs, in-process"
    )
    print()
    print(f"{'row':<34}{'median':>14}{'min-max':>24}")
    for row in rows.values():
        unit = row["unit"]
        scale = "s" if unit == "s" else "ms/file"
        print(f"{row['label']:<34}{row['median']:>10.3f} {scale:<4}{row['min']:>11.3f}-{row['max']:.3f}")
    print()
    print(
        f"--fix over the clean corpus: {results['clean_fix_vs_plain']:.2f}x the plain run (median of the rounds' ratios)"
    )
    print(
        f"--fix over the 2 % corpus: {results['ms_per_fixed_file']:.1f} ms per fixed file "
        "(median of the rounds' extra time over the plain run, divided by the files fixed)"
    )
    print(
        f"ruamel.yaml imported: {results['ruamel_imported_with_nothing_to_fix']} with nothing to fix, "
        f"{results['ruamel_imported_when_fixing']} when fixing"
    )
    print()
    print("Budgets")
    for name, passed in results["budgets"].items():
        print(f"  {name:<52} {'PASS' if passed else 'FAIL'}")


if __name__ == "__main__":
    sys.exit(main())
