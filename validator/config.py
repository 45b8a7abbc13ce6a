"""Configuration: ``[tool.goals-lint]`` in the nearest ``pyproject.toml``, or ``.goals-lint.toml``.

The nearest directory (from the working directory upwards) that has either wins; in
one directory ``.goals-lint.toml`` wins over ``pyproject.toml``. A ``pyproject.toml``
without a ``[tool.goals-lint]`` table does not count. Every key is checked: an
unknown key or a bad value is a :class:`ConfigError` naming the exact key.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from typing import Any, NamedTuple

from validator.diagnostics import Severity
from validator.loader import DEFAULT_MAX_FILE_SIZE
from validator.messages import LANGUAGES, ref
from validator.registry import find_rule, rules_matching
from validator.rule import OptionError, Rule

# A goal file is a few KiB; anything above this is a typo in the setting.
MAX_FILE_SIZE_LIMIT = 1024**4

CONFIG_FILE = ".goals-lint.toml"
PYPROJECT = "pyproject.toml"
# `[tool.goals-lint]`, `[tool."goals-lint".x]`, `goals-lint = {…}` — not `name = "goals-lint"`.
_MENTIONS_TABLE = re.compile(r'goals-lint"?\s*[.\]=]')
KNOWN_KEYS = ("select", "ignore", "per-file-ignores", "severity", "rules", "lang", "max-file-size", "context")


class ConfigError(Exception):
    """A configuration problem, as a message id and parameters; the CLI prints it and exits 2."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id, params)
        self.message_id = message_id
        self.params = params


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

    def options_for(self, rule: Rule) -> dict[str, Any]:
        """The rule's options as keyword arguments: `change-words` in TOML is `change_words`."""
        options = rule.default_options()
        options.update(self.rule_options.get(rule.slug, {}))
        return {name.replace("-", "_"): value for name, value in options.items()}


def _goals_lint_table(pyproject: str, document: dict[str, Any]) -> dict[str, Any] | None:
    table = document.get("tool", {}).get("goals-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("config.not_a_table", path=pyproject)
    return table


def find_config_file(start: str) -> tuple[str, dict[str, Any]] | None:
    """The nearest config file at or above the folder ``start`` and its goals-lint table."""
    directory = os.path.abspath(start)
    while True:
        own = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(own):
            return own, _read_toml(own)
        pyproject = os.path.join(directory, PYPROJECT)
        # Most pyproject.toml files have no goals-lint table: skip those unparsed.
        if os.path.isfile(pyproject) and _MENTIONS_TABLE.search(_read_text(pyproject)):
            table = _goals_lint_table(pyproject, _read_toml(pyproject))
            if table is not None:
                return pyproject, table
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load_config(explicit: str | None = None, start: str | None = None) -> Config:
    start = os.path.abspath(start or os.getcwd())
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError("config.not_found", path=explicit)
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
        raise ConfigError("config.cannot_read", path=path, reason=error.strerror or str(error)) from None


def _read_toml(path: str) -> dict[str, Any]:
    # Imported here: a run without a config file never pays for the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("config.invalid_toml", path=path, detail=str(error)) from None


def parse_config(table: Mapping[str, Any], path: str) -> Config:
    prefix = "tool.goals-lint." if os.path.basename(path) == PYPROJECT else ""

    def fail(key: str, problem_id: str, **params: Any) -> ConfigError:
        return ConfigError("config.invalid", path=path, key=prefix + key, problem=ref(problem_id, **params))

    for key in table:
        if key not in KNOWN_KEYS:
            import difflib

            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            if close:
                raise fail(key, "config.unknown_key_suggest", suggestion=close[0])
            raise fail(key, "config.unknown_key", known=", ".join(KNOWN_KEYS))

    select = table.get("select")
    if select is not None:
        select = _selectors(select, "select", fail)
    ignore = _selectors(table.get("ignore", []), "ignore", fail)

    per_file: list[tuple[str, tuple[str, ...]]] = []
    per_file_table = table.get("per-file-ignores", {})
    if not isinstance(per_file_table, dict):
        raise fail("per-file-ignores", "config.expect_per_file_table")
    for pattern, selectors in per_file_table.items():
        per_file.append((pattern, _selectors(selectors, f'per-file-ignores."{pattern}"', fail)))

    severity: dict[str, Severity] = {}
    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("severity", "config.expect_severity_table")
    for selector, level in severity_table.items():
        key = f'severity."{selector}"'
        rules = rules_matching(selector)
        if not rules:
            raise fail(key, "config.no_rule", selector=selector)
        try:
            level_value = Severity(level)
        except (ValueError, TypeError):
            raise fail(key, "config.expect_severity") from None
        for rule in rules:
            severity[rule.code] = level_value

    rule_options: dict[str, dict[str, Any]] = {}
    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict):
        raise fail("rules", "config.expect_rules_table")
    for name, options in rules_table.items():
        rule = find_rule(name)
        if rule is None:
            raise fail(f"rules.{name}", "config.no_rule", selector=name)
        if not isinstance(options, dict):
            raise fail(f"rules.{name}", "config.expect_options_table")
        parsed: dict[str, Any] = {}
        for option_name, value in options.items():
            key = f"rules.{name}.{option_name}"
            option = rule.options.get(option_name)
            if option is None:
                known = ", ".join(rule.options) or "—"
                raise fail(key, "config.not_an_option", rule=rule.slug, known=known)
            try:
                parsed[option_name] = option.parse(value)
            except OptionError as error:
                raise fail(key, "config.option_value", expected=error.expected) from None
        rule_options[rule.slug] = parsed

    lang = table.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise fail("lang", "config.expect_lang")

    max_file_size = DEFAULT_MAX_FILE_SIZE
    if "max-file-size" in table:
        try:
            max_file_size = parse_size(table["max-file-size"])
        except ValueError:
            raise fail("max-file-size", "config.expect_size") from None

    context = table.get("context")
    if context is not None:
        if not isinstance(context, str) or not context.strip():
            raise fail("context", "cli.expect_folder")
        context = os.path.join(os.path.dirname(os.path.abspath(path)), context)

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
    )


def _selectors(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, "config.expect_selectors")
    for selector in value:
        if not rules_matching(selector):
            raise fail(key, "config.no_rule", selector=selector)
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
