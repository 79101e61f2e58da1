"""Questions -> Anki notes: which note type each question takes, its field HTML, tags and GUID.

One question makes exactly one note. Choice questions take the ``choice`` type, cloze questions
the ``cloze`` type, questions from ``actor-name-short`` (one per actor) the two-way ``actor`` type
(name from role and role from name), and every other form the ``basic`` type.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import genanki

from ...errors import ExportError
from ...model import Deck, Question
from ...wording import capfirst
from . import html as h
from .note_types import FIELDS
from .pictures import Picture

ACTOR_TEMPLATE = "actor-name-short"
"""Asks for each actor's name from its role; its note also gets the reverse card."""


@dataclass(frozen=True)
class NoteSpec:
    """A note as studyaid builds it, before genanki sees it."""

    guid: str
    role: str
    """Note-type role: basic, choice, cloze or actor."""
    note_type_id: int
    fields: tuple[str, ...]
    """Field HTML, in the order of ``note_types.FIELDS[role]``."""
    tags: tuple[str, ...]
    topic: str
    question_id: str
    pictures: tuple[Picture, ...] = ()

    @property
    def content_hash(self) -> str:
        """sha256 of what Anki stores for the note: note-type ID, fields and tags."""
        data = json.dumps(
            {"note_type": self.note_type_id, "fields": self.fields, "tags": self.tags},
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def field(self, name: str) -> str:
        """One field's HTML by name."""
        return self.fields[FIELDS[self.role].index(name)]


def guid(deck: Deck, question: Question) -> str:
    """The note's identity: article, template and facts, never text, so edits update in place.

    A renamed fact is named by its oldest former id (``Fact.identity``), so its notes keep
    their GUIDs, and with them learners' reviews, across the rename."""
    facts = deck.facts_by_id
    ids = (facts[f].identity if f in facts else f for f in question.fact_ids)
    return str(genanki.guid_for(deck.slug, question.template_id, *ids))


def tag(*parts: str) -> str:
    """A hierarchical Anki tag; whitespace (which Anki would split on) becomes ``_``."""
    return "::".join("_".join(p.split()) for p in parts)


def tags(deck: Deck, question: Question) -> tuple[str, ...]:
    """Article, topic, template, form and every fact the question rests on."""
    found = {
        tag("studyaid", "article", deck.slug),
        tag("studyaid", "topic", question.topic),
        tag("studyaid", "template", question.template_id),
        tag("studyaid", "form", question.form),
        *(tag("studyaid", "fact", f) for f in question.fact_ids),
    }
    return tuple(sorted(found))


def role_for(deck: Deck, question: Question) -> str:
    """Which note type a question takes."""
    if question.template_id == ACTOR_TEMPLATE and len(question.fact_ids) == 1:
        fact = deck.facts_by_id.get(question.fact_ids[0])
        if fact is not None and fact.kind == "actor" and fact.get("role"):
            return "actor"
    if question.form == "choice" and question.options and question.key:
        return "choice"
    if question.form == "cloze" and question.cloze is not None and question.answer.strip():
        return "cloze"
    return "basic"


def build_notes(deck: Deck, questions: Sequence[Question], pictures: Sequence[Picture]) -> list[NoteSpec]:
    """One note per question, in the questions' order."""
    article = _article(deck)
    # Pictures by fact, so finding a question's pictures does not scan every picture: a large
    # deck has a chart per divided whole, thousands of them.
    by_fact: dict[str, list[int]] = {}
    for i, picture in enumerate(pictures):
        for fact_id in picture.fact_ids:
            by_fact.setdefault(fact_id, []).append(i)
    notes = []
    for q in questions:
        role = role_for(deck, q)
        shown = tuple(pictures[i] for i in sorted({i for f in q.fact_ids for i in by_fact.get(f, ())}))
        details = {
            "Explanation": h.text(q.explanation),
            "Source": h.sources(q.sources),
            "Citation": h.text(q.citation),
            "Article": article,
            "Attribution": h.text(q.attribution or ""),
            "Picture": "".join(h.image(p.name, p.alt) for p in shown),
            "Id": h.text(q.id),
        }
        own = _FIELD_MAKERS[role](deck, q)
        values = {**own, **details}
        fields = tuple(values[name] for name in FIELDS[role])
        if role == "cloze" and "{{c1::" not in fields[0]:
            raise ExportError(f"cloze note for {q.id} has no {{{{c1::...}}}} deletion: Anki gives it no cards")
        notes.append(
            NoteSpec(
                guid(deck, q),
                role,
                deck.settings.note_types[role],
                fields,
                tags(deck, q),
                q.topic,
                q.id,
                shown,
            )
        )
    return notes


def _article(deck: Deck) -> str:
    """The article's title and date, linked when the deck gives its address."""
    published = deck.source.published
    return h.link(deck.source.url, deck.source.title) + (f", {h.text(published)}" if published else "")


def _basic(deck: Deck, q: Question) -> dict[str, str]:
    items = ""
    answer = h.text(q.answer)
    if q.form == "ordering" and q.items:
        items = h.bullets(h.text(i) for i in q.items)
        answer = h.bullets((h.text(q.items[k]) for k in q.key), numbered=True)
    elif q.form == "matching" and q.items and q.options:
        items = (
            '<div class="matching">'
            + h.bullets((h.text(i) for i in q.items), numbered=True)
            + h.bullets((h.text(o) for o in q.options), letters=True)
            + "</div>"
        )
        answer = h.bullets(
            (f"{h.text(item)} → {_letter(k)}) {h.text(q.options[k])}" for item, k in zip(q.items, q.key, strict=True)),
            numbered=True,
        )
    elif q.form == "choice" and q.options:  # a choice question without a key: list the options
        items = h.bullets((h.text(o) for o in q.options), letters=True)
    elif q.accept:
        answer += f'<p class="also">Also accepted: {h.text(", ".join(q.accept))}</p>'
    return {"Prompt": h.text(q.prompt), "Items": items, "Answer": answer}


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _choice(deck: Deck, q: Question) -> dict[str, str]:
    assert q.options is not None
    right = q.key[0]
    marked = "".join(
        f'<li class="correct">{h.text(o)} ✓</li>' if i == right else f"<li>{h.text(o)}</li>"
        for i, o in enumerate(q.options)
    )
    return {
        "Prompt": h.text(q.prompt),
        "Options": h.bullets((h.text(o) for o in q.options), letters=True),
        "Marked": f'<ol type="A" class="marked">{marked}</ol>',
    }


def _cloze(deck: Deck, q: Question) -> dict[str, str]:
    assert q.cloze is not None
    before, after = q.cloze
    quote = q.sources[0].quote if q.sources else ""
    middle = quote[len(before) : len(quote) - len(after)] if len(quote) >= len(before) + len(after) else ""
    # The sentence's own wording of the value (its case may differ), else the answer.
    if not (quote.startswith(before) and quote.endswith(after) and middle.casefold() == q.answer.casefold()):
        middle = q.answer
    return {"Text": h.text(before) + h.cloze_deletion(middle) + h.text(after)}


def _actor(deck: Deck, q: Question) -> dict[str, str]:
    fact = deck.fact(q.fact_ids[0])
    name = q.answer
    kind = str(fact["actor_kind"])
    lead = (
        capfirst(q.attribution)
        if q.attribution and q.attribution.startswith("according to ")
        else "According to the article"
    )
    pronoun = "who" if kind in ("person", "group") else "what"
    return {
        "Name": h.text(name),
        "Kind": h.text(kind),
        "Role": h.text(fact.corrected(str(fact["role"]))),
        "NamePrompt": h.text(q.prompt),
        "RolePrompt": h.text(f"{lead}, {pronoun} is {name}?"),
        "Aliases": h.text(", ".join(q.accept)),
    }


_FIELD_MAKERS = {"basic": _basic, "choice": _choice, "cloze": _cloze, "actor": _actor}
