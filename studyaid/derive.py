"""Answers computed from facts, never typed twice: values, shares of totals, conversions, gaps.

Each derivation says which facts form one question (one fact, a neighbouring pair, a group),
computes the answer from them, and says which other answers would also be true, so that
distractors drawn from the fact base are provably wrong.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, cached_property

from .dates import FuzzyDate
from .model import Deck, Fact
from .units import (
    CURRENCIES,
    SCALES,
    amount_unit_words,
    convert,
    format_amount,
    format_imperial,
    format_number,
    format_percent,
    parse_unit,
    to_imperial,
)

Group = tuple[Fact, ...]


@dataclass(frozen=True)
class Answer:
    """A computed answer: its text, and its number when it has one."""

    text: str
    number: float | None = None
    unit: str = ""
    """Words for what ``number`` counts, for numeric questions."""
    places: int = 0
    """Decimal places the answer is given to; numeric tolerance defaults to half a step."""
    working: str = ""
    """How the answer follows from the facts, for the explanation."""
    span: tuple[float, float] | None = None
    """For dates: the span of time, so overlapping dates count as the same answer."""
    sequence: tuple[str, ...] = ()
    """Ordering and matching: the items (ordering) or left column (matching)."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Matching: each item with its right answer."""

    @cached_property
    def key(self) -> str:
        """What two answers are compared by: equal keys are the same answer."""
        if self.number is not None:
            return format_number(self.number, self.places)
        return " ".join(self.text.casefold().split())


