"""`--fix` on the published table (goals/2022), as the issue's acceptance describes it: a copy
without the baseline, in a git repository; `git diff` shows only the numbering and the safe
text-hygiene edits, every comment intact; a second run has nothing left for `--fix`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import run, run_json

from validator.loader import read_goal_file
from validator.table.writer import goal_file_text

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "goals" / "2022"
SAFE_HYGIENE = {"rule.text_hygiene.whitespace", "rule.text_hygiene.leading", "rule.text_hygiene.space_before"}


def _git(cwd: Path, *args: str) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "core.quotepath=off"]
    completed = subprocess.run(
        ["git", *identity, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env, check=True
    )
    return completed.stdout


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed (CI installs it)")
    copy = tmp_path / "seed"
    shutil.copytree(SEED, copy / "goals" / "2022")
    shutil.copytree(REPO / "schemas", copy / "schemas")
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "commit", "-q", "-m", "the published table")
    return copy


def _identities(diagnostics: list[dict]) -> set[tuple[str, str, str, str]]:
    return {(d["path"], d["rule"], d["pointer"], d["message_id"]) for d in diagnostics}


def test_fix_on_the_published_table(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seed_copy)
    assert not (seed_copy / ".goals-lint-baseline.json").exists()
    before = run_json("goals/2022").diagnostics
    to_fix = [d for d in before if d["rule"] == "sequential-numbering" or d["message_id"] in SAFE_HYGIENE]
    assert len(to_fix) == 24  # 11 numbers, 13 names and targets
    assert all(d["fix"]["applicability"] == "safe" for d in to_fix)
    assert {d["fix"]["applicability"] for d in before if d["fix"] and d not in to_fix} == {"unsafe"}

    fixed = run("goals/2022", "--fix", "--lang", "zh")
    assert fixed.err == ""
    assert fixed.out.splitlines()[-1] == (
        "已检查 20 个文件：1 个错误，35 个警告，0 个提示（涉及 11 个文件）。"
        "其中 28 个问题可加 --fix --unsafe-fixes 修复。已修复 24 个问题（11 个文件）。"
    )

    # git diff: only the fields those problems point at changed, and every comment is intact.
    diff = _git(seed_copy, "diff", "--unified=0", "--no-color")
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 24
    for old, new in zip(removed, added, strict=True):
        key = re.match(r"\s*(?:- )?(seq|name|target): ", old)
        assert key is not None, old
        assert new.startswith(old[: key.end()]), (old, new)
        assert "#" not in old + new
    for path in (seed_copy / "goals" / "2022").glob("*.yaml"):
        committed = _git(seed_copy, "show", f"HEAD:goals/2022/{path.name}")
        comments = [line for line in committed.splitlines() if line.lstrip().startswith("#")]
        assert comments == [
            line for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")
        ]

    # What was fixed is gone; what is left was there before, or is what remains of a value
    # a fix cleaned (`情况 。` loses its space; the stray `。` is still reported, as unsafe).
    after = run_json("goals/2022").report
    assert after["summary"]["fixable"] == 0
    fixed_places = {(d["path"], d["pointer"]) for d in to_fix}
    for problem in _identities(after["diagnostics"]) - _identities(before):
        assert (problem[0], problem[2]) in fixed_places, problem
    assert not _identities(to_fix) & _identities(after["diagnostics"])

    second = run("goals/2022", "--diff")
    assert (second.code, second.out) == (0, "")


def test_a_fixed_file_is_what_the_importer_writes_for_its_data(seed_copy: Path, monkeypatch: pytest.MonkeyPatch):
    """The seed files are the importer's output; after --fix, each is still exactly what the
    importer's writer writes for its (fixed) data: values are quoted by the same rules."""
    monkeypatch.chdir(seed_copy)
    assert run("goals/2022", "--fix", "--unsafe-fixes").code in (0, 1)
    changed = _git(seed_copy, "diff", "--name-only").split()
    assert len(changed) >= 11
    for name in changed:
        goal = read_goal_file(name)
        assert goal.readable
        text = (seed_copy / name).read_text(encoding="utf-8")
        assert goal_file_text(goal.data, "../../schemas/goal.schema.json") == text
