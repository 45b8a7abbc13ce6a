"""The compliance rules on edge cases that would fool a naive version.

Each test writes a goal file, runs the CLI with one rule selected and checks what a
user sees: the lines, the message, the exit code.
"""

from __future__ import annotations

from pathlib import Path

from support import run, run_json, write

from validator.config import Config
from validator.linter import Selection, lint_files

HEADER = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: {project}
objective: 打造我市统一的政务服务移动端品牌。
indicators:
"""


def goal(*indicators, project="广州移动政务服务平台建设", numbered=True):
    """A goal file; each indicator is (category, name, target) or (seq, category, name, target).

    Every indicator takes 5 lines, so indicator i (from 1) starts at line 7 + 5(i-1):
    its seq is on that line, category +1, name +2, target +3 (+1 more with a subcategory).
    """
    lines = [HEADER.format(project=project)]
    for number, indicator in enumerate(indicators, 1):
        seq, category, name, target = indicator if len(indicator) == 4 else (number, *indicator)
        lines.append(
            f"  - seq: {seq}\n    category: {category}\n    name: {name}\n    target: {target}\n    notes: 备注\n"
        )
    return "".join(lines)


def line_of(indicator: int, field: str) -> int:
    return 7 + 5 * (indicator - 1) + {"seq": 0, "category": 1, "name": 2, "target": 3}[field]


def check(tmp_path: Path, text: str, rule: str, *args: str, lang: str = "en"):
    write(tmp_path, "goals/goal.yaml", text)
    assert run_json(str(tmp_path / "goals"), "--select", "GL0").diagnostics == [], "the test's file must be valid"
    return run_json(str(tmp_path / "goals"), "--select", rule, *args, lang=lang)


def found(result):
    return [(d["line"], d["message"]) for d in result.diagnostics]


# --- required-categories ----------------------------------------------------------------------


def test_each_missing_category_is_named_at_the_indicators_key(tmp_path):
    result = check(tmp_path, goal(("满意度指标", "用户使用满意度", "95%")), "required-categories")
    assert found(result) == [
        (6, "the project has no 产出指标 indicator; add at least one (required categories: 产出指标、效益指标)"),
        (6, "the project has no 效益指标 indicator; add at least one (required categories: 产出指标、效益指标)"),
    ]
    assert result.code == 1
    zh = check(tmp_path, goal(("产出指标", "外部服务对接和建设数量", "200项")), "required-categories", lang="zh")
    assert [d["message"] for d in zh.diagnostics] == [
        "项目缺少一级指标“效益指标”；请至少增加一条效益指标（必须具备的一级指标：产出指标、效益指标）"
    ]


def test_required_set_is_configurable(tmp_path, monkeypatch):
    text = goal(("产出指标", "外部服务对接和建设数量", "200项"), ("效益指标", "APP用户数", "500万"))
    write(
        tmp_path, ".goals-lint.toml", '[rules.required-categories]\nrequired = ["产出指标", "效益指标", "满意度指标"]\n'
    )
    monkeypatch.chdir(tmp_path)
    result = check(tmp_path, text, "required-categories")
    assert [d["pointer"] for d in result.diagnostics] == ["/indicators"]
    assert "no 满意度指标 indicator" in result.diagnostics[0]["message"]

    write(tmp_path, ".goals-lint.toml", '[rules.required-categories]\nrequired = ["产出", "效益指标"]\n')
    bad = run(str(tmp_path / "goals"), "--lang", "en")
    assert bad.code == 2
    assert "rules.required-categories.required" in bad.err
    assert "a non-empty list of first-level categories" in bad.err


# --- sequential-numbering ---------------------------------------------------------------------


def numbered(*seqs):
    return goal(*[(seq, "产出指标", f"指标{index}", "1个") for index, seq in enumerate(seqs, 1)])


def test_a_restart_reports_every_number_after_it(tmp_path):
    result = check(tmp_path, numbered(1, 2, 3, 1, 2, 3), "sequential-numbering")
    assert found(result) == [
        (
            line_of(4, "seq"),
            "number should be 4, found 1 (the numbering starts again); number the indicators 1, 2, 3, … in list order",
        ),
        (line_of(5, "seq"), "number should be 5, found 2; number the indicators 1, 2, 3, … in list order"),
        (line_of(6, "seq"), "number should be 6, found 3; number the indicators 1, 2, 3, … in list order"),
    ]


def test_a_list_starting_at_2_is_off_everywhere(tmp_path):
    result = check(tmp_path, numbered(2, 3, 4), "sequential-numbering")
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == [
        (line_of(1, "seq"), 10, "rule.sequential_numbering.first"),
        (line_of(2, "seq"), 10, "rule.sequential_numbering.off"),
        (line_of(3, "seq"), 10, "rule.sequential_numbering.off"),
    ]


def test_repeats_and_gaps(tmp_path):
    repeated = check(tmp_path, numbered(1, 2, 2, 3), "sequential-numbering")
    assert [(d["line"], d["message_id"], d["message"][:30]) for d in repeated.diagnostics] == [
        (line_of(3, "seq"), "rule.sequential_numbering.repeat", "number should be 3, found 2 (t"),
        (line_of(4, "seq"), "rule.sequential_numbering.off", "number should be 4, found 3; n"),
    ]
    gap = check(tmp_path, numbered(1, 2, 4), "sequential-numbering")
    assert [d["line"] for d in gap.diagnostics] == [line_of(3, "seq")]
    assert check(tmp_path, numbered(1, 2, 3), "sequential-numbering").diagnostics == []


# --- duplicate-indicator ----------------------------------------------------------------------


def test_names_equal_after_normalisation_in_any_category(tmp_path):
    text = goal(
        ("产出指标", "系统并发数.", "500个"),
        ("效益指标", "'系统并发数 '", "800个"),
        ("产出指标", "系统并发数", "900个"),
        ("产出指标", "接通率(%)", "≥95%"),
        ("效益指标", "接通率（%）", "≥90%"),
    )
    result = check(tmp_path, text, "duplicate-indicator")
    assert found(result) == [
        (line_of(2, "name"), "same indicator name as indicator 1 (“系统并发数.”, line 9); merge them or rename one"),
        (line_of(3, "name"), "same indicator name as indicator 1 (“系统并发数.”, line 9); merge them or rename one"),
        (line_of(5, "name"), "same indicator name as indicator 4 (“接通率(%)”, line 24); merge them or rename one"),
    ]
    assert [d["related"] for d in result.diagnostics] == [[{"line": 9, "column": 11}]] * 2 + [
        [{"line": 24, "column": 11}]
    ]


def test_a_copied_target_sentence_is_a_duplicate_but_a_shared_value_is_not(tmp_path):
    text = goal(
        ("效益指标", "政务服务监管平台年度访问量", "广州市府门户网站年度访问量不少于 4500万次。"),
        ("效益指标", "市府门户网站年度访问量", "广州市府门户网站年度访问量不少于4500万次。"),
        ("产出指标", "平台可用率", "100%"),
        ("效益指标", "事项网上办理率", "100%"),
        ("产出指标", "系统对接完成率", "≥95%"),
        ("效益指标", "上线事项网上办理率", "≥95%"),
        ("产出指标", "工单转派数量", "不少于300个"),
        ("效益指标", "回访数量", "不少于300个"),
    )
    result = check(tmp_path, text, "duplicate-indicator", lang="zh")
    assert found(result) == [
        (
            line_of(2, "target"),
            "年度指标值与第 1 项指标“政务服务监管平台年度访问量”（第 10 行）的完全相同，疑似复制粘贴；"
            "请填写本指标自己的年度指标值",
        ),
    ]
    assert result.diagnostics[0]["pointer"] == "/indicators/1/target"


def test_a_duplicate_name_is_reported_once_even_with_the_same_target(tmp_path):
    text = goal(
        ("产出指标", "年度业务量", "上报系统数量不少于 3600个"), ("产出指标", "年度业务量", "上报系统数量不少于 3600个")
    )
    result = check(tmp_path, text, "duplicate-indicator")
    assert [d["pointer"] for d in result.diagnostics] == ["/indicators/1/name"]


# --- percentage-range -------------------------------------------------------------------------


def test_shares_stay_within_0_to_100_percent(tmp_path):
    text = goal(
        ("产出指标", "月度话务接通率", "≥150%"),
        ("产出指标", "系统对接完成率", "≥100%"),
        ("产出指标", "平台可用率", "100.5%"),
        ("效益指标", "事项网上办理率", "＞１００％"),
        ("效益指标", "项目验收合格率", "≥101百分比"),
        ("效益指标", "差错率", "-5%"),
        ("效益指标", "覆盖率", "95%-100%"),
        ("效益指标", "资金到位率", "≥100百分比"),
        ("效益指标", "投诉率", "0%"),
    )
    result = check(tmp_path, text, "percentage-range")
    assert [(d["line"], d["message_id"]) for d in result.diagnostics] == [
        (line_of(1, "target"), "rule.percentage_range.above"),
        (line_of(3, "target"), "rule.percentage_range.above"),
        (line_of(4, "target"), "rule.percentage_range.unreachable"),
        (line_of(5, "target"), "rule.percentage_range.above"),
        (line_of(6, "target"), "rule.percentage_range.below"),
    ]
    assert result.diagnostics[0]["message"] == (
        "percentage 150% is outside 0–100%: “月度话务接通率” is a share, at most 100%; check the number "
        "(if it measures a change, say so in the name, e.g. 增长率)"
    )


def test_a_change_may_exceed_100_percent_and_the_words_are_configurable(tmp_path, monkeypatch):
    text = goal(
        ("效益指标", "年度业务增长率（%）", "≥150%"),
        ("效益指标", "办件量同比", "120%"),
        ("产出指标", "整合情况和升级优化指标", "UPS利用率提高150%"),
    )
    assert check(tmp_path, text, "percentage-range").diagnostics == []
    write(tmp_path, ".goals-lint.toml", '[rules.percentage-range]\nchange-words = ["同比"]\n')
    monkeypatch.chdir(tmp_path)
    assert [d["line"] for d in check(tmp_path, text, "percentage-range").diagnostics] == [
        line_of(1, "target"),
        line_of(3, "target"),
    ]


# --- the house rules --------------------------------------------------------------------------


def test_category_mismatch(tmp_path):
    text = goal(
        ("效益指标", "话务服务市民的满意度", "≥95%"),
        ("产出指标", "对群众对办理结果不满意回访率", "100%"),
        ("效益指标", "节约行政运行成本", "≥50万元"),
        ("效益指标", "运维服务费用", "≤30万元"),
        ("产出指标", "运维服务单价", "≤2万元/月"),
        ("满意度指标", "用户使用满意度", "95%"),
    )
    result = check(tmp_path, text, "category-mismatch")
    assert [(d["line"], d["severity"]) for d in result.diagnostics] == [
        (line_of(1, "category"), "warning"),
        (line_of(4, "category"), "warning"),
    ]
    assert result.diagnostics[0]["message"] == (
        "“话务服务市民的满意度” reads as a 满意度指标 indicator by its name but is filed under 效益指标; "
        "change the category to 满意度指标, or rename the indicator"
    )
    assert result.code == 0  # a warning


def test_missing_unit(tmp_path):
    text = goal(
        ("产出指标", "系统吞吐量", "≥400"),
        ("产出指标", "接通率（%）", "≥95%"),
        ("产出指标", "系统用户数", "'10000'"),
        ("产出指标", "项目计划时间", "≤21"),
        ("产出指标", "恢复时间目标（小时）", "≤1"),
        ("效益指标", "服务对象", "≥50万"),
        ("产出指标", "项目验收", "完成项目终验"),
    )
    result = check(tmp_path, text, "missing-unit")
    assert [d["line"] for d in result.diagnostics] == [line_of(1, "target"), line_of(4, "target"), line_of(6, "target")]


def test_packed_target(tmp_path):
    text = goal(
        ("产出指标", "系统并发数.", "面向政府用户≥50或面向公众用户≥200"), ("产出指标", "设备正常运行率", "95%-100%")
    )
    result = check(tmp_path, text, "packed-target")
    assert found(result) == [
        (
            line_of(1, "target"),
            "the target packs 2 targets: 面向政府用户≥50、面向公众用户≥200; "
            "split it into 2 indicators, one target each",
        )
    ]


def test_vague_target(tmp_path):
    text = goal(
        ("效益指标", "服务质量", "明显提升"),
        ("效益指标", "项目实施情况", "良好"),  # 良好 for no rating: vague
        ("效益指标", "评价等级", "优"),
        ("产出指标", "是否满足性能指标（定性）", "满足"),
        ("产出指标", "项目完成进度", "完成项目终验"),
        ("效益指标", "生态影响", "无明显影响"),
        ("效益指标", "服务质量评价", "良好"),  # a rating: 良好 is its grade
    )
    result = check(tmp_path, text, "vague-target")
    assert [d["line"] for d in result.diagnostics] == [line_of(1, "target"), line_of(2, "target")]


def test_text_hygiene(tmp_path):
    text = goal(
        ("产出指标", "工单转派及时率.", "100%"),
        ("产出指标", ".系统并发数", "500个"),
        ("效益指标", "推广情况 。", "大于等于15个。"),
        ("效益指标", "'年度访问量 '", "不少于4500万次。。"),
        ("效益指标", "系统正常运行率", "≥99.5%"),
        ("效益指标", "可用率(%)", "不少于 95%"),
    )
    result = check(tmp_path, text, "text-hygiene")
    assert [(d["line"], d["message_id"].rsplit(".", 1)[1]) for d in result.diagnostics] == [
        (line_of(1, "name"), "trailing"),
        (line_of(2, "name"), "leading"),
        (line_of(3, "name"), "space_before"),
        (line_of(3, "target"), "trailing"),
        (line_of(4, "name"), "whitespace"),
        (line_of(4, "target"), "doubled"),
    ]


def test_comparison_direction(tmp_path):
    text = goal(
        ("产出指标", "话务平台可用率", "≤99.99%"),
        ("产出指标", "系统响应时间", "不少于5秒"),
        ("产出指标", "响应时间达标率", "≥95%"),
        ("产出指标", "系统响应时间", "系统对用户操作的响应时间不超过 5秒"),
        ("效益指标", "节约行政运行成本", "≥50万元"),
        ("效益指标", "群众办事平均时长压缩比例", "≥30%"),
        ("产出指标", "平台可用率", "99%"),
    )
    result = check(tmp_path, text, "comparison-direction")
    assert found(result) == [
        (
            line_of(1, "target"),
            "a 可用率 should be high, but the target “≤99.99%” sets an upper limit (≤); make it a lower limit (≥)",
        ),
        (
            line_of(2, "target"),
            "a 响应时间 should be low, but the target “不少于5秒” sets a lower limit (≥); make it an upper limit (≤)",
        ),
    ]


# --- duplicate-project: across files, and the same answer for part of a folder ----------------


def test_duplicate_project_across_files_with_context(tmp_path):
    text = goal(("产出指标", "外部服务对接和建设数量", "200项"), ("效益指标", "APP用户数", "500万"))
    first = write(tmp_path, "goals/a.yaml", text)
    second = write(
        tmp_path,
        "goals/b.yaml",
        "# copy\n" + text.replace("广州市政务服务数据管理局\nproject", "广州市政务服务数据管理局 \nproject"),
    )
    write(tmp_path, "goals/c.yaml", goal(("产出指标", "x", "1个"), ("效益指标", "y", "1个"), project="另一个项目"))
    whole = run_json(str(tmp_path / "goals"), "--select", "duplicate-project")
    assert [(Path(d["path"]).name, d["line"], d["column"]) for d in whole.diagnostics] == [
        ("a.yaml", 4, 10),
        ("b.yaml", 5, 10),
    ]
    first_report, second_report = whole.diagnostics
    assert second_report["related"] == [{"line": 4, "column": 10, "path": first.as_posix()}]
    assert second_report["message"].endswith(
        f"also has the goal file `{first.as_posix()}` (line 4); merge them into one file"
    )
    assert first_report["related"] == [{"line": 5, "column": 10, "path": second.as_posix()}]

    # Only some files checked (pre-commit): the same answer for each of them.
    selection = Selection.build(Config(root=str(tmp_path)), ["duplicate-project"])
    context = [str(path).replace("\\", "/") for path in sorted((tmp_path / "goals").glob("*.yaml"))]
    only_second = lint_files([context[1]], selection, context=context)
    assert [(d.path, d.span.line) for d in only_second.diagnostics] == [(second.as_posix(), 5)]
    only_first = lint_files([context[0]], selection, context=context)
    assert [(d.path, d.span.line) for d in only_first.diagnostics] == [(first.as_posix(), 4)]
    assert lint_files([context[1]], selection).diagnostics == []  # nothing to compare with


# --- the "done when" ------------------------------------------------------------------


def test_growth_above_100_two_100_percent_targets_and_a_name_off_stay_clean(tmp_path):
    text = goal(
        ("产出指标", "off", "≥95%"),
        ("效益指标", "年度业务增长率（%）", "150%"),
        ("产出指标", "平台可用率", "100%"),
        ("效益指标", "事项网上办理率", "100%"),
        ("满意度指标", "用户使用满意度", "≥95%"),
    )
    result = run_json(str(write(tmp_path, "goals/goal.yaml", text)), "--strict")
    assert result.diagnostics == []
    assert result.code == 0


# --- legitimate targets other tables use: no rule may fire ------------------------------------

LEGITIMATE = [
    ("产出指标", "系统运行保障", "7×24小时"),
    ("产出指标", "运维值守时间", "5*8小时"),
    ("产出指标", "系统可用率", "≥99.9%（7×24小时）"),
    ("产出指标", "巡检完成率", "90%-100%"),
    ("产出指标", "整改完成率", "95%～100%"),
    ("产出指标", "培训时长", "≥40学时"),
    ("产出指标", "在线服务时长", "≥20小时/天"),
    ("产出指标", "项目完成时间", "2023-12-31前"),
    ("产出指标", "系统上线时间", "2023.12.31前"),
    ("产出指标", "验收时间", "2023/12/31"),
    ("产出指标", "服务期", "1-12月"),
    ("产出指标", "事项办理时限", "法定时限压缩50%以上"),
    ("产出指标", "人员配比", "1:50"),
    ("产出指标", "数据更新时效", "T+1"),
    ("产出指标", "系统并发能力", "≥1万并发"),
    ("产出指标", "视频会议接入能力", "支持≥100方同时接入"),
    ("产出指标", "证书有效期", "长期有效"),
    ("效益指标", "年度业务量", "是上年的150%"),
    ("效益指标", "目标完成程度", "完成年度目标的120%"),
    ("效益指标", "群众办事成本", "下降20%"),
    ("效益指标", "项目验收", "通过验收"),
    ("效益指标", "项目进度", "按时完成"),
    ("效益指标", "安全生产", "无重大安全事故"),
    ("效益指标", "预算执行", "控制在预算范围内"),
    ("满意度指标", "企业满意度", "≥90%（抽样调查）"),
    ("满意度指标", "群众满意度", "≥90%（抽样调查）"),
    ("满意度指标", "群众不满意率", "≤5%"),
    ("产出指标", "系统上线验收", "通过验收"),
    # prohibitions and caps read the right way round
    ("产出指标", "预算执行率", "不得超过100%"),
    ("效益指标", "系统响应时间", "不得超过5秒"),
    ("效益指标", "网络可用率", "不应低于99%"),
    ("满意度指标", "办事群众满意度", "控制在90%以上"),
    ("效益指标", "故障处理时长", "不宜超过4小时"),
    # units beyond the common ones, in the target or in brackets
    ("效益指标", "新增绿地面积", "≥3公顷"),
    ("效益指标", "年发电量", "≥100万千瓦时"),
    ("效益指标", "机房温度", "≤26℃"),
    ("效益指标", "PM2.5年均浓度", "≤25μg/m³"),
    ("产出指标", "巡航架次", "≥20架次"),
    ("产出指标", "新增标准数", "≥2（项）"),
    ("产出指标", "人均补助标准（元/天）", "'50'"),
    ("产出指标", "等级保护测评", "符合GB/T 22239-2019三级要求"),
    # fractions, negated heads, savings, deviations
    ("效益指标", "孕产妇死亡率", "≤10/10万"),
    ("效益指标", "产品抽检不合格率", "≤2%"),
    ("效益指标", "设备无故障率", "≥98%"),
    ("效益指标", "工单超期办结率", "≤1%"),
    ("效益指标", "系统平均无故障时间", "≥5000小时"),
    ("效益指标", "门诊抗菌药物使用率", "≤20%"),
    ("效益指标", "压减行政运行成本", "≥10%"),
    ("效益指标", "居民消费支出", "较上年增长5%"),
    ("效益指标", "预算执行偏差率", "-5%~5%"),
    ("效益指标", "办件量", "同比增长5%"),
    ("效益指标", "网办量", "同比增长5%"),
    ("效益指标", "能耗", "不增加"),
]


def test_targets_other_tables_use_stay_clean(tmp_path):
    result = run_json(str(write(tmp_path, "goals/goal.yaml", goal(*LEGITIMATE))), "--strict")
    assert [(d["line"], d["rule"], d["message"]) for d in result.diagnostics] == []


def test_a_unit_in_brackets_does_not_make_a_name_different(tmp_path):
    text = goal(("产出指标", "系统可用率", "≥99%"), ("效益指标", "系统可用率（%）", "≥98%"))
    result = check(tmp_path, text, "duplicate-indicator")
    assert [d["line"] for d in result.diagnostics] == [line_of(2, "name")]


def test_doubled_percent_sign_and_an_unmeetable_rate(tmp_path):
    assert [
        d["message_id"] for d in check(tmp_path, goal(("产出指标", "可用率", "≥95%%")), "text-hygiene").diagnostics
    ] == ["rule.text_hygiene.doubled"]
    unreachable = check(tmp_path, goal(("产出指标", "平台可用率", "＞１００％")), "percentage-range", lang="zh")
    assert [d["message"] for d in unreachable.diagnostics] == [
        "年度指标值要求“大于 100%”：“平台可用率”是占比，最高为 100%，该目标无法实现；请改为“≥xx%”或“100%”"
    ]


def test_a_complaint_or_dissatisfaction_rate_should_be_low(tmp_path):
    text = goal(
        ("满意度指标", "群众不满意率", "≥5%"),
        ("满意度指标", "群众满意率", "≥95%"),
        ("效益指标", "产品抽检不合格率", "≥2%"),
        ("效益指标", "系统可用率", "不得超过99%"),
    )
    result = check(tmp_path, text, "comparison-direction")
    assert [d["line"] for d in result.diagnostics] == [line_of(1, "target"), line_of(3, "target"), line_of(4, "target")]
    assert "“不合格率”" in check(tmp_path, text, "comparison-direction", lang="zh").diagnostics[1]["message"]


def test_vague_starts_and_negated_outcomes(tmp_path):
    text = goal(
        ("效益指标", "企业负担", "有效减轻"), ("效益指标", "经济运行", "稳中有升"), ("效益指标", "能耗", "不增加")
    )
    assert [d["line"] for d in check(tmp_path, text, "vague-target").diagnostics] == [
        line_of(1, "target"),
        line_of(2, "target"),
    ]


def test_an_unknown_field_does_not_switch_the_rules_off(tmp_path):
    """Accepting an extra field with a suppression must not hide the file's real problems."""
    text = goal(("产出指标", "月度话务接通率", "≥150%")).replace(
        "indicators:\n", "source: 原表第3页  # goals-lint: disable=schema -- 保留原表出处\nindicators:\n"
    )
    result = run_json(str(write(tmp_path, "goals/goal.yaml", text)))
    assert [d["rule"] for d in result.diagnostics] == ["required-categories", "percentage-range"]
    # A missing or misspelt field is different: the rules cannot read the file.
    misspelt = goal(("产出指标", "月度话务接通率", "≥150%")).replace("    category:", "    categroy:")
    assert [d["rule"] for d in run_json(str(write(tmp_path, "goals/goal.yaml", misspelt))).diagnostics] == ["schema"]


