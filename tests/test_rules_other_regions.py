"""Rules on forms other regions' tables use: placeholders, template residue, vague and
cost targets, dotted dates, counting units, satisfaction written other ways. Every
finding is checked at its line and column, as the user sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_json, write

HEADER = """\
year: 2023
department: 某县农业农村局
budget_unit: 某县农业农村局
project: 设施农业种植项目
objective: 发展特色产业，带动脱贫户增收。
indicators:
"""


def goal(*indicators: tuple[str, str | None, str, str]) -> str:
    """A goal file; each indicator is (category, subcategory or None, name, target), the name
    and target written as YAML scalars (quoted by the caller where YAML needs it)."""
    lines = [HEADER]
    for seq, (category, subcategory, name, target) in enumerate(indicators, 1):
        lines.append(f"  - seq: {seq}\n    category: {category}\n")
        if subcategory:
            lines.append(f"    subcategory: {subcategory}\n")
        lines.append(f"    name: {name}\n    target: {target}\n")
    return "".join(lines)


def place(text: str, indicator: int, field: str) -> tuple[int, int]:
    """Where the value of ``field`` of indicator ``indicator`` (from 1) starts in ``text``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("  - seq:"):
            seen += 1
        key = f"    {field}: " if field != "seq" else "  - seq: "
        if seen == indicator and line.startswith(key):
            return number, len(key) + 1
    raise AssertionError(f"indicator {indicator} has no {field}")


def lint(tmp_path: Path, text: str, rule: str, *args: str, lang: str = "en"):
    write(tmp_path, "goals/2023/goal.yaml", text)
    assert run_json(str(tmp_path / "goals"), "--select", "GL0").diagnostics == [], "the test's file must be valid"
    return run_json(str(tmp_path / "goals"), "--select", rule, *args, lang=lang)


def located(result) -> list[tuple[int, int, str]]:
    return [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics]


# --- vague-target -------------------------------------------------------------------------


PLACEHOLDERS = ["待定", "TBD", "/", "xx", "'**'", "≥**%", "no", "无", "暂无"]


def test_placeholders_have_their_own_message_at_their_place(tmp_path):
    text = goal(
        *(("效益指标", "社会效益指标", f"受益人数{number}", target) for number, target in enumerate(PLACEHOLDERS))
    )
    result = lint(tmp_path, text, "vague-target")
    assert located(result) == [
        (*place(text, number, "target"), "rule.vague_target.placeholder") for number in range(1, len(PLACEHOLDERS) + 1)
    ]
    # `no` is read as the text it is (YAML 1.2), and named as written.
    assert result.diagnostics[6]["message"] == (
        "target “no” is a template placeholder nobody filled in; write the real target, "
        "or remove an indicator that does not apply"
    )
    chinese = lint(tmp_path, text, "vague-target", lang="zh")
    assert (
        chinese.diagnostics[0]["message"]
        == "年度指标值“待定”是模板占位符未填写；请填写实际的目标值，不适用的指标请删除"
    )


def test_a_placeholder_fails_the_run_under_strict_only(tmp_path):
    text = goal(
        ("产出指标", "数量指标", "种植面积（亩）", "'80000'"), ("效益指标", "社会效益指标", "受益人数（人）", "待定")
    )
    write(tmp_path, "goals/2023/goal.yaml", text)
    assert run_json(str(tmp_path / "goals")).code == 0
    strict = run_json(str(tmp_path / "goals"), "--strict")
    assert strict.code == 1
    assert [(d["line"], d["column"], d["rule"]) for d in strict.diagnostics] == [
        (*place(text, 2, "target"), "vague-target")
    ]


def test_none_is_an_answer_for_an_indicator_that_counts_incidents(tmp_path):
    text = goal(
        ("效益指标", "社会效益指标", "重大安全事故", "无"),
        ("产出指标", "质量指标", "群众投诉", "无"),
        ("效益指标", "生态效益指标", "本项目不适用此指标", "无"),
    )
    assert located(lint(tmp_path, text, "vague-target")) == [
        (*place(text, 3, "target"), "rule.vague_target.placeholder")
    ]


