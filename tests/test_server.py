"""`goals-lint server` through real LSP sessions: the server is spawned and spoken to over
its stdio (initialize, didOpen, didChange, codeAction, hover, completion, shutdown, exit)
as an editor does. What the editor would show is checked: diagnostics at their ranges,
the edits of code actions applied to the text, and the diagnostics after them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lsp_session import LspClient, uri_of
from support import VALID_GOAL, run, write

from validator.server.positions import lines_of, units
from validator.server.suppress import TextEdit, apply, disable_in_file, disable_on_line

REPO = Path(__file__).resolve().parent.parent

# A numbering error (2 written as 3) and a duplicated indicator name, one line each.
NUMBERING_AND_DUPLICATE = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
  - seq: 3
    category: 产出指标
    name: 移动服务平台年提供服务次数
    target: 200项
"""


def _range(start_line: int, start: int, end_line: int, end: int) -> dict:
    return {"start": {"line": start_line, "character": start}, "end": {"line": end_line, "character": end}}


def _apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) as an editor does: from the last to the first."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units_left, index = position["character"], 0
        while units_left > 0 and index < len(line):
            units_left -= units(line[index], "utf-16")
            index += 1
        return sum(len(previous) + 1 for previous in lines[: position["line"]]) + index

    ordered = sorted(edits, key=lambda edit: offset(edit["range"]["start"]), reverse=True)
    for edit in ordered:
        text = text[: offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]) :]
    return text


@pytest.fixture
def session(tmp_path):
    client = LspClient(tmp_path)
    yield client
    client.close()


def test_a_session_shows_the_numbering_error_and_the_duplicate_and_clears_after_the_edit(tmp_path, session):
    goal = write(tmp_path, "goals/2022/platform.yaml", NUMBERING_AND_DUPLICATE)
    result = session.initialize(lang="en")
    assert result["serverInfo"]["name"] == "goals-lint"
    uri = session.open(goal)
    diagnostics = session.diagnostics(uri, version=1)
    assert [(d["code"], d["range"]) for d in diagnostics] == [
        ("GL102", _range(10, 9, 10, 10)),  # the `3` of `seq: 3`
        ("GL103", _range(12, 10, 12, 23)),  # the second name
    ]
    numbering, duplicate = diagnostics
    assert numbering["severity"] == 1 and numbering["source"] == "goals-lint"
    assert numbering["message"] == "number should be 2, found 3; number the indicators 1, 2, 3, … in list order"
    assert duplicate["relatedInformation"] == [
        {
            "location": {"uri": uri, "range": _range(8, 10, 8, 23)},
            "message": "the other occurrence (duplicate-indicator)",
        }
    ]

    # Typed as an editor sends it: the duplicate renamed, the number fixed, incrementally.
    session.edit(uri, (12, 10), (12, 23), "外部服务对接和建设数量")
    version = session.edit(uri, (10, 9), (10, 10), "2")
    assert session.diagnostics(uri, version=version) == []
    assert session.shutdown() == 0


def test_disable_here_inserts_the_suppression_and_the_reason_is_asked_for(tmp_path, session):
    goal = write(tmp_path, "goals/2022/platform.yaml", NUMBERING_AND_DUPLICATE)
    session.initialize(lang="zh")
    uri = session.open(goal)
    numbering = session.diagnostics(uri, version=1)[0]
    assert numbering["message"] == "序号应为 2，实为 3；请按列表顺序从 1 连续编号"
    actions = session.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": numbering["range"], "context": {"diagnostics": [numbering]}},
    )
    titles = [action["title"] for action in actions]
    assert titles == [
        "序号改为 2",  # the fix comes first
        "在此行屏蔽 sequential-numbering（请在 -- 后写明原因）",
        "在整个文件中屏蔽 sequential-numbering（请在 -- 后写明原因）",
        "goals-lint：修复所有可安全修复的问题（同 --fix）",
    ]
    disable_line, disable_file = actions[1:3]
    for action in (disable_line, disable_file):
        assert action["kind"] == "quickfix" and action["diagnostics"][0]["code"] == "GL102"
    text = _apply_edits(NUMBERING_AND_DUPLICATE, disable_line["edit"]["changes"][uri])
    assert text.split("\n")[10] == "  - seq: 3  # goals-lint: disable=sequential-numbering -- "
    version = session.change(uri, text)
    after = session.diagnostics(uri, version=version)
    # The numbering error is hidden; the comment without a reason is reported at the comment.
    assert [(d["code"], d["range"]["start"]["line"]) for d in after] == [("GL901", 10), ("GL103", 12)]
    version = session.change(uri, text.replace("-- \n", "-- 按原表保留\n", 1))
    assert [d["code"] for d in session.diagnostics(uri, version=version)] == ["GL103"]

    # A second rule on the same line joins the directive, before its reason.
    joined = disable_on_line(text.replace("-- \n", "-- 按原表保留\n", 1), 11, "text-hygiene")
    assert joined is not None
    assert apply(text.replace("-- \n", "-- 按原表保留\n", 1), joined).split("\n")[10] == (
        "  - seq: 3  # goals-lint: disable=sequential-numbering,text-hygiene -- 按原表保留"
    )
    assert session.shutdown() == 0


