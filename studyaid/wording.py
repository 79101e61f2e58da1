"""How every output writes a number, a percentage, an amount, feet and inches, a date, a hedge,
an option letter or a capital: one place, so the card, the quiz, the key and the briefing agree."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .units import CURRENCIES

# ---------------------------------------------------------------- numbers and amounts


def format_number(value: float, places: int | None = None) -> str:
    """A number as an English text would print it: 1,435; 76.8; 0.5."""
    if places is not None:
        value = round(value, places)
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{places}f}" if places is not None else f"{value:,}"
    return text


def plain_number(value: float) -> str:
    """A number as data formats take it (GIFT, Moodle XML, QTI): no grouping, no needless ``.0``,
    and no float noise (``0.1 + 0.2`` is written ``0.3``)."""
    text = f"{float(value):.12g}"
    if "e" in text:  # very large or small: spell out the digits, no exponent
        text = f"{float(value):.12f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def decimals(written: str) -> int:
    """Decimal places of a number as written: ``76.8`` -> 1, ``1,435`` -> 0."""
    return len(written.split(".")[1]) if "." in written else 0


def stated_places(value: float) -> int:
    """Decimal places a stated number is written with (by ``format_number``)."""
    return decimals(format_number(value))


def join_names(names: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: how a list of names reads in a sentence."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def counted(n: int, one: str, many: str | None = None) -> str:
    """``1 version``, ``5 questions``: a count with its noun in the right number."""
    return f"{format_number(n)} {one if n == 1 else (many or one + 's')}"


def format_percent(value: float) -> str:
    """92.5 -> ``92.5%``."""
    return f"{format_number(value)}%"


_IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "square foot": "square feet"}
_SPELLING = {"square meter": "square metre", "meter": "metre", "kilometer": "kilometre"}


_SHORT_WORDS = {"day", "ton", "bar", "cup", "are", "gal"}
"""Unit names of three letters or fewer that are words, not symbols."""


def symbolic(unit: str) -> bool:
    """Whether a unit is written as a symbol (``km``, ``MW``, ``km/h``, ``t/year``, ``m^3``): then it
    is printed as the deck writes it, never pluralised."""
    return (
        any(c in unit for c in "/*^·")
        or any(c.isdigit() for c in unit)
        or (len(unit) <= 3 and unit not in _SHORT_WORDS)
    )


def unit_words(unit: str, plural: bool = True) -> str:
    """A pint unit name as words: ``metric_ton`` -> ``metric tons``, ``kilometre_per_hour`` ->
    ``kilometres per hour``; a symbol (``km/h``) as written."""
    if symbolic(unit):
        return unit
    words = unit.replace("_", " ")
    head, per, tail = words.partition(" per ")
    head = _SPELLING.get(head, head)
    if plural:
        head = _IRREGULAR_PLURALS.get(head, head if head.endswith("s") else head + "s")
    return head + (per + tail if per else "")


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


_VULGAR = {
    Fraction(1, 2): "½",
    Fraction(1, 4): "¼",
    Fraction(3, 4): "¾",
    Fraction(1, 8): "⅛",
    Fraction(3, 8): "⅜",
    Fraction(5, 8): "⅝",
    Fraction(7, 8): "⅞",
}


def format_imperial(inches: Fraction) -> str:
    """Inches as feet and inches with a proper fraction: ``4 ft 8½ in``, ``4 ft 11 27⁄32 in``."""
    feet, rest = divmod(inches, 12)
    whole = math.floor(rest)
    frac = rest - whole
    text = f"{int(feet)} ft {whole}"
    if frac:
        text += _VULGAR.get(frac, f" {frac.numerator}\u2044{frac.denominator}")
    return text + " in"


# ---------------------------------------------------------------- dates

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, independent of the process locale."""


def long_date(iso: str) -> str:
    """``2019-04-26`` -> ``26 April 2019``; ``2019-04`` -> ``April 2019``; ``2019`` -> ``2019``."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    day = dt.date(*parts)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def at_date(label: str) -> str:
    """A date label with the preposition English needs: on 21 September 2017, in 2003, between 1983 and 1990,
    in the winter of 1919–1920, in 2007 and 2008."""
    if label.startswith("the ") and " of " in label or " and " in label:
        return f"in {label}"
    if "–" in label:
        first, last = (f"the {part}" if part.endswith("s") else part for part in label.split("–", 1))
        return f"between {first} and {last}"
    if label[:1].isdigit() and len(label.split()) == 3:
        return f"on {label}"
    return f"in {label}"


# ---------------------------------------------------------------- hedges
# The vocabulary is open: any short phrase the article uses (``around``, ``could``, ``designed
# for``) is accepted, and a fact may carry several (``up to`` and ``could``). The words listed in
# HEDGES are documented in docs/deck-format.md with how each reads; a phrase not listed is
# written as the article's own word, quoted, so it is carried everywhere without rewording.


@dataclass(frozen=True)
class Hedge:
    """How one hedge reads in a question's note and beside a figure."""

    note: str
    """The note a question carries, without brackets: ``an estimate``."""
    label: str
    """How a figure is written with it, ``{}`` standing for the figure: ``up to {}``."""
    bound: bool = False
    """Whether it makes the figure a bound or an approximation (then sums and rests are unknown)."""


