"""Where an output file really goes: through symbolic links, and never over a device.

Writers replace a file atomically (a temporary file, then a rename). Renaming onto a
symbolic link would replace the link itself, and onto `/dev/stdout` or a named pipe
would replace the device with an ordinary file (as root, in a CI container). So the
path is resolved first, and what is not an ordinary file is written straight into.
"""

from __future__ import annotations

import os
import stat


def resolve_output(path: str) -> tuple[str, bool]:
    """The path to write, and whether it may be replaced atomically (by a rename)."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real, True
    return real, stat.S_ISREG(mode)
