"""Every bad input in tests/corpus gets its exact located message, exit 2, no traceback, no output.

Each ``tests/corpus/NAME.yaml`` has its expected stderr in ``NAME.expected`` (the same from
``check`` and ``build``), or in ``NAME.build.expected`` / ``NAME.check.expected`` when only one
command reads what is wrong (a broken Anki lock file ``NAME.lock.json`` beside the deck is read
by ``build`` alone). Every case runs through the command in this process; a few also run in a
real process, for the exit status the shell sees and stderr as the process writes it.

The cases of the hardening issue (#13) are here with the first round's: deep nesting, huge
numbers, lone surrogates, YAML 1.1 meanings, control, zero-width and look-alike characters,
unbounded templates, bad identifiers, spans and links, 20,000 bad facts, broken lock files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO

CORPUS = REPO / "tests" / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.yaml"))


def expected(case: str, command: str) -> str | None:
    """The exact stderr ``command`` must print for a case; None when that command reads nothing wrong."""
    for name in (f"{case}.{command}.expected", f"{case}.expected"):
        if (CORPUS / name).exists():
            return (CORPUS / name).read_text(encoding="utf-8")
    return None


IN_A_PROCESS = [
    ("check", "object-tag"),
    ("build", "alias-bomb"),
    ("check", "not-utf8"),
    ("build", "several-problems"),
    ("check", "lone-surrogate"),
    ("build", "many-bad-values"),
]


def process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studyaid.cli", *args, "--templates", str(REPO / "questions.yaml"), "--quiet"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_corpus_is_complete():
    """The corpus covers the bad inputs of both hardening rounds (each file with its message)."""
    assert len(CASES) >= 65
    assert all(expected(case, "build") is not None for case in CASES)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["check", "build"])
def test_bad_input_is_refused_cleanly(cli, tmp_path, case, command):
    """`check` and `build` refuse the input with exactly the expected lines and write nothing."""
    want = expected(case, command)
    if want is None:
        pytest.skip(f"{case}: only {'check' if command == 'build' else 'build'} reads what is wrong")
    lock = CORPUS / f"{case}.lock.json"
    before = lock.is_file() and lock.read_bytes()
    out = tmp_path / "out"
    extra = ["-o", str(out), "--timestamp", "1700000000"] if command == "build" else []
    result = cli(command, f"{case}.yaml", *extra, "--templates", str(REPO / "questions.yaml"), "--quiet", cwd=CORPUS)
    assert result.returncode == 2
    assert result.stderr == want
    assert "Traceback" not in result.stderr
    assert all(len(line) < 1200 for line in result.stderr.splitlines()), "a bad value never makes a huge line"
    assert not out.exists() or not any(out.iterdir()), "no output, not even a staged one"
    assert (lock.is_file() and lock.read_bytes()) == before, "the lock file is left as it was"
    assert not (CORPUS / "PWNED").exists(), "a YAML tag must never execute"


@pytest.mark.parametrize(("command", "case"), IN_A_PROCESS)
def test_bad_input_is_refused_by_a_real_process(tmp_path, command, case):
    """The same refusal from ``python -m studyaid.cli``: status 2, the exact lines, nothing written."""
    want = expected(case, command)
    extra = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = process(CORPUS, command, f"{case}.yaml", *extra)
    assert (result.returncode, result.stderr) == (2, want)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not (CORPUS / "PWNED").exists(), "a YAML tag must never execute"
