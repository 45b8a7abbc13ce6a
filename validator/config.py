"""Configuration: ``[tool.goals-lint]`` in the nearest ``pyproject.toml``, or ``.goals-lint.toml``.

The nearest directory (from the working directory upwards) that has either wins; in
one directory ``.goals-lint.toml`` wins over ``pyproject.toml``. A ``pyproject.toml``
without a ``[tool.goals-lint]`` table does not count. Every key is checked: an
unknown key or a bad value is a :class:`ConfigError` naming the exact key.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import os
import re
import sys
from collections.abc import Mapping
from typing import Any, NamedTuple

from validator.diagnostics import Severity
from validator.errors import ConfigError
from validator.loader import DEFAULT_MAX_FILE_SIZE
from validator.messages import LANGUAGES, define, ref
from validator.paths import walk_up
from validator.registry import find_rule, rules_matching
from validator.rule import OptionError, Rule

# --- messages (zh, en) ---
CONFIG_INVALID = define(
    "config.invalid",
    zh="{path}：配置无效：`{key}` {problem}",
    en="{path}: invalid config: `{key}` {problem}",
)
CONFIG_NOT_FOUND = define(
    "config.not_found",
    zh="找不到配置文件：{path}",
    en="config file not found: {path}",
)
CONFIG_CANNOT_READ = define(
    "config.cannot_read",
    zh="{path}：无法读取：{reason}",
    en="{path}: cannot read: {reason}",
)
CONFIG_INVALID_TOML = define(
    "config.invalid_toml",
    zh="{path}：TOML 格式错误：{detail}",
    en="{path}: invalid TOML: {detail}",
)
CONFIG_NOT_A_TABLE = define(
    "config.not_a_table",
    zh="{path}：[tool.goals-lint] 必须是一个表",
    en="{path}: [tool.goals-lint] must be a table",
)
CONFIG_UNKNOWN_KEY_SUGGEST = define(
    "config.unknown_key_suggest",
    zh="不是已知的配置项；是否应为 `{suggestion}`？",
    en="is not a known key; did you mean `{suggestion}`?",
)
CONFIG_UNKNOWN_KEY = define(
    "config.unknown_key",
    zh="不是已知的配置项；已知配置项：{known}",
    en="is not a known key; known keys: {known}",
)
CONFIG_NO_RULE = define(
    "config.no_rule",
    zh="没有对应的规则（`{selector}`）；见 `goals-lint --list-rules`",
    en="names no rule (`{selector}`); see `goals-lint --list-rules`",
)
CONFIG_NOT_AN_OPTION = define(
    "config.not_an_option",
    zh="不是规则 `{rule}` 的选项（它的选项：{known}）",
    en="is not an option of `{rule}` (its options: {known})",
)
CONFIG_OPTION_VALUE = define(
    "config.option_value",
    zh="应为{expected}",
    en="should be {expected}",
)
CONFIG_EXPECT_SELECTORS = define(
    "config.expect_selectors",
    zh="应为规则代码、代码前缀或规则名称的列表",
    en="should be a list of rule codes, code prefixes or rule names",
)
CONFIG_EXPECT_PER_FILE_TABLE = define(
    "config.expect_per_file_table",
    zh="应为“glob = [规则]”形式的表",
    en="should be a table of glob = [rules]",
)
CONFIG_EXPECT_SEVERITY_TABLE = define(
    "config.expect_severity_table",
    zh='应为“规则 = "error" | "warning" | "info"”形式的表',
    en='should be a table of rule = "error" | "warning" | "info"',
)
CONFIG_EXPECT_SEVERITY = define(
    "config.expect_severity",
    zh='应为 "error"、"warning" 或 "info"',
    en='should be "error", "warning" or "info"',
)
CONFIG_EXPECT_RULES_TABLE = define(
    "config.expect_rules_table",
    zh="应为由 [rules.<规则>] 子表组成的表",
    en="should be a table of [rules.<rule>] tables",
)
CONFIG_EXPECT_OPTIONS_TABLE = define(
    "config.expect_options_table",
    zh="应为选项表",
    en="should be a table of options",
)
CONFIG_EXPECT_LANG = define(
    "config.expect_lang",
    zh='应为 "zh" 或 "en"',
    en='should be "zh" or "en"',
)
CONFIG_EXPECT_SIZE = define(
    "config.expect_size",
    zh='应为文件大小，例如 1048576、"512KiB" 或 "2MiB"',
    en='should be a size such as 1048576, "512KiB" or "2MiB"',
)


# A goal file is a few KiB; anything above this is a typo in the setting.
MAX_FILE_SIZE_LIMIT = 1024**4

CONFIG_FILE = ".goals-lint.toml"
PYPROJECT = "pyproject.toml"
# `[tool.goals-lint]`, `[tool."goals-lint".x]`, `goals-lint = {…}` — not `name = "goals-lint"`.
_MENTIONS_TABLE = re.compile(r'goals-lint"?\s*[.\]=]')
KNOWN_KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "severity",
    "rules",
    "lang",
    "max-file-size",
    "context",
    "docs-url",
    "schema",
)

CONFIG_EXPECT_SCHEMA = define(
    "config.expect_schema",
    zh="应为编辑器使用的 JSON Schema 的位置：相对于配置文件的路径，或 https:// 开头的网址",
    en="should be where editors find the JSON Schema: a path relative to the config file, or an https:// URL",
)
CONFIG_EXPECT_FOLDER = define(
    "config.expect_folder",
    zh="应为文件夹路径（文本）",
    en="should be a folder path (text)",
)


CONFIG_EXPECT_DOCS_URL = define(
    "config.expect_docs_url",
    zh='应为 http(s) 网址，可含 {rule}（规则名称）或 {code}（规则代码），例如 "https://example.org/goals-lint/rules.html#{rule}"',
    en='should be an http(s) URL, with {rule} (the rule\'s name) or {code} (its code) in it, e.g. "https://example.org/goals-lint/rules.html#{rule}"',
)


class Config(NamedTuple):
    root: str  # the config file's folder (else the working folder): per-file-ignores are relative to it
    source: str | None = None  # the file it came from, if any
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = {}  # by rule code; read-only
    rule_options: Mapping[str, Mapping[str, Any]] = {}  # by rule slug; read-only
    lang: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    context: str | None = None  # folder cross-file rules compare against (absolute)
    schema: str | None = None  # the editor schema: a URL, or an absolute path (`goals-lint schema`)
    docs_url: str | None = None  # where a rule's documentation is: "https://…#{rule}" (editors link to it)

    def rule_docs_url(self, rule: Rule) -> str | None:
        if self.docs_url is None:
            return None
        return self.docs_url.replace("{rule}", rule.slug).replace("{code}", rule.code)

    def options_for(self, rule: Rule) -> dict[str, Any]:
        """The rule's options as keyword arguments: `change-words` in TOML is `change_words`."""
        options = rule.default_options()
        options.update(self.rule_options.get(rule.slug, {}))
        return {name.replace("-", "_"): value for name, value in options.items()}


