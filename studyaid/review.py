"""Which facts of a deck an output may use: confirmed ones, and proposals only when asked.

``studyaid draft`` writes facts with ``status: proposed``; a person confirms or rejects each.
Every command that makes study material works on ``usable(deck)``, so a proposal never reaches
a card, a quiz or a briefing unless the command was given ``--include-proposed``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .model import Deck


def usable(deck: Deck, include_proposed: bool = False) -> Deck:
    """The deck with only the facts an output may use: confirmed, plus proposed if asked."""
    allowed = {"confirmed", "proposed"} if include_proposed else {"confirmed"}
    kept = tuple(f for f in deck.facts if f.status in allowed)
    return deck if len(kept) == len(deck.facts) else replace(deck, facts=kept)


def statuses(deck: Deck) -> Counter[str]:
    """How many facts of the deck are proposed, confirmed and rejected."""
    return Counter(f.status for f in deck.facts)
