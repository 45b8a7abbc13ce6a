"""Configuration: discovery, every key, and exact errors for bad keys and values."""

from __future__ import annotations

import pytest
from support import VALID_GOAL, run, run_json, write

TYPO = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标")
DUPLICATE = VALID_GOAL + "year: 2023\n"


@pytest.fixture()
def project(tmp_path, monkeypatch):
    write(tmp_path, "goals/2022/typo.yaml", TYPO)
    write(tmp_path, "goals/2022/dup.yaml", DUPLICATE)
    write(tmp_path, "goals/legacy/old.yaml", TYPO)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(result):
    return sorted((d["path"].split("goals/")[-1], d["code"]) for d in result.diagnostics)


def test_pyproject_table_select_and_ignore(project):
    write(
        project,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.goals-lint]\nselect = ["GL0"]\nignore = ["yaml-syntax"]\n',
    )
    assert codes(run_json("goals")) == [("2022/typo.yaml", "GL002"), ("legacy/old.yaml", "GL002")]
    # The command line's --select replaces the config's; its --ignore adds to it.
    assert codes(run_json("goals", "--select", "GL001")) == []
    assert codes(run_json("goals", "--ignore", "schema")) == []


def test_pyproject_without_a_goals_lint_table_is_passed_over(project):
    write(project, "pyproject.toml", '[project]\nname = "goals-lint-user"\n')
    assert len(run_json("goals").diagnostics) == 3


def test_goals_lint_toml_wins_over_pyproject_in_the_same_folder(project):
    write(project, "pyproject.toml", '[tool.goals-lint]\nignore = ["schema"]\n')
    write(project, ".goals-lint.toml", 'ignore = ["yaml-syntax"]\n')
    assert codes(run_json("goals")) == [("2022/typo.yaml", "GL002"), ("legacy/old.yaml", "GL002")]


def test_nearest_config_is_found_from_a_subfolder(project, monkeypatch):
    write(project, ".goals-lint.toml", 'ignore = ["GL002"]\n')
    monkeypatch.chdir(project / "goals")
    assert codes(run_json(".")) == [("2022/dup.yaml", "GL001")]


def test_explicit_config_option(project):
    write(project, "custom.toml", 'ignore = ["GL001"]\n')
    assert codes(run_json("goals", "--config", "custom.toml")) == [
        ("2022/typo.yaml", "GL002"),
        ("legacy/old.yaml", "GL002"),
    ]
    missing = run("goals", "--config", "nope.toml")
    assert missing.code == 2
    assert missing.err == "goals-lint: config file not found: nope.toml\n"


def test_per_file_ignores_match_globs_relative_to_the_config(project):
    write(
        project,
        ".goals-lint.toml",
        '[per-file-ignores]\n"goals/legacy/*.yaml" = ["schema"]\n"**/dup.yaml" = ["GL001"]\n',
    )
    assert codes(run_json("goals")) == [("2022/typo.yaml", "GL002")]


def test_severity_override_by_slug_and_prefix(project):
    write(project, ".goals-lint.toml", '[severity]\nschema = "warning"\nGL001 = "info"\n')
    result = run_json("goals")
    assert sorted(d["severity"] for d in result.diagnostics) == ["info", "warning", "warning"]
    assert result.code == 0
    assert run_json("goals", "--strict").code == 1


def test_language_and_max_file_size(project):
    write(project, ".goals-lint.toml", 'lang = "zh"\nmax-file-size = "1KiB"\n')
    write(project, "goals/big.yaml", VALID_GOAL + "#" + "x" * 2000 + "\n")
    result = run_json("goals", lang="zh")
    big = [d for d in result.diagnostics if d["path"].endswith("big.yaml")]
    assert big[0]["message"].startswith("文件超过大小上限 1 KiB")
    assert "未知字段" in run("goals").out


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('selct = ["GL"]\n', "`tool.goals-lint.selct` is not a known key; did you mean `select`?"),
        ('select = "GL001"\n', "`tool.goals-lint.select` should be a list of rule codes, code prefixes or rule names"),
        ('ignore = ["GL8"]\n', "`tool.goals-lint.ignore` names no rule (`GL8`)"),
        ('lang = "fr"\n', '`tool.goals-lint.lang` should be "zh" or "en"'),
        ('max-file-size = "big"\n', "`tool.goals-lint.max-file-size` should be a size"),
        ("max-file-size = 0\n", "`tool.goals-lint.max-file-size` should be a size"),
        (
            '[severity]\nschema = "fatal"\n',
            '`tool.goals-lint.severity."schema"` should be "error", "warning" or "info"',
        ),
        ('[severity]\nnothing = "error"\n', '`tool.goals-lint.severity."nothing"` names no rule'),
        (
            '[per-file-ignores]\n"x/*.yaml" = "schema"\n',
            '`tool.goals-lint.per-file-ignores."x/*.yaml"` should be a list',
        ),
        ("[rules.no-such-rule]\nx = 1\n", "`tool.goals-lint.rules.no-such-rule` names no rule"),
        ("[rules.schema]\nstrictness = 1\n", "`tool.goals-lint.rules.schema.strictness` is not an option of `schema`"),
    ],
)
def test_bad_config_exits_2_naming_the_exact_key(project, toml, message):
    # The same table as it would stand in .goals-lint.toml, moved under [tool.goals-lint].
    toml = toml.replace("[", "[tool.goals-lint.") if toml.startswith("[") else toml
    write(project, "pyproject.toml", "[tool.goals-lint]\n" + toml)
    result = run("goals")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"goals-lint: {project / 'pyproject.toml'}: invalid config: ")
    assert message in result.err


