"""How an event reads as a clause, so that questions ask it with a verb.

A deck names an event by a noun phrase ("the taking of the staff photograph", "the start of US
sanctions against North Korea"), which suits a timeline but reads badly in a question: "when
was the taking of …", "the start of … took place in the 1970s". Where the phrase is a gerund of
a known transitive verb or "the start/end of X", the question asks with the verb ("when was the
staff photograph taken?", "when did US sanctions against North Korea begin?") and a statement
says it ("US sanctions against North Korea began in the late 1950s"). Other noun phrases
("the launch of the Six-Party Talks") read well as they are and are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .verbs import passive_event

_INTRANSITIVE = {
    "landing": ("land", "landed"),
    "arriving": ("arrive", "arrived"),
    "departing": ("depart", "departed"),
    "sinking": ("sink", "sank"),
    "falling": ("fall", "fell"),
    "rising": ("rise", "rose"),
    "collapsing": ("collapse", "collapsed"),
    "meeting": ("meet", "met"),
    "returning": ("return", "returned"),
    "sailing": ("sail", "sailed"),
    "walking": ("walk", "walked"),
}
"""Gerunds whose "of" phrase is who did it ("the landing of the troops": the troops landed)."""
_INTRANSITIVE_EVENT = re.compile(
    r"^the (?P<verb>\w+ing) of (?P<who>.+?)(?P<where> (?:in|at|on|to|from|into|near) [A-Z].*)?$"
)
_SPAN = re.compile(r"^the (?P<edge>start|beginning|onset|end) of (?P<thing>.+)$")
_VERBS = {
    "start": ("begin", "began"),
    "beginning": ("begin", "began"),
    "onset": ("begin", "began"),
    "end": ("end", "ended"),
}


@dataclass(frozen=True)
class Clause:
    """An event as a question asks it and as a statement says it."""

    asked: str
    """What follows "when" or "in what year": "was the staff photograph taken", "did X begin"."""
    stated: str
    """The event as a past statement, before its date: "the staff photograph was taken", "X began"."""


def event_clause(what: str) -> Clause | None:
    """The verb form of an event named by a gerund or by its start or end; None for any other
    noun phrase (it reads well as it is)."""
    passive = passive_event(what)
    if passive:
        clause, plural = passive
        be = "were" if plural else "was"
        participle_at = _participle_at(clause)
        subject, verb = clause[:participle_at].rstrip(), clause[participle_at:]
        return Clause(f"{be} {clause}", f"{subject} {be} {verb}")
    found = _INTRANSITIVE_EVENT.match(what)
    if found and found.group("verb") in _INTRANSITIVE:
        base, past = _INTRANSITIVE[found.group("verb")]
        who, where = found.group("who"), found.group("where") or ""
        return Clause(f"did {who} {base}{where}", f"{who} {past}{where}")
    found = _SPAN.match(what)
    if found:
        base, past = _VERBS[found.group("edge")]
        thing = found.group("thing")
        return Clause(f"did {thing} {base}", f"{thing} {past}")
    return None


def _participle_at(clause: str) -> int:
    """Where the participle starts in passive_event's "<thing> <participle>[ by <agent>]"."""
    by = clause.rfind(" by ")
    head = clause[:by] if by > 0 else clause
    return head.rfind(" ") + 1


__all__ = ["Clause", "event_clause"]
