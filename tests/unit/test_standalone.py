"""Clozes stand alone: no sentence that points back at what came before it, no caption as a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.generate import generate
from studyaid.lint import lint, unmarked
from studyaid.load import load_deck
from studyaid.standalone import is_caption, resolve, unresolved_reference

from ..strategies import actor_fact, deck_dict, deck_yaml, event_fact, place_fact


@pytest.mark.parametrize(
    ("sentence", "pointing"),
    [
        ("The zone was built at a cost of $156 million and covers about 240,000 square feet.", "The zone"),
        ("The last troops left on April Fool’s Day 1920.", "The last troops"),
        ("The report added that this was because of a contract between Syria and KOMID.", "this"),
        ("The Russians plan to bring more than 1 million tons of coal through here.", "here"),
        ("Namibian newspapers bemoan the fact that the DPRK technicians are still there.", "there"),
        ("Along with these port pickups there are numbers of tankers loading at sea.", "these"),
        ("They took up their duties patrolling the Trans-Siberian Railway.", "They"),
        ("After serving on the jury of Gen. Billy Mitchell in 1925, he retired from the army.", "he"),
        ("SSRC has overseen the country's chemical weapons program since the 1970s.", "the country's"),
    ],
)
def test_back_pointing_words_are_found_anywhere_in_the_sentence(sentence, pointing):
    """A demonstrative, 'here'/'there' or an opening 'The <common noun>' points back at what the article said."""
    assert unresolved_reference(sentence) == pointing


@pytest.mark.parametrize(
    "sentence",
    [
        "The appeal of Rason to the Russians is simple: it’s a gateway to Chinese markets.",
        "The Korean rail lines are Standard gauge rails of 1,435 mm.",
        "There were about 600,000 tons of U.S. supplies sitting in Vladivostok.",
        "It is estimated that China exports about 500,000 metric tons of crude oil.",
        "Earlier this year the two leaders met in Vladivostok.",
        "The Russians plan to bring more than 1 million tons of coal through here [Rason].",
        "The zone [the Guomenwan trade zone] was built at a cost of $156 million.",
    ],
)
def test_sentences_that_say_what_they_are_about_stand_alone(sentence):
    """An 'of' phrase, a name, an existential 'there', a dummy 'it' or an editor's insertion leaves nothing unresolved."""
    assert unresolved_reference(sentence) is None


_POINTERS = st.sampled_from(["The zone", "The deal", "The ferry service", "here", "this", "The country"])
_MEANINGS = st.sampled_from(["the Guomenwan trade zone", "Rason", "North Korea", "the 2015 arms purchase"])


@given(pointer=_POINTERS, meaning=_MEANINGS, tail=st.sampled_from(["was signed in 2009.", "grew fast."]))
@settings(max_examples=40)
def test_an_editors_insertion_resolves_what_it_follows(pointer, meaning, tail):
    """Whatever the back-pointing words, marking what they mean makes the sentence stand alone, and
    taking the marks out again gives the article's words back."""
    if pointer[0].isupper():
        sentence = f"{pointer} {tail}"
    else:
        sentence = f"Traders met {pointer} in 2009."
    assert unresolved_reference(sentence) is not None
    shown = resolve(sentence, {pointer: meaning})
    assert unresolved_reference(shown) is None
    assert unmarked(shown) == sentence


@given(text=st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=60))
@settings(max_examples=60)
def test_a_sentence_with_a_full_stop_is_never_a_caption(text):
    """Only text without final punctuation can be a caption."""
    assert not is_caption(f"{text}.")
    assert not is_caption(f"{text} was seen.")


def test_a_photo_caption_is_no_sentence():
    """A caption has no final stop and, outside its brackets, no verb; a heading-like line with a verb is a sentence."""
    assert is_caption(
        "Maj. Gen. William S. Graves (Commanding General Allied Expeditionary Force - Siberia; seated, centre)"
        " and staff, Vladivostok, November 23, 1919"
    )
    assert not is_caption("In August 2015 China opened a new rail link with North Korea")


def _deck(tmp_path: Path, templates, *, refers=None, caption=None):
    zone = {
        **place_fact(1),
        "name": "Port Alpha 1",
        "quote": "The zone was built beside Port Alpha 1 in 2010.",
        "asked": "Port Alpha 1",
    }
    photo = {
        **event_fact(2, "1919-11-23"),
        "quote": "Agent Bravo and staff, Port Cedar, November 23, 1919",
        "asked": "November 23, 1919",
    }
    if refers:
        zone["refers"] = refers
    if caption is not None:
        photo["caption"] = caption
    facts = [actor_fact(0, "person"), actor_fact(1, "person"), zone, photo, place_fact(3), place_fact(4)]
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    return load_deck(path, templates)


def test_a_back_pointing_sentence_gets_no_cloze_until_the_deck_says_what_it_means(tmp_path, templates):
    """No cloze of "The zone was built …"; with ``refers`` the cloze shows "The zone [the free trade zone]",
    the linter finds nothing, and the source quote is still the article's words once the mark is out."""
    plain = _deck(tmp_path, templates)
    assert "cloze-source-sentence:place-1" not in {q.id for q in generate(plain, templates)}
    marked = _deck(tmp_path, templates, refers={"The zone": "the free trade zone"})
    questions = generate(marked, templates)
    cloze = next(q for q in questions if q.id == "cloze-source-sentence:place-1")
    assert "“The zone [the free trade zone] was built beside _____ in 2010.”" in cloze.prompt
    assert unmarked(cloze.sources[0].quote) == marked.fact("place-1").quote
    assert [w for w in lint(marked, questions) if w.code in ("pronoun", "caption")] == []


def test_a_caption_gets_no_cloze_and_no_date_questions_unless_the_deck_says_it_is_a_sentence(tmp_path, templates):
    """A photo caption tells no event: no cloze, no date, no year gap, no ordering uses it (#11); ``caption: false``
    overrides the derived verdict, and the linter finds a caption asked as an event."""
    deck = _deck(tmp_path, templates)
    questions = generate(deck, templates)
    assert [q.id for q in questions if "event-2" in q.fact_ids] == []
    declared = _deck(tmp_path, templates, caption=False)
    ids = {q.id for q in generate(declared, templates)}
    assert "cloze-source-sentence:event-2" in ids
    assert any(i.startswith("event-date-short:event-2") for i in ids)
    dated = [q for q in generate(declared, templates) if q.id.startswith("event-date-short:event-2")]
    assert [w.code for w in lint(deck, dated)] == ["caption"]
