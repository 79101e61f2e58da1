"""Frozen value objects: the fact base, the templates and the questions made from them. No I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .kinds import Actor, Amount, Event, Fields, FieldsOf, Figure, Measure, Place, Relation, Share, Statement, Thing
from .wording import long_date

TOPICS = ("trade-shares", "gauges", "dates", "actors", "places")
"""The topics of a deck that declares none (the first article's five)."""
TOPIC_TITLES = {
    "trade-shares": "Trade shares",
    "gauges": "Gauges",
    "dates": "Dates",
    "actors": "Actors",
    "places": "Places",
}
KINDS = (
    "share",
    "amount",
    "measure",
    "event",
    "actor",
    "place",
    "quantity",
    "duration",
    "statement",
    "thing",
    "relation",
)
STAGES = ("happened", "ongoing", "planned", "expected")
"""Where an event, a figure or a statement stands in time, as the article tells it."""
FORMS = ("choice", "true-false", "numeric", "short", "cloze", "ordering", "matching")
NOTE_TYPE_ROLES = ("basic", "choice", "cloze", "actor")
"""The Anki note types every deck file gives an ID for (``deck.note_types``)."""


def frozen_mapping(data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only view of a dict, so frozen dataclasses stay frozen all the way down."""
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Topic:
    """A heading the deck's facts are filed under: Anki subdeck, quiz section, briefing heading."""

    id: str
    title: str


DEFAULT_TOPICS = tuple(Topic(t, TOPIC_TITLES[t]) for t in TOPICS)
"""What a deck that declares no ``topics`` gets, so every existing deck file loads unchanged."""


@dataclass(frozen=True)
class Source:
    """Where the facts come from, for citations. Only the title and publisher are required: a
    missing author or date is left out of every citation and never invented."""

    title: str
    author: str | None
    publisher: str
    date: str | None
    """Publication date, ISO ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``), when the article gives one."""
    url: str | None = None
    footnotes: Mapping[str, str] = field(default_factory=frozen_mapping)
    """The article's notes, by the key the article gives them (``i``, ``ii``...)."""
    article: str | None = None
    """The article's text file, resolved and checked to lie inside the deck's folder."""
    id: str = ""
    """The source's id in a deck that draws on several articles (``""`` for a deck's only one)."""
    bottom_line: str | None = None
    """The article's main finding in one of its own sentences, word for word: the briefing leads with it."""

    @property
    def year(self) -> int | None:
        """The year of publication, when known."""
        return int(self.date[:4]) if self.date else None

    @property
    def published(self) -> str | None:
        """The publication date as printed (``26 April 2019``), when known."""
        return long_date(self.date) if self.date else None

    @property
    def reference(self) -> str:
        """How every output cites the article: author, “title”, publisher, date (each when known)."""
        parts = [self.author, f"“{self.title}”", self.publisher, self.published]
        return ", ".join(p for p in parts if p)

    def record(self) -> dict[str, Any]:
        """The article as plain data, for the JSON handed to templates and written beside PDFs."""
        return {
            "title": self.title,
            "author": self.author,
            "publisher": self.publisher,
            "date": self.date,
            "published": self.published,
            "url": self.url,
            "byline": " · ".join(p for p in (self.author, self.publisher, self.published) if p),
        }


@dataclass(frozen=True)
class DeckSettings:
    """How the article's Anki deck is named and identified."""

    name: str
    deck_id: int
    """Hard-coded so Anki recognises the deck across rebuilds."""
    note_types: Mapping[str, int]
    """Note-type IDs by role (basic, choice, cloze, actor); new fields need a new ID."""
    seed: int = 0
    """Default seed for option order when the user gives none."""


@dataclass(frozen=True)
class Correction:
    """An evident slip in the article's wording and its correct form."""

    verbatim: str
    correct: str


@dataclass(frozen=True)
class Fact:
    """One figure, date, actor or place from the article, with the sentence it came from."""

    id: str
    """Stable kebab-case id: question ids and Anki GUIDs derive from it."""
    kind: str
    topic: str
    quote: str
    """The article's sentence, word for word."""
    fields: Fields
    """The kind's own fields after validation (``kinds.py``): read them typed as ``fact.share``,
    ``fact.figure`` (amounts, quantities, durations), ``fact.event``..."""
    asked: str | None = None
    """The span of the quote that states the asked value, for cloze and highlighting."""
    footnote: str | None = None
    attribution: str | None = None
    """Who the article says the fact comes from; every question about it names them."""
    hedges: tuple[str, ...] = ()
    """The article's hedges and modalities for this fact, in the article's order (studyaid/hedges.py)."""
    corrections: tuple[Correction, ...] = ()
    line: int = 0
    """Line of the fact in its deck file, for messages."""
    status: str = "confirmed"
    """``proposed`` (drafted, waiting for a person), ``confirmed`` or ``rejected``; only confirmed
    facts reach an output unless a command is asked to include proposals."""
    found_by: str | None = None
    """Which drafting rule proposed the fact, for its reviewer."""
    source: str = ""
    """Id of the article the fact comes from, in a deck with several (``""``: the deck's first)."""
    former_ids: tuple[str, ...] = ()
    """Ids the fact had before it was renamed, oldest first: its Anki notes keep the GUIDs made
    from the oldest, so a rename keeps learners' review history instead of adding duplicates."""

    share = FieldsOf(Share)
    figure = FieldsOf(Figure)
    amount = FieldsOf(Amount)
    measure = FieldsOf(Measure)
    event = FieldsOf(Event)
    statement = FieldsOf(Statement)
    actor = FieldsOf(Actor)
    place = FieldsOf(Place)
    thing = FieldsOf(Thing)
    relation = FieldsOf(Relation)

    @property
    def hedge(self) -> str | None:
        """The first hedge, or None: enough to tell a hedged fact from a plain one."""
        return self.hedges[0] if self.hedges else None

    @property
    def stage(self) -> str:
        """Where the fact stands in time (``happened`` unless the deck says otherwise)."""
        return str(self.fields.get("stage") or "happened")

    @property
    def identity(self) -> str:
        """The id Anki identity is made from: the oldest former id, else the id."""
        return self.former_ids[0] if self.former_ids else self.id

    def __getitem__(self, name: str) -> Any:
        value = self.fields.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def get(self, name: str, default: Any = None) -> Any:
        """A field named as text (by a template or a deck file), or ``default`` when the fact does not set it."""
        return self.fields.get(name, default)

    def corrected(self, text: str) -> str:
        """``text`` with the article's slips replaced by their correct forms."""
        for fix in self.corrections:
            text = text.replace(fix.verbatim, fix.correct)
        return text


@dataclass(frozen=True)
class Template:
    """How to ask about facts of one kind; generic, so one template serves every article."""

    id: str
    kind: str
    form: str
    answer: str
    """Name of the derivation that computes the answer (``value``, ``share_amount``...)."""
    prompt: str
    """Jinja2 source of the question text."""
    explanation: str | None = None
    requires: tuple[str, ...] = ()
    """Fact fields that must be present for the template to apply."""
    tolerance: str | None = None
    """Numeric tolerance: absolute (``0.05``) or relative (``2%``)."""
    origin: str = ""
    """File and line the template came from, for messages."""
    article_fields: tuple[str, ...] = ()
    """Fields of the article the text uses (``article.published``): a deck whose source lacks
    one gets no question from this template, rather than an invented value."""


@dataclass(frozen=True)
class Deck:
    """An article's fact base and settings, as loaded from ``decks/<slug>.yaml``."""

    slug: str
    source: Source
    settings: DeckSettings
    facts: tuple[Fact, ...]
    templates: tuple[Template, ...] = ()
    """Templates of this article's own, added to the shared ones."""
    path: str = ""
    topics: tuple[Topic, ...] = DEFAULT_TOPICS
    """The deck's topics in the order outputs show them."""
    templates_off: tuple[str, ...] = ()
    """Shared templates this deck switches off, by template id or by form."""
    sources: tuple[Source, ...] = ()
    """Every article the deck draws on; the first is ``source``. Empty: just ``source``."""
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}), compare=False)
    """Lines of the deck-level fields (``slug``, ``deck.name`` ...), for checks across files."""

    def line_of(self, field_path: str) -> int:
        """The line of a deck-level field (0 when unknown), for messages about it."""
        return self.lines.get(field_path, 0)

    def uses(self, template: Template) -> bool:
        """Whether this deck asks the template's questions (not switched off by id or form)."""
        return template.id not in self.templates_off and template.form not in self.templates_off

    def source_of(self, fact: Fact) -> Source:
        """The article a fact comes from."""
        for s in self.sources:
            if s.id == fact.source:
                return s
        return self.source

    @cached_property
    def topic_ids(self) -> tuple[str, ...]:
        """Topic ids in order."""
        return tuple(t.id for t in self.topics)

    def topic_title(self, topic: str) -> str:
        """A topic's title as headings print it."""
        return next((t.title for t in self.topics if t.id == topic), topic)

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id."""
        return self.facts_by_id[fact_id]

    @cached_property
    def facts_by_id(self) -> Mapping[str, Fact]:
        """Facts keyed by id (built once: decks can hold 100,000 facts)."""
        return MappingProxyType({f.id: f for f in self.facts})

    @cached_property
    def positions(self) -> Mapping[str, int]:
        """Each fact's index in the file, for ``facts[i]`` in messages (the first, for a duplicate id)."""
        found: dict[str, int] = {}
        for i, f in enumerate(self.facts):
            found.setdefault(f.id, i)
        return MappingProxyType(found)

    @cached_property
    def actor_names(self) -> frozenset[str]:
        """Names of the actor facts, case-folded: tells a country from a commodity in a share's part."""
        return frozenset(f["name"].casefold() for f in self.facts if f.kind == "actor")


