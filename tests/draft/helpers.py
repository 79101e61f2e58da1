"""Small helpers for the draft tests."""

from __future__ import annotations

from studyaid.draft.text import Sentence


def sentence(text: str, index: int = 0, paragraph: int = 0) -> Sentence:
    """A sentence on its own, as the extractors receive it."""
    return Sentence(index, 0, len(text), text, paragraph)
