"""The rule registry: every rule, found by code, slug or code prefix.

A rule is a module under ``validator/rules/`` that defines ``RULE`` (see
``validator.rule``). Its docstring is its documentation (ruff's sections);
``--explain`` and ``docs/rules.md`` print it. Severity is stamped on centrally by
the linter from configuration, so a rule never decides its own level beyond its
default.
"""

from __future__ import annotations

import importlib

from validator.rule import AnyRule

# One module per rule, in code order.
RULE_MODULES = (
    "validator.rules.yaml_syntax",
    "validator.rules.schema",
    "validator.rules.unreadable_file",
    "validator.rules.unfilled_placeholder",
    # compliance rules (GL1xx mandated, GL2xx house rules)
    "validator.rules.required_categories",
    "validator.rules.sequential_numbering",
    "validator.rules.duplicate_indicator",
    "validator.rules.percentage_range",
    "validator.rules.category_mismatch",
    "validator.rules.missing_unit",
    "validator.rules.packed_target",
    "validator.rules.vague_target",
    "validator.rules.text_hygiene",
    "validator.rules.comparison_direction",
    "validator.rules.duplicate_project",
    "validator.rules.year_folder",
    # suppression comments (GL9xx)
    "validator.rules.invalid_suppression",
    "validator.rules.unused_suppression",
)


def _load_rules() -> tuple[AnyRule, ...]:
    rules = tuple(importlib.import_module(name).RULE for name in RULE_MODULES)
    codes = [rule.code for rule in rules]
    slugs = [rule.slug for rule in rules]
    if len(set(codes)) != len(codes) or len(set(slugs)) != len(slugs):
        raise RuntimeError("rule codes and slugs must be unique")
    return tuple(sorted(rules, key=lambda rule: rule.code))


RULES: tuple[AnyRule, ...] = _load_rules()
RULES_BY_SLUG: dict[str, AnyRule] = {rule.slug: rule for rule in RULES}
RULES_BY_CODE: dict[str, AnyRule] = {rule.code: rule for rule in RULES}


def find_rule(name: str) -> AnyRule | None:
    """A rule by its slug or its code (case-insensitive code)."""
    return RULES_BY_SLUG.get(name) or RULES_BY_CODE.get(name.upper())


def rules_matching(selector: str) -> list[AnyRule]:
    """Rules a selector names: a slug, a code, or a code prefix (``GL``, ``GL0``)."""
    rule = RULES_BY_SLUG.get(selector)
    if rule is not None:
        return [rule]
    prefix = selector.upper()
    if not prefix.startswith("GL"):
        return []
    return [rule for rule in RULES if rule.code.startswith(prefix)]
