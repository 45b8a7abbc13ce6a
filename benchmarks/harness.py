"""The timing: each measurement run ``repeat`` times, interleaved, and its median.

:func:`run_all` sets up every row on a generated folder: PyYAML's C loader alone and
with jsonschema-rs (the references), goals-lint in-process (schema only, all rules)
and as a subprocess, the peers (check-jsonschema, yamllint) as subprocesses when
installed, and the single-file start-up of each tool next to ``python -c pass``.
A tool that is not installed is skipped with a note rather than failing the run.
"""

from __future__ import annotations

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
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks import REPO_ROOT, SCHEMA_PATH


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
    prepare: Callable[[], None] | None = None  # run before each timed run, untimed (restore files)
    expected_codes: tuple[int, ...] = (0,)  # a run over files with problems exits 1


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
        prepare: Callable[[], None] | None = None,
        expected_codes: tuple[int, ...] = (0,),
    ) -> None:
        self.measurements.append(
            Measurement(key, label, tool, kind, run, per, note, prepare=prepare, expected_codes=expected_codes)
        )

    def measure(self, kind: str, rounds: int) -> None:
        """Time every runnable measurement of ``kind`` ``rounds`` times, interleaved.

        Interleaving (and rotating the order each round) spreads the drift of a
        shared machine over all tools instead of penalising whichever runs last.
        Each tool gets one untimed warm-up first (imports, page cache, .pyc files).
        """
        todo = [m for m in self.measurements if m.kind == kind and m.run is not None]
        warned: set[str] = set()

        def once(m: Measurement) -> float:
            if m.prepare is not None:
                m.prepare()
            t0 = time.perf_counter()
            code, output = m.run()  # type: ignore[misc]
            elapsed = time.perf_counter() - t0
            if code not in m.expected_codes and m.key not in warned:
                warned.add(m.key)
                self.warn(f"{m.label} exited {code}; first lines of its output:\n" + head(output))
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


def run_all(goal_dir: Path, files: list[Path], repeat: int, startup_repeat: int) -> Bench:
    """Time every row on ``files`` in ``goal_dir``: ``repeat`` runs of each per-file row,
    ``startup_repeat`` of each start-up row."""
    b = Bench()
    n, rep, srep = len(files), repeat, startup_repeat
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