def test_targets_that_are_no_target_at_all(tmp_path):
    vague = [
        "长远",
        "及时",
        "好坏",
        "显著",
        "有所提升",
        "公益性事业",
        "高",
        "巩固提高",
        "效果明显",
        "经济效益良好",
        "长期",
    ]
    text = goal(*(("效益指标", "可持续影响指标", f"影响{number}", target) for number, target in enumerate(vague)))
    result = lint(tmp_path, text, "vague-target")
    assert located(result) == [
        (*place(text, number, "target"), "rule.vague_target") for number in range(1, len(vague) + 1)
    ]
    assert result.diagnostics[0]["message"] == (
        "target “长远” cannot be measured; give a number (such as ≥95%), a grade (优/良/中/差) "
        "or a clear sign of completion (such as 完成项目终验)"
    )


def test_grades_outcomes_deliverables_and_deadlines_are_measurable(tmp_path):
    text = goal(
        ("产出指标", "质量指标", "服务周期内空气质量", "优良"),
        ("产出指标", "数量指标", "宣传教育", "覆盖全区所有人员"),
        ("产出指标", "时效指标", "提交报告及时性", "在项目计划完成时间内完成"),
        ("产出指标", "质量指标", "物业管理", "房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序"),
        ("产出指标", "时效指标", "项目完成时间", "2023年底"),
        ("产出指标", "时效指标", "服务周期", "2023.07-2024.01"),
        ("产出指标", "时效指标", "项目期", "2023年4月-2024年2月"),
        ("产出指标", "质量指标", "等级保护测评", "符合GB/T 22239-2019三级要求"),
        ("效益指标", "社会效益指标", "服务质量评价等级", "良好"),
        ("效益指标", "社会效益指标", "整改措施有效性", "有效"),
        ("效益指标", "可持续影响指标", "证书有效期", "长期有效"),
        ("效益指标", "经济效益指标", "预算执行", "控制在预算范围内"),
        ("效益指标", "可持续影响指标", "成果形式", "出具年度评估报告"),
    )
    assert lint(tmp_path, text, "vague-target").diagnostics == []


def test_good_and_effective_read_vague_without_a_rating_or_a_question(tmp_path):
    text = goal(
        ("效益指标", "可持续影响指标", "项目实施情况", "良好"),
        ("效益指标", "社会效益指标", "宣传工作", "有效"),
    )
    assert located(lint(tmp_path, text, "vague-target")) == [
        (*place(text, 1, "target"), "rule.vague_target"),
        (*place(text, 2, "target"), "rule.vague_target"),
    ]


def test_a_cost_target_without_an_amount(tmp_path):
    text = goal(
        ("产出指标", "成本指标", "建设项目成本", "参照政府采购成本控制"),
        ("产出指标", "成本指标", "控制在预算成本内", "控制在预算内"),
        ("成本指标", "经济成本指标", "单项业务成本", "符合相关规定"),
        ("成本指标", None, "项目总投入", "不超预算"),
        ("成本指标", "社会成本指标", "对群众日常办事的影响", "无明显影响"),  # not counted in yuan
        ("成本指标", None, "对周边环境的影响", "无负面影响"),
        ("产出指标", "成本指标", "项目总成本", "≤90万元"),
    )
    result = lint(tmp_path, text, "vague-target")
    assert located(result) == [(*place(text, number, "target"), "rule.vague_target.cost") for number in (1, 2, 3, 4)]
    assert result.diagnostics[0]["message"] == (
        "cost indicator “建设项目成本” has no amount in its target “参照政府采购成本控制”; "
        "state the amount it may cost (such as ≤90万元)"
    )
    chinese = lint(tmp_path, text, "vague-target", lang="zh")
    assert chinese.diagnostics[1]["message"] == (
        "成本指标“控制在预算成本内”的年度指标值“控制在预算内”没有金额；请写明金额上限（如“≤90万元”）"
    )


# --- text-hygiene -------------------------------------------------------------------------


