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

from .phrasing import head_and_qualifiers, is_plural
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
_NOMINALS = {
    # noun: (base, past, participle, transitive)
    "purchase": ("purchase", "purchased", "purchased", True),
    "retirement": ("retire", "retired", "retired", False),
    "death": ("die", "died", "died", False),
    "departure": ("depart", "departed", "departed", False),
    "return": ("return", "returned", "returned", False),
    "arrival": ("arrive", "arrived", "arrived", False),
    "addition": ("add", "added", "added", True),
    "publication": ("publish", "published", "published", True),
    "establishment": ("establish", "established", "established", True),
    "conclusion": ("conclude", "concluded", "concluded", True),
    "revelation": ("reveal", "revealed", "revealed", True),
    "imposition": ("impose", "imposed", "imposed", True),
    "resumption": ("resume", "resumed", "resumed", True),
    "replacement": ("replace", "replaced", "replaced", True),
    "discovery": ("discover", "discovered", "discovered", True),
    "interception": ("intercept", "intercepted", "intercepted", True),
    "submission": ("submit", "submitted", "submitted", True),
    "displacement": ("displace", "displaced", "displaced", True),
    "capture": ("capture", "captured", "captured", True),
    "defeat": ("defeat", "defeated", "defeated", True),
    "creation": ("create", "created", "created", True),
    "invasion": ("invade", "invaded", "invaded", True),
    "withdrawal": ("withdraw", "withdrew", "withdrawn", False),
    "election": ("elect", "elected", "elected", True),
    "setting up": ("set up", "set up", "set up", True),
    "blacklisting": ("blacklist", "blacklisted", "blacklisted", True),
    "walk-out": ("walk out", "walked out", "walked out", False),
    "leak": ("leak", "leaked", "leaked", True),
    "launch": ("launch", "launched", "launched", True),
}
"""Nouns news articles name events by, with their verb: "Egypt's purchase of missiles" is
"Egypt purchased missiles"; "the departure of the troops" is "the troops departed"."""
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
    nominal = _nominal(what)
    if nominal:
        return nominal
    found = _SPAN.match(what)
    if not found:
        return _gerund(what)
    if found:
        base, past = _VERBS[found.group("edge")]
        thing = found.group("thing")
        return Clause(f"did {thing} {base}", f"{thing} {past}")
    return None


_POSSESSED = re.compile(
    r"^(?P<agent>(?:the )?[A-Z][\w .’'-]*?)['’]s? (?P<noun>setting up|walk-out|[a-z]+) (?P<rest>.+)$"
)
_OF = re.compile(r"^the (?P<noun>setting up|walk-out|[a-z]+) of (?P<rest>.+)$")
_SPLIT = re.compile(r" (?=(?:to|from|in|on|by|for|with|into|after|before|at|against|near) )")


def _nominal(what: str) -> Clause | None:
    """An event named by a noun of _NOMINALS: "Egypt's purchase of missiles" -> "did Egypt
    purchase missiles"; "the addition of North Korea to the list" -> "was North Korea added to
    the list"; "the death of Graves" -> "did Graves die"."""
    found = _POSSESSED.match(what)
    if found and found.group("noun") in _NOMINALS:
        base, past, _, transitive = _NOMINALS[found.group("noun")]
        agent, rest = found.group("agent"), found.group("rest")
        if transitive:
            if not rest.startswith("of "):
                return None
            rest = rest[3:]
        return Clause(f"did {agent} {base} {rest}", f"{agent} {past} {rest}")
    found = _OF.match(what)
    if found and found.group("noun") in _NOMINALS:
        base, past, participle, transitive = _NOMINALS[found.group("noun")]
        rest = found.group("rest")
        if re.search(r"\b(?:that|which|who|whose|whom)\b", rest):
            return None
        thing = _SPLIT.split(rest, maxsplit=1)[0]
        more = rest[len(thing) :]
        if not transitive:
            return Clause(f"did {thing} {base}{more}", f"{thing} {past}{more}")
        head, _ = head_and_qualifiers(thing)
        be = "were" if head and is_plural(f"the {head}") else "was"
        return Clause(f"{be} {thing} {participle}{more}", f"{thing} {be} {participle}{more}")
    return None


_IRREGULAR = {
    "dig": "dug", "build": "built", "make": "made", "take": "taken", "hold": "held", "sell": "sold",
    "buy": "bought", "catch": "caught", "send": "sent", "bring": "brought", "write": "written",
    "give": "given", "set": "set", "lay": "laid", "freeze": "frozen", "break": "broken", "choose": "chosen",
    "shoot": "shot", "sink": "sunk", "begin": "begun", "cut": "cut", "put": "put", "lead": "led", "win": "won",
    "fight": "fought", "split": "split", "shut": "shut", "strike": "struck", "seek": "sought", "find": "found",
    "lose": "lost", "pay": "paid", "run": "run", "see": "seen", "tell": "told", "spend": "spent",
    "steal": "stolen", "throw": "thrown", "hide": "hidden", "draw": "drawn", "grow": "grown", "know": "known",
}  # fmt: skip
"""Past participles that do not end in -ed."""
_ANY_GERUND = re.compile(
    r"^(?:the |(?P<agent>(?:the )?[A-Z][\w .’'-]*?)['’]s )(?P<verb>[a-z]{3,}ing) of (?P<thing>.+)$"
)


def participle(gerund: str) -> str:
    """The past participle of a verb given its -ing form: digging -> dug, halving -> halved,
    stopping -> stopped, issuing -> issued, opening -> opened."""
    stem = gerund[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz"
    base = (
        stem[:-1]
        if doubled
        else stem + "e"
        if re.search(r"(?:v|[^aeiou]u|c|[^aeiouy][^aeiouylrnwsh]?z)$", stem)
        else stem
    )
    for known in (base, stem + "e"):
        if known in _IRREGULAR:
            return _IRREGULAR[known]
    if base.endswith("e"):
        return base + "d"
    return (stem if doubled else base) + "ed"


def _gerund(what: str) -> Clause | None:
    """Any other event named by a gerund, read as done to its "of" phrase: "the digging of the
    canal" -> "was the canal dug"; "the halving of the canal's traffic" -> "was … halved"."""
    found = _ANY_GERUND.match(what)
    if not found or found.group("verb") in _INTRANSITIVE:
        return None
    thing, done = found.group("thing"), participle(found.group("verb"))
    by = f" by {found.group('agent')}" if found.group("agent") else ""
    head, _ = head_and_qualifiers(thing)
    be = "were" if head and is_plural(f"the {head}") else "was"
    return Clause(f"{be} {thing} {done}{by}", f"{thing} {be} {done}{by}")


def _participle_at(clause: str) -> int:
    """Where the participle starts in passive_event's "<thing> <participle>[ by <agent>]"."""
    by = clause.rfind(" by ")
    head = clause[:by] if by > 0 else clause
    return head.rfind(" ") + 1


__all__ = ["Clause", "event_clause"]
