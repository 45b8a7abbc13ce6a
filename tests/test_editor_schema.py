"""`goals-lint schema`: the editor schema in a repository that uses goals-lint, checked with
check-jsonschema and used by the YAML language server (what VS Code's YAML extension runs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_client import LanguageServer
from support import VALID_GOAL, run, write

from validator.messages import MESSAGES

REPO = Path(__file__).resolve().parent.parent
LANGUAGE_SERVER = REPO / "tests" / "node" / "node_modules" / ".bin" / "yaml-language-server"
MODELINE = "# yaml-language-server: $schema=../../schemas/goal.schema.json\n"
SATISFACTION = """\
  - seq: 3
    category: 满意度指标
    subcategory: 服务对象满意度指标
    name: 用户满意度
    target: ≥90%
"""
GOOD = MODELINE + VALID_GOAL + SATISFACTION
# 社会效益指标 under 产出指标, and no 满意度指标 although the configuration requires one.
BAD = MODELINE + VALID_GOAL.replace("subcategory: 数量指标", "subcategory: 社会效益指标")


def goals_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "validator", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture
def consumer(tmp_path: Path) -> Path:
    """A repository that uses goals-lint: its configuration requires three categories."""
    write(
        tmp_path,
        ".goals-lint.toml",
        '[rules.required-categories]\nrequired = ["产出指标", "效益指标", "满意度指标"]\n',
    )
    written = goals_lint("schema", "--lang", "zh", "--output", "schemas/goal.schema.json", cwd=tmp_path)
    assert (written.returncode, written.stderr) == (0, "")
    assert written.stdout.startswith("已写入 schemas/goal.schema.json；")
    write(tmp_path, "goals/2022/good.yaml", GOOD)
    write(tmp_path, "goals/2022/bad.yaml", BAD)
    return tmp_path


def check_jsonschema(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = shutil.which("check-jsonschema", path=os.path.dirname(sys.executable))
    assert command is not None, "check-jsonschema is installed with the test extra"
    return subprocess.run([command, *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_check_jsonschema_passes_a_good_file_and_finds_what_the_editor_schema_forbids(consumer):
    metaschema = check_jsonschema("--check-metaschema", "schemas/goal.schema.json", cwd=consumer)
    assert metaschema.returncode == 0, metaschema.stdout  # a valid draft-07 schema
    schema = json.loads((consumer / "schemas" / "goal.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == "urn:goals-lint:goal-file-schema"

    good = check_jsonschema("--schemafile", "schemas/goal.schema.json", "goals/2022/good.yaml", cwd=consumer)
    assert good.returncode == 0, good.stdout
    bad = check_jsonschema(
        "--schemafile", "schemas/goal.schema.json", "--output-format", "json", "goals/2022/bad.yaml", cwd=consumer
    )
    assert bad.returncode == 1
    errors = {(error["path"], error["message"]) for error in json.loads(bad.stdout)["errors"]}
    assert (
        "$.indicators[1].subcategory",
        "'社会效益指标' is not one of ['数量指标', '质量指标', '时效指标', '成本指标']",
    ) in errors
    assert any(path == "$.indicators" and "valid under the given schema" in message for path, message in errors)

    # goals-lint's own schema rule stays quiet about a missing category: required-categories says it, once.
    write(consumer, "goals/2022/bad.yaml", MODELINE + VALID_GOAL.replace("广州移动", "广州二期"))
    assert (
        check_jsonschema("--schemafile", "schemas/goal.schema.json", "goals/2022/bad.yaml", cwd=consumer).returncode
        == 1
    )
    linted = goals_lint("goals/2022/bad.yaml", "--lang", "en", cwd=consumer)
    assert [line.split(": ")[1].split(" ")[0] for line in linted.stdout.splitlines()[:-1]] == ["GL101"]


def test_the_editor_schema_follows_the_configuration(tmp_path):
    write(tmp_path, ".goals-lint.toml", 'ignore = ["required-categories", "text-hygiene"]\n')
    schema = json.loads(goals_lint("schema", "--lang", "en", cwd=tmp_path).stdout)
    assert "allOf" not in schema["properties"]["indicators"]  # no category required
    assert schema["properties"]["project"]["pattern"] == r"\S"  # spaces at the ends are not checked
    assert schema["properties"]["project"]["title"] == "project name"
    assert schema["$comment"].startswith("Written by `goals-lint schema`")

    write(tmp_path, ".goals-lint.toml", 'schema = "https://intranet.example.gov.cn/goals/goal.schema.json"\n')
    schema = json.loads(goals_lint("schema", "--lang", "zh", cwd=tmp_path).stdout)
    assert schema["$id"] == "https://intranet.example.gov.cn/goals/goal.schema.json"
    required = [
        branch["contains"]["properties"]["category"]["const"] for branch in schema["properties"]["indicators"]["allOf"]
    ]
    assert required == ["产出指标", "效益指标"]  # the rule's default
    assert schema["properties"]["project"]["pattern"] == r"^\S([\s\S]*\S)?$"


def test_the_repository_schema_is_what_goals_lint_schema_writes_for_it():
    # The shipped goal files point at schemas/goal.schema.json: this repository uses goals-lint
    # as docs/ci.md tells others to.
    written = goals_lint("schema", "--lang", "zh", cwd=REPO)
    assert written.stdout == (REPO / "schemas" / "goal.schema.json").read_text(encoding="utf-8"), (
        "run: goals-lint schema --lang zh --output schemas/goal.schema.json"
    )
    for path in (REPO / "goals" / "2022").iterdir():
        assert path.read_text(encoding="utf-8").startswith(MODELINE)


def test_schema_output_never_replaces_a_file_it_did_not_write(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "notes.json", '{"mine": true}\n')
    result = run("schema", "--output", "notes.json", "--lang", "en")
    assert (result.code, result.err) == (
        2,
        "goals-lint: error: --output notes.json exists and was not written by goals-lint schema; it was left alone, "
        "remove it or choose another name\n",
    )
    assert (tmp_path / "notes.json").read_text(encoding="utf-8") == '{"mine": true}\n'
    assert run("schema", "--output", "s/goal.schema.json").code == 0
    assert run("schema", "--output", "s/goal.schema.json", "--lang", "en").code == 0  # its own: replaced
    assert json.loads((tmp_path / "s" / "goal.schema.json").read_text(encoding="utf-8"))["title"] == (
        "performance goals of one project (one file per project)"
    )


def test_a_bad_schema_setting_is_a_located_config_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ".goals-lint.toml", "schema = 3\n")
    result = run("schema", "--lang", "en")
    assert (result.code, result.err) == (
        2,
        f"goals-lint: {tmp_path / '.goals-lint.toml'}: invalid config: `schema` should be where editors find the JSON Schema: "
        "a path relative to the config file, or an https:// URL\n",
    )


@pytest.mark.parametrize(
    ("setting", "modeline"),
    [
        (None, "../../schemas/goal.schema.json"),  # found above the folder, where docs/ci.md writes it
        ('schema = "tools/goal-schema.json"', "../../tools/goal-schema.json"),
        (
            'schema = "https://intranet.example.gov.cn/goal.schema.json"',
            "https://intranet.example.gov.cn/goal.schema.json",
        ),
    ],
)
def test_import_and_new_write_a_modeline_that_works_where_they_write(tmp_path, monkeypatch, setting, modeline):
    monkeypatch.chdir(tmp_path)
    if setting is not None:
        write(tmp_path, ".goals-lint.toml", setting + "\n")
    else:
        assert run("schema", "--output", "schemas/goal.schema.json").code == 0
    write(
        tmp_path,
        "table.csv",
        "主管部门,预算单位,项目名称,绩效目标,绩效指标\n甲局,甲中心,某项目,目标。,1、产出指标：巡检次数，年度指标值：12次。\n",
    )
    assert run("import", "table.csv", "--out", "goals/2023", "--year", "2023").code == 0
    [written] = (tmp_path / "goals" / "2023").iterdir()
    assert written.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={modeline}"
    # `new` writes the same line into the file it creates.
    assert run("new", "goals/2024/项目.yaml", "--year", "2024").code == 0
    created = (tmp_path / "goals" / "2024" / "项目.yaml").read_text(encoding="utf-8")
    assert f"# yaml-language-server: $schema={modeline}\n" in created


def test_every_editor_text_exists_in_both_languages():
    texts = {key: value for key, value in MESSAGES.items() if key.startswith("editor_schema.")}
    assert len(texts) > 30
    assert all(value["zh"] and value["en"] for value in texts.values())


@pytest.fixture
def language_server(consumer):
    if not LANGUAGE_SERVER.exists():
        if os.environ.get("CI"):
            pytest.fail("the YAML language server is missing: .ci/run installs it (npm ci --prefix tests/node)")
        pytest.skip("run `npm ci --prefix tests/node` for the YAML language server")
    settings = {"yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}}
    server = LanguageServer([str(LANGUAGE_SERVER), "--stdio"], consumer, settings)
    yield server
    server.close()


def test_an_editor_completes_only_the_subcategories_of_the_category_and_says_what_is_wrong_in_chinese(
    consumer, language_server
):
    editing = consumer / "goals" / "2022" / "editing.yaml"
    # Typing a subcategory under 产出指标 (line 13, 0-based), then under 满意度指标 (line 18).
    text = GOOD.replace("subcategory: 数量指标", "subcategory: ").replace(
        "subcategory: 服务对象满意度指标", "subcategory: "
    )
    editing.write_text(text, encoding="utf-8")
    language_server.open(editing)
    lines = text.splitlines()
    output_line = lines.index("    subcategory: ")
    satisfaction_line = len(lines) - 1 - lines[::-1].index("    subcategory: ")
    items = language_server.completion(editing, output_line, len("    subcategory: "))
    assert [item["label"] for item in items] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert items[0]["documentation"]["value"] == "**数量指标**：完成的数量，如“培训 3000 人次”"
    items = language_server.completion(editing, satisfaction_line, len("    subcategory: "))
    assert [item["label"] for item in items] == ["服务对象满意度指标"]

    diagnostics = language_server.open(consumer / "goals" / "2022" / "bad.yaml")
    shown = sorted((diagnostic["range"]["start"]["line"] + 1, diagnostic["message"]) for diagnostic in diagnostics)
    assert shown == [
        (8, "至少需要一条满意度指标（必须具备的一级指标：产出指标、效益指标、满意度指标）"),
        (14, "产出指标的二级指标只能是：数量指标、质量指标、时效指标、成本指标"),
    ]
    assert language_server.open(consumer / "goals" / "2022" / "good.yaml") == []

    hover = language_server.hover(consumer / "goals" / "2022" / "good.yaml", 1, 1)  # on `year`
    assert "**预算年度**：四位整数" in hover["contents"]["value"]