def test_deadlines_shared_by_two_indicators_are_not_copied_sentences(tmp_path):
    text = goal(
        ("产出指标", "消费投诉办结时限", "受理后15个工作日内办结"),
        ("产出指标", "举报线索核查时限", "受理后15个工作日内办结"),
        ("产出指标", "项目建设时限", "资金到位后3个月内完成"),
        ("产出指标", "设备采购时限", "资金到位后3个月内完成"),
        ("效益指标", "公交车辆保有量", "≥16标台"),
        ("效益指标", "饮用水水质", "符合《生活饮用水卫生标准》（GB 5749-2022）"),
        ("效益指标", "路面技术状况指数MQI", "≥90"),
        ("效益指标", "疫苗接种", "≥5万剂"),
    )
    result = run_json(str(write(tmp_path, "goals/goal.yaml", text)), "--strict")
    assert [(d["line"], d["rule"]) for d in result.diagnostics] == []


def test_a_target_packing_thousands_of_values_gives_a_short_message(tmp_path):
    result = check(tmp_path, goal(("产出指标", "系统指标", "≥1个，" * 2000)), "packed-target")
    [message] = [d["message"] for d in result.diagnostics]
    assert message.startswith("the target packs 2000 targets: ≥1个、≥1个、≥1个、≥1个、≥1个、…; split it")
    assert len(message) < 200
