"""Statements: quoted speech with the speaker the sentence names beside a verb of saying."""

from __future__ import annotations

from studyaid.draft.statements import propose_statements

from .helpers import sentence


def _said(text: str) -> list[tuple]:
    return [
        (p.fields["speaker"], p.fields["said"], p.fields.get("date"), p.asked)
        for p in propose_statements(sentence(text))
    ]


def test_speaker_after_the_quotation_with_a_role_between():
    """``"...," wrote the harbour master, Pieter Smaal.``: the name, not the role."""
    text = '"The ice stood thick as a wall, and the town went hungry," wrote the harbour master, Pieter Smaal.'
    assert _said(text) == [
        (
            "Pieter Smaal",
            "The ice stood thick as a wall, and the town went hungry,",
            None,
            "The ice stood thick as a wall, and the town went hungry,",
        )
    ]


def test_speaker_before_the_quotation_title_peeled_off_and_date_kept():
    """``Treasury Secretary Steven Mnuchin stated that "..."`` and ``told the council in 1851: "..."``."""
    assert _said('Treasury Secretary Steven Mnuchin stated that "Institutions are now on notice, but not both."')[0][
        :2
    ] == (
        "Steven Mnuchin",
        "Institutions are now on notice, but not both.",
    )
    got = _said(
        'The mayor, Clara Jansen, told the town council in 1851: "We must let the canal sleep and build the station."'
    )
    assert got == [("Clara Jansen", "We must let the canal sleep and build the station.", "1851", got[0][3])]


def test_a_quotation_without_a_speaker_is_no_statement():
    """Scare quotes and titles (no verb of saying) are not proposed as statements."""
    assert _said('They travelled on special "Death Trains and worse", underwritten by others.') == []


def test_words_between_the_verb_and_a_quoted_phrase():
    """``said in January 2024 that coverage "could pass 90%..."``: speaker, words and month."""
    got = _said(
        'The health minister, Jonas Berg, said in January 2024 that coverage "could pass 90% before the end of the year".'
    )
    assert [g[:3] for g in got] == [("Jonas Berg", "could pass 90% before the end of the year", "2024-01")]
