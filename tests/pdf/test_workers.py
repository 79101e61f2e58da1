"""The worker processes that compile a large quiz: none outlives the command, however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import MINI_DECK, REPO

CHUNKED = ["--versions", "120", "--count", "10"]
"""1,200 questions in all: compiled in chunks by the two workers, long enough to be caught running."""


def children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (Linux /proc)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (not gone, not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start_quiz(out: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """A real ``studyaid quiz`` process on a chunked quiz, once its two workers are running."""
    process = subprocess.Popen(
        [sys.executable, "-m", "studyaid.cli", "quiz", str(MINI_DECK), "-o", str(out), "--quiet", *CHUNKED],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        # The two workers, and multiprocessing's resource tracker once it has started.
        workers = [c for c in children(process.pid) if alive(c)]
        if len(workers) >= 2:
            return process, workers
        time.sleep(0.01)
    process.kill()
    pytest.fail(f"the quiz never had two workers (exit {process.poll()})")


def gone(pids: list[int], seconds: float = 20) -> bool:
    """Whether every process in ``pids`` has ended within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.05)
    return False


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_killing_the_command_kills_its_workers(tmp_path):
    """kill -9 of studyaid (no cleanup can run) still ends both workers: they asked the kernel
    to kill them with their parent."""
    process, workers = start_quiz(tmp_path)
    process.kill()
    process.wait()
    assert gone(workers), [p for p in workers if alive(p)]
    assert not list(tmp_path.glob("*.pdf"))


def test_stopping_the_command_stops_its_workers_and_writes_nothing(tmp_path):
    """SIGTERM ends studyaid with status 130, no worker left and no output file written."""
    process, workers = start_quiz(tmp_path)
    os.kill(process.pid, signal.SIGTERM)
    assert process.wait(timeout=60) == 130
    assert gone(workers), [p for p in workers if alive(p)]
    assert not list(tmp_path.iterdir())


def test_a_finished_command_leaves_no_worker(tmp_path):
    """A chunked quiz that completes writes its three files and leaves no process behind."""
    process, workers = start_quiz(tmp_path)
    assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    assert gone(workers, seconds=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini-key.pdf", "mini-quiz.json", "mini-quiz.pdf"]
