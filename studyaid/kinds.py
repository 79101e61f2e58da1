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
from typing import Any, Generic, Protocol, TypeVar, overload

from .dates import FuzzyDate


@dataclass(frozen=True, kw_only=True)
class Fields:
    """What facts of every kind may carry among their own fields."""

    also_true: tuple[str, ...] | None = None
    """What else the article says is true of the fact: never offered as a wrong answer."""
    sort: str | None = None
    """The fact's fine sort, when the one derived from its kind is too coarse."""
    refers: tuple[tuple[str, str], ...] | None = None
    """What the quote's back-pointing words mean (``("here", "Rason")``), shown as editor's insertions."""
    caption: bool | None = None
    """Whether the quote is a picture's caption rather than a sentence (None: derived from the quote)."""
    quoted_from: str | None = None
    """Whose words the quote is, when the article quotes another author."""

    def get(self, name: str, default: Any = None) -> Any:
        """A field by its deck-file name, or ``default`` when the fact does not set it."""
        value = getattr(self, _ATTRIBUTE.get(name, name)) if name in _KNOWN[type(self)] else None
        return default if value is None else value

    def items(self) -> Iterator[tuple[str, Any]]:
        """The fields the fact sets, by deck-file name."""
        for name in self.names():
            value = getattr(self, _ATTRIBUTE.get(name, name))
            if value is not None:
                yield name, value

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every field name of this kind as deck files write it."""
        return _NAMES[cls]


FIGURE_KINDS = ("amount", "quantity", "duration")
"""Kinds whose facts are a stated figure with a unit (templates print them as ``fact.shown``,
the briefing lists them as key figures)."""

_ATTRIBUTE = {"from": "from_"}
"""Deck-file names that are Python keywords, and their attribute names."""
_COMMON = ("also_true", "sort", "refers", "caption", "quoted_from")


@dataclass(frozen=True, kw_only=True)
class Staged(Fields):
    """A kind that stands somewhere in time as the article tells it: questions take their tense from it."""

    stage: str | None = None
    """``happened`` (when unset), ``ongoing``, ``planned`` or ``expected``."""


@dataclass(frozen=True, kw_only=True)
class Measured(Fields):
    """A kind that states a number of some unit about a subject."""

    subject: str
    """What the figure is of, as the article words it."""
    value: float
    unit: str
    """A currency, ``count``, or a unit pint knows."""


@dataclass(frozen=True, kw_only=True)
class Named(Fields):
    """A kind known by a name: a measure, an actor, a place, a thing."""

    name: str


@dataclass(frozen=True, kw_only=True)
class Aliased(Named):
    """A name the article also writes other ways."""

    aliases: tuple[str, ...] | None = None
    """The other ways (``KOMID`` for the Korea Mining Development Trading Corporation)."""


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
class Figure(Measured, Staged):
    """A stated figure: an amount of money or things, a quantity in a unit, a duration."""

    value_max: float | None = None
    """The top of a range (``200,000-300,000 tons``)."""
    scale: str | None = None
    """``million``, ``billion``... as the article scales the number."""
    noun: str | None = None
    """What a count counts (``workers``), when the unit does not say it."""
    when: str | None = None


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
    """The verb the article times (``lasted``)."""


@dataclass(frozen=True, kw_only=True)
class Measure(Measured, Named):
    """A length such as a track gauge, with its imperial form and the foils a question may offer."""

    imperial: str | None = None
    foils: tuple[float, ...] | None = None
    """Other values, in the measure's unit, that a choice question may offer as wrong."""


@dataclass(frozen=True, kw_only=True)
class Event(Staged):
    """Something that happened, goes on, is planned or expected, dated or not."""

    what: str
    """The event as a noun phrase (``the opening of the bridge``)."""
    date: FuzzyDate | None = None
    """Parsed from the deck's date text (``early 2012``); None when the article gives no date."""
    actors: tuple[str, ...] | None = None
    """Ids of the actors the event involves."""
    named_event: bool | None = None
    """Whether the event is itself a named historical event ("the Six-Day War") whose date common
    knowledge gives (None: derived from ``what``, see ``namedevent``)."""


@dataclass(frozen=True, kw_only=True)
class Statement(Staged):
    """Who said what, about what, and when (``date``, as an event's)."""

    speaker: str
    said: str
    """The words said, as quoted."""
    about: str
    date: FuzzyDate | None = None
    actor: str | None = None
    """Id of the speaker's actor fact."""


@dataclass(frozen=True, kw_only=True)
class Actor(Aliased):
    """A person, state, organisation or other body."""

    actor_kind: str
    """A short lowercase noun: ``person``, ``state``, ``company``... (``schema.ACTOR_KINDS``, or another)."""
    role: str
    """What the article says the actor is or did; ``is``, ``now`` in it keep questions in the present."""
    tied_to: tuple[str, ...] | None = None
    """Ids of the actors or places whose name gives this one away to any reader (the state a
    leader led at the time): a question that names them asks for nothing of the article."""
    since: int | None = None
    """The year the actor came into being (a state founded in 1948): no wrong option in an older story."""


@dataclass(frozen=True, kw_only=True)
class Place(Named):
    """A city, port, river, region or other place."""

    place_kind: str
    """A short lowercase noun: ``city``, ``port``, ``river``... (``schema.PLACE_KINDS``, or another)."""
    description: str
    tied_to: tuple[str, ...] | None = None
    """Ids of the actors or places whose name gives this one away to any reader (the country of a
    capital, of a canal): a question that names them asks for nothing of the article."""
    since: int | None = None
    """The year the place came into being as the name says it."""


@dataclass(frozen=True, kw_only=True)
class Thing(Aliased):
    """A named project, programme, treaty or term."""

    thing_kind: str
    definition: str
    """What the article says it is."""


@dataclass(frozen=True, kw_only=True)
class Relation(Staged):
    """A route (``subject`` links ``from`` with ``to`` via places), a membership or an ownership."""

    relation: str
    subject: str
    object: str | None = None
    """The group a member belongs to, or what an owner owns."""
    from_: str | None = None
    to: str | None = None
    via: tuple[str, ...] | None = None
    """The places a route passes, in order."""


F = TypeVar("F", bound=Fields)


class _Fact(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def fields(self) -> Fields: ...


class FieldsOf(Generic[F]):
    """A fact's fields read as one kind's (``fact.share``): typed, and an error for a fact of another kind."""

    def __init__(self, cls: type[F]) -> None:
        self.cls = cls

    @overload
    def __get__(self, fact: None, owner: type[Any]) -> FieldsOf[F]: ...
    @overload
    def __get__(self, fact: _Fact, owner: type[Any]) -> F: ...
    def __get__(self, fact: _Fact | None, owner: type[Any]) -> F | FieldsOf[F]:
        if fact is None:
            return self
        if not isinstance(fact.fields, self.cls):
            raise TypeError(f"fact {fact.id!r} is a {fact.kind}: it has no {self.cls.__name__} fields")
        return fact.fields


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
