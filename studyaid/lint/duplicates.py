"""The lint rule across questions: two questions that Anki would take for duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Deck, Question
from .index import text_key

# ------------------------------------------------------------------ duplicates


def note_role(q: Question) -> str:
    """Which Anki note type a question becomes, for the first-field check (mirrors the exporter)."""
    if q.template_id == "actor-name-short":
        return "actor"
    if q.form == "choice":
        return "choice"
    if q.form == "cloze":
        return "cloze"
    return "basic"


def first_field(q: Question) -> str:
    """What Anki compares for duplicates: the first field of the question's note."""
    role = note_role(q)
    if role == "cloze" and q.cloze is not None:
        return q.cloze[0] + q.answer + q.cloze[1]
    if role == "actor":
        return q.answer
    if q.form in ("ordering", "matching") and q.items:
        return f"{q.prompt} {'; '.join(q.items)}"
    return q.prompt


def duplicate_questions(deck: Deck, questions: Sequence[Question]) -> Iterable[tuple[Question, str, str]]:
    seen: dict[tuple[object, ...], str] = {}
    firsts: dict[tuple[str, str], str] = {}
    for q in questions:
        key = (q.prompt, q.options, q.items, q.answer)
        if key in seen:
            yield q, "duplicate", f"the same prompt, options and answer as {seen[key]}"
        else:
            seen[key] = q.id
        first = (note_role(q), text_key(first_field(q)))
        if q.form == "cloze":
            continue  # the Anki export makes one note of every cloze on one sentence (c1, c2 …)
        if first in firsts:
            yield q, "duplicate", f"the same first field as {firsts[first]} in the {first[0]} note type"
        else:
            firsts[first] = q.id
