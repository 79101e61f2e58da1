"""The question linter: defects a careful teacher would refuse to print, found in generated questions.

It reads the questions as a learner would see them (prompt, options, sentence) beside the fact
base they came from, independently of how the generator chose them, and reports each defect with
the question, the template and the facts that caused it. ``studyaid check`` prints the warnings;
``--strict`` makes them errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Deck, Fact, Question
from .answer_rules import echo, rivals, sorts
from .duplicates import duplicate_questions, first_field, note_role
from .index import Index
from .text_rules import (
    attribution,
    back,
    caption_event,
    cloze_pronoun,
    gap,
    unmarked,
    unsupported_source,
    verbatim,
    wording,
)

__all__ = ["CODES", "Lint", "first_field", "lint", "note_role", "question_warnings", "unmarked"]

CODES = {
    "echo": "an option, statement or sentence names what it is about, or the prompt states the answer",
    "sort": "options of different sorts, or a type word that only one option fits",
    "rival": "a wrong option or false statement that is also true",
    "wording": "tense, number or phrasing that does not fit the fact",
    "duplicate": "the same question twice, or two Anki notes of one type with one first field",
    "pronoun": "a cloze sentence with a pronoun, 'this', 'here' or 'The <noun>' that nothing in it resolves",
    "source": "a description asked with a date or figure that no source sentence shown gives",
    "caption": "a cloze made from a picture's caption, or its date asked as an event the article tells",
    "verbatim": "a quote shown as the article's words that is not",
    "gap": "a year gap between unrelated events",
    "attribution": "an attribution on the wrong part of a question",
    "back": "card-back text a learner should not see (library names, bare 'ibid', lower case after a full stop)",
}
"""Every class of defect the linter reports, with what it means."""


@dataclass(frozen=True)
class Lint:
    """One defect in one question."""

    question: Question
    """The whole question, so the report can name its template and facts."""
    code: str
    """One of ``CODES``."""
    message: str
    """What is wrong, in words a deck author can act on."""

    def __str__(self) -> str:
        return (
            f"{self.question.id}: {self.code}: {self.message} "
            f"(template {self.question.template_id!r}, facts {', '.join(self.question.fact_ids)})"
        )


def lint(deck: Deck, questions: Sequence[Question]) -> list[Lint]:
    """Every defect the linter finds in the deck's questions, in question order."""
    index = Index(deck)
    found: list[Lint] = []
    for q in questions:
        facts = [deck.fact(i) for i in q.fact_ids if i in deck.facts_by_id]
        if not facts:
            continue
        for code, message in _question_checks(q, facts, index):
            found.append(Lint(q, code, message))
    for q, code, message in duplicate_questions(deck, questions):
        found.append(Lint(q, code, message))
    order = {q.id: i for i, q in enumerate(questions)}
    return sorted(found, key=lambda w: (order.get(w.question.id, 0), w.code, w.message))


def _question_checks(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    yield from echo(q, facts, index)
    yield from sorts(q, facts, index)
    yield from rivals(q, facts, index)
    yield from wording(q, facts, index)
    yield from cloze_pronoun(q, facts, index.terms)
    yield from caption_event(q, facts)
    yield from unsupported_source(q, facts)
    yield from verbatim(q, index.deck)
    yield from gap(q, facts)
    yield from attribution(q, facts, index)
    yield from back(q)


def question_warnings(q: Question, facts: list[Fact], index: Index) -> list[tuple[str, str]]:
    """The defects of one question on its own, as (code, message): every rule but duplicates,
    which compare questions. The curated Anki deck lints only the questions it considers."""
    return list(_question_checks(q, facts, index))
