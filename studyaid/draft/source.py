"""What the article's own text says about itself: title line, byline, date, publisher.

Nothing is guessed beyond what a line states: an article with no byline gets no author, a date
whose day and month could be swapped (``4/5/19``) gets no date, and the deck leaves them empty
for the teacher (or the ``--author``/``--date`` options) to fill.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..wording import MONTHS

_BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<who>[A-Z][^,\n|]{2,80}?)[ \t]*(?:,[ \t]*(?P<rest>[^\n]*))?[ \t]*$", re.M)
_SOURCE = re.compile(r"^[ \t]*Source[ \t]*:[ \t]*(?P<who>[^\n]+?)(?:[ \t]+\d{4})?[ \t]*$", re.M)
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_FIRST = re.compile(_MONTH + r"[ \t]+(?P<d>\d{1,2}),?[ \t]+(?P<y>\d{4})\b")
_DAY_FIRST = re.compile(r"\b(?P<d>\d{1,2})[ \t]+" + _MONTH + r"[ \t]+(?P<y>\d{4})\b")
_BODY_WORDS = 12
_HEAD_LINES = 60


@dataclass(frozen=True)
class Header:
    """The article's description of itself; None where the text does not say."""

    title: str | None
    author: str | None
    date: str | None
    """ISO ``YYYY-MM-DD``."""
    publisher: str | None
    body_start: int
    """Offset of the first paragraph of prose: menus, title and byline lie before it."""


def read_header(text: str) -> Header:
    """Title, byline and date from the top of the article; publisher from a ``Source:`` line."""
    lines = _lines(text)[:_HEAD_LINES]
    byline = next((i for i, (_, line) in enumerate(lines) if _BYLINE.match(line)), None)
    title = author = date = None
    after = 0
    if byline is not None:
        match = _BYLINE.match(lines[byline][1])
        assert match is not None
        author = " ".join(match["who"].split())
        title = next((line.strip() for _, line in reversed(lines[:byline]) if line.strip()), None)
        near = [match["rest"] or ""] + [line for _, line in lines[byline + 1 : byline + 4]]
        date = next((d for d in map(first_date, near) if d), None)
        after = byline + 1
    elif lines:
        first = next((i for i, (_, line) in enumerate(lines) if line.strip()), None)
        if first is not None and _heading_like(lines, first):
            title = lines[first][1].strip()
            after = first + 1
    body_start = next((at for at, line in lines[after:] if len(line.split()) >= _BODY_WORDS), None)
    if body_start is None:
        body_start = lines[after][0] if after < len(lines) else 0
    publishers = list(_SOURCE.finditer(text, body_start))
    publisher = " ".join(publishers[-1]["who"].split()) if publishers else None
    if title is not None and (title.endswith((".", "?", "!")) and len(title.split()) > 20):
        title = None
    return Header(title, author, date, publisher, body_start)


def _lines(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        found.append((at, line.rstrip("\r\n")))
        at += len(line)
    return found


def _heading_like(lines: list[tuple[int, str]], i: int) -> bool:
    """A first line that reads as a title: short, no closing full stop, a blank line after it."""
    line = lines[i][1].strip()
    blank_after = i + 1 >= len(lines) or not lines[i + 1][1].strip()
    return blank_after and len(line.split()) <= 20 and not line.endswith(".")


def first_date(line: str) -> str | None:
    """The first unambiguous calendar date a line states, as ISO; None if there is none."""
    found: list[tuple[int, str]] = []
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(line):
            month = _month(match)
            iso = _iso(int(match["y"]), month, int(match["d"]))
            if iso:
                found.append((match.start(), iso))
    for match in _NUMERIC.finditer(line):
        a, b = int(match["a"]), int(match["b"])
        year = int(match["y"]) + (2000 if len(match["y"]) == 2 and int(match["y"]) < 70 else 0)
        year += 1900 if len(match["y"]) == 2 and year < 100 else 0
        if a > 12 >= b:
            iso = _iso(year, b, a)
        elif b > 12 >= a:
            iso = _iso(year, a, b)
        else:
            iso = None  # 4/5/19 is April or May depending on the writer's country
        if iso:
            found.append((match.start(), iso))
    return min(found)[1] if found else None


def _month(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("month"):
        short = groups["month"][:3].casefold()
        return next(i for i, name in enumerate(MONTHS, 1) if name[:3].casefold() == short)
    return int(groups["m"])


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
