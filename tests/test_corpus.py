"""The real-table corpus (tests/corpus): its goal files are the importer's output, its
truth points at places that exist, and the rules keep their measured precision and recall."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.real_tables import (
    CORPUS,
    HOUSE_PREFIX,
    MANDATED_PREFIX,
    RULE_CODES,
    SCORE_FILE,
    SPLITS,
    RuleScore,
    as_json,
    found,
    import_table,
    load_tables,
    load_truth,
    measure,
)
from validator.loader import read_goal_file
from validator.registry import RULES_BY_SLUG

TABLES = load_tables()
TRUTH = load_truth()
MANDATED = {slug for slug, code in RULE_CODES.items() if code.startswith(MANDATED_PREFIX)}


def _without_schema_comment(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# yaml-language-server:"))


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.id)
def test_each_goal_file_is_what_the_importer_makes_of_the_table(table, tmp_path):
    written = import_table(table, tmp_path)
    assert _without_schema_comment(written.read_text(encoding="utf-8")) == _without_schema_comment(
        table.goal_file.read_text(encoding="utf-8")
    ), f"{table.goal_file} is stale: run `python -m benchmarks.real_tables --import`"


def _resolve(data: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:]:
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.id)
def test_the_truth_names_known_rules_and_places_that_exist(table):
    truth = TRUTH[table.id]
    data = read_goal_file(str(table.goal_file)).data
    for rule, pointer in truth.findings | truth.quiet:
        assert rule in RULES_BY_SLUG, f"{table.id}: unknown rule {rule}"
        _resolve(data, pointer)  # raises if the place is not in the file
    assert not truth.findings & truth.quiet, f"{table.id}: a place is both a finding and quiet"
    assert truth.not_judged <= set(RULES_BY_SLUG)


def test_every_table_has_its_truth_and_both_halves_are_used():
    assert set(TRUTH) == {table.id for table in TABLES}
    assert {table.split for table in TABLES} == {"tuning", "held-out"}
    assert all(table.goal_file.is_relative_to(CORPUS / "goals" / table.split / str(table.year)) for table in TABLES)


# --- the measured score -------------------------------------------------------------------

SCORES = {split: measure(split) for split in SPLITS}
COMMITTED = json.loads(SCORE_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("split", SPLITS)
def test_the_mandated_rules_are_exact(split):
    mandated = SCORES[split].total(MANDATED_PREFIX)
    wrong = [place for place in SCORES[split].false_positives + SCORES[split].misses if place[1] in MANDATED]
    assert (mandated.false_positives, mandated.misses, wrong) == (0, 0, [])


@pytest.mark.parametrize("split", SPLITS)
def test_the_house_rules_keep_their_committed_precision_and_recall(split):
    house = SCORES[split].total(HOUSE_PREFIX)
    committed = RuleScore(*COMMITTED[split]["house"])
    # Ratios without findings are None: a half with no finding keeps having none.
    assert (house.precision or 0) >= (committed.precision or 0), SCORES[split].false_positives
    assert (house.recall or 0) >= (committed.recall or 0), SCORES[split].misses


@pytest.mark.parametrize("split", SPLITS)
def test_the_places_the_truth_names_as_quiet_stay_quiet(split):
    reported = found([table for table in TABLES if table.split == split])
    loud = [
        [table_id, *place] for table_id, places in reported.items() for place in sorted(places & TRUTH[table_id].quiet)
    ]
    # Only the false positives measured and recorded when the held-out half was scored.
    assert [place for place in loud if place not in COMMITTED[split]["false_positives"]] == []


def test_the_recorded_score_is_the_measured_one():
    assert as_json(SCORES) == COMMITTED, (
        "tests/corpus/score.json is stale: run `python -m benchmarks.real_tables --write`"
    )


def test_the_corpus_spans_eight_provinces_and_the_house_rules_meet_the_bar_on_the_held_out_half():
    import yaml

    sources = yaml.safe_load((CORPUS / "sources.yaml").read_text(encoding="utf-8"))
    assert len(sources) >= 15
    assert len({source["province"] for source in sources.values()}) >= 8
    house = SCORES["held-out"].total(HOUSE_PREFIX)
    assert house.precision is not None and house.precision >= 0.9
    assert house.recall is not None and house.recall >= 0.8
