"""Golden output for the fixture articles (one per domain: mini, health, history).

Regenerate after an intended change with, for each fixture NAME:
    studyaid questions tests/fixtures/NAME/decks/NAME.yaml --format json --quiet > tests/golden/NAME-questions.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyaid.cli import main

from ..conftest import FIXTURE_DECKS, REPO

HERE = Path(__file__).parent


@pytest.mark.parametrize("deck", FIXTURE_DECKS, ids=lambda p: p.stem)
def test_fixture_questions_match_golden(capsys, monkeypatch, deck):
    """Each fixture's questions, answers and sources are exactly its committed golden JSON."""
    monkeypatch.chdir(REPO)
    assert main(["questions", str(deck.relative_to(REPO)), "--format", "json", "--quiet"]) == 0
    golden = HERE / f"{deck.parents[1].name}-questions.json"
    assert json.loads(capsys.readouterr().out) == json.loads(golden.read_text(encoding="utf-8"))


def test_every_fixture_has_a_golden_file():
    """No fixture deck goes untested: each has its golden questions."""
    assert len(FIXTURE_DECKS) >= 3
    for deck in FIXTURE_DECKS:
        assert (HERE / f"{deck.parents[1].name}-questions.json").is_file(), deck
