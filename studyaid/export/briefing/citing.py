"""How the briefing cites: the article's reference with the notes a figure's sentences cite, and
the notes' text, listed once at the end of the handout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import Deck, Fact


def of_kind(deck: Deck, kind: str) -> list[Fact]:
    """The deck's facts of one kind, in file order."""
    return [f for f in deck.facts if f.kind == kind]


def note(deck: Deck, facts: Sequence[Fact]) -> str:
    """A figure's citation: the article, and the article's notes its sentences cite (their text
    is listed once, at the end of the handout)."""
    s = deck.source
    notes = sorted({f.footnote for f in facts if f.footnote}, key=_note_order(deck))
    plural = "s" if len(notes) > 1 else ""
    cited = f"; the article's note{plural} " + ", ".join(f"[{n}]" for n in notes) if notes else ""
    return f"{s.reference}{cited}"


def _note_order(deck: Deck) -> Any:
    keys = list(deck.source.footnotes)
    return lambda key: (keys.index(key) if key in keys else len(keys), key)


def cited_notes(deck: Deck) -> list[dict[str, str]]:
    """The article's notes that some fact cites, in the article's order, with their text."""
    used = {f.footnote for f in deck.facts if f.footnote}
    return [{"key": k, "text": v} for k, v in deck.source.footnotes.items() if k in used]
