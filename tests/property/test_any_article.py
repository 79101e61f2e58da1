"""Any article: the newer kinds, stages, hedges, dates and topics over generated fact bases, and
every generic invariant over every fixture deck (mini, health, history)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.dates import parse_date
from studyaid.derive.share import rounding_slack, share_total
from studyaid.export.briefing import briefing_record
from studyaid.generate import generate, hedge_note
from studyaid.load import load_deck
from studyaid.units import convert
from studyaid.wording import format_amount

from ..conftest import FIXTURE_DECKS
from ..strategies import any_article_fact_bases, deck_yaml
from .test_generation_properties import assert_computed, assert_well_formed

PAST_WORDS = re.compile(r"\b(what was|did .* take place|took place)\b")


def _load(tmp: Path, deck: dict, templates):
    path = tmp / "any.yaml"
    path.write_text(deck_yaml(deck), encoding="utf-8")
    return load_deck(path, templates)


def assert_article_promises(questions, deck) -> None:
    """What the newer model promises in every question: hedges carried, tense from the stage,
    no date questions for undated events, nothing computed from a date the article lacks."""
    facts = deck.facts_by_id
    for q in questions:
        group = [facts[i] for i in q.fact_ids]
        for f in group:
            for word in f.hedges:
                assert hedge_note(word) in q.prompt, (q.id, word)
            if f.kind == "event" and f.get("date") is None:
                assert q.template_id.startswith("cloze") or "date" not in q.template_id, q.id
                assert "year" not in q.template_id, q.id
        first = group[0]
        if first.stage in ("planned", "expected") and first.kind in ("event", "quantity", "duration", "amount"):
            assert not PAST_WORDS.search(q.prompt), (q.id, q.prompt)
        if q.template_id == "event-years-before-article":
            assert deck.source_of(first).date is not None
            assert first.stage in ("happened", "ongoing")
        assert q.topic in deck.topic_ids


@given(deck=any_article_fact_bases())
@settings(max_examples=30)
def test_any_article_fact_bases_give_well_formed_questions(tmp_path_factory, templates, deck):
    """Decks of the newer kinds load and give well-formed questions that keep the model's promises."""
    loaded = _load(tmp_path_factory.mktemp("any"), deck, templates)
    questions = generate(loaded, templates)
    kinds = {loaded.fact(i).kind for q in questions for i in q.fact_ids}
    assert {"quantity", "duration", "statement", "thing", "relation"} <= kinds
    assert_well_formed(questions, loaded)
    assert_computed(questions, loaded)
    assert_article_promises(questions, loaded)
    for q in questions:
        f = loaded.fact(q.fact_ids[0])
        if f.kind in ("quantity", "duration") and q.template_id.endswith("-value-numeric"):
            assert q.numeric.value == f["value"], q.id
        if q.template_id == "quantity-metric-numeric":
            expected = convert(f["value"], f["unit"], "kilometer / hour")
            assert abs(q.numeric.value - expected) <= q.numeric.tolerance + 1e-9, q.id
        if f.kind == "quantity" and q.template_id == "quantity-stated-true-false" and q.answer == "True":
            assert format_amount(f["value"], f["unit"], value_max=f.get("value_max")) in q.prompt


@given(deck=any_article_fact_bases())
@settings(max_examples=15)
def test_equal_shares_leave_no_rest_within_rounding(tmp_path_factory, templates, deck):
    """Parts holding one share each count once per part; a rest is asked and drawn only when it
    is more than the article's rounding, and then equals 100% minus every part."""
    loaded = _load(tmp_path_factory.mktemp("eq"), deck, templates)
    shares = [f for f in loaded.facts if f.kind == "share"]
    total, slack = share_total(shares), rounding_slack(shares)
    rests = [q for q in generate(loaded, templates) if q.template_id == "share-remainder-numeric"]
    bars = [b for chart in briefing_record(loaded)["shares"] for b in chart["bars"]]
    assert len([b for b in bars if b["kind"] == "stated"]) == len(shares[0]["parts"])
    if 100 - total > slack:
        # A rest equal to the stated share is dropped as a giveaway (the prompt prints it).
        assert rests or round(100 - total, 1) == shares[0]["value"]
        assert all(abs(q.numeric.value - (100 - total)) < 0.051 for q in rests)
        assert any(b["kind"] == "rest" for b in bars)
    else:
        assert not rests and not any(b["kind"] == "rest" for b in bars)


@pytest.mark.parametrize("path", FIXTURE_DECKS, ids=lambda p: p.stem)
@given(seed=st.integers(0, 2**32))
@settings(max_examples=8)
def test_every_fixture_deck_keeps_every_invariant(templates, path, seed):
    """Every fixture article, whatever the seed, gives well-formed, computed questions that carry
    their hedges and take their tense from the facts' stage."""
    deck = load_deck(path, templates)
    questions = generate(deck, templates, seed)
    assert questions
    assert_well_formed(questions, deck)
    assert_computed(questions, deck)
    assert_article_promises(questions, deck)


@given(n=st.integers(1, 30), part=st.sampled_from(["", "early ", "mid ", "late "]))
def test_centuries_span_their_hundred_years(n, part):
    """The Nth century covers (N-1)00 to N00; its early, mid and late thirds nest inside it."""
    whole = parse_date(f"{n}th century" if n > 3 else f"{n}{['st', 'nd', 'rd'][n - 1]} century")
    date = parse_date(f"{part}{n}{'th' if n > 3 else ['st', 'nd', 'rd'][n - 1]} century")
    assert (whole.start, whole.end) == ((n - 1) * 100, n * 100)
    assert whole.start <= date.start < date.end <= whole.end
    assert date.year is None and "century" in date.label


@given(
    day=st.dates(min_value=__import__("datetime").date(1900, 1, 1)),
    phrase=st.sampled_from(["later this year", "earlier this year", "this year", "next year", "last year"]),
)
def test_relative_dates_resolve_against_the_article(day, phrase):
    """Dates relative to the article fall in the right year; "later this year" starts at the
    article's date and "earlier this year" ends there."""
    date = parse_date(phrase, day.isoformat())
    year = {"next year": day.year + 1, "last year": day.year - 1}.get(phrase, day.year)
    assert date.year == year and year <= date.start < date.end <= year + 1
    if phrase == "later this year":
        assert date.start >= day.year + (day.timetuple().tm_yday - 1) / 366 - 1e-9
    if phrase == "earlier this year":
        assert date.end <= day.year + day.timetuple().tm_yday / 366


@given(season=st.sampled_from(["spring", "summer", "autumn", "winter"]), year=st.integers(1000, 2100))
def test_seasons_are_three_months(season, year):
    """A season lasts a quarter of a year; winter runs into the next year, so it has no single year."""
    date = parse_date(f"{season} {year}")
    assert abs((date.end - date.start) - 0.25) < 1e-9
    assert date.year == (None if season == "winter" else year)
