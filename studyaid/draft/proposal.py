"""A proposed fact: what an extractor read in one sentence, waiting for a person's decision."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .text import Sentence

DEFAULT_TOPICS = {
    "share": "trade-shares",
    "amount": "trade-shares",
    "measure": "gauges",
    "event": "dates",
    "actor": "actors",
    "place": "places",
    "statement": "actors",
    "duration": "dates",
    "quantity": "gauges",
}
"""The topic each kind goes under until the teacher moves it."""

HEDGE_WORDS = {
    "up to": "up to",
    "an estimated": "estimated",
    "estimated": "estimated",
    "roughly": "roughly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "some": "about",
    "more than": "more than",
    "over": "more than",
    "at least": "at least",
    "reportedly": "reportedly",
}
"""The article's words for a hedge, and the deck's name for it."""
_HEDGE_BEFORE = re.compile(
    r"(?:\b(?P<hedge>up to|an estimated|estimated|roughly|about|around|approximately|more than|over|at least|"
    r"reportedly)\s+(?:a\s+|the\s+)?)$",
    re.I,
)
_ACCORDING = re.compile(r"^(?:According to|Citing)\s+(?:the\s+)?(?P<who>[^,“\"]{3,80}?)(?:\s+data)?\s*,", re.I)


@dataclass(frozen=True)
class Proposal:
    """One fact an extractor proposes, tied to the sentence that states it."""

    kind: str
    sentence: Sentence
    fields: Mapping[str, Any]
    """Kind-specific fields in deck form (``value``, ``unit``, ``name``...)."""
    asked: str | None
    """The span of the sentence that states the value, if it occurs there exactly once."""
    found_by: str
    """Which rule found it, and what the reviewer should check."""
    span: tuple[int, int] = (0, 0)
    """Offsets of the asked span within the sentence."""
    hedge: str | None = None
    attribution: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Working data for later passes (never written)."""

    @property
    def topic(self) -> str:
        return DEFAULT_TOPICS[self.kind]


def hedge_before(text: str, start: int) -> str | None:
    """The deck's hedge for words that stand right before offset ``start`` (``up to 50%``)."""
    match = _HEDGE_BEFORE.search(text[max(0, start - 30) : start])
    return HEDGE_WORDS[match["hedge"].casefold()] if match else None


def attribution_of(text: str) -> str | None:
    """``According to Russia's Federal Customs Service, ...`` -> who the sentence credits."""
    match = _ACCORDING.match(text)
    return " ".join(match["who"].split()) if match else None


def once(sentence: str, span: str) -> str | None:
    """``span`` as the asked text, when it occurs exactly once in the sentence (else no ``asked``)."""
    folded = " ".join(sentence.split()).casefold()
    needle = " ".join(span.split()).casefold()
    return " ".join(span.split()) if needle and folded.count(needle) == 1 else None
