"""Shared helpers for the tests: write goal files, run the CLI in-process."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import Any

from validator.cli import main

VALID_GOAL = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万
  - seq: 2
    category: 产出指标
    subcategory: 数量指标
    name: 外部服务对接和建设数量
    target: 200项
"""


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return path


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    @property
    def report(self) -> dict[str, Any]:
        return json.loads(self.out)

    @property
    def diagnostics(self) -> list[dict[str, Any]]:
        return self.report["diagnostics"]

    def locations(self) -> list[tuple[str, int, int, str]]:
        """(file name, line, column, code) of each diagnostic, in report order."""
        return [(Path(d["path"]).name, d["line"], d["column"], d["code"]) for d in self.diagnostics]


def run(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def run_json(*args: str, lang: str = "en") -> Run:
    return run(*args, "--format", "json", "--lang", lang)
