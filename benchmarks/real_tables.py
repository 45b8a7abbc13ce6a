"""How well the rules hold on real published tables: per rule, what the linter finds in
``tests/corpus`` against the corpus's ground truth.

    python -m benchmarks.real_tables                   # both halves, as a table
    python -m benchmarks.real_tables --split held-out  # one half
    python -m benchmarks.real_tables --write           # also record tests/corpus/score.json
    python -m benchmarks.real_tables --import          # rewrite the goal files from tables/*.csv

A finding is a rule and a place (a JSON Pointer in the table's goal file). A true
positive is a finding the truth lists, a false positive one it does not, a miss one the
linter did not report. Rules listed as ``not_judged`` for a table are left out of its
score both ways. Mandated rules are the GL1xx codes, house rules the GL2xx codes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from validator.config import Config
from validator.linter import Selection, lint_files
from validator.registry import RULES

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = REPOSITORY / "tests" / "corpus"
SCORE_FILE = CORPUS / "score.json"
SPLITS = ("tuning", "held-out")
MANDATED_PREFIX = "GL1"
HOUSE_PREFIX = "GL2"
RULE_CODES = {rule.slug: rule.code for rule in RULES}

Place = tuple[str, str]  # (rule slug, JSON Pointer)


class CorpusTable(NamedTuple):
    id: str
    split: str
    year: int
    csv: Path  # the transcription
    goal_file: Path  # what `goals-lint import` made of it


class Truth(NamedTuple):
    findings: frozenset[Place]
    quiet: frozenset[Place]
    not_judged: frozenset[str]


class RuleScore(NamedTuple):
    true_positives: int = 0
    false_positives: int = 0
    misses: int = 0

    @property
    def precision(self) -> float | None:
        reported = self.true_positives + self.false_positives
        return self.true_positives / reported if reported else None

    @property
    def recall(self) -> float | None:
        expected = self.true_positives + self.misses
        return self.true_positives / expected if expected else None

    def __add__(self, other: object) -> RuleScore:
        assert isinstance(other, RuleScore)
        return RuleScore(*(mine + theirs for mine, theirs in zip(self, other, strict=True)))


class SplitScore(NamedTuple):
    tables: int
    rules: dict[str, RuleScore]  # by slug, every rule of the registry
    # Each finding that counted, for a reader who wants to see them: (table, rule, pointer).
    false_positives: list[tuple[str, str, str]]
    misses: list[tuple[str, str, str]]

    def total(self, prefix: str) -> RuleScore:
        scores = [score for slug, score in self.rules.items() if RULE_CODES[slug].startswith(prefix)]
        return sum(scores, RuleScore())


def load_tables() -> list[CorpusTable]:
    sources = yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))
    tables = []
    for table_id, source in sources.items():
        (csv_file,) = (CORPUS / "tables").glob(f"{table_id}-*.csv")
        goal_file = CORPUS / "goals" / source["split"] / str(source["year"]) / f"{table_id}.yaml"
        tables.append(CorpusTable(table_id, source["split"], source["year"], csv_file, goal_file))
    return tables


def load_truth() -> dict[str, Truth]:
    document = yaml.safe_load((CORPUS / "truth.yaml").read_text(encoding="utf-8"))
    return {
        table_id: Truth(
            frozenset((item["rule"], item["at"]) for item in entry.get("findings") or ()),
            frozenset((item["rule"], item["at"]) for item in entry.get("quiet") or ()),
            frozenset(entry.get("not_judged") or ()),
        )
        for table_id, entry in document.items()
    }


def import_table(table: CorpusTable, out: Path) -> Path:
    """Run ``goals-lint import`` on the table's CSV into ``out``; the goal file it wrote."""
    from validator.cli import main

    before = set(out.iterdir()) if out.is_dir() else set()
    messages = io.StringIO()
    code = main(
        ["import", str(table.csv), "--out", str(out), "--year", str(table.year), "--force", "--lang", "en"],
        out=io.StringIO(),
        err=messages,
    )
    if code != 0:
        raise RuntimeError(f"{table.csv.name} does not import:\n{messages.getvalue()}")
    (written,) = set(out.iterdir()) - before
    return written


def rewrite_goal_files(tables: Iterable[CorpusTable]) -> None:
    """Import every table into its place: goals/<split>/<year>/<id>.yaml.

    The import goes into the goal file's own folder, so that the schema comment it
    writes points the right way; the file it names after the project is then renamed.
    """
    for table in tables:
        table.goal_file.parent.mkdir(parents=True, exist_ok=True)
        import_table(table, table.goal_file.parent).replace(table.goal_file)


