"""Dates at the precision the article gives them: a year, "early 2012", "the late 1950s", a
century, a season, a range, or a date relative to the article's own ("later this year")."""

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
_CENTURY = re.compile(r"^(?:(?P<part>early|mid|late) )?(?P<n>\d{1,2})(?:st|nd|rd|th) century$")
_SEASONS = {"spring": (2, 5), "summer": (5, 8), "autumn": (8, 11), "fall": (8, 11), "winter": (11, 14)}
"""Meteorological seasons of the northern hemisphere, as months from January (winter runs into
the next year)."""
_SEASON = re.compile(r"^(?P<season>spring|summer|autumn|fall|winter) (?P<year>\d{4})$")
_NATURAL = re.compile(r"^(?:(?P<day>\d{1,2}) )?(?P<month>[A-Z][a-z]+) (?P<year>\d{4})$")
RELATIVE = ("earlier this year", "this year", "later this year", "last year", "next year")
"""Dates the article gives relative to its own date; resolved against the source's date."""
UNKNOWN = "unknown"
"""The date an event has when the article gives none (the same as leaving ``date`` out)."""


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


def parse_date(text: str, published: str | None = None) -> FuzzyDate:
    """Parse one of: 2003, 2017-09, 2017-09-21, 21 September 2017, September 2017, early 2012,
    1950s, the late 1950s, the 19th century, early 20th century, spring 2019, a date relative to
    the article (``later this year``, resolved against ``published``), or two of these as A/B."""
    text = " ".join(str(text).split())
    if text.startswith("the ") and "/" not in text:
        text = text[4:]
    if text in RELATIVE:
        return _relative(text, published)
    if "/" in text:
        if text.count("/") > 1 or len(text) > 80:
            raise DateFormatError(f"expected a range of two dates like 1983/1990, got {text[:80]!r}")
        first, _, last = text.partition("/")
        a, b = parse_date(first, published), parse_date(last, published)
        if b.start < a.start:
            raise DateFormatError(f"range {text!r} ends before it starts")
        year = a.year if a.year is not None and a.year == b.year else None
        return FuzzyDate(a.start, max(a.end, b.end), f"{_bare(a.label)}–{_bare(b.label)}", year)
    for pattern, reader in ((_CENTURY, _century), (_SEASON, _season), (_NATURAL, _natural)):
        found = pattern.match(text)
        if found:
            return reader(found, text)
    match = _POINT.match(text)
    if not match:
        raise DateFormatError(
            "expected a date like 2003, 2017-09, 2017-09-21, early 2012, late 1950s, 19th century, "
            f"spring 2019, later this year or 1983/1990, got {text!r}"
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
    return _day_or_month(year, int(month), int(day) if day else None, text)


def _day_or_month(year: int, m: int, day: int | None, text: str) -> FuzzyDate:
    if not 1 <= m <= 12:
        raise DateFormatError(f"{text!r} has no month {m}")
    if day is None:
        return FuzzyDate(year + (m - 1) / 12, year + m / 12, f"{MONTHS[m - 1]} {year}", year)
    try:
        when = dt.date(year, m, day)
    except ValueError as exc:
        raise DateFormatError(f"{text!r} is not a calendar date ({exc})") from None
    start = year + (when.timetuple().tm_yday - 1) / 366
    return FuzzyDate(start, start + 1 / 366, f"{when.day} {MONTHS[m - 1]} {year}", year)


def _century(match: re.Match[str], text: str) -> FuzzyDate:
    """The Nth century as the years (N-1)00 to N00, the way most readers count it."""
    n = int(match["n"])
    if not 1 <= n <= 30:
        raise DateFormatError(f"{text!r} is not a century studyaid can place")
    part = match["part"]
    lo, hi = _PART_OF_YEAR[part] if part else (0.0, 1.0)
    start = (n - 1) * 100
    label = f"the {part + ' ' if part else ''}{_ordinal(n)} century"
    return FuzzyDate(start + 100 * lo, start + 100 * hi, label, None)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _season(match: re.Match[str], text: str) -> FuzzyDate:
    year = int(match["year"])
    first, last = _SEASONS[match["season"]]
    return FuzzyDate(year + first / 12, year + last / 12, f"{match['season']} {year}", year if last <= 12 else None)


def _natural(match: re.Match[str], text: str) -> FuzzyDate:
    if match["month"] not in MONTHS:
        raise DateFormatError(f"{text!r}: {match['month']!r} is not an English month name")
    m = MONTHS.index(match["month"]) + 1
    return _day_or_month(int(match["year"]), m, int(match["day"]) if match["day"] else None, text)


def _relative(text: str, published: str | None) -> FuzzyDate:
    """``later this year`` and the like, from the article's date; refused when it has none."""
    if not published:
        raise DateFormatError(f"{text!r} is relative to the article's date, but source.date is not given")
    day = dt.date.fromisoformat(published) if len(published) == 10 else None
    year = int(published[:4])
    # The publication day belongs to both "earlier" and "later" this year, so that neither span is
    # empty when the article appeared on 1 January or 31 December.
    day_starts = year + ((day.timetuple().tm_yday - 1) / 366 if day else 0.5)
    day_ends = year + (day.timetuple().tm_yday / 366 if day else 0.5)
    if text == "last year":
        return FuzzyDate(year - 1.0, float(year), str(year - 1), year - 1)
    if text == "next year":
        return FuzzyDate(year + 1.0, year + 2.0, str(year + 1), year + 1)
    if text == "this year" or day is None:
        return FuzzyDate(float(year), year + 1.0, str(year), year)
    if text == "earlier this year":
        return FuzzyDate(float(year), day_ends, f"earlier in {year}", year)
    return FuzzyDate(day_starts, year + 1.0, f"later in {year}", year)


def _bare(label: str) -> str:
    """A label without its leading article, for joining into a range."""
    return label.removeprefix("the ")
