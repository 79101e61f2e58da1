"""Printable quiz versions, their answer keys and the same content as JSON.

The plan (which questions, in what order, lettered how) comes from ``studyaid.quizplan``; this
module turns it into one JSON record, writes that record as ``<slug>-quiz.json`` and hands the
same record to the Typst templates ``quiz.typ`` and ``key.typ``, so the three files cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..atomic import safe_output_name, write_atomic
from ..errors import ExportError
from ..model import Deck, Question
from ..quizplan import PlannedQuestion, Points, QuizPlan, cloze_parts, plan_quiz
from ..wording import counted, decimals, format_number
from . import PAPERS, ExportOptions, Layout, quiz_render
from .quiz_render import chunked, render_quiz_and_key
from .typst_jobs import Workers
from .typst_pdf import deck_timestamp

FORMAT = "studyaid-quiz/1"
LIST_NUMBERS_UP_TO = 8
"""Up to this many versions, each explanation in the key lists its question's number in each."""
INSTRUCTIONS = {
    "choice": "Multiple choice: circle the letter of the one correct answer.",
    "true-false": "True or false: circle T or F.",
    "numeric": "Numbers: write the number on the line; the unit is printed after it.",
    "short": "Short answer: write a name, a date or a few words on the line.",
    "cloze": "Sentences from the article: write the missing words on the line.",
    "ordering": "Ordering: number the boxes from 1 (earliest) to the latest; each box numbered right scores.",
    "matching": "Matching: write the letter of the matching description in the box beside each name; "
    "each right letter scores.",
}
SPARE_DESCRIPTIONS = " Some descriptions match no name."


