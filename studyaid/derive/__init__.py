"""Answers computed from facts, never typed twice: one module per fact kind, one registry.

Each kind module lists its derivations in a ``DERIVATIONS`` tuple; ``MODULES`` below names those
modules, and the registry is built from them and nothing else. A new kind of fact is one module
and one entry in ``MODULES``; a new derivation is one entry in its module's tuple. ``kind="any"``
derivations (``quote``) apply to facts of every kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from . import amount, event, measure, named, quantity, quote, relation, share, statement
from .amount import amount_text, hedged_by
from .base import Answer, Derivation, Group, significant_places
from .event import date_label
from .share import share_groups, share_text, share_worth, whole_of

MODULES = (share, amount, quantity, measure, event, statement, named, relation, quote)
"""The modules whose ``DERIVATIONS`` make up the registry."""


def _registry() -> Mapping[tuple[str, str], Derivation]:
    found: dict[tuple[str, str], Derivation] = {}
    for module in MODULES:
        for d in module.DERIVATIONS:
            if (d.kind, d.name) in found:
                raise RuntimeError(f"derivation {d.kind}/{d.name} is defined twice")
            found[(d.kind, d.name)] = d
    return MappingProxyType(found)


DERIVATIONS = _registry()
"""Every derivation by (fact kind, name)."""


def lookup(kind: str, name: str) -> Derivation:
    """The derivation ``name`` for facts of ``kind``; KeyError when there is none."""
    return DERIVATIONS[(kind, name)] if (kind, name) in DERIVATIONS else DERIVATIONS[("any", name)]


def names_for(kind: str) -> list[str]:
    """Derivation names a template over ``kind`` may use."""
    return sorted(n for k, n in DERIVATIONS if k in (kind, "any"))


__all__ = [
    "DERIVATIONS",
    "MODULES",
    "Answer",
    "Derivation",
    "Group",
    "amount_text",
    "date_label",
    "hedged_by",
    "share_text",
    "share_worth",
    "lookup",
    "names_for",
    "share_groups",
    "significant_places",
    "whole_of",
]
