"""Output formats beside text and JSON: SARIF, GitHub, JUnit, GitLab, several at once."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from support import VALID_GOAL, run, write

from validator.registry import RULES

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
TYPO = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标")
DUPLICATE_KEY = VALID_GOAL.replace(
    "project: 广州移动政务服务平台建设\n", "project: 广州移动政务服务平台建设\nyear: 2023\n"
).replace("广州移动", "广州二期")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository with one clean, one misspelt and one duplicate-key goal file; cwd is its root."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, "goals/2022/good.yaml", VALID_GOAL.replace("广州移动", "广州三期"))
    write(tmp_path, "goals/2022/typo.yaml", TYPO)
    write(tmp_path, "goals/2022/dup.yaml", DUPLICATE_KEY)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_sarif_under_lang_zh_describes_every_rule_in_chinese(project):
    log = json.loads(run("goals", "--format", "sarif", "--lang", "zh").out)
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    schema_rule = next(rule for rule in rules if rule["id"] == "GL002")
    assert (
        schema_rule["shortDescription"]["text"] == "文件必须符合目标文件的结构（必填字段、字段名、一级/二级指标、序号）"
    )
    assert schema_rule["fullDescription"]["text"].startswith(
        "按 `schemas/goal.schema.json` 检查文件：必填字段齐全（`year`、`department`、`budget_unit`、`project`、"
    )
    assert schema_rule["help"]["markdown"].startswith("## 作用\n")
    assert "## 为什么不好？" in schema_rule["help"]["text"] and "改为：" in schema_rule["help"]["text"]
    for rule in rules:
        prose = re.sub(r"```.*?```|`[^`]*`", "", rule["help"]["markdown"], flags=re.DOTALL)
        assert re.search(r"[\u4e00-\u9fff]", rule["fullDescription"]["text"]), rule["name"]
        assert "What it does" not in prose and "Use instead" not in prose, rule["name"]


def test_sarif_validates_against_the_official_schema_and_describes_every_rule(project):
    result = run("goals", "--format", "sarif", "--lang", "en")
    assert result.code == 1
    log = json.loads(result.out)
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(log)  # raises with the reason when invalid

    sarif_run = log["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [(rule["id"], rule["name"]) for rule in rules] == [(rule.code, rule.slug) for rule in RULES]
    schema_rule = rules[[rule["id"] for rule in rules].index("GL002")]
    assert schema_rule["shortDescription"]["text"] == next(r.summary["en"] for r in RULES if r.code == "GL002")
    assert schema_rule["fullDescription"]["text"].startswith("Checks the file against goals-lint's goal-file schema")
    assert "## Why is this bad?" in schema_rule["help"]["markdown"]
    assert schema_rule["defaultConfiguration"] == {"level": "error"}
    assert next(r for r in rules if r["name"] == "unused-suppression")["defaultConfiguration"] == {"level": "warning"}

    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    by_rule = {result["ruleId"]: result for result in sarif_run["results"]}
    typo = by_rule["GL002"]
    assert typo["ruleIndex"] == [rule["id"] for rule in rules].index("GL002")
    assert typo["level"] == "error"
    assert typo["message"]["text"] == "unknown field `categroy`; did you mean `category` (first-level category)?"
    assert typo["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "goals/2022/typo.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8, "startColumn": 5, "endLine": 8, "endColumn": 13},
    }
    duplicate = by_rule["GL001"]
    assert duplicate["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert duplicate["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "goals/2022/dup.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 5},
            },
        }
    ]


def test_sarif_fingerprints_survive_unrelated_edits_and_differ_between_problems(project):
    def fingerprints() -> dict[str, str]:
        log = json.loads(run("goals", "--format", "sarif").out)
        return {r["ruleId"]: r["partialFingerprints"]["goalsLint/v1"] for r in log["runs"][0]["results"]}

    before = fingerprints()
    # Three lines above the misspelt field: its line changes, its identity must not.
    typo = project / "goals/2022/typo.yaml"
    typo.write_text("# 2022 年\n# 来源：部门预算公开\n\n" + TYPO, encoding="utf-8")
    after = fingerprints()
    assert after == before
    assert len(set(before.values())) == len(before)


def test_github_annotations_carry_lines_and_escaping_and_the_text_report(project, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # chosen automatically, no --format given
    summary = project / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("goals", "--lang", "en")
    assert result.code == 1
    assert result.out.splitlines() == [
        "::error file=goals/2022/dup.yaml,line=5,col=1,endLine=5,endColumn=4,title=GL001 yaml-syntax::"
        "duplicate key `year`: it is already defined at line 1; YAML would silently keep only one of them, "
        "merge or remove one",
        "::error file=goals/2022/typo.yaml,line=8,col=5,endLine=8,endColumn=12,title=GL002 schema::"
        "unknown field `categroy`; did you mean `category` (first-level category)?",
        "goals/2022/dup.yaml:5:1: GL001 duplicate key `year`: it is already defined at line 1; YAML would "
        "silently keep only one of them, merge or remove one [yaml-syntax]",
        "goals/2022/typo.yaml:8:5: GL002 unknown field `categroy`; did you mean `category` (first-level category)? "
        "[schema]",
        "Checked 3 files: 2 errors, 0 warnings, 0 notes in 2 files. 1 fixable with --fix --unsafe-fixes."
        " 2 files could not be checked against the compliance rules (syntax or schema errors): fix them and run again.",
    ]
    # Data is escaped for Markdown: the backticks of a message show as backticks.
    assert summary.read_text(encoding="utf-8").splitlines() == [
        "earlier step",
        "### goals-lint results",
        "",
        "Checked 3 files\\: 2 errors, 0 warnings, 0 notes in 2 files. 1 fixable with --fix --unsafe-fixes. 2 files "
        "could not be checked against the compliance rules (syntax or schema errors)\\: fix them and run again.",
        "",
        "| file | line | column | rule | severity | message |",
        "|---|---|---|---|---|---|",
        "| goals/2022/dup.yaml | 5 | 1 | GL001 `yaml-syntax` | error | duplicate key \\`year\\`\\: it is already "
        "defined at line 1; YAML would silently keep only one of them, merge or remove one |",
        "| goals/2022/typo.yaml | 8 | 5 | GL002 `schema` | error | unknown field \\`categroy\\`; did you mean "
        "\\`category\\` (first-level category)? |",
        "",
    ]


def test_github_escaping_of_data_and_properties():
    from validator.reporters.github_reporter import escape_data, escape_property

    assert escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert escape_property("goals/a:b,c%.yaml") == "goals/a%3Ab%2Cc%25.yaml"


def test_github_annotation_over_several_lines_has_no_columns(project):
    # An indicator without `target`: reported on the whole indicator, lines 7 to 9.
    write(project, "goals/2022/typo.yaml", VALID_GOAL.replace("    target: 1200万\n", ""))
    lines = run("goals/2022/typo.yaml", "--format", "github", "--select", "schema", "--lang", "en").out.splitlines()
    assert lines[0].startswith("::error file=goals/2022/typo.yaml,line=7,endLine=9,title=GL002 schema::")


def test_an_explicit_format_wins_over_github_actions(project, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert not run("goals", "--format", "text").out.startswith("::")


JUNIT_SCHEMA = Path(__file__).parent / "data" / "junit-ant.xsd"


def junit_document(text: str) -> ElementTree.Element:
    """The report, after checking it against the Ant JUnit schema (Jenkins' and GitLab's strictest reader)."""
    import xmlschema

    xmlschema.XMLSchema(str(JUNIT_SCHEMA)).validate(text)  # raises with the reason when invalid
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ElementTree.fromstring(text.split("\n", 1)[1])


def test_junit_has_a_testcase_per_file_and_one_failure_per_failing_file(project):
    # Two problems in one file: one failure, which lists both.
    write(project, "goals/2022/typo.yaml", TYPO.replace("    category: 产出指标", "    categroy: 产出指标"))
    result = run("goals", "--format", "junit", "--lang", "en")
    assert result.code == 1
    suite = junit_document(result.out).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {case.get("name"): case.findall("failure") for case in suite.findall("testcase")}
    assert sorted(cases) == ["goals/2022/dup.yaml", "goals/2022/good.yaml", "goals/2022/typo.yaml"]
    assert cases["goals/2022/good.yaml"] == []
    [failure] = cases["goals/2022/typo.yaml"]
    assert failure.get("type") == "GL002 schema"
    assert failure.get("message") == (
        "2 problems failed the check; the first: 8:5: unknown field `categroy`; "
        "did you mean `category` (first-level category)?"
    )
    assert failure.text.splitlines() == [
        "goals/2022/typo.yaml:8:5: GL002 unknown field `categroy`; did you mean `category` (first-level category)? "
        "[schema] (error)",
        "goals/2022/typo.yaml:12:5: GL002 unknown field `categroy`; did you mean `category` (first-level category)? "
        "[schema] (error)",
    ]
    # The whole text report, summary included, is the suite's output.
    assert suite.findtext("system-out") == run("goals", "--lang", "en").out

    chinese = junit_document(run("goals", "--format", "junit", "--lang", "zh").out)
    [failure] = chinese.find("testsuite/testcase[@name='goals/2022/typo.yaml']").findall("failure")
    assert failure.get("message") == (
        "2 个问题未通过检查；第一个：8:5: 未知字段 `categroy`，是否应为 `category`（一级指标）？"
    )


def test_junit_under_exit_zero_has_no_failure_as_the_run_has_none(project):
    result = run("goals", "--format", "junit", "--lang", "en", "--exit-zero")
    assert result.code == 0
    suite = junit_document(result.out).find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("3", "0")
    assert list(suite.iter("failure")) == []
    assert "GL002 unknown field `categroy`" in suite.findtext("system-out")


def test_gitlab_code_quality_report(project):
    # The same problem twice in one file: two occurrences, two fingerprints.
    write(project, "goals/2022/typo.yaml", TYPO.replace("    category: 产出指标", "    categroy: 产出指标"))
    result = run("goals", "--format", "gitlab", "--lang", "en")
    issues = json.loads(result.out)
    typo_issues = [issue for issue in issues if issue["location"]["path"] == "goals/2022/typo.yaml"]
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in typo_issues] == [
        ("schema", "major", 8),
        ("schema", "major", 12),
    ]
    assert typo_issues[0]["description"] == (
        "GL002 unknown field `categroy`; did you mean `category` (first-level category)?"
    )
    assert len({issue["fingerprint"] for issue in issues}) == len(issues) == 3


def test_several_outputs_in_one_run(project):
    result = run("goals", "--format", "sarif:reports/goals.sarif", "--format", "junit:junit.xml", "--lang", "en")
    assert result.code == 1
    # No console format given: the console still gets the text report.
    assert result.out.splitlines()[-1] == (
        "Checked 3 files: 2 errors, 0 warnings, 0 notes in 2 files. 1 fixable with --fix --unsafe-fixes."
        " 2 files could not be checked against the compliance rules (syntax or schema errors): fix them and run again."
    )
    log = json.loads((project / "reports/goals.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(log)
    assert len(log["runs"][0]["results"]) == 2
    assert (project / "junit.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(path.name for path in (project / "reports").iterdir()) == ["goals.sarif"]  # no temporary left

    json_console = run("goals", "--format", "json", "--format", "gitlab:gl.json")
    assert json.loads(json_console.out)["summary"]["errors"] == 2
    assert len(json.loads((project / "gl.json").read_text(encoding="utf-8"))) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "xml"],
            "goals-lint: error: --format: unknown output format `xml`; use one of: text, json, "
            "sarif, github, junit, gitlab, html (as FORMAT or FORMAT:FILE, e.g. sarif:results.sarif)\n",
        ),
        (["--format", "sarif:"], "goals-lint: error: --format sarif:: the file name after the colon is missing\n"),
        (
            ["--format", "json", "--format", "text"],
            "goals-lint: error: --format: only one format can print to the console (`json` and `text`); "
            "write the others to a file, e.g. --format sarif:results.sarif\n",
        ),
    ],
)
def test_bad_format_options_exit_2(project, args, message):
    result = run("goals", *args, "--lang", "en")
    assert (result.code, result.out, result.err) == (2, "", message)


def test_an_unwritable_output_file_exits_2_with_the_reason(project):
    (project / "taken").mkdir()  # a folder where the report should go
    result = run("goals", "--format", "sarif:taken", "--lang", "en")
    assert result.code == 2
    assert result.err.startswith("goals-lint: error: cannot write taken: ")
    assert "Traceback" not in result.err


def test_a_cross_file_problem_points_at_the_other_file_in_sarif(project):
    write(project, "goals/2022/zz-copy.yaml", VALID_GOAL.replace("广州移动", "广州三期"))
    log = json.loads(run("goals", "--format", "sarif", "--lang", "en").out)
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(log)
    # Both copies are reported; the later one points back at good.yaml.
    duplicates = [r for r in log["runs"][0]["results"] if r["ruleId"] == "GL207"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in duplicates] == [
        "goals/2022/good.yaml",
        "goals/2022/zz-copy.yaml",
    ]
    duplicate = duplicates[1]
    assert "`goals/2022/good.yaml` (line 4)" in duplicate["message"]["text"]
    assert duplicate["relatedLocations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "goals/2022/good.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 10, "endLine": 4, "endColumn": 22},
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "sarif:x.json", "--format", "json:x.json"],
            "goals-lint: error: --format: `sarif:x.json` and `json:x.json` write the same file, x.json, and the second "
            "would overwrite the first; give each format its own file\n",
        ),
        (
            ["--format", "junit:reports/x.xml", "--format", "gitlab:./reports/../reports/x.xml"],
            "goals-lint: error: --format: `junit:reports/x.xml` and `gitlab:./reports/../reports/x.xml` write the same "
            "file, ./reports/../reports/x.xml, and the second would overwrite the first; give each format its own file\n",
        ),
    ],
)
def test_two_outputs_to_the_same_file_exit_2_and_write_nothing(project, args, message):
    result = run("goals", *args, "--lang", "en")
    assert (result.code, result.out, result.err) == (2, "", message)
    assert not (project / "x.json").exists() and not (project / "reports").exists()


def test_two_outputs_to_the_same_file_are_refused_in_chinese(project):
    result = run("goals", "--format", "sarif:x.json", "--format", "json:x.json", "--lang", "zh")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "goals-lint: 错误：--format：`sarif:x.json` 和 `json:x.json` 写入同一个文件 x.json，"
        "后一个会覆盖前一个；请为每种格式指定不同的文件\n"
    )


def test_a_newline_in_a_message_stays_a_visible_escape_on_one_line(project, monkeypatch):
    # A block scalar keeps its final newline: text-hygiene reports the project name with it.
    write(
        project,
        "goals/2022/good.yaml",
        VALID_GOAL.replace("project: 广州移动政务服务平台建设\n", "project: |\n  广州三期政务服务平台建设\n"),
    )
    args = ("goals/2022/good.yaml", "--select", "text-hygiene", "--lang", "en")
    exact = run(*args, "--format", "json").diagnostics[0]["message"]
    assert exact.endswith("“广州三期政务服务平台建设\n”")  # JSON keeps the message exact
    sarif = json.loads(run(*args, "--format", "sarif").out)
    assert sarif["runs"][0]["results"][0]["message"]["text"] == exact
    shown = exact.replace("\n", "\\n")

    assert run(*args).out.splitlines() == [
        f"goals/2022/good.yaml:4:10: GL205 [*] {shown} [text-hygiene]",
        "Checked 1 file: 0 errors, 1 warning, 0 notes in 1 file. [*] 1 fixable with --fix.",
    ]
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = run(*args, "--format", "github").out.splitlines()
    assert github[0] == f"::warning file=goals/2022/good.yaml,line=4,endLine=5,title=GL205 text-hygiene::{shown}"
    assert github[1] == f"goals/2022/good.yaml:4:10: GL205 [*] {shown} [text-hygiene]"
    in_markdown = shown.replace(chr(92), chr(92) * 2).replace(":", chr(92) + ":")
    assert f"| {in_markdown} |" in summary.read_text(encoding="utf-8").splitlines()[-2]

    [failure] = junit_document(run(*args, "--strict", "--format", "junit").out).iter("failure")
    assert failure.get("message") == f"1 problem failed the check; the first: 4:10: {shown}"
    assert failure.text == f"goals/2022/good.yaml:4:10: GL205 {shown} [text-hygiene] (warning)"
    passed = junit_document(run(*args, "--format", "junit").out)
    assert list(passed.iter("failure")) == []
    assert (
        passed.findtext("testsuite/system-out").splitlines()[0]
        == f"goals/2022/good.yaml:4:10: GL205 [*] {shown} [text-hygiene]"  # the text report, as printed
    )
    [issue] = json.loads(run(*args, "--format", "gitlab").out)
    assert issue["description"] == f"GL205 {shown}"


def test_one_line_escapes_line_breaks_tabs_and_control_characters():
    from validator.messages import one_line

    assert one_line("a\nb\r\nc\td\x0be\u2028f") == "a\\nb\\r\\nc\\td\\u000be\\u2028f"
    assert one_line("≥95%，“名称”") == "≥95%，“名称”"


def test_an_output_through_a_symbolic_link_or_into_a_pipe_keeps_the_link_and_the_pipe(project):
    import os
    import threading

    (project / "reports").mkdir()
    os.symlink("reports/real.json", project / "link.json")
    assert run("goals/2022/good.yaml", "--format", "json:link.json").code == 0
    assert os.path.islink(project / "link.json")
    assert json.loads((project / "reports" / "real.json").read_text(encoding="utf-8"))["files_checked"] == 1

    if hasattr(os, "mkfifo"):
        os.mkfifo(project / "pipe.json")
        received = []
        reader = threading.Thread(target=lambda: received.append((project / "pipe.json").read_text(encoding="utf-8")))
        reader.start()
        assert run("goals/2022/good.yaml", "--format", "json:pipe.json").code == 0
        reader.join(timeout=10)
        assert json.loads(received[0])["files_checked"] == 1
        assert not (project / "pipe.json").is_file()  # still a pipe, not replaced by a file


def test_sarif_and_gitlab_fingerprints_survive_an_indicator_inserted_above(project):
    """Code scanning must not see a new alert because the list grew at the top."""
    flawed = (
        VALID_GOAL.replace("广州移动", "广州四期")
        .replace("target: 200项", "target: ≥400")
        .replace("外部服务对接和建设数量", "系统吞吐量")
    )
    write(project, "goals/2022/flawed.yaml", flawed)

    def fingerprints(output_format: str, key: str) -> list[str]:
        report = json.loads(run("goals/2022/flawed.yaml", "--format", output_format, "--select", "missing-unit").out)
        issues = report["runs"][0]["results"] if output_format == "sarif" else report
        return [
            issue["partialFingerprints"]["goalsLint/v1"] if key == "sarif" else issue["fingerprint"] for issue in issues
        ]

    before = fingerprints("sarif", "sarif"), fingerprints("gitlab", "gitlab")
    assert before[0] and before[1]
    inserted = flawed.replace(
        "indicators:\n", "indicators:\n  - seq: 1\n    category: 产出指标\n    name: 新增指标\n    target: 1个\n"
    )
    write(project, "goals/2022/flawed.yaml", inserted)
    assert (fingerprints("sarif", "sarif"), fingerprints("gitlab", "gitlab")) == before


def test_control_characters_in_file_names_are_visible_escapes_in_text_and_github(project, monkeypatch):
    # Names a GBK zip or a careless script can produce: a newline, a terminal colour sequence.
    for name in ("goals/2022/new\nline.yaml", "goals/2022/esc\x1b[31mred.yaml"):
        write(project, name, TYPO.replace("广州移动", "广州新" + str(len(name))))
    args = ("goals/2022/new\nline.yaml", "goals/2022/esc\x1b[31mred.yaml", "--lang", "en")
    unknown = "unknown field `categroy`; did you mean `category` (first-level category)?"

    text = run(*args)
    assert text.code == 1
    assert text.out.splitlines() == [
        f"goals/2022/esc\\u001b[31mred.yaml:8:5: GL002 {unknown} [schema]",
        f"goals/2022/new\\nline.yaml:8:5: GL002 {unknown} [schema]",
        "Checked 2 files: 2 errors, 0 warnings, 0 notes in 2 files. 2 fixable with --fix --unsafe-fixes."
        " 2 files could not be checked against the compliance rules (syntax or schema errors): fix them and run again.",
    ]
    assert "\x1b" not in text.out

    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = run(*args, "--format", "github")
    assert github.code == 1
    assert github.out.splitlines() == [
        f"::error file=goals/2022/esc\\u001b[31mred.yaml,line=8,col=5,endLine=8,endColumn=12,title=GL002 schema::"
        f"{unknown}",
        f"::error file=goals/2022/new\\nline.yaml,line=8,col=5,endLine=8,endColumn=12,title=GL002 schema::{unknown}",
        *text.out.splitlines(),
    ]
    rows = summary.read_text(encoding="utf-8").splitlines()[6:8]
    assert [row.split(" | ")[0] for row in rows] == [
        "| goals/2022/esc\\\\u001b\\[31mred.yaml",
        "| goals/2022/new\\\\nline.yaml",
    ]
    assert "\x1b" not in summary.read_text(encoding="utf-8")


def test_the_step_summary_shows_html_and_markdown_in_the_data_literally(project, monkeypatch):
    name = "<img src=x onerror=alert(1)>[点此](https://example.com)*w*"
    write(
        project,
        "goals/2022/good.yaml",
        VALID_GOAL.replace("target: 200项", "target: ≥400")
        .replace("外部服务对接和建设数量", name)
        .replace("广州移动", "广州_七期 & `A|B`"),
    )
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("goals/2022/good.yaml", "--select", "missing-unit", "--format", "github", "--lang", "en")
    assert result.code == 0
    assert summary.read_text(encoding="utf-8").splitlines()[6] == (
        "| goals/2022/good.yaml | 15 | 13 | GL202 `missing-unit` | warning | target “≥400” has no unit, and neither "
        "does the name “&lt;img src=x onerror=alert(1)&gt;\\[点此\\](https\\://example.com)\\*w\\*”; add the unit "
        "(个, 次, %, 秒 …) or put it in brackets at the end of the name, such as （小时） |"
    )

    from validator.reporters.github_reporter import markdown_text

    assert markdown_text("广州_七期 & `A|B` ~~x~~ $1$ \\ :+1:") == (
        "广州\\_七期 &amp; \\`A\\|B\\` \\~\\~x\\~\\~ \\$1\\$ \\\\ \\:+1\\:"
    )


def test_the_step_summary_mentions_nobody_and_links_nothing_on_github(project, monkeypatch):
    import html
    import re

    import cmarkgfm  # GitHub's own Markdown parser (cmark-gfm) with its extensions: tables, autolinks
    from cmarkgfm.cmark import Options

    name = "请@octocat 核对#123号工单，见www.example.com或联系ops@example.com"
    write(
        project,
        "goals/2022/good.yaml",
        VALID_GOAL.replace("target: 200项", "target: ≥400").replace("外部服务对接和建设数量", name),
    )
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run("goals/2022/good.yaml", "--select", "missing-unit", "--format", "github", "--lang", "en").code == 0
    markdown = summary.read_text(encoding="utf-8")
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert "<a " not in rendered  # no www. or e-mail autolink
    [cell] = [html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", rendered) if "octocat" in cell]
    # What GitHub links after rendering (it matches the text, not the Markdown): @name, #123.
    assert re.search(r"@[A-Za-z0-9]", cell) is None
    assert re.search(r"#[0-9]", cell) is None
    # A reader sees the name as written: the zero-width spaces show nothing.
    assert f"“{name}”" in cell.replace("\u200b", "")


def test_the_step_summary_stops_below_githubs_limit_and_says_how_many_it_left_out(project, monkeypatch):
    from validator.reporters import github_reporter

    summary = project / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setattr(github_reporter, "SUMMARY_LIMIT", 680)  # room for one row of the two
    result = run("goals", "--format", "github", "--lang", "en")
    assert result.code == 1
    assert len(result.out.splitlines()) == 5  # the log keeps every problem
    written = summary.read_text(encoding="utf-8")
    assert len(written.encode("utf-8")) - len("earlier step\n") <= 680
    assert written.splitlines()[7:] == [
        "| goals/2022/dup.yaml | 5 | 1 | GL001 `yaml-syntax` | error | duplicate key \\`year\\`\\: it is already "
        "defined at line 1; YAML would silently keep only one of them, merge or remove one |",
        "",
        "1 problem left out of this table: GitHub refuses a step summary over 1 MiB. Every problem is in this "
        "step's log, and in a SARIF report (`--format sarif:FILE`).",
        "",
    ]

    summary.unlink()
    assert run("goals", "--format", "github", "--lang", "zh").code == 1
    assert summary.read_text(encoding="utf-8").splitlines()[-2] == (
        "另有 1 个问题未列入此表：GitHub 不接受超过 1 MiB 的步骤摘要。全部问题见本步骤的日志，或 SARIF 报告（`--format sarif:文件`）。"
    )


def test_the_step_summary_of_many_problems_stays_under_a_mebibyte():
    from validator.diagnostics import Diagnostic, Severity, Span
    from validator.reporters.github_reporter import step_summary
    from validator.result import LintResult

    result = LintResult()
    result.root = "/repo"
    result.diagnostics = [
        Diagnostic(
            f"/repo/goals/2022/第{number:05d}号项目.yaml",
            Span(8, 5, 8, 13),
            "/indicators/0",
            "GL002",
            "schema",
            Severity.ERROR,
            "schema.unknown_field_suggest",
            {"field": "categroy" * 5, "suggestion": "category", "title": "一级指标"},
        )
        for number in range(20_000)
    ]
    text = step_summary(result, "zh", "已检查 20000 个文件")
    assert 800 * 1024 < len(text.encode("utf-8")) <= 900 * 1024
    rows = [line for line in text.splitlines() if line.startswith("| goals/")]
    assert text.splitlines()[-2:] == [
        f"另有 {20_000 - len(rows)} 个问题未列入此表：GitHub 不接受超过 1 MiB 的步骤摘要。"
        "全部问题见本步骤的日志，或 SARIF 报告（`--format sarif:文件`）。",
        "",
    ]


def test_junit_fails_only_what_fails_the_run_and_shows_the_rest_as_output(project):
    flawed = (
        VALID_GOAL.replace("广州移动", "广州四期")
        .replace("target: 200项", "target: ≥400")
        .replace("外部服务对接和建设数量", "系统吞吐量")
    )
    write(project, "goals/2022/flawed.yaml", flawed)  # one warning (missing-unit), no error
    unit = (
        "goals/2022/flawed.yaml:15:13: GL202 target “≥400” has no unit, and neither does the name "
        "“系统吞吐量”; add the unit (个, 次, %, 秒 …) or put it in brackets at the end of the name, "
        "such as （小时） [missing-unit]"
    )

    def junit(*args: str) -> tuple[int, ElementTree.Element]:
        result = run("goals", "--format", "junit:junit.xml", "--lang", "en", *args)
        suites = junit_document((project / "junit.xml").read_text(encoding="utf-8"))
        return result.code, suites

    code, suites = junit("--select", "missing-unit")
    assert code == 0  # a green pipeline has no red test
    suite = suites.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("4", "0")
    assert list(suite.iter("failure")) == []
    assert suite.findtext("system-out").splitlines()[0] == unit  # the warning stays visible

    code, suites = junit("--select", "missing-unit", "--strict")
    assert code == 1
    suite = suites.find("testsuite")
    assert suite.get("failures") == "1"
    case = suite.find("testcase[@name='goals/2022/flawed.yaml']")
    assert [failure.text for failure in case.findall("failure")] == [unit + " (warning)"]

    code, suites = junit()  # errors in two files, a warning in a third
    assert code == 1
    suite = suites.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("4", "2")
    assert [(case.get("name"), len(case.findall("failure"))) for case in suite.findall("testcase")] == [
        ("goals/2022/dup.yaml", 1),
        ("goals/2022/flawed.yaml", 0),
        ("goals/2022/good.yaml", 0),
        ("goals/2022/typo.yaml", 1),
    ]
    # A failing file's failure lists its warnings too.
    write(project, "goals/2022/flawed.yaml", flawed.replace("category: 效益指标", "category: 产出指标"))
    code, suites = junit("--select", "missing-unit,required-categories")
    [failure] = suites.find("testsuite/testcase[@name='goals/2022/flawed.yaml']").findall("failure")
    assert failure.get("type") == "GL101 required-categories"
    assert failure.text.splitlines()[-1] == unit + " (warning)"


def test_a_sarif_report_over_githubs_5000_results_is_kept_whole_with_a_warning(project, monkeypatch):
    from validator.reporters import sarif_reporter

    assert sarif_reporter.GITHUB_KEPT_RESULTS == 5000
    result = run("goals", "--format", "sarif:goals.sarif", "--lang", "en")
    assert (result.code, result.err) == (1, "")  # 2 results: nothing to say

    monkeypatch.setattr(sarif_reporter, "GITHUB_KEPT_RESULTS", 1)
    result = run("goals", "--format", "sarif:goals.sarif", "--lang", "en")
    assert result.code == 1
    assert result.err == (
        "goals-lint: warning: the SARIF report has 2 results; GitHub code scanning keeps at most 5,000 per run "
        "(and refuses a report with more than 25,000); record the known problems with `goals-lint --write-baseline` "
        "so that later runs report only new ones\n"
    )
    assert len(json.loads((project / "goals.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 2

    result = run("goals", "--format", "sarif", "--lang", "zh")
    assert len(json.loads(result.out)["runs"][0]["results"]) == 2
    assert result.err == (
        "goals-lint: 警告：SARIF 报告有 2 条结果，GitHub 代码扫描每次运行最多保存 5000 条（超过 25000 条则拒收整个报告）；"
        "请运行 `goals-lint --write-baseline` 记录已知问题，之后只报告新问题\n"
    )


def test_a_duplicate_keeps_its_fingerprint_when_an_indicator_is_inserted_above(project):
    """duplicate-indicator quotes the first one's number, which shifts; its identity must not."""
    copied = VALID_GOAL.replace("广州移动", "广州五期").replace("外部服务对接和建设数量", "移动服务平台年提供服务次数")
    write(project, "goals/2022/copied.yaml", copied)

    def fingerprints() -> list[str]:
        log = json.loads(run("goals/2022/copied.yaml", "--format", "sarif", "--select", "duplicate-indicator").out)
        return [result["partialFingerprints"]["goalsLint/v1"] for result in log["runs"][0]["results"]]

    before = fingerprints()
    assert len(before) == 1
    renumbered = copied.replace(
        "  - seq: 1\n", "  - seq: 1\n    category: 产出指标\n    name: 新增指标\n    target: 1个\n  - seq: 2\n", 1
    ).replace(
        "  - seq: 2\n    category: 产出指标\n    subcategory", "  - seq: 3\n    category: 产出指标\n    subcategory"
    )
    write(project, "goals/2022/copied.yaml", renumbered)
    assert fingerprints() == before


def test_the_chinese_step_summary_says_what_did_not_run(project, monkeypatch):
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run("goals", "--format", "github", "--lang", "zh").code == 1
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "### goals-lint 检查结果",
        "",
        "已检查 3 个文件：2 个错误，0 个警告，0 个提示（涉及 2 个文件）。其中 1 个问题可加 --fix --unsafe-fixes 修复。"
        "2 个文件因格式或字段错误未做合规检查，修正后请再运行。",
    ]
    assert lines[4] == "| 文件 | 行 | 列 | 规则 | 级别 | 说明 |"
    assert all("| 错误 |" in line for line in lines[6:8])
