"""The deck's facts found by the texts that stand for them in options, for the linter's rules."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property

from ..derive.event import date_label
from ..model import Deck, Fact
from ..phrasing import is_plural
from ..sorts import NAMED_KINDS, described, names_of

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


class Index:
    """The deck's facts found by the texts that stand for them in options."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.by_name: dict[str, list[Fact]] = defaultdict(list)
        self.by_described: dict[str, list[Fact]] = defaultdict(list)
        self.dates: dict[str, tuple[float, float]] = {}
        self.terms = frozenset(
            " ".join(n.split()).casefold().removeprefix("the ") for f in deck.facts for n in names_of(f)
        )
        """The deck's names, case-folded: "The standard gauge" opens on a term, not on a back-reference."""
        for f in deck.facts:
            for n in names_of(f):
                self.by_name[text_key(n)].append(f)
            if f.kind in NAMED_KINDS and described(f):
                self.by_described[text_key(described(f))].append(f)
            if f.kind == "event" and (d := f.event.date) is not None:  # an undated event has no span
                self.dates[text_key(d.label)] = (d.start, d.end)
                # As questions print it: "2007 and 2008", "the winter of 1919–1920".
                self.dates.setdefault(text_key(date_label(f)), (d.start, d.end))
                if d.year is not None:
                    self.dates.setdefault(str(d.year), (float(d.year), d.year + 1.0))

    @cached_property
    def plural_names(self) -> tuple[str, ...]:
        """Names of actors and places that take a plural verb ("the Houthi rebels are"), found
        once: the wording rule checks every prompt for them, and a deck can have 100,000 facts."""
        return tuple(
            str(f["name"])
            for f in self.deck.facts
            if f.kind in ("actor", "place") and is_plural(f["name"], str(f.get("actor_kind") or ""))
        )

    def named(self, text: str) -> list[Fact]:
        return self.by_name.get(text_key(text), [])

    def described_as(self, text: str) -> list[Fact]:
        return self.by_described.get(text_key(text), [])

    def span(self, text: str) -> tuple[float, float] | None:
        key = text_key(text)
        if key in self.dates:
            return self.dates[key]
        if re.fullmatch(r"\d{4}", key):
            return (float(key), float(key) + 1)
        return None


def text_key(text: str) -> str:
    return " ".join(text.casefold().split())
