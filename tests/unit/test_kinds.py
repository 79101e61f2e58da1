"""Typed fact fields (studyaid/kinds.py) agree with the loader's field specs (studyaid/schema.py)."""

from __future__ import annotations

import dataclasses

import pytest

from studyaid import kinds, schema
from studyaid.load import load_deck
from studyaid.model import KINDS

from ..conftest import REPO


def test_every_kind_has_a_fields_class_with_the_schema_names() -> None:
    """Each kind's fields class has exactly the deck-file fields the schema checks, plus the common extras."""
    assert set(kinds.BY_KIND) == set(KINDS)
    for kind, spec in schema.KIND_FIELDS.items():
        names = kinds.BY_KIND[kind].names()
        assert sorted(names) == sorted((*spec, *schema.EXTRA_COMMON)) and len(set(names)) == len(names), kind


def test_required_schema_fields_have_no_default() -> None:
    """A field the loader requires is a field the fields class cannot be made without."""
    for kind, spec in schema.KIND_FIELDS.items():
        required = {
            f.name.rstrip("_") for f in dataclasses.fields(kinds.BY_KIND[kind]) if f.default is dataclasses.MISSING
        }
        assert required == {name for name, s in spec.items() if s.required} | ({"part"} if kind == "share" else set())


def test_typed_reads_match_named_reads_and_refuse_another_kind() -> None:
    """``fact.share.whole`` and ``fact.get('whole')`` give the same value; reading a share as an event fails."""
    deck = load_deck(REPO / "decks" / "russia-north-korea-ties.yaml")
    share = next(f for f in deck.facts if f.kind == "share")
    assert share.share.whole == share.get("whole") == share["whole"]
    assert dict(share.fields.items())["value"] == share.share.value
    with pytest.raises(TypeError, match=f"^fact '{share.id}' is a share: it has no Event fields$"):
        _ = share.event


def test_a_keyword_field_reads_by_its_deck_file_name() -> None:
    """A route's ``from`` is the attribute ``from_`` and the field ``from`` to templates and rules."""
    deck = load_deck(REPO / "tests" / "fixtures" / "health" / "decks" / "health.yaml")
    route = deck.fact("bus-line")
    assert route.relation.from_ == route.get("from") == "Riverside"
    assert ("from", "Riverside") in route.fields.items()
    assert route.get("get") is None and route.get("names") is None
