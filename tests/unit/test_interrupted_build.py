"""An interrupted build leaves the previous outputs intact and no temporary files behind."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import ARTICLE_DECK, REPO

_ARGS = ("anki", "--templates", str(REPO / "questions.yaml"), "--quiet", "--timestamp", "1700000000")


def _start(out: Path, deck: Path) -> subprocess.Popen[bytes]:
    """The same build in a real process, to be signalled midway."""
    command = [sys.executable, "-m", "studyaid.cli", _ARGS[0], str(deck), *_ARGS[1:], "-o", str(out)]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_signal_midway_keeps_previous_output(tmp_path, sig, cli):
    """Killed while writing, the build leaves the previous .apkg byte for byte (and, on SIGTERM, no temporaries)."""
    if not ARTICLE_DECK.exists():
        pytest.skip("the article deck is not in decks/")
    out = tmp_path / "out"
    deck = tmp_path / ARTICLE_DECK.name
    shutil.copy(ARTICLE_DECK, deck)  # the build keeps its lock file beside the deck: not in the repo
    shutil.copy(ARTICLE_DECK.with_suffix(".txt"), tmp_path)  # the article text the deck names
    # The previous build runs in this process (same command, same bytes); the killed one is a real process.
    first = cli(*_ARGS[:1], str(deck), *_ARGS[1:], "-o", str(out))
    assert first.returncode == 0, first.stderr
    target = out / f"{ARTICLE_DECK.stem}.apkg"
    previous = target.read_bytes()
    for _attempt in range(20):
        build = _start(out, deck)
        caught = False
        while build.poll() is None:
            if any(p.name.endswith(".tmp") for p in out.iterdir()):
                build.send_signal(sig)
                caught = True
                break
            time.sleep(0.0005)
        build.wait(timeout=60)
        if caught:
            break
    else:
        pytest.skip("the build finished before a temporary file could be seen (machine too fast)")
    assert target.read_bytes() == previous
    if sig == signal.SIGTERM:
        # 130 when the signal lands in Python code; 1 when it interrupts a library call (sqlite,
        # zip) that then fails and is reported as an output error. Either way nothing is half-written.
        assert build.returncode in (1, 130), build.stderr.read()
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
