"""The fixture deck's package as real Anki sees it after a default import."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import genanki

from studyaid.export.anki.note_types import FIELDS
from studyaid.export.anki.notes import ACTOR_TEMPLATE, note_groups
from studyaid.model import TOPIC_TITLES

from .conftest import notes_by_question, visible


def _notes(col, search=""):
    return [col.get_note(nid) for nid in col.find_notes(search)]


def _by_id(col):
    """Imported notes keyed by each question id they hold (the hidden ``Id`` field)."""
    return notes_by_question(col)


def test_questions_in_notes_out(imported):
    """Every generated question is in exactly one new note (the cloze questions on one sentence
    share one), and nothing else is imported."""
    questions = imported.build.questions
    groups = note_groups(imported.build.deck, questions)
    assert len(imported.log.new) == len(groups) == imported.col.note_count() < len(questions)
    assert not imported.log.updated and not imported.log.duplicate and not imported.log.conflicting
    assert set(_by_id(imported.col)) == {q.id for q in questions}


def test_guids_come_from_article_template_and_facts(imported):
    """Each note's GUID is genanki.guid_for(slug, template id, *fact ids) of its first question."""
    deck = imported.build.deck
    notes = _by_id(imported.col)
    for group in note_groups(deck, imported.build.questions):
        q = group[0]
        assert notes[q.id].guid == genanki.guid_for(deck.slug, q.template_id, *q.fact_ids)


def test_card_counts(imported):
    """One card per question, and a second for each two-way actor note: a cloze note has a card
    per deletion."""
    col, questions = imported.col, imported.build.questions
    actors = [q for q in questions if q.template_id == ACTOR_TEMPLATE]
    assert len(actors) == 4
    assert col.card_count() == len(questions) + len(actors)
    per_type = Counter(col.get_card(cid).note_type()["name"] for cid in col.find_cards(""))
    forms = Counter(q.form for q in questions)
    assert per_type == {
        "studyaid actor (mini)": 2 * len(actors),
        "studyaid choice (mini)": forms["choice"],
        "studyaid cloze (mini)": forms["cloze"],
        "studyaid basic (mini)": len(questions) - forms["choice"] - forms["cloze"] - len(actors),
    }


def test_every_card_renders_front_and_back(imported):
    """Every card renders a non-empty front and back through Anki's templates, error-free."""
    col = imported.col
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        front, back = card.question(), card.answer()
        for side in (front, back):
            assert "templates/errors.html" not in side
            assert re.sub(r"<[^>]+>|\s", "", visible(side)), f"card {cid} renders an empty side"


def test_no_empty_cards(imported):
    """Anki's empty-cards check finds nothing to delete."""
    assert list(imported.col.get_empty_cards().notes) == []


def test_media_present_and_used(imported):
    """Every picture a card shows is in the media folder, and no shipped file goes unused."""
    check = imported.col.media.check()
    assert list(check.missing) == [] and list(check.unused) == []
    shipped = sorted(p.name for p in Path(imported.col.media.dir()).iterdir())
    assert len(shipped) == 4  # three share charts (one per divided whole) and the gauges drawing
    assert all(re.fullmatch(r"studyaid-[0-9a-f]{12}\.svg", name) for name in shipped)


def test_deck_tree(imported):
    """Cards sit in ``<article name>::<topic title>`` subdecks, one per topic."""
    col, deck = imported.col, imported.build.deck
    name = deck.settings.name
    names = {d.name for d in col.decks.all_names_and_ids()} - {"Default"}
    assert names == {name, *(f"{name}::{title}" for title in TOPIC_TITLES.values())}
    topics = {q.id: q.topic for q in imported.build.questions}
    for note in _notes(col):
        first = html.unescape(note["Id"]).split(", ")[0]
        for card in note.cards():
            assert col.decks.name(card.did) == f"{name}::{TOPIC_TITLES[topics[first]]}"


def test_tags(imported):
    """Each note is tagged with article, topic, template, form and facts of every question it
    holds, none with spaces."""
    notes = _by_id(imported.col)
    for group in note_groups(imported.build.deck, imported.build.questions):
        tags = set(notes[group[0].id].tags)
        assert {"studyaid::article::mini"} | {
            tag
            for q in group
            for tag in (
                f"studyaid::topic::{q.topic}",
                f"studyaid::template::{q.template_id}",
                f"studyaid::form::{q.form}",
                *(f"studyaid::fact::{f}" for f in q.fact_ids),
            )
        } == tags
        assert not any(" " in t for t in tags)


def test_note_types_keep_the_deck_files_ids_and_fixed_fields(imported):
    """The note types carry the IDs the deck file fixes and exactly the fixed field lists."""
    col, settings = imported.col, imported.build.deck.settings
    for role, model_id in settings.note_types.items():
        model = col.models.get(model_id)
        assert model is not None, role
        assert tuple(f["name"] for f in model["flds"]) == FIELDS[role]
        assert model["name"] == f"studyaid {role} (mini)"


