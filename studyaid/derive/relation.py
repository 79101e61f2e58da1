"""Derivations over relations: where a route leads and via where, who is a member, who owns what.

A route's other end and its stops, a membership's member and an ownership's owner are names; the
wrong options are other names of the same sort in the deck (places for routes, actors for
members and owners) that the deck does not relate the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Deck, Fact
from ..wording import join_names
from .base import Answer, Derivation, Group


def _norm(s: str) -> str:
    return " ".join(s.casefold().removeprefix("the ").split())


def _is(relation: str) -> Callable[[Group, Deck], bool]:
    return lambda g, deck: g[0].relation.relation == relation


def _route_to(g: Group, deck: Deck) -> Answer:
    r = g[0].relation
    assert r.to is not None  # the rules give every route its ends (schema.RELATION_FIELDS)
    via = f" via {join_names(r.via)}" if r.via else ""
    return Answer(r.to, working=f"{r.subject} links {r.from_} with {r.to}{via}.")


def _route_via(g: Group, deck: Deck) -> Answer:
    r = g[0].relation
    via = join_names(r.via or ())
    return Answer(via, working=f"{r.subject} links {r.from_} with {r.to} via {via}.")


def _related(f: Fact) -> set[str]:
    """Every name a relation fact mentions: none of them is a safe wrong answer for it."""
    names = [f.relation.subject, f.relation.object, f.relation.from_, f.relation.to, *(f.relation.via or ())]
    return {_norm(n) for n in names if n}


def _names_of(kinds: tuple[str, ...]) -> Callable[[Group, Deck], Iterable[Answer]]:
    """Names of the deck's facts of these kinds that the relations of the same subject or object
    never mention (so a member of another group is never offered as a non-member)."""

    def pool(g: Group, deck: Deck) -> Iterable[Answer]:
        f = g[0]
        taken = set(_related(f))
        for other in deck.facts:
            if other.kind == "relation" and other.relation.relation == f.relation.relation:
                same = {
                    _norm(other.relation.subject),
                    _norm(other.relation.object or ""),
                    _norm(other.relation.from_ or ""),
                }
                if same & {_norm(f.relation.subject), _norm(f.relation.object or ""), _norm(f.relation.from_ or "")}:
                    taken |= _related(other)
        for other in sorted(deck.facts, key=lambda o: o.id):
            if other.kind in kinds and _norm(other.get("name")) not in taken:
                yield Answer(other.get("name"))

    return pool


def _same_question(fields: tuple[str, ...]) -> Callable[[Group, Group], bool]:
    """Another relation of the same sort with the same given fields answers the question too."""
    return lambda g, o: (
        o[0].relation.relation == g[0].relation.relation
        and all(_norm(str(g[0].get(k) or "")) == _norm(str(o[0].get(k) or "")) for k in fields)
    )


def _holder(relation: str, name: str, verb: str) -> Derivation:
    """Who stands in ``relation`` to its object ("X is a member of Y", "X owns Y"); other actors are wrong."""

    def compute(g: Group, deck: Deck) -> Answer:
        r = g[0].relation
        return Answer(r.subject, working=f"{r.subject} {verb} {r.object}.")

    return Derivation(
        "relation", name, compute, applies=_is(relation), rivals=_same_question(("object",)), pool=_names_of(("actor",))
    )


DERIVATIONS = (
    Derivation(
        "relation",
        "route_to",
        _route_to,
        applies=_is("route"),
        rivals=_same_question(("subject", "from")),
        pool=_names_of(("place",)),
    ),
    Derivation(
        "relation",
        "route_via",
        _route_via,
        applies=lambda g, d: g[0].relation.relation == "route" and bool(g[0].relation.via),
        rivals=_same_question(("subject", "from", "to")),
        pool=_names_of(("place",)),
    ),
    _holder("membership", "member", "is a member of"),
    _holder("ownership", "owner", "owns"),
)
