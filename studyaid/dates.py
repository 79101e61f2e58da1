"""Dates at the precision the article gives them: a year, "early 2012", "the late 1950s", a range."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .wording import MONTHS

_PART_OF_YEAR = {"early": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1.0)}
_POINT = re.compile(
    r"^(?:(?P<part>early|mid|late) )?(?P<year>\d{4})(?P<decade>s)?"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$"
)


class DateFormatError(ValueError):
    """A date string outside the grammar in docs/deck-format.md."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A span of time, ordered by where it starts; ``label`` is how a reader would say it."""

    start: float
    """Fractional year where the span starts (2012.0 is 1 January 2012)."""
    end: float
    """Fractional year where the span ends (exclusive)."""
    label: str
    year: int | None
    """The calendar year, when the whole span lies inside one year."""

    def before(self, other: FuzzyDate) -> bool:
        """True when this span ends no later than ``other`` starts: their order is certain."""
        return self.end <= other.start


def parse_date(text: str) -> FuzzyDate:
    """Parse one of: 2003, 2017-09, 2017-09-21, early 2012, 1950s, late 1950s, or A/B."""
    text = " ".join(str(text).split())
    if "/" in text:
        if text.count("/") > 1 or len(text) > 80:
            raise DateFormatError(f"expected a range of two dates like 1983/1990, got {text[:80]!r}")
        first, _, last = text.partition("/")
        a, b = parse_date(first), parse_date(last)
        if b.start < a.start:
            raise DateFormatError(f"range {text!r} ends before it starts")
        year = a.year if a.year is not None and a.year == b.year else None
        return FuzzyDate(a.start, max(a.end, b.end), f"{_bare(a.label)}–{_bare(b.label)}", year)
    match = _POINT.match(text)
    if not match:
        raise DateFormatError(
            f"expected a date like 2003, 2017-09, 2017-09-21, early 2012, late 1950s or 1983/1990, got {text!r}"
        )
    year = int(match["year"])
    part, month, day = match["part"], match["month"], match["day"]
    if match["decade"]:
        if year % 10 or month:
            raise DateFormatError(f"{text!r} is not a decade (write 1950s)")
        lo, hi = _PART_OF_YEAR[part] if part else (0.0, 1.0)
        label = f"the {part + ' ' if part else ''}{year}s"
        return FuzzyDate(year + 10 * lo, year + 10 * hi, label, None)
    if part and month:
        raise DateFormatError(f"{text!r} mixes a part of the year with a month")
    if part:
        lo, hi = _PART_OF_YEAR[part]
        return FuzzyDate(year + lo, year + hi, f"{part} {year}", year)
    if month is None:
        return FuzzyDate(float(year), year + 1.0, str(year), year)
    m = int(month)
    if not 1 <= m <= 12:
        raise DateFormatError(f"{text!r} has no month {m}")
    if day is None:
        return FuzzyDate(year + (m - 1) / 12, year + m / 12, f"{MONTHS[m - 1]} {year}", year)
    try:
        when = dt.date(year, m, int(day))
    except ValueError as exc:
        raise DateFormatError(f"{text!r} is not a calendar date ({exc})") from None
    start = year + (when.timetuple().tm_yday - 1) / 366
    return FuzzyDate(start, start + 1 / 366, f"{when.day} {MONTHS[m - 1]} {year}", year)


def _bare(label: str) -> str:
    """A label without its leading article, for joining into a range."""
    return label.removeprefix("the ")
