"""Dates at the article's precision, and unit conversions done by pint."""

from fractions import Fraction

import pytest

from studyaid.dates import DateFormatError, parse_date
from studyaid.units import imperial_agrees, parse_imperial, to_imperial
from studyaid.wording import format_amount, format_imperial


@pytest.mark.parametrize(
    ("text", "label", "year"),
    [
        ("2003", "2003", 2003),
        ("2017-09", "September 2017", 2017),
        ("2017-09-21", "21 September 2017", 2017),
        ("early 2012", "early 2012", 2012),
        ("late 1950s", "the late 1950s", None),
        ("1970s", "the 1970s", None),
        ("1983/1990", "1983–1990", None),
    ],
)
def test_date_labels(text, label, year):
    """Each date form reads as the article would say it and knows its single year when it has one."""
    parsed = parse_date(text)
    assert (parsed.label, parsed.year) == (label, year)


@pytest.mark.parametrize("text", ["2019-02-30", "2019-13", "1955s", "soon", "1990/1983"])
def test_impossible_dates_are_refused(text):
    """Dates that do not exist or do not parse raise a DateFormatError."""
    with pytest.raises(DateFormatError):
        parse_date(text)


def test_fuzzy_dates_order_only_when_certain():
    """The late 1950s come before 1988, but early 2012 and 2012 overlap so neither is before."""
    assert parse_date("late 1950s").before(parse_date("1988"))
    assert not parse_date("early 2012").before(parse_date("2012"))


@pytest.mark.parametrize(("mm", "form"), [(1435, "4 ft 8½ in"), (1520, "4 ft 11 27⁄32 in"), (1067, "3 ft 6 in")])
def test_gauges_convert_to_the_articles_feet_and_inches(mm, form):
    """pint's mm-to-inch conversion, rounded to 1/32 in, reproduces the article's forms."""
    assert format_imperial(to_imperial(mm, "mm")) == form


def test_imperial_forms_checked_to_their_stated_precision():
    """The article's ft-in forms agree with their mm values; a wrong form is caught."""
    assert imperial_agrees(1435, "mm", "4 ft 8 1/2 in")[0]
    assert imperial_agrees(1520, "mm", "4 ft 11 27/32 in")[0]
    assert not imperial_agrees(1520, "mm", "4 ft 8 1/2 in")[0]
    assert parse_imperial("4 ft. 8 1/2 in") == Fraction(113, 2)


def test_amounts_read_as_the_article_writes_them():
    """Currency, scale, counts and ranges format like the article's text."""
    assert format_amount(76.8, "USD", "million") == "$76.8 million"
    assert format_amount(1.3, "NAD", "billion") == "N$1.3 billion"
    assert format_amount(8000, "count", noun="troops") == "8,000 troops"
    assert format_amount(200000, "metric_ton", value_max=300000) == "200,000–300,000 metric tons"