def each_fact(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """The default grouping: one question per fact."""
    return [(f,) for f in facts]


@dataclass(frozen=True)
class Derivation:
    """One way to compute an answer from facts of a kind."""

    kind: str
    name: str
    compute: Callable[[Group, Deck], Answer]
    groups: Callable[[Sequence[Fact], Deck], list[Group]] = each_fact
    applies: Callable[[Group, Deck], bool] = lambda g, d: True
    rivals: Callable[[Group, Group], bool] = lambda g, o: False
    """True when ``o`` answers the same question as ``g`` (so its answer is also true)."""
    pool: Callable[[Group, Deck], Iterable[Answer]] = lambda g, d: ()
    """Extra wrong answers beyond other facts', e.g. a measure's foils."""
    numeric: bool = False

    @property
    def per_fact(self) -> bool:
        """Whether each question rests on one fact (so other facts' answers can be distractors)."""
        return self.groups is each_fact


DERIVATIONS: dict[tuple[str, str], Derivation] = {}


def derivation(
    kind: str, name: str, **options: object
) -> Callable[[Callable[[Group, Deck], Answer]], Callable[[Group, Deck], Answer]]:
    """Register a derivation function under (kind, name)."""

    def register(fn: Callable[[Group, Deck], Answer]) -> Callable[[Group, Deck], Answer]:
        DERIVATIONS[(kind, name)] = Derivation(kind, name, fn, **options)  # type: ignore[arg-type]
        return fn

    return register


def lookup(kind: str, name: str) -> Derivation:
    """The derivation ``name`` for facts of ``kind``; KeyError when there is none."""
    return DERIVATIONS[(kind, name)] if (kind, name) in DERIVATIONS else DERIVATIONS[("any", name)]


def names_for(kind: str) -> list[str]:
    """Derivation names a template over ``kind`` may use."""
    return sorted(n for k, n in DERIVATIONS if k in (kind, "any"))


# ---------------------------------------------------------------- shares


def _share_scope(f: Fact) -> tuple[str, str]:
    """Shares of one whole: same linked amount, or same whole and time."""
    return (f.get("of") or f["whole"].casefold(), (f.get("when") or "").casefold())


def share_groups(facts: Sequence[Fact], deck: Deck) -> dict[tuple[str, str], list[Fact]]:
    """Shares keyed by the whole they divide, each list sorted by id."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.id):
        groups.setdefault(_share_scope(f), []).append(f)
    return groups


@derivation(
    "share",
    "value",
    numeric=True,
    rivals=lambda g, o: _share_scope(g[0]) == _share_scope(o[0]) and g[0]["part"].casefold() == o[0]["part"].casefold(),
)
def share_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    when = f" {f['when']}" if f.get("when") else ""
    return Answer(
        format_percent(f["value"]),
        f["value"],
        "per cent",
        1,
        f"{f['part']}: {format_percent(f['value'])} of {f['whole']}{when}.",
    )


def _unique_value_in_scope(g: Group, deck: Deck) -> bool:
    """A part can be asked for by its share only when no other part of the whole has that share."""
    f = g[0]
    if "share-values" not in deck.memo:
        counts: Counter[tuple[tuple[str, str], float]] = Counter(
            (_share_scope(o), o["value"]) for o in deck.facts if o.kind == "share"
        )
        deck.memo["share-values"] = counts
    return bool(deck.memo["share-values"][(_share_scope(f), f["value"])] == 1)


@derivation(
    "share",
    "part",
    applies=_unique_value_in_scope,
    rivals=lambda g, o: _share_scope(g[0]) == _share_scope(o[0]) and g[0]["value"] == o[0]["value"],
)
def share_part(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(f["part"], working=f"{f['part']} accounted for {format_percent(f['value'])} of {f['whole']}.")


def _whole_amount(f: Fact, deck: Deck) -> Fact:
    return deck.fact(f["of"])


@derivation(
    "share",
    "share_amount",
    numeric=True,
    applies=lambda g, d: bool(g[0].get("of")) and d.fact(g[0]["of"]).get("value_max") is None,
)
def share_amount(g: Group, deck: Deck) -> Answer:
    f = g[0]
    whole = _whole_amount(f, deck)
    exact = f["value"] / 100 * whole["value"]
    places = significant_places(exact)
    shown = format_amount(round(exact, places), whole["unit"], whole.get("scale"), whole.get("noun"))
    whole_text = format_amount(whole["value"], whole["unit"], whole.get("scale"), whole.get("noun"))
    return Answer(
        shown,
        round(exact, places),
        amount_unit_words(whole["unit"], whole.get("scale"), whole.get("noun")),
        places,
        f"{format_percent(f['value'])} × {whole_text} = {format_number(round(exact, 4))} ≈ {shown}.",
    )


def remainder_groups(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Each whole divided into two or more stated parts."""
    return [tuple(fs) for fs in share_groups(facts, deck).values() if len(fs) >= 2]


@derivation(
    "share",
    "remainder",
    groups=remainder_groups,
    numeric=True,
    applies=lambda g, d: sum(f["value"] for f in g) < 100 and not any(f.hedge for f in g),
)
def share_remainder(g: Group, deck: Deck) -> Answer:
    total = sum(f["value"] for f in g)
    rest = round(100 - total, 1)
    parts = " + ".join(format_percent(f["value"]) for f in g)
    return Answer(
        format_percent(rest),
        rest,
        "per cent",
        1,
        f"100% − ({parts}) = 100% − {format_percent(round(total, 1))} = {format_percent(rest)}.",
    )


# ---------------------------------------------------------------- amounts


def _amount_text(f: Fact) -> str:
    return format_amount(f["value"], f["unit"], f.get("scale"), f.get("noun"), f.get("value_max"))


def _same_unit(a: Fact, b: Fact) -> bool:
    return (a["unit"], a.get("noun")) == (b["unit"], b.get("noun"))


@derivation("amount", "value", numeric=True, applies=lambda g, d: g[0].get("value_max") is None)
def amount_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        _amount_text(f),
        f["value"],
        amount_unit_words(f["unit"], f.get("scale"), f.get("noun")),
        _places(f["value"]),
        f"The article gives {_amount_text(f)} for {f['subject']}.",
    )


@derivation("amount", "stated")
def amount_stated(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        _amount_text(f),
        unit=amount_unit_words(f["unit"], f.get("scale"), f.get("noun")),
        working=f"The article gives {_amount_text(f)} for {f['subject']}.",
    )


def _two_parts(g: Group, deck: Deck) -> bool:
    parts = g[0].get("parts") or ()
    return len(parts) == 2 and all(
        deck.fact(p).get("value_max") is None and deck.fact(p).get("scale") == g[0].get("scale") for p in parts
    )


@derivation("amount", "difference_of_parts", applies=_two_parts, numeric=True)
def amount_gap(g: Group, deck: Deck) -> Answer:
    a, b = (deck.fact(p) for p in g[0]["parts"])
    hi, lo = (a, b) if a["value"] >= b["value"] else (b, a)
    gap = round(hi["value"] - lo["value"], 6)
    places = max(_places(a["value"]), _places(b["value"]))
    shown = format_amount(round(gap, places), g[0]["unit"], g[0].get("scale"), g[0].get("noun"))
    return Answer(
        shown,
        round(gap, places),
        amount_unit_words(g[0]["unit"], g[0].get("scale"), g[0].get("noun")),
        places,
        f"{_amount_text(hi)} − {_amount_text(lo)} = {shown}.",
    )


