"""Every message in both languages, with the same parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator.messages import FILE, LANGUAGES, catalogue, counted, language_from_environment, placeholders, ref, render

MESSAGES = catalogue()

SOURCE = Path(__file__).resolve().parent.parent / "validator"


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(message_id):
    texts = MESSAGES[message_id]
    assert set(texts) == set(LANGUAGES)
    assert all(texts[lang].strip() for lang in LANGUAGES)
    assert placeholders(texts["zh"]) == placeholders(texts["en"])


def test_chinese_messages_are_chinese():
    for message_id, texts in MESSAGES.items():
        words = re.sub(r"\{\w+\}|goals-lint", "", texts["zh"])
        if not re.search(r"[A-Za-z\u4e00-\u9fff]", words):
            continue  # only a frame for other messages, such as "{n}" or "goals-lint: {detail}"
        assert re.search(r"[\u4e00-\u9fff]", texts["zh"]), message_id


def test_every_message_id_used_in_the_code_exists():
    used = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(
            re.findall(
                r'"((?:file|encoding|yaml|schema|cli|summary|type|count|config|rule|target|baseline|suppression|report|table|fix)\.[a-z0-9_.]+)"',
                text,
            )
        )
    assert used, "the pattern found no message ids"
    assert sorted(used - set(MESSAGES)) == []


def test_render_translates_parameters_that_are_messages():
    params = {
        "field": "name",
        "title": {"zh": "指标名称", "en": "indicator name"},
        "value": "x",
        "found": ref("type.integer"),
        "expected": ref("type.string"),
    }
    assert render("schema.type", params, "zh") == "`name`（指标名称）应为文本，实际是整数：x"
    assert render("schema.type", params, "en") == "`name` (indicator name) must be text, found an integer: x"


def test_plain_string_parameters_are_data_never_looked_up():
    params = {"field": "type.null", "title": {"zh": "字段", "en": "field"}, "suggestion": "summary.clean"}
    assert render("schema.unknown_field_suggest", params, "en") == (
        "unknown field `type.null`; did you mean `summary.clean` (field)?"
    )


def test_counted_uses_the_english_singular():
    assert render("summary.clean", {"files": counted(FILE, 1)}, "en") == "Checked 1 file: no problems found."
    assert render("summary.clean", {"files": counted(FILE, 3)}, "en") == "Checked 3 files: no problems found."
    assert render("summary.clean", {"files": counted(FILE, 3)}, "zh") == "已检查 3 个文件，未发现问题。"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LANG": "C", "LC_MESSAGES": "zh_CN"}, "zh"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US"}, "zh"),
    ],
)
def test_language_from_environment(environ, lang):
    assert language_from_environment(environ) == lang


def test_quoted_user_text_is_cut_to_a_readable_length():
    long_target = "≥1个，" * 1000
    text = render("rule.vague_target", {"target": long_target}, "en")
    assert len(text) < 400
    assert "≥1个，≥1个，" in text and "…" in text
