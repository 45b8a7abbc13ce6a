"""argparse's own words — "usage:", "options", its error messages — in Chinese and English.

argparse looks each of its words up with ``gettext`` (its module-level ``_`` and
``ngettext``) at the moment it uses them, by the English text (the msgid). While a
goals-lint parser builds, formats its help or parses, :func:`argparse_speaking` points
those two names at this catalogue, so a Chinese user never reads argparse's English.
The English side of each message is the msgid itself: nothing changes in English.

``tests/test_cli_language.py`` reads the msgids of the running Python's argparse and
fails on any a user could see that has no translation here (a new Python may add one).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from validator.messages import define, render


def _word(message_id: str, msgid: str, zh: str) -> tuple[str, str]:
    return msgid, define(message_id, zh=zh, en=msgid)


# --- messages (zh, en): argparse's msgid → our message id ---
ARGPARSE_WORDS: dict[str, str] = dict(
    [
        _word("argparse.usage", "usage: ", "用法："),
        _word("argparse.positional_arguments", "positional arguments", "位置参数"),
        _word("argparse.options", "options", "选项"),
        _word("argparse.optional_arguments", "optional arguments", "选项"),  # Python < 3.10
        _word("argparse.help", "show this help message and exit", "显示此帮助并退出"),
        _word("argparse.argument", "argument %(argument_name)s: %(message)s", "参数 %(argument_name)s：%(message)s"),
        _word("argparse.unrecognized", "unrecognized arguments: %s", "无法识别的参数：%s"),
        _word("argparse.not_allowed_with", "not allowed with argument %s", "不能与 %s 同时使用"),
        _word("argparse.ignored_explicit", "ignored explicit argument %r", "这个选项不接受值，%r 无效"),
        _word("argparse.required", "the following arguments are required: %s", "缺少必需的参数：%s"),
        _word("argparse.one_required", "one of the arguments %s is required", "参数 %s 必须给出其中一个"),
        _word("argparse.expected_one", "expected one argument", "后面需要一个值"),
        _word("argparse.expected_at_most_one", "expected at most one argument", "后面最多只能有一个值"),
        _word("argparse.expected_at_least_one", "expected at least one argument", "后面至少需要一个值"),
        _word("argparse.expected_n", "expected %s argument", "后面需要 %s 个值"),
        _word("argparse.expected_n_plural", "expected %s arguments", "后面需要 %s 个值"),
        _word(
            "argparse.ambiguous",
            "ambiguous option: %(option)s could match %(matches)s",
            "选项不明确：%(option)s 可能是 %(matches)s",
        ),
        _word("argparse.unexpected_option", "unexpected option string: %s", "意外的选项：%s"),
        _word("argparse.invalid_value", "invalid %(type)s value: %(value)r", "%(value)r 不是有效的%(type)s"),
        _word(
            "argparse.invalid_choice",
            "invalid choice: %(value)r (choose from %(choices)s)",
            "无效的值 %(value)r（可选：%(choices)s）",
        ),
        _word(  # Python 3.14, with suggest_on_error
            "argparse.invalid_choice_closest",
            "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)",
            "无效的值 %(value)r，是否应为 %(closest)r？（可选：%(choices)s）",
        ),
        _word("argparse.error", "%(prog)s: error: %(message)s\n", "%(prog)s：错误：%(message)s\n"),
        _word("argparse.warning", "%(prog)s: warning: %(message)s\n", "%(prog)s：警告：%(message)s\n"),
        _word("argparse.option_deprecated", "option '%(option)s' is deprecated", "选项 '%(option)s' 已弃用"),
        _word(
            "argparse.argument_deprecated",
            "argument '%(argument_name)s' is deprecated",
            "参数 '%(argument_name)s' 已弃用",
        ),
        _word(
            "argparse.command_deprecated", "command '%(parser_name)s' is deprecated", "命令 '%(parser_name)s' 已弃用"
        ),
        _word("argparse.cannot_open", "can't open '%(filename)s': %(error)s", "无法打开 '%(filename)s'：%(error)s"),
        _word("argparse.deprecated", "deprecated", "已弃用"),
    ]
)


def _translator(lang: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    def gettext(msgid: str) -> str:
        message_id = ARGPARSE_WORDS.get(msgid)
        return msgid if message_id is None else render(message_id, {}, lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    return gettext, ngettext


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's words in ``lang`` inside the ``with`` block (a command line is parsed in
    one thread; the previous words are restored however the block ends)."""
    gettext, ngettext = _translator(lang)
    words: dict[str, object] = {"_": gettext, "ngettext": ngettext}
    saved = {name: vars(argparse).get(name) for name in words}
    for name, function in words.items():
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)