def test_bad_key_in_goals_lint_toml_is_named_without_the_table_prefix(project):
    write(project, ".goals-lint.toml", "ignor = []\n")
    result = run("goals")
    assert result.code == 2
    assert "invalid config: `ignor` is not a known key; did you mean `ignore`?" in result.err


def test_invalid_toml_exits_2_with_its_position(project):
    write(project, ".goals-lint.toml", "lang = zh\n")
    result = run("goals")
    assert result.code == 2
    assert result.err.endswith(".goals-lint.toml: invalid TOML: Invalid value (at line 1, column 8)\n")


def test_rule_options_are_validated_and_reach_the_rule(project, monkeypatch):
    import validator.linter as linter
    from validator.config import load_config
    from validator.rule import DataRule as Rule
    from validator.rule import Option, OptionError

    def parse_categories(value):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise OptionError("a list of category names")
        return tuple(value)

    seen = []
    rule = Rule(
        "GL998",
        "option-spy",
        {"zh": "", "en": ""},
        "",
        check=lambda data, required: seen.append(required) or (),
        options={"required": Option(("产出指标",), parse_categories, "")},
    )
    monkeypatch.setattr(linter, "RULES", (*linter.RULES, rule))
    import validator.registry as registry

    monkeypatch.setitem(registry.RULES_BY_SLUG, "option-spy", rule)
    monkeypatch.setitem(registry.RULES_BY_CODE, "GL998", rule)
    monkeypatch.setattr(registry, "RULES", (*registry.RULES, rule))

    write(project, ".goals-lint.toml", '[rules.option-spy]\nrequired = ["产出指标", "满意度指标"]\n')
    config = load_config()
    assert config.options_for(rule) == {"required": ("产出指标", "满意度指标")}
    write(project, "goals/2022/typo.yaml", VALID_GOAL)
    write(project, "goals/2022/dup.yaml", VALID_GOAL)
    write(project, "goals/legacy/old.yaml", VALID_GOAL)
    assert run_json("goals", "--select", "GL0,option-spy").code == 0
    assert seen == [("产出指标", "满意度指标")] * 3

    write(project, ".goals-lint.toml", '[rules.option-spy]\nrequired = "产出指标"\n')
    result = run("goals")
    assert result.code == 2
    assert "`rules.option-spy.required` should be a list of category names" in result.err


@pytest.mark.parametrize(
    "pyproject",
    [
        '[tool.goals-lint]\nignore = ["schema"]\n',
        '[tool."goals-lint"]\nignore = ["schema"]\n',
        '[tool]\ngoals-lint = { ignore = ["schema"] }\n',
        '[tool.goals-lint.severity]\nschema = "info"\n',
    ],
)
def test_every_toml_spelling_of_the_table_is_found(project, pyproject):
    write(project, "pyproject.toml", '[project]\nname = "goals-lint"\n' + pyproject)
    assert "GL002" not in {d["code"] for d in run_json("goals").diagnostics if d["severity"] == "error"}


def test_config_errors_speak_chinese_too(project):
    write(project, ".goals-lint.toml", 'selct = ["GL"]\n')
    result = run("goals", "--lang", "zh")
    assert result.code == 2
    assert result.err == (
        f"goals-lint: {project / '.goals-lint.toml'}：配置无效：`selct` 不是已知的配置项；是否应为 `select`？\n"
    )