@dataclass(frozen=True)
class SourceRef:
    """The sentence a question rests on and how to cite it."""

    fact_id: str
    quote: str
    """The sentence with slips corrected, as shown to learners."""
    highlight: str | None
    """Part of ``quote`` to highlight (the asked value), if any."""
    citation: str

    def record(self) -> dict[str, Any]:
        """The source as plain data, for JSON."""
        return {"fact_id": self.fact_id, "quote": self.quote, "highlight": self.highlight, "citation": self.citation}


@dataclass(frozen=True)
class Numeric:
    """A numeric answer: accepted when within ``tolerance`` of ``value``."""

    value: float
    tolerance: float
    unit: str
    """What the number counts, e.g. ``mm``, ``million US dollars``, ``years``."""

    def record(self) -> dict[str, Any]:
        """The numeric answer as plain data, for JSON."""
        return {"value": self.value, "tolerance": self.tolerance, "unit": self.unit}


@dataclass(frozen=True)
class Question:
    """One question, ready for any output: every exporter shows the same prompt and answer."""

    id: str
    """``template-id:fact-id+fact-id``: stable across rewording and reordering."""
    template_id: str
    fact_ids: tuple[str, ...]
    topic: str
    form: str
    prompt: str
    answer: str
    """The correct answer as text (for ordering: the items in order, joined)."""
    explanation: str
    sources: tuple[SourceRef, ...]
    options: tuple[str, ...] | None = None
    """Choices in printed order (choice, true-false), or the right column (matching)."""
    items: tuple[str, ...] | None = None
    """Ordering: the events as printed; matching: the left column."""
    key: tuple[int, ...] = ()
    """Choice/true-false: (index of the correct option,); ordering: item indices in
    chronological order; matching: for each item, the index of its option."""
    numeric: Numeric | None = None
    accept: tuple[str, ...] = ()
    """Other answers a short-answer marker should accept (aliases)."""
    cloze: tuple[str, str] | None = None
    """Cloze: the sentence before and after the deleted answer."""
    attribution: str | None = None
    shown: str | None = None
    """True/false: the value the statement gives (the true one when the answer is True)."""
    true_value: str | None = None
    """True/false: the value the facts give, whatever the statement says."""
    context: str | None = None
    """Cloze: the sentence before the quoted one, when the quoted one needs it to stand alone."""

    @property
    def quote(self) -> str:
        """All distinct source sentences, joined for single-field outputs: five shares of one
        sentence show it once."""
        return " / ".join(dict.fromkeys(s.quote for s in self.sources))

    @property
    def citation(self) -> str:
        """All distinct citations, joined."""
        seen: list[str] = []
        for s in self.sources:
            if s.citation not in seen:
                seen.append(s.citation)
        return " / ".join(seen)

    def record(self) -> dict[str, Any]:
        """The question as plain data: what ``studyaid questions --format json`` prints, and the
        common part of every other JSON record of a question (the quiz's adds its layout)."""
        return {
            "id": self.id,
            "topic": self.topic,
            "form": self.form,
            "prompt": self.prompt,
            "answer": self.answer,
            "options": list(self.options) if self.options is not None else None,
            "items": list(self.items) if self.items is not None else None,
            "key": list(self.key),
            "numeric": self.numeric.record() if self.numeric else None,
            "accept": list(self.accept),
            "explanation": self.explanation,
            "fact_ids": list(self.fact_ids),
            "sources": [{"fact_id": r.fact_id, "quote": r.quote, "citation": r.citation} for r in self.sources],
            "attribution": self.attribution,
        }
