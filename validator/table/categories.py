"""Indicator categories as other regions write them, mapped to the standard names.

The standard names are the schema's enums (the Ministry of Finance framework,
财预〔2020〕10号). Older and regional tables use the 2013 names (项目完成指标,
项目效益指标, 社会公众或服务对象满意度指标) and a few variants; each variant is listed
here explicitly, so that a name nobody listed is reported, never guessed. A heading may
carry one of the templates' annotations (`产出指标（必填）`, `数量指标(必填硬性指标)`,
`经济效益指标（选填）`): it is dropped before the name is looked up, and the mapping is
reported like any other.
"""

from __future__ import annotations

import re
import unicodedata

from validator.table.model import CategoryNote

CATEGORY_ALIASES = {
    "项目完成指标": "产出指标",
    "项目产出指标": "产出指标",
    "完成指标": "产出指标",
    "项目效益指标": "效益指标",
    "效果指标": "效益指标",
    "社会公众或服务对象满意度指标": "满意度指标",
    "社会公众满意度指标": "满意度指标",
    "服务对象满意度指标": "满意度指标",
    "服务对象满意度指标等": "满意度指标",
    "项目成本指标": "成本指标",
    "预期产出指标": "产出指标",  # Guangdong's older template
}

# The second-level heading that names no one standard subcategory: the indicator keeps
# its first-level category and goes without a second level (the schema makes it optional).
NO_SUBCATEGORY = ""

SUBCATEGORY_ALIASES = {
    "进度指标": "时效指标",
    "环境效益指标": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "社会公众满意度指标": "服务对象满意度指标",
    "满意度指标": "服务对象满意度指标",
    "环境成本指标": "生态环境成本指标",
    "服务对象满意度": "服务对象满意度指标",
    "服务对象满意度指标等": "服务对象满意度指标",
    "社会效益目标": "社会效益指标",
    # Guangdong's older template
    "数量指标(或建筑规模指标)": "数量指标",
    "时效指标(工期指标、形象进度指标)": "时效指标",
    "预算(或投资规模)控制指标": "成本指标",
    "社会、经济、生态效益指标": NO_SUBCATEGORY,
}

# Annotations the templates print after a heading (compared after NFKC: （必填） is (必填)).
ANNOTATIONS = ("(必填硬性指标)", "(必填)", "(选填)")

_WHITESPACE = re.compile(r"\s+")


def _schema_enum(field: str) -> tuple[str, ...]:
    from validator.schema import goal_schema

    return tuple(goal_schema()["$defs"]["indicator"]["properties"][field]["enum"])


class CategoryNames:
    """Maps category cells to standard names and remembers every mapping it made."""

    def __init__(self) -> None:
        self.categories = _schema_enum("category")
        self.subcategories = _schema_enum("subcategory")
        self._notes: dict[tuple[str, str], CategoryNote] = {}

    def category(self, written: str, place: str) -> str | None:
        """The standard first-level name, or None when ``written`` is not a known name."""
        return self._standard("category", written, place, self.categories, CATEGORY_ALIASES)

    def subcategory(self, written: str, place: str) -> str | None:
        """The standard second-level name, ``NO_SUBCATEGORY`` for a heading that names none,
        or None when ``written`` is not a known name."""
        return self._standard("subcategory", written, place, self.subcategories, SUBCATEGORY_ALIASES)

    def notes(self) -> list[CategoryNote]:
        return list(self._notes.values())

    def _standard(
        self, level: str, written: str, place: str, standard_names: tuple[str, ...], aliases: dict[str, str]
    ) -> str | None:
        # Spaces inside a category are extraction noise: the name is one word from a fixed list.
        name = _WHITESPACE.sub("", written)
        if name in standard_names:
            return name
        core = _without_annotation(unicodedata.normalize("NFKC", name))
        standard = core if core in standard_names else aliases.get(core)
        if standard is None:
            return None
        note = self._notes.get((level, name))
        if note is None:
            self._notes[(level, name)] = CategoryNote(level, name, standard, 1, place)
        else:
            self._notes[(level, name)] = note._replace(times=note.times + 1)
        return standard


def _without_annotation(name: str) -> str:
    for annotation in ANNOTATIONS:
        if name.endswith(annotation) and len(name) > len(annotation):
            return name[: -len(annotation)]
    return name
