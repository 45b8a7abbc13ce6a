"""The results: ratios to the C loader and to goals-lint, the budgets, and the
table or JSON that shows them."""

from __future__ import annotations

import json
import sys
from typing import Any

from benchmarks.harness import Bench

BUDGET_INPROC_RATIO = 2.0  # goals-lint in-process vs CSafeLoader bare parse
BUDGET_STARTUP_S = 0.15  # one process, one file (pre-commit's usual case)


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


def print_table(b: Bench, summary: dict[str, Any], params: dict[str, Any]) -> None:
    v = b.versions
    print(
        f"goals-lint benchmark: {params['files']} generated goal files (seed {params['seed']}), "
        f"median of {params['repeat']} runs ({params['startup_repeat']} for start-up)"
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


def print_json(b: Bench, summary: dict[str, Any], params: dict[str, Any]) -> None:
    json.dump(
        {
            "params": params,
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
