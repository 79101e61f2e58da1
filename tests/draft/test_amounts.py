"""Money, quantities, counts and measurements with their units and scales."""

from __future__ import annotations

import pytest

from studyaid.draft.amounts import propose_amounts

from .helpers import sentence


def _one(text: str) -> dict:
    found = propose_amounts(sentence(text))
    assert len(found) == 1, [dict(p.fields) for p in found]
    return {**found[0].fields, "asked": found[0].asked, "kind": found[0].kind, "hedge": found[0].hedge}


def test_parenthesised_money_is_positive():
    """``($8.8 million)`` is 8.8 million US dollars: parentheses are punctuation, not a minus sign."""
    got = _one("North Korean exports ($8.8 million) included frozen fish.")
    assert (got["value"], got.get("scale"), got["unit"], got["asked"]) == (8.8, "million", "USD", "$8.8 million")


def test_money_range_is_a_range_not_a_sum():
    """``$200-300 million`` is 200 to 300 million, never 500 million."""
    got = _one("The quay will cost $200-300 million.")
    assert (got["value"], got["value_max"], got["scale"], got["unit"]) == (200, 300, "million", "USD")


def test_quantity_range_with_thousands_separators():
    """``200,000-300,000 tons`` is a range in metric tons (a unit pint knows)."""
    got = _one("Russia supplies 200,000-300,000 tons a year.")
    assert (got["value"], got["value_max"], got["unit"], got["asked"]) == (
        200000,
        300000,
        "metric_ton",
        "200,000-300,000 tons",
    )


@pytest.mark.parametrize(
    ("text", "value", "scale", "unit"),
    [
        ("Namibia has already given over N$1,3 billion to it.", 1.3, "billion", "NAD"),
        ("Abu Dhabi purchased USD $100 million worth of weapons.", 100, "million", "USD"),
        ("It spent €4.5bn on it.", 4.5, "billion", "EUR"),
        ("The fine was 20 million euros in all.", 20, "million", "EUR"),
        ("It covers about 240,000 square feet of floor.", 240000, None, "square_foot"),
        ("Residents within 12 miles may shop.", 12, None, "mile"),
    ],
)
def test_currencies_scales_and_units(text, value, scale, unit):
    """Currency signs and codes, decimal commas, scales (bn, million) and pint units are read."""
    got = _one(text)
    assert (got["value"], got.get("scale"), got["unit"]) == (value, scale, unit)


def test_counts_name_what_they_count():
    """A number and a plural noun is a count; adjectives between them are skipped."""
    got = _one("The deal gave Orascom 300,000 new North Korean customers.")
    assert (got["value"], got["unit"], got["noun"], got["asked"]) == (
        300000,
        "count",
        "customers",
        "300,000 new North Korean customers",
    )
    got = _one("Now there are four new ferries plying the route.")
    assert (got["value"], got["noun"]) == (4, "ferries")


def test_hedge_before_the_figure_is_kept():
    """``up to 200 passengers`` keeps the article's hedge."""
    assert _one("Each ferry carries up to 200 passengers.")["hedge"] == "up to"


def test_length_with_feet_and_inches_is_a_measure():
    """``1,435 mm (4 ft 8 1/2 in)`` is one measurement; the ``1/2 in`` is not an amount of inches."""
    found = propose_amounts(sentence("Standard gauge rails of 1,435 mm (4 ft.\xa0 8 1/2 in) are used."))
    assert [(p.kind, p.fields["value"], p.fields["unit"], p.fields.get("imperial")) for p in found] == [
        ("measure", 1435, "mm", "4 ft 8 1/2 in")
    ]


@pytest.mark.parametrize(
    "text",
    ["Updated at 11:25:21 AM today.", "Russia holds 50% of it.", "It was built in 2003.", "two years later it fell."],
)
def test_no_amount_in_times_percentages_years_or_relative_dates(text):
    """A clock time, a percentage, a year and ``two years later`` are no amounts."""
    assert propose_amounts(sentence(text)) == []


def test_time_spans_are_durations_and_rates_are_quantities():
    """``180 days`` is a duration; ``4 km/h`` a quantity in a compound pint unit."""
    assert [(p.kind, p.fields["unit"]) for p in propose_amounts(sentence("Ships are banned for 180 days."))] == [
        ("duration", "day")
    ]
    assert [(p.kind, p.fields["unit"]) for p in propose_amounts(sentence("Horses pulled barges at about 4 km/h."))] == [
        ("quantity", "km/h")
    ]
