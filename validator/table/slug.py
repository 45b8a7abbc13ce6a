"""File names for imported projects: ``NN-<project name>.yaml``.

NN is the project's position in the table, so names are unique and sort in the
table's order. The name part keeps letters and digits of any script (Chinese names
stay readable) and turns everything else — ``/``, ``\\``, ``..``, quotes, spaces,
control characters — into ``-``. It can therefore never name another folder, and
with the number in front it is never a reserved name (``CON``, ``NUL``) or hidden.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARACTERS = 48  # 48 Chinese characters are 144 bytes of UTF-8: under every file system's 255
FALLBACK_NAME = "project"


def project_file_name(position: int, count: int, project_name: str) -> str:
    width = max(2, len(str(count)))
    name = unicodedata.normalize("NFC", project_name)
    name = "".join(char if char.isalnum() else "-" for char in name)
    name = re.sub(r"-+", "-", name).strip("-")[:MAX_NAME_CHARACTERS].strip("-")
    return f"{position:0{width}d}-{name or FALLBACK_NAME}.yaml"