def test_disable_here_never_puts_a_comment_inside_a_quoted_value():
    text = VALID_GOAL.replace("target: 200项", 'target: "200项\n      并且"')
    edit = disable_on_line(text, 15, "missing-unit")
    assert edit == TextEdit(14, 0, 0, "    # goals-lint: disable=missing-unit -- \n")
    assert disable_in_file(text, "missing-unit") == TextEdit(0, 0, 0, "# goals-lint: disable-file=missing-unit -- \n")


def _cli_json(root: Path, *args: str) -> list[dict]:
    """What `goals-lint --format json` says, run in ``root`` as a user would."""
    import os

    cwd = os.getcwd()
    os.chdir(root)
    try:
        return run(*args, "--format", "json").diagnostics
    finally:
        os.chdir(cwd)


def test_the_server_and_the_command_line_agree_on_the_seed_table(tmp_path, session):
    shutil.copytree(REPO / "goals", tmp_path / "goals")
    session.initialize(lang="zh", baseline=False)
    files = sorted((tmp_path / "goals" / "2022").glob("*.yaml"))
    uris = {uri_of(path): path for path in files}
    for path in files:
        session.open(path)
    published: dict[str, list[dict]] = {}
    while len(published) < len(files) or any(session.notifications):
        message = session.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics", timeout=20)
        published[message["params"]["uri"]] = message["params"]["diagnostics"]
        if len(published) == len(files):
            break
    from_server = []
    for uri, diagnostics in published.items():
        lines = lines_of(uris[uri].read_text(encoding="utf-8"))
        for d in diagnostics:
            start = d["range"]["start"]
            column = len(lines[start["line"]].encode("utf-16-le")[: start["character"] * 2].decode("utf-16-le")) + 1
            from_server.append((uris[uri].name, start["line"] + 1, column, d["code"], d["message"]))
    from_cli = [
        (Path(d["path"]).name, d["line"], d["column"], d["code"], d["message"])
        for d in _cli_json(tmp_path, "--no-baseline", "--lang", "zh", "goals/2022")
    ]
    assert len(from_cli) == 58
    assert sorted(from_server) == sorted(from_cli)
    assert session.shutdown() == 0


def test_the_baseline_hides_in_the_editor_what_it_hides_on_the_command_line(tmp_path, session):
    shutil.copytree(REPO / "goals", tmp_path / "goals")
    shutil.copy(REPO / ".goals-lint-baseline.json", tmp_path / ".goals-lint-baseline.json")
    (tmp_path / ".git").mkdir()  # the baseline's paths are relative to the repository root
    assert _cli_json(tmp_path, "goals/2022") == []
    session.initialize(lang="en")
    goal = tmp_path / "goals/2022/06-广州市电子政务外网网络安全升级建设项目.yaml"
    uri = session.open(goal)
    assert session.diagnostics(uri, version=1) == []
    # A new problem is not in the baseline: shown, in the editor as on the command line.
    text = goal.read_text(encoding="utf-8").replace("target: 5个功能模块", "target: 明显提升", 1)
    version = session.change(uri, text)
    shown = session.diagnostics(uri, version=version)
    goal.write_text(text, encoding="utf-8")
    cli = _cli_json(tmp_path, "goals/2022")
    assert [(d["code"], d["range"]["start"]["line"] + 1) for d in shown] == [(d["code"], d["line"]) for d in cli]
    assert [d["code"] for d in shown] == ["GL204"]
    assert session.shutdown() == 0


