"""Fact text full of Typst markup characters is printed as written, never read as markup."""

from __future__ import annotations

import json

from studyaid.export import ExportOptions
from studyaid.export.briefing import export_briefing
from studyaid.export.quiz import export_quiz
from studyaid.generate import generate
from studyaid.load import load_deck

from .pdftext import page_texts, squash

NAME = "A & B <#x> \\ co"
ROLE = "a firm with $5 and _under_ *stars* @refs"
DECK = f"""\
slug: marks
source: {{title: "Marks = #$*_@<\\\\", author: "S. Author", publisher: "P", date: 2020-01-01}}
deck:
  name: Marks
  deck_id: 1700000001
  note_types: {{basic: 1700000101, choice: 1700000102, cloze: 1700000103, actor: 1700000104}}
  seed: 1
facts:
  - id: actor-a
    kind: actor
    topic: actors
    name: {json.dumps(NAME)}
    actor_kind: company
    role: {json.dumps(ROLE)}
    quote: {json.dumps(f"{NAME} is {ROLE}.")}
    asked: {json.dumps(NAME)}
  - id: event-a
    kind: event
    topic: dates
    what: "the start of #things // not a comment"
    date: 2003
    quote: "The start of #things // not a comment was in 2003."
    asked: "2003"
"""


def test_markup_characters_print_verbatim(tmp_path, templates):
    """Names, roles and quotes with # $ * _ @ < \\ and // come out of the quiz, key and briefing unchanged."""
    path = tmp_path / "decks" / "marks.yaml"
    path.parent.mkdir()
    path.write_text(DECK, encoding="utf-8")
    deck = load_deck(path, templates)
    questions = generate(deck, templates)
    quiz, key, _ = export_quiz(deck, questions, ExportOptions(tmp_path / "out", versions=1, count=2, seed=1))
    [briefing] = export_briefing(deck, questions, ExportOptions(tmp_path / "out"))
    for pdf in (quiz, key, briefing):
        assert squash("Marks = #$*_@<\\") in squash(" ".join(page_texts(pdf))), pdf.name
    text = squash(" ".join(page_texts(briefing)))
    assert squash(NAME) in text and squash(ROLE) in text and squash("#things // not a comment") in text
