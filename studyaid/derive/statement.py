"""Derivations over statements: who said the words, and what a speaker said about a subject.

The words are the article's, verbatim; a rival (another true answer) is a statement of the same
words (for "who said") or by the same speaker about the same subject (for "what did X say").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Deck, Fact
from .base import Answer, Derivation, Group


def _norm(s: str) -> str:
    return " ".join(s.casefold().split())


def said(f: Fact) -> str:
    """The words, slips corrected, as questions show them."""
    return f.corrected(f.statement.said)


def statement_speaker(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(f.statement.speaker, working=f"{f.statement.speaker} said “{said(f)}” about {f.statement.about}.")


def _same_words(g: Group, o: Group) -> bool:
    return _norm(said(g[0])) == _norm(said(o[0])) or _norm(g[0].statement.speaker) == _norm(o[0].statement.speaker)


def _other_speakers(g: Group, deck: Deck) -> Iterable[Answer]:
    """People and organisations of the deck who are not the speaker: plausible, and never said it."""
    speaker = _norm(g[0].statement.speaker)
    speakers = {
        _norm(f.statement.speaker) for f in deck.facts if f.kind == "statement" and _norm(said(f)) == _norm(said(g[0]))
    }
    for f in sorted(deck.facts, key=lambda f: f.id):
        if f.kind == "actor" and _norm(f.actor.name) != speaker and _norm(f.actor.name) not in speakers:
            yield Answer(f.actor.name)


def statement_words(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(said(f), working=f"{f.statement.speaker} said “{said(f)}” about {f.statement.about}.")


def _same_speaker_and_subject(g: Group, o: Group) -> bool:
    return _norm(g[0].statement.speaker) == _norm(o[0].statement.speaker) and _norm(g[0].statement.about) == _norm(
        o[0].statement.about
    )


DERIVATIONS = (
    Derivation("statement", "speaker", statement_speaker, rivals=_same_words, pool=_other_speakers),
    Derivation("statement", "said", statement_words, rivals=_same_speaker_and_subject),
)
