"""Target values (年度指标值) and indicator names, read into structure.

Targets are free text as published: ``≥95%``, ``不少于3000个``, ``148.75万件``,
``≤5秒``, ``面向政府用户≥50或面向公众用户≥200``, ``完成项目终验``, ``满足``,
``12月底前100%到位``. Every rule reads them through :func:`parse_target`, so a
target means the same thing to all of them.

The text is first normalised with NFKC (full-width digits, ``％``, ``＞`` and
``（）`` become their ASCII forms). A *bound* is one number with its comparison
(a symbol such as ``≥`` or a word such as 不少于 before it, 以上/以内 after it),
its 万/亿 multiplier and its unit. Numbers that are part of a date (``12月底前``,
``2022年``) or of a label (``12345热线``, ``IPv6``) are not bounds.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# --- comparisons ----------------------------------------------------------------

# Symbols after NFKC (``＞`` is already ``>``); two-character forms first.
_SYMBOLS = {
    ">=": "≥",
    "<=": "≤",
    "≥": "≥",
    "≧": "≥",
    "⩾": "≥",
    "≤": "≤",
    "≦": "≤",
    "⩽": "≤",
    ">": ">",
    "<": "<",
    "=": "=",
    "═": "=",  # a box-drawing double line, typed for = in some tables; NFKC leaves it alone
}
# Words before the number. Longest first, so 不少于 is not read as 少于.
_WORDS_BEFORE = {
    "大于或等于": "≥",
    "大于等于": "≥",
    "不少于": "≥",
    "不低于": "≥",
    "不小于": "≥",
    "至少": "≥",
    "达到": "≥",
    "超过": ">",
    "大于": ">",
    "多于": ">",
    "高于": ">",
    "小于或等于": "≤",
    "小于等于": "≤",
    "不超过": "≤",
    "不高于": "≤",
    "不大于": "≤",
    "不多于": "≤",
    "控制在": "≤",
    "少于": "<",
    "低于": "<",
    "小于": "<",
    "等于": "=",
    "为": "=",
    "最多": "≤",
    "至多": "≤",
    "最高": "≤",
    "最少": "≥",
    "最低": "≥",
}
# 不得超过, 不应低于, 不宜超过 …: a prohibition turns "more than" into "at most".
for _negation in ("不得", "不应", "不能", "不宜", "不可", "不应该", "严禁"):
    _WORDS_BEFORE.update({_negation + word: "≤" for word in ("超过", "高于", "大于", "多于")})
    _WORDS_BEFORE.update({_negation + word: "≥" for word in ("低于", "少于", "小于")})
# Words after the number and unit.
_WORDS_AFTER = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤", "以内": "≤", "之内": "≤"}

# --- units ------------------------------------------------------------------------

PERCENT_UNITS = frozenset({"%", "百分比"})
# Chinese measure words and units, longest first when matched.
_CJK_UNITS = sorted(
    """个工作日 工作日 个月 小时 分钟 人次 户次 件次 项次 场次 家次 万元 亿元 千元 个百分点 百分点 百分比 平方米 平方公里
    学时 课时 工时 人天 人日 人月 并发 方 毫秒 微秒 千瓦时 千瓦 兆瓦 度 公顷 平方千米 升 毫升 克 毫克 微克 美元 欧元 港元
    艘 架次 架 车次 班次 批次 株 头 羽 尾 只 匹 标准箱 箱 星 盏 栋 幢 片区 片 卷 集 孔 眼 口 杆 芯 核 蒸吨 瓶 盒 袋
    包 双 对 首 届 班 遍 回 趟 列 支 把 段 厘米 毫米 季度 比值 标台 床位 床 延米 标箱 航次 学分 剂次 剂 针次 工日
    公里 千米 立方米 千克 公斤 元 米 吨 个 次 份 条 件 项 人 家 台 套 户 篇 期 场 天 日 周 月 年 秒 分 张 本
    部 名 所 座 处 批 类 种 门 通 位 页 册 笔 单 例 宗 亩 辆 棵 间 层 节 课 轮 组 块 根 枚 路 端 幅 级 倍 岁 字 起
    """.split(),
    key=len,
    reverse=True,
)
# After NFKC: ℃ is °C, μg/m³ is μg/m3.
_LATIN_UNIT = r"[A-Za-z°μ][A-Za-z0-9°μ]*(?:/[A-Za-z°μ][A-Za-z0-9°μ]*)?"

# --- the bound pattern -------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BOUND = re.compile(rf"(?P<sign>[-−])?(?P<number>{_NUMBER})\s*(?P<multiplier>[万亿])?")
# The comparison before a number, and the unit and 以上/以内 after it, are read in
# Python: a regular expression with every word as an alternative costs milliseconds
# to compile on every start.
_COMPARISON_WORDS = sorted({*_SYMBOLS, *_WORDS_BEFORE}, key=len, reverse=True)
_CJK_UNIT_SET = frozenset(_CJK_UNITS)
_LONGEST_UNIT = max(map(len, _CJK_UNITS))
_LATIN_UNIT_AT = re.compile(_LATIN_UNIT)
# Dates and deadlines: their numbers are not targets (``12月底前100%到位``).
_DEADLINE = r"(?:底|末|初|中旬|上旬|下旬)?(?:前|之前|以前|止)?"
_DATE = re.compile(
    rf"\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}(?!\d)[日号]?{_DEADLINE}"  # 2023-12-31前, 2023.12.31, 2023/12/31
    rf"|\d{{1,2}}\s*[-~至到]\s*\d{{1,2}}月{_DEADLINE}"  # 1-12月
    rf"|(?:\d{{4}}年)?\d{{1,2}}月(?:\d{{1,2}}[日号])?{_DEADLINE}"
    rf"|\d{{4}}年(?:底|末|内|前|之前)?"
    r"|第[1-4一二三四]季度"
)
# 2023.07, 2021.1: a year and a month written with a dot (2023.07-2024.01 is a period).
# Not when a unit follows: 2023.5万元 is an amount. Compiled when a target has a dot:
# each pattern costs start-up time, and most targets have none.
_DOTTED_MONTH = r"(?<![\d.])(?:19|20)\d{2}\.(?:1[0-2]|0?[1-9])(?![\d.])"
# What may stand beside a date in a deadline target (2023年底, 2025年年底前, 2021年全年).
_DEADLINE_WORDS = frozenset(
    "前 之前 以前 底 底前 年底 年底前 年末 止 内 以内 之内 年内 全年 年度 整年 月 月底 期间".split()
)
# A standard's number is a name, not a quantity: GB/T 22239-2019, GB 5749-2022, ISO 9001.
_STANDARD = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}(?:/[A-Z]{1,2})?\s*\d+(?:\.\d+)*(?:-\d{2,4})?")
# A ratio (人员配比 1:50) or a fraction (≤10/10万, 1/3) is one dimensionless value, not two targets.
_RATIO = re.compile(r"\d+(?:\.\d+)?\s*[:/]\s*\d+(?:\.\d+)?[万亿]?")
# 7×24小时, 5*8小时, 7x24: one quantity, a product.
_TIMES = re.compile(r"(?<=\d)\s*[×*xX]\s*(?=\d)|(?<=[天日])\s*[×*]\s*(?=\d)")
_RANGE_JOINERS = ("-", "~", "—", "–", "至", "到")
_BRACKETED = re.compile(r"\([^()]*\)")
_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}


class Bound(NamedTuple):
    comparison: str  # ≥ > = < ≤; "=" also when the target states a plain value (``99.5%``)
    value: float  # with the multiplier applied and the sign: 148.75万 → 1487500.0
    number: str  # as written after normalisation, with its multiplier: "148.75万"
    unit: str  # "%", "个", "Gbps", or "" when none is written
    subject: str  # the words before it in the target (``面向政府用户`` in ``面向政府用户≥50``)
    stated: bool  # whether a comparison was written (≥, 不少于, 以上 …)
    in_range: bool = False  # one end of a range (95%-100%): its ≥/≤ is the range's, not a limit
    per: str = ""  # what a number without a unit is per (≤28.40/株 → "株"): an amount whose currency is missing

    @property
    def is_percentage(self) -> bool:
        return self.unit in PERCENT_UNITS


class Target(NamedTuple):
    text: str  # as published
    normalized: str  # NFKC
    bounds: tuple[Bound, ...]
    packed: bool  # several separate targets in one (a range is one target)
    # "quantitative", or for targets without a number: "grade", "outcome" (a yes/no result or a
    # named deliverable), "deadline" (only dates), "label" (T+1, IPv6), "placeholder" (a
    # template's blank) or "vague"
    kind: str
    leftover: str  # the words that are not comparisons, numbers, units or dates

    @property
    def percentages(self) -> tuple[Bound, ...]:
        return tuple(bound for bound in self.bounds if bound.is_percentage)


# --- qualitative targets -------------------------------------------------------------

# Words that say something is reduced or saved: 节约成本 measures a saving, a benefit.
SAVING_WORDS = ("节约", "节省", "减少", "降低", "压缩", "压减", "减免", "减轻", "缩减", "下降")

# Recognised grade scales: 优/良/中/差, 达成/部分达成/未达成, 合格/不合格, and 优良 (the
# air-quality grade). 良好 alone is a grade only for a rating: see vague-target.
GRADES = frozenset("优 优秀 优良 良 中 差 合格 不合格 达标 未达标 达成 部分达成 未达成 A B C D".split())
# Clear yes/no outcomes.
YES_NO = frozenset(
    "是 否 满足 不满足 完成 未完成 已完成 通过 未通过 有 符合 不符合 合规 按时完成 如期完成 全部完成".split()
)
# A template's blank left in the table: 待定, TBD, /, 无, xx, ** (compared in lower case).
# `no` is what YAML 1.1 tools read as false; 无 can be a real answer (see vague-target).
PLACEHOLDERS = frozenset(
    "待定 待补充 待填 待填写 暂无 无 空 略 tbd tbc n/a na none null no / - -- — —— xx xxx ** ***".split()
)
_PLACEHOLDER_MARK = re.compile(r"\*{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])")
# A concrete action that either happened or did not: 完成项目终验, 通过验收, 建成平台.
_OUTCOME_VERBS = (
    "完成",
    "通过",
    "实现",
    "建成",
    "上线",
    "按时",
    "如期",
    "按期",
    "支持",
    "符合",
    "取得",
    "获得",
    "形成",
    "出具",
    "印发",
    "制定",
    "编制",
    "开通",
    "部署",
    "交付",
    "提交",
    "签订",
    "发布",
    "投入使用",
    "验收",
)
# Something that must not happen: 无明显影响, 无重大安全事故, 未发生数据泄露, 零投诉.
_NEGATED_OUTCOMES = ("无", "未发生", "不发生", "零", "不增加", "不降低", "不减少", "不下降", "不超过上年", "不低于上年")
# A clause ending with one of these states a result that happened or did not: 管理到位,
# 在计划时间内完成, 第4季度前上线.
_OUTCOME_ENDINGS = ("完成", "到位", "通过", "合格", "达标", "满足", "上线", "验收", "建成", "实现", "办结", "落地")
# A result for everyone: 全部完成, 覆盖全区所有人员, 实现全覆盖.
_WHOLE_WORDS = ("全部", "所有", "全覆盖", "全员")
# A named deliverable: 评估报告, 实施方案, 管理制度.
_DELIVERABLES = ("报告", "方案", "规划", "制度", "办法", "细则", "清单", "台账", "平台", "系统", "手册", "标准")
# Clause separators, all made a comma (str.translate: a character class with Chinese
# marks costs a millisecond to compile at start-up).
_CLAUSE_COMMAS = str.maketrans("，;；、", ",,,,")
# Targets that start by promising effect without a measure: 有效减轻, 高效.
_VAGUE_STARTS = ("有效", "高效")
# Words that make a target unmeasurable on their own.
VAGUE_WORDS = (
    "长远",
    "及时",
    "好坏",
    "明显",
    "显著",
    "进一步",
    "稳步",
    "稳中有升",
    "持续",
    "逐步",
    "不断",
    "大幅",
    "减轻",
    "较快",
    "较好",
    "较高",
    "较大",
    "较强",
    "良好",
    "一定程度",
    "有所",
    "基本",
    "充分",
    "积极",
    "切实",
    "得到提升",
    "得到改善",
    "提升",
    "提高",
    "改善",
    "增强",
    "加强",
    "优化",
    "降低",
    "减少",
    "增加",
    "好转",
)
_GRADE_PREFIXES = ("达到", "评价为", "等级为", "评级为", "获评", "为")
_GRADE_SUFFIXES = ("等级", "等次", "级", "档")

# Stray punctuation that may be dropped at either end of a name or target.
STRAY_PUNCTUATION = ".。,，、;；:：!！?？·…"


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=8192)
def comparison_key(text: str) -> str:
    """A name or target as compared for sameness: NFKC, no whitespace, no stray
    punctuation at either end (``系统并发数.`` = ``系统并发数 `` = ``系统并发数``)."""
    folded = "".join(normalize(text).split())
    return folded.strip(STRAY_PUNCTUATION)


@lru_cache(maxsize=4096)
def parse_target(text: str) -> Target:
    normalized = normalize(text)
    if not any(character.isdigit() for character in normalized):
        return Target(text, normalized, (), False, _qualitative_kind(normalized), comparison_key(normalized))
    # Dates and ratios are blanked with spaces so positions stay the same for the rest.
    dated = _DATE.sub(_blank, _STANDARD.sub(_blank, _TIMES.sub("×", normalized)))
    masked = _RATIO.sub(_blank, dated)
    if "." in masked:
        masked = re.sub(
            _DOTTED_MONTH, lambda match: match.group() if _is_amount(masked, match) else _blank(match), masked
        )
    bounds: list[Bound] = []
    spans: list[tuple[int, int]] = []
    range_pairs = 0
    previous_end = 0
    for match in _BOUND.finditer(masked):
        comparison_word, start = _comparison_before(masked, match.start(), previous_end)
        unit, after_word, end = _read_unit_and_after(masked, match.end())
        if _is_label(masked, match, comparison_word, unit, after_word, end):
            continue
        per = "" if unit or after_word else _per_unit(masked, end)
        end += len(per) + 1 if per else 0
        stated = bool(comparison_word or after_word)
        # A word after the number decides: 控制在90%以上 is at least 90%.
        comparison = (
            _WORDS_AFTER.get(after_word)
            or _SYMBOLS.get(comparison_word or "")
            or _WORDS_BEFORE.get(comparison_word or "")
            or "="
        )
        number = match.group("number")
        value = float(number.replace(",", "")) * _MULTIPLIERS.get(match.group("multiplier") or "", 1)
        sign = match.group("sign")
        between = masked[previous_end:start].strip()
        if bounds and between == "×" and not comparison_word:
            # 7×24小时: the product is the quantity.
            first = bounds[-1]
            bounds[-1] = first._replace(
                value=first.value * value, number=f"{first.number}×{number}", unit=unit or first.unit
            )
            spans[-1] = (spans[-1][0], end)
            previous_end = end
            continue
        # ``95%-100%``, ``5~10个``, ``5至10个``: one target, from the first number to
        # the second. A minus sign right after the previous number joins a range; it
        # does not negate.
        joins_range = (
            bool(bounds)
            and not comparison_word
            and ((sign is not None and between == "") or (sign is None and between in _RANGE_JOINERS))
        )
        if sign and not joins_range:
            value = -value
        if joins_range:
            first = bounds[-1]
            bounds[-1] = first._replace(comparison="≥", stated=True, unit=first.unit or unit, in_range=True)
            comparison, stated = "≤", True
            range_pairs += 1
            sign = None
        subject = masked[previous_end:start].strip(" " + STRAY_PUNCTUATION + "或和及与")
        multiplier = match.group("multiplier") or ""
        bounds.append(
            Bound(
                comparison, value, f"{'-' if sign else ''}{number}{multiplier}", unit, subject, stated, joins_range, per
            )
        )
        spans.append((start, end))
        previous_end = end
    leftover = _leftover(masked, spans)
    # A number in brackets qualifies the target (≥99.9%（7×24小时）), it is not another one.
    brackets = [match.span() for match in _BRACKETED.finditer(masked)]
    inside = [any(start <= begin < stop for start, stop in brackets) for begin, _ in spans]
    if brackets and not all(inside):
        bounds = [bound for bound, bracketed in zip(bounds, inside, strict=False) if not bracketed]
        range_pairs = sum(1 for bound in bounds if bound.in_range and bound.comparison == "≤")
    packed = len(bounds) - range_pairs > 1
    # A ratio (1:50, 3/10) is one value without bounds.
    kind = "quantitative" if bounds or _RATIO.search(dated) else _kind_of_dated(masked)
    return Target(text, normalized, tuple(bounds), packed, kind, leftover)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _is_amount(text: str, match: re.Match[str]) -> bool:
    """Whether a year-and-month lookalike is an amount: 2023.5万元, 2021.3吨."""
    after = text[match.end() :].lstrip()
    return after[:1] in _MULTIPLIERS or bool(_read_unit_and_after(after, 0)[0])


def _kind_of_dated(masked: str) -> str:
    """A target whose numbers are all dates (or labels): a deadline, unless its words say more
    (2023年底 is a deadline, 2022年12月底前完成 an outcome, 2023年底前明显提升 vague)."""
    rest = comparison_key(masked).strip("-~—–至到")
    if not rest or rest in _DEADLINE_WORDS:
        return "deadline"
    if any(character.isdigit() for character in rest):
        return "label"  # T+1, IPv6: a value named by a label
    return _qualitative_kind(rest)


def _read_unit_and_after(text: str, position: int) -> tuple[str, str, int]:
    """The unit and the 以上/以内 word that follow a number, and where they end."""
    unit = ""
    bracketed = _BRACKETED.match(text, position)
    if bracketed and is_unit(bracketed.group()[1:-1]):
        return _after_word(text, bracketed.group()[1:-1], bracketed.end())  # ≥2（项）
    if text[position : position + 1] in ("%", "‰"):
        unit = text[position]
    else:
        latin = _LATIN_UNIT_AT.match(text, position)
        if latin:
            unit = latin.group()
        else:
            for length in range(_LONGEST_UNIT, 0, -1):
                if text[position : position + length] in _CJK_UNIT_SET:
                    unit = text[position : position + length]
                    break
    return _after_word(text, unit, position + len(unit))


def _per_unit(text: str, position: int) -> str:
    """The unit after a ``/`` that follows a number directly: ``28.40/株`` → ``株``."""
    if text[position : position + 1] != "/":
        return ""
    unit, _, _ = _read_unit_and_after(text, position + 1)
    return unit


def _after_word(text: str, unit: str, position: int) -> tuple[str, str, int]:
    for word in _WORDS_AFTER:
        if text.startswith(word, position):
            return unit, word, position + len(word)
    return unit, "", position


def _comparison_before(text: str, position: int, floor: int) -> tuple[str | None, int]:
    """The comparison written right before a number (spaces allowed), and where it starts.

    Only text after ``floor`` (the end of the previous number) counts.
    """
    head = text[floor:position].rstrip()
    for word in _COMPARISON_WORDS:  # longest first: 不少于 before 少于
        if head.endswith(word):
            return word, floor + len(head) - len(word)
    return None, position


def _is_label(
    text: str, match: re.Match[str], comparison_word: str | None, unit: str, after_word: str, end: int
) -> bool:
    """``12345热线``, ``IPv6``, ``5G``: a number that names something, not a quantity."""
    if comparison_word or after_word:
        return False
    start = match.start("sign") if match.group("sign") else match.start("number")
    before = text[start - 1] if start > 0 else ""
    if before.isascii() and before.isalpha():
        return True
    if before in "+- " and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha():
        return True  # T+1, D-2: a day relative to another; GB/T 22239, ISO 9001: a standard
    after = text[end] if end < len(text) else ""
    if unit and unit.isascii() and unit.isalpha() and len(unit) == 1 and unit.upper() in "GDK":
        return True  # 5G, 3D, 4K
    if after in _RANGE_JOINERS and text[end + 1 : end + 2].isdigit():
        return False  # the first number of 5至10个
    # A bare number glued to Chinese text that is not a unit: 12345热线, 3号楼.
    return not unit and not match.group("multiplier") and bool(after) and "\u4e00" <= after <= "\u9fff"


def _leftover(text: str, spans: list[tuple[int, int]]) -> str:
    pieces, start = [], 0
    for begin, end in spans:
        pieces.append(text[start:begin])
        start = end
    pieces.append(text[start:])
    return "".join("".join(pieces).split()).strip(STRAY_PUNCTUATION)


def _qualitative_kind(normalized: str) -> str:
    """The kind of a target without numbers. The default is vague: a target is measurable
    only as a grade on a scale, a clear yes/no outcome or a named deliverable."""
    text = comparison_key(normalized)
    if not text or text.lower() in PLACEHOLDERS or _PLACEHOLDER_MARK.search(text):
        return "placeholder"
    core = text
    for prefix in _GRADE_PREFIXES:
        if core.startswith(prefix) and core[len(prefix) :]:
            core = core[len(prefix) :]
            break
    for suffix in _GRADE_SUFFIXES:
        if core.endswith(suffix) and core[: -len(suffix)]:
            core = core[: -len(suffix)]
            break
    if core in GRADES or text in GRADES:
        return "grade"
    if text in YES_NO or text.startswith(_NEGATED_OUTCOMES):
        return "outcome"
    if any(word in text for word in VAGUE_WORDS) or text.startswith(_VAGUE_STARTS):
        return "vague"
    clauses = text.translate(_CLAUSE_COMMAS).split(",")
    within = text.startswith("控制在") and len(text) > 4 and text.endswith("内")  # 控制在预算范围内: yes or no
    if (
        text.startswith(_OUTCOME_VERBS)
        or any(clause.endswith(_OUTCOME_ENDINGS) for clause in clauses)
        or any(word in text for word in _WHOLE_WORDS)
        or text.endswith(_DELIVERABLES)
        or within
    ):
        return "outcome"
    return "vague"


# --- what indicator names say --------------------------------------------------------

_TRAILING_PARENTHESIS = re.compile(r"\(([^()]*)\)\s*$")
# A name that counts things carries its unit: 系统用户数, 共享目录数, 服务重点企业数量.
# So does a ratio or a score without a dimension: 机房PUE值, 满意度指数, 省级考核得分.
_COUNT_ENDINGS = (
    "数",
    "数量",
    "个数",
    "次数",
    "人数",
    "件数",
    "户数",
    "家数",
    "得分",
    "分数",
    "评分",
    "总数",
    "总量",
    "值",
    "系数",
    "指数",
    "比",
    "比值",
    "倍数",
)


# Under 成本指标 without a second level, a name that speaks of money.
_MONEY_WORDS = ("成本", "费", "资金", "预算", "投资", "投入", "造价", "价格", "单价", "金额", "补助", "补贴", "支出")


def files_money_cost(category: str, subcategory: str | None, name: str) -> bool:
    """Whether an indicator is filed as a cost counted in money: 产出指标's 成本指标, or
    成本指标's 经济成本指标 (社会成本 and 生态环境成本 are not counted in yuan); under
    成本指标 without a second level, when its name speaks of money."""
    if category == "成本指标":
        if subcategory is None:
            return any(word in name for word in _MONEY_WORDS)
        return subcategory == "经济成本指标"
    return category == "产出指标" and subcategory == "成本指标"


# A name that ends in a counting unit counts in it: 年度培训场次, 接待游客人次, 授课课时.
COUNTING_UNITS = (
    "场次",
    "人次",
    "户次",
    "件次",
    "项次",
    "家次",
    "架次",
    "车次",
    "班次",
    "航次",
    "批次",
    "课时",
    "学时",
)


def name_unit(name: str) -> str | None:
    """The unit a name carries in a closing parenthesis: ``接通率（%）`` → ``%``.

    ``（定性）`` and ``（量）`` are not units.
    """
    match = _TRAILING_PARENTHESIS.search(comparison_key(name))
    if not match:
        return None
    inside = match.group(1).strip()
    return inside if is_unit(inside) else None


def is_unit(text: str) -> bool:
    """``%``, ``个``, ``万元``, ``元/天``, ``万千瓦时``, ``μg/m3``: a unit, maybe per another."""
    return bool(text) and all(_is_simple_unit(part) for part in text.split("/"))


def _is_simple_unit(text: str) -> bool:
    if text[:1] in ("万", "亿", "千", "百") and len(text) > 1 and text[1:] in _CJK_UNIT_SET:
        return True  # 万元, 万人次, 千瓦 is listed itself
    return text in PERCENT_UNITS or text in _CJK_UNIT_SET or text == "‰" or re.fullmatch(_LATIN_UNIT, text) is not None


@lru_cache(maxsize=4096)
def name_core(name: str) -> str:
    """The name without stray punctuation, spaces or a closing parenthesis: its head noun is last."""
    key = comparison_key(name)
    while True:
        stripped = _TRAILING_PARENTHESIS.sub("", key).strip(STRAY_PUNCTUATION + " ")
        if stripped == key:
            return key
        key = stripped


@lru_cache(maxsize=4096)
def indicator_name_key(name: str) -> str:
    """A name as compared for sameness: ``系统可用率（%）`` is ``系统可用率``."""
    key = comparison_key(name)
    if name_unit(name) is not None:
        key = _TRAILING_PARENTHESIS.sub("", key).strip(STRAY_PUNCTUATION)
    return key


def name_carries_unit(name: str) -> bool:
    # 路面技术状况指数MQI: an abbreviation after the head word does not hide it.
    core = name_core(name).rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.- ")
    return name_unit(name) is not None or core.endswith(_COUNT_ENDINGS) or core.endswith(COUNTING_UNITS)
