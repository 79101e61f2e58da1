"""Pure quiz planning: the quiz's questions (chosen by ``quizselect``) in each version's order and lettering.

Every version asks the same questions (so the same facts, topics and forms), each in its own
order with its own option order. Randomness comes from ``random.Random`` seeded by the seed and a
purpose string, so the same input and seed give the same plan. No I/O, no Typst.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import InputError, Problem
from .model import FORMS, Deck, Question
from .quizselect import select, spare_descriptions
from .scope import scope_problems
from .wording import CLOZE_BLANK, OPTION_LETTERS, format_number

TRUE_FALSE_LETTERS = ("T", "F")


PARTS_SCORED = ("matching", "ordering")
"""Forms scored per part: a matching item per correct pair, an ordering item per box numbered right."""


@dataclass(frozen=True)
class Points:
    """What a question is worth: ``each`` point(s) for each of its ``parts`` scored on its own."""

    each: int = 1
    """Points per part (the whole question, for forms scored as one)."""
    parts: int = 1
    """Parts marked separately: pairs of a matching item, boxes of an ordering item, else 1."""

    @property
    def total(self) -> int:
        """The most the question can earn."""
        return self.each * self.parts


def points_for(question: Question, per_form: Mapping[str, int] | None = None) -> Points:
    """A question's points: ``per_form[form]`` (default 1) for the whole question, or for each
    pair of a matching item and each box of an ordering item (partial credit)."""
    each = (per_form or {}).get(question.form, 1)
    if question.form in PARTS_SCORED and question.items:
        return Points(each, len(question.items))
    return Points(each, 1)


@dataclass(frozen=True)
class PlannedQuestion:
    """One question as one version prints it."""

    number: int
    """1-based position in the version."""
    question: Question
    options: tuple[str, ...]
    """Choice: options in printed order; true-false: True, False; matching: the right column."""
    letters: tuple[str, ...]
    """The labels printed before ``options`` (A, B... or T, F)."""
    items: tuple[str, ...]
    """Ordering: events in printed order; matching: the left column in printed order."""
    correct: tuple[str, ...]
    """What a marker looks for. Choice and true-false: the letter; numeric: the number;
    short and cloze: the answer; ordering: the number to write in each printed box (1 =
    earliest); matching: the letter to write beside each printed item."""
    points: Points = field(default_factory=Points)
    """What the question is worth (the same in every version)."""

    @property
    def grid(self) -> str:
        """The answer as one entry of the marking grid: ``B``, ``56.5``, ``3-1-4-2``."""
        return "-".join(self.correct) if self.question.form in ("ordering", "matching") else self.correct[0]

    @property
    def answer_text(self) -> str:
        """The answer as the key states it: ``B: 1,435 mm``, ``56.5 in``, ``boxes from the top: 3, 1, 4, 2``."""
        q = self.question
        if q.form == "choice":
            return f"{self.correct[0]}: {q.options[q.key[0]]}" if q.options else self.correct[0]
        if q.form == "true-false":
            return q.answer
        if q.form == "ordering":
            return "boxes from the top: " + ", ".join(self.correct)
        if q.form == "matching":
            return "; ".join(f"{item} {letter}" for item, letter in zip(self.items, self.correct, strict=True))
        return q.answer


@dataclass(frozen=True)
class Version:
    """One printed version: its code and its questions in order."""

    code: str
    questions: tuple[PlannedQuestion, ...]


@dataclass(frozen=True)
class QuizPlan:
    """The questions every version asks, and the versions."""

    topics: tuple[str, ...]
    """Topics the questions were drawn from, in the model's order."""
    forms: tuple[str, ...]
    """Forms allowed, in the model's order."""
    selected: tuple[Question, ...]
    """The questions, in the generator's order (by topic, then id)."""
    versions: tuple[Version, ...]
    points: Mapping[str, Points] = field(default_factory=dict)
    """Each selected question's points, by question id."""

    @property
    def total_points(self) -> int:
        """The most a student can score on any version."""
        return sum(self.points_of(q).total for q in self.selected)

    def points_of(self, question: Question) -> Points:
        """A selected question's points (1 when the plan was made without any)."""
        return self.points.get(question.id, Points())


