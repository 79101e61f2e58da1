"""A self-test web page: one self-contained HTML file, ``<slug>-selftest.html``.

It works from a USB stick or a file share: no server, no network (a Content-Security-Policy
forbids any fetch), no external script, font or picture (pictures are ``data:`` URIs). The
questions are embedded as JSON and built into the page with ``textContent`` only, so text from
the fact base is never parsed as HTML; the JSON itself has ``<``, ``>`` and ``&`` escaped, so no
``</script`` or ``<!--`` in a quote can end the script early. Heading text is HTML-escaped, and
the article is linked only when its address is http(s).
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..model import Deck, Question
from ..quizplan import QuizPlan
from . import ExportOptions
from .platform import Entry, Rendered, correct_option, distinct_quotes, export_platform, sections

_JSON_IN_SCRIPT = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data: Any) -> str:
    """JSON that is safe as the text of a ``<script>`` element: no ``<``, ``>`` or ``&`` in it."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).translate(_JSON_IN_SCRIPT)


def safe_link(url: str | None, label: str) -> str:
    """An escaped label, linked only when ``url`` is an http(s) address."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    return html.escape(label)


def question_record(entry: Entry, number: int) -> dict[str, Any]:
    """What the page's script needs to show, mark and explain one question."""
    pq = entry.planned
    q = pq.question
    record: dict[str, Any] = {
        "key": f"q{number}",
        "id": q.id,
        "form": q.form,
        "prompt": q.prompt,
        "answer": pq.answer_text,
        "explanation": q.explanation,
        "quotes": distinct_quotes(q),
        "citation": q.citation,
        "pictures": [
            {"alt": p.alt, "src": "data:image/svg+xml;base64," + base64.b64encode(p.data).decode("ascii")}
            for p in entry.pictures
        ],
        "options": list(pq.options),
        "letters": list(pq.letters),
        "items": list(pq.items),
    }
    if q.form in ("choice", "true-false"):
        record["correct"] = correct_option(pq)
    elif q.form == "numeric":
        assert q.numeric is not None
        record["correct"] = q.numeric.value
        record["tolerance"] = q.numeric.tolerance
        record["unit"] = q.numeric.unit
    elif q.form == "ordering":
        record["correct"] = [int(rank) - 1 for rank in pq.correct]
        record["answer"] = " → ".join(q.items[k] for k in q.key) if q.items else pq.answer_text
    elif q.form == "matching":
        record["correct"] = [pq.letters.index(letter) for letter in pq.correct]
    else:  # short and cloze
        accepted: list[str] = []
        for answer in (q.answer, *q.accept):
            if answer.strip() and answer not in accepted:
                accepted.append(answer)
        record["accepted"] = accepted
    return record


def page_data(deck: Deck, plan: QuizPlan) -> dict[str, Any]:
    """The page's questions by topic, numbered in page order."""
    topics = []
    number = 0
    for section in sections(deck, plan, with_pictures=True):
        records = []
        for entry in section.entries:
            number += 1
            records.append(question_record(entry, number))
        topics.append({"id": section.topic, "title": section.title, "questions": records})
    return {"deck": deck.slug, "topics": topics}


def render_web(deck: Deck, plan: QuizPlan) -> Rendered:
    """The plan's questions as one self-contained HTML page."""
    template = files(__package__).joinpath("templates", "selftest.html").read_text(encoding="utf-8")
    source = deck.source
    title = f"Self-test: {source.title}"
    values = {
        "@TITLE@": html.escape(title),
        "@HEADING@": html.escape(title),
        "@REFERENCE@": html.escape(source.reference),
        "@SOURCE@": safe_link(source.url, source.title),
        "@COUNT@": str(len(plan.selected)),
        "@DATA@": script_json(page_data(deck, plan)),
    }
    # One pass, so a value that happens to contain a marker is never substituted again.
    page = re.sub(r"@[A-Z]+@", lambda m: values[m.group(0)], template)
    return Rendered(((f"{deck.slug}-selftest.html", page.encode("utf-8")),))


def export_web(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-selftest.html`` for the questions ``studyaid quiz`` would ask with these options."""
    return export_platform(deck, questions, options, render_web, "html")
