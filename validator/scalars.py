"""How YAML reads a plain scalar, how to write one that reads back exactly, and what to
call the kind of value it became.

Goal files are YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
``no`` and ``off`` are text, ``1:20`` is text, ``010`` is the integer 10, never octal.
The loader reads plain scalars by these rules. Most other tools (PyYAML, users' own
scripts) read YAML 1.1, so ``scalar_text`` — what the importer's writer and ``--fix``
write values with — quotes any text that either version would read as something else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from validator.messages import define, ref

# --- messages (zh, en) ---
TYPE_STRING = define(
    "type.string",
    zh="文本",
    en="text",
)
TYPE_INTEGER = define(
    "type.integer",
    zh="整数",
    en="an integer",
)
TYPE_NUMBER = define(
    "type.number",
    zh="数字",
    en="a number",
)
TYPE_BOOLEAN = define(
    "type.boolean",
    zh="布尔值",
    en="a boolean",
)
TYPE_NULL = define(
    "type.null",
    zh="空值",
    en="nothing (null)",
)
TYPE_ARRAY = define(
    "type.array",
    zh="列表",
    en="a list",
)
TYPE_OBJECT = define(
    "type.object",
    zh="映射（键: 值）",
    en="a mapping (key: value)",
)
# JSON Schema's type names, as the kinds above.
TYPE_BY_SCHEMA_NAME = {
    "string": TYPE_STRING,
    "integer": TYPE_INTEGER,
    "number": TYPE_NUMBER,
    "boolean": TYPE_BOOLEAN,
    "null": TYPE_NULL,
    "array": TYPE_ARRAY,
    "object": TYPE_OBJECT,
}

# YAML 1.2 core schema, plain scalars only (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_DECIMAL = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCTAL = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = frozenset({".nan", ".NaN", ".NAN"})
# Characters that can start a non-string plain scalar; anything else is text at once.
_MAYBE_NOT_TEXT = frozenset("0123456789-+.~nNtTfF")


def resolve_plain_scalar(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema."""
    if not text or text[0] in _MAYBE_NOT_TEXT:
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if _INT_DECIMAL.match(text):
            return int(text, 10)
        if _INT_OCTAL.match(text):
            return int(text[2:], 8)
        if _INT_HEX.match(text):
            return int(text[2:], 16)
        if _FLOAT.match(text):
            return float(text)
        if _INFINITY.match(text):
            return float("-inf") if text[0] == "-" else float("inf")
        if text in _NAN:
            return float("nan")
    return text


# Plain scalars YAML 1.1 reads as something other than text (yaml.org/type: bool, null,
# int, float, timestamp, merge, value). The union of the spec's forms and PyYAML's, so
# that every YAML 1.1 tool reads a plain string back as that string.
_YAML_1_1_NOT_TEXT = r"""
      y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    | ~|null|Null|NULL
    | [-+]?0b[0-1_]+ | [-+]?0x[0-9a-fA-F_]+ | [-+]?[0-9][0-9_]*
    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
    | [-+]?(?:[0-9][0-9_]*)?\.[0-9._]*(?:[eE][-+]?[0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
      (?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?
    | << | =
"""


@lru_cache(maxsize=1)
def _yaml_1_1_not_text() -> re.Pattern[str]:
    # Compiled when first written with: linting never needs it.
    return re.compile(_YAML_1_1_NOT_TEXT, re.VERBOSE)


def reads_as_text_everywhere(text: str) -> bool:
    """Whether ``text`` written as a plain scalar reads back as text under YAML 1.2 and 1.1."""
    return isinstance(resolve_plain_scalar(text), str) and not _yaml_1_1_not_text().fullmatch(text)


def type_name(value: Any) -> tuple[str, dict[str, Any]]:
    """The kind of a YAML value, as a message parameter for either language."""
    if value is None:
        return ref(TYPE_NULL)
    if isinstance(value, bool):
        return ref(TYPE_BOOLEAN)
    if isinstance(value, int):
        return ref(TYPE_INTEGER)
    if isinstance(value, float):
        return ref(TYPE_NUMBER)
    if isinstance(value, str):
        return ref(TYPE_STRING)
    if isinstance(value, list):
        return ref(TYPE_ARRAY)
    return ref(TYPE_OBJECT)


# --- writing: one line of YAML that reads back as exactly the value ---

# Characters that cannot start a plain scalar (YAML indicators).
_INDICATOR_CHARACTERS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Line breaks to libyaml (YAML 1.1) and the byte-order mark: only escaped in double quotes.
_BREAKS_AND_MARKS = frozenset("\r\n\x85\u2028\u2029\ufeff")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def scalar_text(value: Any, *, in_flow: bool = False) -> str:
    """``value`` (text or an integer) as one line of YAML that reads back as exactly it:
    plain when it can be, else in single quotes, else (line breaks, control
    characters) in double quotes with escapes. ``in_flow``: it stands inside ``[…]`` or
    ``{…}``, where a plain scalar cannot hold ``,[]{}``."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"a goal file holds only text and integers, not {type(value).__name__}")
    if isinstance(value, int):
        return str(value)
    if _needs_escapes(value):
        return '"' + "".join(_escape(char) for char in value) + '"'
    if _can_be_plain(value) and not (in_flow and any(char in _FLOW_INDICATORS for char in value)):
        return value
    return "'" + value.replace("'", "''") + "'"


_FLOW_INDICATORS = frozenset(",[]{}")


def _needs_escapes(text: str) -> bool:
    return any(char in _BREAKS_AND_MARKS or not _printable(char) for char in text)


def _printable(char: str) -> bool:
    """YAML's printable set (tab counts: it can stand inside quotes)."""
    code = ord(char)
    return (
        char == "\t"
        or 0x20 <= code <= 0x7E
        or code == 0x85
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
        or 0x10000 <= code <= 0x10FFFF
    )


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _printable(char) and char not in _BREAKS_AND_MARKS:
        return char
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _can_be_plain(text: str) -> bool:
    return (
        text != ""
        and text == text.strip(" \t")
        and "\t" not in text
        and text[0] not in _INDICATOR_CHARACTERS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and reads_as_text_everywhere(text)
    )


def fits_a_folded_block(text: Any) -> bool:
    """One line with no leading or trailing blanks reads back unchanged from ``>-``."""
    return isinstance(text, str) and text != "" and text == text.strip(" \t") and not _needs_escapes(text)
