"""Rule documentation: the examples inside each rule's docstring (and its fix's), and docs/rules.md.

``python -m validator.docs docs/rules.md`` rewrites the reference; a test fails when
the committed file is stale.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.diagnostics import Applicability
from validator.messages import render
from validator.registry import RULES
from validator.rule import Rule

# A YAML example; after the language, the path its file stands at, when the rule reads
# the path (```yaml goals/2023/example.yaml).
_YAML_BLOCK = re.compile(r"```yaml(?: (?P<path>[^\n]+))?\n(?P<text>.*?)```", re.DOTALL)


@dataclass(frozen=True)
class RuleExamples:
    failing: str  # lines marked `# <slug>` are exactly the lines the rule reports
    passing: str  # the rule reports nothing (for a fix: exactly what fixing gives)
    failing_path: str | None = None  # where each example's file stands, if its fence says
    passing_path: str | None = None


def rule_examples(rule: Rule) -> RuleExamples | None:
    """The YAML under ``## Example`` and under ``Use instead:``, if the doc has them."""
    example_part = rule.doc.split("## Example", 1)
    if len(example_part) != 2:
        return None
    failing_part, _, passing_part = example_part[1].partition("Use instead:")
    failing = _YAML_BLOCK.search(failing_part)
    passing = _YAML_BLOCK.search(passing_part)
    if failing is None or passing is None:
        return None
    return RuleExamples(failing["text"], passing["text"], failing["path"], passing["path"])


def explanation(rule: Rule, lang: str) -> str:
    """What ``--explain RULE`` prints (and the language server shows on hover)."""
    text = f"{rule.code} {rule.slug}: {rule.summary[lang]}\n"
    fix_label = rule.fix_label()
    if fix_label is not None:
        text += render(fix_label, {}, lang) + "\n"
    text += f"\n{rule.doc.strip()}\n"
    if rule.options:
        text += "\n## Options\n"
        for name, option in rule.options.items():
            default = ", ".join(option.default) if isinstance(option.default, tuple) else option.default
            text += f"- `{name}` (default: {default}): {option.help}\n"
    return text


def fix_examples(rule: Rule) -> RuleExamples | None:
    """What ``--fix`` (with ``--unsafe-fixes`` if the rule has unsafe fixes) makes of a file:
    the two YAML blocks of the ``## Fix`` section, or, if it has none, the failing example
    (without its `# <slug>` markers) and the passing one."""
    section = re.search(r"^## Fix\n(.*?)(?=^## |\Z)", rule.doc, re.DOTALL | re.MULTILINE)
    if section is None:
        return None
    blocks = list(_YAML_BLOCK.finditer(section.group(1)))
    if len(blocks) >= 2:
        return RuleExamples(blocks[0]["text"], blocks[1]["text"], blocks[0]["path"], blocks[1]["path"])
    examples = rule_examples(rule)
    if examples is None:
        return None
    unmarked = re.sub(rf"[ \t]+# {re.escape(rule.slug)}$", "", examples.failing, flags=re.MULTILINE)
    return RuleExamples(unmarked, examples.passing, examples.failing_path, examples.passing_path)


def marked_lines(example: str, slug: str) -> list[int]:
    marker = f"# {slug}"
    return [number for number, line in enumerate(example.splitlines(), 1) if line.rstrip().endswith(marker)]


def rules_table(link: str) -> str:
    """The table of every rule; ``link`` is where a rule's section is (``#{slug}``)."""
    rows = ["| code | rule | default severity | fix | 说明 | summary |\n|---|---|---|---|---|---|\n"]
    for rule in RULES:
        target = link.format(slug=rule.slug)
        rows.append(
            f"| {rule.code} | [`{rule.slug}`]({target}) | {rule.default_severity.value} | {_fix_flags(rule)} "
            f"| {rule.summary['zh']} | {rule.summary['en']} |\n"
        )
    return "".join(rows)


def _fix_flags(rule: Rule) -> str:
    """How a rule's problems are fixed, as the options that do it."""
    flags = {Applicability.SAFE: "`--fix`", Applicability.UNSAFE: "`--unsafe-fixes`"}
    return ", ".join(flags[kind] for kind in (Applicability.SAFE, Applicability.UNSAFE) if kind in rule.fixes)


