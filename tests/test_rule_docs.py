"""Rule documentation: ruff's sections, examples that really run, docs/rules.md fresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_json, write

from validator.diagnostics import Applicability
from validator.docs import fix_examples, marked_lines, render_rules_markdown, rule_examples
from validator.registry import RULES

REPO = Path(__file__).resolve().parent.parent
# Rules about the file system rather than file content cannot show a YAML example.
WITHOUT_YAML_EXAMPLES = {"unreadable-file"}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.slug)
def test_rule_doc_has_the_sections(rule):
    for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
        assert section in rule.doc, f"{rule.slug} lacks {section!r}"
    assert rule.summary["zh"] and rule.summary["en"]


@pytest.mark.parametrize("rule", [r for r in RULES if r.slug not in WITHOUT_YAML_EXAMPLES], ids=lambda r: r.slug)
def test_rule_examples_report_exactly_the_marked_lines(rule, tmp_path):
    examples = rule_examples(rule)
    assert examples is not None, f"{rule.slug} has no failing and passing YAML examples"
    expected = marked_lines(examples.failing, rule.slug)
    assert expected, f"{rule.slug}'s failing example marks no line with `# {rule.slug}`"
    # A cross-file rule needs another file to compare with: the failing example
    # stands in two files, and both are reported. An example whose fence gives its path
    # (a rule about where a file sits) stands there, alone.
    if examples.failing_path:
        files: tuple[str, ...] = (examples.failing_path,)
    else:
        files = ("a-copy.yaml", "example.yaml") if rule.stage == "cross-file" else ("example.yaml",)

    for name in files:
        write(tmp_path, f"failing/{name}", examples.failing)
    # All rules, --strict: the example shows this rule's problem and no other, and a
    # warning-level rule's example fails the run too.
    failing = run_json(str(tmp_path / "failing"), "--strict")
    assert sorted({(Path(d["path"]).name, d["line"]) for d in failing.diagnostics}) == [
        (Path(name).name, line) for name in files for line in expected
    ]
    assert {d["rule"] for d in failing.diagnostics} == {rule.slug}
    assert failing.code == 1

    if examples.passing_path:
        write(tmp_path, f"passing/{examples.passing_path}", examples.passing)
    for name in () if examples.passing_path else files:  # the first keeps the failing example: they must not clash
        write(tmp_path, f"passing/{name}", examples.failing if name != "example.yaml" else examples.passing)
    passing = run_json(str(tmp_path / "passing"), "--strict")  # clean under every rule: a model to copy
    assert [(d["line"], d["rule"]) for d in passing.diagnostics] == []
    assert passing.code == 0


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.slug)
def test_a_rule_has_a_fix_section_exactly_when_it_fixes(rule):
    assert ("\n## Fix\n" in rule.doc) == bool(rule.fixes), rule.slug
    assert (fix_examples(rule) is not None) == bool(rule.fixes)


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixes], ids=lambda r: r.slug)
def test_fixing_the_fix_example_gives_exactly_the_fixed_one(rule, tmp_path):
    examples = fix_examples(rule)
    assert examples is not None
    unsafe = ["--unsafe-fixes"] if Applicability.UNSAFE in rule.fixes else []
    path = write(tmp_path, "goals/example.yaml", examples.failing)
    before = run_json(str(path), "--select", rule.slug, *unsafe)
    offered = {d["fix"]["applicability"] for d in before.diagnostics if d["fix"]}
    assert offered and offered <= {kind.value for kind in rule.fixes}
    fixed = run_json(str(path), "--select", rule.slug, "--fix", *unsafe)
    assert fixed.diagnostics == []
    assert fixed.report["fixed"] >= 1
    assert path.read_text(encoding="utf-8") == examples.passing


def test_docs_rules_md_is_generated_from_the_docstrings():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), "docs/rules.md is stale: run `python -m validator.docs docs/rules.md`"
