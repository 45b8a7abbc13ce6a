"""The user guide runs as written: every Linux command of every page, with the output the
page shows; Windows steps beside each Linux one; every page in both languages."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from guide import blocks, console_commands, environment, shell, start, write_file

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
BIN = Path(sys.executable).parent

# The guide: the Chinese pages, and the English pages written alongside them. docs/ci.md's
# snippets need goals-lint's repository and are run by tests/test_ci_docs.py; docs/zh/ci.md has
# the same snippets (checked below). docs/import-export.md is the English reference.
GUIDE = sorted(path for path in (DOCS / "zh").glob("*.md") if path.name not in ("rules.md", "ci.md")) + [
    DOCS / "README.md",
    DOCS / "writing-goal-files.md",
    DOCS / "common-errors.md",
]
# Pages for contributors, who read the code's English anyway.
ENGLISH_ONLY = {"architecture.md"}


def _id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def _lang(page: Path) -> str:
    return "zh" if page.parent.name == "zh" else "en"


@pytest.mark.parametrize("page", GUIDE, ids=_id)
def test_the_guide_page_runs_as_written(page, tmp_path):
    env = environment(_lang(page), BIN)
    start(tmp_path, env)
    ran = 0
    for block in blocks(page.read_text(encoding="utf-8")):
        where = f"{_id(page)}:{block.line}"
        if "file" in block.options:
            write_file(block, tmp_path)
        elif block.language == "console":
            for command in console_commands(block):
                printed = shell(command.command, tmp_path, env).stdout
                assert [line.rstrip() for line in printed.splitlines()] == command.expected, (
                    f"{where}: `{command.command}` printed:\n{printed}"
                )
                ran += 1
        elif block.language == "sh" and block.options.get("where") != "source":
            completed = shell(block.text, tmp_path, env)
            assert completed.returncode == 0, f"{where}: the commands failed:\n{completed.stdout}"
            ran += 1
    assert ran, f"{_id(page)} has no command to run"


@pytest.mark.slow
def test_the_install_steps_install_goals_lint(tmp_path):
    """The `sh where=source` blocks, run in a copy of the source: what a new user types first."""
    install = {
        block.text
        for page in GUIDE
        for block in blocks(page.read_text(encoding="utf-8"))
        if block.options.get("where") == "source"
    }
    assert len(install) == 1, "the pages install goals-lint the same way"
    source = tmp_path / "goals-lint"
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "__pycache__", "*.egg-info", ".*_cache")
    shutil.copytree(REPO, source, ignore=ignore)
    completed = shell(install.pop(), source, environment("en", BIN))
    assert completed.returncode == 0, completed.stdout
    from validator import __version__

    assert completed.stdout.splitlines()[-1] == f"goals-lint {__version__}"
    assert (source / ".venv" / "bin" / "goals-lint").exists()


@pytest.mark.parametrize("page", GUIDE, ids=_id)
def test_windows_steps_stand_beside_every_linux_step(page):
    found = blocks(page.read_text(encoding="utf-8"))
    for index, block in enumerate(found):
        if block.language == "sh":
            following = found[index + 1] if index + 1 < len(found) else None
            assert following is not None and following.language == "powershell", (
                f"{_id(page)}:{block.line}: a Linux step without the Windows one after it"
            )
            assert "/" not in following.text.replace("//", "") or "\\" in following.text, following.text


@pytest.mark.parametrize("page", GUIDE, ids=_id)
def test_every_configuration_snippet_is_yaml_that_parses(page):
    for block in blocks(page.read_text(encoding="utf-8")):
        if block.language == "yaml" and "file" not in block.options:
            yaml.safe_load(block.text)


def _headings(text: str) -> list[str]:
    without_code = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.findall(r"^#+ ", without_code, flags=re.MULTILINE)


def _prose(text: str) -> str:
    """A page without its code blocks, inline code, link targets and comments."""
    return re.sub(r"^```.*?^```|`[^`]*`|\]\([^)]*\)|<!--.*?-->", " ", text, flags=re.MULTILINE | re.DOTALL)


def _chinese_share(text: str) -> float:
    letters = re.findall(r"[A-Za-z\u4e00-\u9fff]", _prose(text))
    return sum(1 for letter in letters if letter >= "\u4e00") / max(len(letters), 1)


def _english_sentences(text: str) -> list[str]:
    """Runs of four or more lowercase English words: a sentence, not a name (GitHub Actions)."""
    return re.findall(r"\b[a-z]{2,}(?:[ ,]+[a-z]{2,}){3,}", _prose(text))


def _page_names() -> tuple[set[str], set[str]]:
    english = {path.name for path in DOCS.glob("*.md")} - ENGLISH_ONLY
    return english, {path.name for path in (DOCS / "zh").glob("*.md")}


def test_no_page_exists_in_one_language_only():
    english, chinese = _page_names()
    assert sorted(english ^ chinese) == [], "each docs/NAME.md needs docs/zh/NAME.md, and the other way round"
    assert (REPO / "README.md").exists() and (REPO / "README.en.md").exists()


def _pairs() -> list[tuple[Path, Path]]:
    english, chinese = _page_names()
    both = [(DOCS / name, DOCS / "zh" / name) for name in sorted(english & chinese)]
    return [*both, (REPO / "README.en.md", REPO / "README.md")]


@pytest.mark.parametrize(("english", "chinese"), _pairs(), ids=lambda path: path.name)
def test_every_page_exists_in_both_languages_with_the_same_sections(english, chinese):
    english_text, chinese_text = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    assert _headings(english_text) == _headings(chinese_text), f"{chinese.name}: not the same sections"
    assert _english_sentences(chinese_text) == [], chinese
    assert re.search(r"[\u4e00-\u9fff]", _prose(chinese_text)), chinese
    assert _chinese_share(english_text) < 0.3, english


def _without_comments(text: str) -> str:
    return "\n".join(re.sub(r"(^|\s)#(?!\S*goals-lint:).*$", "", line).rstrip() for line in text.splitlines())


def test_the_chinese_ci_page_has_exactly_the_snippets_the_ci_tests_run():
    """docs/zh/ci.md translates the comments of docs/ci.md's snippets, nothing else: what
    tests/test_ci_docs.py runs from the English page is what the Chinese page says."""
    english = blocks((DOCS / "ci.md").read_text(encoding="utf-8"))
    chinese = blocks((DOCS / "zh" / "ci.md").read_text(encoding="utf-8"))
    assert [(block.language, _without_comments(block.text)) for block in chinese] == [
        (block.language, _without_comments(block.text)) for block in english
    ]
