"""Numbers with units: how the article writes them, and conversions computed with pint."""

from __future__ import annotations

import math
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
_VULGAR = {
    Fraction(1, 2): "½",
    Fraction(1, 4): "¼",
    Fraction(3, 4): "¾",
    Fraction(1, 8): "⅛",
    Fraction(3, 8): "⅜",
    Fraction(5, 8): "⅝",
    Fraction(7, 8): "⅞",
}
_IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "square foot": "square feet"}
_SPELLING = {"square meter": "square metre", "meter": "metre", "kilometer": "kilometre"}
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


def format_number(value: float, places: int | None = None) -> str:
    """A number as an English text would print it: 1,435; 76.8; 0.5."""
    if places is not None:
        value = round(value, places)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{places}f}" if places is not None else f"{value:,}"
    return text


def format_percent(value: float) -> str:
    """92.5 -> ``92.5%``."""
    return f"{format_number(value)}%"


def unit_words(unit: str, plural: bool = True) -> str:
    """A pint unit name as words: ``metric_ton`` -> ``metric tons``."""
    words = unit.replace("_", " ")
    words = _SPELLING.get(words, words)
    if not plural:
        return words
    return _IRREGULAR_PLURALS.get(words, words if words.endswith("s") else words + "s")


def format_amount(
    value: float,
    unit: str,
    scale: str | None = None,
    noun: str | None = None,
    value_max: float | None = None,
) -> str:
    """An amount as the article writes it: ``$76.8 million``, ``500,000 metric tons``."""
    number = format_number(value)
    if value_max is not None:
        number = f"{number}–{format_number(value_max)}"
    scaled = f"{number} {scale}" if scale else number
    if unit in CURRENCIES:
        return f"{CURRENCIES[unit][0]}{scaled}"
    words = noun or unit_words(unit, plural=not (value == 1 and value_max is None and not scale))
    return f"{scaled} {words}"


def amount_unit_words(unit: str, scale: str | None, noun: str | None) -> str:
    """What a bare number of this amount counts: ``million US dollars``, ``troops``."""
    if unit in CURRENCIES:
        words = CURRENCIES[unit][1]
    else:
        words = noun or unit_words(unit)
    return f"{scale} {words}" if scale else words


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


def format_imperial(inches: Fraction) -> str:
    """Inches as feet and inches with a proper fraction: ``4 ft 8½ in``, ``4 ft 11 27⁄32 in``."""
    feet, rest = divmod(inches, 12)
    whole = math.floor(rest)
    frac = rest - whole
    text = f"{int(feet)} ft {whole}"
    if frac:
        text += _VULGAR.get(frac, f" {frac.numerator}\u2044{frac.denominator}")
    return text + " in"


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
