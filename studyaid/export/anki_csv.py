"""A tab-separated file Anki imports into any note type: ``<slug>-anki.tsv``.

For learners who keep their own note types: one row per question of the quiz plan, with Anki's
header lines (``#separator``, ``#html``, ``#notetype``, ``#deck``, ``#columns``, ``#guid column``,
``#tags column``). Columns: Front (the question with its options or items), Back (the answer,
the explanation, the source sentence and its citation), Tags, GUID. The GUID comes from the
article, template and facts (never the text, as in the .apkg but in a namespace of its own, so
the two imports never fight over one note), so a re-import updates the notes in place and keeps
their reviews. Fields are HTML with Anki's own markup (``{{``, ``[sound:``) neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import genanki

from ..model import Deck, Question
from ..quizplan import QuizPlan
from . import ExportOptions
from .anki import html as h
from .anki.notes import tags
from .platform import Entry, Rendered, export_platform, matched_pairs, sections

NOTETYPE = "Basic"
"""Anki's stock note type (Front, Back); the learner can map the columns to any other on import."""
COLUMNS = ("Front", "Back", "Tags", "GUID")
"""Front first, and never starting with ``#``: Anki would read a row that starts with ``#`` as a
comment, and a GUID (base91) can start with one."""


def guid(deck: Deck, question: Question) -> str:
    """The row's note identity: article, template and facts, in the CSV's own namespace.

    As in the .apkg, a renamed fact is named by its oldest former id (``Fact.identity``), so a
    re-import after the rename updates its rows' notes instead of adding new ones."""
    facts = deck.facts_by_id
    ids = (facts[f].identity if f in facts else f for f in question.fact_ids)
    return str(genanki.guid_for("studyaid-csv", deck.slug, question.template_id, *ids))


def header_value(text: str) -> str:
    """A value on one header line: no tabs or line breaks."""
    return " ".join(text.split())


def front(entry: Entry) -> str:
    """The question as HTML: the prompt, then the options or items as the quiz prints them."""
    pq = entry.planned
    q = pq.question
    out = h.text(q.prompt)
    if out.startswith("#"):
        out = "&#35;" + out[1:]
    if q.form == "choice":
        out += h.bullets((h.text(o) for o in pq.options), letters=True)
    elif q.form == "ordering":
        out += h.bullets(h.text(i) for i in pq.items)
    elif q.form == "matching":
        out += h.bullets((h.text(i) for i in pq.items), numbered=True)
        out += h.bullets((h.text(o) for o in pq.options), letters=True)
    return out


def answer(entry: Entry) -> str:
    """The answer as HTML, as the printed key states it."""
    pq = entry.planned
    q = pq.question
    if q.form == "ordering" and q.items:
        return h.bullets((h.text(q.items[k]) for k in q.key), numbered=True)
    if q.form == "matching":
        return h.bullets(f"{h.text(item)} → {h.text(option)}" for item, option in matched_pairs(pq))
    shown = h.text(pq.answer_text)
    if q.accept:
        shown += f"<br>Also accepted: {h.text(', '.join(q.accept))}"
    return shown


def back(entry: Entry) -> str:
    """The answer, the explanation, the source sentence(s) with the asked part marked, the citation."""
    q = entry.question
    return f"{answer(entry)}<hr>{h.text(q.explanation)}{h.sources(q.sources)}<small>{h.text(q.citation)}</small>"


def render_anki_csv(deck: Deck, plan: QuizPlan) -> Rendered:
    """The plan's questions as one TSV file with Anki's header lines."""
    buffer = io.StringIO()
    buffer.write("#separator:Tab\n#html:true\n")
    buffer.write(f"#notetype:{NOTETYPE}\n#deck:{header_value(deck.settings.name)}\n")
    buffer.write("#columns:" + "\t".join(COLUMNS) + "\n")
    buffer.write(f"#guid column:{COLUMNS.index('GUID') + 1}\n#tags column:{COLUMNS.index('Tags') + 1}\n")
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for section in sections(deck, plan):
        for entry in section.entries:
            q = entry.question
            writer.writerow([front(entry), back(entry), " ".join(tags(deck, q)), guid(deck, q)])
    return Rendered(((f"{deck.slug}-anki.tsv", buffer.getvalue().encode("utf-8")),))


def export_anki_csv(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-anki.tsv`` for the questions ``studyaid quiz`` would ask with these options."""
    return export_platform(deck, questions, options, render_anki_csv, "csv")