@derivation(
    "amount",
    "sum_of_parts",
    applies=lambda g, d: bool(g[0].get("parts")) and g[0].get("value_max") is None,
    numeric=True,
)
def amount_sum(g: Group, deck: Deck) -> Answer:
    parts = [deck.fact(p) for p in g[0]["parts"]]
    total = sum(p["value"] for p in parts)
    places = max(_places(p["value"]) for p in parts)
    shown = format_amount(round(total, places), g[0]["unit"], g[0].get("scale"), g[0].get("noun"))
    return Answer(
        shown,
        round(total, places),
        amount_unit_words(g[0]["unit"], g[0].get("scale"), g[0].get("noun")),
        places,
        " + ".join(_amount_text(p) for p in parts) + f" = {shown}.",
    )


_METRIC_TARGETS = {
    "[length]": ("kilometer", "kilometres"),
    "[length] ** 2": ("meter ** 2", "square metres"),
    "[mass]": ("tonne", "tonnes"),
}
"""Non-metric physical units are asked about in these metric units (pint expression, words)."""


def _metric_target(f: Fact) -> tuple[str, str] | None:
    unit = f["unit"]
    if unit in CURRENCIES or unit == "count":
        return None
    unit_obj = parse_unit(unit)
    target = _METRIC_TARGETS.get(str(unit_obj.dimensionality))
    if target is None or _is_metric(unit):
        return None
    return target


def _is_metric(unit: str) -> bool:
    """Whether pint's definition of ``unit`` is already an SI-prefixed or metric unit."""
    name = str(parse_unit(unit))
    return any(word in name for word in ("meter", "metre", "tonne", "metric_ton", "gram"))


@derivation(
    "amount",
    "metric",
    numeric=True,
    applies=lambda g, d: _metric_target(g[0]) is not None and g[0].get("value_max") is None,
)
def amount_metric(g: Group, deck: Deck) -> Answer:
    f = g[0]
    target = _metric_target(f)
    assert target is not None
    expression, words = target
    scale = SCALES.get(f.get("scale") or "", 1)
    exact = convert(f["value"] * scale, f["unit"], expression)
    places = 1 if exact < 1000 else 0
    shown = f"{format_number(exact, places)} {words}"
    return Answer(
        shown,
        round(exact, places),
        words,
        places,
        f"{_amount_text(f)} = {format_number(round(exact, 3))} {words} ≈ {shown} (converted with pint).",
    )


# ---------------------------------------------------------------- measures


def _measure_pool(convert_fn: Callable[[float, str], Answer]) -> Callable[[Group, Deck], list[Answer]]:
    def pool(g: Group, deck: Deck) -> list[Answer]:
        return [convert_fn(v, g[0]["unit"]) for v in g[0].get("foils") or ()]

    return pool


def _mm_answer(value: float, unit: str) -> Answer:
    return Answer(f"{format_number(value)} {unit}", value, unit, _places(value))


@derivation("measure", "value", numeric=True, pool=_measure_pool(_mm_answer))
def measure_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    a = _mm_answer(f["value"], f["unit"])
    return Answer(a.text, a.number, a.unit, a.places, f"The {f['name']} is {a.text}.")


def _imperial_answer(value: float, unit: str) -> Answer:
    return Answer(format_imperial(to_imperial(value, unit)))


@derivation("measure", "imperial", pool=_measure_pool(_imperial_answer))
def measure_imperial(g: Group, deck: Deck) -> Answer:
    f = g[0]
    inches = convert(f["value"], f["unit"], "inch")
    shown = format_imperial(to_imperial(f["value"], f["unit"]))
    return Answer(
        shown,
        working=f"{format_number(f['value'])} {f['unit']} = {inches:.4f} in = {shown} "
        "to the nearest 1⁄32 in (converted with pint).",
    )


def _converted(target: str, label: str, places: int) -> Callable[[float, str], Answer]:
    def answer(value: float, unit: str) -> Answer:
        exact = convert(value, unit, target)
        return Answer(f"{format_number(exact, places)} {label}", round(exact, places), label, places)

    return answer


for _target, _label, _places_n in (("inch", "in", 1), ("centimetre", "cm", 1)):

    def _make(target: str = _target, label: str = _label, places: int = _places_n) -> None:
        conv = _converted(target, label, places)

        @derivation("measure", f"in_{label}", numeric=True, pool=_measure_pool(conv))
        def measure_converted(g: Group, deck: Deck) -> Answer:
            f = g[0]
            a = conv(f["value"], f["unit"])
            exact = convert(f["value"], f["unit"], target)
            return Answer(
                a.text,
                a.number,
                a.unit,
                a.places,
                f"{format_number(f['value'])} {f['unit']} = {format_number(round(exact, 4))} {label} "
                f"≈ {a.text} (converted with pint).",
            )

    _make()


