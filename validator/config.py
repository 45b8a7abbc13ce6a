"""Configuration: ``[tool.goals-lint]`` in the nearest ``pyproject.toml``, or ``.goals-lint.toml``.

The nearest directory (from the working directory upwards) that has either wins; in
one directory ``.goals-lint.toml`` wins over ``pyproject.toml``. A ``pyproject.toml``
without a ``[tool.goals-lint]`` table does not count. Every key is checked: an
unknown key or a bad value is a :class:`ConfigError` naming the exact key.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from validator.diagnostics import Severity
from validator.loader import DEFAULT_MAX_FILE_SIZE
from validator.messages import LANGUAGES
from validator.registry import OptionError, Rule, find_rule, rules_matching

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = ".goals-lint.toml"
PYPROJECT = "pyproject.toml"
KNOWN_KEYS = ("select", "ignore", "per-file-ignores", "severity", "rules", "lang", "max-file-size")


class ConfigError(Exception):
    """A configuration problem; the CLI prints it and exits 2."""


@dataclass(frozen=True)
class Config:
    source: Path | None = None  # the file it came from, if any
    root: Path = field(default_factory=Path.cwd)  # per-file-ignores globs are relative to this
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # by rule code
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # by slug
    lang: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE

    def options_for(self, rule: Rule) -> dict[str, Any]:
        options = rule.default_options()
        options.update(self.rule_options.get(rule.slug, {}))
        return options


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` and its goals-lint table."""
    for directory in (start, *start.parents):
        own = directory / CONFIG_FILE
        if own.is_file():
            return own, _read_toml(own)
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("goals-lint")
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{pyproject}: [tool.goals-lint] must be a table")
                return pyproject, table
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        table = _read_toml(explicit)
        if explicit.name == PYPROJECT:
            table = table.get("tool", {}).get("goals-lint", {})
        found: tuple[Path, dict[str, Any]] | None = (explicit, table)
    else:
        found = find_config_file((start or Path.cwd()).resolve())
    if found is None:
        return Config(root=(start or Path.cwd()).resolve())
    path, table = found
    return parse_config(table, path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None


def parse_config(table: Mapping[str, Any], path: Path) -> Config:
    prefix = "tool.goals-lint." if path.name == PYPROJECT else ""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: invalid config: `{prefix}{key}` {problem}")

    for key in table:
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else f"; known keys: {', '.join(KNOWN_KEYS)}"
            raise fail(key, "is not a known key" + hint)

    select = table.get("select")
    if select is not None:
        select = _selectors(select, "select", fail)
    ignore = _selectors(table.get("ignore", []), "ignore", fail)

    per_file: list[tuple[str, tuple[str, ...]]] = []
    per_file_table = table.get("per-file-ignores", {})
    if not isinstance(per_file_table, dict):
        raise fail("per-file-ignores", "should be a table of glob = [rules]")
    for pattern, selectors in per_file_table.items():
        per_file.append((pattern, _selectors(selectors, f'per-file-ignores."{pattern}"', fail)))

    severity: dict[str, Severity] = {}
    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise fail("severity", "should be a table of rule = \"error\" | \"warning\" | \"info\"")
    for selector, level in severity_table.items():
        key = f'severity."{selector}"'
        rules = rules_matching(selector)
        if not rules:
            raise fail(key, f"names no rule (`{selector}`); see `goals-lint --list-rules`")
        try:
            level_value = Severity(level)
        except (ValueError, TypeError):
            raise fail(key, 'should be "error", "warning" or "info"') from None
        for rule in rules:
            severity[rule.code] = level_value

    rule_options: dict[str, dict[str, Any]] = {}
    rules_table = table.get("rules", {})
    if not isinstance(rules_table, dict):
        raise fail("rules", "should be a table of [rules.<rule>] tables")
    for name, options in rules_table.items():
        rule = find_rule(name)
        if rule is None:
            raise fail(f"rules.{name}", "names no rule; see `goals-lint --list-rules`")
        if not isinstance(options, dict):
            raise fail(f"rules.{name}", "should be a table of options")
        parsed: dict[str, Any] = {}
        for option_name, value in options.items():
            key = f"rules.{name}.{option_name}"
            option = rule.options.get(option_name)
            if option is None:
                known = ", ".join(rule.options) or "none"
                raise fail(key, f"is not an option of `{rule.slug}` (its options: {known})")
            try:
                parsed[option_name] = option.parse(value)
            except OptionError as error:
                raise fail(key, f"should be {error}") from None
        rule_options[rule.slug] = parsed

    lang = table.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise fail("lang", 'should be "zh" or "en"')

    max_file_size = DEFAULT_MAX_FILE_SIZE
    if "max-file-size" in table:
        try:
            max_file_size = parse_size(table["max-file-size"])
        except ValueError:
            raise fail("max-file-size", 'should be a size such as 1048576, "512KiB" or "2MiB"') from None

    return Config(
        source=path,
        root=path.parent,
        select=select,
        ignore=ignore,
        per_file_ignores=tuple(per_file),
        severity=severity,
        rule_options=rule_options,
        lang=lang,
        max_file_size=max_file_size,
    )


def _selectors(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(key, "should be a list of rule codes, code prefixes or rule names")
    for selector in value:
        if not rules_matching(selector):
            raise fail(key, f"names no rule (`{selector}`); see `goals-lint --list-rules`")
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
    if size <= 0:
        raise ValueError(value)
    return size
