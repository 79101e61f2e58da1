"""Value checkers for deck files: each returns the clean value or raises ``ValueError`` completing "expected ..."."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .cleantext import invisible_character, visible
from .dates import UNKNOWN, parse_date
from .units import CURRENCIES, UnitError, parse_imperial, parse_unit

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Matched whole (``fullmatch``): with ``$`` a trailing newline would pass and name files."""
MAX_ID = 100
"""Longest id: ids become file names (slugs), tags and GUID input; 100 leaves room for suffixes."""
MAX_TEXT = 10_000
"""Longest text field: a quote is a sentence or two, never a chapter."""
MAX_SEED = 2**63
SMALLEST_FIGURE = 0.0001
"""Smallest non-zero figure accepted: below it Python prints exponents (``1e-300%``)."""
SAFE_ID_MIN, SAFE_ID_MAX = 1 << 30, 1 << 31

Checker = Callable[[Any], Any]


def text(value: Any) -> str:
    """A non-empty single string of visible characters, at most ``MAX_TEXT`` long."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected text, got {value!r}")
    bad = invisible_character(value)
    if bad:
        raise ValueError(bad)
    if not visible(value):
        raise ValueError("expected text, got only invisible characters")
    if len(value) > MAX_TEXT:
        raise ValueError(f"text of {len(value):,} characters is longer than the limit of {MAX_TEXT:,}")
    return " ".join(value.split())


def web_url(value: Any) -> str:
    """An ``http`` or ``https`` address: the only links any output makes."""
    url = text(value)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url:
        raise ValueError(f"expected an http:// or https:// address, got {url!r}")
    return url


def number(value: Any) -> float:
    """A finite number (YAML may read ``1e5`` as text; it is accepted as a number)."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    written = value
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ""))
        except ValueError:
            raise ValueError(f"expected a number, got {value!r}") from None
    if not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    if not math.isfinite(value) or abs(value) > 1e15:
        raise ValueError(f"expected a finite number below 1e15, got {written!r}")
    if value and abs(value) < SMALLEST_FIGURE:
        raise ValueError(
            f"expected a figure of at least {SMALLEST_FIGURE} (printed without an exponent), got {written!r}"
        )
    return float(value)


def positive(value: Any) -> float:
    """A number above zero."""
    result = number(value)
    if result <= 0:
        raise ValueError(f"expected a positive number, got {value!r}")
    return result


def percent(value: Any) -> float:
    """A percentage above 0 and at most 100."""
    if isinstance(value, str) and value.strip().endswith("%"):
        value = value.strip()[:-1]
    try:
        result = number(value)
    except ValueError as exc:
        if "finite" in str(exc) or "figure" in str(exc):
            raise
        raise ValueError(f"expected a percentage, got {value!r}") from None
    if not 0 < result <= 100:
        raise ValueError(f"expected a percentage above 0 and at most 100, got {value!r}")
    return result


def identifier(value: Any) -> str:
    """A kebab-case id."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ValueError(f"expected a kebab-case id like 'share-china-2017', got {value!r}")
    if len(value) > MAX_ID:
        raise ValueError(f"id of {len(value)} characters is longer than the limit of {MAX_ID}")
    return value


def anki_id(value: Any) -> int:
    """A hard-coded Anki deck or note-type ID in the range genanki recommends."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer ID, got {value!r}")
    if not SAFE_ID_MIN <= value < SAFE_ID_MAX:
        raise ValueError(f"expected an ID from {SAFE_ID_MIN} to {SAFE_ID_MAX - 1}, got {value}")
    return value


def integer(value: Any) -> int:
    """A whole number."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def seed(value: Any) -> int:
    """A whole number that fits a 64-bit seed."""
    result = integer(value)
    if not -MAX_SEED < result < MAX_SEED:
        raise ValueError(f"expected a seed between -2**63 and 2**63, got a number of {len(str(abs(result)))} digits")
    return result


def deck_name(value: Any) -> str:
    """An Anki deck name: ``::`` separates subdecks, and no part may be empty."""
    name = text(value)
    if any(not part.strip() for part in name.split("::")):
        raise ValueError(f"expected a deck name whose '::'-separated parts are not empty, got {name!r}")
    return name


def one_of(*choices: str) -> Checker:
    """A checker that accepts one of ``choices``."""

    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return check


def date_text(value: Any, published: str | None = None) -> Any:
    """A date in the grammar of docs/deck-format.md, parsed (``unknown``: no date, None)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected a date like 2003 or 2017-09-21, got {value!r}")
    if str(value).strip() == UNKNOWN:
        return None
    return parse_date(str(value), published)


