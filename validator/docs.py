"""Rule documentation: the examples inside each rule's documentation (English: its
docstring; Chinese: its ``DOC_ZH``) and its fix's, docs/rules.md and docs/zh/rules.md, and the
rules table of README.md and README.en.md.

``python -m validator.docs`` rewrites them all; a test fails when a committed one is stale.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.diagnostics import Applicability
from validator.messages import define, render
from validator.registry import RULES
from validator.rule import DOC_SECTIONS, FIX_SECTION, Rule

# --- messages (zh, en) ---
OPTIONS_TITLE = define(
    "docs.options_title",
    zh="选项（在配置文件的 [tool.goals-lint.rules.规则名] 中设置）",
    en="Options (set in [tool.goals-lint.rules.RULE] of the configuration)",
)
OPTION_LINE = define(
    "docs.option_line",
    zh="`{name}`（默认：{default}）：",
    en="`{name}` (default: {default}): ",
)

# A YAML example; after the language, the path its file stands at, when the rule reads
# the path (```yaml goals/2023/example.yaml).
_YAML_BLOCK = re.compile(r"```yaml(?: (?P<path>[^\n]+))?\n(?P<text>.*?)```", re.DOTALL)


@dataclass(frozen=True)
class RuleExamples:
    failing: str  # lines marked `# <slug>` are exactly the lines the rule reports
    passing: str  # the rule reports nothing (for a fix: exactly what fixing gives)
    failing_path: str | None = None  # where each example's file stands, if its fence says
    passing_path: str | None = None


def rule_examples(rule: Rule, lang: str = "en") -> RuleExamples | None:
    """The YAML under ``## Example`` and under ``Use instead:`` (``## 示例``, ``改为：``), if any."""
    _, _, example_heading, use_instead = DOC_SECTIONS[lang]
    example_part = rule.documentation(lang).split(example_heading, 1)
    if len(example_part) != 2:
        return None
    failing_part, _, passing_part = example_part[1].partition(use_instead)
    failing = _YAML_BLOCK.search(failing_part)
    passing = _YAML_BLOCK.search(passing_part)
    if failing is None or passing is None:
        return None
    return RuleExamples(failing["text"], passing["text"], failing["path"], passing["path"])


def explanation(rule: Rule, lang: str) -> str:
    """What ``--explain RULE`` prints (and the language server shows on hover), in ``lang``."""
    text = f"{rule.code} {rule.slug}: {rule.summary[lang]}\n"
    fix_label = rule.fix_label()
    if fix_label is not None:
        text += render(fix_label, {}, lang) + "\n"
    text += f"\n{rule.documentation(lang).strip()}\n"
    if rule.options:
        text += f"\n## {render(OPTIONS_TITLE, {}, lang)}\n"
        for name, option in rule.options.items():
            default = ", ".join(option.default) if isinstance(option.default, tuple) else option.default
            text += f"- {render(OPTION_LINE, {'name': name, 'default': str(default)}, lang)}{option.help[lang]}\n"
    return text


def fix_examples(rule: Rule, lang: str = "en") -> RuleExamples | None:
    """What ``--fix`` (with ``--unsafe-fixes`` if the rule has unsafe fixes) makes of a file:
    the two YAML blocks of the ``## Fix`` (``## 修复``) section, or, if it has none, the
    failing example (without its `# <slug>` markers) and the passing one."""
    heading = re.escape(FIX_SECTION[lang])
    section = re.search(heading + r"\n(.*?)(?=^## |\Z)", rule.documentation(lang), re.DOTALL | re.MULTILINE)
    if section is None:
        return None
    blocks = list(_YAML_BLOCK.finditer(section.group(1)))
    if len(blocks) >= 2:
        return RuleExamples(blocks[0]["text"], blocks[1]["text"], blocks[0]["path"], blocks[1]["path"])
    examples = rule_examples(rule, lang)
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


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def chinese_rules_table(link: str) -> str:
    """The table of every rule in Chinese only, for the Chinese reference."""
    rows = ["| 代码 | 规则 | 默认级别 | 修复 | 说明 |\n|---|---|---|---|---|\n"]
    for rule in RULES:
        target = link.format(slug=rule.slug)
        severity = _SEVERITY_ZH[rule.default_severity.value]
        rows.append(
            f"| {rule.code} | [`{rule.slug}`]({target}) | {severity} | {_fix_flags(rule)} | {rule.summary['zh']} |\n"
        )
    return "".join(rows)


