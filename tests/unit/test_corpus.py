"""Every bad input in tests/corpus gets its exact located message, exit 2, no traceback, no output.

Each ``tests/corpus/NAME.yaml`` has its expected stderr in ``NAME.expected``. Every case runs
through the command in this process; a few also run in a real process, for the exit status the
shell sees and stderr as the process writes it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO

CORPUS = REPO / "tests" / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.yaml"))


IN_A_PROCESS = [("check", "object-tag"), ("build", "alias-bomb"), ("check", "not-utf8"), ("build", "several-problems")]


def process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studyaid.cli", *args, "--templates", str(REPO / "questions.yaml"), "--quiet"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_corpus_is_complete():
    """The corpus covers the bad inputs the hardening issue lists (29 files, each with its message)."""
    assert len(CASES) >= 29
    assert all((CORPUS / f"{case}.expected").exists() for case in CASES)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["check", "build"])
def test_bad_input_is_refused_cleanly(cli, tmp_path, case, command):
    """`check` and `build` refuse the input with exactly the expected lines and write nothing."""
    expected = (CORPUS / f"{case}.expected").read_text(encoding="utf-8")
    extra = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = cli(command, f"{case}.yaml", *extra, "--templates", str(REPO / "questions.yaml"), "--quiet", cwd=CORPUS)
    assert result.returncode == 2
    assert result.stderr == expected
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert not (CORPUS / "PWNED").exists(), "a YAML tag must never execute"


@pytest.mark.parametrize(("command", "case"), IN_A_PROCESS)
def test_bad_input_is_refused_by_a_real_process(tmp_path, command, case):
    """The same refusal from ``python -m studyaid.cli``: status 2, the exact lines, nothing written."""
    expected = (CORPUS / f"{case}.expected").read_text(encoding="utf-8")
    extra = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = process(CORPUS, command, f"{case}.yaml", *extra)
    assert (result.returncode, result.stderr) == (2, expected)
    assert not (tmp_path / "out").exists()
    assert not (CORPUS / "PWNED").exists(), "a YAML tag must never execute"
