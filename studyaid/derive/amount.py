"""Derivations over amounts: the stated figure, sums and differences of parts, metric conversions."""

from __future__ import annotations

from ..model import Deck, Fact
from ..phrasing import NUMBER
from ..units import CURRENCIES, SCALES, UnitError, convert, parse_unit
from ..wording import amount_unit_words, format_amount, format_number, format_percent, hedged, stated_places
from .base import Answer, Derivation, Group


def article_unit_words(f: Fact) -> str | None:
    """The unit as the article writes it in the asked span ("tons", not "metric tons"), when the
    span names a unit pint reads as the fact's own; None to use studyaid's words."""
    if f.kind != "amount" or f.figure.unit in CURRENCIES or f.figure.unit == "count" or not f.asked:
        return None
    rest = NUMBER.sub(" ", f.corrected(f.asked))
    rest = " ".join(w for w in rest.replace("-", " ").split() if w not in SCALES)
    if not rest:
        return None
    for name in (rest.replace(" ", "_"), rest):
        try:
            return rest if parse_unit(name).dimensionality == parse_unit(f.figure.unit).dimensionality else None
        except UnitError:
            continue
    return None


def amount_text(f: Fact, value: float | None = None, value_max: float | None = None) -> str:
    """An amount fact (or another figure in its unit) as the article states it, with its range and
    its unit words ("270,000 tons" where the article says tons)."""
    shown = f.figure.value if value is None else value
    top = f.figure.value_max if value is None else value_max
    words = article_unit_words(f)
    if not words:
        return format_amount(shown, f.figure.unit, f.figure.scale, f.figure.noun, top)
    number = format_number(shown) + (f"–{format_number(top)}" if top is not None else "")
    return f"{number} {f.figure.scale} {words}" if f.figure.scale else f"{number} {words}"


def hedged_by(text: str, *facts: Fact) -> str:
    """A figure with every hedge of every fact it comes from, the first fact's outermost:
    "up to roughly $300 million" for up to one third of roughly $900 million."""
    for f in reversed(facts):
        text = hedged(text, f.hedges)
    return text


def single(g: Group, deck: Deck) -> bool:
    return g[0].figure.value_max is None


APPROXIMATE = frozenset({"about", "roughly", "around", "approximately", "estimated", "some"})
"""Hedges that make a figure approximate: what is derived from it is rounded to three figures."""


def unit_words_of(f: Fact) -> str:
    """What a bare number of this amount counts, in the article's unit words where it has them."""
    words = article_unit_words(f)
    if words:
        return f"{f.figure.scale} {words}" if f.figure.scale else words
    return amount_unit_words(f.figure.unit, f.figure.scale, f.figure.noun)


def amount_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        amount_text(f),
        f.figure.value,
        unit_words_of(f),
        stated_places(f.figure.value),
        f"The article gives {amount_text(f)} for {f.figure.subject}.",
    )


def amount_stated(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        amount_text(f),
        unit=amount_unit_words(f.figure.unit, f.figure.scale, f.figure.noun),
        working=f"The article gives {amount_text(f)} for {f.figure.subject}.",
    )


def _two_parts(g: Group, deck: Deck) -> bool:
    parts = g[0].amount.parts or ()
    return len(parts) == 2 and all(
        deck.fact(p).figure.value_max is None and deck.fact(p).figure.scale == g[0].figure.scale for p in parts
    )


def _in_unit_of(g: Group, value: float, places: int, sum_text: str) -> Answer:
    """A figure computed from the parts (``sum_text`` = it), in the unit, scale and noun of the fact asked about."""
    f = g[0]
    shown = format_amount(round(value, places), f.figure.unit, f.figure.scale, f.figure.noun)
    unit = amount_unit_words(f.figure.unit, f.figure.scale, f.figure.noun)
    return Answer(shown, round(value, places), unit, places, f"{sum_text} = {shown}.")


def amount_gap(g: Group, deck: Deck) -> Answer:
    a, b = (deck.fact(p) for p in g[0].amount.parts or ())
    hi, lo = (a, b) if a.figure.value >= b.figure.value else (b, a)
    gap = round(hi.figure.value - lo.figure.value, 6)
    places = max(stated_places(a.figure.value), stated_places(b.figure.value))
    return _in_unit_of(g, gap, places, f"{amount_text(hi)} − {amount_text(lo)}")


def share_of_total(part: Fact, total: Fact) -> Answer:
    """What share of a total one of its parts is, to a tenth of a per cent (for the briefing's breakdowns)."""
    share = round(part.figure.value / total.figure.value * 100, 1)
    return Answer(format_percent(share), share, "per cent", 1, f"{amount_text(part)} of {amount_text(total)}.")


def _single_with_parts(g: Group, deck: Deck) -> bool:
    return bool(g[0].amount.parts) and g[0].figure.value_max is None


def amount_sum(g: Group, deck: Deck) -> Answer:
    parts = [deck.fact(p) for p in g[0].amount.parts or ()]
    total = sum(p.figure.value for p in parts)
    places = max(stated_places(p.figure.value) for p in parts)
    return _in_unit_of(g, total, places, " + ".join(amount_text(p) for p in parts))


_METRIC_TARGETS = {
    "[length]": ("kilometer", "kilometres"),
    "[length] ** 2": ("meter ** 2", "square metres"),
    "[mass]": ("tonne", "tonnes"),
    "[length] / [time]": ("kilometer / hour", "km/h"),
}
"""Non-metric physical units are asked about in these metric units (pint expression, words)."""


def _metric_target(f: Fact) -> tuple[str, str] | None:
    unit = f.figure.unit
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


def converts_to_metric(g: Group, deck: Deck) -> bool:
    return _metric_target(g[0]) is not None and g[0].figure.value_max is None


def amount_metric(g: Group, deck: Deck) -> Answer:
    f = g[0]
    target = _metric_target(f)
    assert target is not None
    expression, words = target
    scale = SCALES.get(f.figure.scale or "", 1)
    exact = convert(f.figure.value * scale, f.figure.unit, expression)
    places = 1 if exact < 1000 else 0
    if set(f.hedges) & APPROXIMATE and exact >= 1000:
        # "about 240,000 square feet" is about 22,300 square metres, not 22,297.
        places = 3 - len(str(int(exact)))
    shown = f"{format_number(exact, places)} {words}"
    return Answer(
        shown,
        round(exact, places),
        words,
        places,
        f"{hedged_by(amount_text(f), f)} = {format_number(round(exact, 3))} {words} ≈ {hedged_by(shown, f)}.",
        hedged=hedged_by(shown, f),
    )


DERIVATIONS = (
    Derivation("amount", "value", amount_value, numeric=True, applies=single),
    Derivation("amount", "stated", amount_stated),
    Derivation("amount", "difference_of_parts", amount_gap, applies=_two_parts, numeric=True),
    Derivation("amount", "sum_of_parts", amount_sum, applies=_single_with_parts, numeric=True),
    Derivation("amount", "metric", amount_metric, numeric=True, applies=converts_to_metric),
)
