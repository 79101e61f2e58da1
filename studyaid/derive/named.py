"""Derivations over named things (actors, places): the name from its description and the reverse,
and matching names to roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from ..cleantext import comparison_key
from ..describing import by_position
from ..model import Deck, Fact
from .base import Answer, Derivation, Group, each_fact_where


@cache
def _norm(s: str) -> str:
    return " ".join(comparison_key(s).replace("the ", "").split())


def name_and_description(kind: str, described: str) -> tuple[Derivation, Derivation]:
    """Two derivations for a named thing: its name given its description, and the reverse.

    A rival (another true answer) is a fact with the same description when asking for the name,
    and with the same name when asking for the description.
    """

    def answer_with(field: str) -> Callable[[Group, Deck], Answer]:
        def compute(g: Group, deck: Deck) -> Answer:
            f = g[0]
            return Answer(f[field], working=f"{f['name']}: {f[described]}.")

        return compute

    def same(field: str) -> Callable[[Group, Group], bool]:
        return lambda g, o: _norm(g[0][field]) == _norm(o[0][field])

    def describes(g: Group, deck: Deck) -> bool:
        # "the port named between Slavyanka and Vladivostok": a place in a list, not a description.
        return not by_position(str(g[0][described]))

    return (
        Derivation(
            kind,
            "name",
            answer_with("name"),
            rivals=same(described),
            # Not asked by such a description, but still a wrong name beside the other ports.
            groups=each_fact_where(lambda f: not by_position(str(f[described]))),
        ),
        Derivation(kind, described, answer_with(described), rivals=same("name"), applies=describes),
    )


def matching_groups(facts: Sequence[Fact], deck: Deck, size: int = 4) -> list[Group]:
    """Sets of four actors of one sort (persons with persons, states with states), each actor in
    one set at most, leaving out any actor whose description gives it away within the set (it
    echoes the actor's name) or names another actor of the set."""
    from ..alsotrue import rival_in_set
    from ..coherence import incoherent_set
    from ..sorts import coarse_sort, matching_giveaway

    by_sort: dict[str, list[Fact]] = {}
    for f in sorted((f for f in facts if not f.attribution and not f.hedge), key=lambda f: f.id):
        by_sort.setdefault(coarse_sort(f, deck), []).append(f)
    groups: list[Group] = []
    for sort in sorted(by_sort):
        left = list(by_sort[sort])
        while len(left) >= size:
            chosen: list[Fact] = []
            for f in left:
                fair = not matching_giveaway((*chosen, f)) and not rival_in_set((*chosen, f), deck)
                if fair and not incoherent_set((*chosen, f), deck):
                    chosen.append(f)
                if len(chosen) == size:
                    break
            if len(chosen) < size:
                break
            groups.append(tuple(chosen))
            left = [f for f in left if f not in chosen]
    return groups


def actor_matching(g: Group, deck: Deck) -> Answer:
    pairs = tuple((f.actor.name, f.actor.role) for f in g)
    return Answer(
        "; ".join(f"{n} — {r}" for n, r in pairs),
        working="; ".join(f"{n}: {r}" for n, r in pairs) + ".",
        sequence=tuple(n for n, _ in pairs),
        pairs=pairs,
    )


DERIVATIONS = (
    *name_and_description("actor", "role"),
    Derivation("actor", "matching", actor_matching, groups=matching_groups),
    *name_and_description("place", "description"),
    *name_and_description("thing", "definition"),
)
