"""Sentences with offsets, footnote markers, the notes section and the article's own header."""

from __future__ import annotations

from studyaid.draft.notes import find_notes
from studyaid.draft.source import first_date, read_header
from studyaid.draft.text import split_sentences

ARTICLE = """Site Name
Home | News

The Title of the Piece
By Jane Q. Writer, 25/4/19
Apr 26, 2019 - 3:33:04 PM

A first paragraph that is long enough to be prose, with a figure of 12% in it. A statement from the \
White House said "Choose now.”[i]

In 2015 a second paragraph began.[ii] It cites a note mid-way.

[i] Borger, Julian, "A report", Guardian 21/9 17

[ii] ibid

Source:Publisher.net 2019

Top of Page
"""


def test_sentences_are_verbatim_slices_of_the_article():
    """Every sentence is exactly ``article[start:end]``, with no trailing marker or space."""
    header = read_header(ARTICLE)
    notes = find_notes(ARTICLE, header.body_start)
    assert notes is not None
    found = split_sentences(ARTICLE, header.body_start, notes.start)
    assert [s.text for s in found] == [
        "A first paragraph that is long enough to be prose, with a figure of 12% in it.",
        'A statement from the White House said "Choose now.”',
        "In 2015 a second paragraph began.",
        "It cites a note mid-way.",
    ]
    for s in found:
        assert ARTICLE[s.start : s.end] == s.text


def test_a_marker_cites_the_sentences_before_it_in_its_paragraph():
    """A sentence cites the next marker of its paragraph; ``.[ii] It`` also ends a sentence."""
    header = read_header(ARTICLE)
    notes = find_notes(ARTICLE, header.body_start)
    assert notes is not None
    found = split_sentences(ARTICLE, header.body_start, notes.start)
    assert [s.footnote for s in found] == ["i", "i", "ii", None]


def test_notes_section_is_read_and_ends_the_body():
    """Notes are keyed as printed; the section stops at the page furniture after it."""
    notes = find_notes(ARTICLE, read_header(ARTICLE).body_start)
    assert notes is not None
    assert notes.notes == {"i": 'Borger, Julian, "A report", Guardian 21/9 17', "ii": "ibid"}
    assert ARTICLE[notes.start :].startswith("[i] Borger")


def test_header_gives_title_byline_date_and_publisher():
    """Title line before the byline, the author, the byline's date (25/4/19 can only be 25 April), publisher."""
    header = read_header(ARTICLE)
    assert (header.title, header.author, header.date, header.publisher) == (
        "The Title of the Piece",
        "Jane Q. Writer",
        "2019-04-25",
        "Publisher.net",
    )
    assert ARTICLE[header.body_start :].startswith("A first paragraph")


def test_header_leaves_empty_what_the_text_does_not_say():
    """No byline: no author and no date; an ambiguous 4/5/19 is not turned into a date."""
    header = read_header("A Plain Title\n\nSome prose here that runs on for more than twelve words in one line.\n")
    assert (header.title, header.author, header.date, header.publisher) == ("A Plain Title", None, None, None)
    assert first_date("By X, 4/5/19") is None
    assert first_date("Apr 27, 2019 - 11:25:21 AM") == "2019-04-27"
