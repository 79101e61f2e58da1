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
    return f.corrected(f["said"])


def statement_speaker(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(f["speaker"], working=f"{f['speaker']} said “{said(f)}” about {f['about']}.")


def _same_words(g: Group, o: Group) -> bool:
    return _norm(said(g[0])) == _norm(said(o[0])) or _norm(g[0]["speaker"]) == _norm(o[0]["speaker"])


def _other_speakers(g: Group, deck: Deck) -> Iterable[Answer]:
    """People and organisations of the deck who are not the speaker: plausible, and never said it."""
    speaker = _norm(g[0]["speaker"])
    speakers = {
        _norm(f["speaker"]) for f in deck.facts if f.kind == "statement" and _norm(said(f)) == _norm(said(g[0]))
    }
    for f in sorted(deck.facts, key=lambda f: f.id):
        if f.kind == "actor" and _norm(f["name"]) != speaker and _norm(f["name"]) not in speakers:
            yield Answer(f["name"])


def statement_words(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(said(f), working=f"{f['speaker']} said “{said(f)}” about {f['about']}.")


def _same_speaker_and_subject(g: Group, o: Group) -> bool:
    return _norm(g[0]["speaker"]) == _norm(o[0]["speaker"]) and _norm(g[0]["about"]) == _norm(o[0]["about"])


DERIVATIONS = (
    Derivation("statement", "speaker", statement_speaker, rivals=_same_words, pool=_other_speakers),
    Derivation("statement", "said", statement_words, rivals=_same_speaker_and_subject),
)
