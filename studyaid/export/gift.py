"""GIFT, Moodle's plain-text question format: the quiz plan's questions as ``<slug>-gift.txt``.

Every question is written in GIFT's ``[html]`` text format, so text from the fact base is
HTML-escaped first (GIFT's own ``moodle`` format would read ``<`` as markup) and then escaped for
GIFT (``~ = # { } :`` and ``\\`` get a backslash; a newline becomes ``\\n``). HTML-escaping also
turns ``->`` into ``-&gt;``, so a matching item can never split itself. Each question's
explanation, source sentence and citation are its general feedback (``####``); each topic is a
``$CATEGORY``. GIFT has no ordering type: ordering questions are left out, named in the result.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from ..model import Deck, Question
from ..quizplan import QuizPlan, cloze_parts
from ..wording import plain_number
from . import ExportOptions, platform

FORMS = ("choice", "true-false", "numeric", "short", "cloze", "matching")
"""The forms GIFT can express."""
LEFT_OUT = {"ordering": "GIFT has no ordering question type"}
_GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})
# Moodle reads "[html]", "[markdown]"... at the start of any text as its format, and "%50%" at
# the start of an answer as its weight: brackets and per cent signs become character references
# (whose "#" is then escaped like any other).
_MARKERS = str.maketrans({"[": "&#91;", "]": "&#93;", "%": "&#37;"})


def escape(text: str) -> str:
    """Plain text as GIFT ``[html]`` text that shows exactly that text."""
    return html.escape(text, quote=False).translate(_MARKERS).translate(_GIFT_SPECIAL)


def escape_html(fragment: str) -> str:
    """An HTML fragment made safe for GIFT (GIFT's special characters escaped only)."""
    return fragment.translate(_GIFT_SPECIAL)


def feedback_html(entry: platform.Entry) -> str:
    """The explanation, the source sentence(s) and the citation, as an HTML fragment."""
    q = entry.question
    quotes = "".join(f"<blockquote>“{html.escape(s, quote=False)}”</blockquote>" for s in platform.distinct_quotes(q))
    return f"<p>{html.escape(q.explanation, quote=False)}</p>{quotes}<p>— {html.escape(q.citation, quote=False)}</p>"


def render_gift(deck: Deck, plan: QuizPlan) -> platform.Rendered:
    """The plan's questions as one GIFT file, topic by topic."""
    lines = [
        f"// {deck.source.reference}",
        f"// studyaid GIFT export of {deck.slug}: {len(plan.selected)} questions",
        "",
    ]
    left_out: list[platform.LeftOut] = []
    for section in platform.sections(deck, plan):
        written = []
        for entry in section.entries:
            text, why = question_gift(entry)
            if text is None:
                left_out.append(platform.LeftOut(entry.question.id, entry.question.form, why))
                continue
            written += [text, ""]
        if written:  # no empty category for a topic whose questions were all left out
            lines += [
                f"$CATEGORY: $course$/top/{platform.category_path('studyaid', deck.settings.name, section.title)}",
                "",
            ]
            lines += written
    data = "\n".join(lines).encode("utf-8")
    return platform.Rendered(((f"{deck.slug}-gift.txt", data),), tuple(sorted(left_out, key=lambda o: o.question_id)))


def question_gift(entry: platform.Entry) -> tuple[str | None, str]:
    """One question in GIFT, or None and the reason GIFT cannot take it."""
    pq = entry.planned
    q = pq.question
    if q.form in LEFT_OUT:
        return None, LEFT_OUT[q.form]
    if q.form not in FORMS:
        return None, "GIFT has no question type for it"
    title = f"::{escape(q.id)}::[html]"
    feedback = "####" + escape_html(feedback_html(entry))
    if q.form == "cloze":
        parts = cloze_parts(q)
        if parts is None:
            return None, "its prompt has no single blank to put the answer in"
        before, after = parts
        return f"{title}{escape(before)}{{{_alternatives((q.answer, *q.accept))}{feedback}}}{escape(after)}", ""
    body = _answers(pq.question.form, entry)
    if body is None:
        return None, f"a matching question needs at least {platform.MIN_MATCHING_PAIRS} pairs in Moodle"
    return f"{title}{escape(q.prompt)} {{{body}{feedback}}}", ""


def _alternatives(answers: Sequence[str]) -> str:
    """Accepted written answers, each once: ``=a =b``."""
    seen: list[str] = []
    for answer in answers:
        if answer.strip() and answer not in seen:
            seen.append(answer)
    return " ".join(f"={escape(a)}" for a in seen)


def _answers(form: str, entry: platform.Entry) -> str | None:
    pq = entry.planned
    q = pq.question
    if form == "choice":
        right = platform.correct_option(pq)
        return " ".join(("=" if i == right else "~") + escape(option) for i, option in enumerate(pq.options))
    if form == "true-false":
        return "T" if q.answer == "True" else "F"
    if form == "numeric":
        assert q.numeric is not None
        return f"#{plain_number(q.numeric.value)}:{plain_number(q.numeric.tolerance)}"
    if form == "short":
        return _alternatives((q.answer, *q.accept))
    # matching: each printed item with its option, in version A's order
    if len(pq.items) < platform.MIN_MATCHING_PAIRS:
        return None
    return " ".join(f"={escape(item)} -> {escape(option)}" for item, option in platform.matched_pairs(pq))


def export_gift(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-gift.txt`` for the questions ``studyaid quiz`` would ask with these options."""
    return platform.export_platform(deck, questions, options, render_gift, "gift")
