"""What else is true of a fact, wherever it is asked: no question offers a true answer as wrong.

A fact records in ``also_true`` what else the article supports ("Russia" beside "the Soviet
Union" for the 1970s, where the article calls Russia the main partner of that time). That holds
for every fact stating the same thing in the same sentence (the share "the Soviet Union accounted
for up to 50%" and the actor "the state that accounted for up to half…" are one claim), and for
every name of what a value names (Russia is also "the Russian Federation"). Distractors, accepted
short answers, true-or-false statements and the linter all ask here, so they agree.
"""

from __future__ import annotations

from collections import defaultdict

from .dates import DateFormatError, FuzzyDate, parse_date
from .derive.base import per_deck
from .model import Deck, Fact


def _key(text: str) -> str:
    """A name folded for comparison: case, spacing and a leading article do not count."""
    folded = " ".join(text.casefold().split())
    return folded.removeprefix("the ")


def answer_names(fact: Fact) -> list[str]:
    """What a fact's name-like answer is called: a named fact's name and aliases, a share's part."""
    if fact.kind == "share":
        return [str(fact["part"])]
    if fact.get("name") is None:
        return []
    return [str(fact["name"]), *(str(a) for a in fact.get("aliases") or ())]


@per_deck
def _table(deck: Deck) -> dict[str, tuple[str, ...]]:
    by_name: dict[str, list[Fact]] = defaultdict(list)
    by_quote: dict[str, list[Fact]] = defaultdict(list)
    for f in deck.facts:
        for n in answer_names(f):
            by_name[_key(n)].append(f)
        by_quote[" ".join(f.quote.split())].append(f)
    found: dict[str, list[str]] = defaultdict(list)
    for f in deck.facts:
        values = [str(v) for v in f.get("also_true") or ()]
        if not values:
            continue
        mine = {_key(n) for n in answer_names(f)}
        # The facts that state the same thing: one sentence, one thing answered.
        same = [g for g in by_quote[" ".join(f.quote.split())] if mine & {_key(n) for n in answer_names(g)}]
        for g in same or [f]:
            for v in values:
                found[g.id].append(v)
                # Every name of a thing a value names is true as well.
                for named in by_name.get(_key(v), ()):
                    found[g.id].extend(n for n in answer_names(named) if named.kind != "share")
    return {fid: tuple(dict.fromkeys(vs)) for fid, vs in found.items()}


def also_true(fact: Fact, deck: Deck) -> tuple[str, ...]:
    """Every value the article supports for this fact besides its own answer, in order."""
    values = _table(deck).get(fact.id)
    if values is None:
        return tuple(str(v) for v in fact.get("also_true") or ())
    return values


def same_thing(a: str, b: str) -> bool:
    """Whether two names are the same words, article and case aside."""
    return _key(a) == _key(b)


def disputed_dates(fact: Fact, deck: Deck) -> list[FuzzyDate]:
    """The other dates the article gives an event (its second statement), parsed."""
    found = []
    for value in also_true(fact, deck):
        try:
            found.append(parse_date(value))
        except DateFormatError:
            continue
    return found


def rival_in_set(items: tuple[Fact, ...], deck: Deck) -> str | None:
    """Why a set of named things cannot be matched to their descriptions with one answer each:
    an item whose description the article also supports for another item of the set."""
    for f in items:
        true = {_key(v) for v in also_true(f, deck)}
        for g in items:
            if g is not f and true & {_key(n) for n in answer_names(g)}:
                return f"the description of {f['name']!r} fits {g['name']!r} too"
    return None