def version_code(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``: spreadsheet-column codes, short enough for a footer."""
    code = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        code = chr(ord("A") + rest) + code
    return code


def plan_quiz(
    deck: Deck,
    questions: Sequence[Question],
    *,
    versions: int,
    count: int,
    seed: int,
    topics: tuple[str, ...] | None = None,
    forms: tuple[str, ...] | None = None,
    points: Mapping[str, int] | None = None,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    extra_descriptions: int = 0,
) -> QuizPlan:
    """Choose ``count`` questions and lay them out in ``versions`` shuffled versions.

    ``include`` names questions every version must ask (whatever ``topics`` and ``forms`` say),
    ``exclude`` questions none may ask; ``points`` gives points per form (see ``points_for``);
    each matching item gets ``extra_descriptions`` descriptions that match none of its names,
    so the last pair cannot be found by elimination.

    Raises InputError when the options are invalid or when fewer than ``count`` questions can be
    chosen without two of them sharing a fact.
    """
    _check_options(deck, versions, count, topics, forms)
    forced = _check_ids(deck, questions, count, include, exclude, points, extra_descriptions)
    chosen_topics = tuple(t for t in deck.topic_ids if topics is None or t in topics)
    chosen_forms = tuple(f for f in FORMS if forms is None or f in forms)
    pool = [
        q
        for q in sorted(questions, key=lambda q: q.id)
        if (q.topic in chosen_topics and q.form in chosen_forms and q.id not in exclude) or q.id in include
    ]
    if not pool:
        raise InputError(
            [
                Problem(
                    deck.path,
                    0,
                    "--topics",
                    (f"no questions on topics {', '.join(chosen_topics)} in forms {', '.join(chosen_forms)}"),
                )
            ]
        )
    selected, best = select(deck, pool, count, seed, forced=forced)
    if len(selected) < count:
        scope = ("on all topics" if topics is None else f"on topics {', '.join(chosen_topics)}") + (
            " in all forms" if forms is None else f" in forms {', '.join(chosen_forms)}"
        )
        raise InputError(
            [
                Problem(
                    deck.path,
                    0,
                    "--count",
                    (
                        f"asked for {count} questions per version, but only {best} of the {len(pool)} questions "
                        f"{scope} could be chosen without two of them sharing a fact or one giving away another's "
                        f"answer; use --count {best} or fewer"
                        + ("" if topics is None and forms is None else ", or allow more topics or forms")
                    ),
                )
            ]
        )
    in_order = tuple(sorted(selected, key=lambda q: (deck.topic_ids.index(q.topic), q.id)))
    present = tuple(t for t in deck.topic_ids if any(q.topic == t for q in in_order))
    worth = {q.id: points_for(q, points) for q in in_order}
    extras = spare_descriptions(deck, in_order, extra_descriptions, seed)
    return QuizPlan(
        present,
        chosen_forms,
        in_order,
        tuple(_version(version_code(i), in_order, seed, worth, extras) for i in range(versions)),
        worth,
    )


def _check_ids(
    deck: Deck,
    questions: Sequence[Question],
    count: int,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    points: Mapping[str, int] | None,
    extra_descriptions: int,
) -> tuple[str, ...]:
    """Problems with ``--include``, ``--exclude``, ``--points`` and ``--extra-descriptions``;
    the included ids, each once, when there are none."""
    known = {q.id for q in questions}
    problems = [
        Problem(deck.path, 0, option, f"no question has the id {qid!r} (see `studyaid questions`)")
        for option, ids in (("--include", include), ("--exclude", exclude))
        for qid in ids
        if qid not in known
    ]
    problems += [
        Problem(deck.path, 0, "--include", f"{qid!r} is also excluded") for qid in include if qid in set(exclude)
    ]
    forced = tuple(dict.fromkeys(include))
    if len(forced) > count:
        problems.append(
            Problem(deck.path, 0, "--include", f"{len(forced)} questions included, but a version asks only {count}")
        )
    problems += [
        Problem(deck.path, 0, "--points", f"unknown form {f!r} (expected one of {', '.join(FORMS)})")
        for f in points or {}
        if f not in FORMS
    ]
    problems += [
        Problem(deck.path, 0, "--points", f"{f}: expected a whole number of points from 0 to 100, got {n}")
        for f, n in (points or {}).items()
        if f in FORMS and not 0 <= n <= 100
    ]
    if extra_descriptions < 0:
        problems.append(Problem(deck.path, 0, "--extra-descriptions", f"expected 0 or more, got {extra_descriptions}"))
    if problems:
        raise InputError(problems)
    return forced


def _check_options(
    deck: Deck, versions: int, count: int, topics: tuple[str, ...] | None, forms: tuple[str, ...] | None
) -> None:
    problems = []
    if versions < 1:
        problems.append(Problem(deck.path, 0, "--versions", f"expected at least 1 version, got {versions}"))
    if count < 1:
        problems.append(Problem(deck.path, 0, "--count", f"expected at least 1 question, got {count}"))
    problems += scope_problems(deck, topics, forms)
    if problems:
        raise InputError(problems)


# ---------------------------------------------------------------- versions


def _version(
    code: str,
    selected: Sequence[Question],
    seed: int,
    points: Mapping[str, Points] | None = None,
    extras: Mapping[str, tuple[str, ...]] | None = None,
) -> Version:
    rng = random.Random(f"{seed}:order:{code}")
    order = list(selected)
    rng.shuffle(order)
    worth, more = points or {}, extras or {}
    return Version(
        code,
        tuple(
            _lay_out(
                n,
                q,
                random.Random(f"{seed}:options:{code}:{q.id}"),
                worth.get(q.id, Points()),
                more.get(q.id, ()),
            )
            for n, q in enumerate(order, 1)
        ),
    )


def _lay_out(
    number: int, q: Question, rng: random.Random, points: Points | None = None, extras: tuple[str, ...] = ()
) -> PlannedQuestion:
    """The question with options and items shuffled and re-lettered, and its correct marks;
    a matching item's right column holds its ``extras`` too."""
    worth = points or Points()
    if q.form == "choice" and q.options:
        perm = _shuffled(len(q.options), rng)
        letters = tuple(OPTION_LETTERS[: len(perm)])
        return PlannedQuestion(
            number, q, tuple(q.options[p] for p in perm), letters, (), (letters[perm.index(q.key[0])],), worth
        )
    if q.form == "true-false":
        # True before False in every version: swapping them only confuses.
        tf = (TRUE_FALSE_LETTERS[0 if q.answer == "True" else 1],)
        return PlannedQuestion(number, q, ("True", "False"), TRUE_FALSE_LETTERS, (), tf, worth)
    if q.form == "ordering" and q.items:
        perm = _shuffled(len(q.items), rng)
        ranks = tuple(str(q.key.index(p) + 1) for p in perm)
        return PlannedQuestion(number, q, (), (), tuple(q.items[p] for p in perm), ranks, worth)
    if q.form == "matching" and q.items and q.options:
        column = (*q.options, *extras)
        left = _shuffled(len(q.items), rng)
        right = _shuffled(len(column), rng)
        letters = tuple(OPTION_LETTERS[: len(right)])
        correct = tuple(letters[right.index(q.key[i])] for i in left)
        return PlannedQuestion(
            number, q, tuple(column[r] for r in right), letters, tuple(q.items[i] for i in left), correct, worth
        )
    if q.form == "numeric" and q.numeric is not None:
        return PlannedQuestion(number, q, (), (), (), (numeric_text(q),), worth)
    return PlannedQuestion(number, q, (), (), (), (q.answer,), worth)


def numeric_text(question: Question) -> str:
    """A numeric answer as a marker reads it: ``56.5``, ``1,435``, and a year without a comma."""
    assert question.numeric is not None
    value = question.numeric.value
    if question.numeric.unit == "year" and float(value).is_integer():
        return str(int(value))
    return format_number(value)


def _shuffled(n: int, rng: random.Random) -> list[int]:
    perm = list(range(n))
    rng.shuffle(perm)
    return perm


def cloze_parts(question: Question) -> tuple[str, str] | None:
    """A cloze prompt split at its blank, so the blank can be drawn as a line."""
    if question.form != "cloze" or question.prompt.count(CLOZE_BLANK) != 1:
        return None
    before, after = question.prompt.split(CLOZE_BLANK)
    return before, after
