"""The indicator cell of the published table: ``1、效益指标：NAME，年度指标值：VALUE。2、…``.

Reading is faithful: the sequence number, the name and the target are kept exactly as
published, defects included (numbering that restarts, a name ending in ``.``, a target
ending in ``。``). Only the separators are not data: ``、`` after the number, ``：``
after the category, ``，年度指标值：`` between name and target, and one ``。`` that ends
each indicator — so ``…400个。。`` is the target ``…400个。`` and its separator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from validator.table.categories import CategoryNames
from validator.table.messages import (
    TABLE_INDICATOR_UNREADABLE,
    TABLE_INDICATORS_RUN_TOGETHER,
    TABLE_TEXT_BEFORE_INDICATORS,
    TABLE_UNKNOWN_CATEGORY,
)
from validator.table.model import Indicator, TableProblem, shortened

# An indicator starts at the beginning of the cell or right after the `。` that ends
# the one before: its number, then `、`.
_START = re.compile(r"(?:^|(?<=。))[ \t\u3000]*(\d+)[ \t\u3000]*、")
_CATEGORY = re.compile(r"(\d+)[ \t\u3000]*、(?P<category>[^：:，。]*)[：:]")
# Between name and target; other tables write half-width punctuation or just 指标值.
_TARGET_LABEL = re.compile(r"[，,][ \t\u3000]*(?:年度)?指标值[ \t\u3000]*[：:]")
_END = "。"


def parse_indicators(
    text: str, place_of: Callable[[int], str], names: CategoryNames, problems: list[TableProblem]
) -> list[Indicator]:
    """The indicators of one cell; what cannot be read goes to ``problems``.

    ``place_of(offset)`` says where a character of ``text`` stands in the source (a
    line number, a cell), so every problem points at the indicator it is about.
    """
    starts = [match.start() for match in _START.finditer(text)]
    if not starts:
        problems.append(TableProblem(place_of(0), TABLE_INDICATOR_UNREADABLE, {"text": shortened(text.strip())}))
        return []
    leading = text[: starts[0]].strip()
    if leading:
        problems.append(TableProblem(place_of(0), TABLE_TEXT_BEFORE_INDICATORS, {"text": shortened(leading)}))
    indicators = []
    for start, end in zip(starts, starts[1:] + [len(text)], strict=False):
        indicator = _parse_one(text[start:end], place_of(start), names, problems)
        if indicator is not None:
            indicators.append(indicator)
    return indicators


def _parse_one(piece: str, place: str, names: CategoryNames, problems: list[TableProblem]) -> Indicator | None:
    shown = shortened(piece.strip())
    body = piece.lstrip(" \t\u3000")
    head = _CATEGORY.match(body)
    label = _TARGET_LABEL.search(body, head.end()) if head else None
    if head is None or label is None:
        problems.append(TableProblem(place, TABLE_INDICATOR_UNREADABLE, {"text": shown}))
        return None
    name = body[head.end() : label.start()]
    # Spaces at the very end of a cell are layout; spaces before the `。` are the target's.
    target = body[label.end() :].rstrip(" \t\u3000")
    if target.endswith(_END):
        target = target[: -len(_END)]
    if _TARGET_LABEL.search(target):
        # `…100%。2效益指标：…，年度指标值：…`: the second number or its `、` is missing.
        problems.append(TableProblem(place, TABLE_INDICATORS_RUN_TOGETHER, {"text": shown}))
        return None
    category = names.category(head["category"], place)
    if category is None:
        problems.append(TableProblem(place, TABLE_UNKNOWN_CATEGORY, {"category": shortened(head["category"].strip())}))
        return None
    return Indicator(int(head.group(1)), category, name, target)


def indicator_text(indicators: Sequence[dict[str, Any]]) -> list[str]:
    """Each indicator of a goal file as the published table writes it."""
    return [
        f"{item['seq']}、{item['category']}：{item['name']}，年度指标值：{item['target']}{_END}" for item in indicators
    ]
