"""The real article's deck (when present) imports cleanly into Anki: the curated default deck and
the whole bank."""

from __future__ import annotations

import html
import re
from collections import Counter

import anki.lang
import pytest

from studyaid.curate import MAX_PER_FACT
from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.export.anki.note_types import FIELDS
from studyaid.export.anki.notes import ACTOR_TEMPLATE, note_groups

from .conftest import T1, import_package, visible

pytestmark = pytest.mark.slow


def _export(article_deck, article_questions, tmp_path, collection, **options):
    deck_file = tmp_path / "decks" / f"{article_deck.slug}.yaml"  # the lock goes here, not in decks/
    [apkg] = export_anki(
        article_deck, article_questions, ExportOptions(tmp_path / "out", timestamp=T1, deck_file=deck_file, **options)
    )
    log = import_package(collection, apkg)
    assert deck_file.with_suffix(".lock.json").exists()
    return log


def _renders(collection, deck_name):
    """Every card renders both sides error-free, none is empty, every picture is present, and
    every card sits in a topic subdeck."""
    assert list(collection.get_empty_cards().notes) == []
    check = collection.media.check()
    assert list(check.missing) == [] and list(check.unused) == []
    for cid in collection.find_cards(""):
        card = collection.get_card(cid)
        for side in (card.question(), card.answer()):
            assert "templates/errors.html" not in side
            assert re.sub(r"<[^>]+>|\s", "", visible(side))
        assert collection.decks.name(card.did).startswith(f"{deck_name}::")


def _backs_read_once(collection):
    """No card back names a library, cites a bare "ibid", labels an attribution "Caveat:", shows
    an explanation with lower case after a full stop, or shows a sentence of the article twice."""
    for cid in collection.find_cards(""):
        card = collection.get_card(cid)
        back = html.unescape(visible(card.answer()))
        text = html.unescape(re.sub(r"<[^>]+>", "", back))
        assert not re.search(r"\b(pint|genanki|jinja2?|typst)\b", text, re.I), text
        assert not re.search(r"note \[[ivx]+\]: ibid\b", text, re.I), text
        for caveat in re.findall(r"Caveat:</span>([^<]*)", back):
            assert caveat.startswith(" the article hedges this with “"), caveat
        note = card.note()
        explanation = html.unescape(note["Explanation"])
        assert not re.search(r"[a-z0-9)\]”\"]\.\s+[a-z]", explanation), explanation
        quotes = re.findall(r"<blockquote>(.*?)</blockquote>", back)
        assert len(quotes) == len(set(quotes))
        if "Text" in note:
            assert not quotes and "The article: “" not in explanation


def _duplicate_first_fields(collection, slug):
    """Anki's own duplicate search, per note type, on the type's first field."""
    anki.lang.set_lang("en")  # find_dupes fails without a language
    found = {}
    for role, fields in FIELDS.items():
        found[role] = collection.find_dupes(fields[0], f'"note:studyaid {role} ({slug})"')
    return found


def _notes(collection):
    return [collection.get_note(nid) for nid in collection.find_notes("")]


def test_default_deck_is_curated_and_covers_every_fact_and_topic(article_deck, article_questions, tmp_path, collection):
    """The default deck holds at most 3 notes per fact on average, every fact and topic of the
    bank, several forms, no fact in more than MAX_PER_FACT notes, renders in Anki with backs a
    learner reads once, and no two notes of a type share a first field (Anki's own check)."""
    log = _export(article_deck, article_questions, tmp_path, collection)
    notes = _notes(collection)
    assert len(log.new) == len(notes)
    facts = {f for q in article_questions for f in q.fact_ids}
    tagged = [{t.removeprefix("studyaid::fact::") for t in n.tags if t.startswith("studyaid::fact::")} for n in notes]
    assert set().union(*tagged) == facts
    assert len(notes) / len(facts) <= 3
    per_fact = Counter(f for fs in tagged for f in fs)
    assert max(per_fact.values()) <= MAX_PER_FACT
    subdecks = {collection.decks.name(collection.get_card(c).did) for c in collection.find_cards("")}
    assert subdecks == {f"{article_deck.settings.name}::{article_deck.topic_title(t)}" for t in article_deck.topic_ids}
    forms = Counter(t for n in notes for t in n.tags if t.startswith("studyaid::form::"))
    assert len(forms) >= 5
    _renders(collection, article_deck.settings.name)
    _backs_read_once(collection)
    assert _duplicate_first_fields(collection, article_deck.slug) == {role: [] for role in FIELDS}


def test_whole_bank_with_all_one_cloze_note_per_sentence(article_deck, article_questions, tmp_path, collection):
    """With --all every question is in the deck: cloze questions on one sentence are one note with
    a deletion each (c1, c2 …), every other question a note; the card count is every question
    plus the actors' reverse cards; no two notes of a type share a first field."""
    _export(article_deck, article_questions, tmp_path, collection, all_questions=True)
    groups = note_groups(article_deck, article_questions)
    actors = sum(1 for q in article_questions if q.template_id == ACTOR_TEMPLATE)
    assert collection.note_count() == len(groups) < len(article_questions)
    assert collection.card_count() == len(article_questions) + actors
    by_sentence = Counter(q.sources[0].quote for q in article_questions if q.form == "cloze")
    cloze_notes = [n for n in _notes(collection) if "Text" in n]
    assert len(cloze_notes) == len(by_sentence)
    for note in cloze_notes:
        ids = html.unescape(note["Id"]).split(", ")
        deletions = sorted({int(n) for n in re.findall(r"\{\{c(\d+)::", note["Text"])})
        assert deletions == list(range(1, len(ids) + 1)) and len(note.cards()) == len(ids)
    assert max(by_sentence.values()) > 1
    _renders(collection, article_deck.settings.name)
    _backs_read_once(collection)
    assert _duplicate_first_fields(collection, article_deck.slug) == {role: [] for role in FIELDS}
