"""Whether a deck's description of a named thing says what it is, or only where the text names it.

"the Russian port named between Slavyanka and Vladivostok among those …" describes Vostochny by
its place in a list: it tells a learner nothing about the port, and any of the four ports fits
the rest. Such a fact gets no name or description question (its cloze stays). A relative clause
right after a proper name inside a description ("brought in to fight the Red Army that was
trapped") reads as saying something of that name: the linter reports it for rewording.
"""

from __future__ import annotations

import re

_POSITION = re.compile(
    r"\b(?:named|listed|mentioned|cited) (?:between|after|before|alongside|beside|next to|first|last|second|third)\b"
    r"|\b(?:the (?:first|second|third|last) (?:one )?(?:named|listed|mentioned))\b"
    r"|\bamong those (?:named|listed|mentioned)\b"
)
_MISATTACHED = re.compile(
    r"\b(?:the )?(?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*)* (?:that|which|who) (?:was|were|had|is|are|has|have)\b"
)


def by_position(description: str) -> bool:
    """Whether a description picks its subject out by where the article names it, not by what it is."""
    return bool(_POSITION.search(description))


def misattached(description: str) -> str | None:
    """The words of a description where a relative clause follows a proper name that it is not
    about ("the Red Army that was trapped"), or None."""
    found = _MISATTACHED.search(description)
    if not found or found.start() == 0:
        return None
    return found.group(0)


__all__ = ["by_position", "misattached"]
