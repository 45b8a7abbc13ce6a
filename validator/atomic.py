"""The one way goals-lint writes a file: whole or not at all.

Everything goes to a temporary file in the target's own folder and is renamed over
the target in one step, so a reader (or a crash, or a full disk) never leaves half a
file. A replaced file keeps its permission bits; a new one gets what ``open()``
would give it (0666 less the umask).

Links and special files are where the two kinds of writers differ:

- ``follow_links=True`` — a path the user named for output (``--format sarif:FILE``,
  ``--output``, the baseline): a symbolic link is written through (the file it points
  at is replaced, the link stays), and a device or named pipe (``/dev/stdout``) is
  written into, never replaced by an ordinary file.
- ``follow_links=False`` — files the tool names itself inside a folder that may hold
  what a pull request put there (``import --out``): a link is never written through;
  the link itself is replaced by the new file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

_TEMPORARY_PREFIX = ".goals-lint-"


def write_atomically(path: str, content: bytes, *, follow_links: bool) -> None:
    """Write ``content`` to ``path`` (see the module's notes). Raises OSError."""
    write_all_atomically([(path, content)], follow_links=follow_links)


def write_text_atomically(path: str, text: str, *, follow_links: bool = True) -> None:
    """``text`` as UTF-8 with `\\n` line ends. A file name that is not UTF-8 (unpacked
    from a GBK zip) reaches the text as an escaped surrogate; it is written as
    ``\\udcff``, never a crash."""
    write_atomically(path, text.encode("utf-8", "backslashreplace"), follow_links=follow_links)


def write_all_atomically(files: Sequence[tuple[str, bytes]], *, follow_links: bool) -> None:
    """Write every file or none: all go to temporary files first, and are renamed into
    place only when all were written (a full disk stops before any is replaced)."""
    replaced: list[tuple[str, bytes, int | None]] = []
    for path, content in files:
        target = os.path.realpath(path) if follow_links else path
        mode = _existing_mode(target)
        if mode is not None and not stat.S_ISREG(mode):
            if follow_links:  # /dev/stdout, a named pipe: write into it, never replace it
                with open(target, "wb") as stream:
                    stream.write(content)
                continue
            mode = None  # a link or a special file in a folder we fill: replaced, not followed
        replaced.append((target, content, None if mode is None else stat.S_IMODE(mode)))
    import tempfile  # with shutil, random and the compressors: only a run that writes pays for it

    temporaries: list[str] = []
    try:
        for target, content, mode in replaced:
            descriptor, temporary = tempfile.mkstemp(
                dir=os.path.dirname(target) or ".", prefix=_TEMPORARY_PREFIX, suffix=".tmp"
            )
            temporaries.append(temporary)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, _new_file_mode() if mode is None else mode)
        for (target, _, _), temporary in zip(replaced, temporaries, strict=True):
            os.replace(temporary, target)
    except BaseException:
        for temporary in temporaries:
            if os.path.lexists(temporary):
                os.remove(temporary)
        raise


def _existing_mode(path: str) -> int | None:
    """The mode of what is at ``path`` itself (a link is a link), or None."""
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
