"""Option parsers shared by the compliance rules (values come from TOML config)."""

from __future__ import annotations

from typing import Any

from validator.rule import OptionError

CATEGORIES = ("产出指标", "效益指标", "满意度指标", "成本指标")


def word_list(value: Any) -> tuple[str, ...]:
    """A non-empty list of non-empty words."""
    if isinstance(value, list) and value and all(isinstance(word, str) and word.strip() for word in value):
        return tuple(word.strip() for word in value)
    raise OptionError(
        {"zh": '非空的文本列表，如 ["增长率", "同比"]', "en": 'a non-empty list of words, such as ["增长率", "同比"]'}
    )


def category_list(value: Any) -> tuple[str, ...]:
    """A non-empty list of first-level categories."""
    if isinstance(value, list) and value and all(item in CATEGORIES for item in value):
        return tuple(dict.fromkeys(value))
    listed = "、".join(CATEGORIES)
    raise OptionError(
        {
            "zh": f"一级指标的非空列表，可选：{listed}",
            "en": f"a non-empty list of first-level categories, from: {listed}",
        }
    )
