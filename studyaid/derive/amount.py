"""Derivations over amounts: the stated figure, sums and differences of parts, metric conversions."""

from __future__ import annotations

from ..model import Deck, Fact
from ..units import CURRENCIES, SCALES, convert, parse_unit
from ..wording import amount_unit_words, format_amount, format_number, format_percent, stated_places
from .base import Answer, Derivation, Group


def amount_text(f: Fact) -> str:
    """An amount fact as the article states it (with its range, if any)."""
    return format_amount(f["value"], f["unit"], f.get("scale"), f.get("noun"), f.get("value_max"))


def single(g: Group, deck: Deck) -> bool:
    return g[0].get("value_max") is None


def amount_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        amount_text(f),
        f["value"],
        amount_unit_words(f["unit"], f.get("scale"), f.get("noun")),
        stated_places(f["value"]),
        f"The article gives {amount_text(f)} for {f['subject']}.",
    )


def amount_stated(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        amount_text(f),
        unit=amount_unit_words(f["unit"], f.get("scale"), f.get("noun")),
        working=f"The article gives {amount_text(f)} for {f['subject']}.",
    )


def _two_parts(g: Group, deck: Deck) -> bool:
    parts = g[0].get("parts") or ()
    return len(parts) == 2 and all(
        deck.fact(p).get("value_max") is None and deck.fact(p).get("scale") == g[0].get("scale") for p in parts
    )


def _in_unit_of(g: Group, value: float, places: int, sum_text: str) -> Answer:
    """A figure computed from the parts (``sum_text`` = it), in the unit, scale and noun of the fact asked about."""
    f = g[0]
    shown = format_amount(round(value, places), f["unit"], f.get("scale"), f.get("noun"))
    unit = amount_unit_words(f["unit"], f.get("scale"), f.get("noun"))
    return Answer(shown, round(value, places), unit, places, f"{sum_text} = {shown}.")


def amount_gap(g: Group, deck: Deck) -> Answer:
    a, b = (deck.fact(p) for p in g[0]["parts"])
    hi, lo = (a, b) if a["value"] >= b["value"] else (b, a)
    gap = round(hi["value"] - lo["value"], 6)
    places = max(stated_places(a["value"]), stated_places(b["value"]))
    return _in_unit_of(g, gap, places, f"{amount_text(hi)} − {amount_text(lo)}")


def share_of_total(part: Fact, total: Fact) -> Answer:
    """What share of a total one of its parts is, to a tenth of a per cent (for the briefing's breakdowns)."""
    share = round(part["value"] / total["value"] * 100, 1)
    return Answer(format_percent(share), share, "per cent", 1, f"{amount_text(part)} of {amount_text(total)}.")


def _single_with_parts(g: Group, deck: Deck) -> bool:
    return bool(g[0].get("parts")) and g[0].get("value_max") is None


def amount_sum(g: Group, deck: Deck) -> Answer:
    parts = [deck.fact(p) for p in g[0]["parts"]]
    total = sum(p["value"] for p in parts)
    places = max(stated_places(p["value"]) for p in parts)
    return _in_unit_of(g, total, places, " + ".join(amount_text(p) for p in parts))


_METRIC_TARGETS = {
    "[length]": ("kilometer", "kilometres"),
    "[length] ** 2": ("meter ** 2", "square metres"),
    "[mass]": ("tonne", "tonnes"),
    "[length] / [time]": ("kilometer / hour", "km/h"),
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


def converts_to_metric(g: Group, deck: Deck) -> bool:
    return _metric_target(g[0]) is not None and g[0].get("value_max") is None


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
        f"{amount_text(f)} = {format_number(round(exact, 3))} {words} ≈ {shown} (converted with pint).",
    )


DERIVATIONS = (
    Derivation("amount", "value", amount_value, numeric=True, applies=single),
    Derivation("amount", "stated", amount_stated),
    Derivation("amount", "difference_of_parts", amount_gap, applies=_two_parts, numeric=True),
    Derivation("amount", "sum_of_parts", amount_sum, applies=_single_with_parts, numeric=True),
    Derivation("amount", "metric", amount_metric, numeric=True, applies=converts_to_metric),
)
