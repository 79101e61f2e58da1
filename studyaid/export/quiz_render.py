"""A quiz record as its two PDFs: whole for a small quiz, in chunks on worker processes for a large one.

Typst's memory grows with the pages it lays out at once, and one process uses one core, so a quiz
of more than ``CHUNK_QUESTIONS`` questions (over all versions) is compiled in chunks of whole
versions, and its key in parts of whole versions, by two workers (``typst_jobs``), and the pieces
joined page after page (``pdf_merge``). The pieces depend only on the quiz, never on the machine
or the number of workers, so the bytes do not either.
"""

from __future__ import annotations

from typing import Any

from .pdf_merge import merge_pdfs
from .typst_jobs import WORKERS as WORKER_PROCESSES
from .typst_jobs import Job, Rendered, Workers
from .typst_pdf import payload_of, render_pdf

# Tagged PDF is off for the quiz and key: they are made to be printed, a 200-version run would be
# about eight times larger with tags, and the same content is in <slug>-quiz.json for any
# non-visual reader. The briefing, which is read on screen too, keeps its tags.
PDF_TAGS = False
CHUNK_QUESTIONS = 100
"""Questions (over all versions) per quiz chunk; a quiz with more is compiled in chunks."""
KEY_PART_CELLS = 1000
"""Cells (questions over all versions) per part of a chunked quiz's key."""
QUESTION_MARKS = "<question-marks>"
"""The quiz's one metadata element listing every question's start and end marks with their pages."""
WORKERS = WORKER_PROCESSES
"""Worker processes for a chunked quiz (0: every piece in this process, the same bytes)."""


def chunked(versions: int, count: int) -> bool:
    """Whether a quiz of ``versions`` x ``count`` questions is compiled in chunks by workers."""
    return versions * count > CHUNK_QUESTIONS


def render_quiz_and_key(record: dict[str, Any], stamp: float, pool: Workers | None = None) -> tuple[Rendered, Rendered]:
    """The quiz (with its question marks) and the key.

    A small quiz is compiled here, whole. A larger one is compiled in chunks by ``pool``'s
    workers (in this process without a pool), the key in parts beside them, and the pieces
    joined once the workers are stopped.
    """
    if not chunked(len(record["versions"]), record["count"]):
        pdf, found = render_pdf("quiz.typ", record, timestamp=stamp, pdf_tags=PDF_TAGS, query=QUESTION_MARKS)
        return (pdf, question_marks(found)), render_pdf("key.typ", record, timestamp=stamp, pdf_tags=PDF_TAGS)
    keys, quizzes = key_jobs(record, stamp), quiz_jobs(record, stamp)
    workers = pool or Workers(0)
    done = workers.run(keys + quizzes)  # the key's parts first: the largest jobs
    workers.close()  # before joining the pieces, so the workers' memory is free by then
    key, quiz = done[: len(keys)], done[len(keys) :]
    marks = [mark for _, found in quiz for mark in question_marks(found)]
    return (merge_pdfs([pdf for pdf, _ in quiz]), marks), (merge_pdfs([pdf for pdf, _ in key]), [])


def question_marks(found: list[Any]) -> list[Any]:
    """The marks in what a quiz compile's ``QUESTION_MARKS`` query returned (one list of them)."""
    return [mark for marks in found for mark in marks]


def quiz_jobs(record: dict[str, Any], stamp: float) -> list[Job]:
    """The quiz in chunks of whole versions, ``CHUNK_QUESTIONS`` questions at most each."""
    per = max(1, CHUNK_QUESTIONS // max(1, record["count"]))
    return [
        Job("quiz.typ", payload_of(record | {"versions": chunk}), stamp, PDF_TAGS, QUESTION_MARKS)
        for chunk in _split(record["versions"], per)
    ]


def key_jobs(record: dict[str, Any], stamp: float) -> list[Job]:
    """The key in parts of whole versions: the heading and tables in the first, tables in each,
    the explanations in the last (one part, the whole key, when it is small)."""
    parts = _split(record["versions"], max(1, KEY_PART_CELLS // max(1, record["count"])))
    if len(parts) == 1:
        return [Job("key.typ", payload_of(record), stamp, PDF_TAGS)]
    return [
        Job(
            "key.typ",
            payload_of(record | {"versions": part, "part": {"first": i == 0, "last": i == len(parts) - 1}}),
            stamp,
            PDF_TAGS,
        )
        for i, part in enumerate(parts)
    ]


def _split(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
