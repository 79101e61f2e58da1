"""Lint rules on a question's answer and options: an echoed answer, mixed sorts, rivals also right."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..alsotrue import also_true, rival_in_set, same_thing
from ..coherence import coheres, era_gap, era_limit, incoherent_set, is_hub
from ..derive.event import date_of, settled
from ..distractors import fuzzy, near, part_of
from ..model import Fact, Question
from ..phrasing import cloze_echo, mentions, restated, states
from ..sorts import (
    NAMED_KINDS,
    coarse_sort,
    described,
    exclusive,
    matching_giveaway,
    mismatch,
    name_echo,
    names_of,
    same_head,
)
from .index import YEAR, Index, text_key

_HEDGE_BOUND = {"up to": "upper", "at most": "upper", "more than": "lower", "at least": "lower", "over": "lower"}
_APPROX = ("about", "roughly", "around", "estimated", "approximately", "some")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


# ------------------------------------------------------------------ echo


def _states(text: str, wanted: str) -> bool:
    """Whether ``text`` holds ``wanted`` standing on its own ("2003" in "in 2003." not "12,003")."""
    return bool(wanted.strip()) and states(text, wanted)


def echo(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    subject = facts[0]
    if q.form in ("choice", "short", "numeric") and _states(q.prompt, q.answer):
        yield "echo", f"the prompt states its answer {q.answer!r}"
    if q.form in ("choice", "short") and q.template_id.endswith(("-name-choice", "-name-short")):
        echoed = name_echo(subject)
        if echoed and subject.kind in NAMED_KINDS:
            yield "echo", echoed
        if subject.kind in NAMED_KINDS and not exclusive(described(subject)):
            yield "rival", "the description places its subject in a class: other things fit it too"
    if q.form in ("choice", "true-false") and len(facts) == 1:
        shown = q.options if q.form == "choice" and q.options else ((q.shown,) if q.shown else ())
        for option in shown:
            if option == q.answer and q.form == "choice":
                continue
            for name in names_of(subject) if subject.kind in NAMED_KINDS else ():
                if text_key(option) != text_key(name) and mentions(option, name):
                    yield "echo", f"{_what(q)} {option!r} names the subject {name!r}"
                    break
            if q.form == "choice" and option != q.answer and index.named(option) and mentions(q.prompt, option):
                yield "echo", f"the prompt names the wrong option {option!r}"
    if q.form == "cloze" and q.cloze is not None:
        rest = " ".join(q.cloze)
        echoed = cloze_echo(q.answer, rest, names_of(subject))
        if echoed:
            yield "echo", echoed
        if restated(q.answer, *q.cloze):
            yield "echo", "the cloze answer stands beside the same figure in other units"
    if q.form == "matching" and q.items and q.options:
        for description in q.options:
            for item in q.items:
                if mentions(description, item):
                    yield "echo", f"the description {description!r} names the item {item!r}"
    if q.form == "ordering" and q.items:
        for item in q.items:
            if YEAR.search(item):
                yield "echo", f"the event {item!r} states its own year"


def _what(q: Question) -> str:
    return "the false statement's" if q.form == "true-false" else "the option"


# ------------------------------------------------------------------ sorts


def _option_facts(option: str, index: Index, described_options: bool, kind: str) -> list[Fact]:
    found = index.described_as(option) if described_options else index.named(option)
    return [f for f in found if f.kind == kind]


def sorts(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    deck = index.deck
    subject = facts[0]
    if q.form == "matching" and len(facts) > 1:
        sorts = {coarse_sort(f, deck) for f in facts}
        if len(sorts) > 1:
            yield "sort", f"matching items of different sorts ({', '.join(sorted(sorts))})"
        giveaway = matching_giveaway(tuple(facts)) or incoherent_set(tuple(facts), deck)
        if giveaway:
            yield "sort", giveaway
        return
    if q.form == "choice" and len(facts) == 1 and subject.kind == "event" and subject.event.date is not None:
        yield from _date_options(q, subject, index)
        return
    if len(facts) != 1 or q.form not in ("choice", "true-false") or subject.kind not in (*NAMED_KINDS, "share"):
        return
    answer_text = q.answer if q.form == "choice" else None
    shown = list(q.options or ()) if q.form == "choice" else ([q.shown] if q.shown and q.answer == "False" else [])
    if subject.kind == "share":
        if not any(index.named(o) for o in shown):
            return
        for option in shown:
            if option == answer_text:
                continue
            others = index.named(option)
            if others and all(coarse_sort(o, deck) != coarse_sort(subject, deck) for o in others):
                yield "sort", f"{_what(q)} {option!r} is not of the sort of {subject['part']!r}"
        return
    asked_described = text_key(q.answer if q.form == "choice" else (q.shown or "")) in index.by_described or any(
        text_key(o) in index.by_described for o in shown
    )
    for option in shown:
        if option == answer_text:
            continue
        others = [o for o in _option_facts(option, index, asked_described, subject.kind) if o.id != subject.id]
        if not others:
            continue
        other = others[0]
        if coarse_sort(other, deck) != coarse_sort(subject, deck):
            yield (
                "sort",
                f"{_what(q)} {option!r} is a {coarse_sort(other, deck)}, the answer a {coarse_sort(subject, deck)}",
            )
            continue
        problem = mismatch(subject, other, "descriptions" if asked_described else "names")
        if problem:
            yield "sort", f"{_what(q)} {option!r}: {problem}"
        elif subject.kind in ("actor", "place") and (is_hub(deck, subject) or is_hub(deck, other)):
            yield "sort", f"{_what(q)} {option!r}: the article's hub is no wrong option and gets none"
        elif subject.kind in ("actor", "place") and not coheres(deck, subject, other):
            gap = era_gap(deck, subject, other)
            far = gap is not None and gap > era_limit(deck)
            why = f"{gap} years from the answer's era" if far else "another part of the article"
            yield "sort", f"{_what(q)} {option!r} belongs to {why}"
        elif q.form == "true-false" and asked_described and not same_head(subject, other):
            yield "sort", f"the false statement's {option!r} has another head noun than the subject's description"


def _date_options(q: Question, subject: Fact, index: Index) -> Iterable[tuple[str, str]]:
    """Dates of another era among a date's options ("the late 1950s" beside 1918)."""
    own = date_of(subject)
    for option in q.options or ():
        span = index.span(option)
        limit = era_limit(index.deck)
        if option != q.answer and span and (span[0] > own.end + limit or own.start > span[1] + limit):
            yield "sort", f"the option {option!r} lies more than {limit:.0f} years from the answer's date"


