"""The rules on the real 2022 Guangzhou table (goals/2022, imported faithfully from the seed).

The mandated rules must report the table's real numbering and duplicate defects and
nothing else; the target parser must read every one of its targets correctly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support import run_json

SEED_GOALS = Path(__file__).resolve().parent.parent / "goals" / "2022"
MANDATED = "required-categories,sequential-numbering,duplicate-indicator,percentage-range"


def test_the_mandated_rules_report_exactly_the_tables_real_defects():
    result = run_json(str(SEED_GOALS), "--select", MANDATED, "--no-baseline")
    assert result.report["files_checked"] == 20
    assert [(Path(d["path"]).name[:2], d["line"], d["rule"]) for d in result.diagnostics] == [
        # 12345 人工坐席: the sixth indicator is numbered "1、" again
        ("02", 29, "sequential-numbering"),
        # 电子政务外网网络安全升级: numbering starts at 2
        *[("06", line, "sequential-numbering") for line in (9, 13, 17, 21, 25, 29, 33)],
        # 2022年“一网通办”: 1, 2, 3, 1, 2, 3, and a target copied from the next indicator
        ("15", 21, "sequential-numbering"),
        ("15", 25, "sequential-numbering"),
        ("15", 28, "duplicate-indicator"),
        ("15", 29, "sequential-numbering"),
    ]
    copied = result.diagnostics[-2]
    assert copied["message"] == (
        "same target text as indicator 1 (“政务服务监管平台年度访问量。”, line 24), probably copied; "
        "give this indicator its own target"
    )


def seed_targets() -> set[str]:
    return {
        indicator["target"]
        for path in SEED_GOALS.glob("*.yaml")
        for indicator in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]
    }


# Every distinct target of the table: (target, kind, packed, [(comparison, value, unit)]).
SEED_TARGETS = [
    ("不少于3000个", "quantitative", False, [("≥", 3_000, "个")]),
    ("不少于30次", "quantitative", False, [("≥", 30, "次")]),
    ("不少于300份", "quantitative", False, [("≥", 300, "份")]),
    ("不少于1500个", "quantitative", False, [("≥", 1_500, "个")]),
    ("不少于20个", "quantitative", False, [("≥", 20, "个")]),
    ("不少于10份", "quantitative", False, [("≥", 10, "份")]),
    ("不少于10亿条", "quantitative", False, [("≥", 1_000_000_000, "条")]),
    ("99.5%", "quantitative", False, [("=", 99.5, "%")]),
    ("≥80%", "quantitative", False, [("≥", 80, "%")]),
    ("≥95%", "quantitative", False, [("≥", 95, "%")]),
    ("100%", "quantitative", False, [("=", 100, "%")]),
    ("148.75万件", "quantitative", False, [("=", 1_487_500, "件")]),
    ("99.99%", "quantitative", False, [("=", 99.99, "%")]),
    ("95%", "quantitative", False, [("=", 95, "%")]),
    ("完成项目终验", "outcome", False, []),
    ("500个", "quantitative", False, [("=", 500, "个")]),
    ("系统用户总数不低于600个", "quantitative", False, [("≥", 600, "个")]),
    ("系统对用户操作的响应时间不超过 5秒", "quantitative", False, [("≤", 5, "秒")]),
    (
        "上报到广东省数据普查系统的信息系统数量不少于 3600个；与省电子政务统一身份认证平台粤政易账号认证对接不少于300个；使用系统申请办理的终验项目数量不少于 400个。",
        "quantitative",
        True,
        [("≥", 3_600, "个"), ("≥", 300, "个"), ("≥", 400, "个")],
    ),
    ("系统支持30人业务并发处理", "quantitative", False, [("=", 30, "人")]),
    ("5个功能模块", "quantitative", False, [("=", 5, "个")]),
    ("≥1000个", "quantitative", False, [("≥", 1_000, "个")]),
    ("3个", "quantitative", False, [("=", 3, "个")]),
    (
        "一般性操作≤5秒，一般性统计≤20秒，关键业务处理性能≥6Gbps日志存储能力≥40TB",
        "quantitative",
        True,
        [("≤", 5, "秒"), ("≤", 20, "秒"), ("≥", 6, "Gbps"), ("≥", 40, "TB")],
    ),
    ("≥100个", "quantitative", False, [("≥", 100, "个")]),
    ("≥6个月", "quantitative", False, [("≥", 6, "个月")]),
    ("≥99%", "quantitative", False, [("≥", 99, "%")]),
    ("形成1个企业信用评价模型", "quantitative", False, [("=", 1, "个")]),
    ("对接不少于10个业务系统", "quantitative", False, [("≥", 10, "个")]),
    ("建设1个信用监管应用支撑平台", "quantitative", False, [("=", 1, "个")]),
    ("编制不少于3份信用监管相关标准规范", "quantitative", False, [("≥", 3, "份")]),
    ("1200万通", "quantitative", False, [("=", 12_000_000, "通")]),
    ("满足", "outcome", False, []),
    ("较快", "vague", False, []),
    ("≥85%", "quantitative", False, [("≥", 85, "%")]),
    ("≥60%", "quantitative", False, [("≥", 60, "%")]),
    ("≥95", "quantitative", False, [("≥", 95, "")]),
    ("≥10%", "quantitative", False, [("≥", 10, "%")]),
    ("≥40%", "quantitative", False, [("≥", 40, "%")]),
    ("≥600万", "quantitative", False, [("≥", 6_000_000, "")]),
    ("≤21", "quantitative", False, [("≤", 21, "")]),
    ("≤1", "quantitative", False, [("≤", 1, "")]),
    ("≥100%", "quantitative", False, [("≥", 100, "%")]),
    ("≥700", "quantitative", False, [("≥", 700, "")]),
    ("≥400", "quantitative", False, [("≥", 400, "")]),
    ("开展质量管控服务的数据主题数量不少于 30个", "quantitative", False, [("≥", 30, "个")]),
    ("增加广州市电子政务外网新增接入方式的建议不少于 3个", "quantitative", False, [("≥", 3, "个")]),
    ("编制数据质量体系建设相关的标准规范数量不少于 1份", "quantitative", False, [("≥", 1, "份")]),
    ("编制1份电子政务网新建接入方式的建议方案", "quantitative", False, [("=", 1, "份")]),
    ("整合三台UPS为两台，报废三台UPS，UPS利用率提高50%", "quantitative", False, [("=", 50, "%")]),
    ("设备正常运行率≥99%", "quantitative", False, [("≥", 99, "%")]),
    ("系统正常运行率≥98%", "quantitative", False, [("≥", 98, "%")]),
    ("制定技术标准规范数量≥3", "quantitative", False, [("≥", 3, "")]),
    ("基础应用支撑与能力开放平台系统对接数为 4", "quantitative", False, [("=", 4, "")]),
    ("项目验收合格率100%", "quantitative", False, [("=", 100, "%")]),
    ("支撑11个区完成排队预约数据汇聚工作 ", "quantitative", False, [("=", 11, "个")]),
    ("支撑广州市政策兑现部门数量≥13", "quantitative", False, [("≥", 13, "")]),
    ("综合受理系统支撑的部门数量≥35", "quantitative", False, [("≥", 35, "")]),
    ("预约系统支撑部门数≥35", "quantitative", False, [("≥", 35, "")]),
    ("≥570个", "quantitative", False, [("≥", 570, "个")]),
    ("≥3万", "quantitative", False, [("≥", 30_000, "")]),
    ("10", "quantitative", False, [("=", 10, "")]),
    ("1", "quantitative", False, [("=", 1, "")]),
    ("大于等于15个。", "quantitative", False, [("≥", 15, "个")]),
    ("政务服务事项改造输出量不少于85项。", "quantitative", False, [("≥", 85, "项")]),
    ("处理广州历史政策稿件2万件。", "quantitative", False, [("=", 20_000, "件")]),
    ("广州市府门户网站年度访问量不少于 4500万次。", "quantitative", False, [("≥", 45_000_000, "次")]),
    ("广州市府门户网站年度访问量不少于4500万次。", "quantitative", False, [("≥", 45_000_000, "次")]),
    ("用户数不少于200个。", "quantitative", False, [("≥", 200, "个")]),
    ("≥90%", "quantitative", False, [("≥", 90, "%")]),
    ("面向政府用户≥50或面向公众用户≥200", "quantitative", True, [("≥", 50, ""), ("≥", 200, "")]),
    ("≥50万", "quantitative", False, [("≥", 500_000, "")]),
    ("≤5秒", "quantitative", False, [("≤", 5, "秒")]),
    ("≥300个", "quantitative", False, [("≥", 300, "个")]),
    ("90%", "quantitative", False, [("=", 90, "%")]),
    ("5000次以上", "quantitative", False, [("≥", 5_000, "次")]),
    ("10000个", "quantitative", False, [("=", 10_000, "个")]),
    ("100000条以上", "quantitative", False, [("≥", 100_000, "条")]),
    ("不少于1个", "quantitative", False, [("≥", 1, "个")]),
    ("100个", "quantitative", False, [("=", 100, "个")]),
    ("1200万", "quantitative", False, [("=", 12_000_000, "")]),
    ("500万", "quantitative", False, [("=", 5_000_000, "")]),
    ("600项", "quantitative", False, [("=", 600, "项")]),
    ("200项", "quantitative", False, [("=", 200, "项")]),
]


def test_the_table_lists_every_seed_target():
    assert {target for target, *_ in SEED_TARGETS} == seed_targets()


@pytest.mark.parametrize(("text", "kind", "packed", "expected"), SEED_TARGETS, ids=lambda value: str(value)[:20])
def test_every_seed_target_parses(text, kind, packed, expected):
    from validator.targets import parse_target

    target = parse_target(text)
    assert target.kind == kind
    assert target.packed is packed
    assert [(bound.comparison, bound.value, bound.unit) for bound in target.bounds] == expected
