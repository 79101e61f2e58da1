"""Checks across files: every quote found in the article, no Anki IDs shared between decks."""

from __future__ import annotations

from .errors import Problem
from .model import Deck


def normalise_quote(text: str) -> str:
    """Text compared for quotes: whitespace collapsed, typographic quotes kept."""
    return " ".join(text.split())


def check_quotes(deck: Deck, article: str, article_name: str) -> list[Problem]:
    """Every quote must be found word for word in the article."""
    haystack = normalise_quote(article)
    problems = []
    for i, fact in enumerate(deck.facts):
        if normalise_quote(fact.quote) not in haystack:
            problems.append(
                Problem(deck.path, fact.line, f"facts[{i}].quote", f"not found word for word in {article_name}")
            )
    return problems


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
                problems.append(Problem(deck.path, 0, field, f"ID {value} collides with {owners[value]}"))
            owners.setdefault(value, f"{deck.path}:{field}")
    return problems
