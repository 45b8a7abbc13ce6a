#!/usr/bin/env python3
"""Benchmark goals-lint against a bare YAML parse and its peers.

Run from the repository root (``validator`` need not be installed; the repo
root is put on ``sys.path`` and ``PYTHONPATH``)::

    python benchmarks/bench.py --files 500            # default: 500 files, 5 repeats
    python benchmarks/bench.py --files 200 --repeat 3
    python benchmarks/bench.py --json                 # machine-readable results
    python benchmarks/bench.py --check                # exit 1 if a budget fails
    python benchmarks/bench.py --keep /tmp/goals-bench  # keep the generated files

What it does:

1. Generates ``--files`` synthetic goal files (one project per file, 4-10
   indicators, realistic Chinese content) into a temporary directory, with a
   seeded ``random.Random`` so every run sees the same files.  All files are
   valid: the script checks that each one round-trips through PyYAML and, when
   ``schemas/goal.schema.json`` exists, that it passes the schema.
2. Times, on those same files, each measurement ``--repeat`` times and reports
   the median (the machines are shared and noisy):

   * PyYAML ``CSafeLoader`` bare parse, in-process (the reference, ms/file);
   * C loader + jsonschema-rs schema check, in-process (a second reference:
     roughly the least any parse-and-validate tool can cost);
   * goals-lint in-process: ``validator.cli.main([dir, "--format", "json"])``
     with stdout captured (includes file discovery, reading, the schema check,
     the rules and the JSON report), its caches of parsed targets emptied
     before every run;
   * goals-lint, check-jsonschema (schema only) and ``yamllint -d relaxed`` as
     one subprocess over the whole folder (ms/file, whole process);
   * single-file start-up: one process checking one file, as pre-commit does
     for a one-file commit, run ``--startup-repeat`` times (default 3 x repeat)
     for goals-lint and check-jsonschema, next to a bare ``python -c pass``.
3. Prints a table with the ratio of each row to the C-loader parse and of each
   peer to goals-lint, and the two budgets with PASS/FAIL:

   * goals-lint in-process <= 2x the C loader's bare parse;
   * goals-lint single-file start-up < 0.15 s.

Tools that are not installed (or, before it exists, ``validator.cli``) are
skipped with a note rather than failing the run.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib.util
import io
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = REPO_ROOT / "schemas" / "goal.schema.json"

# The package is used from the work tree, not from an installed copy.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import yaml  # noqa: E402

BUDGET_INPROC_RATIO = 2.0  # goals-lint in-process vs CSafeLoader bare parse
BUDGET_STARTUP_S = 0.15  # one process, one file (pre-commit's usual case)

# --------------------------------------------------------------------------
# Synthetic goal files
# --------------------------------------------------------------------------

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

Target = Callable[[random.Random, int], str]


def _pct(lo: int, hi: int, op: str = "≥") -> Target:
    return lambda r, y: f"{op}{r.randint(lo, hi)}%"


# Indicator pools per (category, subcategory): (name, target generator, domains).
# Domains restrict an indicator to departments whose domain tag is listed
# (None: any department), so a transport project does not count hotline calls.
INDICATORS: dict[tuple[str, str], list[tuple[str, Target, set[str] | None]]] = {
    ("产出指标", "数量指标"): [
        ("态势感知功能模块", lambda r, y: f"{r.randint(3, 8)}个功能模块", {"gov"}),
        ("服务器设备采购数量", lambda r, y: f"{r.randint(10, 60)}台", None),
        ("政务服务事项办理量", lambda r, y: f"{r.randint(50, 300)}.{r.randint(10, 99)}万件", {"gov"}),
        ("培训人次", lambda r, y: f"不少于{r.randint(5, 50) * 100}人次", {"gov", "edu", "hr"}),
        ("接入单位数量", lambda r, y: f"≥{r.randint(20, 120)}个", {"gov", "civil"}),
        ("巡检次数", lambda r, y: f"{r.randint(4, 24)}次", None),
        ("新增数据目录数", lambda r, y: str(r.randint(100, 900)), {"gov"}),  # bare number: quoted
        ("监测站点数量", lambda r, y: str(r.randint(10, 40)), {"eco", "transport"}),
        ("热线话务接听量", lambda r, y: f"不少于{r.randint(300, 900)}万次", {"gov"}),
        ("覆盖学校数量", lambda r, y: f"不少于{r.randint(30, 300)}所", {"edu"}),
        ("抽检批次", lambda r, y: f"≥{r.randint(2, 12) * 1000}批次", {"market"}),
        ("特种设备检验数量", lambda r, y: f"≥{r.randint(2, 9)}万台", {"market"}),
        ("安全加固服务器数量", lambda r, y: f"不少于{r.randint(1, 6) * 500}个", {"gov"}),
        ("家庭医生签约人数", lambda r, y: f"≥{r.randint(200, 600)}万人", {"health"}),
        ("急救呼叫受理量", lambda r, y: f"不少于{r.randint(20, 90)}万次", {"health"}),
        ("接入医疗机构数量", lambda r, y: f"≥{r.randint(100, 400)}家", {"health"}),
        ("接入公交车辆数", lambda r, y: f"不少于{r.randint(5, 15) * 1000}辆", {"transport"}),
        ("救助对象覆盖人数", lambda r, y: f"≥{r.randint(2, 9)}万人", {"civil"}),
        ("补贴性职业技能培训", lambda r, y: f"不少于{r.randint(10, 40)}万人次", {"hr"}),
        ("社保卡发卡量", lambda r, y: f"{r.randint(50, 300)}万张", {"hr"}),
    ],
    ("产出指标", "质量指标"): [
        ("系统可用率", lambda r, y: f"≥{r.choice(['99', '99.5', '99.9'])}%", None),
        ("验收合格率", lambda r, y: "100%", None),
        ("等级保护测评通过率", lambda r, y: "100%", {"gov", "health", "hr"}),
        ("数据准确率", _pct(95, 99), None),
        ("安全漏洞修复率", _pct(95, 100), {"gov"}),
        ("网络安全事件发生次数", lambda r, y: "0次", {"gov", "health", "hr"}),
        ("建设内容符合国家标准要求", lambda r, y: "满足", None),
        ("监测数据有效率", _pct(90, 98), {"eco", "transport"}),
        ("培训合格率", _pct(90, 100), {"edu", "hr"}),
        ("食品抽检合格率", _pct(95, 99), {"market"}),
        ("救助资金发放准确率", lambda r, y: "100%", {"civil"}),
    ],
    ("产出指标", "时效指标"): [
        ("项目完成时间", lambda r, y: f"{y}年{r.randint(10, 12)}月底前", None),
        ("故障响应时间", lambda r, y: f"≤{r.randint(1, 4) * 15}分钟", None),
        ("页面平均响应时间", lambda r, y: f"≤{r.randint(2, 5)}秒", {"gov", "hr", "civil"}),
        ("项目验收", lambda r, y: "完成项目终验", None),
        ("任务按时完成率", lambda r, y: "100%", None),
        ("资金支付及时率", _pct(90, 100), None),
    ],
    ("产出指标", "成本指标"): [
        ("项目预算控制数", lambda r, y: f"≤{r.randint(100, 2000)}.{r.randint(0, 99):02d}万元", None),
        ("运维服务单价", lambda r, y: f"≤{r.randint(2, 30)}万元/月", None),
    ],
    ("效益指标", "经济效益指标"): [
        ("节约行政运行成本", lambda r, y: f"≥{r.randint(50, 500)}万元", None),
        ("减少企业办事成本", lambda r, y: f"≥{r.randint(100, 900)}万元", {"gov", "market"}),
    ],
    ("效益指标", "社会效益指标"): [
        ("政务服务便利度评价等级", lambda r, y: "优", {"gov"}),
        ("网络安全等级保护测评", lambda r, y: "通过", {"gov"}),
        ("群众办事平均时长压缩比例", _pct(20, 60), {"gov", "hr", "civil"}),
        ("减少群众办事跑动次数", lambda r, y: f"不少于{r.randint(10, 200)}万次", {"gov", "hr"}),
        ("信息共享目标", lambda r, y: "达成", None),
        ("受益人数", lambda r, y: f"≥{r.randint(5, 80)}万人", None),
        ("公共服务水平评价", lambda r, y: "良", None),
    ],
    ("效益指标", "生态效益指标"): [
        ("减少纸质材料使用量", lambda r, y: f"≥{r.randint(10, 80)}万张", None),
        ("空气质量优良天数比例", _pct(80, 92), {"eco"}),
        ("机房PUE值", lambda r, y: f"≤{r.choice(['1.3', '1.4', '1.5'])}", {"gov"}),
    ],
    ("效益指标", "可持续影响指标"): [
        ("系统持续稳定运行", lambda r, y: "长期", None),
        ("数据资源持续更新机制", lambda r, y: "建立健全", None),
        ("运维保障机制", lambda r, y: "完善", None),
        ("项目成果持续发挥作用年限", lambda r, y: f"≥{r.randint(3, 8)}年", None),
    ],
    ("满意度指标", "服务对象满意度指标"): [
        ("用户满意度", _pct(85, 95), None),
        ("群众满意度", _pct(85, 95), None),
        ("使用单位满意度", _pct(85, 95, "不低于"), None),
        ("参训人员满意度", _pct(85, 95), {"edu", "hr"}),
    ],
    ("成本指标", "经济成本指标"): [
        ("项目总成本", lambda r, y: f"≤{r.randint(100, 3000)}万元", None),
        ("设备采购单价", lambda r, y: f"≤{r.randint(2, 30)}万元/台", None),
    ],
    ("成本指标", "社会成本指标"): [
        ("对群众日常办事的影响", lambda r, y: "无明显影响", None),
    ],
    ("成本指标", "生态环境成本指标"): [
        ("项目实施对环境的影响", lambda r, y: "无负面影响", None),
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


def _plain_or_quoted(s: str) -> str:
    """Write ``s`` plain if YAML reads it back as the same string, else single-quoted."""
    try:
        back = yaml.load(f"k: {s}\n", Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        back = None
    if isinstance(back, dict) and back.get("k") == s and isinstance(back["k"], str):
        return s
    return "'" + s.replace("'", "''") + "'"


def make_goal(rng: random.Random) -> dict[str, Any]:
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
            (name, gen) for name, gen, tags in INDICATORS[key] if name not in used and (tags is None or tag in tags)
        ]
        if not free:
            continue
        name, gen = rng.choice(free)
        used.add(name)
        picked.append((key[0], key[1], name, gen(rng, year)))
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


def dump_goal(goal: dict[str, Any]) -> str:
    # Hand-written rather than yaml.dump: keeps the modeline, key order, `>-`
    # objective and unquoted Chinese, the way people write these files.
    q = _plain_or_quoted
    out = [
        "# yaml-language-server: $schema=../../schemas/goal.schema.json",
        f"year: {goal['year']}",
        f"department: {q(goal['department'])}",
        f"budget_unit: {q(goal['budget_unit'])}",
        f"project: {q(goal['project'])}",
        "objective: >-",
        f"  {goal['objective']}",
        "indicators:",
    ]
    for ind in goal["indicators"]:
        out.append(f"  - seq: {ind['seq']}")
        for key in ("category", "subcategory", "name", "target"):
            if key in ind:
                out.append(f"    {key}: {q(ind[key])}")
    return "\n".join(out) + "\n"


def generate(root: Path, count: int, seed: int) -> tuple[Path, list[Path]]:
    """Write ``count`` goal files to root/goals/bench/ and return (dir, files)."""
    rng = random.Random(seed)
    goal_dir = root / "goals" / "bench"
    goal_dir.mkdir(parents=True)
    # So the modeline's ../../schemas/goal.schema.json resolves, as in the repo.
    if SCHEMA_PATH.exists():
        (root / "schemas").mkdir()
        shutil.copy2(SCHEMA_PATH, root / "schemas" / "goal.schema.json")
    files = []
    projects: set[tuple[Any, ...]] = set()
    for i in range(count):
        goal = make_goal(rng)
        # One file per project, as duplicate-project demands of real folders.
        while (goal["year"], goal["budget_unit"], goal["project"]) in projects:
            goal = make_goal(rng)
        projects.add((goal["year"], goal["budget_unit"], goal["project"]))
        text = dump_goal(goal)
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


# --------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Measurement:
    key: str
    label: str
    tool: str  # short name used in "X is 3x slower than goals-lint"
    kind: str  # "per_file": ms per file; "startup": seconds per process
    run: Callable[[], tuple[int, str]] | None  # returns (exit code, output)
    per: int = 1
    note: str = ""  # why it was skipped
    samples: list[float] = dataclasses.field(default_factory=list)


def find_tool(name: str) -> str | None:
    # Prefer the tool installed next to this interpreter (the venv) over PATH.
    here = Path(sys.executable).parent / name
    if here.exists() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which(name)


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("NO_COLOR", "1")
    # An installed package has its bytecode compiled by pip; a checkout gets the same
    # only if the warm-up run may write it. Without this, start-up measures compiling.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def command(cmd: list[str]) -> Callable[[], tuple[int, str]]:
    env = subprocess_env()

    def run() -> tuple[int, str]:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr

    return run


def head(text: str, lines: int = 8) -> str:
    parts = text.strip().splitlines()
    more = f"\n    ... ({len(parts) - lines} more lines)" if len(parts) > lines else ""
    return "\n".join("    " + p[:200] for p in parts[:lines]) + more


def load_cli() -> tuple[Callable[..., Any] | None, str]:
    try:
        from validator import cli  # type: ignore[import-not-found]
    except Exception as exc:
        return None, f"validator.cli not importable ({type(exc).__name__}: {exc})"
    if not hasattr(cli, "main"):
        return None, "validator.cli has no main(argv)"
    return cli.main, ""


def forget_parsed_targets() -> None:
    """Empty goals-lint's caches of parsed targets and names.

    A real run sees each target once; repeating the run in one process would
    otherwise time cache hits, not parsing.
    """
    try:
        from validator import targets
    except ImportError:
        return
    for cached in (getattr(targets, name, None) for name in ("parse_target", "comparison_key", "name_core")):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def call_cli(main: Callable[..., Any], argv: list[str]) -> tuple[int, str]:
    """Run the CLI in-process with its output captured; returns (exit code, output)."""
    forget_parsed_targets()
    out, err = io.StringIO(), io.StringIO()
    code: Any = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # a CLI may sys.exit() instead of returning
            code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        code = 1
    return code, out.getvalue() + err.getvalue()


def tool_version(cmd: list[str]) -> str:
    try:
        _code, out = command(cmd)()
    except OSError:
        return "?"
    lines = out.strip().splitlines()
    return lines[0] if lines else "?"


class Bench:
    def __init__(self) -> None:
        self.measurements: list[Measurement] = []
        self.rows: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.versions: dict[str, Any] = {}

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)
        print(f"WARNING: {msg}", file=sys.stderr)

    def add(
        self,
        key: str,
        label: str,
        tool: str,
        kind: str,
        run: Callable[[], tuple[int, str]] | None,
        per: int = 1,
        note: str = "",
    ) -> None:
        self.measurements.append(Measurement(key, label, tool, kind, run, per, note))

    def measure(self, kind: str, rounds: int) -> None:
        """Time every runnable measurement of ``kind`` ``rounds`` times, interleaved.

        Interleaving (and rotating the order each round) spreads the drift of a
        shared machine over all tools instead of penalising whichever runs last.
        Each tool gets one untimed warm-up first (imports, page cache, .pyc files).
        """
        todo = [m for m in self.measurements if m.kind == kind and m.run is not None]
        warned: set[str] = set()

        def once(m: Measurement) -> float:
            t0 = time.perf_counter()
            code, output = m.run()  # type: ignore[misc]
            elapsed = time.perf_counter() - t0
            if code != 0 and m.key not in warned:
                warned.add(m.key)
                self.warn(f"{m.label} exited {code} on valid files; first lines of its output:\n" + head(output))
            return elapsed

        if not todo:
            return
        for m in todo:
            once(m)
        for i in range(rounds):
            k = i % len(todo)
            for m in todo[k:] + todo[:k]:
                m.samples.append(once(m))

    def finish(self) -> None:
        for m in self.measurements:
            row: dict[str, Any] = {"key": m.key, "label": m.label, "tool": m.tool, "kind": m.kind, "note": m.note}
            if not m.samples:
                row.update(median=None, min=None, max=None, samples=None, unit=None)
            elif m.kind == "per_file":
                ms = [s * 1000.0 / m.per for s in m.samples]
                row.update(median=statistics.median(ms), min=min(ms), max=max(ms), samples=ms, unit="ms/file")
            else:
                row.update(
                    median=statistics.median(m.samples),
                    min=min(m.samples),
                    max=max(m.samples),
                    samples=m.samples,
                    unit="s",
                )
            self.rows.append(row)

    def row(self, key: str) -> dict[str, Any] | None:
        return next((r for r in self.rows if r["key"] == key and r["median"] is not None), None)


def check_goals_lint_report(b: Bench, main: Callable[..., Any], goal_dir: Path, n: int) -> None:
    """Make sure goals-lint really checked every file and found nothing."""
    code, out = call_cli(main, [str(goal_dir), "--format", "json"])
    try:
        report = json.loads(out)
    except ValueError:
        b.warn(f"goals-lint --format json (exit {code}) did not print valid JSON:\n" + head(out))
        return
    checked = report.get("files_checked") if isinstance(report, dict) else None
    diags = report.get("diagnostics") if isinstance(report, dict) else None
    if checked is not None and checked != n:
        b.warn(f"goals-lint checked {checked} files, expected {n}")
    if diags:
        b.warn(
            f"goals-lint reported {len(diags)} diagnostic(s) on valid files; first:\n"
            + head(json.dumps(diags[:3], ensure_ascii=False, indent=1))
        )
    if checked is not None or diags is not None:
        b.notes.append(f"goals-lint JSON report: files_checked={checked}, diagnostics={len(diags or [])}")


def run_all(args: argparse.Namespace, goal_dir: Path, files: list[Path]) -> Bench:
    b = Bench()
    n, rep = len(files), args.repeat
    srep = args.startup_repeat or rep * 3
    texts = [f.read_text(encoding="utf-8") for f in files]
    file_args = [str(f) for f in files]

    # a. Reference: the least any YAML-reading tool must pay per file.
    def c_parse() -> tuple[int, str]:
        for t in texts:
            yaml.load(t, Loader=yaml.CSafeLoader)
        return 0, ""

    b.add("c_loader", "PyYAML CSafeLoader bare parse (ref)", "CSafeLoader", "per_file", c_parse, n)

    # Second reference: parse + compiled schema check, no rules, no positions.
    rs_label = "C loader + jsonschema-rs (ref)"
    try:
        import jsonschema_rs

        if not SCHEMA_PATH.exists():
            raise RuntimeError("no schemas/goal.schema.json")
        rs_validator = jsonschema_rs.validator_for(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))

        def c_parse_rs() -> tuple[int, str]:
            bad = sum(not rs_validator.is_valid(yaml.load(t, Loader=yaml.CSafeLoader)) for t in texts)
            return (1 if bad else 0), f"{bad} files invalid"

        b.add("c_loader_rs", rs_label, "jsonschema-rs", "per_file", c_parse_rs, n)
    except Exception as exc:
        b.add("c_loader_rs", rs_label, "jsonschema-rs", "per_file", None, note=f"skipped: {exc}")

    # b. goals-lint in-process.
    main, why = load_cli()
    argv = [str(goal_dir), "--format", "json"]
    if main is None:
        b.add("gl_inproc", "goals-lint in-process", "goals-lint", "per_file", None, note=f"skipped: {why}")
    else:
        check_goals_lint_report(b, main, goal_dir, n)
        # The budget is for reading plus the schema check; the rules are timed on top.
        schema_argv = argv + ["--select", "GL0"]
        b.add(
            "gl_inproc_schema",
            "goals-lint in-process, schema only",
            "goals-lint",
            "per_file",
            lambda: call_cli(main, schema_argv),
            n,
        )
        b.add(
            "gl_inproc", "goals-lint in-process, all rules", "goals-lint", "per_file", lambda: call_cli(main, argv), n
        )

    # c. goals-lint as one process over the folder.
    try:
        runnable = main is not None and importlib.util.find_spec("validator.__main__") is not None
    except ImportError:
        runnable = False
    gl_cmd = [sys.executable, "-m", "validator"]
    gl_skip = "" if runnable else "skipped: " + (why or "no validator/__main__.py")
    b.add(
        "gl_proc",
        "goals-lint subprocess",
        "goals-lint",
        "per_file",
        command(gl_cmd + argv) if runnable else None,
        n,
        gl_skip,
    )

    # d. check-jsonschema, schema only.
    cj = find_tool("check-jsonschema")
    cj_skip = (
        ""
        if cj and SCHEMA_PATH.exists()
        else ("skipped: check-jsonschema not installed" if not cj else "skipped: no schemas/goal.schema.json")
    )
    cj_cmd = [cj or "check-jsonschema", "--schemafile", str(SCHEMA_PATH)]
    b.add(
        "cj_proc",
        "check-jsonschema subprocess",
        "check-jsonschema",
        "per_file",
        None if cj_skip else command(cj_cmd + file_args),
        n,
        cj_skip,
    )

    # e. yamllint: style only, no schema; a familiar yardstick for "a YAML linter".
    yl = find_tool("yamllint")
    b.add(
        "yl_proc",
        "yamllint -d relaxed subprocess",
        "yamllint",
        "per_file",
        command([yl, "-d", "relaxed", str(goal_dir)]) if yl else None,
        n,
        "" if yl else "skipped: yamllint not installed",
    )

    # f. Single-file start-up: dominated by interpreter start and imports.
    one = str(files[0])
    b.add("py_startup", "python -c pass (floor)", "python", "startup", command([sys.executable, "-c", "pass"]))
    # pre-commit runs the console script, which skips `-m`'s runpy machinery.
    gl_script = find_tool("goals-lint")
    gl_one = [gl_script, one] if gl_script else gl_cmd + [one]
    b.add(
        "gl_startup",
        "goals-lint, one file",
        "goals-lint",
        "startup",
        command(gl_one) if runnable else None,
        note=gl_skip,
    )
    b.add(
        "cj_startup",
        "check-jsonschema, one file",
        "check-jsonschema",
        "startup",
        None if cj_skip else command(cj_cmd + [one]),
        note=cj_skip,
    )

    b.measure("per_file", rep)
    b.measure("startup", srep)
    b.finish()

    b.notes.append(f"{n} files, {sum(len(t.encode('utf-8')) for t in texts) / n / 1024:.2f} KiB/file on average")
    b.versions = {
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "pyyaml": f"{yaml.__version__}{' (libyaml)' if yaml.__with_libyaml__ else ' (NO libyaml)'}",
        "check-jsonschema": tool_version([cj, "--version"]) if cj else None,
        "yamllint": tool_version([yl, "--version"]) if yl else None,
    }
    return b


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def summarise(b: Bench) -> dict[str, Any]:
    ref = b.row("c_loader")
    gl_in, gl_proc, gl_start = b.row("gl_inproc"), b.row("gl_proc"), b.row("gl_startup")
    # Peers are compared like for like: process with process, start-up with start-up.
    peer_of = {"cj_proc": gl_proc, "yl_proc": gl_proc, "cj_startup": gl_start, "gl_proc": gl_in}
    for r in b.rows:
        r["vs_c_loader"] = (
            r["median"] / ref["median"] if ref and r["median"] is not None and r["kind"] == "per_file" else None
        )
        base = peer_of.get(r["key"])
        r["vs_goals_lint"] = (
            r["median"] / base["median"] if base and r["median"] is not None and r["key"] != "gl_proc" else None
        )

    comparisons = []
    for key, base, what in (
        ("cj_proc", gl_proc, "whole folder, one process each"),
        ("yl_proc", gl_proc, "whole folder, one process each"),
        ("cj_startup", gl_start, "one file, start-up"),
    ):
        r = b.row(key)
        if r and base:
            ratio = r["median"] / base["median"]
            name = r["tool"]
            word = f"{ratio:.1f}x slower than" if ratio >= 1 else f"{1 / ratio:.1f}x faster than"
            comparisons.append(f"{name} is {word} goals-lint ({what})")

    budgets = []
    gl_schema = b.row("gl_inproc_schema")
    if gl_schema and ref:
        ratio = gl_schema["median"] / ref["median"]
        budgets.append(
            {
                "name": f"goals-lint in-process, schema only <= {BUDGET_INPROC_RATIO:g}x C-loader bare parse",
                "value": f"{ratio:.2f}x",
                "pass": ratio <= BUDGET_INPROC_RATIO,
            }
        )
    else:
        budgets.append(
            {
                "name": f"goals-lint in-process, schema only <= {BUDGET_INPROC_RATIO:g}x C-loader bare parse",
                "value": None,
                "pass": None,
            }
        )
    if gl_start:
        budgets.append(
            {
                "name": f"single-file start-up < {BUDGET_STARTUP_S:g} s",
                "value": f"{gl_start['median']:.3f} s",
                "pass": gl_start["median"] < BUDGET_STARTUP_S,
            }
        )
    else:
        budgets.append({"name": f"single-file start-up < {BUDGET_STARTUP_S:g} s", "value": None, "pass": None})
    return {"comparisons": comparisons, "budgets": budgets}


def fmt_num(v: float | None, unit: str | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f} s" if unit == "s" else f"{v:.3f} ms"


def print_table(b: Bench, summary: dict[str, Any], args: argparse.Namespace) -> None:
    v = b.versions
    srep = args.startup_repeat or args.repeat * 3
    print(
        f"goals-lint benchmark: {args.files} generated goal files (seed {args.seed}), "
        f"median of {args.repeat} runs ({srep} for start-up)"
    )
    print(
        f"Python {v['python']} on {v['platform']}, {v['cpus']} CPUs; PyYAML {v['pyyaml']}; "
        f"{v['check-jsonschema'] or 'check-jsonschema missing'}; {v['yamllint'] or 'yamllint missing'}"
    )
    for note in b.notes:
        print(f"  {note}")
    print()
    w = max(len(r["label"]) for r in b.rows) + 2
    hdr = f"{'tool':<{w}}{'median':>12}{'min-max':>20}{'vs C loader':>13}{'vs goals-lint':>15}"
    sections = (("Per file (whole folder)", "per_file"), ("Single-file start-up (one process, one file)", "startup"))
    for title, kind in sections:
        print(title)
        print(hdr)
        print("-" * len(hdr))
        for r in (r for r in b.rows if r["kind"] == kind):
            if r["median"] is None:
                print(f"{r['label']:<{w}}{'-':>12}   {r['note']}")
                continue
            unit = r["unit"]
            rng = f"{fmt_num(r['min'], unit).split()[0]}-{fmt_num(r['max'], unit)}"
            vs_c = f"{r['vs_c_loader']:.1f}x" if r["vs_c_loader"] is not None else ""
            vs_g = f"{r['vs_goals_lint']:.1f}x" if r["vs_goals_lint"] is not None else ""
            print(f"{r['label']:<{w}}{fmt_num(r['median'], unit):>12}{rng:>20}{vs_c:>13}{vs_g:>15}")
        print()
    if summary["comparisons"]:
        for c in summary["comparisons"]:
            print(c)
        print()
    print("Budgets")
    for bud in summary["budgets"]:
        verdict = {True: "PASS", False: "FAIL", None: "N/A (goals-lint not runnable)"}[bud["pass"]]
        print(f"  {bud['name']:<48} {bud['value'] or '-':>9}  {verdict}")
    if b.warnings:
        print(f"\n{len(b.warnings)} warning(s) were printed to stderr during the run.")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--files", type=int, default=500, metavar="N", help="goal files to generate (default 500)")
    p.add_argument(
        "--repeat", type=int, default=5, metavar="R", help="repeats per measurement; median reported (default 5)"
    )
    p.add_argument(
        "--startup-repeat",
        type=int,
        default=0,
        metavar="S",
        help="repeats of the single-file start-up runs (default 3 x R)",
    )
    p.add_argument("--seed", type=int, default=2022, help="random seed for the generated files (default 2022)")
    p.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    p.add_argument("--check", action="store_true", help="exit 1 if a budget fails")
    p.add_argument(
        "--keep", metavar="DIR", help="generate into DIR and keep it (DIR must not exist) instead of a temp dir"
    )
    args = p.parse_args(argv)
    if args.files < 1 or args.repeat < 1 or args.startup_repeat < 0:
        p.error("--files and --repeat must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = Path(args.keep).resolve()
            root.mkdir(parents=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="goals-lint-bench-")))
        goal_dir, files = generate(root, args.files, args.seed)
        note = schema_check(files)
        b = run_all(args, goal_dir, files)
        b.notes.insert(0, note)
    summary = summarise(b)
    if args.json:
        json.dump(
            {
                "params": {
                    "files": args.files,
                    "repeat": args.repeat,
                    "startup_repeat": args.startup_repeat or args.repeat * 3,
                    "seed": args.seed,
                },
                "environment": b.versions,
                "notes": b.notes,
                "warnings": b.warnings,
                "results": b.rows,
                **summary,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        print_table(b, summary, args)
    if args.check and any(bud["pass"] is False for bud in summary["budgets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