@derivation("measure", "name")
def measure_name(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(f["name"], working=f"The {f['name']} measures {format_number(f['value'])} {f['unit']}.")


def neighbour_pairs(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Measures of one unit, sorted by value, each with the next larger one."""
    ordered = sorted(facts, key=lambda f: (f["unit"], f["value"], f.id))
    return [
        (a, b)
        for a, b in zip(ordered, ordered[1:], strict=False)
        if a["unit"] == b["unit"] and a["value"] != b["value"]
    ]


@derivation("measure", "difference", groups=neighbour_pairs, numeric=True)
def measure_difference(g: Group, deck: Deck) -> Answer:
    a, b = g
    gap = b["value"] - a["value"]
    shown = f"{format_number(gap)} {a['unit']}"
    return Answer(
        shown,
        gap,
        a["unit"],
        _places(gap),
        f"{format_number(b['value'])} {a['unit']} − {format_number(a['value'])} {a['unit']} = {shown}.",
    )


@derivation("measure", "difference_in", groups=neighbour_pairs, numeric=True)
def measure_difference_inches(g: Group, deck: Deck) -> Answer:
    a, b = g
    gap = b["value"] - a["value"]
    inches = convert(gap, a["unit"], "inch")
    shown = f"{format_number(inches, 2)} in"
    return Answer(
        shown,
        round(inches, 2),
        "in",
        2,
        f"{format_number(gap)} {a['unit']} = {format_number(round(inches, 4))} in ≈ {shown} (converted with pint).",
    )


@derivation("measure", "wider", groups=neighbour_pairs)
def measure_wider(g: Group, deck: Deck) -> Answer:
    a, b = g
    return Answer(
        b["name"],
        working=f"The {b['name']} ({format_number(b['value'])} {b['unit']}) is wider than the "
        f"{a['name']} ({format_number(a['value'])} {a['unit']}).",
    )


# ---------------------------------------------------------------- events


def _date(f: Fact) -> FuzzyDate:
    return f["date"]


@derivation("event", "year", numeric=True, applies=lambda g, d: _date(g[0]).year is not None)
def event_year(g: Group, deck: Deck) -> Answer:
    d = _date(g[0])
    return Answer(
        str(d.year),
        float(d.year or 0),
        "year",
        0,
        f"The article dates {g[0]['what']} to {d.label}.",
        span=(d.start, d.end),
    )


def _overlap(a: FuzzyDate, b: FuzzyDate) -> bool:
    return a.start < b.end and b.start < a.end


@derivation(
    "event",
    "date",
    applies=lambda g, d: _date(g[0]).label != str(_date(g[0]).year),
    rivals=lambda g, o: _overlap(_date(g[0]), _date(o[0])),
)
def event_date(g: Group, deck: Deck) -> Answer:
    d = _date(g[0])
    return Answer(d.label, working=f"The article dates {g[0]['what']} to {d.label}.", span=(d.start, d.end))


def _dated_singles(facts: Sequence[Fact]) -> list[Fact]:
    return sorted(
        (f for f in facts if _date(f).year is not None and not f.attribution and not f.hedge),
        key=lambda f: (_date(f), f.id),
    )


def year_pairs(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Each single-year event with the next event in a later year."""
    ordered = _dated_singles(facts)
    pairs: list[Group] = []
    for i, a in enumerate(ordered):
        later = next((b for b in ordered[i + 1 :] if (_date(b).year or 0) > (_date(a).year or 0)), None)
        if later is not None:
            pairs.append((a, later))
    return pairs


@derivation("event", "years_between", groups=year_pairs, numeric=True)
def event_years_between(g: Group, deck: Deck) -> Answer:
    a, b = g
    gap = (_date(b).year or 0) - (_date(a).year or 0)
    return Answer(
        f"{gap} years" if gap != 1 else "1 year", float(gap), "years", 0, f"{_date(b).year} − {_date(a).year} = {gap}."
    )


@derivation(
    "event",
    "years_before_article",
    numeric=True,
    applies=lambda g, d: _date(g[0]).year is not None and (_date(g[0]).year or 0) < int(d.source.date[:4]),
)
def event_years_before(g: Group, deck: Deck) -> Answer:
    year = _date(g[0]).year or 0
    published = int(deck.source.date[:4])
    gap = published - year
    return Answer(f"{gap} years" if gap != 1 else "1 year", float(gap), "years", 0, f"{published} − {year} = {gap}.")


def chronological_groups(facts: Sequence[Fact], deck: Deck, size: int = 4) -> list[Group]:
    """Overlapping windows of events whose order is certain, four to a question."""
    ordered = sorted((f for f in facts if not f.attribution and not f.hedge), key=lambda f: (_date(f), f.id))
    groups: list[Group] = []
    for start in range(0, len(ordered), 2):
        chain: list[Fact] = []
        for f in ordered[start:]:
            if not chain or _date(chain[-1]).before(_date(f)):
                chain.append(f)
            if len(chain) == size:
                groups.append(tuple(chain))
                break
    unique = {tuple(f.id for f in g): g for g in groups}
    return list(unique.values())


@derivation("event", "chronological", groups=chronological_groups)
def event_order(g: Group, deck: Deck) -> Answer:
    items = tuple(f["what"] for f in g)
    labels = "; ".join(f"{f['what']} ({_date(f).label})" for f in g)
    return Answer(" → ".join(items), working=f"In order: {labels}.", sequence=items)


# ---------------------------------------------------------------- actors and places


@cache
def _norm(s: str) -> str:
    return " ".join(s.casefold().replace("the ", "").split())


def _register_name_and_description(kind: str, described: str) -> None:
    """Two derivations for a named thing: its name given its description, and the reverse.

    A rival (another true answer) is a fact with the same description when asking for the name,
    and with the same name when asking for the description.
    """

    def answer_with(field: str) -> Callable[[Group, Deck], Answer]:
        def compute(g: Group, deck: Deck) -> Answer:
            f = g[0]
            return Answer(f[field], working=f"{f['name']}: {f[described]}.")

        return compute

    def same(field: str) -> Callable[[Group, Group], bool]:
        return lambda g, o: _norm(g[0][field]) == _norm(o[0][field])

    for asked, other in (("name", described), (described, "name")):
        DERIVATIONS[(kind, asked)] = Derivation(kind, asked, answer_with(asked), rivals=same(other))


_register_name_and_description("actor", "role")


def matching_groups(facts: Sequence[Fact], deck: Deck, size: int = 4) -> list[Group]:
    """Overlapping windows of actors sorted by id, four to a question."""
    ordered = sorted((f for f in facts if not f.attribution and not f.hedge), key=lambda f: f.id)
    return [tuple(ordered[i : i + size]) for i in range(0, len(ordered) - size + 1, 2)]


@derivation("actor", "matching", groups=matching_groups)
def actor_matching(g: Group, deck: Deck) -> Answer:
    pairs = tuple((f["name"], f["role"]) for f in g)
    return Answer(
        "; ".join(f"{n} — {r}" for n, r in pairs),
        working="; ".join(f"{n}: {r}" for n, r in pairs) + ".",
        sequence=tuple(n for n, _ in pairs),
        pairs=pairs,
    )


_register_name_and_description("place", "description")


# ---------------------------------------------------------------- any kind


def _cloze_ok(g: Group, deck: Deck) -> bool:
    """A cloze needs its asked span exactly once in the corrected sentence."""
    f = g[0]
    if not f.asked:
        return False
    return f.corrected(f.quote).casefold().count(f.corrected(f.asked).casefold()) == 1


@derivation("any", "asked", applies=_cloze_ok)
def asked_span(g: Group, deck: Deck) -> Answer:
    f = g[0]
    assert f.asked is not None
    return Answer(f.corrected(f.asked), working=f"The article: “{f.corrected(f.quote)}”")


def significant_places(value: float, figures: int = 2) -> int:
    """Decimal places that keep at least ``figures`` significant figures (and at least one place)."""
    if value <= 0:
        return 1
    return max(1, figures - 1 - math.floor(math.log10(value)))


def _places(value: float) -> int:
    """Decimal places a stated number was written with."""
    text = format_number(value)
    return len(text.split(".")[1]) if "." in text else 0


def whole_of(f: Fact, deck: Deck) -> str | None:
    """The linked whole of a share, as the article writes it."""
    return _amount_text(deck.fact(f["of"])) if f.kind == "share" and f.get("of") else None


__all__ = ["Answer", "DERIVATIONS", "Derivation", "Fraction", "lookup", "names_for", "whole_of"]
