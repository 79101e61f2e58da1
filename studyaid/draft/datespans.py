"""Date expressions in a sentence, each checked by studyaid's own date grammar (``studyaid.dates``).

Candidates are found by shape (a four-digit year in a date's context, a month name with a year,
``early 2012``, ``the late 1950s``, ``1983-1990``, ``April Fool's Day 1920``, ``a year later``),
written in the deck's date grammar and parsed with ``parse_date``, the loader's parser, so a
proposal is a date the loader accepts. A number is never a year merely for having digits:
``50% of``, ``$2019``, ``1,435 mm``, ``11:25:21 AM`` and ``Executive Order 13810`` are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateFormatError, FuzzyDate, parse_date
from ..wording import MONTHS
from .numbers import WORDS

_MONTH_NAMES = "|".join([*MONTHS, r"Sept\.?", *(m[:3] + r"\.?" for m in MONTHS if len(m) > 3)])
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_YEAR = r"(?<![\d$€£¥.,/:])(?:1[0-9]{3}|20[0-9]{2})(?![\d%]|[.,:/]\d|\s?(?:per\s?cent|percent))"
_ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}
_ORDINALS.update({"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "thirtieth": 30, "thirty-first": 31})
_HOLIDAYS = {
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "april fool's day": (4, 1),
    "april fools' day": (4, 1),
    "may day": (5, 1),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
}
_COUNTS = {"a": 1, "one": 1} | {word: n for word, n in WORDS.items() if n <= 10}
"""Counts up to ten in words (``two years later``), from the shared number words; "a" and "one" count here."""
_PART = r"(?P<part>early|mid|late)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_UNIT_AFTER = re.compile(
    r"^\s?(?:tons?|tonnes?|troops|men|people|km|kilomet|mm|miles?|metres?|meters?|feet|ft|barrels|dollars|"
    r"[a-z]+s\b(?<!years)(?<!days))",
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("day-month", rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(?P<year>{_YEAR})"),
        (
            "ordinal-day",
            rf"\b(?:[Tt]he\s+)?(?P<ord>{'|'.join(sorted(_ORDINALS, key=len, reverse=True))})\s+of\s+{_MONTH},?\s+"
            rf"(?P<year>{_YEAR})",
        ),
        ("month-day", rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>{_YEAR})"),
        (
            "holiday",
            r"\b(?P<holiday>(?:New Year|Valentine|April Fool)['’]?s?['’]? (?:Day|Eve)|May Day|Halloween|"
            rf"Christmas(?: Eve| Day)?|Boxing Day)(?:\s+of)?,?\s+(?P<year>{_YEAR})",
        ),
        ("month-year", rf"\b{_MONTH}(?:\s+of)?,?\s+(?P<year>{_YEAR})"),
        (
            "century",
            r"\b(?:[Tt]he\s+)?(?:(?P<part>early|mid|late)[-\s])?(?P<century>[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)"
            r"[-\s]century\b",
        ),
        ("season", rf"\b{_SEASON}\s+(?:of\s+)?(?P<year>{_YEAR})(?:\s?[-–]\s?(?P<year2>{_YEAR}))?"),
        ("part-decade", rf"\b(?:the\s+)?{_PART}[-\s](?P<decade>1[0-9]{{2}}|20[0-9])0s\b"),
        ("decade", r"\b(?:the\s+)?(?P<decade>(?<![\d$€£¥.,/:])(?:1[0-9]{2}|20[0-9]))0s\b"),
        ("part-year", rf"\b{_PART}(?:[-\s]|\s+in\s+)(?P<year>{_YEAR})"),
        ("year", rf"\b(?P<year>{_YEAR})\b"),
        ("relative", r"\b(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+later\b"),
        ("relative", r"\b(?P<next>the following year|the next year)\b"),
    )
)
_JOINERS = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$")
_FROM_BEFORE = re.compile(r"(?:\b(?:from|between)\s+)$", re.I)


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in a sentence, in the deck's grammar."""

    start: int
    end: int
    """Offsets into the sentence's text."""
    text: str
    """The words as the sentence writes them: ``early in 2016``."""
    value: str
    """The same date in the deck's grammar: ``early 2016``, ``2017-09-21``, ``1983/1990``."""
    parsed: FuzzyDate
    rule: str
    """Which shape found it, for the fact's ``found_by`` note."""


