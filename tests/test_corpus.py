"""The real-table corpus (tests/corpus): its goal files are the importer's output, its
truth points at places that exist, and the rules keep their measured precision and recall."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.real_tables import CORPUS, import_table, load_tables, load_truth
from validator.loader import read_goal_file
from validator.registry import RULES_BY_SLUG

TABLES = load_tables()
TRUTH = load_truth()


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
