"""The benchmark runs end to end at its smallest size and writes JSON of the documented shape.

No timing is asserted: how fast studyaid is belongs in the benchmark's report, not in a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STEPS = ("load", "generate", "anki", "quiz")
pytestmark = pytest.mark.bench


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One quick benchmark run at 100 facts, read back from its JSON file."""
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--sizes", "100", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Targets" in done.stdout
    return json.loads(out.read_text(encoding="utf-8"))


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_top_level_keys(result):
    """The JSON has the machine, the sizes, quiz scaling, the commands, growth and targets."""
    assert {"machine", "code", "sizes", "quiz_scaling", "cli", "growth", "targets"} <= set(result)
    assert result["machine"]["cpus"] >= 1 and result["machine"]["python"]
    assert result["complete"] is True


def test_workers_import_the_frozen_copy(result):
    """Workers import studyaid from the copy taken at the start, not from the working tree."""
    code = result["code"]
    assert code["imported_from"].endswith("studyaid/__init__.py")
    assert not code["imported_from"].startswith(str(REPO / "studyaid"))
    assert len(code["studyaid_sha256"]) == 64


def test_sizes_are_the_article_and_the_synthetic_deck(result):
    """--quick --sizes 100 measures the real article and one synthetic deck of exactly 100 facts."""
    assert [s["name"] for s in result["sizes"]] == ["article", "synthetic-100"]
    synthetic = result["sizes"][1]
    assert synthetic["facts"] == 100 and synthetic["synthetic"] is True
    assert result["sizes"][0]["facts"] > 100


def test_every_step_has_positive_time_and_memory(result):
    """Each studyaid step ran with positive seconds and peak RSS."""
    for size in result["sizes"]:
        for name in STEPS:
            step = size["steps"][name]
            assert step["status"] == "ok", (size["name"], name, step)
            assert _positive(step["seconds"]) and _positive(step["peak_rss_mb"]), (size["name"], name, step)
        assert size["questions"] > 0
        assert size["steps"]["anki"]["notes"] == size["questions"]


def test_baselines_and_ratios(result):
    """genanki alone (and Typst alone when the quiz ran) have positive times, and ratios are derived."""
    for size in result["sizes"]:
        assert _positive(size["baselines"]["genanki"]["seconds"])
        assert _positive(size["ratios"]["anki_vs_genanki"])
        if size["steps"]["quiz"]["status"] == "ok":
            assert _positive(size["baselines"]["typst"]["seconds"])
            assert _positive(size["ratios"]["quiz_vs_typst"])


def test_quiz_scaling_and_commands(result):
    """Quiz scaling lists version counts; the CLI timings are positive and the commands succeeded."""
    for row in result["quiz_scaling"]:
        assert row["count"] == 20 and row["versions"] >= 1
        assert _positive(row["studyaid"]["seconds"])
    for key in ("help", "check"):
        assert _positive(result["cli"][key]["seconds"])
        assert result["cli"][key]["exit_code"] == 0


def test_targets_are_listed_with_verdicts(result):
    """Every target has a name, a limit and a verdict of pass, fail or not measured."""
    names = {t["name"] for t in result["targets"]}
    assert {"anki_vs_genanki", "quiz_vs_typst", "quiz_200_versions", "check_article", "help"} <= names
    for target in result["targets"]:
        assert target["pass"] in (True, False, None) and _positive(target["limit"])


def test_report_renders_a_saved_result(result, tmp_path):
    """--report prints the table and targets for a saved JSON without measuring anything."""
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(result), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--report", str(saved)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "synthetic-100" in done.stdout and "Targets" in done.stdout
    assert "growth_quiz" not in {t["name"] for t in result["targets"]}
