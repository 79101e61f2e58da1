"""Events: a date paired with what the sentence says happened then."""

from __future__ import annotations

from studyaid.draft.events import dates_by_sentence, propose_events
from studyaid.draft.text import Sentence


def test_one_event_per_date_with_its_clause():
    """Each date of a sentence is one event; ``what`` is its clause without the date."""
    text = "Talks stalled when Pyongyang walked out of negotiations in 2009 and, a year later, revealed a facility."
    s = Sentence(0, 0, len(text), text, 0)
    spans = dates_by_sentence([s])[0]
    got = [(p.fields["date"], p.fields["what"], p.asked) for p in propose_events(s, spans)]
    assert got == [
        ("2009", "Pyongyang walked out of negotiations", "2009"),
        ("2010", "revealed a facility", "a year later"),
    ]


def test_a_year_later_does_not_reach_across_paragraphs():
    """``a year later`` resolves against the same paragraph only."""
    first = Sentence(0, 0, 20, "It opened in 2009.", 0)
    second = Sentence(1, 21, 50, "A year later, it closed.", 1)
    assert dates_by_sentence([first, second])[1] == []
