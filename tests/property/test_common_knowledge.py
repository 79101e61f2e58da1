"""Common knowledge is no test of the article: a named historical event is not asked for its date."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from studyaid.generate import generate
from studyaid.load import load_deck
from studyaid.namedevent import is_named_event, names_historical_event

from ..strategies import deck_yaml, fact_bases, named_event_fact


@pytest.mark.parametrize(
    "what",
    [
        "the Six-Day War in which the DPRK offered Egypt military and financial support",
        "the Treaty of Versailles",
        "the Bolshevik Revolution",
        "the Cuban Missile Crisis",
        "the 1988 Seoul Olympics",
        "the Battle of the Bulge",
        "the Six-Day War, in which Egypt lost Sinai",
    ],
)
def test_a_proper_named_event_is_named(what):
    """A capitalised name headed by War, Treaty, Revolution, Crisis, Olympics... is a named event."""
    assert names_historical_event(what)


@pytest.mark.parametrize(
    "what",
    [
        "the war against Israel in which North Korean pilots flew missions",
        "the Korean War armistice",
        "the displacement of the Menshevik Government after the Bolshevik Revolution",
        "the launch of the Six-Party Talks",
        "the Red Army's defeat of the White Russian Army on the Volga Front",
        "Egypt's purchase of Soviet-made Scud-B missiles",
        "the conclusion of the Joint Comprehensive Plan of Action",
    ],
)
def test_an_event_that_only_mentions_a_name_is_not_named(what):
    """An act ("the displacement of … after the Bolshevik Revolution") or a lowercase war is the article's to tell."""
    assert not names_historical_event(what)


def _deck(tmp_path: Path, deck: dict, templates):
    path = tmp_path / "g.yaml"
    path.write_text(deck_yaml(deck), encoding="utf-8")
    return load_deck(path, templates)


@settings(max_examples=25)
@given(fact_bases())
def test_no_question_rests_on_named_events_only(tmp_path_factory, templates, base):
    """Over generated decks: a named event is not asked for its year, date, years since or cloze,
    and stands in a year gap or an ordering only beside an event the article has to tell."""
    deck = _deck(tmp_path_factory.mktemp("named"), base, templates)
    questions = generate(deck, templates)
    for q in questions:
        assert not all(is_named_event(deck.fact(f)) for f in q.fact_ids), q.id


@settings(max_examples=15)
@given(fact_bases())
def test_a_declared_flag_overrides_detection(tmp_path_factory, templates, base):
    """``named_event: false`` asks a "War" like any event; ``named_event: true`` a plain one like a named one."""
    base["facts"].append(named_event_fact(90, "1950", "the {} War"))
    base["facts"][-1]["named_event"] = False
    plain = next(f for f in base["facts"] if f["kind"] == "event" and f["id"] != "event-90")
    plain["named_event"] = True
    deck = _deck(tmp_path_factory.mktemp("flag"), base, templates)
    questions = generate(deck, templates)
    asked = {q.fact_ids for q in questions}
    assert ("event-90",) in asked
    assert (plain["id"],) not in asked
