"""Percentages as shares, with their part and whole guessed from the sentence."""

from __future__ import annotations

from studyaid.draft.shares import propose_shares

from .helpers import sentence


def _fields(text: str) -> list[tuple]:
    return [
        (p.fields["part"], p.fields["whole"], p.fields["value"], p.asked, p.hedge)
        for p in propose_shares(sentence(text))
    ]


def test_part_accounted_for_share_of_whole():
    """``X accounted for up to 50% of W``: part, whole, value and hedge; 50% is never a year."""
    assert _fields(
        "In the 1970s and 1980s the Soviet Union accounted for up to 50% of North Korea’s foreign trade."
    ) == [("Soviet Union", "North Korea’s foreign trade", 50, "50%", "up to")]


def test_list_items_are_parts_of_the_sentence_subject():
    """``W included a (24.6%), b (22.3%) and c (12%)``: each item a part of W, the amount in brackets dropped."""
    got = _fields(
        "North Korean exports ($8.8 million) included frozen fish (24.6%), parts and accessories for tractors (22.3%) and wool (12%)."
    )
    assert got == [
        ("frozen fish", "North Korean exports", 24.6, "24.6%", None),
        ("parts and accessories for tractors", "North Korean exports", 22.3, "22.3%", None),
        ("wool", "North Korean exports", 12, "12%", None),
    ]


def test_bare_percentage_borrows_the_whole_and_takes_the_nearest_name():
    """``..., after China, which holds the top position with 92.5%``: part China, whole from the other share."""
    got = _fields(
        "Today, Russia is now responsible for a mere 1.2% of the North’s external trade, after China, "
        "which holds the unassailable top position with 92.5%."
    )
    assert got == [
        ("Russia", "North’s external trade", 1.2, "1.2%", None),
        ("China", "North’s external trade", 92.5, "92.5%", None),
    ]


def test_same_value_twice_has_no_asked_span():
    """Two ``5%`` in one sentence: neither share names an ``asked`` span (it would be ambiguous)."""
    assert [a for *_, a, _ in _fields("Exports were lignite (5%), oil (4%) and wheat (5%).")] == [None, "4%", None]


def test_percentages_above_100_are_not_shares():
    """``150%`` growth is not a share of anything."""
    assert propose_shares(sentence("Trade grew by 150% in a year.")) == []