# ------------------------------------------------------------------ rivals


def rivals(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    if q.form == "matching" and len(facts) > 1:
        problem = rival_in_set(tuple(facts), index.deck)
        if problem:
            yield "rival", problem
        return
    if q.form == "ordering" or (q.form == "numeric" and q.numeric is not None and q.numeric.unit in ("year", "years")):
        for f in facts:
            if f.kind == "event" and not settled(f, index.deck):
                yield "rival", f"the article gives {f.id} a second date ({', '.join(also_true(f, index.deck))})"
        return
    if len(facts) != 1 or q.form not in ("choice", "true-false"):
        return
    subject = facts[0]
    right: str | None
    if q.form == "choice":
        wrong = [o for o in q.options or () if o != q.answer]
        right = q.answer
    else:
        if q.answer != "False" or not q.shown:
            return
        wrong = [q.shown]
        right = _true_value(q)
    also = list(also_true(subject, index.deck))
    aliases = [text_key(n).removeprefix("the ") for n in names_of(subject)]
    for option in wrong:
        if any(_same_meaning(option, a, index) for a in also):
            yield "rival", f"{option!r} is also true: the article says so too ({subject.id} also_true)"
            continue
        if text_key(option).removeprefix("the ") in aliases:
            yield "rival", f"{option!r} is another name of the answer"
            continue
        if right is not None:
            a, b = index.span(right), index.span(option)
            if a and b and near(a, b, fuzzy(right, option)):
                yield "rival", f"{option!r} overlaps the answer's dates {right!r} or comes within a month of them"
                continue
            if part_of(right, option):
                yield "rival", f"{option!r} and the answer {right!r} are parts of one another"
                continue
        described_option = [o for o in index.described_as(option) if o.kind == subject.kind and o.id != subject.id]
        if described_option and not exclusive(option):
            yield "rival", f"{option!r} places its subject in a class or on a list: it may be true of the answer too"
            continue
        # A date's figures are no amount: "the 1910s" is not "about" "the 1900s" (spans compare above).
        bound = None if subject.kind == "event" else _bound(subject)
        value, number = _number(right) if right else None, _number(option)
        if bound and value is not None and number is not None and _unit_of(option) == _unit_of(right or ""):
            kind = bound
            if (kind == "upper" and number < value) or (kind == "lower" and number > value):
                yield "rival", f"{option!r} lies within the article's bound {subject.hedge!r} {right!r}"
            elif kind == "approx" and abs(number - value) <= 0.1 * abs(value):
                yield "rival", f"{option!r} is about the article's {right!r}"
        for other in _option_facts(option, index, text_key(option) in index.by_described, subject.kind):
            same_sort = other.id != subject.id and subject.kind in NAMED_KINDS and other.kind == subject.kind
            if (
                same_sort
                and q.template_id.endswith("-name-choice")
                and text_key(described(other)) == text_key(described(subject))
            ):
                yield "rival", f"{option!r} has the same description"


def _true_value(q: Question) -> str | None:
    """The value a false statement replaced, from the explanation's working when it names it."""
    return q.true_value


def _same_meaning(option: str, also: str, index: Index) -> bool:
    if same_thing(option, also):
        return True
    a, b = index.span(option), index.span(also)
    if a and b:
        return a[0] < b[1] and b[0] < a[1]
    x, y = _number(option), _number(also)
    return x is not None and x == y and _unit_of(option) == _unit_of(also)


def _bound(fact: Fact) -> str | None:
    hedges = [fact.hedge or "", *fact.hedges]
    for hedge in hedges:
        if hedge in _HEDGE_BOUND:
            return _HEDGE_BOUND[hedge]
    for hedge in hedges:
        if hedge in _APPROX:
            return "approx"
    return None


def _number(text: str) -> float | None:
    found = _NUMBER.search(text)
    if not found:
        return None
    try:
        return float(found.group().replace(",", ""))
    except ValueError:
        return None


def _unit_of(text: str) -> str:
    return _NUMBER.sub("#", text.casefold()).strip()