# What the generated reference says around the rules, in each language.
_REFERENCE: dict[str, dict[str, str]] = {
    "en": {
        "title": "# Rules\n\n",
        "generated": "<!-- Generated from the rule docstrings by `python -m validator.docs`; do not edit. -->\n\n",
        "other": "中文版：[zh/rules.md](zh/rules.md)\n\n",
        "options": "### Options\n\n| option | default | meaning |\n|---|---|---|\n",
        "measured": "## Measured on real tables\n\n",
        "about": "Twenty project performance-goal tables published by other regions than Guangzhou (8 provinces,\n"
        "2018–2025, `tests/corpus`), each with a ground truth written before the linter ran on it: ten\n"
        "tuned the rules, ten were held out. TP: findings the truth lists; FP: findings it does not;\n"
        "FN: defects the rule missed. `python -m benchmarks.real_tables` prints it, with every false\n"
        "positive and miss; `tests/test_corpus.py` fails when a mandated rule is not exact or the\n"
        "house rules fall below these figures.\n\n",
        "split": "{split} ({tables} tables): TP / FP / FN | precision | recall",
        "code": "code",
        "rule": "rule",
        "mandated": "mandated rules (GL1xx)",
        "house": "house rules (GL2xx)",
    },
    "zh": {
        "title": "# 规则\n\n",
        "generated": "<!-- 由 `python -m validator.docs` 根据各规则的 DOC_ZH 生成；请勿手工修改。 -->\n\n",
        "other": "English: [../rules.md](../rules.md)\n\n",
        "options": "### 选项\n\n| 选项 | 默认值 | 含义 |\n|---|---|---|\n",
        "measured": "## 在真实表格上的测量结果\n\n",
        "about": "广州以外地区公开发布的二十份项目支出绩效目标表（8 个省份，2018–2025 年，`tests/corpus`），\n"
        "每份都在检查工具运行之前写好了标准答案：十份用于调整规则，十份留作检验。TP：标准答案中有的\n"
        "发现；FP：标准答案中没有的发现；FN：规则漏掉的问题。`python -m benchmarks.real_tables` 打印\n"
        "这些结果以及每一处误报和漏报；强制规则不完全准确，或内部规则低于这些数字时，\n"
        "`tests/test_corpus.py` 失败。\n\n",
        "split": "{split}（{tables} 份表格）：TP / FP / FN | 精确率 | 召回率",
        "code": "代码",
        "rule": "规则",
        "mandated": "强制规则（GL1xx）",
        "house": "内部规则（GL2xx）",
    },
}
# What `python -m benchmarks.real_tables --write` measured on the corpus of real tables
# (only in the repository: an installed package has no corpus).
SCORE_FILE = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "score.json"
SPLITS = ("tuning", "held-out")
_SPLIT_NAMES = {"en": {"tuning": "tuning", "held-out": "held-out"}, "zh": {"tuning": "调整用", "held-out": "检验用"}}


def real_tables_section(score: dict[str, Any], lang: str = "en") -> str:
    """The measured precision and recall of the compliance rules on real tables."""
    words = _REFERENCE[lang]

    def ratio(part: int, whole: int) -> str:
        return f"{part / whole:.2f}" if whole else "—"

    def cells(counts: list[int]) -> str:
        tp, fp, fn = counts
        return f"{tp} / {fp} / {fn} | {ratio(tp, tp + fp)} | {ratio(tp, tp + fn)}"

    header = " | ".join(
        words["split"].format(split=_SPLIT_NAMES[lang][split], tables=score[split]["tables"]) for split in SPLITS
    )
    rows = [
        words["measured"],
        words["about"],
        f"| {words['code']} | {words['rule']} | {header} |\n|---|---|{'---|---|---|' * len(SPLITS)}\n",
    ]
    for rule in RULES:
        if not rule.code.startswith(("GL1", "GL2")):
            continue
        counts = " | ".join(cells(score[split]["rules"].get(rule.slug, [0, 0, 0])) for split in SPLITS)
        rows.append(f"| {rule.code} | `{rule.slug}` | {counts} |\n")
    for key in ("mandated", "house"):
        counts = " | ".join(cells(score[split][key]) for split in SPLITS)
        rows.append(f"| | **{words[key]}** | {counts} |\n")
    return "".join(rows)


def render_rules_markdown(lang: str = "en") -> str:
    words = _REFERENCE[lang]
    table = chinese_rules_table("#{slug}") if lang == "zh" else rules_table("#{slug}")
    parts = [words["title"], words["generated"], words["other"], table]
    if SCORE_FILE.is_file():
        parts.append("\n" + real_tables_section(json.loads(SCORE_FILE.read_text(encoding="utf-8")), lang))
    for rule in RULES:
        doc = re.sub(r"^## ", "### ", rule.documentation(lang).strip(), flags=re.MULTILINE)
        severity = _SEVERITY_ZH[rule.default_severity.value] if lang == "zh" else rule.default_severity.value
        label = rule.fix_label()
        fixes = f" · {render(label, {}, lang)}" if label is not None else ""
        parts.append(f"\n## {rule.slug}\n\n`{rule.code}` · {severity} · {rule.summary[lang]}{fixes}\n\n")
        if rule.options:
            parts.append(words["options"])
            for name, option in rule.options.items():
                parts.append(f"| `{name}` | `{option.default!r}` | {option.help[lang]} |\n")
            parts.append("\n")
        parts.append(doc + "\n")
    return "".join(parts)


README_TABLE_START = "<!-- rules table: generated by `python -m validator.docs`; do not edit -->\n"
README_TABLE_END = "<!-- end of rules table -->\n"


def with_readme_table(readme: str, rules_link: str = "docs/rules.md", lang: str = "en") -> str:
    """``readme`` with the rules table between its markers made anew from the registry
    (in Chinese only for the Chinese README, in both languages for the English one)."""
    start = readme.index(README_TABLE_START) + len(README_TABLE_START)
    end = readme.index(README_TABLE_END, start)
    link = rules_link + "#{slug}"
    table = chinese_rules_table(link) if lang == "zh" else rules_table(link)
    return readme[:start] + "\n" + table + "\n" + readme[end:]


# Each generated file of the repository and how it is made from what it holds now.
GENERATED: dict[str, Callable[[str], str]] = {
    "docs/rules.md": lambda _: render_rules_markdown("en"),
    "docs/zh/rules.md": lambda _: render_rules_markdown("zh"),
    "README.md": lambda text: with_readme_table(text, "docs/zh/rules.md", "zh"),
    "README.en.md": lambda text: with_readme_table(text, "docs/rules.md"),
}


def main(argv: list[str] | None = None) -> int:
    """Rewrite the generated files of the repository (or, given a path, write the English
    rules reference there)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        _write(Path(argv[0]), render_rules_markdown("en"))
        return 0
    repository = Path(__file__).resolve().parent.parent
    for name, make in GENERATED.items():
        path = repository / name
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        _write(path, make(current))
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


if __name__ == "__main__":
    raise SystemExit(main())
