"""Paths as CI systems want them: relative to the repository root, with `/`."""

from __future__ import annotations

import os


def repository_root(start: str) -> str:
    """The git work tree that holds ``start`` (a folder), else ``start`` itself.

    Code scanning, GitLab and GitHub annotations all address files from the
    repository root, whatever folder goals-lint ran in.
    """
    directory = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return os.path.abspath(start)
        directory = parent


def relative_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` with `/`; an absolute path when it lies outside."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if _same_drive(absolute, root) else absolute
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = absolute
    return relative.replace(os.sep, "/")


def _same_drive(path: str, root: str) -> bool:
    return os.path.splitdrive(path)[0].lower() == os.path.splitdrive(os.path.abspath(root))[0].lower()


def write_text_atomically(path: str, text: str) -> None:
    """Write ``text`` (UTF-8, `\\n`) to ``path`` so a reader never sees half a file.

    A file name that is not UTF-8 (unpacked from a GBK zip) reaches the text as an
    escaped surrogate; it is written as ``\\udcff``, never a crash.

    The text goes to a temporary file in the same folder, which then replaces
    ``path`` in one rename. Raises OSError.
    """
    import tempfile

    from validator.output_files import resolve_output

    path, replaceable = resolve_output(path)
    if not replaceable:  # /dev/stdout, a named pipe: write into it
        with open(path, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            stream.write(text)
        return
    directory = os.path.dirname(path)
    handle, temporary = tempfile.mkstemp(prefix=".goals-lint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # what open() would have given the file
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
