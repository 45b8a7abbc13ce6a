"""The target-value parser: what every rule reads a target as."""

from __future__ import annotations

import pytest

from validator.targets import comparison_key, name_carries_unit, name_core, name_unit, parse_target


def bounds(text):
    """(comparison, value, unit) of each bound."""
    return [(bound.comparison, bound.value, bound.unit) for bound in parse_target(text).bounds]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the examples
        ("≥95%", [("≥", 95, "%")]),
        ("不少于3000个", [("≥", 3000, "个")]),
        ("148.75万件", [("=", 1_487_500, "件")]),
        ("≤5秒", [("≤", 5, "秒")]),
        ("1200万通", [("=", 12_000_000, "通")]),
        ("面向政府用户≥50或面向公众用户≥200", [("≥", 50, ""), ("≥", 200, "")]),
        ("12月底前100%到位", [("=", 100, "%")]),
        # comparison words before and after the number
        ("不低于600个", [("≥", 600, "个")]),
        ("大于等于15个。", [("≥", 15, "个")]),
        ("不超过 5秒", [("≤", 5, "秒")]),
        ("不高于3%", [("≤", 3, "%")]),
        ("5000次以上", [("≥", 5000, "次")]),
        ("100000条以上", [("≥", 100000, "条")]),
        ("3小时以内", [("≤", 3, "小时")]),
        ("50人以下", [("≤", 50, "人")]),
        ("达到90%", [("≥", 90, "%")]),
        ("超过10家", [(">", 10, "家")]),
        ("少于3次", [("<", 3, "次")]),
        ("对接数为 4", [("=", 4, "")]),
        (">=98%", [("≥", 98, "%")]),
        # full-width forms are the same after NFKC
        ("＞１００％", [(">", 100, "%")]),
        ("≥９５％", [("≥", 95, "%")]),
        ("≥100百分比", [("≥", 100, "百分比")]),
        # multipliers, decimals, separators, units
        ("不少于10亿条", [("≥", 1_000_000_000, "条")]),
        ("≥3万", [("≥", 30_000, "")]),
        ("1,000,000条", [("=", 1_000_000, "条")]),
        ("≥6个月", [("≥", 6, "个月")]),
        ("≥6Gbps", [("≥", 6, "Gbps")]),
        ("≤45元/小时", [("≤", 45, "元")]),
        ("5分钟", [("=", 5, "分钟")]),
        ("-5%", [("=", -5, "%")]),
        # a range is two bounds of one target
        ("95%-100%", [("≥", 95, "%"), ("≤", 100, "%")]),
        ("95-100%", [("≥", 95, "%"), ("≤", 100, "%")]),
        ("5~10个", [("≥", 5, "个"), ("≤", 10, "个")]),
        ("5至10个", [("≥", 5, "个"), ("≤", 10, "个")]),
        # numbers that are dates or labels are not bounds
        ("2022年12月底前完成", []),
        ("第4季度前上线", []),
        ("12345热线接通率≥95%", [("≥", 95, "%")]),
        ("支持IPv6", []),
        ("5G网络覆盖率100%", [("=", 100, "%")]),
        ("完成项目终验", []),
        # dotted dates and periods are dates; 2023.5万元 is an amount
        ("2023.07-2024.01", []),
        ("2021.12-2022.06", []),
        ("2021.1", []),
        ("2023.5万元", [("=", 20_235_000, "元")]),
        ("2023-12-31前", []),
        # comparisons as other tables type them
        ("≧90%", [("≥", 90, "%")]),
        ("≦5秒", [("≤", 5, "秒")]),
        ("═100%", [("=", 100, "%")]),
        ("<=475元/亩", [("≤", 475, "元")]),
        # counting units
        ("≥12场次", [("≥", 12, "场次")]),
        ("≥280人次", [("≥", 280, "人次")]),
        ("6批次", [("=", 6, "批次")]),
        ("≥40课时", [("≥", 40, "课时")]),
    ],
)
def test_bounds(text, expected):
    assert bounds(text) == expected


def test_subjects_name_what_each_bound_measures():
    target = parse_target("一般性操作≤5秒，一般性统计≤20秒，关键业务处理性能≥6Gbps日志存储能力≥40TB")
    assert [bound.subject for bound in target.bounds] == [
        "一般性操作",
        "一般性统计",
        "关键业务处理性能",
        "日志存储能力",
    ]
    assert target.packed