def test_two_unsaved_copies_of_one_project_find_each_other(tmp_path, session):
    write(tmp_path, "goals/a.yaml", VALID_GOAL)
    session.initialize(lang="en")
    first = session.open(tmp_path / "goals/a.yaml")
    assert session.diagnostics(first) == []
    # A new file, never saved: only the editor has its text.
    second = session.open(tmp_path / "goals/b.yaml", VALID_GOAL)
    found = session.diagnostics(second)
    assert [d["code"] for d in found] == ["GL207"]
    assert found[0]["relatedInformation"][0]["location"]["uri"] == first
    assert session.shutdown() == 0


def test_hover_explains_the_rule_and_completion_offers_the_categories(tmp_path, session):
    goal = write(tmp_path, "goals/a.yaml", NUMBERING_AND_DUPLICATE)
    session.initialize(lang="zh")
    uri = session.open(goal)
    session.diagnostics(uri, version=1)
    hover = session.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 10, "character": 9}}
    )
    assert hover["contents"]["kind"] == "markdown"
    assert hover["contents"]["value"].startswith("**GL102 sequential-numbering**: 序号应为 2，实为 3")
    assert "## 作用" in hover["contents"]["value"]  # the session is in Chinese, the rule documentation too

    # Typing a new subcategory line under the second indicator (产出指标), and a category.
    session.edit(uri, (12, 0), (12, 0), "    subcategory: \n")
    session.edit(uri, (11, 14), (11, 18), "")
    categories = session.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 11, "character": 14}}
    )
    assert [item["label"] for item in categories["items"]] == ["产出指标", "效益指标", "满意度指标", "成本指标"]
    assert categories["items"][0]["detail"] == "一级指标"
    assert categories["items"][0]["textEdit"]["range"] == _range(11, 14, 11, 14)
    session.edit(uri, (11, 14), (11, 14), "产出指标")
    subcategories = session.request(
        "textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": 17}}
    )
    assert [item["label"] for item in subcategories["items"]] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert subcategories["items"][0]["detail"] == "二级指标（属于产出指标）"
    # On a rule code in a comment, hover explains that rule.
    session.edit(uri, (13, 0), (13, 0), "    # goals-lint: disable=GL205 -- 原表\n")
    named = session.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 13, "character": 30}}
    )
    assert named["contents"]["value"].startswith("GL205 text-hygiene: ")
    assert session.shutdown() == 0


def test_ranges_count_utf16_units_past_a_character_outside_the_bmp(tmp_path, session):
    # 𠮷 (U+20BB7) is one character for goals-lint and two UTF-16 units for the editor.
    goal = write(tmp_path, "goals/a.yaml", VALID_GOAL.replace("name: 外部服务对接和建设数量", "name: 𠮷外部服务。。"))
    session.initialize(lang="en")
    uri = session.open(goal)
    diagnostics = session.diagnostics(uri, version=1)
    hygiene = [d for d in diagnostics if d["code"] == "GL205"]
    assert hygiene and hygiene[0]["range"] == _range(13, 10, 13, 10 + len("𠮷外部服务。。".encode("utf-16-le")) // 2)
    assert session.shutdown() == 0


def test_a_bad_config_is_shown_once_as_a_message_and_the_session_goes_on(tmp_path, session):
    write(tmp_path, ".goals-lint.toml", 'selct = ["GL1"]\n')
    goal = write(tmp_path, "goals/a.yaml", NUMBERING_AND_DUPLICATE)
    session.initialize(lang="en")
    uri = session.open(goal)
    shown = session.wait_for(lambda m: m["method"] == "window/showMessage")
    assert shown["params"]["type"] == 1
    message = f"goals-lint: {tmp_path / '.goals-lint.toml'}: invalid config: `selct` is not a known key; did you mean `select`?"
    assert shown["params"]["message"] == message
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert run("goals", "--lang", "en").err == message + "\n"  # what the command line says
    finally:
        os.chdir(cwd)
    (tmp_path / ".goals-lint.toml").write_text('select = ["GL1"]\n', encoding="utf-8")
    session.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(tmp_path / ".goals-lint.toml"), "type": 2}]}
    )
    assert [d["code"] for d in session.diagnostics(uri)] == ["GL102", "GL103"]
    assert session.shutdown() == 0


def test_yaml_files_that_are_not_goal_files_are_left_alone(tmp_path, session):
    workflow = write(tmp_path, ".github/workflows/ci.yml", "on: push\njobs: {}\n")
    modeline = write(
        tmp_path,
        "elsewhere/goal.yaml",
        "# yaml-language-server: $schema=../schemas/goal.schema.json\n" + NUMBERING_AND_DUPLICATE,
    )
    session.initialize(lang="en")
    session.open(workflow)
    uri = session.open(modeline)
    # The file that names the goal schema is linted; the workflow gets nothing published.
    assert [d["code"] for d in session.diagnostics(uri)] == ["GL102", "GL103"]
    assert not any(m["params"].get("uri") == uri_of(workflow) for m in session.notifications)
    assert session.shutdown() == 0


