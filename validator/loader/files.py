"""From a path to text: only regular files, within the size limit, in UTF-8.

A file that cannot be opened is an ``unreadable-file`` problem; one that can be read
but is not UTF-8 text (UTF-16, NUL bytes, GBK/GB18030 from Chinese Windows) or is
over the size limit is a ``yaml-syntax`` problem. Either way the reader stops there.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat

from validator.diagnostics import Applicability, Fix, Reencode
from validator.loader.messages import (
    ENCODING_GB18030,
    ENCODING_NOT_UTF8,
    ENCODING_NUL,
    ENCODING_UTF16,
    FILE_BROKEN_LINK,
    FILE_IS_DIRECTORY,
    FILE_LINK_LOOP,
    FILE_NOT_REGULAR,
    FILE_PERMISSION_DENIED,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    FILE_VANISHED,
    FIX_ENCODING,
)
from validator.loader.model import GoalFile, SyntaxProblem, byte_position, point, syntax_problem

DEFAULT_MAX_FILE_SIZE = 1024 * 1024


def read_bytes(goal_file: GoalFile, max_file_size: int) -> bytes | None:
    try:
        # A pipe or a device would block the run or never end: only regular files are read.
        status = os.stat(goal_file.path)
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            goal_file.problems.append(SyntaxProblem("unreadable-file", point(0, 0), FILE_NOT_REGULAR, {}))
            return None
        # Read one byte past the cap: enough to know it is too big, never the whole file
        # (and never a buffer of the cap's size for a small file).
        with open(goal_file.path, "rb") as stream:
            raw = stream.read(min(max_file_size, status.st_size) + 1)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message_id, params = FILE_LINK_LOOP, {}
        elif os.path.islink(goal_file.path) and not os.path.exists(goal_file.path):
            message_id, params = FILE_BROKEN_LINK, {"target": os.readlink(goal_file.path)}
        elif isinstance(error, PermissionError):
            message_id, params = FILE_PERMISSION_DENIED, {}
        elif isinstance(error, IsADirectoryError):
            message_id, params = FILE_IS_DIRECTORY, {}
        elif isinstance(error, FileNotFoundError):
            message_id, params = FILE_VANISHED, {}  # listed, then gone before it was read
        else:
            message_id, params = FILE_UNREADABLE, {"reason": error.strerror or str(error)}
        goal_file.problems.append(SyntaxProblem("unreadable-file", point(0, 0), message_id, params))
        return None
    return within_size_limit(goal_file, raw, max_file_size)


def within_size_limit(goal_file: GoalFile, raw: bytes, max_file_size: int) -> bytes | None:
    """``raw``, or None with a problem when it is over the limit."""
    if len(raw) > max_file_size:
        goal_file.problems.append(syntax_problem(point(0, 0), FILE_TOO_LARGE, limit=_human_size(max_file_size)))
        return None
    return raw


def _human_size(size: int) -> str:
    for unit, factor in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} B"


def decode(goal_file: GoalFile, raw: bytes) -> str | None:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        goal_file.problems.append(syntax_problem(point(0, 0), ENCODING_UTF16))
        return None
    # The BOM is not part of the text: positions below count from after it.
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    nul = body.find(b"\0")
    if nul >= 0:
        goal_file.problems.append(syntax_problem(point(*byte_position(body, nul)), ENCODING_NUL))
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        span = point(*byte_position(body, error.start))
        if _reads_as_gb18030(body):
            # Every character has its UTF-8 form: converting loses nothing, and `iconv` undoes it.
            fix = Fix(Applicability.SAFE, FIX_ENCODING, edits=(Reencode(GB18030),))
            goal_file.problems.append(SyntaxProblem("yaml-syntax", span, ENCODING_GB18030, {}, fix=fix))
        else:
            goal_file.problems.append(syntax_problem(span, ENCODING_NOT_UTF8))
        return None


GB18030 = "gb18030"


def _reads_as_gb18030(raw: bytes) -> bool:
    """Chinese Windows tools save GBK/GB18030; say so when the bytes read as Chinese that way."""
    try:
        decoded = raw.decode(GB18030)
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in decoded)
