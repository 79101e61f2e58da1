"""Derivations over measures (gauges): the value, its conversions, and gaps between neighbours."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..model import Deck, Fact
from ..units import convert, to_imperial
from ..wording import format_imperial, format_number, stated_places
from .base import Answer, Derivation, Group

Conversion = Callable[[float, str], Answer]
"""A measure's value (and unit) as an answer in some unit; used for the true value and its foils."""


def _foils(conversion: Conversion) -> Callable[[Group, Deck], list[Answer]]:
    """The deck's foils for a measure, written as ``conversion`` writes the true value."""

    def pool(g: Group, deck: Deck) -> list[Answer]:
        return [conversion(v, g[0].measure.unit) for v in g[0].measure.foils or ()]

    return pool


def _mm_answer(value: float, unit: str) -> Answer:
    return Answer(f"{format_number(value)} {unit}", value, unit, stated_places(value))


def measure_value(g: Group, deck: Deck) -> Answer:
    m = g[0].measure
    a = _mm_answer(m.value, m.unit)
    return Answer(a.text, a.number, a.unit, a.places, f"The {m.name} is {a.text}.")


def _imperial_answer(value: float, unit: str) -> Answer:
    return Answer(format_imperial(to_imperial(value, unit)))


def measure_imperial(g: Group, deck: Deck) -> Answer:
    m = g[0].measure
    inches = convert(m.value, m.unit, "inch")
    shown = format_imperial(to_imperial(m.value, m.unit))
    return Answer(
        shown,
        working=f"{format_number(m.value)} {m.unit} = {inches:.4f} in = {shown} to the nearest 1⁄32 in.",
    )


def converted(target: str, label: str, places: int) -> Derivation:
    """The derivation ``in_<label>``: a measure converted to ``target`` (a pint unit), to ``places``."""

    def conversion(value: float, unit: str) -> Answer:
        exact = convert(value, unit, target)
        return Answer(f"{format_number(exact, places)} {label}", round(exact, places), label, places)

    def compute(g: Group, deck: Deck) -> Answer:
        m = g[0].measure
        a = conversion(m.value, m.unit)
        exact = convert(m.value, m.unit, target)
        return Answer(
            a.text,
            a.number,
            a.unit,
            a.places,
            f"{format_number(m.value)} {m.unit} = {format_number(round(exact, 4))} {label} ≈ {a.text}.",
        )

    def applies(g: Group, deck: Deck) -> bool:
        # 1,520 mm in centimetres is the same figure with its point moved: no question.
        return not by_power_of_ten(convert(1.0, g[0].measure.unit, target))

    return Derivation("measure", f"in_{label}", compute, numeric=True, pool=_foils(conversion), applies=applies)


def by_power_of_ten(factor: float) -> bool:
    """Whether a conversion only moves the decimal point (mm to cm, kg to g)."""
    if factor <= 0:
        return False
    exponent = math.log10(factor)
    return abs(exponent - round(exponent)) < 1e-9


def measure_name(g: Group, deck: Deck) -> Answer:
    m = g[0].measure
    return Answer(m.name, working=f"The {m.name} measures {format_number(m.value)} {m.unit}.")


def neighbour_pairs(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Measures of one unit, sorted by value, each with the next larger one."""
    ordered = sorted(facts, key=lambda f: (f.measure.unit, f.measure.value, f.id))
    return [
        (a, b)
        for a, b in zip(ordered, ordered[1:], strict=False)
        if a.measure.unit == b.measure.unit and a.measure.value != b.measure.value
    ]


def measure_difference(g: Group, deck: Deck) -> Answer:
    a, b = (f.measure for f in g)
    gap = b.value - a.value
    shown = f"{format_number(gap)} {a.unit}"
    return Answer(
        shown,
        gap,
        a.unit,
        stated_places(gap),
        f"{format_number(b.value)} {a.unit} − {format_number(a.value)} {a.unit} = {shown}.",
    )


def measure_difference_inches(g: Group, deck: Deck) -> Answer:
    a, b = (f.measure for f in g)
    gap = b.value - a.value
    inches = convert(gap, a.unit, "inch")
    shown = f"{format_number(inches, 2)} in"
    return Answer(
        shown,
        round(inches, 2),
        "in",
        2,
        f"{format_number(gap)} {a.unit} = {format_number(round(inches, 4))} in ≈ {shown}.",
    )


def measure_wider(g: Group, deck: Deck) -> Answer:
    a, b = (f.measure for f in g)
    return Answer(
        b.name,
        working=f"The {b.name} ({format_number(b.value)} {b.unit}) is wider than the "
        f"{a.name} ({format_number(a.value)} {a.unit}).",
    )


IN_INCHES = converted("inch", "in", 1)
"""A measure in inches, as the quiz asks it and the briefing prints it."""


def _narrower(g: Group, deck: Deck) -> list[Answer]:
    """The false answer to "which is the wider": the narrower of the pair."""
    return [Answer(g[0].measure.name)]


DERIVATIONS = (
    Derivation("measure", "value", measure_value, numeric=True, pool=_foils(_mm_answer)),
    Derivation("measure", "imperial", measure_imperial, pool=_foils(_imperial_answer)),
    IN_INCHES,
    converted("centimetre", "cm", 1),
    Derivation("measure", "name", measure_name),
    Derivation("measure", "difference", measure_difference, groups=neighbour_pairs, numeric=True),
    Derivation("measure", "difference_in", measure_difference_inches, groups=neighbour_pairs, numeric=True),
    Derivation("measure", "wider", measure_wider, groups=neighbour_pairs, pool=_narrower),
)
