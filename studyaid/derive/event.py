"""Derivations over dated events: the year, the date, years between events, chronological order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dates import FuzzyDate
from ..model import Deck, Fact
from .base import Answer, Derivation, Group


def date_of(f: Fact) -> FuzzyDate:
    """A dated event's date (asking an undated one is a bug)."""
    date = f.event.date
    assert date is not None, f"event {f.id!r} is undated"  # callers ask dated events only
    return date


def dated(f: Fact) -> bool:
    """Whether the article dates the event (an undated one gets no date questions)."""
    return f.event.date is not None


def _past(f: Fact) -> bool:
    """Whether the event has happened or begun, so years since it can be counted."""
    return f.stage in ("happened", "ongoing")


def settled(f: Fact, deck: Deck) -> bool:
    """Whether the article gives the event one date only: an event it dates twice ("August 2015"
    and "early 2016") is no year to key, no point in an order and no end of a gap."""
    from ..alsotrue import disputed_dates

    own = date_of(f) if dated(f) else None
    return own is None or all(_overlap(own, d) for d in disputed_dates(f, deck))


def _has_year(g: Group, deck: Deck) -> bool:
    return dated(g[0]) and date_of(g[0]).year is not None and settled(g[0], deck)


def event_year(g: Group, deck: Deck) -> Answer:
    d = date_of(g[0])
    return Answer(
        str(d.year),
        float(d.year or 0),
        "year",
        0,
        f"The article dates {g[0].event.what} to {date_label(g[0])}.",
        span=(d.start, d.end),
    )


_SEASON = re.compile(r"\b(?:the )?(winter|summer|spring|autumn) of $", re.I)


def date_label(f: Fact) -> str:
    """An event's date as precisely as the article words it: "the winter of 1919–1920" where the
    article names the season, "2007 and 2008" where it says "in 2007 and 2008"."""
    label = date_of(f).label
    if not f.asked:
        return label
    at = f.quote.find(f.asked)
    if " and " in f.asked and "–" in label:
        first, last = label.split("–", 1)
        label = f"{'the ' if first.endswith('0s') else ''}{first} and {last}"
    season = _SEASON.search(f.quote[max(0, at - 20) : at]) if at > 0 else None
    if season:
        label = f"the {season.group(1).lower()} of {label}"
    return label


def _overlap(a: FuzzyDate, b: FuzzyDate) -> bool:
    return a.start < b.end and b.start < a.end


def _more_than_a_year(g: Group, deck: Deck) -> bool:
    return dated(g[0]) and date_of(g[0]).label != str(date_of(g[0]).year)


def _overlapping(g: Group, o: Group) -> bool:
    return _overlap(date_of(g[0]), date_of(o[0]))


def event_date(g: Group, deck: Deck) -> Answer:
    d = date_of(g[0])
    label = date_label(g[0])
    return Answer(label, working=f"The article dates {g[0].event.what} to {label}.", span=(d.start, d.end))


def _dated_singles(facts: Sequence[Fact], deck: Deck) -> list[Fact]:
    return sorted(
        (
            f
            for f in facts
            if dated(f)
            and _past(f)
            and date_of(f).year is not None
            and not f.attribution
            and not f.hedge
            and settled(f, deck)
        ),
        key=lambda f: (date_of(f), f.id),
    )


def _a_year_apart(a: Fact, b: Fact) -> bool:
    """Whether ``b`` comes at least a year after ``a``, each date read at its middle: "late 2012"
    and "early 2013" are months apart, and a gap of "1 calendar year" between them misleads."""
    da, db = date_of(a), date_of(b)
    return (db.start + db.end) / 2 - (da.start + da.end) / 2 >= 1 - 1e-9


