"""The baseline: record today's problems, fail only on new ones."""

from __future__ import annotations

import json
import re

import pytest
from support import VALID_GOAL, run, write

TYPO = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标")
UNKNOWN_FIELD = VALID_GOAL.replace("    target: 200项\n", "    target: 200项\n    备注: 原表如此\n")


@pytest.fixture
def flawed(tmp_path, monkeypatch):
    """A repository whose goals/ has two flawed files and one clean one; cwd is its root."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, "goals/2022/typo.yaml", TYPO.replace("广州移动", "广州一期"))
    write(tmp_path, "goals/2022/extra.yaml", UNKNOWN_FIELD.replace("广州移动", "广州二期"))
    write(tmp_path, "goals/2022/good.yaml", VALID_GOAL)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_baseline_then_pass_then_fail_on_a_new_problem(flawed):
    assert run("goals").code == 1
    written = run("--write-baseline", "--lang", "en")
    assert written.code == 0
    assert written.err == (
        "Wrote the baseline .goals-lint-baseline.json: 2 problems in 2 entries. "
        "Commit it; later runs report only new problems.\n"
    )
    baseline = json.loads((flawed / ".goals-lint-baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1
    assert [(e["file"], e["code"], e["pointer"], e["count"]) for e in baseline["entries"]] == [
        ("goals/2022/extra.yaml", "GL002", "/indicators/1/备注", 1),
        ("goals/2022/typo.yaml", "GL002", "/indicators/0/categroy", 1),
    ]

    quiet = run("goals", "--lang", "en")  # the default baseline is read without being named
    assert (quiet.code, quiet.err) == (0, "")
    assert quiet.out == (
        "Checked 3 files: no problems found. The baseline .goals-lint-baseline.json hid 2 known problems.\n"
    )

    write(
        flawed,
        "goals/2022/good.yaml",
        VALID_GOAL.replace("    name: 外部服务对接和建设数量", "    nme: 外部服务对接和建设数量"),
    )
    new = run("goals", "--lang", "en")
    assert new.code == 1
    assert new.out.splitlines() == [
        "goals/2022/good.yaml:14:5: GL002 unknown field `nme`; did you mean `name` (indicator name)? [schema]",
        "Checked 3 files: 1 error, 0 warnings, 0 notes in 1 file. 1 fixable with --fix --unsafe-fixes. "
        "The baseline .goals-lint-baseline.json hid 2 known problems.",
    ]
    everything = run("goals", "--no-baseline", "--format", "json")
    assert len(everything.report["diagnostics"]) == 3
    assert everything.report["baseline"] is None


def test_recorded_problems_stay_hidden_when_lines_move(flawed):
    run("--write-baseline")
    typo = flawed / "goals/2022/typo.yaml"
    typo.write_text("# 新增的说明\n# 第二行\n" + typo.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("goals").code == 0


def test_an_entry_counted_twice_that_occurs_once_is_stale_for_the_rest(flawed):
    run("--write-baseline")
    baseline = flawed / ".goals-lint-baseline.json"
    document = json.loads(baseline.read_text(encoding="utf-8"))
    document["entries"][0]["count"] = 2  # as if the file had had the problem twice
    baseline.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("goals", "--format", "json", "--strict")
    assert result.code == 1  # one recorded occurrence no longer occurs: stale, and --strict fails on it
    assert result.report["diagnostics"] == []
    assert result.report["baseline"] == {"path": ".goals-lint-baseline.json", "hidden": 2, "stale_entries": 1}
    assert result.err.splitlines() == [
        "goals-lint: 1 entry of the baseline .goals-lint-baseline.json matched nothing (the problem was fixed, or the file "
        "changed); run `goals-lint --write-baseline` to drop them:",
        "  goals/2022/extra.yaml: GL002 unknown field `备注`; did you mean `notes` (notes)? [schema]",
    ]


def test_a_fixed_problem_is_reported_stale_and_fails_only_under_strict(flawed):
    run("--write-baseline")
    write(flawed, "goals/2022/typo.yaml", VALID_GOAL.replace("广州移动", "广州一期"))
    relaxed = run("goals", "--lang", "en")
    assert relaxed.code == 0
    assert relaxed.err.splitlines()[1] == (
        "  goals/2022/typo.yaml: GL002 unknown field `categroy`; did you mean `category` (first-level category)? "
        "[schema]"
    )
    assert run("goals", "--strict").code == 1
    # Rewriting the baseline drops the fixed entry.
    run("--write-baseline")
    assert run("goals", "--strict").code == 0


def test_a_run_on_some_files_does_not_call_the_others_stale(flawed):
    run("--write-baseline")
    result = run("goals/2022/good.yaml", "--strict")
    assert (result.code, result.err) == (0, "")


def test_writing_the_baseline_for_some_files_keeps_the_entries_of_the_others(flawed):
    run("--write-baseline")
    write(flawed, "goals/2022/typo.yaml", VALID_GOAL.replace("广州移动", "广州一期"))
    run("goals/2022/typo.yaml", "--write-baseline")
    entries = json.loads((flawed / ".goals-lint-baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [entry["file"] for entry in entries] == ["goals/2022/extra.yaml"]


def test_baseline_file_is_sorted_stable_utf8_with_chinese_as_written(flawed):
    run("--write-baseline")
    first = (flawed / ".goals-lint-baseline.json").read_bytes()
    run("--write-baseline")
    assert (flawed / ".goals-lint-baseline.json").read_bytes() == first
    text = first.decode("utf-8")
    assert "备注" in text and "\\u" not in text
    assert text.endswith("}\n")


def test_an_explicit_baseline_file(flawed):
    written = run("--write-baseline", "--baseline", "ci/known.json", "--lang", "en")
    assert written.code == 0
    assert not (flawed / ".goals-lint-baseline.json").exists()
    assert run("goals").code == 1
    assert run("goals", "--baseline", "ci/known.json").code == 0


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("{not json", "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"),
        (
            '{"version": 2, "entries": []}',
            "not a goals-lint baseline (expected an object with `version`: 1 and a list of `entries`)",
        ),
        (
            '{"version": 1, "entries": [{"file": "a.yaml"}]}',
            "entry 1 must have text `file`, `code`, `pointer`, `message_id`, an object `params` and a positive "
            "integer `count`",
        ),
    ],
)
def test_a_malformed_baseline_exits_2_with_a_clear_message(flawed, content, detail):
    write(flawed, ".goals-lint-baseline.json", content)
    result = run("goals", "--lang", "en")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"goals-lint: error: the baseline .goals-lint-baseline.json is malformed: {detail}; "
        "regenerate it with `goals-lint --write-baseline`\n"
    )
    assert run("goals", "--no-baseline").code == 1  # still usable without it


def test_a_missing_explicit_baseline_exits_2(flawed):
    result = run("goals", "--baseline", "nope.json", "--lang", "zh")
    assert (result.code, result.err) == (2, "goals-lint: 错误：找不到基线文件：nope.json\n")


def test_sarif_carries_the_hidden_count(flawed):
    run("--write-baseline")
    log = json.loads(run("goals", "--format", "sarif").out)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["properties"]["hiddenByBaseline"] == 2


def test_the_chinese_summary_joins_its_sentences_without_a_space(flawed):
    run("--write-baseline")
    assert run("goals", "--lang", "zh").out == (
        "已检查 3 个文件，未发现问题。基线 .goals-lint-baseline.json 隐藏了 2 个已知问题。\n"
    )
    write(
        flawed,
        "goals/2022/good.yaml",
        VALID_GOAL.replace("    name: 外部服务对接和建设数量", "    nme: 外部服务对接和建设数量"),
    )
    assert run("goals", "--lang", "zh").out.splitlines()[-1] == (
        "已检查 3 个文件：1 个错误，0 个警告，0 个提示（涉及 1 个文件）。其中 1 个问题可加 --fix --unsafe-fixes 修复。"
        "基线 .goals-lint-baseline.json 隐藏了 2 个已知问题。"
    )


DUPLICATE_NAME = VALID_GOAL.replace("    name: 外部服务对接和建设数量", "    name: 移动服务平台年提供服务次数")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "zh",
            "  goals/2022/good.yaml: GL103 指标名称与第 1 项指标“移动服务平台年提供服务次数”重复；请合并或改名 [duplicate-indicator]",
        ),
        (
            "en",
            "  goals/2022/good.yaml: GL103 same indicator name as indicator 1 (“移动服务平台年提供服务次数”); "
            "merge them or rename one [duplicate-indicator]",
        ),
    ],
    ids=["zh", "en"],
)
def test_a_stale_entry_is_listed_without_the_line_it_no_longer_has(flawed, lang, line):
    write(flawed, "goals/2022/good.yaml", DUPLICATE_NAME)
    run("--write-baseline")
    write(flawed, "goals/2022/good.yaml", VALID_GOAL)  # fixed: the entry is stale
    result = run("goals", "--lang", lang)
    assert result.code == 0
    assert result.err.splitlines()[1:] == [line]


def test_no_stale_message_shows_a_question_mark_for_a_line():
    """Every message with a line number renders without it when listed as stale."""
    from validator.baseline import entry_message
    from validator.identity import Identity as Key
    from validator.messages import MESSAGES, placeholders

    with_lines = [
        message_id
        for message_id, texts in MESSAGES.items()
        if any(name.endswith("_line") for name in placeholders(texts["en"]))
    ]
    assert "rule.duplicate_indicator.name" in with_lines
    for message_id in with_lines:
        for lang in ("zh", "en"):
            params = {name: "X" for name in placeholders(MESSAGES[message_id][lang]) if not name.endswith("_line")}
            text = entry_message(Key("a.yaml", "GL000", "/", message_id, json.dumps(params)), lang)
            assert "?" not in text and "\x00" not in text, (message_id, lang, text)
            assert not re.search(r"第\s*行|（\s*）|\(\s*\)|\bline\b\s*[);,.]|at line|\s[;,，；]", text), (
                message_id,
                lang,
                text,
            )


INDICATOR_AT_THE_TOP = "indicators:\n  - seq: 1\n    category: 产出指标\n    name: 新增的指标\n    target: 10个\n"


def test_inserting_an_indicator_above_a_known_problem_keeps_it_hidden(flawed):
    run("--write-baseline")
    typo = flawed / "goals/2022/typo.yaml"
    typo.write_text(typo.read_text(encoding="utf-8").replace("indicators:\n", INDICATOR_AT_THE_TOP), encoding="utf-8")
    # The misspelt field moved from /indicators/0 to /indicators/1: the same problem, not a new one.
    result = run("goals", "--strict", "--lang", "en")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Checked 3 files: no problems found. The baseline .goals-lint-baseline.json hid 2 known problems.\n"
    )


VAGUE = VALID_GOAL.replace("    target: 200项", "    target: 明显提升")


def test_moved_problems_match_the_nearest_entry_and_a_new_copy_still_shows(flawed):
    # The same vague target in two indicators (1 and 2); a third indicator is inserted above both.
    write(flawed, "goals/2022/good.yaml", VAGUE.replace("    target: 1200万", "    target: 明显提升"))
    run("--write-baseline")
    shifted = (
        VAGUE.replace("    target: 1200万", "    target: 明显提升")
        .replace("seq: 2", "seq: 3")
        .replace("seq: 1", "seq: 2")
        .replace("indicators:\n", INDICATOR_AT_THE_TOP)
    )
    write(flawed, "goals/2022/good.yaml", shifted)
    result = run("goals", "--strict", "--format", "json")
    assert (result.code, result.err, result.diagnostics) == (0, "", [])
    assert result.report["baseline"]["hidden"] == 4

    # A fourth indicator with the same vague target is a new problem: no entry is left for it.
    write(
        flawed,
        "goals/2022/good.yaml",
        shifted + "  - seq: 4\n    category: 效益指标\n    name: 服务事项办理量\n    target: 明显提升\n",
    )
    result = run("goals", "--strict", "--lang", "en")
    assert result.code == 1
    [new_line, _summary] = result.out.splitlines()
    assert new_line.startswith("goals/2022/good.yaml:23:13: GL204 target “明显提升” cannot be measured")
