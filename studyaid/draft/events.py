"""Events: a sentence that pairs a date with what happened then, one proposal per date it gives.

The date comes from ``datespans`` (the loader's own grammar); ``what`` is the clause the date
stands in, with the date taken out, as a first wording the reviewer turns into a noun phrase
("the launch of the Six-Party Talks"). ``a year later`` is resolved against the last year the
paragraph gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .datespans import DateSpan, find_dates
from .proposal import Proposal, once
from .text import Sentence

_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()“”\"—–]|\[\w+\]|\s-\s|\b(?:and|but|while|which|who|where|when)\b")
_LEAD = re.compile(
    r"^(?:(?:in|on|at|since|from|by|until|during|after|before|of|the|early|late|mid|between|and|to|a|an)\s+)+",
    re.I,
)
_TRAIL = re.compile(r"(?:\s+(?:in|on|at|since|from|by|until|during|of|the|and|to|a|an|early|late|mid))+$", re.I)
_MAX_WORDS = 16


def dates_by_sentence(sentences: Iterable[Sentence]) -> dict[int, list[DateSpan]]:
    """The date spans of every sentence, ``a year later`` resolved within its paragraph."""
    found: dict[int, list[DateSpan]] = {}
    paragraph, last_year = -1, None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, last_year = sentence.paragraph, None
        spans = find_dates(sentence.text, last_year)
        found[sentence.index] = spans
        years = [d.parsed.year for d in spans if d.parsed.year is not None]
        if years:
            last_year = years[-1]
    return found


def propose_events(sentence: Sentence, spans: list[DateSpan]) -> list[Proposal]:
    """One event per date expression in the sentence."""
    proposals = []
    for span in spans:
        what = _what(sentence.text, span)
        proposals.append(
            Proposal(
                "event",
                sentence,
                {"what": what, "date": span.value},
                once(sentence.text, span.text),
                f"event: date ({span.rule}) with its clause; reword `what` as a noun phrase",
                (span.start, span.end),
            )
        )
    return proposals


def _what(text: str, span: DateSpan) -> str:
    """The clause around the date, the date taken out: a first wording for the reviewer."""
    breaks = [m for m in _CLAUSE_BREAK.finditer(text)]
    start = max((m.end() for m in breaks if m.end() <= span.start), default=0)
    end = min((m.start() for m in breaks if m.start() >= span.end), default=len(text))
    before = _TRAIL.sub("", " " + text[start : span.start].strip()).strip()
    after = text[span.end : end].strip()
    # A clause that is only the date ("In 2003, ...") takes the next clause instead.
    if len(re.findall(r"[A-Za-z]{3,}", before + " " + after)) < 3:
        following = [m.start() for m in breaks if m.start() > end]
        after = (after + " " + text[end : following[0] if following else len(text)]).strip(" ,;:")
    words = " ".join(f"{before} {after}".split())
    words = _LEAD.sub("", words).strip(" ,;:.")
    words = _TRAIL.sub("", words).strip(" ,;:.")
    words = " ".join(words.split()[:_MAX_WORDS])
    return words or "what happened at this date"