def find_dates(sentence: str, last_year: int | None = None) -> list[DateSpan]:
    """Every date expression in ``sentence``, left to right and never overlapping.

    ``last_year`` is the latest year the text gave before this sentence, so ``a year later``
    can be resolved; without it such phrases are skipped.
    """
    points: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if rule == "year" and not _year_context(sentence, s, e):
                continue
            value = _grammar(rule, match, last_year)
            if value is None:
                continue
            try:
                parsed = parse_date(value)
            except DateFormatError:
                continue
            points.append(DateSpan(s, e, sentence[s:e], value, parsed, rule))
            taken.append((s, e))
            if rule != "relative" and parsed.year is not None:
                last_year = parsed.year
    points.sort(key=lambda d: d.start)
    return _join_ranges(sentence, points)


def _year_context(sentence: str, start: int, end: int) -> bool:
    """A bare four-digit number reads as a year unless a unit or count noun follows it."""
    return not _UNIT_AFTER.match(sentence[end:])


def _grammar(rule: str, match: re.Match[str], last_year: int | None) -> str | None:
    groups = match.groupdict()
    if rule in ("day-month", "month-day", "ordinal-day"):
        day = _ORDINALS[groups["ord"]] if rule == "ordinal-day" else int(groups["day"])
        return f"{groups['year']}-{_month_number(groups['month']):02d}-{day:02d}"
    if rule == "holiday":
        key = groups["holiday"].replace("’", "'").casefold()
        month, day = _HOLIDAYS.get(key, _HOLIDAYS.get(key.replace("fools'", "fool's"), (0, 0)))
        return f"{groups['year']}-{month:02d}-{day:02d}" if month else None
    if rule == "month-year":
        return f"{groups['year']}-{_month_number(groups['month']):02d}"
    if rule == "season":
        # "the winter of 1919-1920" is the winter between two years: written as those years,
        # since the grammar's "winter 1919/1920" would run from one winter to the next.
        return f"{groups['year']}/{groups['year2']}" if groups["year2"] else f"{groups['season']} {groups['year']}"
    if rule == "century":
        part = f"{groups['part']} " if groups["part"] else ""
        return f"{part}{groups['century']}{_ordinal(int(groups['century']))} century"
    if rule == "part-decade":
        return f"{groups['part']} {groups['decade']}0s"
    if rule == "decade":
        return f"{groups['decade']}0s"
    if rule == "part-year":
        return f"{groups['part']} {groups['year']}"
    if rule == "year":
        return groups["year"]
    if last_year is None:
        return None
    count = 1 if groups.get("next") else _COUNTS[groups["count"]]
    return str(last_year + count)


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _month_number(name: str) -> int:
    short = name[:3].casefold()
    return next(i for i, m in enumerate(MONTHS, 1) if m[:3].casefold() == short)


def _join_ranges(sentence: str, points: list[DateSpan]) -> list[DateSpan]:
    """``1983-1990``, ``from 2007 to 2015``, ``2007 and 2008``, ``late 1990s and early 2000s``: one range."""
    joined: list[DateSpan] = []
    i = 0
    while i < len(points):
        a = points[i]
        if i + 1 < len(points) and a.rule != "relative" and points[i + 1].rule != "relative":
            b = points[i + 1]
            between = sentence[a.end : b.start]
            and_joined = between.strip() == "and"
            if (
                _JOINERS.match(between)
                and (not and_joined or _same_shape(a, b))
                and a.parsed.start < b.parsed.start
                and b.parsed.end - a.parsed.start <= 100
            ):
                start = a.start
                prefix = _FROM_BEFORE.search(sentence[: a.start])
                if prefix and between.strip() in ("to", "until", "till", "through", "and", "-", "–"):
                    start = prefix.start()
                value = f"{_range_end(a.value)}/{_range_end(b.value)}"
                try:
                    parsed = parse_date(value)
                except DateFormatError:
                    parsed = None
                if parsed is not None:
                    joined.append(DateSpan(start, b.end, sentence[start : b.end], value, parsed, "range"))
                    i += 2
                    continue
        joined.append(a)
        i += 1
    return joined


def _same_shape(a: DateSpan, b: DateSpan) -> bool:
    """``2007 and 2008`` is one span of time; ``in 2009 and, a year later`` is two dates."""
    shapes = ("year", "decade", "part-decade", "part-year", "century")
    return a.rule in shapes and b.rule in shapes


def _range_end(value: str) -> str:
    return value.split("/")[0] if "/" in value else value
