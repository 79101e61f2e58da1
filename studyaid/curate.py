"""The curated Anki deck: the best notes of every fact, few enough that a learner keeps going.

A deck of every question the templates can make (four or more notes per fact, year gaps between
events, the same figure asked five ways) is a deck learners abandon. The curated deck keeps, in
rounds over the facts:

1. every fact's best note (by ``quality`` score), so every fact, and with it every topic, stays;
2. then a second, then a third note per fact, each in a form the fact does not have yet (a
   cloze beside a short answer, not two choice questions) and scoring at least ``MIN_SCORE``
   (derived trivia and questions with linter warnings score below it);

and never more than ``NOTES_PER_FACT`` notes per fact on average. The second and third rounds
never put a fact in more than ``MAX_PER_FACT`` notes (the first may, to keep every fact). Facts
are visited most important first (named in the most other facts' sentences), then in the deck
file's order, so when the budget runs out it is the minor facts that get fewer notes. The result
depends on nothing but the deck and its notes: the same input gives the same deck.

A unit of choice is one Anki note (the cloze questions on one sentence are one note), so a note
is kept or left out whole and its content, hash and GUID are the same in the curated deck and the
whole bank. The whole bank stays everywhere else: ``studyaid anki --all``, the ``questions``
JSON and the quiz (which draws its own spread of questions from every question).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import Deck, Question
from .quality import Scorer

NOTES_PER_FACT = 2.5
"""Notes per fact the curated deck holds on average, at most (the issue asks for at most 3)."""
MAX_PER_FACT = 3
"""Most notes one fact is in, once every fact has one."""
MIN_SCORE = 1.5
"""Least score of a fact's second or third note: a clean question in a form of its own. A derived
figure (-1) or a linter warning (-3) falls below it."""


def curate(
    deck: Deck,
    units: Sequence[Sequence[Question]],
    scorer: Scorer | None = None,
    per_fact: float = NOTES_PER_FACT,
) -> list[int]:
    """The indices of the units (notes, each the questions it holds) the curated deck keeps, in order."""
    scorer = scorer or Scorer(deck)
    facts_of = [tuple(dict.fromkeys(f for q in unit for f in q.fact_ids)) for unit in units]
    forms_of = [frozenset(q.form for q in unit) for unit in units]
    by_fact: dict[str, list[int]] = defaultdict(list)
    for i, facts in enumerate(facts_of):
        for f in facts:
            by_fact[f].append(i)
    position = deck.positions
    order = sorted(by_fact, key=lambda f: (-scorer.mentions.get(f, 0), position.get(f, math.inf), f))
    budget = math.floor(per_fact * len(by_fact))

    bound_cache: dict[int, float] = {}
    score_cache: dict[int, float] = {}

    def bound(i: int) -> float:  # the unit's score without the linter: never below its full score
        if i not in bound_cache:
            bound_cache[i] = sum(scorer.base(q).value for q in units[i]) / len(units[i])
        return bound_cache[i]

    def score(i: int) -> float:
        if i not in score_cache:
            score_cache[i] = sum(scorer.score(q).value for q in units[i]) / len(units[i])
        return score_cache[i]

    chosen: set[int] = set()
    tally: Counter[str] = Counter()
    forms: dict[str, set[str]] = defaultdict(set)

    def best(fact: str, first: bool) -> int | None:
        """The fact's best unit that may join: linted lazily, best bound first, until no unlinted
        unit could beat the best one found."""
        candidates = [
            i
            for i in by_fact[fact]
            if i not in chosen
            and (first or (forms_of[i] - forms[fact] and all(tally[g] < MAX_PER_FACT for g in facts_of[i])))
        ]
        candidates.sort(key=lambda i: (-bound(i), i))
        found: int | None = None
        for i in candidates:
            if found is not None and bound(i) < score(found):
                break
            if found is None or (score(i), -i) > (score(found), -found):
                found = i
        if found is None or (not first and score(found) < MIN_SCORE):
            return None
        return found

    for round_ in range(1, MAX_PER_FACT + 1):
        for fact in order:
            if len(chosen) >= budget:
                break
            if tally[fact] >= round_:
                continue
            pick = best(fact, round_ == 1)
            if pick is None:
                continue
            chosen.add(pick)
            for g in facts_of[pick]:
                tally[g] += 1
                forms[g] |= forms_of[pick]
    return sorted(chosen)
