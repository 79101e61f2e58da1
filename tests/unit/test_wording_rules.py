"""Events asked with their verb, no trivial conversions, descriptions that say what a thing is, tense kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.derive.measure import by_power_of_ten
from studyaid.describing import by_position, misattached
from studyaid.eventclause import event_clause, participle
from studyaid.generate import generate
from studyaid.lint import lint
from studyaid.load import load_deck

from ..strategies import actor_fact, deck_dict, deck_yaml, event_fact, gauge_fact, place_fact


@pytest.mark.parametrize(
    ("what", "asked", "stated"),
    [
        (
            "President Trump's issuing of Executive Order 13810",
            "was Executive Order 13810 issued by President Trump",
            "Executive Order 13810 was issued by President Trump",
        ),
        (
            "the start of US sanctions against North Korea",
            "did US sanctions against North Korea begin",
            "US sanctions against North Korea began",
        ),
        (
            "Egypt's purchase of Scud-B missiles",
            "did Egypt purchase Scud-B missiles",
            "Egypt purchased Scud-B missiles",
        ),
        (
            "the addition of North Korea to the US list",
            "was North Korea added to the US list",
            "North Korea was added to the US list",
        ),
        ("the death of William S. Graves", "did William S. Graves die", "William S. Graves died"),
        (
            "the landing of General Graves and his troops in Vladivostok",
            "did General Graves and his troops land in Vladivostok",
            "General Graves and his troops landed in Vladivostok",
        ),
    ],
)
def test_an_event_named_by_a_gerund_or_its_start_is_asked_with_a_verb(what, asked, stated):
    """The clause a question asks with and the one a statement makes."""
    clause = event_clause(what)
    assert clause is not None and (clause.asked, clause.stated) == (asked, stated)


def test_a_noun_the_verb_table_lacks_is_kept():
    """'Hosni Mubarak's visits to Pyongyang' reads well as it is; an unknown gerund is read as done to its object."""
    assert event_clause("Hosni Mubarak's visits to Pyongyang") is None
    assert event_clause("the digging of the canal").asked == "was the canal dug"
    assert [participle(g) for g in ("taking", "halving", "stopping", "issuing", "filling")] == [
        "taken",
        "halved",
        "stopped",
        "issued",
        "filled",
    ]


@given(thing=st.sampled_from(["US sanctions", "the blockade of the port", "Namibia's payments"]))
@settings(max_examples=10)
def test_a_start_becomes_began_whatever_started(thing):
    """'the start of X' is always 'X began', never 'took place'."""
    clause = event_clause(f"the start of {thing}")
    assert clause is not None and clause.stated == f"{thing} began" and "take place" not in clause.asked


def test_questions_never_ask_the_taking_of_or_the_start_of(tmp_path, templates):
    """No question over gerund or start-of events asks 'when was the V-ing of' or says 'the start of … took place',
    and the linter agrees."""
    facts = [actor_fact(0, "person"), actor_fact(1, "person")]
    for i, what in enumerate(
        ["the start of trade number 1", "the issuing of decree number 2", "the start of talks number 3"]
    ):
        facts.append({**event_fact(i, str(2001 + 3 * i)), "what": what})
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    deck = load_deck(path, templates)
    questions = generate(deck, templates)
    asked = [q.prompt for q in questions if q.template_id.startswith("event-") and q.form != "ordering"]
    assert asked
    for prompt in asked:
        assert "start of" not in prompt or "years passed" in prompt, prompt
        assert "issuing of" not in prompt or "years passed" in prompt, prompt
    assert [w for w in lint(deck, questions) if "gerund" in w.message or "took place" in w.message] == []


@given(mm=st.integers(500, 2000))
@settings(max_examples=20)
def test_a_conversion_that_moves_the_point_is_no_question(tmp_path_factory, templates, mm):
    """Millimetres are never asked in centimetres; inches are still asked."""
    path = tmp_path_factory.mktemp("g") / "d.yaml"
    facts = [gauge_fact(1, mm, [mm + 50, mm - 50, mm + 100])]
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    templates_used = {q.template_id for q in generate(load_deck(path, templates), templates)}
    assert "measure-centimetres-numeric" not in templates_used
    assert "measure-inches-numeric" in templates_used
    assert by_power_of_ten(0.1) and by_power_of_ten(1000) and not by_power_of_ten(2.54)


def test_descriptions_by_position_or_with_a_misattached_clause_are_found():
    """A place in a list is no description; 'the Red Army that was trapped' says it of the Red Army."""
    assert by_position("the Russian port named between Slavyanka and Vladivostok among those shipping oil")
    assert not by_position("the Russian port near which the ESPO pipeline ends")
    assert misattached("the force brought in to fight the Red Army that was trapped") == "the Red Army that was"
    assert misattached("the force that had been brought in to fight the Red Army and was trapped") is None


def test_a_fact_described_by_position_gets_no_name_question_but_stays_a_wrong_name(tmp_path, templates):
    """No name or description question about the listed port; the other ports may still offer its name."""
    listed = {**place_fact(1), "description": "the port named between Port Bravo 2 and Port Cedar 3"}
    facts = [actor_fact(0, "person"), listed, *(place_fact(i) for i in range(2, 7))]
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    questions = generate(load_deck(path, templates), templates)
    about = {q.template_id for q in questions if q.fact_ids == ("place-1",)}
    assert not about & {"place-name-short", "place-name-choice", "place-description-choice"}
    assert any(listed["name"] in (q.options or ()) for q in questions if q.template_id == "place-name-choice")


def _amount(tmp_path, templates, **fields):
    fact = {
        "id": "amount-x",
        "kind": "amount",
        "topic": "trade-shares",
        "value": 20,
        "unit": "year",
        "asked": "twenty years",
        **fields,
    }
    facts = [actor_fact(0, "person"), fact]
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck_dict(facts, seed=1)), encoding="utf-8")
    deck = load_deck(path, templates)
    questions = generate(deck, templates)
    return questions, lint(deck, questions)


def test_the_subjects_tense_follows_the_quote(tmp_path, templates):
    """A subject in the past perfect where the article has the present perfect is reported; in the
    present perfect it is asked with 'is'."""
    quote = "A scheme to join the ports has been in place for twenty years."
    _, warnings = _amount(tmp_path, templates, subject="the time a scheme had been in place", quote=quote)
    assert any("'had been' where the article says 'has been'" in w.message for w in warnings)
    questions, warnings = _amount(tmp_path, templates, subject="the time a scheme has been in place", quote=quote)
    assert not [w for w in warnings if "had been" in w.message]
    assert any(q.prompt.startswith("According to the article, what is the time") for q in questions)


def test_a_cloze_does_not_repeat_the_attribution_its_sentence_gives(tmp_path, templates):
    """The sentence says 'According to the Harbour Office', so the cloze is not framed with it again."""
    quote = "According to the Harbour Office, the scheme has run for twenty years."
    questions, warnings = _amount(
        tmp_path, templates, subject="the time the scheme has run", quote=quote, attribution="the Harbour Office"
    )
    cloze = next(q for q in questions if q.form == "cloze")
    assert "which reports what" not in cloze.prompt
    assert [w for w in warnings if w.code == "attribution"] == []
