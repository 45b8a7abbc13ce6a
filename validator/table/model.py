"""What an import produces: projects with their indicators, and the problems found."""

from __future__ import annotations

from typing import Any, NamedTuple

from validator.loader.text import INVISIBLE_IN_TEXT

# Characters no goal file or published table should hold: the ones the loader refuses
# (invisible controls, zero-width characters, bidi overrides), so import never writes a
# file the linter then rejects.
CONTROL_CHARACTERS = INVISIBLE_IN_TEXT


class Indicator(NamedTuple):
    seq: int
    category: str
    name: str
    target: str
    subcategory: str | None = None


class Project(NamedTuple):
    """One row of the published table, as read (``year`` from the table's title, if any)."""

    department: str
    budget_unit: str
    project: str
    objective: str
    indicators: tuple[Indicator, ...]
    year: int | None
    place: str  # where the row starts in the source: "28", "E7", "Sheet1!A3"

    def goal_data(self, year: int) -> dict[str, Any]:
        """The goal file's data, fields in the contract's order."""
        indicators = []
        for indicator in self.indicators:
            item: dict[str, Any] = {"seq": indicator.seq, "category": indicator.category}
            if indicator.subcategory is not None:
                item["subcategory"] = indicator.subcategory
            item["name"] = indicator.name
            item["target"] = indicator.target
            indicators.append(item)
        return {
            "year": year,
            "department": self.department,
            "budget_unit": self.budget_unit,
            "project": self.project,
            "objective": self.objective,
            "indicators": indicators,
        }


class TableProblem(NamedTuple):
    """Something in the source the importer could not understand, at ``place`` (line or cell)."""

    place: str
    message_id: str
    params: dict[str, Any]


class CategoryNote(NamedTuple):
    """A category written as another region writes it, and the standard name it became."""

    level: str  # "category" or "subcategory"
    original: str
    standard: str
    times: int
    first_place: str


def control_character(text: str) -> str | None:
    """The first control character in ``text``, as ``U+0001``; None when there is none."""
    found = CONTROL_CHARACTERS.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def shortened(text: str, limit: int = 40) -> str:
    """Source text quoted in a message: long cells cut, with an ellipsis; control
    characters shown as ``<U+001B>`` (raw, they would act on the user's terminal)."""
    text = text if len(text) <= limit else text[:limit] + "…"
    return CONTROL_CHARACTERS.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)
