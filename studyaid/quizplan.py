"""Pure quiz planning: which questions a printed quiz asks, and each version's order and lettering.

Every version asks the same questions (so the same facts, topics and forms), each in its own
order with its own option order. Selection never puts two questions in one quiz when one could
give away the other's answer. Randomness comes from ``random.Random`` seeded by the seed and a
purpose string, so the same input and seed give the same plan. No I/O, no Typst.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import InputError, Problem
from .model import FORMS, TOPICS, Deck, Question
from .wording import CLOZE_BLANK, OPTION_LETTERS, format_number

TRUE_FALSE_LETTERS = ("T", "F")
ATTEMPTS = 48
CANDIDATES = 1500
"""Most questions the selection weighs against each other. Conflicts are pairwise, so a larger
pool (a 100,000-fact deck has half a million questions) is first sampled, evenly over its
topics and forms, with the seed: selection then costs the same for any deck size."""
"""Seeded greedy selections tried before concluding that ``count`` questions cannot be had."""


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
) -> QuizPlan:
    """Choose ``count`` questions and lay them out in ``versions`` shuffled versions.

    Raises InputError when the options are invalid or when fewer than ``count`` questions can be
    chosen without two of them sharing a fact.
    """
    _check_options(deck, versions, count, topics, forms)
    chosen_topics = tuple(t for t in TOPICS if topics is None or t in topics)
    chosen_forms = tuple(f for f in FORMS if forms is None or f in forms)
    pool = [q for q in sorted(questions, key=lambda q: q.id) if q.topic in chosen_topics and q.form in chosen_forms]
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
    selected, best = select(deck, pool, count, seed)
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
    in_order = tuple(sorted(selected, key=lambda q: (TOPICS.index(q.topic), q.id)))
    present = tuple(t for t in chosen_topics if any(q.topic == t for q in in_order))
    return QuizPlan(
        present, chosen_forms, in_order, tuple(_version(version_code(i), in_order, seed) for i in range(versions))
    )


def _check_options(
    deck: Deck, versions: int, count: int, topics: tuple[str, ...] | None, forms: tuple[str, ...] | None
) -> None:
    problems = []
    if versions < 1:
        problems.append(Problem(deck.path, 0, "--versions", f"expected at least 1 version, got {versions}"))
    if count < 1:
        problems.append(Problem(deck.path, 0, "--count", f"expected at least 1 question, got {count}"))
    problems += [
        Problem(deck.path, 0, "--topics", f"unknown topic {t!r} (expected one of {', '.join(TOPICS)})")
        for t in topics or ()
        if t not in TOPICS
    ]
    problems += [
        Problem(deck.path, 0, "--forms", f"unknown form {f!r} (expected one of {', '.join(FORMS)})")
        for f in forms or ()
        if f not in FORMS
    ]
    if problems:
        raise InputError(problems)


# ---------------------------------------------------------------- selection


def footprint(deck: Deck, question: Question) -> frozenset[str]:
    """The facts a question rests on, with the facts they link to (a share's whole, an amount's
    parts, an event's actors): a question about one of these could reveal the other's answer."""
    facts = deck.facts_by_id
    ids = set(question.fact_ids)
    for fid in question.fact_ids:
        fact = facts.get(fid)
        if fact is None:
            continue
        for name in ("of", "parts", "actors"):
            linked = fact.get(name)
            if isinstance(linked, str):
                ids.add(linked)
            elif linked:
                ids.update(linked)
    return frozenset(ids)


def shown_answers(question: Question) -> tuple[str, ...]:
    """Answers a student writes or circles that could appear, word for word, in another question."""
    q = question
    if q.form == "choice" and q.options and q.key:
        return (q.options[q.key[0]],)
    if q.form in ("numeric", "short", "cloze"):
        return (q.answer, *q.accept)
    return ()


def visible_text(question: Question) -> str:
    """What a student reads of a question other than its options: the prompt and the items."""
    return " ".join((question.prompt, *(question.items or ())))


def conflicts(deck: Deck, pool: Sequence[Question]) -> list[int]:
    """For each question, a bit set of the others it cannot share a quiz with.

    Two questions conflict when their footprints share a fact, when either is a cloze over a
    sentence the other's facts come from, or when one's answer appears in the other's text.
    """
    n = len(pool)
    marks = [0] * n
    by_fact: dict[str, int] = {}
    by_quote: dict[str, int] = {}
    prints = [footprint(deck, q) for q in pool]
    for i, q in enumerate(pool):
        for fid in prints[i]:
            by_fact[fid] = by_fact.get(fid, 0) | 1 << i
        for source in q.sources:
            by_quote[source.quote] = by_quote.get(source.quote, 0) | 1 << i
    for i, q in enumerate(pool):
        for fid in prints[i]:
            marks[i] |= by_fact[fid]
        if q.form == "cloze":
            for source in q.sources:
                marks[i] |= by_quote[source.quote]
    for i, q in enumerate(pool):
        if q.form == "cloze":
            for j in _bits(marks[i]):
                marks[j] |= 1 << i
    texts = [visible_text(q).casefold() for q in pool]
    for i, q in enumerate(pool):
        for answer in {a.casefold() for a in shown_answers(q) if a.strip()}:
            pattern: re.Pattern[str] | None = None
            for j, text in enumerate(texts):
                if j == i or answer not in text:
                    continue
                pattern = pattern or re.compile(r"(?<!\w)" + re.escape(answer) + r"(?!\w)")
                if pattern.search(text):
                    marks[i] |= 1 << j
                    marks[j] |= 1 << i
    return [m & ~(1 << i) for i, m in enumerate(marks)]


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def select(deck: Deck, pool: Sequence[Question], count: int, seed: int) -> tuple[list[Question], int]:
    """``count`` questions, pairwise free of conflicts, spread evenly over topics then forms.

    Returns the selection and the most questions any attempt could place (``count`` when it
    succeeded). Every attempt is a greedy pass with seeded tie-breaks, alternating two orders
    (balance of forms first; fewest blocked questions first); the best-spread full selection wins.
    """
    pool = candidates(pool, seed)
    marks = conflicts(deck, pool)
    best: tuple[tuple[int, ...], list[int]] | None = None
    most = 0
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{seed}:select:{attempt}")
        chosen = _greedy(pool, marks, count, rng, balance_first=attempt % 2 == 0)
        most = max(most, len(chosen))
        score = (min(len(chosen), count), -_spread(pool, chosen, "topic"), -_spread(pool, chosen, "form"))
        if best is None or score > best[0]:
            best = (score, chosen)
    assert best is not None
    return [pool[i] for i in best[1][:count]], most


def candidates(pool: Sequence[Question], seed: int) -> list[Question]:
    """At most CANDIDATES questions of the pool, taken in turn from each (topic, form), in pool order."""
    if len(pool) <= CANDIDATES:
        return list(pool)
    rng = random.Random(f"{seed}:candidates")
    groups: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(pool):
        groups.setdefault((q.topic, q.form), []).append(i)
    queues = []
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        queues.append(members)
    taken: list[int] = []
    while len(taken) < CANDIDATES:
        for queue in queues:
            if queue and len(taken) < CANDIDATES:
                taken.append(queue.pop())
    return [pool[i] for i in sorted(taken)]


def _spread(pool: Sequence[Question], chosen: list[int], attribute: str) -> int:
    """How unevenly the chosen questions fall over the topics (or forms) the pool offers."""
    offered = {getattr(q, attribute) for q in pool}
    counts = Counter(getattr(pool[i], attribute) for i in chosen)
    return max(counts[v] for v in offered) - min(counts[v] for v in offered)


def _greedy(
    pool: Sequence[Question], marks: list[int], count: int, rng: random.Random, balance_first: bool
) -> list[int]:
    topic_rank = {t: rng.random() for t in TOPICS}
    form_rank = {f: rng.random() for f in FORMS}
    noise = [rng.random() for _ in pool]
    available = (1 << len(pool)) - 1
    topics: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    chosen: list[int] = []
    while len(chosen) < count and available:
        open_ = _bits(available)
        topic = min({pool[i].topic for i in open_}, key=lambda t: (topics[t], topic_rank[t]))
        in_topic = [i for i in open_ if pool[i].topic == topic]

        def blocked(i: int, available: int = available) -> int:
            return (marks[i] & available).bit_count()

        if balance_first:
            form = min({pool[i].form for i in in_topic}, key=lambda f: (forms[f], form_rank[f]))
            pick = min((i for i in in_topic if pool[i].form == form), key=lambda i: (blocked(i), noise[i]))
        else:
            pick = min(in_topic, key=lambda i: (blocked(i), forms[pool[i].form], noise[i]))
        chosen.append(pick)
        topics[topic] += 1
        forms[pool[pick].form] += 1
        available &= ~marks[pick] & ~(1 << pick)
    return chosen


# ---------------------------------------------------------------- versions


def _version(code: str, selected: Sequence[Question], seed: int) -> Version:
    rng = random.Random(f"{seed}:order:{code}")
    order = list(selected)
    rng.shuffle(order)
    return Version(
        code, tuple(_lay_out(n, q, random.Random(f"{seed}:options:{code}:{q.id}")) for n, q in enumerate(order, 1))
    )


def _lay_out(number: int, q: Question, rng: random.Random) -> PlannedQuestion:
    """The question with options and items shuffled and re-lettered, and its correct marks."""
    if q.form == "choice" and q.options:
        perm = _shuffled(len(q.options), rng)
        letters = tuple(OPTION_LETTERS[: len(perm)])
        return PlannedQuestion(
            number, q, tuple(q.options[p] for p in perm), letters, (), (letters[perm.index(q.key[0])],)
        )
    if q.form == "true-false":
        # True before False in every version: swapping them only confuses.
        return PlannedQuestion(
            number, q, ("True", "False"), TRUE_FALSE_LETTERS, (), (TRUE_FALSE_LETTERS[0 if q.answer == "True" else 1],)
        )
    if q.form == "ordering" and q.items:
        perm = _shuffled(len(q.items), rng)
        ranks = tuple(str(q.key.index(p) + 1) for p in perm)
        return PlannedQuestion(number, q, (), (), tuple(q.items[p] for p in perm), ranks)
    if q.form == "matching" and q.items and q.options:
        left = _shuffled(len(q.items), rng)
        right = _shuffled(len(q.options), rng)
        letters = tuple(OPTION_LETTERS[: len(right)])
        correct = tuple(letters[right.index(q.key[i])] for i in left)
        return PlannedQuestion(
            number, q, tuple(q.options[r] for r in right), letters, tuple(q.items[i] for i in left), correct
        )
    if q.form == "numeric" and q.numeric is not None:
        return PlannedQuestion(number, q, (), (), (), (numeric_text(q),))
    return PlannedQuestion(number, q, (), (), (), (q.answer,))


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
