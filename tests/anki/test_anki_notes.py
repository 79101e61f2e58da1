"""Questions to notes, without Anki: note types, identity, content hashes and deck IDs."""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter

import genanki

from studyaid.export.anki import subdeck_id
from studyaid.export.anki.note_types import FIELDS, note_types
from studyaid.export.anki.notes import build_notes, guid, role_for, tag
from studyaid.export.anki.pictures import pictures_for
from studyaid.model import TOPICS


def test_field_lists_are_fixed():
    """The note types' field lists are exactly these; changing one needs a new note-type ID."""
    details = ("Explanation", "Source", "Citation", "Article", "Attribution", "Picture")
    assert {
        "basic": ("Prompt", "Items", "Answer", *details, "Id"),
        "choice": ("Prompt", "Options", "Marked", *details, "Id"),
        "cloze": ("Text", *details, "Id"),
        "actor": ("Name", "Kind", "Role", "NamePrompt", "RolePrompt", "Aliases", *details, "Id"),
    } == FIELDS


def test_note_types_use_the_deck_files_ids(mini_deck):
    """Each note type has the ID the deck file gives its role; only cloze is a cloze type."""
    models = note_types(mini_deck.settings, mini_deck.slug)
    assert {role: m.model_id for role, m in models.items()} == dict(mini_deck.settings.note_types)
    assert {role for role, m in models.items() if m.model_type == genanki.Model.CLOZE} == {"cloze"}
    assert [len(m.templates) for m in models.values()] == [1, 1, 1, 2]


def test_each_question_takes_the_note_type_of_its_form(mini_deck, mini_questions):
    """Choice and cloze questions get their own types, each actor a two-way note, the rest basic."""
    roles = Counter(role_for(mini_deck, q) for q in mini_questions)
    forms = Counter(q.form for q in mini_questions)
    actors = sum(1 for f in mini_deck.facts if f.kind == "actor")
    assert roles == {
        "choice": forms["choice"],
        "cloze": forms["cloze"],
        "actor": actors,
        "basic": len(mini_questions) - forms["choice"] - forms["cloze"] - actors,
    }


def test_questions_in_notes_out(mini_deck, mini_questions):
    """build_notes puts every question in one note, in order, with distinct GUIDs; only cloze
    questions on one sentence share a note."""
    notes = build_notes(mini_deck, mini_questions, pictures_for(mini_deck))
    held = [i for n in notes for i in n.question_ids]
    assert sorted(held) == sorted(q.id for q in mini_questions) and len(set(held)) == len(held)
    order = [q.id for q in mini_questions]
    firsts = [order.index(n.question_id) for n in notes]
    assert firsts == sorted(firsts)
    assert all(order.index(i) > order.index(n.question_id) for n in notes for i in n.question_ids[1:])
    assert len({n.guid for n in notes}) == len(notes) < len(mini_questions)
    by_id = {q.id: q for q in mini_questions}
    for note in notes:
        sentences = {by_id[i].sources[0].quote for i in note.question_ids}
        assert len(note.question_ids) == 1 or (note.role == "cloze" and len(sentences) == 1)


def test_a_cloze_question_without_a_blank_becomes_a_basic_note(mini_deck, mini_questions):
    """A cloze-form question with no (before, after) pair is never made a cloze note (it would
    have no cards); it becomes a basic note showing its prompt."""
    cloze = next(q for q in mini_questions if q.form == "cloze")
    broken = dataclasses.replace(cloze, cloze=None)
    assert role_for(mini_deck, broken) == "basic"
    (note,) = build_notes(mini_deck, [broken], [])
    assert note.role == "basic" and "_____" in note.field("Prompt")


def test_guid_comes_from_identity_not_text(mini_deck, mini_questions):
    """Rewording a question keeps its GUID; a different template or fact set changes it."""
    q = mini_questions[0]
    assert guid(mini_deck, q) == genanki.guid_for("mini", q.template_id, *q.fact_ids)
    reworded = dataclasses.replace(q, prompt="Something else?", answer="42", explanation="")
    assert guid(mini_deck, reworded) == guid(mini_deck, q)
    assert guid(mini_deck, dataclasses.replace(q, template_id="other")) != guid(mini_deck, q)


def test_content_hash_follows_fields_tags_and_note_type(mini_deck, mini_questions):
    """A note's content hash changes when a field, a tag or its note type changes, and only then."""
    (note,) = build_notes(mini_deck, mini_questions[:1], [])
    (again,) = build_notes(mini_deck, mini_questions[:1], [])
    assert note.content_hash == again.content_hash
    changes = [
        dataclasses.replace(note, fields=(note.fields[0] + ".", *note.fields[1:])),
        dataclasses.replace(note, tags=(*note.tags, "extra")),
        dataclasses.replace(note, note_type=note.note_type + 1),
    ]
    assert len({note.content_hash, *(c.content_hash for c in changes)}) == 4


def test_subdeck_ids_are_stable_distinct_and_in_range():
    """Subdeck IDs derive from the deck ID and topic alone, differ per topic, and stay in range."""
    ids = [subdeck_id(1700000001, topic) for topic in TOPICS]
    assert len(set(ids)) == len(TOPICS)
    assert all(1 << 30 <= i < 1 << 31 for i in ids)
    digest = hashlib.sha256(b"1700000001::gauges").digest()
    assert subdeck_id(1700000001, "gauges") == (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)
    assert subdeck_id(1700000001, "gauges") == 1586076497  # pinned: a change would move learners' cards
    assert subdeck_id(1650000001, "gauges") != subdeck_id(1700000001, "gauges")


def test_tags_never_contain_spaces():
    """Whitespace inside a tag part becomes an underscore, since Anki splits tags on spaces."""
    assert tag("studyaid", "fact", " two words\there ") == "studyaid::fact::two_words_here"
