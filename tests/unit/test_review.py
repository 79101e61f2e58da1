"""Proposed and rejected facts: check accepts them, outputs leave them out unless asked."""

from __future__ import annotations

import json
import re
from pathlib import Path

from studyaid.load import load_deck, load_templates
from studyaid.review import statuses, usable

from ..conftest import MINI_ARTICLE, MINI_DECK, QUESTIONS


def _marked(tmp_path: Path, marks: dict[str, str]) -> Path:
    """A copy of the fixture deck with ``status`` (and ``found_by``) set on the facts named."""
    text = MINI_DECK.read_text(encoding="utf-8")
    for fact_id, status in marks.items():
        text, n = re.subn(
            rf"(\{{id: {fact_id}, )|(  - id: {fact_id}\n)",
            lambda m, s=status: (
                m.group(0) + f"status: {s}, found_by: a test rule, "
                if m.group(1)
                else m.group(0) + f"    status: {s}\n    found_by: a test rule\n"
            ),
            text,
        )
        assert n == 1, fact_id
    (tmp_path / "decks").mkdir()
    deck = tmp_path / "decks" / "mini.yaml"
    deck.write_text(text, encoding="utf-8")
    (tmp_path / "decks" / "mini-article.txt").write_text(MINI_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return deck


def test_status_and_found_by_load_and_default_to_confirmed(tmp_path):
    """A fact without ``status`` is confirmed; ``proposed`` and ``rejected`` load with their note."""
    deck = load_deck(
        _marked(tmp_path, {"event-pact": "proposed", "place-capital": "rejected"}), load_templates(QUESTIONS)
    )
    assert deck.fact("event-pact").status == "proposed"
    assert deck.fact("event-pact").found_by == "a test rule"
    assert deck.fact("place-capital").status == "rejected"
    assert deck.fact("event-bridge").status == "confirmed"
    assert statuses(deck) == {"confirmed": 22, "proposed": 1, "rejected": 1}
    assert {f.id for f in usable(deck).facts} == {f.id for f in deck.facts} - {"event-pact", "place-capital"}
    assert {f.id for f in usable(deck, include_proposed=True).facts} == {f.id for f in deck.facts} - {"place-capital"}


def test_unknown_status_is_a_located_error(tmp_path, cli):
    """``status: maybe`` is refused with the file, line and field, exit 2."""
    deck = _marked(tmp_path, {"event-pact": "maybe"})
    result = cli("check", str(deck))
    assert result.returncode == 2
    assert "facts[11].status: expected one of proposed, confirmed, rejected, got 'maybe'" in result.stderr
    assert "Traceback" not in result.stderr


def test_confirmed_fact_cannot_rest_on_a_proposal(tmp_path, cli):
    """A confirmed share whose ``of`` names a proposed amount is refused: filtering would leave it dangling."""
    deck = _marked(tmp_path, {"exports": "proposed"})
    result = cli("check", str(deck))
    assert result.returncode == 2
    assert "facts[5].of: 'exports' is proposed: a confirmed fact needs it confirmed" in result.stderr


def test_check_counts_the_proposals_waiting(tmp_path, cli):
    """``check`` accepts proposed facts, checks their quotes and says how many wait for a decision."""
    deck = _marked(tmp_path, {"event-pact": "proposed", "event-zone": "proposed", "place-capital": "rejected"})
    result = cli("check", str(deck), "--article", str(tmp_path / "decks" / "mini-article.txt"))
    assert result.returncode == 0, result.stderr
    assert "2 proposed facts wait for a decision" in result.stdout
    assert "outputs use the 21 confirmed" in result.stdout


def test_proposed_facts_never_reach_questions_unless_asked(tmp_path, cli):
    """``questions`` leaves proposed and rejected facts out; ``--include-proposed`` adds the proposed only."""
    deck = _marked(tmp_path, {"event-pact": "proposed", "place-capital": "rejected"})
    plain = json.loads(cli("questions", str(deck), "--format", "json", "--quiet").stdout)
    used = {fid for q in plain for fid in q["fact_ids"]}
    assert "event-pact" not in used and "place-capital" not in used
    assert "event-bridge" in used
    wide = json.loads(cli("questions", str(deck), "--format", "json", "--quiet", "--include-proposed").stdout)
    used_wide = {fid for q in wide for fid in q["fact_ids"]}
    assert "event-pact" in used_wide and "place-capital" not in used_wide


def test_proposed_facts_never_reach_the_anki_deck_unless_asked(tmp_path, cli):
    """The Anki package built by ``anki`` holds no note about a proposed fact unless ``--include-proposed``."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    deck = _marked(tmp_path, {"actor-smith": "proposed"})

    def notes(*extra: str) -> list[str]:
        out = tmp_path / f"out{len(extra)}"
        result = cli("anki", str(deck), "-o", str(out), "--quiet", "--timestamp", "1700000000", *extra)
        assert result.returncode == 0, result.stderr
        col = Collection(str(tmp_path / f"c{len(extra)}.anki2"))
        try:
            package = str(next(out.glob("*.apkg")))
            col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=ImportAnkiPackageOptions()))
            return [" ".join(col.get_note(n).fields) for n in col.find_notes("")]
        finally:
            col.close()

    assert not any("General Smith" in n for n in notes())
    assert any("General Smith" in n for n in notes("--include-proposed"))


def test_proposed_facts_never_reach_the_quiz_or_briefing_unless_asked(tmp_path, cli):
    """The quiz JSON and the briefing's text leave a proposed fact out; ``--include-proposed`` lets it in."""
    from pypdf import PdfReader

    deck = _marked(tmp_path, {"actor-smith": "proposed"})

    def outputs(*extra: str) -> tuple[str, str]:
        out = tmp_path / f"build{len(extra)}"
        for command, options in (("quiz", ("--count", "10", "--versions", "1")), ("briefing", ())):
            result = cli(command, str(deck), "-o", str(out), "--quiet", "--timestamp", "1700000000", *options, *extra)
            assert result.returncode == 0, result.stderr
        quiz = "".join(p.read_text(encoding="utf-8") for p in out.glob("*-quiz.json"))
        briefing = " ".join(page.extract_text() for pdf in out.glob("*-briefing.pdf") for page in PdfReader(pdf).pages)
        return quiz, briefing

    quiz, briefing = outputs()
    assert "actor-smith" not in quiz and "Smith" not in briefing
    quiz, briefing = outputs("--include-proposed")
    assert "Smith" in briefing
