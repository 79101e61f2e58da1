"""An article's text cut into sentences with exact character offsets, so every quote is verbatim.

pysbd splits each paragraph; a fragment it leaves holding only a closing quote and a footnote
marker (``”[i]``) is joined back to the sentence it ends. Offsets always index the article as
read, so ``article[start:end]`` is the sentence word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

MARKER = re.compile(r"\[(?P<key>[ivxlcdm]{1,8}|\d{1,3})\]")
"""A footnote marker as articles print it: ``[ii]``, ``[12]``."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")
_WORDLIKE = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body, located by offsets into the article's text."""

    index: int
    """Position among the body's sentences, from 0."""
    start: int
    """Where the sentence begins in the article as read."""
    end: int
    """Exclusive end, after trailing spaces and footnote markers are trimmed off."""
    text: str
    """``article[start:end]``: the sentence word for word."""
    paragraph: int
    """Index of the paragraph the sentence is in."""
    footnote: str | None = None
    """The note the sentence cites: the next marker in its paragraph at or after it."""


@cache
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the blank-line separated blocks between ``start`` and ``end``, whitespace trimmed."""
    breaks = ((brk.start(), brk.end()) for brk in _PARAGRAPH_BREAK.finditer(text, start, end))
    return [trimmed for s, e in _pieces(start, end, breaks) if (trimmed := _trim(text, s, e))[0] < trimmed[1]]


def _pieces(start: int, end: int, breaks: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``start``..``end`` cut at each break, given as (where a piece ends, where the next begins)."""
    spans: list[tuple[int, int]] = []
    at = start
    for stop, resume in breaks:
        spans.append((at, stop))
        at = resume
    spans.append((at, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Sentence, ...]:
    """The sentences of ``text[start:end]``, paragraph by paragraph, with their cited notes."""
    end = len(text) if end is None else end
    found: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text, start, end)):
        pieces: list[tuple[int, int]] = []
        for span in _segmenter().segment(text[p_start:p_end]):
            s, e = _trim(text, p_start + span.start, p_start + span.end)
            if s >= e:
                continue
            if pieces and not _WORDLIKE.search(MARKER.sub("", text[s:e])):
                pieces[-1] = (pieces[-1][0], e)
            else:
                pieces.append((s, e))
        pieces = [cut for s, e in pieces for cut in _split_after_markers(text, s, e)]
        markers = [(m.start(), m["key"]) for m in MARKER.finditer(text, p_start, p_end)]
        for s, e in pieces:
            cited = next((key for at, key in markers if at >= s), None)
            # A marker opening a piece closes the sentence before it: "began.[ii] It cites".
            while lead := re.match(r"\[(?:[ivxlcdm]{1,8}|\d{1,3})\]\s*", text[s:e]):
                s += lead.end()
                cited = next((key for at, key in markers if at >= s), None)
            e = _strip_markers(text, s, e)
            if s < e:
                found.append(Sentence(len(found), s, e, text[s:e], number, cited))
    return tuple(found)


_MARKER_END = re.compile(r"[.!?][\"”’]?\[(?:[ivxlcdm]{1,8}|\d{1,3})\](?=\s+[A-Z“\"])")


def _split_after_markers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``...in 2015.[i] According to...``: pysbd keeps this together; the marker ends a sentence."""
    breaks = ((m.end(), m.end() + _spaces(text, m.end(), end)) for m in _MARKER_END.finditer(text, start, end))
    return [(s, e) for s, e in _pieces(start, end, breaks) if s < e]


def _spaces(text: str, at: int, end: int) -> int:
    """How many white-space characters stand at ``at`` (before ``end``)."""
    n = 0
    while at + n < end and text[at + n].isspace():
        n += 1
    return n


def _strip_markers(text: str, start: int, end: int) -> int:
    """The end of a sentence with the footnote markers and spaces that close it cut off."""
    while True:
        start_end = end
        while end > start and text[end - 1].isspace():
            end -= 1
        match = re.search(r"\[(?:[ivxlcdm]{1,8}|\d{1,3})\]$", text[start:end])
        if match:
            end = start + match.start()
        if end == start_end:
            return end
