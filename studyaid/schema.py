"""What each part of a deck file may hold: field specs per fact kind, built on the value checkers.

The checkers live in ``checkers.py`` and are re-exported here, so ``schema.text`` and the like keep
working. A checker takes the raw YAML value and returns the clean value or raises ``ValueError``
with a message that completes "expected ...". The loader turns those into located problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from .checkers import (
    ID_PATTERN,
    MAX_ID,
    MAX_SEED,
    MAX_TEXT,
    SAFE_ID_MAX,
    SAFE_ID_MIN,
    SMALLEST_FIGURE,
    Checker,
    amount_unit,
    anki_id,
    date_text,
    deck_name,
    flag,
    hedges,
    identifier,
    imperial,
    integer,
    iso_date,
    kind_word,
    length_unit,
    list_of,
    number,
    one_of,
    percent,
    positive,
    quantity_unit,
    seed,
    text,
    text_mapping,
    time_unit,
    web_url,
)
from .model import KINDS, STAGES, TOPICS
from .units import SCALES

__all__ = [
    "ACTOR_KINDS",
    "COMMON_FIELDS",
    "Checker",
    "EXTRA_COMMON",
    "FieldSpec",
    "ID_PATTERN",
    "KIND_FIELDS",
    "MAX_ID",
    "MAX_SEED",
    "MAX_TEXT",
    "PLACE_KINDS",
    "RELATIONS",
    "RELATION_FIELDS",
    "REVIEW_FIELDS",
    "SAFE_ID_MAX",
    "SAFE_ID_MIN",
    "SMALLEST_FIGURE",
    "STAGE",
    "STATUSES",
    "amount_unit",
    "anki_id",
    "date_text",
    "deck_name",
    "fields_of",
    "hedges",
    "identifier",
    "imperial",
    "integer",
    "iso_date",
    "kind_word",
    "length_unit",
    "list_of",
    "number",
    "one_of",
    "percent",
    "positive",
    "quantity_unit",
    "seed",
    "text",
    "time_unit",
    "web_url",
]

STATUSES = ("proposed", "confirmed", "rejected")
ACTOR_KINDS = ("person", "state", "organisation", "company", "ship", "group")
"""The usual actor kinds; any other short lowercase noun (``ministry``, ``agency``) is accepted too."""
PLACE_KINDS = (
    "city",
    "port",
    "river",
    "region",
    "country",
    "zone",
    "railway",
    "site",
    "sea",
    "bridge",
)
"""The usual place kinds; any other short lowercase noun (``station``, ``terminal``, ``yard``) too."""
RELATIONS = ("route", "membership", "ownership")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a fact kind."""

    check: Checker
    required: bool = True
    ref: str | None = None
    """Kind of fact this field names by id (``of`` names an amount; ``actor|place`` either)."""


STAGE = FieldSpec(one_of(*STAGES), required=False)
"""Where the fact stands in time; questions take their tense from it (default ``happened``)."""

TIES = {
    "tied_to": FieldSpec(list_of(identifier), required=False, ref="actor|place"),
    "since": FieldSpec(integer, required=False),
}
"""Optional fields an actor and a place share, meaning the same for both: ``tied_to``, the actors
or places whose name gives this one away; ``since``, the year it came into being."""

COMMON_FIELDS = {
    "id": FieldSpec(identifier),
    "kind": FieldSpec(one_of(*KINDS)),
    "topic": FieldSpec(one_of(*TOPICS)),
    "quote": FieldSpec(text),
    "asked": FieldSpec(text, required=False),
    "footnote": FieldSpec(lambda v: text(str(v)), required=False),
    "attribution": FieldSpec(text, required=False),
    "hedge": FieldSpec(hedges, required=False),
    "corrections": FieldSpec(lambda v: v, required=False),
    "source": FieldSpec(identifier, required=False),
    "also_true": FieldSpec(list_of(lambda v: text(str(v))), required=False),
    "sort": FieldSpec(text, required=False),
    "former_ids": FieldSpec(list_of(identifier), required=False),
    "refers": FieldSpec(text_mapping, required=False),
    "caption": FieldSpec(flag, required=False),
    "quoted_from": FieldSpec(text, required=False),
}
"""Fields every fact may have. ``topic`` is checked against the deck's own topics when it
declares them; ``source`` names one of the deck's ``sources``."""
EXTRA_COMMON = ("also_true", "sort", "refers", "caption", "quoted_from")
"""Common fields kept among a fact's kind-specific attributes (the generator reads them there):
``also_true``, what else the article says is true of the fact (never offered as wrong); ``sort``,
the fact's fine sort when the derived one (actor or place kind) is too coarse; ``refers``, what
the quote's back-pointing words mean (``{"here": "Rason"}``: shown as "here [Rason]", so the
sentence stands alone as a cloze); ``caption``, whether the quote is a picture's caption rather
than a sentence (derived when not given: no final stop and no verb); ``quoted_from``, whose words
the quote is when the article quotes another author (“…”[vi]): questions say so."""


