"""One identity for a problem: the baseline, SARIF and GitLab agree on when it is the same one."""

from __future__ import annotations

import json

from support import VALID_GOAL, run, write

# Indicator 3 copies indicator 2's name: duplicate-indicator says "same name as indicator 2".
DUPLICATE = VALID_GOAL.replace(
    "    target: 200项\n",
    "    target: 200项\n  - seq: 3\n    category: 产出指标\n    name: 外部服务对接和建设数量\n    target: 300项\n",
)
INSERTED = "indicators:\n  - seq: 1\n    category: 产出指标\n    name: 新增的第一项指标\n    target: 10个\n"


def _renumbered_with_one_inserted_above(text: str) -> str:
    """An indicator inserted at the top and the others renumbered, as an author would."""
    for seq in (3, 2, 1):
        text = text.replace(f"  - seq: {seq}\n", f"  - seq: {seq + 1}\n")
    return text.replace("indicators:\n", INSERTED)


def _fingerprints() -> tuple[list[str], list[str]]:
    sarif = json.loads(run("goals", "--no-baseline", "--format", "sarif", "--select", "duplicate-indicator").out)
    gitlab = json.loads(run("goals", "--no-baseline", "--format", "gitlab", "--select", "duplicate-indicator").out)
    return (
        [result["partialFingerprints"]["goalsLint/v1"] for result in sarif["runs"][0]["results"]],
        [issue["fingerprint"] for issue in gitlab],
    )


def test_a_baselined_duplicate_stays_known_everywhere_after_renumbering(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "goals/2022/a.yaml", DUPLICATE)
    monkeypatch.chdir(tmp_path)
    first = run("goals", "--no-baseline", "--format", "json", "--select", "duplicate-indicator")
    assert [(d["line"], d["message"]) for d in first.diagnostics] == [
        (18, "same indicator name as indicator 2 (“外部服务对接和建设数量”, line 14); merge them or rename one")
    ]
    assert run("--write-baseline").code == 0
    fingerprints_before = _fingerprints()

    write(tmp_path, "goals/2022/a.yaml", _renumbered_with_one_inserted_above(DUPLICATE))
    moved = run("goals", "--no-baseline", "--format", "json", "--select", "duplicate-indicator")
    # The same problem, now about "indicator 3" at another pointer and line.
    assert [(d["pointer"], d["line"], d["message"]) for d in moved.diagnostics] == [
        (
            "/indicators/3/name",
            22,
            "same indicator name as indicator 3 (“外部服务对接和建设数量”, line 18); merge them or rename one",
        )
    ]
    # The baseline still knows it: not new, and its entry not stale, even under --strict.
    strict = run("goals", "--strict", "--lang", "en")
    assert (strict.code, strict.err) == (0, "")
    assert strict.out == (
        "Checked 1 file: no problems found. The baseline .goals-lint-baseline.json hid 1 known problem.\n"
    )
    # Code scanning and GitLab see the same alert as before.
    assert _fingerprints() == fingerprints_before
