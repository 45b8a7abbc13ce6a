"""Reading the user guide's pages as a person follows them: files to write, commands to run.

A page is Markdown. Its fenced blocks say what they are in the info string:

- ```` ```yaml file=goals/2025/a.yaml ```` (any language, ``encoding=gb18030`` optional):
  a file the reader creates, written in that encoding;
- ```` ```console ````: ``$ command`` lines, each followed by exactly what it prints
  (standard output and error, as a terminal shows them);
- ```` ```sh ````: Linux and macOS commands that must succeed; ``where=source`` runs them
  in a copy of goals-lint's source (installing it);
- ```` ```powershell ````: the same steps on Windows, right after the ``sh`` block (read,
  not run, here);
- anything else (configuration for another system, a table): read only.

A page starts in an empty git repository (the guide's readers keep their goal files in
git) with goals-lint installed. ``tests/test_user_guide.py`` runs every page;
``python tests/guide.py PAGE FOLDER`` prints what the console blocks of a page print now,
to write them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    language: str
    options: dict[str, str]
    text: str
    line: int  # where the block starts in its page, for messages


@dataclass
class Command:
    command: str
    expected: list[str] = field(default_factory=list)


def blocks(page: str) -> list[Block]:
    found = []
    for match in _FENCE.finditer(page):
        words = match.group(1).split()
        language = words[0] if words else ""
        options = dict(word.split("=", 1) for word in words[1:] if "=" in word)
        found.append(Block(language, options, match.group(2), page.count("\n", 0, match.start()) + 1))
    return found


def console_commands(block: Block) -> list[Command]:
    commands: list[Command] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            commands.append(Command(line[2:]))
        elif commands:
            commands[-1].expected.append(line.rstrip())
    return commands


def environment(lang: str, bin_folder: Path) -> dict[str, str]:
    """A reader's shell: goals-lint on PATH, the page's language, unbuffered output (so that
    standard output and error arrive in the order a terminal shows them)."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8"
    env["PATH"] = f"{bin_folder}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("GITHUB_ACTIONS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    # A reader's git knows who they are.
    env.update(GIT_AUTHOR_NAME="读者", GIT_AUTHOR_EMAIL="reader@example.org")
    env.update(GIT_COMMITTER_NAME="读者", GIT_COMMITTER_EMAIL="reader@example.org")
    return env


def start(work: Path, env: dict[str, str]) -> None:
    """Where a page begins: an empty git repository."""
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "--quiet", str(work)], env=env, check=True)


def shell(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )


def write_file(block: Block, cwd: Path) -> None:
    path = cwd / block.options["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(block.text.encode(block.options.get("encoding", "utf-8")))


if __name__ == "__main__":  # print what each console command of a page prints now
    page_path = Path(sys.argv[1])
    work = Path(sys.argv[2])
    lang = "zh" if "/zh/" in page_path.as_posix() else "en"
    env = environment(lang, Path(sys.executable).parent)
    start(work, env)
    for block in blocks(page_path.read_text(encoding="utf-8")):
        if "file" in block.options:
            write_file(block, work)
        elif block.language == "console":
            print("```console")
            for command in console_commands(block):
                print("$ " + command.command)
                print(shell(command.command, work, env).stdout, end="")
            print("```")
        elif block.language == "sh" and block.options.get("where") != "source":
            shell(block.text, work, env)
