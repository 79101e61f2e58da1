"""Wording the review of #11 found: present figures asked in the present, one sentence shown once."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyaid.generate import generate
from studyaid.load import load_deck

from ..strategies import actor_fact, deck_dict, deck_yaml, distance_fact, place_fact, share_fact


def _load(tmp_path: Path, facts, templates):
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    return load_deck(path, templates)


@given(opening=st.sampled_from(["Now", "Today", "Currently"]), miles=st.integers(2, 900))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_figure_the_article_says_holds_now_is_asked_in_the_present(tmp_path, templates, opening, miles):
    """A quote opening on "Now", "Today" or "Currently" states what holds at the article's writing:
    no question about it asks what the figure "was"."""
    fact = {
        **distance_fact(0, miles),
        "quote": f"{opening} the ferry route is {miles} miles long.",
        "asked": f"{miles} miles",
    }
    questions = [q for q in generate(_load(tmp_path, [fact, place_fact(1)], templates), templates) if q.form != "cloze"]
    assert questions
    for q in questions:
        assert " was " not in f" {q.prompt} ", q.prompt
        assert " is " in f" {q.prompt} ", q.prompt


def test_shares_of_one_sentence_show_it_and_its_source_once(tmp_path, templates):
    """A remainder over three shares quoted from one sentence with one attribution says the
    attribution once in its explanation, and its joined quote gives the sentence once."""
    sentence = "Country 1 held 10%, Country 2 held 20% and Country 3 held 30% of the trade of Land 1."
    facts = [
        {**share_fact(i, v, 1), "quote": sentence, "asked": f"{v:g}%", "attribution": "the customs office"}
        for i, v in ((1, 10.0), (2, 20.0), (3, 30.0))
    ]
    deck = _load(tmp_path, [*facts, place_fact(4)], templates)
    rest = next(q for q in generate(deck, templates) if q.template_id == "share-remainder-numeric")
    assert rest.explanation.count("the customs office") == 1
    assert rest.quote == sentence
    assert len(rest.sources) == 3


@given(year=st.integers(1900, 2020))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_description_dated_where_its_sentence_is_not_is_linted(tmp_path, templates, year):
    """Every question asking an actor by a description that gives a year its source sentence does
    not say gets a ``source`` warning; the sentence that does say it silences them all."""
    from studyaid.lint import lint

    role = f"the army that took Port Alpha in {year}"
    elsewhere = {**actor_fact(0, "group"), "role": role, "quote": "Agent 0 fought Agent 1."}
    deck = _load(tmp_path, [elsewhere, actor_fact(1, "group")], templates)
    by_role = [q for q in generate(deck, templates) if "actor-0" in q.fact_ids and q.form != "cloze"]
    assert by_role
    warned = {w.question.id for w in lint(deck, by_role) if w.code == "source"}
    assert warned == {q.id for q in by_role}
    supported = {**elsewhere, "quote": f"Agent 0 took Port Alpha in {year}."}
    deck = _load(tmp_path, [supported, actor_fact(1, "group")], templates)
    assert [w for w in lint(deck, generate(deck, templates)) if w.code == "source"] == []


def test_year_gaps_are_only_asked_between_events_a_year_apart(article_deck, article_questions):
    """No years-between question pairs events months apart ("late 2012" and "early 2013"): read at
    their middles, the later event comes at least a year after the earlier."""
    from studyaid.derive.event import date_of

    gaps = [q for q in article_questions if q.template_id == "event-years-between"]
    assert gaps
    for q in gaps:
        a, b = (date_of(article_deck.fact(f)) for f in q.fact_ids)
        assert (b.start + b.end) / 2 - (a.start + a.end) / 2 >= 1 - 1e-9, q.id


@given(months=st.integers(1, 11), year=st.integers(1950, 2020))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_two_related_events_months_apart_get_no_year_gap(tmp_path, templates, months, year):
    """Two events of one actor less than a year apart across a new year make no year-gap question."""
    from ..strategies import event_fact

    first = {**event_fact(0, f"{year}-{12 - months + 1:02d}"), "actors": ["actor-0"]}
    second = {**event_fact(1, f"{year + 1}-{min(12 - months, 11) or 1:02d}"), "actors": ["actor-0"]}
    deck = _load(tmp_path, [first, second, actor_fact(0, "person"), actor_fact(1, "person")], templates)
    assert [q.id for q in generate(deck, templates) if q.template_id == "event-years-between"] == []


@given(name=st.sampled_from(["a Harbour Board frigate", "an Agent of Land 3", "the new southern corridor"]))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_description_in_a_name_field_is_never_asked_as_a_name(tmp_path, templates, name):
    """An actor the article leaves unnamed ("a Royal Navy frigate", "the new southern transport
    corridor") gets no question asking for its name; a proper name still does."""
    unnamed = {**actor_fact(0, "group"), "name": name, "quote": f"{name[0].upper()}{name[1:]} had a duty."}
    deck = _load(tmp_path, [unnamed, *(actor_fact(i, "group") for i in range(1, 5))], templates)
    answers = {q.template_id for q in generate(deck, templates) if q.fact_ids == ("actor-0",)}
    assert not answers & {"actor-name-short", "actor-name-choice"}
    assert "actor-name-short" in {q.template_id for q in generate(deck, templates) if q.fact_ids == ("actor-1",)}
