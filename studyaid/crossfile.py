"""Checks across files: every quote found in the article, no Anki IDs shared between decks."""

from __future__ import annotations

import dataclasses

from .cleantext import comparison_key
from .errors import Problem
from .model import Deck, Source
from .quotations import suggested_author


def normalise_quote(text: str) -> str:
    """Text compared for quotes: whitespace collapsed, typographic quotes kept."""
    return " ".join(text.split())


def check_quotes(deck: Deck, article: str, article_name: str, source: Source | None = None) -> list[Problem]:
    """Every quote, and the source's bottom line, must be found word for word in the article
    (with ``source``: the quotes of the facts that come from that article, and the bottom line
    when it is the deck's own source, in a deck that draws on several)."""
    haystack = normalise_quote(article)
    problems = []
    line = deck.source.bottom_line
    if line is not None and source in (None, deck.source) and normalise_quote(line) not in haystack:
        at = deck.line_of("source.bottom_line")
        problems.append(Problem(deck.path, at, "source.bottom_line", f"not found word for word in {article_name}"))
    for i, fact in enumerate(deck.facts):
        if source is not None and deck.source_of(fact) is not source:
            continue
        if normalise_quote(fact.quote) not in haystack:
            problems.append(
                Problem(deck.path, fact.line, f"facts[{i}].quote", f"not found word for word in {article_name}")
            )
    return problems


def with_quoted_authors(deck: Deck, article: str, source: Source | None = None) -> Deck:
    """``deck`` with ``quoted_from`` derived where a fact does not give it: a quote that lies inside
    a passage the article quotes from another author is that author's words (named from the
    passage's note), never the article's own; a deck written before the field existed still loads."""
    facts = []
    for fact in deck.facts:
        author = None
        if not fact.get("quoted_from") and (source is None or deck.source_of(fact) is source):
            author = suggested_author(article, fact.quote, deck.source_of(fact).footnotes)
        facts.append(
            dataclasses.replace(fact, fields=dataclasses.replace(fact.fields, quoted_from=author)) if author else fact
        )
    return deck if facts == list(deck.facts) else dataclasses.replace(deck, facts=tuple(facts))


def check_id_collisions(decks: list[Deck]) -> list[Problem]:
    """Deck and note-type IDs must not collide across decks: Anki would merge them."""
    owners: dict[int, str] = {}
    problems = []
    for deck in decks:
        ids = {
            "deck.deck_id": deck.settings.deck_id,
            **{f"deck.note_types.{k}": v for k, v in deck.settings.note_types.items()},
        }
        for field, value in ids.items():
            if value in owners and not owners[value].startswith(deck.path + ":"):
                at = deck.line_of(field)
                problems.append(Problem(deck.path, at, field, f"ID {value} collides with {owners[value]}"))
            owners.setdefault(value, f"{deck.path}:{field}")
    return problems


def check_names(decks: list[Deck]) -> list[Problem]:
    """Slugs and Anki deck names unique across decks: one would overwrite the other's outputs,
    or Anki would merge the two decks."""
    problems = []
    slugs: dict[str, str] = {}
    names: dict[str, str] = {}
    for deck in decks:
        if deck.slug in slugs:
            message = f"slug {deck.slug!r} is also the slug of {slugs[deck.slug]}"
            problems.append(Problem(deck.path, deck.line_of("slug"), "slug", message))
        slugs.setdefault(deck.slug, deck.path)
        key = comparison_key(deck.settings.name)
        if key in names:
            message = f"deck name {deck.settings.name!r} is also used by {names[key]}"
            problems.append(Problem(deck.path, deck.line_of("deck.name"), "deck.name", message))
        names.setdefault(key, deck.path)
    return problems
