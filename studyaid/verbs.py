"""Events in the passive voice: "the opening of the bridge" asked as "the bridge was opened"."""

from __future__ import annotations

import re

from .phrasing import head_and_qualifiers, is_plural

_PARTICIPLES = {
    "taking": "taken",
    "making": "made",
    "building": "built",
    "rebuilding": "rebuilt",
    "holding": "held",
    "selling": "sold",
    "buying": "bought",
    "catching": "caught",
    "sending": "sent",
    "bringing": "brought",
    "writing": "written",
    "giving": "given",
    "setting": "set",
    "laying": "laid",
    "seizing": "seized",
    "freezing": "frozen",
    "breaking": "broken",
    "choosing": "chosen",
    "shooting": "shot",
    "founding": "founded",
}
_TRANSITIVE = frozenset(
    [
        "adopting",
        "announcing",
        "awarding",
        "banning",
        "blacklisting",
        "closing",
        "completing",
        "creating",
        "designating",
        "electing",
        "establishing",
        "expelling",
        "imposing",
        "introducing",
        "issuing",
        "launching",
        "lifting",
        "opening",
        "ordering",
        "passing",
        "publishing",
        "ratifying",
        "releasing",
        "signing",
        "suspending",
        "testing",
        *_PARTICIPLES,
    ]
)
"""Gerunds whose "of" phrase is what was done to ("the signing of the treaty": the treaty was
signed); an intransitive one ("the landing of the troops") is left as a noun phrase."""
_GERUND = re.compile(r"^(?:the |(?P<agent>[A-Z][\w .'’-]*?)['’]s )(?P<verb>\w+ing) of (?P<object>.+)$")


def passive_event(what: str) -> tuple[str, bool] | None:
    """An event named by a gerund as the clause a question asks with, and whether it is plural:
    "the taking of the staff photograph of Graves" -> ("the staff photograph of Graves taken",
    False); "China's opening of a rail link and a trade zone" -> ("a rail link and a trade zone
    opened by China", True). None when the event is no gerund of a known transitive verb."""
    found = _GERUND.match(what)
    if not found or found.group("verb") not in _TRANSITIVE:
        return None
    verb, thing = found.group("verb"), found.group("object")
    participle = _PARTICIPLES.get(verb) or f"{verb[:-3]}ed"
    agent = found.group("agent")
    clause = f"{thing} {participle}" + (f" by {agent}" if agent else "")
    head, _ = head_and_qualifiers(thing)
    plural = " and " in f" {thing} ".split(" with ")[0] or (bool(head) and is_plural(f"the {head}"))
    return clause, plural
