"""Every bad input in tests/corpus gets its exact located message, exit 2, no traceback, no output.

Each ``tests/corpus/NAME.yaml`` has its expected stderr in ``NAME.expected``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO

CORPUS = REPO / "tests" / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.yaml"))


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
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
def test_bad_input_is_refused_cleanly(tmp_path, case, command):
    """`check` and `build` refuse the input with exactly the expected lines and write nothing."""
    expected = (CORPUS / f"{case}.expected").read_text(encoding="utf-8")
    extra = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = run(CORPUS, command, f"{case}.yaml", *extra)
    assert result.returncode == 2
    assert result.stderr == expected
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert not (CORPUS / "PWNED").exists(), "a YAML tag must never execute"
