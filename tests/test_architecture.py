"""The code's own shape: no import cycle, what a one-file run loads, one contract per rule,
generated docs in step with the registry, and a way to see an internal error's traceback."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL, run, write

from validator.docs import README_TABLE_END, README_TABLE_START, with_readme_table
from validator.registry import RULES
from validator.rule import CommentRule, CrossFileRule, DataRule, ReaderRule, SchemaRule

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "validator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports (anywhere in it)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("validator"):
                # `from validator.rules import schema` imports the module validator.rules.schema.
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    imported.add(candidate if candidate in modules else node.module)
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names if alias.name.startswith("validator")}
        graph[name] = {module for module in imported if module in modules and module != name}
    return graph


def test_the_package_has_no_import_cycle():
    graph = _import_graph()
    assert len(graph) > 40
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, "import cycle: " + " → ".join([*visiting[visiting.index(module) :], module])
        visiting.append(module)
        for imported in sorted(graph[module]):
            visit(imported)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


def test_reporters_and_the_baseline_do_not_import_the_engine_or_the_command_line():
    graph = _import_graph()
    for module in [name for name in graph if name.startswith("validator.reporters")] + ["validator.baseline"]:
        assert not graph[module] & {"validator.linter", "validator.cli"}, module
    assert "validator.cli" not in graph["validator.table.cli"]
    # Reporters are chosen by name and independent of one another.
    reporters = {name for name in graph if name.endswith("_reporter")}
    for module in reporters:
        assert not graph[module] & (reporters - {"validator.reporters.text_reporter"}), module


# What one run over one clean file loads: the engine, every rule, the text reporter.
# Everything else (other reporters, the table commands, the detailed schema validator,
# TOML without a config file) waits until a run needs it.
ONE_FILE_RUN_MODULES = {
    "validator",
    # argparse's own words (usage:, options, its errors) in the user's language: every run parses a command line.
    "validator.argparse_words",
    "validator.atomic",
    "validator.baseline",
    "validator.cli",
    "validator.config",
    "validator.diagnostics",
    "validator.errors",
    "validator.goal",
    "validator.identity",
    "validator.linter",
    "validator.loader",
    "validator.loader.composer",
    "validator.loader.files",
    "validator.loader.input_slips",
    "validator.loader.messages",
    "validator.loader.model",
    "validator.loader.syntax_errors",
    "validator.loader.text",
    "validator.messages",
    "validator.paths",
    "validator.project",
    "validator.registry",
    "validator.reporters",
    "validator.reporters.messages",
    "validator.reporters.summary",
    "validator.reporters.text_reporter",
    "validator.result",
    "validator.rule",
    "validator.rules",
    *(f"validator.rules.{path.stem}" for path in (PACKAGE / "rules").glob("*.py") if path.stem != "__init__"),
    "validator.scalars",
    "validator.schema",
    "validator.source_map",
    "validator.targets",
    "validator.usage",
}
NEVER_ON_A_ONE_FILE_RUN = {
    "jsonschema",  # the pure-Python validator explains failures only
    "openpyxl",
    "ruamel",
    "tomllib",
    "tomli",
    "difflib",
    "hashlib",
    "tempfile",
    "xml",
    "csv",
}


def _modules_of_a_run(tmp_path: Path, text: str, *args: str) -> tuple[int, set[str], set[str]]:
    """The exit code of a run over one file holding ``text``, the goals-lint modules it
    loaded, and the top-level packages."""
    goal = write(tmp_path, "goal.yaml", text)
    script = (
        "import io, json, sys\n"
        "from validator.cli import main\n"
        "code = main(sys.argv[1:], out=io.StringIO(), err=io.StringIO())\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, str(goal), "--no-baseline", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    code, modules = json.loads(completed.stdout)
    return code, {m for m in modules if m.startswith("validator")}, {m.split(".")[0] for m in modules}


def test_a_one_file_run_imports_exactly_the_modules_it_needs(tmp_path):
    code, modules, top_level = _modules_of_a_run(tmp_path, VALID_GOAL)
    assert code == 0
    assert modules == ONE_FILE_RUN_MODULES
    assert top_level & NEVER_ON_A_ONE_FILE_RUN == set()


MISNUMBERED = VALID_GOAL.replace("seq: 2", "seq: 3")


def test_fixing_costs_only_the_runs_that_fix(tmp_path):
    # --fix with nothing to fix: the engine, but not its checks, and never ruamel.yaml.
    code, modules, top_level = _modules_of_a_run(tmp_path, VALID_GOAL, "--fix")
    assert code == 0
    assert modules == ONE_FILE_RUN_MODULES | {"validator.fix", "validator.fix.engine"}
    assert top_level & NEVER_ON_A_ONE_FILE_RUN == set()
    # A plain run over a file with a fixable problem places the fix in the text, nothing more.
    code, modules, top_level = _modules_of_a_run(tmp_path, MISNUMBERED)
    assert code == 1
    assert modules == ONE_FILE_RUN_MODULES | {"validator.fix", "validator.fix.text_edits"}
    assert "ruamel" not in top_level
    # Fixing it checks the fix with the second reader.
    code, modules, top_level = _modules_of_a_run(tmp_path, MISNUMBERED, "--fix")
    assert code == 0
    assert {"validator.fix.engine", "validator.fix.verify"} <= modules
    assert "ruamel" in top_level


SHAPES = {"read": ReaderRule, "schema": SchemaRule, "data": DataRule, "cross-file": CrossFileRule}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.slug)
def test_every_rule_has_one_typed_shape_and_its_messages_beside_it(rule):
    assert isinstance(rule, ReaderRule | SchemaRule | DataRule | CrossFileRule | CommentRule)
    assert rule.stage in {"read", "schema", "data", "cross-file", "comments"}
    module = sys.modules[f"validator.rules.{rule.slug.replace('-', '_')}"]
    assert module.RULE is rule
    defined = [name for name, value in vars(module).items() if name.isupper() and isinstance(value, str)]
    if not isinstance(rule, ReaderRule):  # the reader's messages live with the reader
        assert defined, f"{rule.slug} defines no message of its own"


@pytest.mark.parametrize(
    ("name", "reference", "lang"), [("README.md", "docs/zh/rules.md", "zh"), ("README.en.md", "docs/rules.md", "en")]
)
def test_the_readme_rules_table_is_generated_from_the_registry(name, reference, lang):
    readme = (REPO / name).read_text(encoding="utf-8")
    assert README_TABLE_START in readme and README_TABLE_END in readme
    assert readme == with_readme_table(readme, reference, lang), (
        f"the {name} rules table is stale: run `python -m validator.docs`"
    )
    for rule in RULES:
        assert f"| {rule.code} | [`{rule.slug}`]({reference}#{rule.slug}) |" in readme


@pytest.mark.parametrize("switch", ["--debug", "GOALS_LINT_DEBUG=1"])
def test_an_internal_error_shows_its_traceback_only_when_asked(tmp_path, monkeypatch, switch):
    import validator.linter as linter

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(linter, "read_goal_file", broken)
    goal = str(write(tmp_path, "goal.yaml", VALID_GOAL))
    quiet = run(goal, "--lang", "en")
    assert quiet.code == 2
    assert quiet.err == (
        f"goals-lint: internal error while checking {goal}: ZeroDivisionError: a bug\n"
        "Please report this with that file (--debug shows where it failed).\n"
    )
    assert "Traceback" not in quiet.err
    if switch == "--debug":
        loud = run(goal, "--lang", "en", "--debug")
    else:
        monkeypatch.setenv("GOALS_LINT_DEBUG", "1")
        loud = run(goal, "--lang", "en")
    assert loud.code == 2
    assert "Traceback (most recent call last):" in loud.err
    assert 'raise ZeroDivisionError("a bug")' in loud.err
    assert loud.err.endswith(quiet.err)
    assert os.environ.get("GOALS_LINT_DEBUG") in (None, "1")
