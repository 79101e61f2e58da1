"""Each linter rule, as a property: the generator never emits a question the rule flags (on the
article, the fixture articles and generated fact bases of every kind), and the rule flags a bad
question built from a good one (the defect put in by hand)."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from studyaid.generate import generate
from studyaid.lint import CODES, lint
from studyaid.load import load_deck
from studyaid.model import Deck, Numeric, Question
from studyaid.sorts import coarse_sort, names_of

from ..conftest import ARTICLE_DECK, FIXTURE_DECKS
from ..strategies import any_article_fact_bases, deck_yaml, fact_bases

DECKS = (ARTICLE_DECK, *FIXTURE_DECKS)


@cache
def _bank(path: Path, templates: tuple) -> tuple[Deck, tuple[Question, ...]]:
    deck = load_deck(path, templates)
    return deck, tuple(generate(deck, templates))


def _codes(deck: Deck, questions) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for w in lint(deck, list(questions)):
        found.setdefault(w.code, []).append(str(w))
    return found


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.stem)
def test_no_generated_question_breaks_the_rule(templates, path, code):
    """On the article and every fixture article, no generated question breaks the rule."""
    deck, questions = _bank(path, templates)
    assert _codes(deck, questions).get(code, []) == []


def _generated(tmp_dir: Path, deck_dict: dict, templates) -> tuple[Deck, list[Question]]:
    path = tmp_dir / "g.yaml"
    path.write_text(deck_yaml(deck_dict), encoding="utf-8")
    deck = load_deck(path, templates)
    return deck, generate(deck, templates)


@given(deck_dict=fact_bases())
@settings(max_examples=10)
def test_generated_fact_bases_break_no_rule(tmp_path_factory, templates, deck_dict):
    """Over generated fact bases (shares, amounts, gauges, events, actors, places), no question
    breaks any rule."""
    deck, questions = _generated(tmp_path_factory.mktemp("lint"), deck_dict, templates)
    assert _codes(deck, questions) == {}


@given(deck_dict=any_article_fact_bases())
@settings(max_examples=10)
def test_fact_bases_of_the_newer_kinds_break_no_rule(tmp_path_factory, templates, deck_dict):
    """Over fact bases of the newer kinds (quantities, durations, statements, relations, staged
    and undated events), no question breaks any rule."""
    deck, questions = _generated(tmp_path_factory.mktemp("lint"), deck_dict, templates)
    assert _codes(deck, questions) == {}


# ------------------------------------------------------------------ a bad case of each rule


def _flags(deck: Deck, questions, code: str) -> bool:
    return code in _codes(deck, questions)


@st.composite
def _question(draw, templates, forms: tuple[str, ...], keep=lambda deck, q: True):
    """A generated question of one of the forms (and passing ``keep``) from one of the decks."""
    banks = [_bank(path, templates) for path in DECKS]
    pools = [(deck, [q for q in questions if q.form in forms and keep(deck, q)]) for deck, questions in banks]
    deck, pool = draw(st.sampled_from([(d, p) for d, p in pools if p]))
    return deck, draw(st.sampled_from(pool))


def _actors(event) -> set[str]:
    return set(event.get("actors") or ())


def _other_sorts(deck: Deck, q: Question) -> list:
    subject = deck.fact(q.fact_ids[0])
    return [
        f
        for f in deck.facts
        if f.kind == subject.kind and coarse_sort(f, deck) != coarse_sort(subject, deck) and names_of(f)
    ]


@given(data=st.data())
@settings(max_examples=15)
def test_echo_flags_a_prompt_that_states_its_answer(templates, data):
    """A prompt that states its own answer is an echo."""
    deck, q = data.draw(_question(templates, ("choice", "short", "numeric")))
    bad = dataclasses.replace(q, prompt=f"{q.prompt} (It is {q.answer}.)")
    assert _flags(deck, [bad], "echo")


@given(data=st.data())
@settings(max_examples=15)
def test_sort_flags_an_option_of_another_sort(templates, data):
    """A name option of another sort than the answer (a person among states) is a sort defect."""
    named = lambda deck, q: q.template_id.endswith("-name-choice") and bool(_other_sorts(deck, q))  # noqa: E731
    deck, q = data.draw(_question(templates, ("choice",), named))
    other = data.draw(st.sampled_from(_other_sorts(deck, q)))
    wrong = next(i for i, o in enumerate(q.options or ()) if o != q.answer)
    options = list(q.options or ())
    options[wrong] = names_of(other)[0]
    assert _flags(deck, [dataclasses.replace(q, options=tuple(options))], "sort")


@given(data=st.data())
@settings(max_examples=15)
def test_rival_flags_a_false_statement_that_is_true(templates, data):
    """A date statement keyed False that gives the true date is a rival answer."""
    dated = lambda deck, q: q.template_id.startswith("event-date") and bool(q.true_value)  # noqa: E731
    deck, q = data.draw(_question(templates, ("true-false",), dated))
    bad = dataclasses.replace(q, answer="False", key=(1,), shown=q.true_value)
    assert _flags(deck, [bad], "rival")


@given(data=st.data())
@settings(max_examples=10)
def test_wording_flags_who_or_what(templates, data):
    """A prompt that does not know what it asks for ("who or what") is a wording defect."""
    deck, q = data.draw(_question(templates, ("short", "choice")))
    assert _flags(deck, [dataclasses.replace(q, prompt=f"Who or what fits this? {q.prompt}")], "wording")


@given(data=st.data())
@settings(max_examples=10)
def test_duplicate_flags_the_same_question_twice(templates, data):
    """The same question under two ids is a duplicate."""
    deck, q = data.draw(_question(templates, ("choice", "short", "numeric", "true-false", "cloze")))
    assert _flags(deck, [q, dataclasses.replace(q, id=q.id + "-again")], "duplicate")


@given(data=st.data())
@settings(max_examples=10)
def test_pronoun_flags_a_cloze_opening_on_a_pronoun(templates, data):
    """A cloze sentence that opens on a pronoun nothing resolves is a pronoun defect."""
    deck, q = data.draw(_question(templates, ("cloze",)))
    before, after = q.cloze or ("", "")
    bad = dataclasses.replace(q, cloze=(f"They said that {before}", after), context=None)
    assert _flags(deck, [bad], "pronoun")


@given(data=st.data())
@settings(max_examples=10)
def test_verbatim_flags_a_changed_quote(templates, data):
    """A source quote shown as the article's words but changed is a verbatim defect."""
    deck, q = data.draw(_question(templates, ("choice", "short", "numeric", "cloze")))
    ref = q.sources[0]
    bad = dataclasses.replace(q, sources=(dataclasses.replace(ref, quote=ref.quote + " Indeed."), *q.sources[1:]))
    assert _flags(deck, [bad], "verbatim")