def test_server_help_and_a_bad_option():
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "validator", "server", "--help"], capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stdout.startswith("usage: goals-lint server")
    bad = run("server", "--tcp", "--lang", "en")
    assert (bad.code, bad.out) == (2, "")
    assert "unrecognized arguments: --tcp" in bad.err


def test_what_an_editor_shows_drawn_from_a_session_and_screenshot(tmp_path, session):
    """The published diagnostics and code actions of a real session, drawn as an editor
    draws them and screenshot in Chromium (docs/editors.png is one such picture)."""
    from browser import chromium, console_errors, screenshot
    from editor_view import render
    from test_html_report import _keep_screenshot

    shutil.copytree(REPO / "goals", tmp_path / "goals")
    goal = tmp_path / "goals/2022/15-广州市政务服务数据管理局2022年-一网通办-信息化建设.yaml"
    session.initialize(lang="zh", baseline=False)
    uri = session.open(goal)
    diagnostics = session.diagnostics(uri, version=1)
    numbering = next(d for d in diagnostics if d["code"] == "GL102")
    actions = session.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": numbering["range"], "context": {"diagnostics": [numbering]}},
    )
    note = (
        "由 goals-lint server 的真实会话绘制（不是真实编辑器）：波浪线、灯泡菜单和问题面板都取自服务器发布的 "
        "publishDiagnostics 与 codeAction 回复。 Drawn from a real goals-lint server session, not a real editor."
    )
    page = tmp_path / "editor.html"
    text = goal.read_text(encoding="utf-8")
    page.write_text(
        render(goal.name, text, diagnostics, [a["title"] for a in actions], numbering["range"]["start"]["line"], note),
        encoding="utf-8",
    )
    with chromium(width=1300, height=900) as driver:
        driver.get(page.as_uri())
        assert console_errors(driver) == []
        underlined = driver.find_elements("css selector", "pre .error, pre .warning")
        distinct_ranges = {json.dumps(d["range"], sort_keys=True) for d in diagnostics}
        assert len(underlined) == len(distinct_ranges)  # two problems on one target share a squiggle
        assert len(driver.find_elements("css selector", ".panel .row")) == len(diagnostics) == 16
        shot = tmp_path / "editor-session.png"
        screenshot(driver, str(shot))
        _keep_screenshot(shot)
    assert session.shutdown() == 0


def test_a_configured_docs_url_links_each_code(tmp_path, session):
    write(tmp_path, ".goals-lint.toml", 'docs-url = "https://git.example.org/goals/rules.md#{rule}"\n')
    goal = write(tmp_path, "goals/a.yaml", NUMBERING_AND_DUPLICATE)
    session.initialize(lang="en")
    uri = session.open(goal)
    links = [(d["code"], d["codeDescription"]["href"]) for d in session.diagnostics(uri)]
    assert links == [
        ("GL102", "https://git.example.org/goals/rules.md#sequential-numbering"),
        ("GL103", "https://git.example.org/goals/rules.md#duplicate-indicator"),
    ]
    assert session.shutdown() == 0


@pytest.mark.parametrize("value", ['"docs/rules.md"', "3", '"https://a b"'])
def test_a_docs_url_that_is_not_a_web_address_is_refused(tmp_path, value):
    import os

    write(tmp_path, ".goals-lint.toml", f"docs-url = {value}\n")
    write(tmp_path, "goals/a.yaml", VALID_GOAL)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("goals", "--lang", "en")
    finally:
        os.chdir(cwd)
    assert result.code == 2
    assert "invalid config: `docs-url` should be an http(s) URL" in result.err


def test_hover_shows_names_from_a_pull_request_as_written_not_as_markdown():
    from validator.server.hover import markdown_text

    shown = markdown_text("“[点此](https://evil.example) <img src=x> *粗体*”")
    assert shown == "“\\[点此\\]\\(https://evil.example\\) \\<img src=x\\> \\*粗体\\*”"


# A number skipped (5 where 4 belongs) and a number given twice (2, 2): two numbering errors.
SKIPPED_AND_DUPLICATE_NUMBER = (
    VALID_GOAL
    + """\
  - seq: 2
    category: 产出指标
    name: 移动端办事指南数量
    target: 300项
  - seq: 5
    category: 满意度指标
    name: 群众满意度
    target: ≥90%
"""
)