@pytest.mark.parametrize(
    ("text", "packed"),
    [
        ("面向政府用户≥50或面向公众用户≥200", True),
        ("上报数量不少于 3600个；对接不少于300个；办理不少于 400个。", True),
        ("95%-100%", False),
        ("5~10个", False),
        ("12月底前100%到位", False),
        ("≥95%", False),
    ],
)
def test_packed(text, packed):
    assert parse_target(text).packed is packed


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("≥95%", "quantitative"),
        ("满足", "outcome"),
        ("完成项目终验", "outcome"),
        ("通过验收", "outcome"),
        ("按时完成", "outcome"),
        ("无明显影响", "outcome"),
        ("优", "grade"),
        ("良", "grade"),
        ("达成", "grade"),
        ("部分达成", "grade"),
        ("达到优秀等级", "grade"),
        ("明显提升", "vague"),
        ("进一步提高", "vague"),
        ("稳步提高", "vague"),
        ("持续加强", "vague"),
        ("良好", "vague"),
        ("较快", "vague"),
        # without a number, a target is vague unless it is a grade, a yes/no outcome or a deliverable
        ("建立健全", "vague"),
        ("长远", "vague"),
        ("长期", "vague"),
        ("及时", "vague"),
        ("好坏", "vague"),
        ("显著", "vague"),
        ("有所提升", "vague"),
        ("公益性事业", "vague"),
        ("参照政府采购成本控制", "vague"),
        ("高", "vague"),
        ("有效", "vague"),  # unless the indicator asks whether something is effective: see vague-target
        ("优良", "grade"),  # the air-quality grade
        ("覆盖全区所有人员", "outcome"),
        ("全部完成", "outcome"),
        ("在项目计划完成时间内完成", "outcome"),
        ("房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序", "outcome"),
        ("出具年度审计报告", "outcome"),
        ("项目验收报告", "outcome"),
        ("支持IPv6", "label"),
        ("T+1", "label"),
        # template blanks
        ("待定", "placeholder"),
        ("TBD", "placeholder"),
        ("/", "placeholder"),
        ("无", "placeholder"),  # unless the indicator counts incidents: see vague-target
        ("xx", "placeholder"),
        ("XX", "placeholder"),
        ("**", "placeholder"),
        ("≥**%", "placeholder"),
        ("**元/人·月", "placeholder"),
        ("no", "placeholder"),  # YAML 1.1 reads it as false
        ("", "placeholder"),
        # numbers that are all dates: a deadline, unless the words say more
        ("2023年底", "deadline"),
        ("2025年年底前", "deadline"),
        ("2022年底之前", "deadline"),
        ("2021年全年", "deadline"),
        ("2021年1月-12月", "deadline"),
        ("2023年4月-2024年2月", "deadline"),
        ("2023.07-2024.01", "deadline"),
        ("2023.12", "deadline"),
        ("2021.1", "deadline"),
        ("2022年12月底前完成", "outcome"),
        ("第4季度前上线", "outcome"),
        ("2023年底前明显提升", "vague"),
        # a ratio is one value
        ("1:50", "quantitative"),
    ],
)
def test_kind(text, kind):
    assert parse_target(text).kind == kind


def test_a_number_per_item_without_its_currency_says_what_it_is_per():
    (bound,) = parse_target("≤28.40/株").bounds
    assert (bound.comparison, bound.value, bound.unit, bound.per) == ("≤", 28.4, "", "株")
    assert parse_target("≤28.40/株").leftover == ""
    (priced,) = parse_target("28.40元/株").bounds
    assert (priced.unit, priced.per) == ("元", "")


def test_percentages_and_leftover():
    target = parse_target("广州市府门户网站年度访问量不少于 4500万次。")
    assert target.percentages == ()
    assert target.leftover == "广州市府门户网站年度访问量"
    assert [bound.number for bound in target.bounds] == ["4500万"]
    assert parse_target("≥95%").leftover == ""
    assert [bound.is_percentage for bound in parse_target("≥95%，≤3小时").bounds] == [True, False]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("系统并发数.", "系统并发数"),
        ("系统并发数 ", "系统并发数"),
        ("接通率(%)", "接通率（%）"),
        (".系统并发数", "系统并发数"),
        ("政务服务事项数据应用管理系统应用与推广情况 。", "政务服务事项数据应用管理系统应用与推广情况"),
        ("不少于 4500万次。", "不少于4500万次"),
    ],
)
def test_comparison_key_makes_these_equal(a, b):
    assert comparison_key(a) == comparison_key(b)


def test_comparison_key_keeps_different_names_apart():
    assert comparison_key("接通率(%)") != comparison_key("接通率")
    assert comparison_key("系统并发数") != comparison_key("系统并发量")


@pytest.mark.parametrize(
    ("name", "unit", "carries"),
    [
        ("接通率（%）", "%", True),
        ("恢复时间目标（小时）", "小时", True),
        ("系统服务对象（个）", "个", True),
        ("项目预算（万元）", "万元", True),
        ("省级考核得分（分）", "分", True),
        ("是否满足性能指标 （定性）", None, False),
        ("系统并发数（量）", None, True),  # counts things
        ("系统用户数", None, True),
        ("机房PUE值", None, True),
        ("系统吞吐量", None, False),
        ("项目计划时间", None, False),
        # a counting unit at the end of a name is the unit
        ("年度培训场次", None, True),
        ("接待游客人次", None, True),
        # a template placeholder is no unit
        ("苗木成活率(≥**%)", None, False),
        ("项目总投入(≥**万元)", None, False),
        ("受益人数(人)", "人", True),
    ],
)
def test_units_in_names(name, unit, carries):
    assert name_unit(name) == unit
    assert name_carries_unit(name) is carries


def test_name_core_drops_brackets_and_stray_marks():
    assert name_core("系统内部使用人员满意度（%）") == "系统内部使用人员满意度"
    assert name_core("话务服务市民满意度.") == "话务服务市民满意度"