@given(data=st.data())
@settings(max_examples=10)
def test_gap_flags_a_year_gap_between_unrelated_events(templates, data):
    """A year gap between two events with no actor in common is a gap defect."""
    deck, q = data.draw(_question(templates, ("numeric",)))
    events = [f for f in deck.facts if f.kind == "event"]
    pairs = [(a, b) for a in events for b in events if a.id < b.id and not _actors(a) & _actors(b)]
    assume(pairs)
    a, b = data.draw(st.sampled_from(pairs))
    bad = dataclasses.replace(q, fact_ids=(a.id, b.id), numeric=Numeric(3.0, 0.5, "years"))
    assert _flags(deck, [bad], "gap")


@given(data=st.data())
@settings(max_examples=10)
def test_attribution_flags_an_event_attributed_to_its_own_actor(templates, data):
    """'According to X' on an event X itself did is an attribution defect."""
    deck, q = data.draw(_question(templates, ("choice", "short", "numeric", "true-false")))
    events = [f for f in deck.facts if f.kind == "event" and _actors(f)]
    assume(events)
    event = data.draw(st.sampled_from(events))
    first = sorted(_actors(event))[0]
    actor = deck.fact(first) if first in deck.facts_by_id else None
    assume(actor is not None and names_of(actor))
    changed = dataclasses.replace(event, attribution=names_of(actor)[0])
    bad_deck = dataclasses.replace(deck, facts=tuple(changed if f.id == event.id else f for f in deck.facts))
    assert _flags(bad_deck, [dataclasses.replace(q, fact_ids=(event.id,))], "attribution")


@given(data=st.data())
@settings(max_examples=10)
def test_caption_flags_a_caption_dated_as_an_event(templates, data):
    """An event question whose fact quotes a picture's caption is a caption defect."""
    deck, q = data.draw(_question(templates, ("choice", "short", "numeric", "true-false")))
    events = [deck.fact(f) for f in q.fact_ids if deck.fact(f).kind == "event"]
    assume(events)
    photo = dataclasses.replace(events[0], quote="Agent Bravo and staff, Port Cedar, November 23, 1919")
    bad_deck = dataclasses.replace(deck, facts=tuple(photo if f.id == photo.id else f for f in deck.facts))
    assert _flags(bad_deck, [q], "caption")


@given(data=st.data())
@settings(max_examples=10)
def test_back_flags_a_library_name(templates, data):
    """A card back that names a library is a back defect."""
    deck, q = data.draw(_question(templates, ("numeric", "choice")))
    assert _flags(deck, [dataclasses.replace(q, explanation=q.explanation + " Converted with pint.")], "back")


