"""Money, quantities, counts and measurements, with their units and scales.

Money: a currency sign or code before the number (``$``, ``US$``, ``N$``, ``USD``, ``€``, ``£``)
or a currency word after it (``dollars``, ``euros``), a scale (``million``, ``bn``, ``m``) and
ranges (``$200-300 million`` is 200 to 300 million, never 500 million). Parentheses are
punctuation, not a minus sign: ``($8.8 million)`` is 8.8 million. Quantities: a number and a
unit word, the unit checked with pint; ``200,000-300,000 tons`` is a range. A length with its
feet-and-inches equivalent beside it is a measurement. A number and a plural noun is a count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..units import UnitError, imperial_agrees, parse_unit
from .numbers import NUMBER, SCALE_WORDS, WORD_NUMBER, as_yaml_number, number_value
from .proposal import Proposal, attribution_of, hedge_before, once
from .text import Sentence

_CURRENCY_SIGNS = {
    "US$": "USD",
    "USD $": "USD",
    "USD$": "USD",
    "USD": "USD",
    "$": "USD",
    "N$": "NAD",
    "NAD": "NAD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "CNY": "CNY",
    "RMB": "CNY",
    "₽": "RUB",
    "RUB": "RUB",
}
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "dollars": "USD",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "roubles": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "namibian dollars": "NAD",
}
_UNIT_WORDS = {
    "metric tons": "metric_ton",
    "metric tonnes": "tonne",
    "tons": "metric_ton",
    "ton": "metric_ton",
    "tonnes": "tonne",
    "tonne": "tonne",
    "square feet": "square_foot",
    "square foot": "square_foot",
    "square metres": "square_metre",
    "square meters": "square_metre",
    "square kilometres": "square_kilometre",
    "square kilometers": "square_kilometre",
    "square miles": "square_mile",
    "hectares": "hectare",
    "acres": "acre",
    "kilometres": "kilometre",
    "kilometers": "kilometre",
    "km": "kilometre",
    "miles": "mile",
    "mile": "mile",
    "metres": "metre",
    "meters": "metre",
    "mm": "mm",
    "millimetres": "mm",
    "cm": "cm",
    "feet": "foot",
    "ft": "foot",
    "inches": "inch",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "litres": "litre",
    "liters": "litre",
    "gallons": "gallon",
    "barrels": "oil_barrel",
    "megawatts": "megawatt",
    "MW": "megawatt",
    "knots": "knot",
    "km/h": "km/h",
    "mph": "mile/hour",
    "days": "day",
    "weeks": "week",
    "months": "month",
    "years": "year",
    "hours": "hour",
    "minutes": "minute",
}
"""Unit words and the pint unit each stands for (``tons`` are read as metric tons, as news reports mean)."""
_TIMES = {"day", "week", "month", "year", "hour", "minute"}
"""Units of a span of time: a figure in them is a duration."""
_LENGTHS = {"mm", "cm", "metre", "kilometre", "mile", "foot", "inch"}
_IRREGULAR_PLURALS = {"men", "women", "people", "children", "police", "personnel", "staff", "aircraft", "fish", "sheep"}
_NOT_NOUNS = {
    "was", "has", "is", "its", "this", "thus", "as", "us", "less", "unless", "always", "perhaps", "various",
    "numerous", "previous", "serious", "famous", "across", "whereas", "yes", "plus", "does",
}  # fmt: skip
_FUNCTION_WORDS = {
    "of", "to", "in", "the", "and", "or", "a", "an", "for", "with", "by", "on", "at", "from", "that", "which",
    "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "but", "than", "as", "per", "into",
    "later", "ago", "earlier", "before", "after", "times", "percent", "cent",
}  # fmt: skip

_CUR = "|".join(re.escape(c) for c in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
_SCALE = r"(?:\s?(?P<scale>million|billion|thousand|bn|mn|m|k)\b)"
_MONEY = re.compile(
    rf"(?<![\w$])(?P<cur>{_CUR})\s?(?P<num>{NUMBER})(?:\s?[-–]\s?(?:{_CUR})?\s?(?P<max>{NUMBER}))?{_SCALE}?"
    rf"(?![\d%])"
)
_MONEY_WORD = re.compile(
    rf"(?<![\w$.,])(?P<num>{NUMBER})(?:\s?[-–]\s?(?P<max>{NUMBER}))?{_SCALE}?\s+"
    rf"(?P<curword>{'|'.join(sorted(_CURRENCY_WORDS, key=len, reverse=True))})\b",
    re.I,
)
_UNITS = "|".join(re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?<![\w$.,/])(?P<num>{NUMBER}|{WORD_NUMBER})(?:\s?[-–]\s?(?P<max>{NUMBER}))?"
    rf"(?:\s(?P<scale>million|billion|thousand))?\s?(?P<unit>{_UNITS})(?![\w/])",
    re.I,
)
_COUNT = re.compile(
    rf"(?<![\w$.,/:-])(?P<num>{NUMBER}|{WORD_NUMBER})(?![\w%/:.-]|,\d|\s?(?:per\s?cent|percent))"
    rf"(?:\s?[-–]\s?(?P<max>{NUMBER}))?(?:\s(?P<scale>million|billion|thousand))?"
    r"(?P<words>(?:\s[A-Za-z][\w’'-]*){1,4})",
    re.I,
)
_IMPERIAL_AFTER = re.compile(
    r"^\s*\(\s*(?P<ft>\d+)\s*ft\.?\s*(?P<inch>\d+)?\s*(?:(?P<num>\d+)\s*[/⁄]\s*(?P<den>\d+))?\s*in\.?\s*\)"
)
_YEAR_LIKE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")


@cache
def _pint_knows(unit: str) -> bool:
    try:
        parse_unit(unit)
    except UnitError:
        return False
    return True


def propose_amounts(sentence: Sentence) -> list[Proposal]:
    """Every money sum, quantity, measurement and count the sentence states."""
    text = sentence.text
    taken: list[tuple[int, int]] = []
    found: list[Proposal] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for match in _MONEY.finditer(text):
        found.append(_money(sentence, match, _CURRENCY_SIGNS[" ".join(match["cur"].split())], "currency sign"))
        taken.append(match.span())
    for match in _MONEY_WORD.finditer(text):
        if free(*match.span()):
            found.append(_money(sentence, match, _CURRENCY_WORDS[match["curword"].casefold()], "currency word"))
            taken.append(match.span())
    for match in _QUANTITY.finditer(text):
        if not free(*match.span()) or re.match(r"\s*later\b", text[match.end() :]):
            continue
        unit = _UNIT_WORDS.get(match["unit"]) or _UNIT_WORDS.get(match["unit"].casefold())
        if unit is None or not _pint_knows(unit):
            continue
        got = _quantity(sentence, match, unit)
        if got is not None:
            found.append(got)
            taken.append((match.start(), match.end() + got.extra.get("imperial_length", 0)))
    for match in _COUNT.finditer(text):
        if not free(*match.span()):
            continue
        got = _count(sentence, match)
        if got is not None:
            found.append(got)
            taken.append((match.start(), match.start() + len(got.asked or "")))
    return sorted(found, key=lambda p: p.span)


def _scaled(match: re.Match[str]) -> tuple[float, float | None, str | None]:
    value = number_value(match["num"])
    top = number_value(match["max"]) if match.groupdict().get("max") else None
    scale = SCALE_WORDS.get((match["scale"] or "").casefold()) if match["scale"] else None
    return value, top, scale


def _amount_fields(
    sentence: Sentence, match: re.Match[str], scaled: tuple[float, float | None, str | None], unit: str
) -> dict[str, object]:
    """The fields a money or quantity proposal shares, so both write subject, range and scale alike."""
    value, top, scale = scaled
    subject = _subject(sentence.text, match.start(), match.end())
    fields: dict[str, object] = {"subject": subject, "value": as_yaml_number(value)}
    if top is not None and top > value:
        fields["value_max"] = as_yaml_number(top)
    if scale:
        fields["scale"] = scale
    fields["unit"] = unit
    return fields


def _money(sentence: Sentence, match: re.Match[str], currency: str, rule: str) -> Proposal:
    fields = _amount_fields(sentence, match, _scaled(match), currency)
    note = f"money ({rule}{'; $ read as US dollars' if match.groupdict().get('cur') == '$' else ''}); check subject"
    return _proposal("amount", sentence, fields, match, note)


def _quantity(sentence: Sentence, match: re.Match[str], unit: str) -> Proposal | None:
    value, top, scale = _scaled(match)
    if value <= 0:
        return None
    imperial = _IMPERIAL_AFTER.match(sentence.text[match.end() :])
    if unit in _LENGTHS and imperial is not None:
        return _measure(sentence, match, unit, value, imperial)
    fields = _amount_fields(sentence, match, (value, top, scale), unit)
    note = (
        f"quantity in {unit} (pint unit){'; tons read as metric tons' if unit == 'metric_ton' else ''}; check subject"
    )
    kind = "duration" if unit in _TIMES else "quantity" if "/" in unit else "amount"
    return _proposal(kind, sentence, fields, match, note)


def _measure(sentence: Sentence, match: re.Match[str], unit: str, value: float, imperial: re.Match[str]) -> Proposal:
    form = f"{imperial['ft']} ft"
    if imperial["inch"]:
        form += f" {imperial['inch']}"
    if imperial["num"]:
        form += f" {imperial['num']}/{imperial['den']}"
    form += " in"
    name = _subject(sentence.text, match.start())
    fields: dict[str, object] = {"name": name, "subject": f"the measured {name}", "value": as_yaml_number(value)}
    fields["unit"] = unit
    agrees, _ = imperial_agrees(value, unit, form)
    if agrees:
        fields["imperial"] = form
    note = "measurement with its feet-and-inches form" + ("" if agrees else " (which pint says disagrees: left out)")
    got = _proposal("measure", sentence, fields, match, note + "; check name and subject")
    return replace(got, extra={"imperial_length": imperial.end()})


def _count(sentence: Sentence, match: re.Match[str]) -> Proposal | None:
    if _YEAR_LIKE.match(match["num"]) and not match["scale"]:
        return None
    words = match["words"].split()
    noun_at = None
    for i, word in enumerate(words):
        bare = word.strip("’'")
        low = bare.casefold()
        if low in _FUNCTION_WORDS:
            break
        if bare[:1].islower() and (
            low in _IRREGULAR_PLURALS
            or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in _NOT_NOUNS)
        ):
            noun_at = i
            break
        if bare[:1].islower() and i >= 2:
            break
    if noun_at is None or words[noun_at].strip("’'") in _UNIT_WORDS:
        return None
    if re.match(r"\s*(?:later|ago|earlier)\b", match.string[match.start("words") :].split(words[noun_at], 1)[1]):
        return None
    value, top, scale = _scaled(match)
    if value <= 0:
        return None
    noun = words[noun_at].strip("’'")
    span_text = (
        match["num"] + (match.string[match.end("num") : match.start("words")]) + " " + " ".join(words[: noun_at + 1])
    )
    fields: dict[str, object] = {"subject": f"the number of {noun}", "value": as_yaml_number(value)}
    if top is not None and top > value:
        fields["value_max"] = as_yaml_number(top)
    if scale:
        fields["scale"] = scale
    fields["unit"] = "count"
    fields["noun"] = noun
    start = match.start()
    end = start + len(span_text)
    asked_text = match.string[start:end]
    hedge = hedge_before(sentence.text, start)
    return Proposal(
        "amount",
        sentence,
        fields,
        once(sentence.text, asked_text if match.string[start:end] == asked_text else match["num"]),
        f"count of {noun} (number and plural noun); check subject",
        (start, end),
        hedge,
        attribution_of(sentence.text),
    )


def _proposal(kind: str, sentence: Sentence, fields: dict[str, object], match: re.Match[str], note: str) -> Proposal:
    asked = match.group(0).strip()
    return Proposal(
        kind,
        sentence,
        fields,
        once(sentence.text, asked),
        note,
        match.span(),
        hedge_before(sentence.text, match.start()),
        attribution_of(sentence.text),
    )


_CLAUSE_START = re.compile(r",(?!\d)|[;:(“\"]|\b(?:which|that|who|while|when|where|and|but)\b")
_TRAILING = re.compile(
    r"(?:\s+(?:stood|was|were|is|are|at|of|to|for|by|from|with|reached|totalled|totaled|worth|some|about|around|"
    r"roughly|up|more|than|over|an|a|the|estimated|gave|had|has|have|paid|given|cost|costs|be|been|included|"
    r"includes|consisted|mainly|only|nearly|almost|approximately|already|in|on|into|would|will|could|can|may|might|"
    r"should|must|did|does|do))+$",
    re.I,
)


def _subject(text: str, start: int, end: int | None = None) -> str:
    """A guess at what a figure measures: ``of stone`` after it, else the noun phrase before it."""
    if end is not None:
        after = _OF_AFTER.match(text[end:])
        if after:
            return " ".join(after["what"].split())
    before = text[:start]
    cut = 0
    for match in _CLAUSE_START.finditer(before):
        if match.end() < len(before) - 1:
            cut = match.end()
    words = " ".join(before[cut:].split())
    words = _TRAILING.sub("", " " + words).strip(" ,;:(")
    words = re.sub(r"^(?:in|on|at|since|by)\s+\d{4}\s*", "", words).strip()
    phrase: list[str] = []
    for word in reversed(words.split()):
        if word.casefold() in _FUNCTION_WORDS - {"the", "a", "an"} or (word.endswith("ed") and word[:1].islower()):
            break
        phrase.insert(0, word)
        if word.casefold() in ("the", "a", "an") or len(phrase) == 8:
            break
    if not phrase or all(w.casefold() in ("the", "a", "an") for w in phrase):
        return "the figure stated in this sentence"
    return " ".join(phrase)


_OF_AFTER = re.compile(
    r"^\s(?:worth\s)?of\s(?P<what>(?:the\s)?[a-z][\w-]*(?:\s(?!(?:in|on|at|to|from|by|for|with|and|was|were|is|are)\b)"
    r"[a-z][\w-]*){0,3})"
)
