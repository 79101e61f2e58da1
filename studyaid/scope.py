"""The ``--topics`` and ``--forms`` an output draws from: checked alike for the quiz and the Anki deck."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import Problem
from .model import FORMS, Deck


def scope_problems(deck: Deck, topics: Sequence[str] | None, forms: Sequence[str] | None) -> list[Problem]:
    """Each ``--topics`` and ``--forms`` value the deck does not have, one problem each."""
    return [
        Problem(deck.path, 0, "--topics", f"unknown topic {t!r} (expected one of {', '.join(deck.topic_ids)})")
        for t in topics or ()
        if t not in deck.topic_ids
    ] + [
        Problem(deck.path, 0, "--forms", f"unknown form {f!r} (expected one of {', '.join(FORMS)})")
        for f in forms or ()
        if f not in FORMS
    ]
