"""Derivations over any kind of fact that come from its quote: the asked span, for cloze."""

from __future__ import annotations

from ..cleantext import find_spans
from ..model import Deck
from .base import Answer, Derivation, Group


def _cloze_ok(g: Group, deck: Deck) -> bool:
    """A cloze needs its asked span exactly once in the corrected sentence."""
    f = g[0]
    if not f.asked:
        return False
    return len(find_spans(f.corrected(f.quote), f.corrected(f.asked), whole_words=True)) == 1


def asked_span(g: Group, deck: Deck) -> Answer:
    f = g[0]
    assert f.asked is not None
    return Answer(f.corrected(f.asked), working=f"The article: “{f.corrected(f.quote)}”")


DERIVATIONS = (Derivation("any", "asked", asked_span, applies=_cloze_ok),)