def test_template_residue_in_names(tmp_path):
    text = goal(
        ("产出指标", "质量指标", "苗木成活率(≥**%)", "≥85%"),
        ("产出指标", "成本指标", "项目总投入（≥**万元）", "≤6070万元"),
        ("效益指标", "社会效益指标", "受益建档立卡贫困人口数≥**人", "≥29人"),
        ("效益指标", "社会效益指标", "★★★受益脱贫户人口数", "≥10户"),
        ("产出指标", "质量指标", "'*贫困地区旅游基础设施建设质量达标率'", "≥98%"),
        ("产出指标", "数量指标", "指标1：安置小区数量", "8个"),
        ("产出指标", "数量指标", "XX村道路硬化里程", "≥2公里"),
        ("效益指标", "经济效益指标", "推动“网球+”产业融合的收入", "≥10万元"),  # quotes inside: fine
    )
    result = lint(tmp_path, text, "text-hygiene")
    name = lambda number: place(text, number, "name")  # noqa: E731
    assert located(result) == [
        (*name(1), "rule.text_hygiene.placeholder"),
        (*name(2), "rule.text_hygiene.placeholder"),
        (*name(3), "rule.text_hygiene.placeholder"),
        (*name(4), "rule.text_hygiene.marker"),
        (*name(5), "rule.text_hygiene.marker"),
        (*name(6), "rule.text_hygiene.label"),
        (*name(7), "rule.text_hygiene.placeholder"),
    ]
    messages = [d["message"] for d in result.diagnostics]
    assert messages[0] == (
        "the indicator name still holds the template's placeholder “(≥**%)”; remove it (the target belongs in the target)"
    )
    assert messages[3] == (
        "the indicator name starts with the template's marker “★★★” (a required or core indicator mark); remove it"
    )
    assert messages[5] == "the indicator name starts with the template's row label “指标1：”; remove it"
    chinese = [d["message"] for d in lint(tmp_path, text, "text-hygiene", lang="zh").diagnostics]
    assert chinese[1] == "指标名称中留有模板占位符“（≥**万元）”，请删除（目标值写在年度指标值中）"
    assert chinese[4] == "指标名称开头有模板的标记“*”（必填或核心指标的标记），请删除"


def test_a_target_wrapped_in_quotes(tmp_path):
    text = goal(
        ("产出指标", "质量指标", "差错率", "“≤1%”"),
        ("产出指标", "质量指标", "合格率", "'\"≥95%\"'"),
        ("产出指标", "质量指标", "标准", "符合“十四五”规划要求"),
    )
    result = lint(tmp_path, text, "text-hygiene")
    assert located(result) == [
        (*place(text, 1, "target"), "rule.text_hygiene.quoted"),
        (*place(text, 2, "target"), "rule.text_hygiene.quoted"),
    ]
    assert result.diagnostics[0]["message"] == "the target is wrapped in quotes: “≤1%”; remove them"


# --- missing-unit -------------------------------------------------------------------------


def test_a_unit_only_in_the_names_placeholder_is_no_unit(tmp_path):
    text = goal(
        ("产出指标", "质量指标", "苗木成活率(≥**%)", "'85'"),
        ("产出指标", "成本指标", "项目总投入(≥**万元)", "'6070'"),
        ("产出指标", "数量指标", "实施营造林总面积(亩)", "'80000'"),
    )
    result = lint(tmp_path, text, "missing-unit")
    assert located(result) == [
        (*place(text, 1, "target"), "rule.missing_unit"),
        (*place(text, 2, "target"), "rule.missing_unit"),
    ]


def test_a_price_without_its_currency(tmp_path):
    text = goal(
        ("产出指标", "成本指标", "黄金蜜(葡萄)补助成本", "≤28.40/株"),
        ("产出指标", "成本指标", "流转土地补助标准", "<=475元/亩"),
        ("产出指标", "成本指标", "雾炮车服务", "250万"),
    )
    result = lint(tmp_path, text, "missing-unit")
    assert located(result) == [
        (*place(text, 1, "target"), "rule.missing_unit.currency"),
        (*place(text, 3, "target"), "rule.missing_unit"),
    ]
    assert (
        result.diagnostics[0]["message"]
        == "target “≤28.40/株” lacks its currency: 28.40 what per 株? write it as 28.40元/株"
    )
    chinese = lint(tmp_path, text, "missing-unit", lang="zh")
    assert (
        chinese.diagnostics[0]["message"] == "年度指标值“≤28.40/株”缺少金额单位：28.40是每株多少钱？请写成“28.40元/株”"
    )


