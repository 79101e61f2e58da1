"""How much a question is worth in a learner's own deck: one number per question, with its reasons.

The curated Anki deck (``curate``) keeps the best-scoring questions of every fact, so the score
says what a careful teacher would keep when a deck must stay small. It starts at 1 and:

raises it
  - **the form asks for recall**: cloze and short answer +1.0 (the learner produces the
    article's words), choice and numeric +0.6, matching and ordering +0.5, true/false +0.2
    (half of all guesses are right);
  - **the fact matters in the article**: a named thing (actor, place, measure, share part) named in
    the sentences of other facts, +0.5 × min(1, those facts / 3): North Korea matters more than
    a ship named once;

lowers it
  - **a derived figure**: an answer whose numbers the article never states (a year gap, a
    difference, a sum, a conversion, a share of an amount) -1.0: arithmetic on the article is not
    what the article says;
  - **a linter warning** (``lint``): -3.0 per class of defect, so a question a teacher would not
    print is kept only when its fact has nothing else;
  - **a false true/false statement** -0.3: the learner reads a claim the article does not make;
  - **a long text**: a prompt, or a cloze sentence, of more than ``LONG`` characters -0.5 (hard
    to read on a phone);
  - **a cloze on text that is not a sentence** (a caption: no closing full stop, question mark
    or exclamation mark) -1.0.

The score reads only the question, its facts and the deck, so it is the same in every build.
Linting is the costly part; ``Scorer`` lints a question only when the curation looks at it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .lint import question_warnings
from .lint.index import Index
from .model import Deck, Question
from .sorts import names_of

FORM_VALUE = {
    "cloze": 1.0,
    "short": 1.0,
    "choice": 0.7,
    "numeric": 0.6,
    "matching": 0.8,
    "ordering": 0.8,
    "true-false": 0.4,
}
"""What each form adds: recall of the article's words first, a coin toss last."""
IMPORTANCE = 0.5
"""Most a fact's importance adds (a name found in the sentences of ``MENTIONS`` other facts)."""
MENTIONS = 3
DERIVED = -1.0
LINT = -3.0
FALSE_STATEMENT = -0.3
LONG = 250
"""Characters beyond which a prompt or cloze sentence is long."""
LONG_TEXT = -0.5
NOT_A_SENTENCE = -1.0

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Score:
    """A question's score and the reasons for it, for a person asking why it was kept or left out."""

    value: float
    reasons: tuple[str, ...]


class Scorer:
    """Scores the questions of one deck; the deck's name index is built once, when first needed."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self._scores: dict[str, Score] = {}

    @cached_property
    def _index(self) -> Index:
        return Index(self.deck)

    @cached_property
    def mentions(self) -> dict[str, int]:
        """For each named fact, how many other facts' sentences name it (by name or alias)."""
        return mentions(self.deck)

    def base(self, q: Question) -> Score:
        """The score without the linter: cheap, and never below the full score."""
        value, reasons = 1.0, [f"form {q.form} {FORM_VALUE.get(q.form, 0.0):+.1f}"]
        value += FORM_VALUE.get(q.form, 0.0)
        named = max((self.mentions.get(f, 0) for f in q.fact_ids), default=0)
        if named:
            bonus = IMPORTANCE * min(1.0, named / MENTIONS)
            value += bonus
            reasons.append(f"named in {named} other facts' sentences {bonus:+.2f}")
        if derived(q):
            value += DERIVED
            reasons.append(f"a figure the article does not state {DERIVED:+.1f}")
        if q.form == "true-false" and q.answer == "False":
            value += FALSE_STATEMENT
            reasons.append(f"a false statement {FALSE_STATEMENT:+.1f}")
        if len(cloze_text(q) or q.prompt) > LONG:
            value += LONG_TEXT
            reasons.append(f"over {LONG} characters {LONG_TEXT:+.1f}")
        text = cloze_text(q)
        if text is not None and not _SENTENCE_END.search(text):
            value += NOT_A_SENTENCE
            reasons.append(f"a cloze on a caption, not a sentence {NOT_A_SENTENCE:+.1f}")
        return Score(round(value, 6), tuple(reasons))

    def score(self, q: Question) -> Score:
        """The full score, the linter's warnings included (computed once per question)."""
        if q.id not in self._scores:
            base = self.base(q)
            facts = [self.deck.facts_by_id[f] for f in q.fact_ids if f in self.deck.facts_by_id]
            codes = sorted({code for code, _ in question_warnings(q, facts, self._index)}) if facts else []
            self._scores[q.id] = Score(
                round(base.value + LINT * len(codes), 6),
                base.reasons + tuple(f"linter: {code} {LINT:+.1f}" for code in codes),
            )
        return self._scores[q.id]


def derived(q: Question) -> bool:
    """Whether the answer is a figure the article never states: some number in it is in none of
    the question's sentences (ordering and matching answer with the article's items)."""
    if q.form in ("ordering", "matching"):
        return False
    shown = q.true_value if q.form == "true-false" and q.true_value else q.answer
    wanted = _numbers(shown)
    if not wanted:
        return False
    stated: set[str] = set()
    for ref in q.sources:
        stated |= _numbers(ref.quote)
    return not wanted <= stated


def _numbers(text: str) -> set[str]:
    """The numbers written in ``text``, without thousands separators (``1,435`` -> ``1435``)."""
    return {m.replace(",", "").rstrip(".") for m in _NUMBER.findall(text)}


def cloze_text(q: Question) -> str | None:
    """A cloze question's whole sentence, else None."""
    if q.form != "cloze" or q.cloze is None:
        return None
    return q.cloze[0] + q.answer + q.cloze[1]


def mentions(deck: Deck) -> dict[str, int]:
    """For each fact with a name, how many other facts' sentences contain one of its names.

    Names are looked up by their first word, so the cost grows with the words of the sentences,
    not with names times sentences (a 100,000-fact deck has tens of thousands of names)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for fact in deck.facts:
        for name in names_of(fact):
            named = tuple(_words(name))
            if named:
                by_first[named[0]].append((named, fact.id))
    found: dict[str, set[str]] = defaultdict(set)
    for fact in deck.facts:
        words = _words(fact.quote)
        for i, word in enumerate(words):
            for phrase, owner in by_first.get(word, ()):
                if owner != fact.id and tuple(words[i : i + len(phrase)]) == phrase:
                    found[owner].add(fact.id)
    return {owner: len(facts) for owner, facts in found.items()}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())