_FIGURE = {
    "subject": FieldSpec(text),
    "value": FieldSpec(positive),
    "value_max": FieldSpec(positive, required=False),
    "scale": FieldSpec(one_of(*SCALES), required=False),
    "noun": FieldSpec(text, required=False),
    "when": FieldSpec(text, required=False),
    "stage": STAGE,
}
"""What every stated figure has: what it is of, its value or range, and when."""

REVIEW_FIELDS = {
    "status": FieldSpec(one_of(*STATUSES), required=False),
    "found_by": FieldSpec(text, required=False),
}
"""Fields about a fact's review, not its content: templates cannot name them."""

KIND_FIELDS: dict[str, dict[str, FieldSpec]] = {
    "share": {
        "part": FieldSpec(text, required=False),
        "parts": FieldSpec(list_of(text), required=False),
        "whole": FieldSpec(text),
        "value": FieldSpec(percent),
        "when": FieldSpec(text, required=False),
        "of": FieldSpec(identifier, required=False, ref="amount"),
    },
    "amount": {
        **_FIGURE,
        "unit": FieldSpec(amount_unit),
        "parts": FieldSpec(list_of(identifier), required=False, ref="amount"),
    },
    "quantity": {**_FIGURE, "unit": FieldSpec(quantity_unit)},
    "duration": {**_FIGURE, "unit": FieldSpec(time_unit), "verb": FieldSpec(text, required=False)},
    "measure": {
        "name": FieldSpec(text),
        "subject": FieldSpec(text),
        "value": FieldSpec(positive),
        "unit": FieldSpec(length_unit),
        "imperial": FieldSpec(imperial, required=False),
        "foils": FieldSpec(list_of(positive), required=False),
    },
    "event": {
        "what": FieldSpec(text),
        "date": FieldSpec(date_text, required=False),
        "stage": STAGE,
        "actors": FieldSpec(list_of(identifier), required=False, ref="actor"),
        "named_event": FieldSpec(flag, required=False),
    },
    "statement": {
        "speaker": FieldSpec(text),
        "said": FieldSpec(text),
        "about": FieldSpec(text),
        "date": FieldSpec(date_text, required=False),
        "stage": STAGE,
        "actor": FieldSpec(identifier, required=False, ref="actor"),
    },
    "actor": {
        "name": FieldSpec(text),
        "actor_kind": FieldSpec(kind_word),
        "role": FieldSpec(text),
        "aliases": FieldSpec(list_of(text), required=False),
        **TIES,
    },
    "place": {
        "name": FieldSpec(text),
        "place_kind": FieldSpec(kind_word),
        "description": FieldSpec(text),
        **TIES,
    },
    "thing": {
        "name": FieldSpec(text),
        "thing_kind": FieldSpec(kind_word),
        "definition": FieldSpec(text),
        "aliases": FieldSpec(list_of(text), required=False),
    },
    "relation": {
        "relation": FieldSpec(one_of(*RELATIONS)),
        "subject": FieldSpec(text),
        "object": FieldSpec(text, required=False),
        "from": FieldSpec(text, required=False),
        "to": FieldSpec(text, required=False),
        "via": FieldSpec(list_of(text), required=False),
        "stage": STAGE,
    },
}
"""Fields of each kind. A relation is a ``route`` (``subject`` links ``from`` with ``to``, ``via``
places), a ``membership`` (``subject`` is a member of ``object``) or an ``ownership``
(``subject`` owns ``object``); the rules check each has the fields it needs."""

RELATION_FIELDS = {"route": ("from", "to"), "membership": ("object",), "ownership": ("object",)}


def fields_of(kind: str) -> set[str]:
    """Every field name a fact of ``kind`` may have."""
    return set(COMMON_FIELDS) | set(KIND_FIELDS.get(kind, {}))
