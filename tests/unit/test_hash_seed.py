"""Same input, same output, whatever Python's string hash seed: two processes agree."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ..conftest import ARTICLE_DECK, REPO


def test_questions_do_not_depend_on_the_hash_seed():
    """`studyaid questions` on the article prints the same JSON under two PYTHONHASHSEEDs (set
    iteration order must never reach an option order or a float sum)."""
    if not ARTICLE_DECK.exists():
        pytest.skip(f"{ARTICLE_DECK.name} is not in decks/")
    outputs = []
    for seed in ("1", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "studyaid.cli", "questions", str(ARTICLE_DECK), "--format", "json", "--quiet"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
