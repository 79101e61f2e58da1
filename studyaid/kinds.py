"""The typed fields of each fact kind, as the loader leaves them: a share's part and whole, an event's date.

Code that knows a fact's kind reads them as attributes (``fact.share.whole``), so mypy checks the
name and the type. Templates and the field-naming parts of deck files (``requires``, the linter's
field rules) name fields as text: ``Fields.get`` serves them, with the deck file's own names
(a relation's ``from`` is the attribute ``from_``). What each field may hold and which are required
is the loader's business (``schema.KIND_FIELDS``); a field the deck leaves out is ``None`` here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .dates import FuzzyDate


@dataclass(frozen=True, kw_only=True)
class Fields:
    """What facts of every kind may carry among their own fields."""

    also_true: tuple[str, ...] | None = None
    """What else the article says is true of the fact: never offered as a wrong answer."""
    sort: str | None = None
    """The fact's fine sort, when the one derived from its kind is too coarse."""

    def get(self, name: str, default: Any = None) -> Any:
        """A field by its deck-file name, or ``default`` when the fact does not set it."""
        value = getattr(self, _ATTRIBUTE.get(name, name)) if name in _KNOWN[type(self)] else None
        return default if value is None else value

    def items(self) -> Iterator[tuple[str, Any]]:
        """The fields the fact sets, by deck-file name, kind fields first."""
        for name in self.names():
            value = getattr(self, _ATTRIBUTE.get(name, name))
            if value is not None:
                yield name, value

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every field name of this kind as deck files write it, kind fields first."""
        return _NAMES[cls]


_ATTRIBUTE = {"from": "from_"}
"""Deck-file names that are Python keywords, and their attribute names."""
_COMMON = ("also_true", "sort")


@dataclass(frozen=True, kw_only=True)
class Share(Fields):
    """A part's share of a whole, in per cent."""

    part: str
    """The part, or the parts joined (``A, B and C``) when several each hold the share."""
    parts: tuple[str, ...] | None = None
    """Several parts that each hold the share."""
    whole: str
    value: float
    when: str | None = None
    of: str | None = None
    """Id of the amount the whole is, when the deck states it."""


@dataclass(frozen=True, kw_only=True)
class Figure(Fields):
    """A stated figure: an amount of money or things, a quantity in a unit, a duration."""

    subject: str
    value: float
    value_max: float | None = None
    """The top of a range (``200,000-300,000 tons``)."""
    scale: str | None = None
    noun: str | None = None
    when: str | None = None
    stage: str | None = None
    unit: str


@dataclass(frozen=True, kw_only=True)
class Amount(Figure):
    """Money or a count."""

    parts: tuple[str, ...] | None = None
    """Ids of the amounts this one is made of."""


@dataclass(frozen=True, kw_only=True)
class Quantity(Figure):
    """A figure in any unit pint knows (``km/h``, ``t/year``)."""


@dataclass(frozen=True, kw_only=True)
class Duration(Figure):
    """A length of time."""

    verb: str | None = None


@dataclass(frozen=True, kw_only=True)
class Measure(Fields):
    """A length such as a track gauge, with its imperial form and the foils a question may offer."""

    name: str
    subject: str
    value: float
    unit: str
    imperial: str | None = None
    foils: tuple[float, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Fields):
    """Something that happened, goes on, is planned or expected, dated or not."""

    what: str
    date: FuzzyDate | None = None
    stage: str | None = None
    actors: tuple[str, ...] | None = None
    """Ids of the actors the event involves."""


@dataclass(frozen=True, kw_only=True)
class Statement(Fields):
    """Who said what, about what, and when."""

    speaker: str
    said: str
    about: str
    date: FuzzyDate | None = None
    stage: str | None = None
    actor: str | None = None
    """Id of the speaker's actor fact."""


@dataclass(frozen=True, kw_only=True)
class Actor(Fields):
    """A person, state, organisation or other body."""

    name: str
    actor_kind: str
    role: str
    aliases: tuple[str, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class Place(Fields):
    """A city, port, river, region or other place."""

    name: str
    place_kind: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Thing(Fields):
    """A named project, programme, treaty or term."""

    name: str
    thing_kind: str
    definition: str
    aliases: tuple[str, ...] | None = None


@dataclass(frozen=True, kw_only=True)
class Relation(Fields):
    """A route (``subject`` links ``from`` with ``to`` via places), a membership or an ownership."""

    relation: str
    subject: str
    object: str | None = None
    from_: str | None = None
    to: str | None = None
    via: tuple[str, ...] | None = None
    stage: str | None = None


BY_KIND: dict[str, type[Fields]] = {
    "share": Share,
    "amount": Amount,
    "quantity": Quantity,
    "duration": Duration,
    "measure": Measure,
    "event": Event,
    "statement": Statement,
    "actor": Actor,
    "place": Place,
    "thing": Thing,
    "relation": Relation,
}
"""The fields class of each fact kind."""

_CLASSES: tuple[type[Fields], ...] = (Fields, *BY_KIND.values())
_NAMES = {
    cls: (*(f.name.rstrip("_") for f in dataclasses.fields(cls) if f.name not in _COMMON), *_COMMON) for cls in _CLASSES
}
_KNOWN = {cls: frozenset(names) for cls, names in _NAMES.items()}


def fields_for(kind: str, values: dict[str, Any]) -> Fields:
    """A kind's fields from the loader's checked values, keyed by deck-file name."""
    return BY_KIND[kind](**{_ATTRIBUTE.get(k, k): v for k, v in values.items()})
