"""What the language server says: code action titles, hover and completion labels."""

from __future__ import annotations

from validator.messages import define

# --- messages (zh, en) ---
SERVER_DISABLE_LINE = define(
    "server.disable_line",
    zh="在此行屏蔽 {rule}（请在 -- 后写明原因）",
    en="Disable {rule} on this line (write the reason after --)",
)
SERVER_DISABLE_FILE = define(
    "server.disable_file",
    zh="在整个文件中屏蔽 {rule}（请在 -- 后写明原因）",
    en="Disable {rule} in this whole file (write the reason after --)",
)
SERVER_RELATED = define(
    "server.related",
    zh="重复的另一处（{rule}）",
    en="the other occurrence ({rule})",
)
SERVER_ERROR = define(
    "server.error",
    zh="goals-lint：{detail}",
    en="goals-lint: {detail}",
)
SERVER_CATEGORY = define(
    "server.category",
    zh="一级指标",
    en="first-level category",
)
SERVER_SUBCATEGORY = define(
    "server.subcategory",
    zh="二级指标（属于{category}）",
    en="second-level category under {category}",
)
SERVER_NEEDS_PYGLS = define(
    "server.needs_pygls",
    zh="goals-lint server 需要 pygls 和 lsprotocol：{detail}；请重新安装 goals-lint（pip install goals-lint）",
    en="goals-lint server needs pygls and lsprotocol: {detail}; reinstall goals-lint (pip install goals-lint)",
)
SERVER_UNSAFE_FIX = define(
    "server.unsafe_fix",
    zh="{fix}（不安全的修复：请检查修改）",
    en="{fix} (unsafe fix: review the change)",
)
SERVER_FIX_ALL = define(
    "server.fix_all",
    zh="goals-lint：修复所有可安全修复的问题（同 --fix）",
    en="goals-lint: fix all safely fixable problems (as --fix does)",
)
