"""Malformed input of any kind becomes located diagnostics, never an exception.

A seeded mutation of a valid goal file: YAML punctuation, anchors, tags, BOMs, NULs,
invalid UTF-8, tabs and CRLFs spliced in, bytes deleted. Every run must finish, and
every diagnostic must have a real position and render in both languages.
"""

from __future__ import annotations

import random

import pytest
from support import VALID_GOAL

from validator.config import Config
from validator.linter import Selection, lint_files

FRAGMENTS = [
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"---\n",
    b"\t",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"'",
    b'"',
    b"\xff",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\n",
    b"  ",
    b"? ",
    b"|",
    b">",
    b"#",
    b"%YAML 1.1\n",
    b"\x07",
    b"~",
    b"010",
    b"no",
    "中".encode(),
    b"\r\n",
    b"<<: *a\n",
    b"...\n",
    b"\xd6\xd0",
    b"\\",
    b"%",
    b"@",
    b"`",
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    mutated = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        position = rng.randint(0, len(mutated))
        choice = rng.random()
        if choice < 0.5:
            mutated[position:position] = rng.choice(FRAGMENTS)
        elif choice < 0.8:
            del mutated[position : position + rng.randint(1, 20)]
        else:
            mutated[position:position] = bytes([rng.randint(0, 255)])
    return bytes(mutated)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_goal_files_never_crash(tmp_path, seed):
    rng = random.Random(seed)
    selection = Selection.build(Config(root=str(tmp_path)))
    paths = []
    for number in range(150):
        path = tmp_path / f"mutant-{number:03d}.yaml"
        path.write_bytes(mutate(rng, VALID_GOAL.encode("utf-8")))
        paths.append(str(path))
    result = lint_files(paths, selection)
    assert result.files_checked == 150
    assert result.diagnostics, "mutations this rough must produce problems"
    for diagnostic in result.diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        for lang in ("zh", "en"):
            assert diagnostic.message(lang)


TARGET_PIECES = [
    "≥",
    "≤",
    ">",
    "<",
    "=",
    "-",
    "−",
    "~",
    "至",
    "到",
    "或",
    "，",
    "；",
    "。",
    ".",
    " ",
    "%",
    "％",
    "百分比",
    "万",
    "亿",
    "个",
    "个月",
    "小时",
    "Gbps",
    "以上",
    "以内",
    "不少于",
    "不超过",
    "为",
    "达到",
    "12月底前",
    "2022年",
    "第四季度",
    "12345热线",
    "IPv6",
    "5G",
    "0",
    "1",
    "9",
    "100",
    "99.5",
    "１００",
    "1,000",
    "满意度",
    "增长率",
    "明显提升",
    "优",
    "满足",
    "（%）",
    "(",
    ")",
    "成本",
    "响应时间",
    "可用率",
    "\u3000",
    "…",
]


def _resolves(data, pointer: str) -> bool:
    """Whether a JSON Pointer names a value in ``data``."""
    node = data
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return False
    return True


@pytest.mark.parametrize("seed", range(3))
def test_rules_never_crash_on_strange_names_and_targets(seed):
    """Every data rule on 400 schema-valid indicators made of the parser's trickiest pieces."""
    from validator.config import Config
    from validator.messages import render
    from validator.registry import RULES

    rng = random.Random(seed)
    config = Config(root=".")

    def text():
        return "".join(rng.choice(TARGET_PIECES) for _ in range(rng.randint(1, 8))) or "x"

    indicators = [
        {
            "seq": rng.randint(1, 5),
            "category": rng.choice(["产出指标", "效益指标", "满意度指标", "成本指标"]),
            "name": text(),
            "target": text(),
        }
        for _ in range(400)
    ]
    data = {
        "year": 2022,
        "department": "d",
        "budget_unit": "u",
        "project": text(),
        "objective": "o",
        "indicators": indicators,
    }
    for rule in RULES:
        if rule.stage == "data":
            for problem in rule.check(data, **config.options_for(rule)):
                assert _resolves(data, problem.pointer), problem  # a place in the file, not a guess
                for lang in ("zh", "en"):  # every placeholder filled ({related_line} by the linter)
                    assert render(problem.message_id, {**problem.params, "related_line": 1}, lang)
