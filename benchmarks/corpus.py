"""Synthetic goal files for the benchmark: one project per file, 4-10 indicators,
realistic Chinese content, seeded with ``random.Random`` so the same seed gives
the same files. They are written by ``validator.table.writer.goal_file_text``, as
the importer writes goal files, so the benchmark reads what users' folders hold.
Every file is valid: it round-trips through PyYAML and passes
``schemas/goal.schema.json``; a generator bug must not turn the benchmark into a
benchmark of error paths.

By default most targets are round figures and fixed wordings (``100%``, ``满足``)
that recur from file to file. ``distinct_targets=True`` gives targets that seldom
repeat, as in real folders, so that caches of parsed targets do not flatter a timing.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks import SCHEMA_PATH
from validator.table.writer import goal_file_text, schema_comment_for

DEFAULT_SEED = 2022

# (department, budget units, project stems, laws/policies cited in objectives,
#  domain phrase for objectives, domain tag for indicators)
DEPARTMENTS: list[tuple[str, list[str], list[str], list[str], str, str]] = [
    (
        "广州市政务服务数据管理局",
        ["广州市政务服务数据管理局（本级）", "广州市数字政府运营中心", "广州市政务服务中心"],
        [
            "电子政务外网网络安全升级建设",
            "政务云平台运维服务",
            "一网通办平台功能优化",
            "政务数据共享交换平台扩容",
            "12345政务服务便民热线运营",
            "穗好办移动政务服务平台运营",
        ],
        [
            "《网络安全法》",
            "《数据安全法》",
            "网络安全等级保护相关政策和标准",
            "《广东省数字政府改革建设“十四五”规划》",
        ],
        "政务服务",
        "gov",
    ),
    (
        "广州市教育局",
        ["广州市教育局（本级）", "广州市电化教育馆", "广州市教育研究院"],
        [
            "中小学智慧校园建设",
            "教师信息技术应用能力提升培训",
            "教育城域网运维",
            "学生资助管理系统升级",
            "中小学课后服务",
        ],
        ["《中华人民共和国教育法》", "《教育信息化2.0行动计划》", "《广州市教育发展“十四五”规划》"],
        "教育公共服务",
        "edu",
    ),
    (
        "广州市卫生健康委员会",
        ["广州市卫生健康委员会（本级）", "广州市急救医疗指挥中心", "广州市卫生健康宣传教育中心"],
        [
            "全民健康信息平台升级改造",
            "院前急救调度系统建设",
            "基本公共卫生服务",
            "家庭医生签约服务信息化",
            "重大传染病防控",
        ],
        ["《基本医疗卫生与健康促进法》", "《“健康中国2030”规划纲要》", "《传染病防治法》"],
        "医疗卫生服务",
        "health",
    ),
    (
        "广州市交通运输局",
        ["广州市交通运输局（本级）", "广州市交通运输研究所", "广州市公共交通数据管理中心"],
        ["公交智能调度系统升级", "道路运输安全监管平台建设", "综合交通枢纽运行监测", "城市道路交通拥堵治理"],
        ["《交通强国建设纲要》", "《道路运输条例》", "《广州市综合交通发展“十四五”规划》"],
        "交通运输服务",
        "transport",
    ),
    (
        "广州市生态环境局",
        ["广州市生态环境局（本级）", "广州市环境监测中心站", "广州市环境技术中心"],
        ["大气环境质量自动监测站运维", "水环境质量监测", "固体废物管理信息系统建设", "污染源自动监控平台运维"],
        ["《大气污染防治法》", "《水污染防治法》", "《生态环境监测规划纲要》"],
        "生态环境监管",
        "eco",
    ),
    (
        "广州市民政局",
        ["广州市民政局（本级）", "广州市社会福利院", "广州市民政信息中心"],
        ["居家养老服务信息平台建设", "社会救助家庭经济状况核对系统运维", "婚姻登记系统升级", "困难群众基本生活救助"],
        ["《社会救助暂行办法》", "《广州市居家养老服务条例》", "《老年人权益保障法》"],
        "民政服务",
        "civil",
    ),
    (
        "广州市人力资源和社会保障局",
        ["广州市人力资源和社会保障局（本级）", "广州市人力资源和社会保障信息中心", "广州市就业促进中心"],
        ["社保卡应用服务平台建设", "就业创业服务平台运维", "职业技能提升行动", "劳动保障监察信息系统升级"],
        ["《就业促进法》", "《社会保险法》", "《职业技能提升行动方案（2019—2021年）》"],
        "人社公共服务",
        "hr",
    ),
    (
        "广州市市场监督管理局",
        ["广州市市场监督管理局（本级）", "广州市食品检验所", "广州市特种设备检测研究院"],
        ["食品安全抽检监测", "商事登记系统升级改造", "特种设备安全监管平台建设", "“双随机、一公开”监管平台运维"],
        ["《食品安全法》", "《特种设备安全法》", "《优化营商环境条例》"],
        "市场监管",
        "market",
    ),
]

DISTRICTS = ["", "", "", "越秀区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区"]

OBJECTIVE_ACTIONS = [
    "完成{stem}的建设任务，按期通过项目终验",
    "做好{stem}各项工作，保障系统全年7×24小时稳定运行",
    "按照年度计划推进{stem}，完成采购、实施和验收",
    "持续开展{stem}，确保各项任务按时保质完成",
]
OBJECTIVE_RESULTS = [
    "进一步提升{domain}能力和水平，服务对象满意度达到{sat}%以上。",
    "有效提高{domain}的便利度和安全性，为全市经济社会发展提供有力支撑。",
    "推动{domain}规范化、标准化、智能化，群众获得感明显增强。",
    "切实防范和化解风险隐患，{domain}质量明显提升。",
]
OBJECTIVE_EXTRA = [
    "",
    "",
    "同时健全运维保障机制，及时处置各类故障和安全事件，全年不发生重大安全责任事故。",
    "项目资金严格按照预算执行，支出进度符合财政要求。",
]


# The ways tables write "at least": percentages repeat less when their wording varies too.
AT_LEAST = ("≥{}", "≥{}", "不低于{}", "不少于{}", "达到{}", "{}以上", "{}及以上")


class Draw:
    """The numbers in targets, drawn from the corpus's seeded ``random.Random``.

    By default they are the round figures most tables hold (``≥95%``, ``20台``), and
    the same target text turns up in many files. With ``distinct``, the same shapes
    get finer numbers (``≥95.37%``, ``2043台``), so few targets repeat and a parser's
    cache answers few of them.
    """

    def __init__(self, rng: random.Random, distinct: bool) -> None:
        self.rng = rng
        self.distinct = distinct

    def whole(self, lo: int, hi: int) -> int:
        """A whole number in [lo, hi], either way: for numbers already fine enough."""
        return self.rng.randint(lo, hi)

    def count(self, lo: int, hi: int, step: int = 1) -> int:
        """A count of things: a multiple of ``step`` in [lo, hi] x step; with distinct,
        any whole number from the least to a hundred times the most."""
        if self.distinct:
            return self.rng.randint(lo * step, hi * step * 100)
        return self.rng.randint(lo, hi) * step

    def measure(self, lo: float, hi: float, step: int = 1) -> str:
        """A measure (%, 万元, 秒): a whole number in [lo, hi] x step; with distinct,
        one with two decimals in the same range."""
        if self.distinct:
            hundredths = self.rng.randint(round(lo * step * 100), round(hi * step * 100))
            return f"{hundredths // 100}.{hundredths % 100:02d}"
        return str(self.rng.randint(int(lo), int(hi)) * step)

    def at_least(self, figure: str, word: str = "≥") -> str:
        """``≥95%``; with distinct, any of the ways tables say it (不低于95.37%, 95.37%以上)."""
        return self.rng.choice(AT_LEAST).format(figure) if self.distinct else f"{word}{figure}"

    def usual(self, figures: list[str], lo: float, hi: float) -> str:
        """One of the figures tables usually give (99.9); with distinct, a measure in [lo, hi]."""
        return self.measure(lo, hi) if self.distinct else self.rng.choice(figures)


Target = Callable[[Draw, int], str]  # (numbers, the goal's year) -> target text


class Fixed:
    """A target most tables word the same way (``100%``, ``满足``). With distinct
    targets it takes its ``distinct`` form, or, without one, its indicator is left out."""

    def __init__(self, text: str, distinct: Target | None = None) -> None:
        self.text = text
        self.distinct = distinct

    def __call__(self, draw: Draw, year: int) -> str:
        if draw.distinct and self.distinct is not None:
            return self.distinct(draw, year)
        return self.text


def _has_form(target: Target, distinct: bool) -> bool:
    return not (distinct and isinstance(target, Fixed) and target.distinct is None)


def _pct(lo: int, hi: int, op: str = "≥") -> Target:
    return lambda d, y: d.at_least(f"{d.measure(lo, hi)}%", op)


def _month_end(first: int, last: int) -> Target:
    """``2022年12月底前``; with distinct targets, a day in that month: ``2022年12月15日前``."""

    def target(d: Draw, year: int) -> str:
        month = d.whole(first, last)
        return f"{year}年{month}月{d.whole(1, 28)}日前" if d.distinct else f"{year}年{month}月底前"

    return target


# Indicator pools per (category, subcategory): (name, target generator, domains).
# Domains restrict an indicator to departments whose domain tag is listed
# (None: any department), so a transport project does not count hotline calls.
INDICATORS: dict[tuple[str, str], list[tuple[str, Target, set[str] | None]]] = {
    ("产出指标", "数量指标"): [
        ("态势感知功能模块", lambda d, y: f"{d.count(3, 8)}个功能模块", {"gov"}),
        ("服务器设备采购数量", lambda d, y: f"{d.count(10, 60)}台", None),
        ("政务服务事项办理量", lambda d, y: f"{d.whole(50, 300)}.{d.whole(10, 99)}万件", {"gov"}),
        ("培训人次", lambda d, y: f"不少于{d.count(5, 50, 100)}人次", {"gov", "edu", "hr"}),
        ("接入单位数量", lambda d, y: f"≥{d.count(20, 120)}个", {"gov", "civil"}),
        ("巡检次数", lambda d, y: f"{d.count(4, 24)}次", None),
        ("新增数据目录数", lambda d, y: str(d.count(100, 900)), {"gov"}),  # bare number: quoted
        ("监测站点数量", lambda d, y: str(d.count(10, 40)), {"eco", "transport"}),
        ("热线话务接听量", lambda d, y: f"不少于{d.measure(300, 900)}万次", {"gov"}),
        ("覆盖学校数量", lambda d, y: f"不少于{d.count(30, 300)}所", {"edu"}),
        ("抽检批次", lambda d, y: f"≥{d.count(2, 12, 1000)}批次", {"market"}),
        ("特种设备检验数量", lambda d, y: f"≥{d.measure(2, 9)}万台", {"market"}),
        ("安全加固服务器数量", lambda d, y: f"不少于{d.count(1, 6, 500)}个", {"gov"}),
        ("家庭医生签约人数", lambda d, y: f"≥{d.measure(200, 600)}万人", {"health"}),
        ("急救呼叫受理量", lambda d, y: f"不少于{d.measure(20, 90)}万次", {"health"}),
        ("接入医疗机构数量", lambda d, y: f"≥{d.count(100, 400)}家", {"health"}),
        ("接入公交车辆数", lambda d, y: f"不少于{d.count(5, 15, 1000)}辆", {"transport"}),
        ("救助对象覆盖人数", lambda d, y: f"≥{d.measure(2, 9)}万人", {"civil"}),
        ("补贴性职业技能培训", lambda d, y: f"不少于{d.measure(10, 40)}万人次", {"hr"}),
        ("社保卡发卡量", lambda d, y: f"{d.measure(50, 300)}万张", {"hr"}),
    ],
    ("产出指标", "质量指标"): [
        ("系统可用率", lambda d, y: d.at_least(f"{d.usual(['99', '99.5', '99.9'], 95, 100)}%"), None),
        ("验收合格率", Fixed("100%", _pct(95, 100)), None),
        ("等级保护测评通过率", Fixed("100%", _pct(95, 100)), {"gov", "health", "hr"}),
        ("数据准确率", _pct(95, 99), None),
        ("安全漏洞修复率", _pct(95, 100), {"gov"}),
        ("网络安全事件发生次数", Fixed("0次"), {"gov", "health", "hr"}),
        ("建设内容符合国家标准要求", Fixed("满足"), None),
        ("监测数据有效率", _pct(90, 98), {"eco", "transport"}),
        ("培训合格率", _pct(90, 100), {"edu", "hr"}),
        ("食品抽检合格率", _pct(95, 99), {"market"}),
        ("救助资金发放准确率", Fixed("100%", _pct(95, 100)), {"civil"}),
    ],
    ("产出指标", "时效指标"): [
        ("项目完成时间", _month_end(10, 12), None),
        ("故障响应时间", lambda d, y: f"≤{d.measure(1, 4, 15)}分钟", None),
        ("页面平均响应时间", lambda d, y: f"≤{d.measure(2, 5)}秒", {"gov", "hr", "civil"}),
        (
            "项目验收",
            Fixed("完成项目终验", lambda d, y: f"{y}年{d.whole(1, 12)}月{d.whole(1, 28)}日前完成项目终验"),
            None,
        ),
        ("任务按时完成率", Fixed("100%", _pct(95, 100)), None),
        ("资金支付及时率", _pct(90, 100), None),
    ],
    ("产出指标", "成本指标"): [
        ("项目预算控制数", lambda d, y: f"≤{d.whole(100, 2000)}.{d.whole(0, 99):02d}万元", None),
        ("运维服务单价", lambda d, y: f"≤{d.measure(2, 30)}万元/月", None),
    ],
    ("效益指标", "经济效益指标"): [
        ("节约行政运行成本", lambda d, y: f"≥{d.measure(50, 500)}万元", None),
        ("减少企业办事成本", lambda d, y: f"≥{d.measure(100, 900)}万元", {"gov", "market"}),
    ],
    ("效益指标", "社会效益指标"): [
        ("政务服务便利度评价等级", Fixed("优"), {"gov"}),
        ("网络安全等级保护测评", Fixed("通过"), {"gov"}),
        ("群众办事平均时长压缩比例", _pct(20, 60), {"gov", "hr", "civil"}),
        ("减少群众办事跑动次数", lambda d, y: f"不少于{d.measure(10, 200)}万次", {"gov", "hr"}),
        ("信息共享目标", Fixed("达成"), None),
        ("受益人数", lambda d, y: f"≥{d.measure(5, 80)}万人", None),
        ("公共服务水平评价", Fixed("良"), None),
    ],
    ("效益指标", "生态效益指标"): [
        ("减少纸质材料使用量", lambda d, y: f"≥{d.measure(10, 80)}万张", None),
        ("空气质量优良天数比例", _pct(80, 92), {"eco"}),
        ("机房PUE值", lambda d, y: f"≤{d.usual(['1.3', '1.4', '1.5'], 1.2, 1.6)}", {"gov"}),
    ],
    ("效益指标", "可持续影响指标"): [
        ("系统持续稳定运行", Fixed("7×24小时"), None),
        ("数据资源持续更新机制", Fixed("建立数据更新制度"), None),
        ("运维保障机制", Fixed("形成运维保障方案"), None),
        ("项目成果持续发挥作用年限", lambda d, y: d.at_least(f"{d.measure(3, 8)}年"), None),
    ],
    ("满意度指标", "服务对象满意度指标"): [
        ("用户满意度", _pct(85, 95), None),
        ("群众满意度", _pct(85, 95), None),
        ("使用单位满意度", _pct(85, 95, "不低于"), None),
        ("参训人员满意度", _pct(85, 95), {"edu", "hr"}),
    ],
    ("成本指标", "经济成本指标"): [
        ("项目总成本", lambda d, y: f"≤{d.measure(100, 3000)}万元", None),
        ("设备采购单价", lambda d, y: f"≤{d.measure(2, 30)}万元/台", None),
    ],
    ("成本指标", "社会成本指标"): [
        ("对群众日常办事的影响", Fixed("无明显影响"), None),
    ],
    ("成本指标", "生态环境成本指标"): [
        ("项目实施对环境的影响", Fixed("无负面影响"), None),
    ],
}
CATEGORY_ORDER = ["产出指标", "效益指标", "满意度指标", "成本指标"]
SUBCATEGORY_ORDER = [sub for (_cat, sub) in INDICATORS]

# How often an extra indicator falls in each sub-category (产出 dominates real tables).
EXTRA_WEIGHTS = {
    ("产出指标", "数量指标"): 6,
    ("产出指标", "质量指标"): 5,
    ("产出指标", "时效指标"): 4,
    ("产出指标", "成本指标"): 1,
    ("效益指标", "经济效益指标"): 1,
    ("效益指标", "社会效益指标"): 4,
    ("效益指标", "生态效益指标"): 1,
    ("效益指标", "可持续影响指标"): 2,
    ("满意度指标", "服务对象满意度指标"): 1,
    ("成本指标", "经济成本指标"): 1,
    ("成本指标", "社会成本指标"): 1,
    ("成本指标", "生态环境成本指标"): 1,
}


def make_goal(rng: random.Random, distinct_targets: bool = False) -> dict[str, Any]:
    draw = Draw(rng, distinct_targets)
    dept, units, stems, laws, domain, tag = rng.choice(DEPARTMENTS)
    year = rng.choice([2021, 2022, 2022, 2023, 2024])
    stem = rng.choice(stems)
    district = rng.choice(DISTRICTS)
    suffix = rng.choice(["", "", "", "（二期）", "（三期）", f"{year}年度"])
    project = (
        f"广州市{district}{stem}项目{suffix}" if not suffix.endswith("年度") else f"{suffix}广州市{district}{stem}项目"
    )
    objective = (
        f"在{rng.choice(laws)}等相关政策和标准的指导下，"
        f"{rng.choice(OBJECTIVE_ACTIONS).format(stem=stem)}，"
        f"{rng.choice(OBJECTIVE_RESULTS).format(domain=domain, sat=rng.choice([85, 90, 95]))}"
        f"{rng.choice(OBJECTIVE_EXTRA)}"
    )

    n = rng.randint(4, 10)
    # Every real table has output, outcome and satisfaction rows; the rest vary.
    slots = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    keys = list(EXTRA_WEIGHTS)
    weights = [EXTRA_WEIGHTS[k] for k in keys]
    used: set[str] = set()
    picked: list[tuple[str, str, str, str]] = []
    while len(picked) < n:
        key = slots.pop(0) if slots else rng.choices(keys, weights)[0]
        free = [
            (name, gen)
            for name, gen, tags in INDICATORS[key]
            if name not in used and (tags is None or tag in tags) and _has_form(gen, distinct_targets)
        ]
        if not free:
            continue
        name, gen = rng.choice(free)
        used.add(name)
        picked.append((key[0], key[1], name, gen(draw, year)))
    picked.sort(key=lambda t: (CATEGORY_ORDER.index(t[0]), SUBCATEGORY_ORDER.index(t[1])))

    indicators = []
    for seq, (cat, sub, name, target) in enumerate(picked, start=1):
        ind: dict[str, Any] = {"seq": seq, "category": cat}
        if rng.random() < 0.9:  # 二级指标 is optional and sometimes left out
            ind["subcategory"] = sub
        ind["name"] = name
        ind["target"] = target
        indicators.append(ind)

    return {
        "year": year,
        "department": dept,
        "budget_unit": rng.choice(units),
        "project": project,
        "objective": objective,
        "indicators": indicators,
    }


def generate(
    root: Path, count: int, *, seed: int = DEFAULT_SEED, distinct_targets: bool = False
) -> tuple[Path, list[Path]]:
    """Write ``count`` goal files to root/goals/bench/ and return (dir, files).

    The same seed gives the same bytes. ``distinct_targets`` gives targets that seldom
    repeat across files (finer numbers, no fixed wordings; see :class:`Draw`).
    """
    rng = random.Random(seed)
    goal_dir = root / "goals" / "bench"
    goal_dir.mkdir(parents=True)
    # A schema two levels up, as in the repo: the writer points the modeline at it, as the importer does.
    if SCHEMA_PATH.exists():
        (root / "schemas").mkdir()
        shutil.copy2(SCHEMA_PATH, root / "schemas" / "goal.schema.json")
    schema_comment = schema_comment_for(str(goal_dir))
    files = []
    projects: set[tuple[Any, ...]] = set()
    for i in range(count):
        goal = make_goal(rng, distinct_targets)
        # One file per project, as duplicate-project demands of real folders.
        while (goal["year"], goal["budget_unit"], goal["project"]) in projects:
            goal = make_goal(rng, distinct_targets)
        projects.add((goal["year"], goal["budget_unit"], goal["project"]))
        text = goal_file_text(goal, schema_comment)
        # A generator bug must not turn into a benchmark of error paths.
        if yaml.load(text, Loader=yaml.CSafeLoader) != goal:
            raise SystemExit(f"generator bug: file {i} does not round-trip:\n{text}")
        path = goal_dir / f"goal-{i + 1:04d}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return goal_dir, files


def schema_check(files: list[Path]) -> str:
    """Validate the generated files against the repo schema; returns a note."""
    if not SCHEMA_PATH.exists():
        return "schemas/goal.schema.json missing: generated files not schema-checked"
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for f in files:
        errors = list(validator.iter_errors(yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)))
        if errors:
            raise SystemExit(f"generator bug: {f.name} fails the schema: {errors[0].message}")
    return f"all {len(files)} generated files pass schemas/goal.schema.json (jsonschema)"