def _goals_lint_table(pyproject: str, document: dict[str, Any]) -> dict[str, Any] | None:
    table = document.get("tool", {}).get("goals-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(CONFIG_NOT_A_TABLE, path=pyproject)
    return table


def find_config_file(start: str) -> tuple[str, dict[str, Any]] | None:
    """The nearest config file at or above the folder ``start`` and its goals-lint table."""
    for directory in walk_up(start):
        own = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(own):
            return own, _read_toml(own)
        pyproject = os.path.join(directory, PYPROJECT)
        # Most pyproject.toml files have no goals-lint table: skip those unparsed.
        if os.path.isfile(pyproject) and _MENTIONS_TABLE.search(_read_text(pyproject)):
            table = _goals_lint_table(pyproject, _read_toml(pyproject))
            if table is not None:
                return pyproject, table
    return None


def load_config(explicit: str | None = None, start: str | None = None) -> Config:
    start = os.path.abspath(start or os.getcwd())
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(CONFIG_NOT_FOUND, path=explicit)
        table = _read_toml(explicit)
        if os.path.basename(explicit) == PYPROJECT:
            table = _goals_lint_table(explicit, table) or {}
        found: tuple[str, dict[str, Any]] | None = (explicit, table)
    else:
        found = find_config_file(start)
    if found is None:
        return Config(root=start)
    path, table = found
    return parse_config(table, path)


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            return stream.read()
    except OSError as error:
        raise ConfigError(CONFIG_CANNOT_READ, path=path, reason=error.strerror or str(error)) from None


def _read_toml(path: str) -> dict[str, Any]:
    # Imported here: a run without a config file never pays for the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        table: dict[str, Any] = tomllib.loads(_read_text(path))
        return table
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(CONFIG_INVALID_TOML, path=path, detail=str(error)) from None


def parse_config(table: Mapping[str, Any], path: str) -> Config:
    prefix = "tool.goals-lint." if os.path.basename(path) == PYPROJECT else ""

    def fail(key: str, problem_id: str, **params: Any) -> ConfigError:
        return ConfigError(CONFIG_INVALID, path=path, key=prefix + key, problem=ref(problem_id, **params))

    for key in table:
        if key not in KNOWN_KEYS:
            import difflib

            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            if close:
                raise fail(key, CONFIG_UNKNOWN_KEY_SUGGEST, suggestion=close[0])
            raise fail(key, CONFIG_UNKNOWN_KEY, known=", ".join(KNOWN_KEYS))

    select = table.get("select")
    if select is not None:
        select = _selectors(select, "select", fail)
    ignore = _selectors(table.get("ignore", []), "ignore", fail)

    per_file: list[tuple[str, tuple[str, ...]]] = []
    per_file_table = table.get("per-file-ignores", {})
    if not isinstance(per_file_table, dict):
        raise fail("per-file-ignores", CONFIG_EXPECT_PER_FILE_TABLE)
    for pattern, selectors in per_file_table.items():
        per_file.append((pattern, _selectors(selectors, f'per-file-ignores."{pattern}"', fail)))

    severity: dict[str, Severity] = {}
    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("severity", CONFIG_EXPECT_SEVERITY_TABLE)
    for selector, level in severity_table.items():
        key = f'severity."{selector}"'
        rules = rules_matching(selector)
        if not rules:
            raise fail(key, CONFIG_NO_RULE, selector=selector)
        try:
            level_value = Severity(level)
        except (ValueError, TypeError):
            raise fail(key, CONFIG_EXPECT_SEVERITY) from None
        for rule in rules:
            severity[rule.code] = level_value

    rule_options: dict[str, dict[str, Any]] = {}
    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict):
        raise fail("rules", CONFIG_EXPECT_RULES_TABLE)
    for name, options in rules_table.items():
        named = find_rule(name)
        if named is None:
            raise fail(f"rules.{name}", CONFIG_NO_RULE, selector=name)
        if not isinstance(options, dict):
            raise fail(f"rules.{name}", CONFIG_EXPECT_OPTIONS_TABLE)
        parsed: dict[str, Any] = {}
        for option_name, value in options.items():
            key = f"rules.{name}.{option_name}"
            option = named.options.get(option_name)
            if option is None:
                known = ", ".join(named.options) or "—"
                raise fail(key, CONFIG_NOT_AN_OPTION, rule=named.slug, known=known)
            try:
                parsed[option_name] = option.parse(value)
            except OptionError as error:
                raise fail(key, CONFIG_OPTION_VALUE, expected=error.expected) from None
        rule_options[named.slug] = parsed

    lang = table.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise fail("lang", CONFIG_EXPECT_LANG)

    max_file_size = DEFAULT_MAX_FILE_SIZE
    if "max-file-size" in table:
        try:
            max_file_size = parse_size(table["max-file-size"])
        except ValueError:
            raise fail("max-file-size", CONFIG_EXPECT_SIZE) from None

    context = table.get("context")
    if context is not None:
        if not isinstance(context, str) or not context.strip():
            raise fail("context", CONFIG_EXPECT_FOLDER)
        context = os.path.join(os.path.dirname(os.path.abspath(path)), context)

    docs_url = table.get("docs-url")
    if docs_url is not None and (not isinstance(docs_url, str) or not re.match(r"https?://\S+\Z", docs_url)):
        raise fail("docs-url", CONFIG_EXPECT_DOCS_URL)
    schema = table.get("schema")
    if schema is not None:
        if not isinstance(schema, str) or not schema.strip():
            raise fail("schema", CONFIG_EXPECT_SCHEMA)
        if "://" not in schema:
            schema = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), schema))

    return Config(
        root=os.path.dirname(os.path.abspath(path)),
        source=path,
        select=select,
        ignore=ignore,
        per_file_ignores=tuple(per_file),
        severity=severity,
        rule_options=rule_options,
        lang=lang,
        max_file_size=max_file_size,
        context=context,
        docs_url=docs_url,
        schema=schema,
    )


def _selectors(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, CONFIG_EXPECT_SELECTORS)
    for selector in value:
        if not rules_matching(selector):
            raise fail(key, CONFIG_NO_RULE, selector=selector)
    return tuple(value)


_SIZE = re.compile(r"\s*(\d+)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*\Z", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


def parse_size(value: Any) -> int:
    """Bytes from 1048576, "1048576", "512KiB" or "2 MiB"; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        size = value
    elif isinstance(value, str) and (match := _SIZE.match(value)):
        size = int(match.group(1)) * _SIZE_UNITS[(match.group(2) or "b").lower()]
    else:
        raise ValueError(value)
    if size <= 0 or size > MAX_FILE_SIZE_LIMIT:
        raise ValueError(value)
    return size