def year_pairs(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Each single-year event with the next event at least a year later that shares one of its
    actors: a gap between two unrelated events, or two months apart, teaches nothing."""
    ordered = _dated_singles(facts, deck)
    pairs: list[Group] = []
    for i, a in enumerate(ordered):
        mine = set(a.event.actors or ())
        later = next(
            (b for b in ordered[i + 1 :] if _a_year_apart(a, b) and mine & set(b.event.actors or ())),
            None,
        )
        if later is not None:
            pairs.append((a, later))
    return pairs


def event_years_between(g: Group, deck: Deck) -> Answer:
    a, b = g
    gap = (date_of(b).year or 0) - (date_of(a).year or 0)
    return Answer(
        f"{gap} years" if gap != 1 else "1 year",
        float(gap),
        "years",
        0,
        f"{date_of(b).year} − {date_of(a).year} = {gap}.",
    )


def _before_the_article(g: Group, deck: Deck) -> bool:
    """Only when the article has a date, and the event a year before it (never an invented date)."""
    published = deck.source_of(g[0]).year
    return _has_year(g, deck) and _past(g[0]) and published is not None and (date_of(g[0]).year or 0) < published


def event_years_before(g: Group, deck: Deck) -> Answer:
    year = date_of(g[0]).year or 0
    published = deck.source_of(g[0]).year or 0
    gap = published - year
    return Answer(f"{gap} years" if gap != 1 else "1 year", float(gap), "years", 0, f"{published} − {year} = {gap}.")


def chronological_groups(facts: Sequence[Fact], deck: Deck, size: int = 4) -> list[Group]:
    """Overlapping windows of events whose order is certain, four to a question."""
    ordered = sorted(
        (f for f in facts if dated(f) and _past(f) and not f.attribution and not f.hedge and settled(f, deck)),
        key=lambda f: (date_of(f), f.id),
    )
    common = _common_words(ordered)
    groups: list[Group] = []
    for start in range(0, len(ordered), 2):
        chain: list[Fact] = []
        for f in ordered[start:]:
            if _tells_order(f, common):
                continue
            if chain and any(_shared(f, c, common) for c in chain):
                continue
            if not chain or date_of(chain[-1]).before(date_of(f)):
                chain.append(f)
            if len(chain) == size:
                groups.append(tuple(chain))
                break
    unique = {tuple(f.id for f in g): g for g in groups}
    return list(unique.values())


_RELATIONAL = re.compile(
    r"\b(after|before|followed|following|broken|reneged|resumed|renewed|subsequent|later|last|"
    r"again|first|second|third|final|previous|earlier|since)\b",
    re.I,
)


def _tells_order(f: Fact, common: frozenset[str]) -> bool:
    """Whether an event's words place it relative to another ("the test that followed the broken
    moratorium"): an ordering item that says where it goes is no question."""
    return bool(_RELATIONAL.search(str(f["what"])))


def _content(f: Fact) -> set[str]:
    """The telling words of an event: long words other than its head ("the opening of …")."""
    found = re.findall(r"[A-Za-z][\w-]{4,}", str(f["what"]))
    return {w.casefold() for w in found[1:]}


def _common_words(facts: Sequence[Fact]) -> frozenset[str]:
    """Words in more than a sixth of the events (the article's own subject), which link nothing."""
    counts: dict[str, int] = {}
    for f in facts:
        for w in _content(f):
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if n > max(2, len(facts) / 6))


def _shared(a: Fact, b: Fact, common: frozenset[str]) -> bool:
    """Whether two events share a telling word ("moratorium"), so that one reads as the sequel."""
    return bool((_content(a) & _content(b)) - common)


def event_order(g: Group, deck: Deck) -> Answer:
    items = tuple(f.event.what for f in g)
    labels = "; ".join(f"{f.event.what} ({date_label(f)})" for f in g)
    return Answer(" → ".join(items), working=f"In order: {labels}.", sequence=items)


DERIVATIONS = (
    Derivation("event", "year", event_year, numeric=True, applies=_has_year),
    Derivation("event", "date", event_date, applies=_more_than_a_year, rivals=_overlapping),
    Derivation("event", "years_between", event_years_between, groups=year_pairs, numeric=True),
    Derivation("event", "years_before_article", event_years_before, numeric=True, applies=_before_the_article),
    Derivation("event", "chronological", event_order, groups=chronological_groups),
)
