"""The facts of a deck grouped by kind, the index generation walks template by template."""

from __future__ import annotations

from collections import defaultdict

from .model import Deck, Fact


def by_kind(deck: Deck) -> dict[str, list[Fact]]:
    """Facts grouped by kind, each group sorted by id (so YAML order never matters)."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in sorted(deck.facts, key=lambda f: f.id):
        groups[fact.kind].append(fact)
    return groups
