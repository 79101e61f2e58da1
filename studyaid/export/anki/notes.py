"""Questions -> Anki notes: which note type each question takes, its field HTML, tags and GUID.

One question makes one note, except cloze questions on one sentence: they make one cloze note
with a deletion each (``{{c1::...}}``, ``{{c2::...}}`` …), so Anki buries the sibling cards
instead of showing one sentence three times in a day. Choice questions take the ``choice`` type,
cloze questions the ``cloze`` type, questions from ``actor-name-short`` (one per actor) the
two-way ``actor`` type (name from role and role from name), and every other form the ``basic``
type. No two notes of one type share a first field (Anki flags those as duplicates): an
ordering or matching note's first field carries its items.

Card backs are read once: a cloze back shows its sentence once (the revealed cloze, not again as
the source or the explanation), and who the article attributes a figure to is labelled
``Source:``, the article's hedges ``Caveat:``.
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
from .lock import StoredNote
from .note_types import FIELDS
from .pictures import Picture

ACTOR_TEMPLATE = "actor-name-short"
"""Asks for each actor's name from its role; its note also gets the reverse card."""


@dataclass(frozen=True)
class NoteSpec(StoredNote):
    """A note as studyaid builds it, before genanki sees it: what is shipped, and where it is from."""

    guid: str
    """The note's identity (``guid``): what Anki matches an imported note to."""
    question_ids: tuple[str, ...]
    """The questions the note asks: one, or a cloze note's deletions in order (c1, c2 …)."""
    pictures: tuple[Picture, ...] = ()

    @property
    def question_id(self) -> str:
        """The note's first question, the one its GUID comes from."""
        return self.question_ids[0]

    @property
    def content_hash(self) -> str:
        """sha256 of what Anki stores for the note: note-type ID, fields and tags."""
        data = json.dumps(
            {"note_type": self.note_type, "fields": self.fields, "tags": self.tags},
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


def note_groups(deck: Deck, questions: Sequence[Question]) -> list[list[Question]]:
    """The questions of each note, notes in the order of their first question.

    Cloze questions whose sentence is the same (same shown quote, deletions found in it) share a
    note, in the questions' order: the first is c1 and names the note (its GUID is the one that
    question's own note always had, so a learner's reviews of it carry over). A deletion that
    overlaps one already in the note starts a note of its own.
    """
    groups: list[list[Question]] = []
    spans: list[list[tuple[int, int]]] = []
    by_sentence: dict[tuple[str, str | None], list[int]] = {}
    for q in questions:
        span = _cloze_span(q) if role_for(deck, q) == "cloze" else None
        if span is None:
            groups.append([q])
            spans.append([])
            continue
        key = (q.sources[0].quote, q.context)
        home = next(
            (g for g in by_sentence.get(key, []) if all(span[1] <= a or span[0] >= b for a, b in spans[g])),
            None,
        )
        if home is None:
            home = len(groups)
            groups.append([])
            spans.append([])
            by_sentence.setdefault(key, []).append(home)
        groups[home].append(q)
        spans[home].append(span)
    return groups


def _cloze_span(q: Question) -> tuple[int, int] | None:
    """Where a cloze question's deletion lies in its first source sentence; None when the
    sentence it shows is not that sentence (it then keeps a note of its own). The deletion is the
    sentence's own words there, editor's marks and all ("N$1,3 [N$1.3] billion")."""
    if q.cloze is None or not q.sources:
        return None
    before, after = q.cloze
    quote = q.sources[0].quote
    end = len(quote) - len(after)
    if end < len(before) or not (quote.startswith(before) and quote.endswith(after)):
        return None
    return (len(before), end)


def build_notes(deck: Deck, questions: Sequence[Question], pictures: Sequence[Picture]) -> list[NoteSpec]:
    """The notes of ``note_groups``, in order."""
    article = _article(deck)
    # Pictures by fact, so finding a question's pictures does not scan every picture: a large
    # deck has a chart per divided whole, thousands of them.
    by_fact: dict[str, list[int]] = {}
    for i, picture in enumerate(pictures):
        for fact_id in picture.fact_ids:
            by_fact.setdefault(fact_id, []).append(i)
    notes = []
    for group in note_groups(deck, questions):
        q = group[0]
        role = role_for(deck, q)
        fact_ids = tuple(dict.fromkeys(f for g in group for f in g.fact_ids))
        shown = tuple(pictures[i] for i in sorted({i for f in fact_ids for i in by_fact.get(f, ())}))
        said_by = _said_by(deck, fact_ids)
        refs = tuple(dict.fromkeys(r for g in group for r in g.sources))
        if role == "cloze" and _cloze_span(q) is not None:
            # The revealed cloze is the sentence: shown once, not again as the source.
            refs = tuple(r for r in refs if r.quote != q.sources[0].quote)
        details = {
            "Explanation": h.text(" ".join(dict.fromkeys(_explanation(deck, g, role, said_by) for g in group))),
            "Source": h.sources(refs),
            "Citation": h.text(" / ".join(dict.fromkeys(c for g in group for c in g.citation.split(" / ")))),
            "Article": article,
            "Attribution": _attribution(deck, fact_ids, said_by),
            "Picture": "".join(h.image(p.name, p.alt) for p in shown),
            "Id": h.text(", ".join(g.id for g in group)),
        }
        own = _cloze(group) if role == "cloze" else _FIELD_MAKERS[role](deck, q)
        values = {**own, **details}
        fields = tuple(values[name] for name in FIELDS[role])
        if role == "cloze" and "{{c1::" not in fields[0]:
            raise ExportError(f"cloze note for {q.id} has no {{{{c1::...}}}} deletion: Anki gives it no cards")
        notes.append(
            NoteSpec(
                role=role,
                note_type=deck.settings.note_types[role],
                topic=q.topic,
                fields=fields,
                tags=tuple(sorted({t for g in group for t in tags(deck, g)})),
                guid=guid(deck, q),
                question_ids=tuple(g.id for g in group),
                pictures=shown,
            )
        )
    return notes


def _said_by(deck: Deck, fact_ids: Sequence[str]) -> tuple[str, ...]:
    """Whom the article attributes the facts to, each once."""
    facts = deck.facts_by_id
    return tuple(dict.fromkeys(a for f in fact_ids if f in facts for a in [facts[f].attribution] if a))


def _attribution(deck: Deck, fact_ids: Sequence[str], said_by: Sequence[str]) -> str:
    """Who the article says the figures come from, labelled as their source, and the article's
    own hedges, labelled as a caveat (the only real caveat on a card)."""
    facts = deck.facts_by_id
    hedges = tuple(dict.fromkeys(h for f in fact_ids if f in facts for h in facts[f].hedges))
    lines = []
    if said_by:
        lines.append(f'<p><span class="label">Source:</span> {h.text("; ".join(said_by))}</p>')
    if hedges:
        words = " and ".join(f"“{hedge}”" for hedge in hedges)
        lines.append(f'<p><span class="label">Caveat:</span> {h.text(f"the article hedges this with {words}.")}</p>')
    return "".join(lines)


def _explanation(deck: Deck, q: Question, role: str, said_by: Sequence[str]) -> str:
    """The question's explanation without what the back already shows: the sentence of a cloze
    (the revealed cloze is that sentence) and the attribution (the ``Source:`` line)."""
    text = q.explanation
    repeated = [f"The article attributes this to {who}." for who in said_by]
    if role == "cloze":
        facts = deck.facts_by_id
        repeated += [f"The article: “{facts[f].corrected(facts[f].quote)}”" for f in q.fact_ids if f in facts]
    for part in repeated:
        text = text.replace(part, "")
    return " ".join(text.split())


def _article(deck: Deck) -> str:
    """The article's title and date, linked when the deck gives its address."""
    published = deck.source.published
    return h.link(deck.source.url, deck.source.title) + (f", {h.text(published)}" if published else "")


def _basic(deck: Deck, q: Question) -> dict[str, str]:
    prompt, items = h.text(q.prompt), ""
    answer = h.text(q.answer)
    if q.form == "ordering" and q.items:
        # The items go into the first field: one prompt serves every ordering (and matching)
        # note, and Anki flags notes of one type with the same first field as duplicates.
        prompt += '<div class="items">' + h.bullets(h.text(i) for i in q.items) + "</div>"
        answer = h.bullets((h.text(q.items[k]) for k in q.key), numbered=True)
    elif q.form == "matching" and q.items and q.options:
        prompt += (
            '<div class="items matching">'
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
    return {"Prompt": prompt, "Items": items, "Answer": answer}


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


def _cloze(group: Sequence[Question]) -> dict[str, str]:
    """The sentence with each question's deletion numbered in the questions' order (c1 first)."""
    first = group[0]
    if _cloze_span(first) is None:  # a note of its own: the sentence as the question shows it
        assert first.cloze is not None
        before, after = first.cloze
        return {"Text": h.text(before) + h.cloze_deletion(first.answer) + h.text(after)}
    quote = first.sources[0].quote
    cuts = sorted((span, number) for number, span in enumerate(map(_cloze_span, group), start=1) if span is not None)
    out, pos = [], 0
    for (start, end), number in cuts:
        out.append(h.text(quote[pos:start]) + h.cloze_deletion(quote[start:end], number))
        pos = end
    return {"Text": "".join(out) + h.text(quote[pos:])}


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


_FIELD_MAKERS = {"basic": _basic, "choice": _choice, "actor": _actor}
