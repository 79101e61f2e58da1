"""What every derivation is made of: the computed ``Answer`` and the ``Derivation`` record itself.

A derivation says which facts form one question (one fact, a neighbouring pair, a group),
computes the answer from them, and says which other answers would also be true, so that
distractors drawn from the fact base are provably wrong.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from ..model import Deck, Fact
from ..wording import format_number

Group = tuple[Fact, ...]


@dataclass(frozen=True)
class Answer:
    """A computed answer: its text, and its number when it has one."""

    text: str
    number: float | None = None
    unit: str = ""
    """Words for what ``number`` counts, for numeric questions."""
    places: int = 0
    """Decimal places the answer is given to; numeric tolerance defaults to half a step."""
    working: str = ""
    """How the answer follows from the facts, for the explanation."""
    span: tuple[float, float] | None = None
    """For dates: the span of time, so overlapping dates count as the same answer."""
    sequence: tuple[str, ...] = ()
    """Ordering and matching: the items (ordering) or left column (matching)."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Matching: each item with its right answer."""
    hedged: str = ""
    """A derived figure with every hedge of the facts it uses ("up to roughly $300 million")."""

    @cached_property
    def key(self) -> str:
        """What two answers are compared by: equal keys are the same answer."""
        if self.number is not None:
            return format_number(self.number, self.places)
        return " ".join(self.text.casefold().split())


def each_fact(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """The default grouping: one question per fact."""
    return [(f,) for f in facts]


def each_fact_where(keep: Callable[[Fact], bool]) -> Callable[[Sequence[Fact], Deck], list[Group]]:
    """One question per fact that ``keep`` accepts; the others are not asked about but stay
    candidates for wrong answers (the grouping still counts as one fact per question)."""

    def groups(facts: Sequence[Fact], deck: Deck) -> list[Group]:
        return [(f,) for f in facts if keep(f)]

    groups.one_per_fact = True  # type: ignore[attr-defined]  # read by Derivation.per_fact
    return groups


def always(g: Group, deck: Deck) -> bool:
    """The default ``applies``: every group can be asked about."""
    return True


def no_rivals(g: Group, o: Group) -> bool:
    """The default ``rivals``: no other group's answer is also true."""
    return False


def no_pool(g: Group, deck: Deck) -> Iterable[Answer]:
    """The default ``pool``: no wrong answers beyond other facts'."""
    return ()


@dataclass(frozen=True)
class Derivation:
    """One way to compute an answer from facts of a kind."""

    kind: str
    name: str
    compute: Callable[[Group, Deck], Answer]
    groups: Callable[[Sequence[Fact], Deck], list[Group]] = each_fact
    applies: Callable[[Group, Deck], bool] = always
    rivals: Callable[[Group, Group], bool] = no_rivals
    """True when ``o`` answers the same question as ``g`` (so its answer is also true)."""
    pool: Callable[[Group, Deck], Iterable[Answer]] = no_pool
    """Extra wrong answers beyond other facts', e.g. a measure's foils."""
    numeric: bool = False

    @property
    def per_fact(self) -> bool:
        """Whether each question rests on one fact (so other facts' answers can be distractors)."""
        return self.groups is each_fact or getattr(self.groups, "one_per_fact", False)


T = TypeVar("T")


def per_deck(build: Callable[[Deck], T]) -> Callable[[Deck], T]:
    """``build(deck)`` computed once per deck object and forgotten with it.

    For indexes a derivation needs on every call (counts over the whole deck): a deck is
    immutable, so the result never goes stale, and the deck itself stays free of caches. Keyed
    by identity because a deck (holding read-only mappings) is not hashable.
    """
    results: dict[int, T] = {}

    def cached(deck: Deck) -> T:
        key = id(deck)
        if key not in results:
            results[key] = build(deck)
            weakref.finalize(deck, results.pop, key, None)
        return results[key]

    return cached


def significant_places(value: float, figures: int = 2) -> int:
    """Decimal places that keep at least ``figures`` significant figures (and at least one place)."""
    if value <= 0:
        return 1
    return max(1, figures - 1 - math.floor(math.log10(value)))
