"""The real article's deck (when present) imports cleanly into Anki."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.export.anki.notes import ACTOR_TEMPLATE

from .conftest import T1, import_package, visible

pytestmark = pytest.mark.slow


def test_article_deck_imports_one_note_per_question_and_renders(article_deck, article_questions, tmp_path, collection):
    """Every question of the real article becomes one note; every card renders both sides, none
    is empty, and every picture is present."""
    deck_file = tmp_path / "decks" / f"{article_deck.slug}.yaml"  # the lock goes here, not in decks/
    options = ExportOptions(tmp_path / "out", timestamp=T1, deck_file=deck_file)
    [apkg] = export_anki(article_deck, article_questions, options)
    log = import_package(collection, apkg)
    actors = sum(1 for q in article_questions if q.template_id == ACTOR_TEMPLATE)
    assert len(log.new) == collection.note_count() == len(article_questions)
    assert collection.card_count() == len(article_questions) + actors
    assert list(collection.get_empty_cards().notes) == []
    check = collection.media.check()
    assert list(check.missing) == [] and list(check.unused) == []
    for cid in collection.find_cards(""):
        card = collection.get_card(cid)
        for side in (card.question(), card.answer()):
            assert "templates/errors.html" not in side
            assert re.sub(r"<[^>]+>|\s", "", visible(side))
    topics = Counter(collection.decks.name(collection.get_card(c).did) for c in collection.find_cards(""))
    assert all(name.startswith(f"{article_deck.settings.name}::") for name in topics)
    assert deck_file.with_suffix(".lock.json").exists()
