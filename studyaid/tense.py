"""How a question puts a fact in time: the verbs that follow from its stage.

An article tells what happened, what is going on, what is planned and what is expected; a
question about a planned line must not ask what its speed "was". Templates take the words from
``tense`` (``{{ tense.was }}``, ``{{ tense.did }} … {{ tense.take_place }}``), so one template
reads right for every stage. ``happened`` gives the words questions had before stages existed.
"""

from __future__ import annotations

TENSES: dict[str, dict[str, str]] = {
    "happened": {
        "was": "was",
        "did": "did",
        "take_place": "take place",
        "took_place": "took place",
        "take": "take",
        "links": "linked",
        "link": "link",
        "is": "was",
        "owns": "owned",
        "says": "said",
    },
    "ongoing": {
        "was": "is",
        "did": "did",
        "take_place": "begin",
        "took_place": "began",
        "take": "take",
        "links": "links",
        "link": "link",
        "is": "is",
        "owns": "owns",
        "says": "says",
    },
    "planned": {
        "was": "is planned to be",
        "did": "is",
        "take_place": "planned to take place",
        "took_place": "is planned to take place",
        "take": "planned to take",
        "links": "will link",
        "link": "planned to link",
        "is": "will be",
        "owns": "will own",
        "says": "said",
    },
    "expected": {
        "was": "is expected to be",
        "did": "is",
        "take_place": "expected to take place",
        "took_place": "is expected to take place",
        "take": "expected to take",
        "links": "is expected to link",
        "link": "expected to link",
        "is": "is expected to be",
        "owns": "is expected to own",
        "says": "said",
    },
}
"""Per stage: ``was`` (what was/is X), ``did``+``take_place`` (when did X take place / when is X
planned to take place), ``took_place`` (X took place in 2003), ``did``+``take`` (how long did X
take / how long is X expected to take), ``links``, ``did``+``link`` (a route), ``is`` (a
membership), ``owns``, ``says``."""

DURATION_DID = {"happened": "did", "ongoing": "does", "planned": "is", "expected": "is"}
"""``how long does the journey take``: a present-tense duration asks with ``does``."""


def tense(stage: str, verb: str = "take") -> dict[str, str]:
    """The words for a fact of this stage (``happened`` for an unknown one); ``verb`` is what a
    duration does (``take``, ``last``): ``how long did the outbreak last``."""
    words = dict(TENSES.get(stage, TENSES["happened"]))
    words["does"] = DURATION_DID.get(stage, "did")
    words["take"] = words["take"].replace("take", verb)
    return words


__all__ = ["TENSES", "tense"]
