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
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a script, Python puts benchmarks/ on sys.path; the package imports need the
# repository root (which also makes ``validator`` the work tree's, not an installed copy).
if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from benchmarks import REPO_ROOT, SCHEMA_PATH
from benchmarks.corpus import generate, schema_check

BUDGET_INPROC_RATIO = 2.0  # goals-lint in-process vs CSafeLoader bare parse
BUDGET_STARTUP_S = 0.15  # one process, one file (pre-commit's usual case)


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Measurement:
    key: str
    label: str
    tool: str  # short name used in "X is 3x slower than goals-lint"
    kind: str  # "per_file": ms per file; "startup": seconds per process
    run: Callable[[], tuple[int, str]] | None  # returns (exit code, output)
    per: int = 1
    note: str = ""  # why it was skipped
    samples: list[float] = dataclasses.field(default_factory=list)


def find_tool(name: str) -> str | None:
    # Prefer the tool installed next to this interpreter (the venv) over PATH.
    here = Path(sys.executable).parent / name
    if here.exists() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which(name)


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("NO_COLOR", "1")
    # An installed package has its bytecode compiled by pip; a checkout gets the same
    # only if the warm-up run may write it. Without this, start-up measures compiling.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def command(cmd: list[str]) -> Callable[[], tuple[int, str]]:
    env = subprocess_env()

    def run() -> tuple[int, str]:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr

    return run


def head(text: str, lines: int = 8) -> str:
    parts = text.strip().splitlines()
    more = f"\n    ... ({len(parts) - lines} more lines)" if len(parts) > lines else ""
    return "\n".join("    " + p[:200] for p in parts[:lines]) + more


def load_cli() -> tuple[Callable[..., Any] | None, str]:
    try:
        from validator import cli  # type: ignore[import-not-found]
    except Exception as exc:
        return None, f"validator.cli not importable ({type(exc).__name__}: {exc})"
    if not hasattr(cli, "main"):
        return None, "validator.cli has no main(argv)"
    return cli.main, ""


def forget_parsed_targets() -> None:
    """Empty goals-lint's caches of parsed targets and names.

    A real run sees each target once; repeating the run in one process would
    otherwise time cache hits, not parsing.
    """
    try:
        from validator import targets
    except ImportError:
        return
    for cached in (getattr(targets, name, None) for name in ("parse_target", "comparison_key", "name_core")):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def call_cli(main: Callable[..., Any], argv: list[str]) -> tuple[int, str]:
    """Run the CLI in-process with its output captured; returns (exit code, output)."""
    forget_parsed_targets()
    out, err = io.StringIO(), io.StringIO()
    code: Any = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # a CLI may sys.exit() instead of returning
            code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        code = 1
    return code, out.getvalue() + err.getvalue()


def tool_version(cmd: list[str]) -> str:
    try:
        _code, out = command(cmd)()
    except OSError:
        return "?"
    lines = out.strip().splitlines()
    return lines[0] if lines else "?"


class Bench:
    def __init__(self) -> None:
        self.measurements: list[Measurement] = []
        self.rows: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.versions: dict[str, Any] = {}

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)
        print(f"WARNING: {msg}", file=sys.stderr)

    def add(
        self,
        key: str,
        label: str,
        tool: str,
        kind: str,
        run: Callable[[], tuple[int, str]] | None,
        per: int = 1,
        note: str = "",
    ) -> None:
        self.measurements.append(Measurement(key, label, tool, kind, run, per, note))

    def measure(self, kind: str, rounds: int) -> None:
        """Time every runnable measurement of ``kind`` ``rounds`` times, interleaved.

        Interleaving (and rotating the order each round) spreads the drift of a
        shared machine over all tools instead of penalising whichever runs last.
        Each tool gets one untimed warm-up first (imports, page cache, .pyc files).
        """
        todo = [m for m in self.measurements if m.kind == kind and m.run is not None]
        warned: set[str] = set()

        def once(m: Measurement) -> float:
            t0 = time.perf_counter()
            code, output = m.run()  # type: ignore[misc]
            elapsed = time.perf_counter() - t0
            if code != 0 and m.key not in warned:
                warned.add(m.key)
                self.warn(f"{m.label} exited {code} on valid files; first lines of its output:\n" + head(output))
            return elapsed

        if not todo:
            return
        for m in todo:
            once(m)
        for i in range(rounds):
            k = i % len(todo)
            for m in todo[k:] + todo[:k]:
                m.samples.append(once(m))

    def finish(self) -> None:
        for m in self.measurements:
            row: dict[str, Any] = {"key": m.key, "label": m.label, "tool": m.tool, "kind": m.kind, "note": m.note}
            if not m.samples:
                row.update(median=None, min=None, max=None, samples=None, unit=None)
            elif m.kind == "per_file":
                ms = [s * 1000.0 / m.per for s in m.samples]
                row.update(median=statistics.median(ms), min=min(ms), max=max(ms), samples=ms, unit="ms/file")
            else:
                row.update(
                    median=statistics.median(m.samples),
                    min=min(m.samples),
                    max=max(m.samples),
                    samples=m.samples,
                    unit="s",
                )
            self.rows.append(row)

    def row(self, key: str) -> dict[str, Any] | None:
        return next((r for r in self.rows if r["key"] == key and r["median"] is not None), None)


