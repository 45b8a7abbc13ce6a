"""Folders and file names: walking up to a config or repository root, and paths as
users and CI systems want to see them."""

from __future__ import annotations

import os
from collections.abc import Iterator


def walk_up(start: str) -> Iterator[str]:
    """``start`` (a folder, made absolute) and each folder above it, up to the root."""
    directory = os.path.abspath(start)
    while True:
        yield directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def repository_root(start: str) -> str:
    """The git work tree that holds ``start`` (a folder), else ``start`` itself.

    Code scanning, GitLab and GitHub annotations all address files from the
    repository root, whatever folder goals-lint ran in.
    """
    for directory in walk_up(start):
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
    return os.path.abspath(start)


def relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` with `/`; an absolute path when it lies outside."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if _same_drive(absolute, root) else absolute
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = absolute
    return relative.replace(os.sep, "/")


def _same_drive(path: str, root: str) -> bool:
    return os.path.splitdrive(path)[0].lower() == os.path.splitdrive(os.path.abspath(root))[0].lower()


def shown_path(path: str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith(os.pardir) else relative.replace(os.sep, "/")
