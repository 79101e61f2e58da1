"""Numbers as articles write them: ``1,435``, ``76.8``, ``N$1,3 billion`` (decimal comma), ``twenty``."""

from __future__ import annotations

import re

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d{1,2}(?!\d))?|\d+(?:\.\d+)?)"
"""Digits with thousands commas, a decimal point, or a decimal comma of one or two digits."""
WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
}
"""Number words a count may be written in ("one" is left out: "one of the" is no count)."""
WORD_NUMBER = (
    r"(?:a hundred|a thousand|a dozen|"
    + "|".join(sorted((w for w in WORDS if " " not in w), key=len, reverse=True))
    + r")"
)
SCALE_WORDS = {
    "thousand": "thousand",
    "k": "thousand",
    "million": "million",
    "mn": "million",
    "m": "million",
    "billion": "billion",
    "bn": "billion",
    "b": "billion",
}


def number_value(text: str) -> float:
    """The value of a number as written: ``1,435`` -> 1435, ``1,3`` -> 1.3, ``twenty`` -> 20."""
    folded = text.casefold().strip()
    if folded in WORDS:
        return float(WORDS[folded])
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def as_yaml_number(value: float) -> int | float:
    """76.8 stays 76.8; 1435.0 becomes 1435, as a person writes it in the deck."""
    return int(value) if float(value).is_integer() else value