# What `python -m benchmarks.real_tables --write` measured on the corpus of real tables
# (only in the repository: an installed package has no corpus).
SCORE_FILE = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "score.json"
SPLITS = ("tuning", "held-out")


def real_tables_section(score: dict[str, Any]) -> str:
    """The measured precision and recall of the compliance rules on real tables."""

    def ratio(part: int, whole: int) -> str:
        return f"{part / whole:.2f}" if whole else "—"

    def cells(counts: list[int]) -> str:
        tp, fp, fn = counts
        return f"{tp} / {fp} / {fn} | {ratio(tp, tp + fp)} | {ratio(tp, tp + fn)}"

    header = " | ".join(
        f"{split} ({score[split]['tables']} tables): TP / FP / FN | precision | recall" for split in SPLITS
    )
    rows = [
        "## Measured on real tables\n\n",
        "Twenty project performance-goal tables published by other regions than Guangzhou (8 provinces,\n"
        "2018–2025, `tests/corpus`), each with a ground truth written before the linter ran on it: ten\n"
        "tuned the rules, ten were held out. TP: findings the truth lists; FP: findings it does not;\n"
        "FN: defects the rule missed. `python -m benchmarks.real_tables` prints it, with every false\n"
        "positive and miss; `tests/test_corpus.py` fails when a mandated rule is not exact or the\n"
        "house rules fall below these figures.\n\n",
        f"| code | rule | {header} |\n|---|---|{'---|---|---|' * len(SPLITS)}\n",
    ]
    for rule in RULES:
        if not rule.code.startswith(("GL1", "GL2")):
            continue
        counts = " | ".join(cells(score[split]["rules"].get(rule.slug, [0, 0, 0])) for split in SPLITS)
        rows.append(f"| {rule.code} | `{rule.slug}` | {counts} |\n")
    for label, key in (("mandated rules (GL1xx)", "mandated"), ("house rules (GL2xx)", "house")):
        counts = " | ".join(cells(score[split][key]) for split in SPLITS)
        rows.append(f"| | **{label}** | {counts} |\n")
    return "".join(rows)


def render_rules_markdown() -> str:
    parts = [
        "# Rules\n\n",
        "<!-- Generated from the rule docstrings by `python -m validator.docs`; do not edit. -->\n\n",
        rules_table("#{slug}"),
    ]
    if SCORE_FILE.is_file():
        parts.append("\n" + real_tables_section(json.loads(SCORE_FILE.read_text(encoding="utf-8"))))
    for rule in RULES:
        doc = re.sub(r"^## ", "### ", rule.doc.strip(), flags=re.MULTILINE)
        label = rule.fix_label()
        fixes = f" · {render(label, {}, 'zh')}" if label is not None else ""
        parts.append(
            f"\n## {rule.slug}\n\n`{rule.code}` · {rule.default_severity.value} · {rule.summary['zh']}{fixes}\n\n"
        )
        if rule.options:
            parts.append("### Options\n\n| option | default | meaning |\n|---|---|---|\n")
            for name, option in rule.options.items():
                parts.append(f"| `{name}` | `{option.default!r}` | {option.help} |\n")
            parts.append("\n")
        parts.append(doc + "\n")
    return "".join(parts)


README_TABLE_START = "<!-- rules table: generated by `python -m validator.docs`; do not edit -->\n"
README_TABLE_END = "<!-- end of rules table -->\n"


def with_readme_table(readme: str) -> str:
    """``readme`` with the rules table between its markers made anew from the registry."""
    start = readme.index(README_TABLE_START) + len(README_TABLE_START)
    end = readme.index(README_TABLE_END, start)
    return readme[:start] + "\n" + rules_table("docs/rules.md#{slug}") + "\n" + readme[end:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite docs/rules.md and the README's rules table in the repository (or, given a
    path, write the rules reference there)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        _write(Path(argv[0]), render_rules_markdown())
        return 0
    repository = Path(__file__).resolve().parent.parent
    _write(repository / "docs" / "rules.md", render_rules_markdown())
    readme = repository / "README.md"
    _write(readme, with_readme_table(readme.read_text(encoding="utf-8")))
    return 0


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


if __name__ == "__main__":
    raise SystemExit(main())
