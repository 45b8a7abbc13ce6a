"""SLOW (about 15 s): goals-lint as a real pre-commit hook, end to end.

A copy of this checkout's working tree (so uncommitted work is what is tested)
becomes a git repository; a scratch repository uses it as its hook repository,
exactly as a user's repository would use ours, and commits goal files through
`git commit`. pre-commit builds and installs goals-lint from the copy (hatchling
comes from the package index). Skip with `pytest -m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
# What `pip install` of the hook repository needs, and the hook definition.
HOOK_REPO_CONTENT = ("pyproject.toml", "README.md", "LICENSE", "validator", "schemas", ".pre-commit-hooks.yaml")
TYPO = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标")
SECOND_PROJECT = VALID_GOAL.replace("广州移动政务服务平台建设", "广州移动政务服务平台二期建设")


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git; stdout holds its output and the hook's, in order (the hook's goes to stderr)."""
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=_environment(cwd.parent),
        check=False,
    )


def _environment(scratch: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        {
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            # One environment for all tests of the module: installing it is the slow part.
            "PRE_COMMIT_HOME": str(scratch / "pre-commit-home"),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
    )
    return env


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding a copy of this working tree, and its commit."""
    scratch = tmp_path_factory.mktemp("pre-commit")
    hooks = scratch / "goals-lint"
    hooks.mkdir()
    for name in HOOK_REPO_CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, hooks / name)
    assert _git(hooks, "init", "-q").returncode == 0
    assert _git(hooks, "add", "-A").returncode == 0
    assert _git(hooks, "commit", "-q", "-m", "goals-lint working tree").returncode == 0
    return hooks, _git(hooks, "rev-parse", "HEAD").stdout.strip()


def _user_repository(hook_repository: tuple[Path, str], hook_id: str) -> Path:
    """A fresh repository whose .pre-commit-config.yaml uses the hook ``hook_id``, installed."""
    hooks, commit = hook_repository
    user = hooks.parent / f"user-{len(list(hooks.parent.glob('user-*')))}"
    user.mkdir()
    assert _git(user, "init", "-q").returncode == 0
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_posix()}\n    rev: {commit}\n    hooks:\n      - id: {hook_id}\n",
        encoding="utf-8",
    )
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=user,
        capture_output=True,
        text=True,
        env=_environment(hooks.parent),
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    return user


@pytest.fixture
def user_repository(hook_repository: tuple[Path, str]) -> Path:
    return _user_repository(hook_repository, "goals-lint")


@pytest.fixture
def fixing_repository(hook_repository: tuple[Path, str]) -> Path:
    return _user_repository(hook_repository, "goals-lint-fix")


def _commit(user: Path, files: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        path = user / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert _git(user, "add", "-A").returncode == 0
    return _git(user, "commit", "-m", message)


def _commits(user: Path) -> list[str]:
    log = _git(user, "log", "--format=%s")
    return log.stdout.splitlines() if log.returncode == 0 else []


def test_a_malformed_goal_file_is_refused_and_the_fixed_one_goes_through(user_repository):
    user = user_repository
    refused = _commit(user, {"goals/2022/platform.yaml": TYPO}, "add the platform's goals")
    output = refused.stdout
    assert refused.returncode == 1, output
    assert "goals-lint" in output and "Failed" in output
    assert (
        "goals/2022/platform.yaml:8:5: GL002 unknown field `categroy`; "
        "did you mean `category` (first-level category)? [schema]"
    ) in output
    assert _commits(user) == []

    accepted = _commit(user, {"goals/2022/platform.yaml": VALID_GOAL}, "add the platform's goals")
    assert accepted.returncode == 0, accepted.stdout
    assert "goals-lint" in accepted.stdout and "Passed" in accepted.stdout
    assert _commits(user) == ["add the platform's goals"]


def test_other_files_than_goals_are_not_checked(user_repository):
    result = _commit(user_repository, {"config/settings.yaml": "a: 1\n"}, "settings")
    assert result.returncode == 0, result.stdout
    assert "(no files to check)Skipped" in result.stdout


def test_a_commit_of_one_file_sees_the_whole_goals_folder(user_repository):
    """A duplicate of a file committed earlier is found though pre-commit passes only the new file,
    with the same diagnostic as a run over the whole folder."""
    user = user_repository
    first = _commit(user, {"goals/2022/a.yaml": VALID_GOAL, "goals/2022/b.yaml": SECOND_PROJECT}, "two projects")
    assert first.returncode == 0, first.stdout

    refused = _commit(user, {"goals/2022/c.yaml": VALID_GOAL}, "a copy of project a")
    assert refused.returncode == 1
    whole_folder = subprocess.run(
        [sys.executable, "-m", "validator", "goals", "--lang", "en"],
        cwd=user,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**_environment(user.parent), "PYTHONPATH": str(REPO)},
        check=False,
    )
    expected = [line for line in whole_folder.stdout.splitlines() if line.startswith("goals/2022/c.yaml:")]
    assert any("[duplicate-project]" in line for line in expected), whole_folder.stdout
    hook_lines = [line for line in refused.stdout.splitlines() if line.startswith("goals/")]
    assert hook_lines == expected
    assert _commits(user) == ["two projects"]


MISNUMBERED = VALID_GOAL.replace("seq: 2", "seq: 3")


def test_the_fixing_hook_fixes_stops_the_commit_and_the_reviewed_fix_goes_through(fixing_repository):
    user = fixing_repository
    refused = _commit(user, {"goals/2022/platform.yaml": MISNUMBERED}, "add the platform's goals")
    output = refused.stdout
    assert refused.returncode == 1, output
    assert "goals-lint --fix" in output and "Failed" in output
    assert "files were modified by this hook" in output
    assert "Checked 1 file: no problems found. Fixed 1 problem in 1 file." in output
    assert (user / "goals/2022/platform.yaml").read_text(encoding="utf-8") == VALID_GOAL
    assert _commits(user) == []
    # What the hook changed, as the author reviews it before adding it.
    diff = _git(user, "diff", "--unified=0").stdout
    assert [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-  - seq: 3",
        "+  - seq: 2",
    ]

    accepted = _commit(user, {}, "add the platform's goals")
    assert accepted.returncode == 0, accepted.stdout
    assert "goals-lint --fix" in accepted.stdout and "Passed" in accepted.stdout
    assert _commits(user) == ["add the platform's goals"]


def test_the_fixing_hook_still_refuses_what_it_cannot_fix(fixing_repository):
    refused = _commit(fixing_repository, {"goals/2022/platform.yaml": TYPO}, "add the platform's goals")
    assert refused.returncode == 1
    assert "files were modified by this hook" not in refused.stdout
    assert "GL002 unknown field `categroy`" in refused.stdout
    assert (fixing_repository / "goals/2022/platform.yaml").read_text(encoding="utf-8") == TYPO
