"""Text from YAML reaches the learner as text: never as HTML, cloze syntax or Anki media tags."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from studyaid.export.anki import html as anki_html

from .conftest import T1, build, import_package, visible

SCRIPT = "<script>alert(1)</script>"


def _inject(deck_file, old: str, new: str) -> None:
    text = deck_file.read_text(encoding="utf-8")
    assert old in text
    deck_file.write_text(text.replace(old, new), encoding="utf-8")


def _cards_about(col, fact_id):
    return [col.get_card(cid) for cid in col.find_cards(f"tag:studyaid::fact::{fact_id}")]


def test_script_in_fact_text_shows_escaped(deck_copy, tmp_path, templates, collection):
    """A fact whose role and sentence contain ``<script>`` shows that text escaped on every card."""
    _inject(deck_copy, 'role: "the commander of', f'role: "the {SCRIPT} commander of')
    _inject(deck_copy, "General Smith commanded", f"General Smith {SCRIPT} commanded")
    built = build(deck_copy, tmp_path / "out", templates, T1)
    import_package(collection, built.apkg)
    cards = _cards_about(collection, "actor-smith")
    # Two cards of the actor note and the cloze (the fixture's only person has no plausible wrong
    # answer of its own sort, so it gets no multiple-choice or true/false questions).
    assert len(cards) >= 3
    escaped = html.escape(SCRIPT)
    for card in cards:
        for side in (card.question(), card.answer()):
            assert "<script" not in side.lower()
        assert escaped in visible(card.answer())
    # The sentence, its asked part marked; a cloze back shows it as the revealed cloze instead.
    assert all(card.answer().count("<mark>") >= 1 for card in cards if card.note_type()["type"] != 1)


def test_anki_markup_in_fact_text_stays_text(deck_copy, tmp_path, templates, collection):
    """Cloze syntax and a sound tag inside a sentence neither make extra cards nor play media."""
    markup = "{{c2::warm-water}} port [sound:evil.mp3]"
    _inject(deck_copy, "only warm-water port.", f"only {markup}.")
    built = build(deck_copy, tmp_path / "out", templates, T1)
    log = import_package(collection, built.apkg)
    assert len(log.new) == built.note_count
    (cloze,) = [c for c in _cards_about(collection, "place-port-north") if c.note_type()["type"] == 1]
    assert len(cloze.note().cards()) == len(re.findall(r"\{\{c\d+::", cloze.note()["Text"]))
    for card in _cards_about(collection, "place-port-north"):
        assert not card.question_av_tags() and not card.answer_av_tags()
        assert markup in html.unescape(re.sub(r"<[^>]+>", "", visible(card.answer())))
    assert list(collection.media.check().missing) == []


@given(st.text())
def test_text_is_escaped_and_round_trips(value):
    """Escaped field text decodes to exactly the input and holds no raw HTML or Anki markup."""
    escaped = anki_html.text(value)
    assert html.unescape(escaped) == value
    assert not set(escaped) & set("<>\"'[]{}")


@given(st.text(min_size=1))
def test_cloze_deletion_is_always_exactly_one(value):
    """A cloze deletion built from any answer is one ``{{c1::...}}`` holding that answer."""
    deletion = anki_html.cloze_deletion(value)
    match = re.fullmatch(r"\{\{c1::([^{}:]*)\}\}", deletion)
    assert match is not None
    assert html.unescape(match.group(1)) == value
