"""Percentages as shares: the part, the whole it is a share of, and the value.

Three shapes: ``X accounted for 50% of W`` (part before, whole after ``of``), a list
``W included fish (24.6%), tractor parts (22.3%)`` (each item a part of the sentence's subject),
and ``..., China, which holds the top position with 92.5%`` (the nearest name before, the whole
borrowed from a share of the same sentence). Part and whole are guesses the reviewer checks;
``found_by`` says which shape matched. ``50% of`` is a share and never a year.
"""

from __future__ import annotations

import re

from .datespans import find_dates
from .numbers import NUMBER, number_value
from .proposal import Proposal, attribution_of, hedge_before, once
from .text import Sentence

_PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})\s?(?:%|per\s?cent\b|percent\b)")
_OF_WHOLE = re.compile(
    r"^\s+of\s+(?:the\s+)?(?P<whole>[^,;:()“”\"]+?)(?=\s+(?:in|since|during|which|that|and|was|were|is|are|by|from)\b|[,;:()“”\".]|$)"
)
_LIST_ITEM_START = re.compile(
    r"(?:,|;|:|\)\s+and|\bincluded|\bincluding|\bconsisted(?: mainly| mostly)? of|\bsuch as|\bas well as)\s+", re.I
)
_VERB = re.compile(
    r"\s+(?:\(|included|includes|consisted|consists|accounted|accounts|made up|make up|was|were|is|are|has|have|"
    r"rose|fell|grew|stood|held|holds|represented|represents|comprised|comprises)\b"
)
_NAME = re.compile(r"(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*)")
_TRAILING_VERBS = re.compile(
    r"(?:\s+(?:[a-z]+ed|is|was|were|are|has|had|have|holds|held|made|lost|took|gave|for|of|to|a|an|the|"
    r"responsible|now|about|around|roughly|some|up|more|than|over|accounted|mere|only|nearly|almost))+$"
)
_LEADING = re.compile(r"^(?:and|as well as|also|mainly|mostly|the)\s+", re.I)


def propose_shares(sentence: Sentence) -> list[Proposal]:
    """Every percentage in the sentence as a proposed share."""
    text = sentence.text
    found: list[Proposal] = []
    wholes: list[str] = []
    matches = [m for m in _PERCENT.finditer(text) if 0 < number_value(m["num"]) <= 100]
    for match in matches:
        part, whole, shape = _parse(text, match)
        if whole:
            wholes.append(whole)
        found.append(
            Proposal(
                "share",
                sentence,
                {"part": part, "whole": whole, "value": _value(match)},
                once(text, match.group(0)),
                f"percentage ({shape}); check part and whole",
                match.span(),
                hedge_before(text, match.start()),
                attribution_of(text),
            )
        )
    fallback = wholes[0] if wholes else "the total this sentence speaks of"
    return [
        p if p.fields["whole"] else _with(p, whole=fallback, note=" (whole borrowed from the sentence)") for p in found
    ]


def _value(match: re.Match[str]) -> int | float:
    value = number_value(match["num"])
    return int(value) if value.is_integer() else value


def _with(p: Proposal, whole: str, note: str) -> Proposal:
    fields = dict(p.fields)
    fields["whole"] = whole
    return Proposal(p.kind, p.sentence, fields, p.asked, p.found_by + note, p.span, p.hedge, p.attribution)


def _parse(text: str, match: re.Match[str]) -> tuple[str, str | None, str]:
    before = text[: match.start()]
    after = text[match.end() :]
    if before.endswith("(") and after.startswith(")"):
        item_text = before[:-1].rstrip()
        starts = list(_LIST_ITEM_START.finditer(item_text))
        part = item_text[starts[-1].end() :] if starts else item_text
        part = _LEADING.sub("", part.strip())
        return part or "the item before the figure", _sentence_subject(text), "list item (N%)"
    of = _OF_WHOLE.match(after)
    if of:
        return _part_before(before), " ".join(of["whole"].split()), "N% of W"
    return _part_before(before), None, "bare percentage"


def _sentence_subject(text: str) -> str | None:
    """The noun phrase a sentence opens with, up to its verb or its first parenthesis."""
    start = text
    according = re.match(r"^(?:According to[^,]+,|In \d{4},)\s*", text)
    if according:
        start = text[according.end() :]
    verb = _VERB.search(start)
    if verb is None:
        return None
    subject = re.sub(r"\s*\([^)]*\)", "", start[: verb.start()]).strip(' ,“"')
    return subject if 0 < len(subject.split()) <= 10 else None


def _part_before(before: str) -> str:
    """The last name before the figure in its sentence, else the words that open its clause."""
    names = [m.group(0) for m in _NAME.finditer(before) if not _sentence_start_only(before, m)]
    if names:
        return names[-1].removeprefix("the ").strip(" .")
    clause = re.split(r"[,;:(]", before)[-1]
    for span in reversed(find_dates(clause)):
        clause = clause[: span.start] + clause[span.end :]
    clause = re.sub(r"^\s*(?:between|from|in|since|by|during|and|to|about|around|some|up to)\b", "", clause, flags=re.I)
    words = _TRAILING_VERBS.sub("", " " + " ".join(clause.split())).split()
    return " ".join(words[:6]) if words else "the part this sentence names"


def _sentence_start_only(before: str, match: re.Match[str]) -> bool:
    """A capitalised first word of the sentence (``Today``, ``In``) is no name on its own."""
    return match.start() == 0 and " " not in match.group(0).strip()
