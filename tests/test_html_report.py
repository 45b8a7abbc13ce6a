"""The HTML review report, as a reviewer opens it: in a real headless Chromium.

The report of the shipped 2022 table is made by the command line as a user runs it,
opened from disk, and looked at: no console error, every problem shown, the filters
change what is visible, the page reads with scripts off and prints without the
filters. Hostile names stay text. A screenshot is taken in every run (kept in
GOALS_LINT_SCREENSHOTS when that names a folder, as CI does for its artifacts).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import chromium, console_errors, screenshot
from support import VALID_GOAL, run, write

from validator.messages import render
from validator.reporters.html_reporter import HTML_SHOWING, HTML_TITLE

REPO = Path(__file__).resolve().parent.parent
SEED_PROBLEMS = 58


def _keep_screenshot(path: Path) -> None:
    folder = os.environ.get("GOALS_LINT_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`goals-lint --no-baseline --format html:r.html goals/2022`, run as a user runs it."""
    output = tmp_path_factory.mktemp("report") / "r.html"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "validator",
            "--no-baseline",
            "--lang",
            "zh",
            "--format",
            f"html:{output}",
            "goals/2022",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 1, completed.stderr  # the seed has errors
    assert completed.stderr == ""
    # The console still gets the text report.
    assert completed.stdout.count("goals/2022/") == SEED_PROBLEMS
    return output


class SeedJson:
    def __init__(self, report: dict) -> None:
        self.diagnostics = report["diagnostics"]
        self.errors = [d for d in self.diagnostics if d["severity"] == "error"]
        self.files_with_problems = report["summary"]["files_with_problems"]


@pytest.fixture(scope="module")
def seed_json() -> SeedJson:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return SeedJson(run("--no-baseline", "--format", "json", "goals/2022").report)
    finally:
        os.chdir(cwd)


