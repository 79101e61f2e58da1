"""What a question template sees: each fact as plain values in the article's words, with the
verbs, type words, hedges and lead its question needs (kept apart from generation's control flow)."""

from __future__ import annotations

import re
from typing import Any

from .derive import Answer, Group, amount_text, share_text, whole_of
from .eventclause import event_clause
from .kinds import FIGURE_KINDS
from .model import Deck, Fact, Source
from .phrasing import be, head_and_qualifiers, is_plural, mentions_any_form, tense_of
from .tense import tense
from .wording import amount_unit_words, at_date, question_note


def article_record(source: Source) -> dict[str, Any]:
    """The article's fields templates may use; a field the article lacks is None, never invented."""
    return {
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "year": str(source.year) if source.year else None,
        "published": source.published,
        "url": source.url,
    }


def _view(fact: Fact) -> dict[str, Any]:
    """A fact as templates see it: plain values, slips corrected, dates as labels, figures as the
    article writes them (``shown``), and the verb that agrees with a name (``be``)."""
    view: dict[str, Any] = {k: getattr(v, "label", v) for k, v in fact.fields.items()}
    view.update(id=fact.id, quote=fact.corrected(fact.quote), attribution=fact.attribution, hedge=fact.hedge)
    view["hedges"] = list(fact.hedges)
    view["stage"] = fact.stage
    # The sentence itself says who said it ("According to Federal Customs Service of Russia, …"):
    # a cloze need not say so again.
    view["says_source"] = bool(fact.attribution) and mentions_any_form(fact.quote, fact.attribution or "")
    view["quoted_from"] = fact.get("quoted_from")
    if fact.kind in FIGURE_KINDS:
        view["shown"] = amount_text(fact)
        view["unit_words"] = amount_unit_words(fact["unit"], fact.get("scale"), fact.get("noun"))
    if fact.kind == "share":
        view["shown"] = share_text(fact)
    if fact.kind == "share" and fact.get("parts"):
        view["part"] = f"each of {fact['part']}"
    kind = str(fact.get("actor_kind") or fact.get("place_kind") or "")
    if fact.get("name") is not None:
        # A person's or a group's role is what they did then ("Nasser was …", "the Czech legion
        # was …") unless it says it holds now; a place, a state or a body still is what it is.
        role = str(fact.get("role") or "")
        now = "present" if re.search(r"\b(is|are|today|now|currently)\b", role) else "past"
        view["be"] = be(str(fact["name"]), kind, now if kind in ("person", "group") else "present")
    if fact.kind == "event":
        # "When was the launch of …?", not "when did the launch of … take place?"; a planned event
        # keeps its stage's words ("when is the line planned to open").
        head, _ = head_and_qualifiers(str(fact["what"]))
        plural = is_plural(f"the {head}") if head else False
        words = tense(fact.stage)
        clause = event_clause(str(fact["what"]))
        if fact.stage == "happened" and clause:
            # "When was the staff photograph taken?", "when did US sanctions … begin?"
            view["asked_as"] = clause.asked
        elif fact.stage == "happened":
            view["asked_as"] = f"{'were' if plural else 'was'} {fact['what']}"
        else:
            view["asked_as"] = f"{words['did']} {fact['what']} {words['take_place']}"
        # "US sanctions against North Korea began in the late 1950s", not "the start of … took place".
        view["stated_as"] = (
            clause.stated if fact.stage == "happened" and clause else f"{fact['what']} {words['took_place']}"
        )
    return view


_NOW_OPENING = re.compile(r"\s*(now|today|currently|at present)\b", re.I)
"""A sentence that opens by saying it holds at the article's writing."""

_TYPE_WORDS = {"person": "person", "state": "state", "organisation": "organisation", "company": "company"}
"""What a matching prompt calls its items, by actor kind (others by their kind's name)."""


def _words_for(first: Fact) -> dict[str, str]:
    """The verbs a question about ``first`` needs, from its stage; a figure whose subject or time
    says it holds now or will ("each month", "the ferry service will move") is asked with "is"."""
    words = tense(first.stage, first.get("verb") or "take") if first.kind == "duration" else tense(first.stage)
    if first.stage == "happened" and first.kind in ("amount", "share", "quantity"):
        now = tense_of(str(first.get("subject") or ""), str(first.get("when") or ""))
        if _NOW_OPENING.match(first.quote):
            # "Now there are four new ferries …": the article says it holds at its writing.
            now = "present"
        if now != "past":
            words = {**words, "was": "is", "did": "does"}
    return words


def template_context(group: Group, deck: Deck, answer: Answer, uses_whole: bool = False) -> dict[str, Any]:
    """What a template sees for one question: its facts as views, the lead, hedges, tense and
    type words, the whole a share is of, and the article's own fields."""
    first = group[0]
    hedges = [h for f in group for h in f.hedges]
    # A figure derived from a hedged total is hedged too: 33.3% of an estimated budget.
    if uses_whole:
        hedges += [h for f in group if f.kind == "share" and f.get("of") for h in deck.fact(f["of"]).hedges]
    when = f" {first['when']}" if first.get("when") else ""
    if not when and first.get("date") is not None and first.kind == "statement":
        when = f" {at_date(first['date'].label)}"
    record = article_record(deck.source_of(first))
    return {
        "fact": _view(first),
        "facts": [_view(f) for f in group],
        "in_order": [_view(f) for f in _article_order(group, deck)],
        "lead": lead(group),
        "hedge": f" {question_note(hedges)}" if hedges else "",
        "when": when,
        "tense": _words_for(first),
        "type_word": _TYPE_WORDS.get(str(first.get("actor_kind") or ""), str(first.get("actor_kind") or "")),
        "who": "who" if first.get("actor_kind") == "person" else "what",
        "whole": whole_of(first, deck),
        "parts": [_view(deck.fact(p)) for p in (first.get("parts") or ()) if first.kind == "amount"],
        "unit": answer.unit,
        "answer_in": f"as a number of {answer.unit}" if first.get("unit") == "count" else f"in {answer.unit}",
        "article": {k: v for k, v in record.items() if v is not None},
    }


def _article_order(group: Group, deck: Deck) -> list[Fact]:
    """The group's facts in the order the article gives them: by where each one's part or name
    stands in their sentence, then by the deck's order (which follows the article)."""

    def where(f: Fact) -> tuple[int, int]:
        said = str(f.get("part") or f.get("name") or f.asked or "")
        at = f.quote.find(said) if said else -1
        return (deck.positions.get(f.id, 0) if at < 0 else min(deck.positions.get(g.id, 0) for g in group), at)

    return sorted(group, key=where)


def lead(group: Group) -> str:
    """Whose claim a question asks about: the attribution of its facts ("According to the ISS,"),
    the author the article quotes them from ("According to Samuel Ramani (The Diplomat), quoted in
    the article,"), or the article itself."""
    attributed = next((f.attribution for f in group if f.attribution), None)
    if attributed:
        return f"According to {attributed},"
    quoted = [f.get("quoted_from") for f in group]
    if quoted[0] and all(q == quoted[0] for q in quoted):
        return f"According to {quoted[0]}, quoted in the article,"
    if any(quoted):
        return f"According to the article and {next(q for q in quoted if q)}, whom it quotes,"
    return "According to the article,"
