"""Printable quiz versions, their answer keys and the same content as JSON.

The plan (which questions, in what order, lettered how) comes from ``studyaid.quizplan``; this
module turns it into one JSON record, writes that record as ``<slug>-quiz.json`` and hands the
same record to the Typst templates ``quiz.typ`` and ``key.typ``, so the three files cannot disagree.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ..atomic import safe_output_name, write_atomic
from ..errors import ExportError
from ..model import Deck, Question
from ..quizplan import PlannedQuestion, QuizPlan, cloze_parts, plan_quiz
from ..wording import decimals, format_number
from . import ExportOptions
from .typst_pdf import deck_timestamp, render_pdf

FORMAT = "studyaid-quiz/1"
# Tagged PDF is off for the quiz and key: they are made to be printed, a 200-version run would be
# about eight times larger with tags, and the same content is in <slug>-quiz.json for any
# non-visual reader. The briefing, which is read on screen too, keeps its tags.
PDF_TAGS = False
INSTRUCTIONS = {
    "choice": "Multiple choice: circle the letter of the one correct answer.",
    "true-false": "True or false: circle T or F.",
    "numeric": "Numbers: write the number on the line; the unit is printed after it.",
    "short": "Short answer: write a name, a date or a few words on the line.",
    "cloze": "Sentences from the article: write the missing words on the line.",
    "ordering": "Ordering: number the boxes from 1 (earliest) to the latest.",
    "matching": "Matching: write the letter of the matching description in the box beside each name.",
}


def export_quiz(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-quiz.pdf``, ``<slug>-key.pdf`` and ``<slug>-quiz.json`` into ``out_dir``:
    ``versions`` versions of ``count`` questions from ``topics`` and ``forms``, chosen and shuffled
    with ``seed`` (default: the deck's).

    Raises InputError when ``count`` questions without shared facts cannot be chosen, and
    ExportError when Typst fails, warns, or splits a question from its options across pages.
    """
    o = options
    seed = deck.settings.seed if o.seed is None else o.seed
    plan = plan_quiz(deck, questions, versions=o.versions, count=o.count, seed=seed, topics=o.topics, forms=o.forms)
    record = quiz_record(deck, plan, seed)
    stamp = deck_timestamp(deck) if o.timestamp is None else o.timestamp
    (quiz_pdf, marks), (key_pdf, _) = render_quiz_and_key(record, stamp, pages=o.versions * o.count)
    check_placement(marks, plan)
    outputs = [
        (safe_output_name(o.out_dir, f"{deck.slug}-quiz.pdf"), quiz_pdf),
        (safe_output_name(o.out_dir, f"{deck.slug}-key.pdf"), key_pdf),
        (safe_output_name(o.out_dir, f"{deck.slug}-quiz.json"), json_bytes(record)),
    ]
    return [write_atomic(path, data) for path, data in outputs]


PARALLEL_FROM = 400
"""Questions in all versions together from which the quiz and the key are compiled in two processes."""


def render_quiz_and_key(
    record: dict[str, Any], stamp: float, pages: int
) -> tuple[tuple[bytes, list[Any]], tuple[bytes, list[Any]]]:
    """The quiz (with its question marks) and the key, compiled side by side on two cores when large.

    Typst's compiler holds the GIL, so threads do not help; each PDF is compiled whole in its own
    process, giving the same bytes as compiling both here. Small quizzes stay in this process,
    where starting a process would cost more than it saves.
    """
    quiz = partial(render_pdf, "quiz.typ", record, timestamp=stamp, pdf_tags=PDF_TAGS, query="<question-mark>")
    key = partial(render_pdf, "key.typ", record, timestamp=stamp, pdf_tags=PDF_TAGS)
    if pages < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return quiz(), key()
    # "spawn": the typst library may already run threads in this process, which fork would copy.
    pool = ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn"), initializer=end_with_parent)
    try:
        key_job = pool.submit(key)
        quiz_job = pool.submit(quiz)
        return quiz_job.result(), key_job.result()
    except BaseException:
        # Interrupted (SIGTERM, Ctrl-C) or failed: the workers stop now, not when their PDF is done.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)


def end_with_parent() -> None:
    """In a worker: ask Linux to kill this process when its parent dies (even by SIGKILL), so a
    killed build leaves no Typst compile running. Elsewhere a no-op."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


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


def quiz_record(deck: Deck, plan: QuizPlan, seed: int) -> dict[str, Any]:
    """Everything the quiz, the key and the JSON file show, as plain JSON data."""
    s = deck.source
    forms_used = [f for f in INSTRUCTIONS if any(q.form == f for q in plan.selected)]
    count = len(plan.selected)
    return {
        "format": FORMAT,
        "deck": deck.slug,
        "seed": seed,
        "count": count,
        "article": s.record(),
        "topics": [{"id": t, "title": deck.topic_title(t)} for t in plan.topics],
        "instructions": [
            ("Answer the question." if count == 1 else f"Answer all {count} questions.")
            + " Every question is about the article above."
        ]
        + [INSTRUCTIONS[f] for f in forms_used],
        "question_ids": [q.id for q in plan.selected],
        "questions": {q.id: _question_record(q) for q in plan.selected},
        "versions": [{"code": v.code, "questions": [_planned_record(pq) for pq in v.questions]} for v in plan.versions],
    }


def _question_record(q: Question) -> dict[str, Any]:
    """What does not change between versions: the facts, sources and marking rules."""
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
        "sources": [r.record() for r in q.sources],
    }


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
    }


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
