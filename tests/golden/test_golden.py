"""Golden output for the small fixture article.

Regenerate after an intended change with:
    studyaid questions tests/fixtures/mini/decks/mini.yaml --format json --quiet > tests/golden/mini-questions.json
"""

from __future__ import annotations

import json
from pathlib import Path

from studyaid.cli import main

from ..conftest import MINI_DECK, REPO

GOLDEN = Path(__file__).with_name("mini-questions.json")


def test_fixture_questions_match_golden(capsys, monkeypatch):
    """The fixture's questions, answers and sources are exactly the committed golden JSON."""
    monkeypatch.chdir(REPO)
    assert main(["questions", str(MINI_DECK.relative_to(REPO)), "--format", "json", "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(GOLDEN.read_text(encoding="utf-8"))
