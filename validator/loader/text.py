"""Characters text in a goal file must not hold."""

from __future__ import annotations

import re

# Control characters (C0 but tab and line feed, DEL, C1), zero-width characters (copied
# from web pages; they make equal names differ) and the bidirectional overrides and
# isolates that can make text display differently from what it is.
INVISIBLE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]")
