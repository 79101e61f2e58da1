"""Passages an article quotes from another author, found in its text.

An article often quotes a paragraph of someone else's (“The most striking demonstration … the
North Korean economy.”[vi]). A fact drawn from inside such a passage is that author's claim, not
the article's, and a question that says "According to the article" misattributes it. The deck
says whose words they are (``quoted_from``); ``check`` finds the passages in the article's text
and refuses a fact inside one that does not say so, with the author its footnote names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_PASSAGE = re.compile(r"“(?P<text>[^“”]{40,}?)”\s*\[(?P<note>[ivxlcdm]+|\d+)\]")
"""A long quotation closed by a footnote marker: “…”[vi]. Short scare quotes (“love fest”) have no note."""


@dataclass(frozen=True)
class Passage:
    """One passage the article quotes: where it stands in the text, and the note that cites it."""

    start: int
    """Where the quoted words begin in the article's text with white space collapsed (not the
    text as read: a fact's quote is matched the same way, across line breaks)."""
    end: int
    """Exclusive end of the quoted words, before the closing quotation mark."""
    note: str
    """The footnote marker's key (``vi``, ``12``): the note names the passage's author."""


def quoted_passages(article: str) -> list[Passage]:
    """The passages of the article's text (whitespace collapsed) that quote a whole sentence of
    another author and cite it in a note."""
    text = " ".join(article.split())
    found = []
    for match in _PASSAGE.finditer(text):
        if re.search(r"[.!?]\s*$|[.!?] [A-Z“]", match.group("text")):
            found.append(Passage(match.start("text"), match.end("text"), match.group("note")))
    return found


def passage_of(article: str, quote: str) -> Passage | None:
    """The quoted passage a fact's quote lies inside, or None when it is the article's own words."""
    text = " ".join(article.split())
    at = text.find(" ".join(quote.split()))
    if at < 0:
        return None
    end = at + len(" ".join(quote.split()))
    return next((p for p in quoted_passages(article) if p.start <= at and end <= p.end), None)


def author_of(note: str) -> str:
    """Who a footnote cites, as a question names them: 'Samuel Ramani, "The Egypt-North Korea
    Connection", Diplomat, August 28, 2017' -> 'Samuel Ramani (Diplomat)'; 'Borger, Julian, "…",
    Guardian' -> 'Julian Borger (Guardian)'."""
    title = re.search(r"[\"“][^\"”]+[\"”]", note)
    if not title:
        return note.split(",")[0].strip()
    who = note[: title.start()].strip().rstrip(",").strip()
    parts = [p.strip() for p in who.split(",")]
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts):
        who = f"{parts[1]} {parts[0]}"
    where = note[title.end() :].strip().lstrip(",").split(",")[0].strip()
    return f"{who} ({where})" if who and where and not re.search(r"\d", where) else who or where


def suggested_author(article: str, quote: str, footnotes: Mapping[str, str]) -> str | None:
    """The ``quoted_from`` a fact needs: the author of the passage its quote lies in, from the
    passage's note (the note's key when the deck does not hold its text); None outside a passage."""
    passage = passage_of(article, quote)
    if passage is None:
        return None
    note = footnotes.get(passage.note)
    return author_of(note) if note else f"the author cited in note [{passage.note}]"


__all__ = ["Passage", "author_of", "passage_of", "quoted_passages", "suggested_author"]
