"""Invariants of quiz planning (selection, shuffling, lettering), without rendering anything."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.errors import InputError
from studyaid.model import TOPICS
from studyaid.quizplan import plan_quiz, version_code
from studyaid.quizselect import conflicts, footprint


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**9), count=st.integers(1, 20), versions=st.integers(1, 6))
def test_versions_share_one_conflict_free_selection(mini_deck, mini_questions, seed, count, versions):
    """Every version is a reordering of one selection in which no two questions share a fact,
    and every option list is a reordering of the generator's options."""
    plan = plan_quiz(mini_deck, mini_questions, versions=versions, count=count, seed=seed)
    assert len(plan.selected) == count
    prints = [footprint(mini_deck, q) for q in plan.selected]
    assert sum(len(p) for p in prints) == len(set().union(*prints))
    marks = conflicts(mini_deck, list(plan.selected))
    assert not any(marks), "no question can give another away"
    for version in plan.versions:
        assert sorted(pq.question.id for pq in version.questions) == sorted(q.id for q in plan.selected)
        assert [pq.number for pq in version.questions] == list(range(1, count + 1))
        for pq in version.questions:
            q = pq.question
            if q.form in ("choice", "matching"):
                assert sorted(pq.options) == sorted(q.options)
            if q.form in ("ordering", "matching"):
                assert sorted(pq.items) == sorted(q.items)


def test_selection_is_balanced_over_topics_and_forms(mini_deck, mini_questions):
    """Ten questions from five topics are two per topic, and no form is used twice as often as another."""
    plan = plan_quiz(mini_deck, mini_questions, versions=1, count=10, seed=3)
    assert Counter(q.topic for q in plan.selected) == dict.fromkeys(TOPICS, 2)
    forms = Counter(q.form for q in plan.selected)
    assert max(forms.values()) - min(forms.values()) <= 1


def test_topics_and_forms_restrict_the_selection(mini_deck, mini_questions):
    """Only the chosen topics and forms are drawn from."""
    plan = plan_quiz(
        mini_deck, mini_questions, versions=2, count=4, seed=1, topics=("gauges", "dates"), forms=("numeric", "short")
    )
    assert {q.topic for q in plan.selected} <= {"gauges", "dates"}
    assert {q.form for q in plan.selected} <= {"numeric", "short"}
    assert plan.topics == ("gauges", "dates")


def test_the_same_seed_gives_the_same_plan(mini_deck, mini_questions):
    """Planning is a function of its input and seed."""

    def plan(seed: int):
        return plan_quiz(mini_deck, mini_questions, versions=3, count=12, seed=seed)

    assert plan(9) == plan(9)
    assert plan(9) != plan(10)


def test_correct_marks_point_at_the_generator_answer(mini_deck, mini_questions):
    """A version's correct letter names the generator's correct option after re-lettering."""
    plan = plan_quiz(mini_deck, mini_questions, versions=5, count=20, seed=4)
    for version in plan.versions:
        for pq in version.questions:
            q = pq.question
            if q.form == "choice":
                assert pq.options[pq.letters.index(pq.correct[0])] == q.options[q.key[0]]
            if q.form == "true-false":
                assert pq.options[pq.letters.index(pq.correct[0])] == q.answer


def test_unknown_topics_and_bad_counts_are_reported_together(mini_deck, mini_questions):
    """Every invalid option is named at once, each with its flag."""
    with pytest.raises(InputError) as caught:
        plan_quiz(mini_deck, mini_questions, versions=0, count=0, seed=1, topics=("weather",), forms=("essay",))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("--count", "expected at least 1 question, got 0"),
        (
            "--forms",
            "unknown form 'essay' (expected one of choice, true-false, numeric, short, cloze, ordering, matching)",
        ),
        ("--topics", "unknown topic 'weather' (expected one of trade-shares, gauges, dates, actors, places)"),
        ("--versions", "expected at least 1 version, got 0"),
    ]


def test_version_codes_are_letters_then_pairs():
    """Codes run A to Z, then AA, AB...: short enough for any footer."""
    assert [version_code(i) for i in (0, 1, 25, 26, 27, 199)] == ["A", "B", "Z", "AA", "AB", "GR"]


def test_large_pools_are_sampled_evenly_and_reproducibly(mini_questions):
    """A pool larger than CANDIDATES is cut to CANDIDATES questions, every (topic, form) kept, same seed same cut."""
    from dataclasses import replace

    from studyaid import quizselect

    big = [replace(q, id=f"{q.id}#{n}") for n in range(20) for q in mini_questions]
    assert len(big) > quizselect.CANDIDATES
    cut = quizselect.candidates(big, seed=5)
    assert len(cut) == quizselect.CANDIDATES
    assert {(q.topic, q.form) for q in cut} == {(q.topic, q.form) for q in big}
    assert [q.id for q in cut] == [q.id for q in quizselect.candidates(big, seed=5)]
    assert [q.id for q in cut] == [q.id for q in big if q in cut], "pool order is kept"
