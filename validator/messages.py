"""Rendering messages in Chinese or English; the messages themselves live beside their owners.

Each module that reports something defines its messages next to the code that uses
them, with :func:`define`: a rule module its findings, ``validator.loader.messages``
what the reader says, ``validator.config`` configuration errors, and so on. Checks
report a message id and parameters; the text is chosen only when output is written,
in the language the user asked for. A parameter that is a message of its own — a
``(message_id, params)`` pair, made by :func:`ref` — or a ``{"zh", "en"}`` pair is
rendered in the same language, so nothing English leaks into a Chinese message.
Plain strings are the user's data and are never looked up.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import os
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

LANGUAGES = ("zh", "en")

# Every message defined so far, by id: {"zh": ..., "en": ...}. A module's messages are
# here once it is imported, which is always before one of them is rendered.
# ``catalogue()`` imports every module, for the tests and the docs.
MESSAGES: dict[str, dict[str, str]] = {}


def define(message_id: str, *, zh: str, en: str) -> str:
    """Add a message to the catalogue; returns its id, to be kept as a constant."""
    texts = {"zh": zh, "en": en}
    if MESSAGES.setdefault(message_id, texts) != texts:
        raise ValueError(f"message id {message_id!r} is defined twice")
    return message_id


class Noun(NamedTuple):
    """A counted noun: English needs a singular and a plural, Chinese neither."""

    one: str  # message id of "1 file"
    many: str  # message id of "2 files"


def noun(one_id: str, many_id: str, *, one: str, many: str) -> Noun:
    """An English noun counted as ``{n}``; Chinese counts with the bare number."""
    return Noun(define(one_id, zh="{n}", en=one), define(many_id, zh="{n}", en=many))


FILE = noun("count.file", "count.files", one="{n} file", many="{n} files")
ERROR = noun("count.error", "count.errors", one="{n} error", many="{n} errors")
WARNING = noun("count.warning", "count.warnings", one="{n} warning", many="{n} warnings")
INFO = noun("count.info", "count.infos", one="{n} note", many="{n} notes")
PROBLEM = noun("count.problem", "count.problems", one="{n} problem", many="{n} problems")
ENTRY = noun("count.entry", "count.entries", one="{n} entry", many="{n} entries")


def catalogue() -> dict[str, dict[str, str]]:
    """Every message of goals-lint: imports each module of the package first."""
    import importlib
    import pkgutil

    import validator

    for module in pkgutil.walk_packages(validator.__path__, "validator."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return MESSAGES


def placeholders(template: str) -> set[str]:
    # Only the tests ask this; importing `string` here keeps it off every run's start-up.
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(message_id: str, params: Mapping[str, Any], lang: str) -> str:
    template = MESSAGES[message_id][lang]
    if not params:
        return template
    return template.format_map({name: _render_param(value, lang) for name, value in params.items()})


def ref(message_id: str, **params: Any) -> tuple[str, dict[str, Any]]:
    """A message used as a parameter of another (``found=ref("type.integer")``)."""
    return (message_id, params)


# The user's text quoted in a message is cut here: a 900 KiB target must not become a
# 900 KiB line, annotation or summary row.
QUOTED_TEXT_LIMIT = 200


def _render_param(value: Any, lang: str) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] in MESSAGES:
        return render(value[0], value[1], lang)
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return value[lang]
    if isinstance(value, str) and len(value) > QUOTED_TEXT_LIMIT:
        return value[:QUOTED_TEXT_LIMIT] + "…"
    return value


# Characters that would break "one line a problem" (or hide in it) if printed as they are.
# A parameter can carry them: a `project: |` block scalar ends in a newline.
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with newlines, tabs and other control characters as visible escapes (``\\n``,
    ``\\u001b``): for messages, and for file names, which can hold them as well."""
    if _LINE_BREAKING.search(text) is None:
        return text
    return _LINE_BREAKING.sub(lambda match: _ESCAPES.get(match.group(), f"\\u{ord(match.group()):04x}"), text)


def counted(counted_noun: Noun, number: int) -> tuple[str, dict[str, int]]:
    """A parameter that renders as "1 file" / "2 files" (English) or "2" (Chinese)."""
    return ref(counted_noun.one if number == 1 else counted_noun.many, n=number)


def language_from_environment(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str | None = None,
    system_language: Callable[[str], str | None] | None = None,
) -> str:
    """``zh`` when the user's language is Chinese, else ``en``.

    First the variables gettext reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: Linux, a macOS
    terminal, Git Bash on Windows); when none is set — a Windows console, a program
    started from the macOS Dock or an IDE — the language the system itself is set to.
    ``platform`` and ``system_language`` stand in for the real ones in tests.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "zh" if _is_chinese(value) else "en"
    name = (system_language or _system_language)(sys.platform if platform is None else platform)
    return "zh" if name and _is_chinese(name) else "en"


def _is_chinese(locale_name: str) -> bool:
    # zh_CN.UTF-8, zh-Hans-CN, zh_TW:en (LANGUAGE lists several), Chinese (Simplified)_China.936 (Windows)
    return locale_name.strip().lower().startswith(("zh", "chinese"))


def _system_language(platform: str) -> str | None:
    """The system's language as a locale name (``zh_CN``, ``zh-Hans-CN``), or None if unknown."""
    try:
        if platform == "win32":
            return windows_ui_language()
        if platform == "darwin":
            return macos_preferred_language()
    except (OSError, ValueError, AttributeError):
        pass  # a setting that cannot be read: English, as with no setting at all
    import locale

    return locale.getlocale()[0]


def windows_ui_language(ui_language_id: Callable[[], int] | None = None) -> str | None:
    """The Windows display language (what the user reads menus in) as a locale name."""
    import locale

    if ui_language_id is None:
        import ctypes

        ui_language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage  # type: ignore[attr-defined]
    language_id = ui_language_id()
    # A LANGID's low ten bits are the language: 0x04 is Chinese, whatever the region
    # (0x0804 China, 0x0404 Taiwan, 0x0C04 Hong Kong, 0x1004 Singapore).
    return locale.windows_locale.get(language_id) or ("zh" if language_id & 0x3FF == 0x04 else None)


MACOS_GLOBAL_PREFERENCES = "~/Library/Preferences/.GlobalPreferences.plist"


def macos_preferred_language(preferences: str = MACOS_GLOBAL_PREFERENCES) -> str | None:
    """The first of the user's preferred languages in macOS's settings (``zh-Hans-CN``)."""
    import plistlib

    with open(os.path.expanduser(preferences), "rb") as stream:
        settings = plistlib.load(stream)
    languages = settings.get("AppleLanguages") or []
    if languages and isinstance(languages[0], str):
        return languages[0]
    locale_name = settings.get("AppleLocale")
    return locale_name if isinstance(locale_name, str) else None