def _actions(session: LspClient, uri: str, diagnostic_range: dict, only: list[str] | None = None) -> list[dict]:
    context: dict = {"diagnostics": []}
    if only is not None:
        context["only"] = only
    return session.request(
        "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diagnostic_range, "context": context}
    )


def test_the_renumbering_actions_clear_a_skipped_and_a_duplicated_number(tmp_path, session):
    """Done when: a file with a numbering error and a duplicate, both diagnostics at the right
    ranges, the renumbering code actions applied, then an empty diagnostic list."""
    goal = write(tmp_path, "goals/2022/platform.yaml", SKIPPED_AND_DUPLICATE_NUMBER)
    session.initialize(lang="zh")
    uri = session.open(goal)
    diagnostics = session.diagnostics(uri, version=1)
    assert [(d["code"], d["message"], d["range"]) for d in diagnostics] == [
        ("GL102", "序号应为 3，实为 2（与上一条指标的序号重复）；请按列表顺序从 1 连续编号", _range(15, 9, 15, 10)),
        ("GL102", "序号应为 4，实为 5；请按列表顺序从 1 连续编号", _range(19, 9, 19, 10)),  # the `5`
    ]
    text = SKIPPED_AND_DUPLICATE_NUMBER
    # The duplicated number's own fix: the preferred action, first in the list.
    first = _actions(session, uri, diagnostics[0]["range"])
    assert [a["title"] for a in first][:2] == [
        "序号改为 3",
        "在此行屏蔽 sequential-numbering（请在 -- 后写明原因）",
    ]
    assert first[0]["isPreferred"] is True and first[0]["kind"] == "quickfix"
    text = _apply_edits(text, first[0]["edit"]["changes"][uri])
    version = session.change(uri, text)
    left = session.diagnostics(uri, version=version)
    assert [(d["code"], d["range"]) for d in left] == [("GL102", _range(19, 9, 19, 10))]
    second = _actions(session, uri, left[0]["range"])
    assert second[0]["title"] == "序号改为 4"
    text = _apply_edits(text, second[0]["edit"]["changes"][uri])
    version = session.change(uri, text)
    assert session.diagnostics(uri, version=version) == []
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("- seq:")] == [
        f"- seq: {number}" for number in (1, 2, 3, 4)
    ]
    assert session.shutdown() == 0


def test_fix_all_makes_every_safe_fix_and_unsafe_fixes_are_marked(tmp_path, session):
    text = SKIPPED_AND_DUPLICATE_NUMBER.replace("name: 移动端办事指南数量", "name: 移动端办事指南数量。。").replace(
        "category: 满意度指标\n    name: 群众满意度", "category: 效益指标\n    name: 群众满意度"
    )
    goal = write(tmp_path, "goals/2022/platform.yaml", text)
    session.initialize(lang="en")
    uri = session.open(goal)
    diagnostics = session.diagnostics(uri, version=1)
    assert [d["code"] for d in diagnostics] == ["GL102", "GL205", "GL102", "GL201"]
    # The satisfaction indicator filed under 效益指标: its fix changes meaning, so it is marked.
    mismatch = next(d for d in diagnostics if d["code"] == "GL201")
    [unsafe, *_] = _actions(session, uri, mismatch["range"])
    assert unsafe["title"].endswith("(unsafe fix: review the change)")
    assert unsafe.get("isPreferred") is not True
    whole = _range(0, 0, len(text.split("\n")), 0)
    [fix_all] = _actions(session, uri, whole, only=["source.fixAll"])
    assert fix_all["kind"] == "source.fixAll.goals-lint"
    assert fix_all["title"] == "goals-lint: fix all safely fixable problems (as --fix does)"
    fixed = _apply_edits(text, fix_all["edit"]["changes"][uri])
    # What `goals-lint --fix` makes of the same file.
    cli_copy = write(tmp_path, "cli/goals/2022/platform.yaml", text)
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path / "cli")
    try:
        run("--fix", "goals", "--lang", "en")
    finally:
        os.chdir(cwd)
    assert fixed == cli_copy.read_text(encoding="utf-8")
    version = session.change(uri, fixed)
    # Left to review, as --fix leaves them: the name's last `。` and the category (unsafe fixes).
    assert [d["code"] for d in session.diagnostics(uri, version=version)] == ["GL205", "GL201"]
    assert session.shutdown() == 0
