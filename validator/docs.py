"""Rule documentation: the examples inside each rule's docstring, and docs/rules.md.

``python -m validator.docs docs/rules.md`` rewrites the reference; a test fails when
the committed file is stale.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from validator.registry import RULES
from validator.rule import Rule

_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class RuleExamples:
    failing: str  # lines marked `# <slug>` are exactly the lines the rule reports
    passing: str  # the rule reports nothing


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
    return RuleExamples(failing.group(1), passing.group(1))


def marked_lines(example: str, slug: str) -> list[int]:
    marker = f"# {slug}"
    return [number for number, line in enumerate(example.splitlines(), 1) if line.rstrip().endswith(marker)]


def render_rules_markdown() -> str:
    parts = [
        "# Rules\n\n",
        "<!-- Generated from the rule docstrings by `python -m validator.docs docs/rules.md`; do not edit. -->\n\n",
        "| code | rule | default severity | 说明 | summary |\n|---|---|---|---|---|\n",
    ]
    for rule in RULES:
        parts.append(
            f"| {rule.code} | [`{rule.slug}`](#{rule.slug}) | {rule.default_severity.value} "
            f"| {rule.summary['zh']} | {rule.summary['en']} |\n"
        )
    for rule in RULES:
        doc = re.sub(r"^## ", "### ", rule.doc.strip(), flags=re.MULTILINE)
        parts.append(f"\n## {rule.slug}\n\n`{rule.code}` · {rule.default_severity.value} · {rule.summary['zh']}\n\n")
        if rule.options:
            parts.append("### Options\n\n| option | default | meaning |\n|---|---|---|\n")
            for name, option in rule.options.items():
                parts.append(f"| `{name}` | `{option.default!r}` | {option.help} |\n")
            parts.append("\n")
        parts.append(doc + "\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render_rules_markdown()
    if argv:
        with open(argv[0], "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