def found(tables: Sequence[CorpusTable]) -> dict[str, set[Place]]:
    """What the linter reports in each table, every rule on, by (rule, pointer)."""
    by_path = {os.path.normpath(str(table.goal_file)): table.id for table in tables}
    selection = Selection.build(Config(root=str(CORPUS)))
    result = lint_files([str(table.goal_file) for table in tables], selection)
    places: dict[str, set[Place]] = {table.id: set() for table in tables}
    for diagnostic in result.diagnostics:
        places[by_path[os.path.normpath(diagnostic.path)]].add((diagnostic.rule, diagnostic.pointer))
    return places


def score(tables: Sequence[CorpusTable], truth: Mapping[str, Truth], reported: Mapping[str, set[Place]]) -> SplitScore:
    rules = {rule.slug: RuleScore() for rule in RULES}
    false_positives, misses = [], []
    for table in tables:
        expected = truth[table.id]
        judged = {place for place in reported[table.id] if place[0] not in expected.not_judged}
        wanted = {place for place in expected.findings if place[0] not in expected.not_judged}
        for place in judged | wanted:
            wrong, missed = place not in wanted, place not in judged
            rules[place[0]] += RuleScore(int(not wrong and not missed), int(wrong), int(missed))
            if wrong:
                false_positives.append((table.id, *place))
            if missed:
                misses.append((table.id, *place))
    return SplitScore(len(tables), rules, sorted(false_positives), sorted(misses))


def measure(split: str) -> SplitScore:
    tables = [table for table in load_tables() if table.split == split]
    return score(tables, load_truth(), found(tables))


def as_json(scores: Mapping[str, SplitScore]) -> dict[str, Any]:
    """What score.json records: the counts per rule ([true positives, false positives,
    misses]), the two totals, and each false positive and miss as (table, rule, pointer)."""
    recorded: dict[str, Any] = {}
    for split, split_score in scores.items():
        recorded[split] = {
            "tables": split_score.tables,
            "rules": {slug: list(rule_score) for slug, rule_score in split_score.rules.items() if any(rule_score)},
            "mandated": list(split_score.total(MANDATED_PREFIX)),
            "house": list(split_score.total(HOUSE_PREFIX)),
            "false_positives": [list(place) for place in split_score.false_positives],
            "misses": [list(place) for place in split_score.misses],
        }
    return recorded


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def report(scores: Mapping[str, SplitScore]) -> str:
    lines = []
    for split, split_score in scores.items():
        lines.append(f"{split} ({split_score.tables} tables)")
        lines.append(f"  {'rule':<26}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
        rows = [(f"{RULE_CODES[slug]} {slug}", rule_score) for slug, rule_score in split_score.rules.items()]
        rows += [
            ("mandated (GL1xx)", split_score.total(MANDATED_PREFIX)),
            ("house (GL2xx)", split_score.total(HOUSE_PREFIX)),
        ]
        for label, rule_score in rows:
            tp, fp, fn = rule_score
            lines.append(
                f"  {label:<26}{tp:>5}{fp:>5}{fn:>5}{_ratio(rule_score.precision):>11}{_ratio(rule_score.recall):>8}"
            )
        for kind, places in (("false positive", split_score.false_positives), ("miss", split_score.misses)):
            lines.extend(f"  {kind}: {table_id} {rule} {pointer}" for table_id, rule, pointer in places)
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_tables", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="one half only (default: both)")
    parser.add_argument(
        "--write", action="store_true", help=f"record the score in {SCORE_FILE.relative_to(REPOSITORY)}"
    )
    parser.add_argument("--import", dest="reimport", action="store_true", help="rewrite the goal files from tables/")
    args = parser.parse_args(argv)
    if args.reimport:
        rewrite_goal_files(load_tables())
    splits = (args.split,) if args.split else SPLITS
    scores = {split: measure(split) for split in splits}
    sys.stdout.write(report(scores))
    if args.write:
        if args.split:
            parser.error("--write records both halves; leave out --split")
        text = json.dumps(as_json(scores), indent=2)
        # One line per rule: [true positives, false positives, misses].
        text = re.sub(r"\[\s+([^\[\]]+?),\s+([^\[\]]+?),\s+([^\[\]]+?)\s+\]", r"[\1, \2, \3]", text)
        SCORE_FILE.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