def test_dates_counting_units_and_zero_need_no_other_unit(tmp_path):
    text = goal(
        ("产出指标", "数量指标", "年度培训场次", "≥12"),
        ("产出指标", "数量指标", "接待游客人次", "'60000'"),
        ("产出指标", "时效指标", "服务周期", "2023.07-2024.01"),
        ("产出指标", "时效指标", "项目完成时间", "'2023.12'"),
        ("产出指标", "时效指标", "开始日期", "'2021.1'"),
        ("产出指标", "质量指标", "库存粮食明显变质比例", "'0'"),
        ("产出指标", "数量指标", "培训", "≥12场次"),
        ("产出指标", "数量指标", "射程", "≧80米"),
        ("产出指标", "质量指标", "达标率", "═100%"),
    )
    assert lint(tmp_path, text, "missing-unit").diagnostics == []


# --- category-mismatch --------------------------------------------------------------------


def test_satisfaction_written_other_ways(tmp_path):
    text = goal(
        ("效益指标", "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "≥85%"),
        ("效益指标", "社会效益指标", "专家认可度", "≥90%"),
        ("产出指标", "质量指标", "群众投诉率", "≤1%"),
        ("满意度指标", "服务对象满意度指标", "群众幸福感", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "市民满意度调查", "≥90%"),
        ("产出指标", "数量指标", "安置小区物业费", "8个"),  # counts estates, not money
        ("满意度指标", "服务对象满意度指标", "满意程度", "≥90%"),
    )
    result = lint(tmp_path, text, "category-mismatch")
    assert located(result) == [
        (*place(text, 1, "category"), "rule.category_mismatch"),
        (*place(text, 2, "category"), "rule.category_mismatch"),
        (*place(text, 3, "category"), "rule.category_mismatch"),
        (*place(text, 4, "category"), "rule.category_mismatch.not_satisfaction"),
    ]
    assert result.diagnostics[3]["message"] == (
        "“群众幸福感” is filed under 满意度指标 but its name measures no satisfaction (满意度, 满意率, 认可度 …); "
        "move it to the category it belongs to, or make it a satisfaction measure"
    )
    chinese = lint(tmp_path, text, "category-mismatch", lang="zh")
    assert chinese.diagnostics[0]["message"] == (
        "“服务周期内,市民对空气质量改善的满意程度”从名称看属于满意度指标，却列在效益指标下；"
        "请将一级指标改为“满意度指标”，或修改指标名称"
    )


# --- comparison-direction -----------------------------------------------------------------


def test_a_cost_with_a_floor(tmp_path):
    text = goal(
        ("产出指标", "成本指标", "科技特派员业务培训开展", "≥5万元"),
        ("成本指标", "经济成本指标", "设备采购", "不少于30万元"),
        ("产出指标", "成本指标", "节约运维成本", "≥5万元"),  # a saving: more is better
        ("成本指标", "社会成本指标", "带动就业投入", "≥5万元"),  # not a cost in money
        ("产出指标", "成本指标", "项目总成本", "≤90万元"),
    )
    result = lint(tmp_path, text, "comparison-direction")
    assert located(result) == [
        (*place(text, 1, "target"), "rule.comparison_direction.lower_limit"),
        (*place(text, 2, "target"), "rule.comparison_direction.lower_limit"),
    ]
    assert result.diagnostics[0]["message"] == (
        "a 成本 should be low, but the target “≥5万元” sets a lower limit (≥); make it an upper limit (≤)"
    )


@pytest.mark.parametrize("target", ["'>=98%'", "≧98%", "<=5秒", "≦5秒", "═98%"])
def test_comparisons_as_other_tables_type_them_are_read(tmp_path, target):
    # 可用率 ≤98% is an upper limit on a rate: caught only if ≦/<= is read as ≤.
    text = goal(("产出指标", "质量指标", "系统可用率", target))
    result = lint(tmp_path, text, "comparison-direction")
    upper = target in ("<=5秒", "≦5秒")
    assert located(result) == ([(*place(text, 1, "target"), "rule.comparison_direction.upper_limit")] if upper else [])