def _names_described(deck: Deck, q: Question) -> bool:
    """Whether the question's first actor or place has a role or description to date."""
    named = [f for f in map(deck.fact, q.fact_ids) if f.kind in ("actor", "place")]
    return bool(named) and bool(named[0].get("role" if named[0].kind == "actor" else "description"))


@given(data=st.data())
@settings(max_examples=10)
def test_source_flags_a_description_dated_where_its_sentence_is_not(templates, data):
    """A name or role asked with a date no source sentence shown gives is a source defect."""
    deck, q = data.draw(_question(templates, ("choice", "short", "true-false"), keep=_names_described))
    fact = next(f for f in map(deck.fact, q.fact_ids) if f.kind in ("actor", "place"))
    field = "role" if fact.kind == "actor" else "description"
    fields = dataclasses.replace(fact.fields, **{field: f"{fact[field]} in 1888-1889"})
    changed = dataclasses.replace(fact, fields=fields)
    bad_deck = dataclasses.replace(deck, facts=tuple(changed if f.id == fact.id else f for f in deck.facts))
    assert _flags(bad_deck, [q], "source")


def test_every_rule_has_a_bad_case():
    """Each rule class the linter reports has its bad-case property above."""
    names = {n.split("_")[1] for n in globals() if n.startswith("test_") and n.split("_")[2:3] == ["flags"]}
    assert set(CODES) <= names


# ------------------------------------------------------------------ the review's classes, on the article


def _article(templates) -> tuple[Deck, tuple[Question, ...]]:
    return _bank(ARTICLE_DECK, templates)


def _one(questions, qid: str) -> Question:
    return next(q for q in questions if q.id == qid)


def test_rival_flags_another_name_of_the_same_claim(templates):
    """'Russia' offered as wrong for the Soviet Union's 1970s trade share is a rival: the share of
    the same sentence records it as also true, and it reaches the actor fact."""
    deck, questions = _article(templates)
    q = next(q for q in questions if q.template_id == "actor-name-short" and q.fact_ids == ("actor-soviet-union",))
    assert "Russia" in q.accept and "Russian Federation" in q.accept
    bad = _as_name_choice(q, ("the Soviet Union", "Russia", "Japan", "China"))
    assert _flags(deck, [bad], "rival")


def _as_name_choice(q, options):
    """A short name question turned into a choice one with ``options``, the first one keyed."""
    template = "actor-name-choice"
    return dataclasses.replace(
        q, id=f"{template}:{q.fact_ids[0]}", template_id=template, form="choice", options=options, key=(0,)
    )


def test_sort_flags_an_option_of_another_era(templates):
    """A 1920s general's options must be of his era: Donald Trump beside Billy Mitchell is flagged."""
    deck, questions = _article(templates)
    q = next(q for q in questions if q.template_id == "actor-name-short" and q.fact_ids == ("actor-billy-mitchell",))
    bad = _as_name_choice(q, ("Billy Mitchell", "Donald Trump", "Woodrow Wilson", "Semenov"))
    assert _flags(deck, [bad], "sort")


def test_echo_flags_a_cloze_whose_sentence_names_the_other_of_a_pair(templates):
    """'The _____ fought the White Army' gives away 'Red Army': the generator makes no such cloze
    and the linter flags it."""
    deck, questions = _article(templates)
    assert not any(q.form == "cloze" and q.answer == "Red Army" for q in questions)
    q = next(q for q in questions if q.form == "cloze")
    bad = dataclasses.replace(
        q, fact_ids=("actor-red-army",), answer="Red Army", cloze=("The ", " fought the White Army.")
    )
    assert _flags(deck, [bad], "echo")


def test_wording_flags_a_cloze_with_an_unclosed_quotation(templates):
    """A cloze sentence that opens a quotation mark and never closes it is a wording defect."""
    deck, questions = _article(templates)
    q = next(q for q in questions if q.form == "cloze")
    before, after = q.cloze or ("", "")
    assert _flags(deck, [dataclasses.replace(q, cloze=(f"“{before}", after))], "wording")


@given(data=st.data())
@settings(max_examples=10)
def test_caption_flags_a_cloze_of_a_caption(templates, data):
    """A cloze of a picture's caption ("Maj. Gen. William S. Graves … and staff, Vladivostok,
    November 23, 1919") is a caption defect, whichever cloze it is put in."""
    _, q = data.draw(_question(templates, ("cloze",)))
    deck, _ = _article(templates)
    caption = deck.fact("event-graves-staff-photo")
    assert _flags(deck, [dataclasses.replace(q, fact_ids=(caption.id,))], "caption")
