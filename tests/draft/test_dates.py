"""Date expressions found in sentences and written in the loader's own date grammar."""

from __future__ import annotations

import pytest

from studyaid.dates import parse_date
from studyaid.draft.datespans import find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In early 2012, under", [("early 2012", "early 2012")]),
        ("opened in Dandong early in 2016; the", [("early in 2016", "early 2016")]),
        ("a mid-2012 launch", [("mid-2012", "mid 2012")]),
        ("since the late 1950s and, in 1988, the", [("the late 1950s", "late 1950s"), ("1988", "1988")]),
        ("On 21 September 2017, President", [("21 September 2017", "2017-09-21")]),
        ("on May 16, 2016 revealing", [("May 16, 2016", "2016-05-16")]),
        ("landed on the first of September 1918.", [("the first of September 1918", "1918-09-01")]),
        ("left on April Fool’s Day 1920.", [("April Fool’s Day 1920", "1920-04-01")]),
        ("reported in Feb. 2016 that", [("Feb. 2016", "2016-02")]),
        ("four visits from 1983-1990 where", [("from 1983-1990", "1983/1990")]),
        ("in 2007 and 2008, which", [("2007 and 2008", "2007/2008")]),
        ("during the late 1990s and early 2000s.", [("the late 1990s and early 2000s", "late 1990s/early 2000s")]),
        ("In the 1970s and 1980s the", [("the 1970s and 1980s", "1970s/1980s")]),
        ("In the winter of 1919-1920 the", [("winter of 1919-1920", "1919/1920")]),
        ("From 2007 to 2015, the value", [("From 2007 to 2015", "2007/2015")]),
    ],
)
def test_date_expressions_in_the_deck_grammar(text, expected):
    """Each shape is found with its words and written as a date the loader parses."""
    found = find_dates(text)
    assert [(d.text, d.value) for d in found] == expected
    for d in found:
        assert parse_date(d.value) == d.parsed


@pytest.mark.parametrize(
    "text",
    [
        "Russia accounted for 50% of the trade",
        "the rails are 4 ft 8 1/2 in apart",
        "Last Updated: 11:25:21 AM",
        "a payment of $2019 and 1,435 mm of track",
        "Executive Order 13810 allowing",
        "2000 tons of fuel and 1500 troops",
    ],
)
def test_numbers_that_are_not_dates(text):
    """Percentages, fractions, clock times, money, lengths, order numbers and counts are no years."""
    assert find_dates(text) == []


def test_a_year_later_counts_from_the_last_year_given():
    """``a year later`` after 2009 is 2010; with no year before it, it is no date at all."""
    assert [(d.text, d.value) for d in find_dates("walked out in 2009 and, a year later, revealed")] == [
        ("2009", "2009"),
        ("a year later", "2010"),
    ]
    assert find_dates("a year later it was built") == []
    assert [d.value for d in find_dates("two years later it was built", last_year=1990)] == ["1992"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was dug in the late 17th century, when", [("the late 17th century", "late 17th century")]),
        ("For most of the 18th century it carried", [("the 18th century", "18th century")]),
        ("In the winter of 1795 the canal froze", [("winter of 1795", "winter 1795")]),
        ("In the winter of 1919-1920 the army", [("winter of 1919-1920", "1919/1920")]),
    ],
)
def test_centuries_and_seasons(text, expected):
    """Centuries and seasons in the grammar; a winter between two years is written as those years."""
    found = find_dates(text)
    assert [(d.text, d.value) for d in found] == expected
    for d in found:
        assert parse_date(d.value) == d.parsed
