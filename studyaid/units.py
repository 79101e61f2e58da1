"""Units: the currencies and scales a deck may use, unit names and feet-and-inches read and checked,
conversions computed with pint. How amounts are written is in ``wording``."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import cache
from typing import Any

CURRENCIES = {
    "USD": ("$", "US dollars"),
    "NAD": ("N$", "Namibian dollars"),
    "EUR": ("€", "euros"),
    "GBP": ("£", "pounds sterling"),
    "CNY": ("CN¥", "yuan"),
    "RUB": ("₽", "roubles"),
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_IMPERIAL = re.compile(r"^(?P<ft>\d+)\s*ft\.?\s*(?P<inch>\d+)?\s*(?:(?P<num>\d+)\s*[/⁄]\s*(?P<den>\d+))?\s*in\.?$")


class UnitError(ValueError):
    """A unit or a feet-and-inches form studyaid cannot read."""


@cache
def registry() -> Any:
    """The pint registry, built once and only when a conversion is needed (pint is slow to load)."""
    import pint

    return pint.UnitRegistry()


def parse_unit(name: str) -> Any:
    """A pint unit from its name, or UnitError if pint does not know it."""
    ureg = registry()
    try:
        unit = ureg.Unit(name)
    except Exception as exc:  # pint raises several unrelated types for unknown names
        raise UnitError(f"unknown unit {name!r}") from exc
    return unit


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target``, by pint."""
    ureg = registry()
    return float(ureg.Quantity(value, unit).to(target).magnitude)


def length_in_mm(value: float, unit: str) -> float | None:
    """``value`` in ``unit`` as millimetres by pint, or None when ``unit`` is not a length."""
    try:
        return convert(float(value), str(unit), "mm")
    except Exception:  # pint raises several unrelated types for unknown units and non-lengths
        return None


def parse_imperial(text: str) -> Fraction:
    """Inches in a feet-and-inches form: ``4 ft 8 1/2 in`` -> 56 1/2."""
    normal = "".join(
        f" {Fraction(unicodedata.numeric(ch)).numerator}/{Fraction(unicodedata.numeric(ch)).denominator}"
        if unicodedata.category(ch) == "No" and unicodedata.numeric(ch, None) is not None
        else ch
        for ch in text
    )
    match = _IMPERIAL.match(" ".join(normal.split()))
    if not match:
        raise UnitError(f"expected feet and inches like '4 ft 8 1/2 in', got {text!r}")
    inches = Fraction(int(match["ft"]) * 12 + int(match["inch"] or 0))
    if match["num"]:
        if int(match["den"]) == 0:
            raise UnitError(f"fraction with zero denominator in {text!r}")
        inches += Fraction(int(match["num"]), int(match["den"]))
    return inches


def imperial_precision(text: str) -> Fraction:
    """The finest step a feet-and-inches form states: 1/32 in for ``27/32``, 1 in for whole inches."""
    match = _IMPERIAL.match(" ".join(text.replace("⁄", "/").split()))
    if match and match["den"]:
        return Fraction(1, int(match["den"]))
    return Fraction(1)


def to_imperial(value: float, unit: str, step: int = 32) -> Fraction:
    """A length converted to inches by pint and rounded to the nearest 1/step inch."""
    inches = convert(value, unit, "inch")
    return Fraction(round(inches * step), step)


def imperial_agrees(value: float, unit: str, text: str) -> tuple[bool, float]:
    """Whether a written ft-in form matches a metric length to the precision it states."""
    stated = parse_imperial(text)
    actual = convert(value, unit, "inch")
    gap = abs(float(stated) - actual)
    return gap <= float(imperial_precision(text)) / 2, actual
