"""libyaml's syntax errors as located problems, in the user's language.

libyaml says what it found in English and where it noticed it; a Chinese reader
needs to know what to change, and where. Known wordings map to our own messages; an
unclosed quote or bracket is reported where it opens, not at the end of the file.
"""

from __future__ import annotations

import yaml

from validator.loader.messages import (
    YAML_AFTER_DOCUMENT_END,
    YAML_BAD_CHARACTER,
    YAML_BAD_ESCAPE,
    YAML_BAD_NAME,
    YAML_BAD_TAG,
    YAML_BLOCK_SCALAR_HEADER,
    YAML_COLON_IN_VALUE,
    YAML_CONTROL_CHARACTER,
    YAML_DIRECTIVE,
    YAML_INDENTATION,
    YAML_MISSING_COLON,
    YAML_MISSING_VALUE,
    YAML_SYNTAX,
    YAML_TAB,
    YAML_TOO_DEEP,
    YAML_UNCLOSED_FLOW,
    YAML_UNCLOSED_QUOTE,
)
from validator.loader.model import SyntaxProblem, byte_position, point, syntax_problem

# libyaml's own wording → our message ids (both languages); unknown ones keep their text.
_LIBYAML_PROBLEMS = {
    "found a tab character that violates indentation": YAML_TAB,
    "found a tab character where an indentation space is expected": YAML_TAB,
    "mapping values are not allowed in this context": YAML_COLON_IN_VALUE,
    "mapping values are not allowed here": YAML_COLON_IN_VALUE,
    "did not find expected '-' indicator": YAML_INDENTATION,
    "did not find expected key": YAML_INDENTATION,
    "could not find expected ':'": YAML_MISSING_COLON,
    "found unexpected end of stream": YAML_UNCLOSED_QUOTE,
    "found unknown escape character": YAML_BAD_ESCAPE,
    "did not find expected ',' or ']'": YAML_UNCLOSED_FLOW,
    "did not find expected ',' or '}'": YAML_UNCLOSED_FLOW,
    "exceeded maximum nesting depth": YAML_TOO_DEEP,
    # Rarer ones, so that a Chinese reader never gets libyaml's English.
    "did not find expected alphabetic or numeric character": YAML_BAD_NAME,
    "found unknown directive name": YAML_DIRECTIVE,
    "found duplicate %YAML directive": YAML_DIRECTIVE,
    "did not find expected <document start>": YAML_AFTER_DOCUMENT_END,
    "found invalid Unicode character escape code": YAML_BAD_ESCAPE,
    "did not find expected hexdecimal number": YAML_BAD_ESCAPE,
    "did not find the expected '>'": YAML_BAD_TAG,
    "found undefined tag handle": YAML_BAD_TAG,
    "did not find expected comment or line break": YAML_BLOCK_SCALAR_HEADER,
    "did not find expected node content": YAML_MISSING_VALUE,
}


# Problems libyaml finds at the end of the file or on a later line, whose cause is where
# something opened: a quote, a bracket, or a line that should have been `key: value`.
_REPORTED_AT_THE_OPENING = frozenset({YAML_UNCLOSED_QUOTE, YAML_UNCLOSED_FLOW, YAML_MISSING_COLON})


def syntax_error_problem(error: yaml.YAMLError, text: str, max_depth: int) -> SyntaxProblem:
    if isinstance(error, yaml.reader.ReaderError):
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        # libyaml reads the UTF-8 encoding of the text: its position counts bytes.
        return syntax_problem(
            point(*byte_position(text.encode("utf-8"), error.position)),
            YAML_CONTROL_CHARACTER,
            code_point=f"U+{ord(character):04X}",
        )
    problem = getattr(error, "problem", None) or str(error)
    message_id = _LIBYAML_PROBLEMS.get(problem)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if message_id in _REPORTED_AT_THE_OPENING and getattr(error, "context_mark", None) is not None:
        mark = getattr(error, "context_mark", None)  # the end of the file says nothing; the opening quote does
    line, column = _within_the_text(text, *((mark.line, mark.column) if mark is not None else (0, 0)))
    if message_id is None and problem.startswith("found character"):
        lines = text.splitlines()
        found_tab = line < len(lines) and column < len(lines[line]) and lines[line][column] == "\t"
        message_id = YAML_TAB if found_tab else YAML_BAD_CHARACTER
    if message_id is None:
        return syntax_problem(point(line, column), YAML_SYNTAX, detail=problem)
    if message_id == YAML_TOO_DEEP:
        return syntax_problem(point(line, column), message_id, limit=max_depth)
    return syntax_problem(point(line, column), message_id)


def _within_the_text(text: str, line: int, column: int) -> tuple[int, int]:
    """A position libyaml gives past the last line (the end of the stream) as the last
    character of the last line that has one: a report must point at the file's text."""
    lines = text.split("\n")
    if line < len(lines) and (column < len(lines[line].rstrip("\r")) or line < len(lines) - 1):
        return line, column
    for index in range(min(line, len(lines) - 1), -1, -1):
        content = lines[index].rstrip("\r")
        if content.strip():
            return index, len(content) - 1
    return 0, 0
