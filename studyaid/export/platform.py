"""What every learning-platform export shares: the quiz plan's questions, grouped by topic, with
their feedback, pictures and the forms a platform leaves out.

GIFT, Moodle XML, QTI, the Anki CSV and the self-test page all take the questions the printed
quiz asks for the same seed, with version A's option order, so a question has the same prompt,
options and answer on paper and on every platform. A format that cannot express a form leaves
the question out and says so (``LeftOut``); it never turns it into another form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import safe_output_name, write_atomic
from ..model import Deck, Question
from ..quizplan import PlannedQuestion, QuizPlan, plan_quiz
from .anki.pictures import Picture, pictures_for

if TYPE_CHECKING:
    from . import ExportOptions

MIN_MATCHING_PAIRS = 3
"""Moodle refuses a matching question with fewer than three pairs (GIFT and XML alike)."""


@dataclass(frozen=True)
class LeftOut:
    """A question a format cannot take, and why."""

    question_id: str
    """The question left out, as the format's report names it."""
    form: str
    """Its form: what the format has no question type for."""
    reason: str
    """Why, in the format's own terms (``GIFT has no cloze``), for the report."""

    def __str__(self) -> str:
        return f"{self.question_id} ({self.form}: {self.reason})"


@dataclass(frozen=True)
class Rendered:
    """An export's files as bytes, before they are written, and the questions it left out."""

    files: tuple[tuple[str, bytes], ...]
    """(file name, content) pairs, in the order they are written."""
    left_out: tuple[LeftOut, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One question as a platform export shows it."""

    planned: PlannedQuestion
    """Version A's layout: option order, letters and the marks a marker looks for."""
    pictures: tuple[Picture, ...]
    """Drawings of the question's facts (charts, gauges), for formats that can carry them."""

    @property
    def question(self) -> Question:
        return self.planned.question


@dataclass(frozen=True)
class Section:
    """The questions of one topic, in version A's order."""

    topic: str
    title: str
    entries: tuple[Entry, ...]


def platform_plan(
    deck: Deck,
    questions: Sequence[Question],
    *,
    count: int,
    seed: int,
    topics: tuple[str, ...] | None = None,
    forms: tuple[str, ...] | None = None,
) -> QuizPlan:
    """The printed quiz's plan for the same options, with its first version only."""
    return plan_quiz(deck, questions, versions=1, count=count, seed=seed, topics=topics, forms=forms)


def sections(deck: Deck, plan: QuizPlan, *, with_pictures: bool = False) -> list[Section]:
    """The plan's questions by topic (topics in the plan's order), each topic in version A's order."""
    by_fact: dict[str, list[Picture]] = {}
    if with_pictures:
        for picture in pictures_for(deck):
            for fact_id in sorted(picture.fact_ids):
                by_fact.setdefault(fact_id, []).append(picture)
    out = []
    for topic in plan.topics:
        entries = []
        for pq in plan.versions[0].questions:
            if pq.question.topic != topic:
                continue
            seen: dict[str, Picture] = {}
            for fact_id in pq.question.fact_ids:
                for picture in by_fact.get(fact_id, ()):
                    seen.setdefault(picture.name, picture)
            entries.append(Entry(pq, tuple(seen[name] for name in sorted(seen))))
        if entries:
            out.append(Section(topic, deck.topic_title(topic), tuple(entries)))
    return out


def distinct_quotes(question: Question) -> list[str]:
    """The question's source sentences, each once, in order."""
    quotes: list[str] = []
    for ref in question.sources:
        if ref.quote not in quotes:
            quotes.append(ref.quote)
    return quotes


def feedback_text(question: Question) -> str:
    """The explanation, the source sentence(s) and the citation as plain text, for formats
    whose feedback is a single string."""
    quotes = " ".join(f"“{quote}”" for quote in distinct_quotes(question))
    return f"{question.explanation} Source: {quotes} — {question.citation}"


def matched_pairs(pq: PlannedQuestion) -> list[tuple[str, str]]:
    """A matching question's printed items, each with the option the plan marks as its match."""
    return [(item, pq.options[pq.letters.index(letter)]) for item, letter in zip(pq.items, pq.correct, strict=True)]


def correct_option(pq: PlannedQuestion) -> int:
    """Index into ``pq.options`` of the option the plan marks correct (choice, true-false)."""
    return pq.letters.index(pq.correct[0])


def points_of(entry: Entry) -> float:
    """The question's marks in the printed quiz: its points (a matching or ordering item scores
    per pair or box, so four pairs make 4)."""
    return float(entry.planned.points.total)


def category_path(*parts: str) -> str:
    """A Moodle category path: parts joined by ``/``, a slash inside a part doubled as Moodle reads it."""
    return "/".join(" ".join(p.split()).replace("/", "//") for p in parts)


def write_rendered(out_dir: Path, rendered: Rendered) -> list[Path]:
    """Each file of ``rendered`` written atomically into ``out_dir``."""
    return [write_atomic(safe_output_name(out_dir, name), data) for name, data in rendered.files]


def left_out_of(plan: QuizPlan, keep: Sequence[str], reasons: dict[str, str]) -> tuple[LeftOut, ...]:
    """The plan's questions whose form is not in ``keep``, each with the reason for its form."""
    return tuple(
        LeftOut(q.id, q.form, reasons.get(q.form, "the format has no question type for it"))
        for q in plan.selected
        if q.form not in keep
    )


def export_platform(
    deck: Deck,
    questions: Sequence[Question],
    options: ExportOptions,
    render: Callable[[Deck, QuizPlan], Rendered],
    name: str,
) -> list[Path]:
    """Plan the quiz as ``studyaid quiz`` would with these options, render one format, report the
    questions it left out through ``options.warn``, and write its files atomically."""
    seed = deck.settings.seed if options.seed is None else options.seed
    plan = platform_plan(deck, questions, count=options.count, seed=seed, topics=options.topics, forms=options.forms)
    rendered = render(deck, plan)
    if rendered.left_out and options.warn is not None:
        options.warn(
            f"{name} left out {len(rendered.left_out)} question(s) it cannot express: "
            + "; ".join(str(o) for o in rendered.left_out)
        )
    return write_rendered(options.out_dir, rendered)
