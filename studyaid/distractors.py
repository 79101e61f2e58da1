"""Wrong answers drawn from the fact base: never equal to the answer, never another true answer.

For each template the answers of every applicable fact are computed once (a ``CandidateIndex``).
A question then looks only at a bounded window of them: the nearest values for numbers and dates,
a sample of the same sort for names. On a small deck the window is the whole index, so the choice
is exactly the best-ranked one; on a deck of 100,000 facts generation stays linear.
"""

from __future__ import annotations

import bisect
import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import alsotrue
from .alsotrue import same_thing
from .coherence import coherence, coheres, era_limit, era_years, is_hub
from .dates import DateFormatError, FuzzyDate, parse_date
from .derive import Answer, Derivation, Group
from .model import Deck, Fact
from .phrasing import NUMBER, words
from .sorts import born_after, described, exclusive, names_of, plausible, same_head

DISTRACTORS = 3
WINDOW = 32
"""How many candidates a question ranks at most."""
_SORT_FIELDS = ("actor_kind", "place_kind", "whole", "unit")


@dataclass(frozen=True)
class CandidateIndex:
    """Every applicable fact of a template's pool with its computed answer, indexed for nearness."""

    entries: tuple[tuple[Fact, Answer], ...]
    """In pool order (sorted by fact id), so that ranking ties break the same way on every run."""
    positions: tuple[float, ...]
    """Distinct numbers (or date starts) of the answers that have one, sorted."""
    at_position: dict[float, tuple[int, ...]]
    """Entry indices by that number."""
    by_sort: dict[object, tuple[int, ...]]
    """Entry indices by the fact's sort (actor kind, place kind, whole, unit)."""

    @classmethod
    def build(cls, derivation: Derivation, pool: Sequence[Fact], deck: Deck) -> CandidateIndex:
        """Compute each applicable fact's answer once."""
        entries = tuple((f, derivation.compute((f,), deck)) for f in pool if derivation.applies((f,), deck))
        at_position: dict[float, list[int]] = {}
        by_sort: dict[object, list[int]] = {}
        for i, (f, a) in enumerate(entries):
            by_sort.setdefault(_sort_key(f), []).append(i)
            if (where := _position(a)) is not None:
                at_position.setdefault(where, []).append(i)
        return cls(
            entries,
            tuple(sorted(at_position)),
            {k: tuple(v) for k, v in at_position.items()},
            {k: tuple(v) for k, v in by_sort.items()},
        )

    def window(self, answer: Answer, fact: Fact, rng: random.Random) -> list[int]:
        """Entry indices worth ranking for this answer, in pool order."""
        if len(self.entries) <= WINDOW:
            return list(range(len(self.entries)))
        where = _position(answer)
        if where is not None and self.positions:
            # The nearest distinct values on each side, two facts of each at most: many facts can
            # share a value (events in one year), and equal values make only one distractor.
            at = bisect.bisect_left(self.positions, where)
            lo, hi = max(0, at - WINDOW // 4), min(len(self.positions), at + WINDOW // 4)
            chosen: set[int] = set()
            for value in self.positions[lo:hi]:
                facts = self.at_position[value]
                chosen.update(facts if len(facts) <= 2 else rng.sample(facts, 2))
        else:
            same = self.by_sort.get(_sort_key(fact), ())
            chosen = set(rng.sample(same, min(len(same), WINDOW // 2)))
            chosen.update(rng.sample(range(len(self.entries)), WINDOW // 2))
        return sorted(chosen)


def pick_distractors(
    index: CandidateIndex | None,
    derivation: Derivation,
    group: Group,
    answer: Answer,
    deck: Deck,
    rng: random.Random,
    count: int = DISTRACTORS,
) -> list[Answer]:
    """The ``count`` most plausible wrong answers: same sort first, then nearest in value.

    When the window near the answer holds too few usable candidates (many equal values), a wider
    random sample of the whole index is ranked instead.
    """

    def ranked(wide: bool) -> list[Answer]:
        """Usable wrong answers from the window (or a wide sample) and the derivation's own pool, best first."""
        candidates: list[tuple[float, Answer]] = []
        if index is not None and len(group) == 1:
            if wide:
                positions = sorted(rng.sample(range(len(index.entries)), min(len(index.entries), 8 * WINDOW)))
            else:
                positions = index.window(answer, group[0], rng)
            for i in positions:
                fact, cand = index.entries[i]
                if fact.id == group[0].id or derivation.rivals(group, (fact,)):
                    continue
                if not _fits(group[0], fact, derivation, deck, statement=count == 1):
                    continue
                affinity = _affinity(group[0], fact, deck)
                if derivation.name in _NAMED:
                    # Among fair options, those from the answer's own part of the article first.
                    affinity += 1.0 - coherence(deck, group[0], fact)
                candidates.append((affinity, cand))
        candidates.extend((0.0, a) for a in derivation.pool(group, deck))
        seen = {answer.key}
        scored: list[tuple[float, float, Answer]] = []
        for affinity, cand in candidates:
            if cand.key in seen or cand.unit != answer.unit:
                continue
            if answer.span and cand.span and near(answer.span, cand.span, fuzzy(answer.text, cand.text)):
                continue
            if part_of(answer.text, cand.text):
                continue
            if len(group) == 1 and also_true(group[0], answer, cand, deck):
                continue
            seen.add(cand.key)
            # Ties (same sort, same distance) break by the question's own random draw, so that
            # questions of one kind do not all get the same alphabetically first distractors.
            if answer.span and cand.span and _date_form(cand.text) != _date_form(answer.text):
                # "2007 and 2008" among "early 2012 | late 2012 | early 2013" is the odd one out.
                affinity += 0.1
            scored.append((affinity + _distance(answer, cand), rng.random(), cand))
        scored.sort(key=lambda entry: (entry[0], entry[1]))
        return _spread([a for _, _, a in scored], count)

    chosen = ranked(wide=False)
    if len(chosen) < count and index is not None and len(index.entries) > WINDOW:
        chosen = ranked(wide=True)
    return chosen[:count]


_NAMED = ("name", "role", "description")
"""Derivations whose options are named things or what the article says of them."""
_SHOWN = {"name": "names", "part": "names"}
"""Derivations whose options are names; for the others (role, description) they are descriptions."""


def _fits(subject: Fact, other: Fact, derivation: Derivation, deck: Deck, statement: bool = False) -> bool:
    """Whether another fact's answer is a fair wrong option: same topic and sort, plausible beside
    the prompt's type words, not naming the subject (see ``sorts.plausible``), and of the same
    part of the article (``coherence``)."""
    shown = _SHOWN.get(derivation.name, "descriptions")
    if derivation.name in ("name", "role", "description", "part") and not plausible(subject, other, deck, shown):
        return False
    if derivation.name == "part" and subject.kind == "share" and other.get("whole") != subject.get("whole"):
        # Goods of the other trade direction beside this one's are ruled out by sense alone.
        return False
    if derivation.name in ("date", "year") and _era_apart(subject, other, deck):
        # "The late 1950s" among dates of the Russian Civil War is ruled out by era alone.
        return False
    if derivation.name not in _NAMED:
        return True
    if is_hub(deck, subject) or is_hub(deck, other):
        return False
    if born_after(other, era_years(deck, subject)):
        # A state founded decades after the story (South Korea for 1918-1920) is ruled out by era.
        return False
    if derivation.name != "name" and not exclusive(described(other)):
        # "The state added to the list of state sponsors of terrorism" may be true of many.
        return False
    if statement and derivation.name != "name" and not same_head(subject, other):
        # "The White House is the agency that…": a false statement must fit the subject's kind.
        return False
    # Of the article's own part and era: no 1920s general among today's leaders.
    return coheres(deck, subject, other)


def _era_apart(subject: Fact, other: Fact, deck: Deck) -> bool:
    a, b = subject.get("date"), other.get("date")
    if not isinstance(a, FuzzyDate) or not isinstance(b, FuzzyDate):
        return False
    return b.start > a.end + era_limit(deck) or a.start > b.end + era_limit(deck)


_BOUNDS = {"up to": "upper", "at most": "upper", "more than": "lower", "at least": "lower", "over": "lower"}
_APPROXIMATE = ("about", "roughly", "around", "estimated", "approximately")


def also_true(subject: Fact, answer: Answer, cand: Answer, deck: Deck) -> bool:
    """Whether a candidate is true of the subject by meaning, not only by text: an alias, a value
    the article also supports for it or for the same claim elsewhere in its sentence, with every
    name of what that value names (``alsotrue``), a value inside the article's bound ("up to 50%"
    makes 24.6% true as well) or close to an approximate figure."""
    if any(same_thing(n, cand.text) for n in names_of(subject)):
        return True
    for other in alsotrue.also_true(subject, deck):
        if _same(str(other), cand):
            return True
    # A stated figure ("up to 3 minutes") has its number in its text only.
    mine, theirs = _figure(answer), _figure(cand)
    if mine is not None and theirs is not None:
        hedges = [subject.hedge or "", *subject.hedges]
        for hedge in hedges:
            bound = _BOUNDS.get(hedge)
            if bound == "upper" and theirs < mine:
                return True
            if bound == "lower" and theirs > mine:
                return True
            if hedge in _APPROXIMATE and abs(theirs - mine) <= 0.15 * abs(mine):
                return True
    return False


def _figure(answer: Answer) -> float | None:
    if answer.number is not None:
        return answer.number
    found = NUMBER.search(answer.text) if not answer.span else None
    try:
        return float(found.group().replace(",", "")) if found else None
    except ValueError:
        return None


def _same(text: str, cand: Answer) -> bool:
    """Whether a recorded also-true value means the candidate: same words, same number, or dates
    that overlap."""
    if " ".join(text.casefold().split()) == cand.key or same_thing(text, cand.text):
        return True
    span = cand.span
    if cand.unit == "year" and cand.number is not None:
        span = (cand.number, cand.number + 1)  # the option "2016" means the whole year
    if span is not None:
        try:
            date = parse_date(text)
        except DateFormatError:
            date = None
        if date is not None:
            return date.start < span[1] and span[0] < date.end
    found = NUMBER.search(text)
    if found and cand.number is not None:
        try:
            return float(found.group().replace(",", "")) == cand.number
        except ValueError:
            return False
    return False


def _spread(ranked: list[Answer], count: int) -> list[Answer]:
    """The best-ranked dates, not all from one cluster: a date a year or less from one already
    chosen waits until the others are used."""
    if not any(a.span for a in ranked):
        return ranked
    chosen: list[Answer] = []
    later: list[Answer] = []
    for a in ranked:
        close = a.span and any(c.span and abs(c.span[0] - a.span[0]) <= 1 for c in chosen)
        (later if close and len(chosen) < count else chosen).append(a)
    return chosen[:count] + later + chosen[count:]


_FORMS = (
    ("day", re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")),
    ("month", re.compile(r"^[A-Z][a-z]+ \d{4}$")),
    ("part", re.compile(r"^(early|mid|late) \d{4}$")),
    ("year", re.compile(r"^\d{4}$")),
)


def _date_form(label: str) -> str:
    """How precisely a date is written: a day, a month, part of a year, a year, or a span."""
    return next((name for name, pattern in _FORMS if pattern.match(label)), "span")


MARGIN = 1 / 12
"""A wrong date keeps a month from the answer's span: is 16 May still "early 2016"?"""


def near(a: tuple[float, float], b: tuple[float, float], fuzzy: bool) -> bool:
    """Whether two date spans overlap, or come within the margin of each other when either has a
    fuzzy edge ("early 2016"; 2015 and 2016 are clearly apart)."""
    margin = MARGIN if fuzzy else 0.0
    return b[0] < a[1] + margin and a[0] < b[1] + margin


_FUZZY = re.compile(r"\b(early|mid|late|spring|summer|autumn|fall|winter)\b", re.I)


def fuzzy(*labels: str) -> bool:
    """Whether a date label has an edge a reader can argue about."""
    return any(_FUZZY.search(label) for label in labels)


def part_of(answer: str, cand: str) -> bool:
    """Whether one text's words are all among the other's ("frozen fish" beside "frozen fish and
    crustaceans"): such an option is half right."""
    if any(ch.isdigit() for ch in answer + cand):
        return False
    short, long = sorted((answer.casefold(), cand.casefold()), key=len)
    if not re.search(r"\b(and|or)\b|,", long):
        return False  # "Lindholm" and "the Lindholm Canal Company" are two things
    x, y = set(words(short)) - _FILLER, set(words(long)) - _FILLER
    return bool(x) and x < y


_FILLER = frozenset(["the", "and", "of"])


def _position(answer: Answer) -> float | None:
    if answer.number is not None:
        return answer.number
    return answer.span[0] if answer.span else None


def _sort_key(fact: Fact) -> object:
    return next(((name, fact.get(name)) for name in _SORT_FIELDS if fact.get(name) is not None), None)


def _affinity(fact: Fact, other: Fact, deck: Deck) -> float:
    """0 when ``other`` is of the same sort as ``fact`` (same actor kind, same whole), up to 1.

    Shares of another whole still make plausible options when their parts are of the same sort
    as the asked part: countries with countries, goods with goods.
    """
    if fact.kind == "share":
        if fact.get("of") == other.get("of") and fact["whole"] == other["whole"]:
            return 0.0
        actors = deck.actor_names
        same_sort = (fact["part"].casefold() in actors) == (other["part"].casefold() in actors)
        return 0.5 if same_sort else 1.0
    for field in _SORT_FIELDS:
        if fact.get(field) is not None:
            return 0.0 if fact.get(field) == other.get(field) else 1.0
    return 0.0


def _distance(answer: Answer, cand: Answer) -> float:
    """How far a numeric candidate is from the answer (so options look plausible together)."""
    if answer.number and cand.number and answer.number > 0 and cand.number > 0:
        return abs(math.log(cand.number / answer.number)) / 10
    if answer.span and cand.span:
        return abs(cand.span[0] - answer.span[0]) / 50
    return 0.0
