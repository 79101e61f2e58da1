"""Statements: quoted speech with its speaker (``"...," wrote the harbour master, Pieter Smaal``).

The quoted words are kept exactly as printed; the speaker is the name the sentence gives beside a
verb of saying, before the quotation (``Mnuchin stated that "..."``) or after it (``"...," said
Costa``), its title peeled off. What the statement is ``about`` is left for the reviewer.
"""

from __future__ import annotations

import re

from .datespans import find_dates
from .names import strip_title
from .proposal import Proposal, once
from .text import Sentence

_QUOTED = re.compile(r"[“\"](?P<said>[^“”\"]{12,600})[”\"]")
_VERBS = r"(?:said|says|stated|states|wrote|writes|told|tells|added|adds|declared|argued|warned|explained|insisted)"
_AFTER = re.compile(rf"^\s*,?\s*{_VERBS}\b(?P<rest>[^.;“\"]{{0,80}})")
_BEFORE = re.compile(rf"\b{_VERBS}\b[^“”\".;!?]{{0,60}}$")
"""A verb of saying, then at most a few words (``in January 2024 that coverage``) up to the quotation."""
_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|el|al|de)(?=\s|$|[,.;:]))*")
_NOT_SPEAKERS = {"A", "An", "The", "In", "On", "It", "This", "That", "He", "She", "They", "We", "I"}


def propose_statements(sentence: Sentence) -> list[Proposal]:
    """Every quotation in the sentence whose speaker the sentence names."""
    text = sentence.text
    found = []
    for match in _QUOTED.finditer(text):
        speaker = _speaker_after(text[match.end() :]) or _speaker_before(text[: match.start()])
        if speaker is None:
            continue
        said = match["said"]
        fields: dict[str, object] = {"speaker": speaker, "said": said, "about": "the subject of this statement"}
        dates = find_dates(text)
        if dates:
            fields["date"] = dates[0].value
        found.append(
            Proposal(
                "statement",
                sentence,
                fields,
                once(text, said),
                "quoted speech with its speaker; write what it is `about`",
                match.span("said"),
            )
        )
    return found


def _speaker_after(after: str) -> str | None:
    match = _AFTER.match(after)
    if not match:
        return None
    names = [n for n in _NAME.findall(match["rest"]) if n not in _NOT_SPEAKERS]
    return strip_title(names[-1].strip()) if names else None


def _speaker_before(before: str) -> str | None:
    verb = _BEFORE.search(before)
    if not verb:
        return None
    clause = re.split(r"[;:“\"]", before[: verb.start()])[-1]
    names = [n.strip() for n in _NAME.findall(clause) if n.strip() not in _NOT_SPEAKERS]
    if not names:
        return None
    name = re.sub(r"^(?:A|An|The)\s+", "", names[-1])
    name = re.sub(r"^(?:statement|report)\s+from\s+(?:the\s+)?", "", name)
    return strip_title(name)