def iso_date(value: Any) -> str:
    """A publication date: ``YYYY-MM-DD``, or ``YYYY-MM`` or ``YYYY`` when the article gives no more."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    if not re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$", str(value)):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    parse_date(str(value))
    return str(value)


def kind_word(value: Any) -> str:
    """An open kind (of actor, place, thing): a short lowercase noun phrase of one to three words."""
    name = text(value)
    if not re.match(r"^[a-z][a-z-]*(?: [a-z][a-z-]*){0,2}$", name):
        raise ValueError(f"expected a short lowercase noun like 'station', got {value!r}")
    return name


def hedges(value: Any) -> tuple[str, ...]:
    """One hedge or a list of them: short lowercase phrases (``up to``, ``could``, ``designed for``)."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError("expected a hedge or a non-empty list of hedges")
    found = []
    for item in items:
        word = text(item)
        if not re.match(r"^[a-z][a-z’' -]*$", word) or len(word.split()) > 4:
            raise ValueError(f"expected hedges as short lowercase phrases like 'up to' or 'could', got {item!r}")
        found.append(word)
    return tuple(dict.fromkeys(found))


def quantity_unit(value: Any) -> str:
    """A unit pint knows, compound ones included (``km/h``, ``t/year``), but not a currency."""
    name = text(value)
    try:
        parse_unit(name)
    except UnitError:
        raise ValueError(f"expected a unit pint knows (like km, km/h, t/year, MW), got {name!r}") from None
    return name


def time_unit(value: Any) -> str:
    """A unit of time pint knows (``minute``, ``hour``, ``day``, ``year``)."""
    name = quantity_unit(value)
    if parse_unit(name).dimensionality != parse_unit("hour").dimensionality:
        raise ValueError(f"expected a unit of time (minute, hour, day, week, month, year), got {name!r}")
    return name


def imperial(value: Any) -> str:
    """A feet-and-inches form such as ``4 ft 8 1/2 in``."""
    try:
        parse_imperial(text(value))
    except UnitError as exc:
        raise ValueError(str(exc)) from None
    return text(value)


def amount_unit(value: Any) -> str:
    """A currency code, ``count``, or a unit pint knows."""
    name = text(value)
    if name in CURRENCIES or name == "count":
        return name
    try:
        parse_unit(name)
    except UnitError:
        raise ValueError(
            f"expected a currency ({', '.join(CURRENCIES)}), 'count' or a unit pint knows, got {name!r}"
        ) from None
    return name


def length_unit(value: Any) -> str:
    """A unit of length pint knows."""
    name = text(value)
    try:
        unit = parse_unit(name)
    except UnitError:
        raise ValueError(f"expected a unit of length, got {name!r}") from None
    if unit.dimensionality != parse_unit("metre").dimensionality:
        raise ValueError(f"expected a unit of length, got {name!r}")
    return name


def list_of(item: Checker) -> Checker:
    """A checker for a non-empty list whose items pass ``item``."""

    def check(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or not value:
            raise ValueError(f"expected a non-empty list, got {value!r}")
        return tuple(item(v) for v in value)

    return check


def flag(value: Any) -> bool:
    """``true`` or ``false``, nothing YAML might read as either by accident (``yes``, ``1``)."""
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def text_mapping(value: Any) -> tuple[tuple[str, str], ...]:
    """A non-empty mapping of text to text (``{"here": "Rason"}``), as pairs in the file's order."""
    if not isinstance(value, dict) or not value:
        raise ValueError(f"expected a mapping of text to text, like {{here: Rason}}, got {value!r}")
    return tuple((text(k), text(v)) for k, v in value.items())