def check_goals_lint_report(b: Bench, main: Callable[..., Any], goal_dir: Path, n: int) -> None:
    """Make sure goals-lint really checked every file and found nothing."""
    code, out = call_cli(main, [str(goal_dir), "--format", "json"])
    try:
        report = json.loads(out)
    except ValueError:
        b.warn(f"goals-lint --format json (exit {code}) did not print valid JSON:\n" + head(out))
        return
    checked = report.get("files_checked") if isinstance(report, dict) else None
    diags = report.get("diagnostics") if isinstance(report, dict) else None
    if checked is not None and checked != n:
        b.warn(f"goals-lint checked {checked} files, expected {n}")
    if diags:
        b.warn(
            f"goals-lint reported {len(diags)} diagnostic(s) on valid files; first:\n"
            + head(json.dumps(diags[:3], ensure_ascii=False, indent=1))
        )
    if checked is not None or diags is not None:
        b.notes.append(f"goals-lint JSON report: files_checked={checked}, diagnostics={len(diags or [])}")


def run_all(args: argparse.Namespace, goal_dir: Path, files: list[Path]) -> Bench:
    b = Bench()
    n, rep = len(files), args.repeat
    srep = args.startup_repeat or rep * 3
    texts = [f.read_text(encoding="utf-8") for f in files]
    file_args = [str(f) for f in files]

    # a. Reference: the least any YAML-reading tool must pay per file.
    def c_parse() -> tuple[int, str]:
        for t in texts:
            yaml.load(t, Loader=yaml.CSafeLoader)
        return 0, ""

    b.add("c_loader", "PyYAML CSafeLoader bare parse (ref)", "CSafeLoader", "per_file", c_parse, n)

    # Second reference: parse + compiled schema check, no rules, no positions.
    rs_label = "C loader + jsonschema-rs (ref)"
    try:
        import jsonschema_rs

        if not SCHEMA_PATH.exists():
            raise RuntimeError("no schemas/goal.schema.json")
        rs_validator = jsonschema_rs.validator_for(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))

        def c_parse_rs() -> tuple[int, str]:
            bad = sum(not rs_validator.is_valid(yaml.load(t, Loader=yaml.CSafeLoader)) for t in texts)
            return (1 if bad else 0), f"{bad} files invalid"

        b.add("c_loader_rs", rs_label, "jsonschema-rs", "per_file", c_parse_rs, n)
    except Exception as exc:
        b.add("c_loader_rs", rs_label, "jsonschema-rs", "per_file", None, note=f"skipped: {exc}")

    # b. goals-lint in-process.
    main, why = load_cli()
    argv = [str(goal_dir), "--format", "json"]
    if main is None:
        b.add("gl_inproc", "goals-lint in-process", "goals-lint", "per_file", None, note=f"skipped: {why}")
    else:
        check_goals_lint_report(b, main, goal_dir, n)
        # The budget is for reading plus the schema check; the rules are timed on top.
        schema_argv = argv + ["--select", "GL0"]
        b.add(
            "gl_inproc_schema",
            "goals-lint in-process, schema only",
            "goals-lint",
            "per_file",
            lambda: call_cli(main, schema_argv),
            n,
        )
        b.add(
            "gl_inproc", "goals-lint in-process, all rules", "goals-lint", "per_file", lambda: call_cli(main, argv), n
        )

    # c. goals-lint as one process over the folder.
    try:
        runnable = main is not None and importlib.util.find_spec("validator.__main__") is not None
    except ImportError:
        runnable = False
    gl_cmd = [sys.executable, "-m", "validator"]
    gl_skip = "" if runnable else "skipped: " + (why or "no validator/__main__.py")
    b.add(
        "gl_proc",
        "goals-lint subprocess",
        "goals-lint",
        "per_file",
        command(gl_cmd + argv) if runnable else None,
        n,
        gl_skip,
    )

    # d. check-jsonschema, schema only.
    cj = find_tool("check-jsonschema")
    cj_skip = (
        ""
        if cj and SCHEMA_PATH.exists()
        else ("skipped: check-jsonschema not installed" if not cj else "skipped: no schemas/goal.schema.json")
    )
    cj_cmd = [cj or "check-jsonschema", "--schemafile", str(SCHEMA_PATH)]
    b.add(
        "cj_proc",
        "check-jsonschema subprocess",
        "check-jsonschema",
        "per_file",
        None if cj_skip else command(cj_cmd + file_args),
        n,
        cj_skip,
    )

    # e. yamllint: style only, no schema; a familiar yardstick for "a YAML linter".
    yl = find_tool("yamllint")
    b.add(
        "yl_proc",
        "yamllint -d relaxed subprocess",
        "yamllint",
        "per_file",
        command([yl, "-d", "relaxed", str(goal_dir)]) if yl else None,
        n,
        "" if yl else "skipped: yamllint not installed",
    )

    # f. Single-file start-up: dominated by interpreter start and imports.
    one = str(files[0])
    b.add("py_startup", "python -c pass (floor)", "python", "startup", command([sys.executable, "-c", "pass"]))
    # pre-commit runs the console script, which skips `-m`'s runpy machinery.
    gl_script = find_tool("goals-lint")
    gl_one = [gl_script, one] if gl_script else gl_cmd + [one]
    b.add(
        "gl_startup",
        "goals-lint, one file",
        "goals-lint",
        "startup",
        command(gl_one) if runnable else None,
        note=gl_skip,
    )
    b.add(
        "cj_startup",
        "check-jsonschema, one file",
        "check-jsonschema",
        "startup",
        None if cj_skip else command(cj_cmd + [one]),
        note=cj_skip,
    )

    b.measure("per_file", rep)
    b.measure("startup", srep)
    b.finish()

    b.notes.append(f"{n} files, {sum(len(t.encode('utf-8')) for t in texts) / n / 1024:.2f} KiB/file on average")
    b.versions = {
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "pyyaml": f"{yaml.__version__}{' (libyaml)' if yaml.__with_libyaml__ else ' (NO libyaml)'}",
        "check-jsonschema": tool_version([cj, "--version"]) if cj else None,
        "yamllint": tool_version([yl, "--version"]) if yl else None,
    }
    return b


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def summarise(b: Bench) -> dict[str, Any]:
    ref = b.row("c_loader")
    gl_in, gl_proc, gl_start = b.row("gl_inproc"), b.row("gl_proc"), b.row("gl_startup")
    # Peers are compared like for like: process with process, start-up with start-up.
    peer_of = {"cj_proc": gl_proc, "yl_proc": gl_proc, "cj_startup": gl_start, "gl_proc": gl_in}
    for r in b.rows:
        r["vs_c_loader"] = (
            r["median"] / ref["median"] if ref and r["median"] is not None and r["kind"] == "per_file" else None
        )
        base = peer_of.get(r["key"])
        r["vs_goals_lint"] = (
            r["median"] / base["median"] if base and r["median"] is not None and r["key"] != "gl_proc" else None
        )

    comparisons = []
    for key, base, what in (
        ("cj_proc", gl_proc, "whole folder, one process each"),
        ("yl_proc", gl_proc, "whole folder, one process each"),
        ("cj_startup", gl_start, "one file, start-up"),
    ):
        r = b.row(key)
        if r and base:
            ratio = r["median"] / base["median"]
            name = r["tool"]
            word = f"{ratio:.1f}x slower than" if ratio >= 1 else f"{1 / ratio:.1f}x faster than"
            comparisons.append(f"{name} is {word} goals-lint ({what})")

    budgets = []
    gl_schema = b.row("gl_inproc_schema")
    if gl_schema and ref:
        ratio = gl_schema["median"] / ref["median"]
        budgets.append(
            {
                "name": f"goals-lint in-process, schema only <= {BUDGET_INPROC_RATIO:g}x C-loader bare parse",
                "value": f"{ratio:.2f}x",
                "pass": ratio <= BUDGET_INPROC_RATIO,
            }
        )
    else:
        budgets.append(
            {
                "name": f"goals-lint in-process, schema only <= {BUDGET_INPROC_RATIO:g}x C-loader bare parse",
                "value": None,
                "pass": None,
            }
        )
    if gl_start:
        budgets.append(
            {
                "name": f"single-file start-up < {BUDGET_STARTUP_S:g} s",
                "value": f"{gl_start['median']:.3f} s",
                "pass": gl_start["median"] < BUDGET_STARTUP_S,
            }
        )
    else:
        budgets.append({"name": f"single-file start-up < {BUDGET_STARTUP_S:g} s", "value": None, "pass": None})
    return {"comparisons": comparisons, "budgets": budgets}