def export_quiz(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-quiz.pdf``, ``<slug>-key.pdf`` and ``<slug>-quiz.json`` into ``out_dir``:
    ``versions`` versions of ``count`` questions from ``topics`` and ``forms`` (with ``include``,
    without ``exclude``), chosen and shuffled with ``seed`` (default: the deck's), scored with
    ``points``, laid out with the title, class, time, paper and print size the options give.

    Raises InputError when ``count`` questions without shared facts cannot be chosen, and
    ExportError when Typst fails, warns, or splits a question from its options across pages.
    """
    o = options
    seed = deck.settings.seed if o.seed is None else o.seed
    # Workers start now, so their start-up overlaps the planning.
    with Workers(quiz_render.WORKERS if chunked(o.versions, o.count) else 0) as pool:
        plan = plan_quiz(
            deck,
            questions,
            versions=o.versions,
            count=o.count,
            seed=seed,
            topics=o.topics,
            forms=o.forms,
            points=dict(o.points),
            include=o.include,
            exclude=o.exclude,
            extra_descriptions=o.extra_descriptions,
        )
        record = quiz_record(deck, plan, seed, o.layout)
        stamp = deck_timestamp(deck) if o.timestamp is None else o.timestamp
        (quiz_pdf, marks), (key_pdf, _) = render_quiz_and_key(record, stamp, pool)
    check_placement(marks, plan)
    outputs = [
        (safe_output_name(o.out_dir, f"{deck.slug}-quiz.pdf"), quiz_pdf),
        (safe_output_name(o.out_dir, f"{deck.slug}-key.pdf"), key_pdf),
        (safe_output_name(o.out_dir, f"{deck.slug}-quiz.json"), json_bytes(record)),
    ]
    return [write_atomic(path, data) for path, data in outputs]


def json_bytes(record: dict[str, Any]) -> bytes:
    """The record as the JSON file stores it: UTF-8, indented, keys in a stable order."""
    import json

    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def check_placement(marks: list[Any], plan: QuizPlan) -> None:
    """Every question's start and end marks are on one page, and every question was placed once."""
    pages: dict[tuple[str, str], set[int]] = {}
    for mark in marks:
        pages.setdefault((mark["version"], mark["id"]), set()).add(mark["page"])
    split = sorted(f"version {v}, {qid} (pages {sorted(p)})" for (v, qid), p in pages.items() if len(p) > 1)
    if split:
        raise ExportError("questions split across pages: " + "; ".join(split))
    expected = {(v.code, pq.question.id) for v in plan.versions for pq in v.questions}
    if set(pages) != expected:
        raise ExportError(f"the quiz PDF places {len(pages)} questions, expected {len(expected)}")


def quiz_record(deck: Deck, plan: QuizPlan, seed: int, layout: Layout | None = None) -> dict[str, Any]:
    """Everything the quiz, the key and the JSON file show, as plain JSON data."""
    layout = layout or Layout()
    s = deck.source
    forms_used = [f for f in INSTRUCTIONS if any(q.form == f for q in plan.selected)]
    count = len(plan.selected)
    total = plan.total_points
    reading = reading_sheet(deck, plan) if layout.reading_sheet else None
    # Marking notes (tolerances, aliases) do not depend on the version: any version's will do.
    first = {pq.question.id: pq for pq in plan.versions[0].questions}
    return {
        "format": FORMAT,
        "deck": deck.slug,
        "seed": seed,
        "count": count,
        "total_points": total,
        "summary": f"{counted(len(plan.versions), 'version')} of {counted(count, 'question')} · "
        f"{counted(total, 'point')} each",
        "title": layout.title or s.title,
        "print": {
            "class": layout.class_name,
            "time": layout.time_allowed,
            "paper": PAPERS[layout.paper],
            "large_print": layout.large_print,
        },
        "article": s.record(),
        "reference": s.reference,
        "topics": [{"id": t, "title": deck.topic_title(t)} for t in plan.topics],
        "instructions": instructions(deck, count, total, forms_used, reading is not None, _spare(plan)),
        "reading": reading,
        "question_ids": [q.id for q in plan.selected],
        "questions": {
            q.id: _question_record(q, plan.points_of(q), s.reference, _shared_marking(first[q.id]))
            for q in plan.selected
        },
        "entries": _entry_numbers(plan),
        "numbers": _numbers(plan) if len(plan.versions) <= LIST_NUMBERS_UP_TO else None,
        "versions": [{"code": v.code, "questions": [_planned_record(pq) for pq in v.questions]} for v in plan.versions],
    }


def instructions(
    deck: Deck, count: int, total: int, forms: Sequence[str], reading: bool, spare: bool = False
) -> list[str]:
    """What the student is told: how many questions and points, what they are given, each form's rule."""
    s = deck.source
    ask = "Answer the question" if count == 1 else f"Answer all {count} questions"
    given = (
        "The article's sentences they rest on are printed under “Reading” below."
        if reading
        else "The article is not printed here: answer from your reading of it."
    )
    return [
        f"{ask} ({counted(total, 'point')} in all) about the article “{s.title}” by {s.author}. {given}",
        *(INSTRUCTIONS[f] + (SPARE_DESCRIPTIONS if f == "matching" and spare else "") for f in forms),
    ]


def reading_sheet(deck: Deck, plan: QuizPlan) -> list[dict[str, Any]]:
    """The distinct sentences the selected questions rest on, in the article's order (the deck's
    order of facts), so the sheet reveals nothing about any version's numbering. A cloze
    question's sentence is left out: the sheet would fill its blank."""
    order = deck.positions
    seen: dict[str, tuple[int, str]] = {}
    for q in plan.selected:
        if q.form == "cloze":
            continue
        for source in q.sources:
            at = order.get(source.fact_id, len(order))
            if source.quote not in seen or at < seen[source.quote][0]:
                seen[source.quote] = (at, source.citation)
    rows = sorted(seen.items(), key=lambda item: (item[1][0], item[0]))
    return [{"quote": quote, "citation": citation} for quote, (_, citation) in rows]


def _spare(plan: QuizPlan) -> bool:
    """Whether some matching item prints more descriptions than names."""
    return any(len(pq.options) > len(pq.items) for v in plan.versions[:1] for pq in v.questions if pq.items)


def _numbers(plan: QuizPlan) -> dict[str, list[tuple[str, int]]]:
    """Each question's number in every version, for the key's explanations: ``[("A", 3), ...]``."""
    out: dict[str, list[tuple[str, int]]] = {q.id: [] for q in plan.selected}
    for v in plan.versions:
        for pq in v.questions:
            out[pq.question.id].append((v.code, pq.number))
    return out


def _entry_numbers(plan: QuizPlan) -> dict[str, int]:
    """Each question's entry number in the key's explanations (the generator's order: by topic)."""
    return {q.id: n for n, q in enumerate(plan.selected, 1)}


def _question_record(q: Question, points: Points, reference: str, marking: str | None) -> dict[str, Any]:
    """What does not change between versions: the facts, sources, points and marking rules."""
    parts = cloze_parts(q)
    unit = q.numeric.unit if q.numeric is not None else None
    common = q.record()
    return {
        **{k: common[k] for k in ("id", "topic", "form", "fact_ids", "prompt", "accept", "explanation", "attribution")},
        "prompt_parts": list(parts) if parts else None,
        # A year is written as the bare number: "2003 year" reads wrong.
        "blank_unit": unit if unit and unit != "year" else None,
        "unit": unit,
        "tolerance": q.numeric.tolerance if q.numeric is not None else None,
        "answer": q.answer,
        "marking": marking,
        "points": {
            "total": points.total,
            "each": points.each,
            "parts": points.parts,
            "text": points_text(q.form, points),
            "short": points_short(points),
        },
        "sources": [r.record() | {"note": _beyond(r.citation, reference)} for r in q.sources],
    }


def points_text(form: str, points: Points) -> str:
    """Points as the quiz prints them beside a question: ``1 point``, ``4 points, 1 per pair``."""
    total = counted(points.total, "point")
    if points.parts == 1:
        return total
    per = "pair" if form == "matching" else "box"
    return f"{total}, {counted(points.each, 'point')} per {per}" if points.each != 1 else f"{total}, 1 per {per}"


def points_short(points: Points) -> str:
    """Points as a key cell prints them: ``1 pt``, ``2 pts``, ``4×1`` (four parts, a point each)."""
    if points.parts == 1:
        return f"{points.each} pt" if points.each == 1 else f"{points.each} pts"
    return f"{points.parts}×{points.each}"


def _beyond(citation: str, reference: str) -> str | None:
    """What a citation adds to the article's reference (the note it cites), or the whole citation
    when it is not the article's; None when it is the reference alone. The key prints the
    reference once."""
    if citation == reference:
        return None
    if citation.startswith(reference):
        return citation[len(reference) :].lstrip(";, ") or None
    return citation


def _planned_record(pq: PlannedQuestion) -> dict[str, Any]:
    """One question as one version prints it, with the marks a marker looks for."""
    q = pq.question
    correct: Any
    if q.form in ("choice", "true-false"):
        correct = pq.correct[0]
    elif q.form == "numeric" and q.numeric is not None:
        correct = q.numeric.value
    elif q.form == "ordering":
        correct = [int(c) for c in pq.correct]
    elif q.form == "matching":
        correct = list(pq.correct)
    else:
        correct = q.answer
    return {
        "number": pq.number,
        "id": q.id,
        "form": q.form,
        "prompt": q.prompt,
        "options": list(pq.options) or None,
        "letters": list(pq.letters) or None,
        "items": list(pq.items) or None,
        "correct": correct,
        "grid": pq.grid,
        "answer": pq.answer_text,
        "marking": _marking(pq),
        "points": pq.points.total,
    }


def _shared_marking(pq: PlannedQuestion) -> str | None:
    """The marking note every version shares (an ordering's order is the answer itself)."""
    return None if pq.question.form == "ordering" else _marking(pq)


def _marking(pq: PlannedQuestion) -> str | None:
    """What else a marker needs beside the answer: a tolerance, aliases, the boxes' numbers."""
    q = pq.question
    if q.form == "numeric" and q.numeric is not None:
        shown = pq.correct[0]
        places = decimals(shown)
        if abs(q.numeric.tolerance - 0.5 * 10**-places) < 1e-9:
            return None  # the usual rounding: nothing to say
        low, high = (q.numeric.value + sign * q.numeric.tolerance for sign in (-1, 1))
        return f"accept {format_number(round(low, places + 3))} to {format_number(round(high, places + 3))}"
    if q.accept:
        return "also accept " + ", ".join(f"“{a}”" for a in q.accept)
    if q.form == "ordering" and q.items:
        return "earliest first: " + " → ".join(q.items[i] for i in q.key)
    return None
