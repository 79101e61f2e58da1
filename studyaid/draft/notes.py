"""The article's notes section: ``[i] Borger, Julian, ...`` lines after the body, keyed as printed.

The section starts at the first line that opens with a marker (``[i]``, ``[1]``, ``1.`` after a
``Notes`` heading) and is followed only by more notes; a note runs on over paragraphs of prose
and ends at the next marker or at a short line (``Source: ...``, ``Top of Page``), which is
where the page's own furniture begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .text import MARKER

_NOTE_LINE = re.compile(r"^[ \t]*\[(?P<key>[ivxlcdm]{1,8}|\d{1,3})\][ \t]*(?P<text>.*)$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*(?:notes|footnotes|endnotes|references|sources)[ \t]*:?[ \t]*$", re.I | re.MULTILINE)
_NUMBERED = re.compile(r"^[ \t]*(?P<key>\d{1,3})[.)][ \t]+(?P<text>\S.*)$")
_MIN_CONTINUATION_WORDS = 8


@dataclass(frozen=True)
class Notes:
    """Where the notes section lies and what each note says."""

    start: int
    """Offset where the section begins: the article's body ends here."""
    end: int
    """Offset after the last note."""
    notes: dict[str, str] = field(default_factory=dict)
    """Note text by key, whitespace collapsed."""


def find_notes(text: str, body_start: int = 0) -> Notes | None:
    """The notes section after ``body_start``, or None when the article has none."""
    first = next((m for m in _NOTE_LINE.finditer(text, body_start) if _is_section(text, m.start())), None)
    if first is not None:
        return _collect(text, first.start(), lambda line: _match_key(_NOTE_LINE, line))
    heading = next(iter(_HEADING.finditer(text, body_start)), None)
    if heading is not None:
        got = _collect(text, heading.end(), lambda line: _match_key(_NUMBERED, line))
        if got.notes:
            return Notes(heading.start(), got.end, got.notes)
    return None


def _match_key(pattern: re.Pattern[str], line: str) -> tuple[str, str] | None:
    match = pattern.match(line)
    return (match["key"], match["text"]) if match else None


def _is_section(text: str, at: int) -> bool:
    """A marker at a line start opens the notes only if no body paragraph citing a note follows:
    a paragraph that happens to begin with ``[1]`` does not end the body."""
    for line in text[at:].splitlines():
        if len(line) >= 200 and not _NOTE_LINE.match(line) and MARKER.search(line):
            return False
    return True


def _collect(text: str, start: int, key_of: Callable[[str], tuple[str, str] | None]) -> Notes:
    notes: dict[str, str] = {}
    current: str | None = None
    offset = start
    end = start
    for line in text[start:].splitlines(keepends=True):
        stripped = line.strip()
        line_end = offset + len(line.rstrip("\r\n"))
        got = key_of(line)
        if got is not None:
            current, body = got
            notes[current] = " ".join(body.split())
            end = line_end
        elif stripped and current is not None:
            if len(stripped.split()) < _MIN_CONTINUATION_WORDS:
                break
            notes[current] = " ".join(f"{notes[current]} {stripped}".split())
            end = line_end
        offset += len(line)
    return Notes(start, end, notes)