def _prefix(word: str, note: str) -> Hedge:
    return Hedge(note, f"{word} {{}}", bound=True)


def _suffix(word: str, note: str) -> Hedge:
    return Hedge(note, f"{{}} ({word})")


HEDGES: dict[str, Hedge] = {
    # The first seven keep the wording questions had before the vocabulary opened.
    "estimated": Hedge("an estimate", "{} (estimate)", bound=True),
    "roughly": _prefix("roughly", "an approximate figure"),
    "about": _prefix("about", "an approximate figure"),
    "up to": _prefix("up to", "the article gives an upper bound: “up to”"),
    "more than": _prefix("more than", "the article gives a lower bound: “more than”"),
    "at least": _prefix("at least", "the article gives a lower bound: “at least”"),
    "reportedly": Hedge("as reported", "{} (reported)"),
    # approximations
    "around": _prefix("around", "an approximate figure: “around”"),
    "approximately": _prefix("approximately", "an approximate figure"),
    "nearly": _prefix("nearly", "the article gives “nearly”: a little less"),
    "almost": _prefix("almost", "the article gives “almost”: a little less"),
    "some": _prefix("some", "an approximate figure: “some”"),
    # bounds
    "over": _prefix("over", "the article gives a lower bound: “over”"),
    "less than": _prefix("less than", "the article gives an upper bound: “less than”"),
    "under": _prefix("under", "the article gives an upper bound: “under”"),
    "as many as": _prefix("as many as", "the article gives an upper bound: “as many as”"),
    "no more than": _prefix("no more than", "the article gives an upper bound: “no more than”"),
    # estimates and forecasts
    "projected": Hedge("a projection", "{} (projected)", bound=True),
    "forecast": Hedge("a forecast", "{} (forecast)", bound=True),
    # reports and claims
    "allegedly": _suffix("alleged", "as alleged"),
    "claimed": _suffix("claimed", "as claimed"),
    # modality: what may, will or should be
    "could": _suffix("could", "a possibility: “could”"),
    "may": _suffix("may", "a possibility: “may”"),
    "might": _suffix("might", "a possibility: “might”"),
    "likely": _suffix("likely", "the article says “likely”"),
    "expected": _suffix("expected", "an expectation: “expected”"),
    "planned": _suffix("planned", "a plan: “planned”"),
    "proposed": _suffix("proposed", "a proposal: “proposed”"),
    "designed for": Hedge("a design figure: “designed for”", "{} (designed for)"),
    "target": _suffix("target", "a target: not yet reached"),
}
"""The documented hedges; any other phrase is accepted and written as the article's own word."""


def hedge_of(word: str) -> Hedge:
    """How ``word`` reads; a phrase outside the vocabulary is quoted as the article's own."""
    return HEDGES.get(word) or Hedge(f"the article’s hedge: “{word}”", f"{{}} ({word})")


def question_note(words: Sequence[str]) -> str:
    """The note a question ends with, in brackets, for all of a fact's hedges: ``(an estimate)``,
    ``(the article gives an upper bound: “up to”; a possibility: “could”)``."""
    if not words:
        return ""
    return "(" + "; ".join(dict.fromkeys(hedge_of(w).note for w in words)) + ")"


def with_hedges(figure: str, words: Sequence[str]) -> str:
    """A figure written with its hedges, innermost first: ``up to 50% (could)``."""
    for word in words:
        figure = hedge_of(word).label.format(figure)
    return figure


def uncertain(words: Sequence[str]) -> bool:
    """Whether the hedges make a figure inexact (a bound, an approximation, an estimate)."""
    return any(hedge_of(w).bound or w not in HEDGES for w in words)


def hedged(text: str, hedges: str | Sequence[str] | None) -> str:
    """A figure's text with its hedges: ``about 5%``, ``up to 50% (could)``; unchanged without."""
    if not hedges:
        return text
    return with_hedges(text, (hedges,) if isinstance(hedges, str) else hedges)


# ---------------------------------------------------------------- letters, capitals, blanks

OPTION_LETTERS = "ABCDEFGHIJ"
"""The letters of a choice question's options, in printed order."""

CLOZE_BLANK = "_____"
"""The blank a cloze prompt has where the asked words were."""


def capfirst(text: str) -> str:
    """``text`` with its first letter a capital (the rest untouched: ``the DPRK`` -> ``The DPRK``)."""
    return text[:1].upper() + text[1:]