def _visible(driver, selector: str) -> list:
    """The elements matching ``selector`` that the page shows (one round trip, not one per element)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.checkVisibility())", selector
    )


def _click(driver, css: str) -> None:
    driver.find_element("css selector", css).click()


def test_the_seed_report_opens_without_console_errors_shows_every_problem_and_filters(seed_report, seed_json, tmp_path):
    with chromium() as driver:
        driver.get(seed_report.as_uri())
        assert driver.title == render(HTML_TITLE, {}, "zh")
        assert console_errors(driver) == []
        problems = _visible(driver, "li.problem")
        assert len(problems) == SEED_PROBLEMS
        counter = driver.find_element("id", "shown-count")
        assert counter.text == render(HTML_SHOWING, {"shown": SEED_PROBLEMS, "total": SEED_PROBLEMS}, "zh")
        # Every problem says where it is, as the text report does.
        wheres = [element.text for element in _visible(driver, "li.problem .where")]
        assert all(re.fullmatch(r"goals/2022/.+\.yaml:\d+:\d+", where) for where in wheres)
        assert "goals/2022/06-广州市电子政务外网网络安全升级建设项目.yaml:9:10" in wheres
        shot = tmp_path / "html-report-seed.png"
        screenshot(driver, str(shot))
        assert shot.stat().st_size > 50_000
        _keep_screenshot(shot)

        # Rule filter: text-hygiene (37 of them) off.
        _click(driver, 'input[name="rule"][value="GL205"]')
        assert len(_visible(driver, "li.problem")) == SEED_PROBLEMS - 37
        assert _visible(driver, 'li.problem[data-rule="GL205"]') == []
        assert counter.text == render(HTML_SHOWING, {"shown": 21, "total": SEED_PROBLEMS}, "zh")
        # The highlight of a name whose only problem is hidden goes too.
        stale_highlights = driver.execute_script(
            "return Array.from(document.querySelectorAll('.flagged')).filter(place =>"
            " !place.dataset.problems.split(' ').some(id => document.getElementById(id).checkVisibility())).length"
        )
        assert stale_highlights == 0, "a highlight is left on a place whose problems are all hidden"

        # Severity filter: warnings off leaves the errors (numbering and the duplicate).
        _click(driver, 'input[name="severity"][value="warning"]')
        shown = _visible(driver, "li.problem")
        assert len(shown) == len(seed_json.errors)
        assert {element.get_attribute("data-severity") for element in shown} == {"error"}
        _click(driver, 'input[name="rule"][value="GL205"]')  # back on: still only errors
        assert len(_visible(driver, "li.problem")) == len(seed_json.errors)

        # Only projects with problems: the projects without a shown error fold away.
        assert len(_visible(driver, "details.project")) == 20
        _click(driver, "#only-problems")
        assert len(_visible(driver, "details.project")) == len({d["path"] for d in seed_json.errors})
        _click(driver, 'input[name="severity"][value="warning"]')
        assert len(_visible(driver, "details.project")) == seed_json.files_with_problems
        assert len(_visible(driver, "li.problem")) == SEED_PROBLEMS
        assert console_errors(driver) == []


def test_with_scripts_off_every_problem_is_shown_and_the_filters_are_not(seed_report):
    with chromium(scripts=False) as driver:
        driver.get(seed_report.as_uri())
        assert len(_visible(driver, "li.problem")) == SEED_PROBLEMS
        assert _visible(driver, "#filters") == []
        assert len(_visible(driver, ".noscript")) == 1
        assert len(_visible(driver, ".flagged")) > 0
        assert console_errors(driver) == []


def test_printed_the_filters_are_left_out_and_the_font_stack_has_chinese_glyphs(seed_report):
    with chromium() as driver:
        driver.get(seed_report.as_uri())
        body_font = driver.execute_script("return getComputedStyle(document.body).fontFamily")
        assert "Microsoft YaHei" in body_font and "PingFang SC" in body_font and "Noto Sans CJK SC" in body_font
        # Debian's fonts-noto-cjk: without it the Chinese text would be boxes.
        assert driver.execute_script("return document.fonts.check('16px \"Noto Sans CJK SC\"', '绩效指标')")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert _visible(driver, "#filters") == []
        assert len(_visible(driver, "li.problem")) == SEED_PROBLEMS
        pdf = driver.print_page()  # base64 PDF: the page prints
        assert len(pdf) > 10_000


HOSTILE_GOAL = VALID_GOAL.replace(
    "project: 广州移动政务服务平台建设", "project: '<img src=x onerror=\"window.pwned=1\">平台'"
).replace("target: 200项", "target: '</script><script>window.pwned=2</script>200'")


def test_names_and_targets_from_a_pull_request_stay_text(tmp_path):
    write(tmp_path, "goals/<b>bold</b>.yaml", HOSTILE_GOAL)
    output = tmp_path / "report.html"
    result = run(str(tmp_path / "goals"), "--lang", "en", "--format", f"html:{output}")
    assert result.code == 0  # a warning only: the target has no unit
    page = output.read_text(encoding="utf-8")
    assert "<img" not in page and "<b>bold" not in page and "</script><script>window" not in page
    with chromium() as driver:
        driver.get(output.as_uri())
        assert driver.execute_script("return window.pwned") is None
        assert driver.execute_script("return document.images.length") == 0
        assert driver.execute_script("return document.querySelectorAll('script').length") == 1
        texts = driver.find_element("tag name", "main").text
        assert '<img src=x onerror="window.pwned=1">平台' in texts
        assert "</script><script>window.pwned=2</script>200" in texts
        assert "<b>bold</b>.yaml" in texts
        assert console_errors(driver) == []


def test_the_report_speaks_the_configured_language(tmp_path):
    write(tmp_path, "goals/a.yaml", VALID_GOAL.replace("seq: 2", "seq: 3"))
    for lang, heading, message in (("zh", "绩效指标", "序号应为 2"), ("en", "Indicators", "number should be 2")):
        output = tmp_path / f"{lang}.html"
        assert run(str(tmp_path / "goals"), "--lang", lang, "--format", f"html:{output}").code == 1
        page = output.read_text(encoding="utf-8")
        assert f"<th>{heading}</th>" in page
        assert message in page
        assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page


def test_a_file_that_cannot_be_read_is_listed_with_its_problem_and_the_others_as_tables(tmp_path):
    write(tmp_path, "goals/a.yaml", VALID_GOAL)
    write(tmp_path, "goals/broken.yaml", "year: 2022\nyear: 2023\n")
    output = tmp_path / "r.html"
    assert run(str(tmp_path / "goals"), "--lang", "en", "--format", f"html:{output}").code == 1
    page = output.read_text(encoding="utf-8")
    unreadable = page[page.index('class="department unreadable"') :]
    assert "broken.yaml:2:1" in unreadable and "duplicate key" in unreadable
    assert "广州移动政务服务平台建设" in page[: page.index('class="department unreadable"')]


def test_the_summary_says_what_the_baseline_hid_and_a_clean_run_needs_no_script(tmp_path):
    write(tmp_path, "goals/a.yaml", VALID_GOAL.replace("seq: 2", "seq: 3"))
    baseline = tmp_path / "baseline.json"
    run(str(tmp_path / "goals"), "--write-baseline", "--baseline", str(baseline))
    output = tmp_path / "r.html"
    assert (
        run(str(tmp_path / "goals"), "--lang", "zh", "--baseline", str(baseline), "--format", f"html:{output}").code
        == 0
    )
    page = output.read_text(encoding="utf-8")
    assert f"基线 {baseline} 隐藏了 1 个已知问题。" in page
    assert "未发现问题。" in page
    assert "<script>" not in page and 'id="filters"' not in page