def test_cloze_notes_have_one_deletion_per_question_of_their_sentence(imported):
    """A cloze note holds the deletion of each cloze question on its sentence, numbered c1, c2 …
    in the questions' order, each deleting the sentence's words where that question's blank is;
    it has a card per deletion. At least one sentence of the fixture has two."""
    notes = _by_id(imported.col)
    seen = set()
    for q in imported.build.questions:
        if q.form != "cloze":
            continue
        note = notes[q.id]
        ids = html.unescape(note["Id"]).split(", ")
        number = ids.index(q.id) + 1
        deleted = re.search(rf"\{{\{{c{number}::(.*?)\}}\}}", note["Text"])
        assert deleted is not None
        plain = html.unescape(re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", note["Text"]))
        before, after = q.cloze
        assert plain == before + html.unescape(deleted.group(1)) + after == q.sources[0].quote
        assert len(note.cards()) == len(ids)
        seen.add(len(ids))
    assert max(seen) >= 2


def _text(html_text: str) -> str:
    """What a reader sees: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", html_text)).split())


def test_backs_show_explanation_source_citation_and_article(imported):
    """Every back shows the explanation, the source sentence with the asked part marked, the
    citation, and the article's title and date; the sentence only once. A cloze back shows its
    sentence once, as the revealed cloze, and no explanation that only repeats it."""
    col, deck = imported.col, imported.build.deck
    notes = _by_id(col)
    for q in imported.build.questions:
        said = {
            f"The article attributes this to {deck.fact(f).attribution}."
            for f in q.fact_ids
            if deck.fact(f).attribution
        }
        for card in notes[q.id].cards():
            back = html.unescape(visible(card.answer()))
            seen = _text(back)
            for ref in q.sources:
                assert seen.count(" ".join(ref.quote.split())) == 1, q.id
            if q.form == "cloze":
                assert "<blockquote>" not in back
                continue
            explanation = q.explanation
            for part in said:
                explanation = explanation.replace(part, "").strip()
            assert explanation in back
            for ref in q.sources:
                assert f"<mark>{ref.highlight}</mark>" in back or f"<mark>{ref.highlight.casefold()}" in back.casefold()
            assert q.citation in back
            assert "Rail and Trade on the Northern Border, 1 February 2020" in back


def test_attribution_labelled_as_the_source_and_hedges_as_a_caveat(imported):
    """A question about an attributed fact names the source on its back under "Source:", said
    once; a hedged fact's hedge is the only "Caveat:"."""
    deck = imported.build.deck
    notes = _by_id(imported.col)
    attributed = [q for q in imported.build.questions if q.attribution]
    assert any("Customs Office" in q.attribution for q in attributed)
    assert any("up to" in q.attribution for q in attributed)
    for q in attributed:
        facts = [deck.fact(f) for f in q.fact_ids]
        for card in notes[q.id].cards():
            back = _text(visible(card.answer()))
            for who in {f.attribution for f in facts if f.attribution}:
                assert f"Source: {who}" in back and f"attributes this to {who}" not in back, back
            hedges = [h for f in facts for h in f.hedges]
            assert ("Caveat:" in back) == bool(hedges)
            for hedge in hedges:
                assert f"Caveat: the article hedges this with “{hedge}”" in back or f"“{hedge}”" in back


def test_pictures_on_share_and_gauge_cards_only(imported):
    """Cards about shares show their chart, cards about gauges the drawing, others none."""
    deck = imported.build.deck
    notes = _by_id(imported.col)
    kinds = {f.id: f.kind for f in deck.facts}
    for q in imported.build.questions:
        asks = {kinds[f] for f in q.fact_ids}
        for card in notes[q.id].cards():
            back = visible(card.answer())
            front = visible(card.question())
            assert "<img" not in front  # a chart on the front would give the answer away
            pictures = re.findall(r'<img src="(studyaid-[0-9a-f]{12}\.svg)"', back)
            assert bool(pictures) == bool(asks & {"share", "measure"}), q.id
    gauge_cards = [notes[q.id] for q in imported.build.questions if q.template_id == "measure-value-choice"]
    assert len({re.search(r'src="([^"]+)"', n["Picture"]).group(1) for n in gauge_cards}) == 1


def test_choice_options_on_front_right_one_marked_on_back(imported):
    """A choice card lists the options on the front and marks only the right one on the back."""
    notes = _by_id(imported.col)
    for q in imported.build.questions:
        if q.form != "choice":
            continue
        card = notes[q.id].cards()[0]
        front, back = html.unescape(visible(card.question())), html.unescape(visible(card.answer()))
        assert all(f"<li>{o}</li>" in front for o in q.options)
        assert re.findall(r'<li class="correct">(.*?) ✓</li>', back) == [q.options[q.key[0]]]


def test_ordering_and_matching_laid_out_as_lists(imported):
    """Ordering and matching questions show their items as lists and answer with a numbered list."""
    notes = _by_id(imported.col)
    laid_out = [q for q in imported.build.questions if q.form in ("ordering", "matching")]
    # The fixture's four actors are each of another sort, so it has no fair matching set.
    assert "ordering" in {q.form for q in laid_out}
    for q in laid_out:
        card = notes[q.id].cards()[0]
        front, back = html.unescape(visible(card.question())), html.unescape(visible(card.answer()))
        assert all(f"<li>{item}</li>" in front for item in q.items)
        answer = back.split('<div class="answer">', 1)[1]
        assert answer.startswith("<ol>")
        if q.form == "ordering":
            in_order = re.findall(r"<li>(.*?)</li>", answer.split("</ol>", 1)[0])
            assert in_order == [q.items[k] for k in q.key]


def test_actor_notes_ask_both_ways(imported):
    """An actor note's first card asks the name from the role, its second the role from the name."""
    deck = imported.build.deck
    notes = _by_id(imported.col)
    for q in imported.build.questions:
        if q.template_id != ACTOR_TEMPLATE:
            continue
        fact = deck.fact(q.fact_ids[0])
        name_card, role_card = sorted(notes[q.id].cards(), key=lambda c: c.ord)
        name_front = html.unescape(visible(name_card.question()))
        assert q.prompt in name_front and fact["role"] in name_front
        assert f'<div class="answer">{q.answer}</div>' in html.unescape(visible(name_card.answer()))
        role_front = html.unescape(visible(role_card.question()))
        assert q.answer in role_front and fact["role"] not in role_front
        assert f'<div class="answer">{fact["role"]}</div>' in html.unescape(visible(role_card.answer()))
