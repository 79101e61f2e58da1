"""The draft of an article: its header, notes and sentences, and every fact proposed from them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .amounts import propose_amounts
from .datespans import DateSpan
from .events import dates_by_sentence, propose_events
from .names import propose_names
from .notes import find_notes
from .proposal import Proposal
from .shares import propose_shares
from .source import Header, read_header
from .statements import propose_statements
from .text import Sentence, split_sentences


@dataclass(frozen=True)
class Draft:
    """What ``studyaid draft`` read in an article."""

    text: str
    header: Header
    notes: dict[str, str]
    sentences: tuple[Sentence, ...]
    proposals: tuple[Proposal, ...]


def draft_article(text: str) -> Draft:
    """Read the article and propose its facts, in the order the article states them."""
    header = read_header(text)
    notes = find_notes(text, header.body_start)
    body_end = notes.start if notes else len(text)
    sentences = split_sentences(text, header.body_start, body_end)
    dates = dates_by_sentence(sentences)
    proposals: list[Proposal] = []
    for sentence in sentences:
        spans = dates[sentence.index]
        figures = [*propose_shares(sentence), *propose_amounts(sentence)]
        proposals.extend(propose_statements(sentence))
        proposals.extend(_with_when(p, spans) for p in figures)
        taken = [p.span for p in figures]
        proposals.extend(
            p for p in propose_events(sentence, spans) if not any(p.span[0] < e and s < p.span[1] for s, e in taken)
        )
    proposals.extend(propose_names(sentences))
    known = notes.notes if notes else {}
    cited = [_cited(p, known) for p in proposals]
    cited.sort(key=lambda p: (p.sentence.index, p.span[0], p.kind))
    return Draft(text, header, dict(known), sentences, tuple(cited))


def _with_when(proposal: Proposal, spans: list[DateSpan]) -> Proposal:
    """A figure's ``when``: the date its sentence gives, as the prepositional phrase it reads."""
    if not spans or "when" in proposal.fields:
        return proposal
    span = min(spans, key=lambda d: abs(d.start - proposal.span[0]))
    before = proposal.sentence.text[: span.start].split()[-1:] if span.start else []
    lead = before[0].casefold() if before and before[0].casefold() in ("in", "since", "by", "from", "until") else "in"
    words = span.text
    if words.casefold().startswith(("between ", "from ", "in ", "since ", "by ")):
        phrase = words[0].lower() + words[1:]
    else:
        phrase = f"{lead} {words}"
    fields = dict(proposal.fields)
    fields["when"] = phrase
    return replace(proposal, fields=fields)


def _cited(proposal: Proposal, notes: dict[str, str]) -> Proposal:
    note = proposal.sentence.footnote
    return replace(proposal, extra={**proposal.extra, "footnote": note}) if note in notes else proposal
