"""A description that places its subject in a class, or says it "also" did something, may be true
of other things: it is neither a safe wrong option nor the basis of a single-answer name question."""

from __future__ import annotations

import pytest

from studyaid.sorts import exclusive


@pytest.mark.parametrize(
    "description",
    [
        "the state added to its list of state sponsors of terrorism",
        "the state that has not given up hopes to be a nuclear power",
        "the state to which Pyongyang has also sold ballistic-missile manufacturing lines",
        "one of the ports on the Sea of Japan",
    ],
)
def test_class_descriptions_are_not_exclusive(description):
    assert not exclusive(description)


@pytest.mark.parametrize(
    "description",
    [
        "the state to which Pyongyang sold ballistic-missile manufacturing lines in 1993",
        "the river that forms the border between North Korea and Russia",
        "the Egyptian president who ordered the expulsion of Soviet advisers",
    ],
)
def test_single_descriptions_are_exclusive(description):
    assert exclusive(description)


def test_the_article_asks_no_name_from_a_description_it_says_others_share(article_questions):
    """The article: "Pyongyang has also sold ballistic-missile manufacturing lines to Libya"."""
    assert not [
        q for q in article_questions if q.fact_ids == ("actor-libya",) and q.template_id.startswith("actor-name")
    ]