def fmt_num(v: float | None, unit: str | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f} s" if unit == "s" else f"{v:.3f} ms"


def print_table(b: Bench, summary: dict[str, Any], args: argparse.Namespace) -> None:
    v = b.versions
    srep = args.startup_repeat or args.repeat * 3
    print(
        f"goals-lint benchmark: {args.files} generated goal files (seed {args.seed}), "
        f"median of {args.repeat} runs ({srep} for start-up)"
    )
    print(
        f"Python {v['python']} on {v['platform']}, {v['cpus']} CPUs; PyYAML {v['pyyaml']}; "
        f"{v['check-jsonschema'] or 'check-jsonschema missing'}; {v['yamllint'] or 'yamllint missing'}"
    )
    for note in b.notes:
        print(f"  {note}")
    print()
    w = max(len(r["label"]) for r in b.rows) + 2
    hdr = f"{'tool':<{w}}{'median':>12}{'min-max':>20}{'vs C loader':>13}{'vs goals-lint':>15}"
    sections = (("Per file (whole folder)", "per_file"), ("Single-file start-up (one process, one file)", "startup"))
    for title, kind in sections:
        print(title)
        print(hdr)
        print("-" * len(hdr))
        for r in (r for r in b.rows if r["kind"] == kind):
            if r["median"] is None:
                print(f"{r['label']:<{w}}{'-':>12}   {r['note']}")
                continue
            unit = r["unit"]
            rng = f"{fmt_num(r['min'], unit).split()[0]}-{fmt_num(r['max'], unit)}"
            vs_c = f"{r['vs_c_loader']:.1f}x" if r["vs_c_loader"] is not None else ""
            vs_g = f"{r['vs_goals_lint']:.1f}x" if r["vs_goals_lint"] is not None else ""
            print(f"{r['label']:<{w}}{fmt_num(r['median'], unit):>12}{rng:>20}{vs_c:>13}{vs_g:>15}")
        print()
    if summary["comparisons"]:
        for c in summary["comparisons"]:
            print(c)
        print()
    print("Budgets")
    for bud in summary["budgets"]:
        verdict = {True: "PASS", False: "FAIL", None: "N/A (goals-lint not runnable)"}[bud["pass"]]
        print(f"  {bud['name']:<48} {bud['value'] or '-':>9}  {verdict}")
    if b.warnings:
        print(f"\n{len(b.warnings)} warning(s) were printed to stderr during the run.")


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
    p.add_argument("--seed", type=int, default=2022, help="random seed for the generated files (default 2022)")
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
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = Path(args.keep).resolve()
            root.mkdir(parents=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="goals-lint-bench-")))
        goal_dir, files = generate(root, args.files, args.seed)
        note = schema_check(files)
        b = run_all(args, goal_dir, files)
        b.notes.insert(0, note)
    summary = summarise(b)
    if args.json:
        json.dump(
            {
                "params": {
                    "files": args.files,
                    "repeat": args.repeat,
                    "startup_repeat": args.startup_repeat or args.repeat * 3,
                    "seed": args.seed,
                },
                "environment": b.versions,
                "notes": b.notes,
                "warnings": b.warnings,
                "results": b.rows,
                **summary,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        print_table(b, summary, args)
    if args.check and any(bud["pass"] is False for bud in summary["budgets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
