"""Lint rules on a question's text: wording, cloze pronouns, quotations, gaps, attributions and the card's back."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..derive.event import date_of
from ..describing import by_position, misattached
from ..model import Deck, Fact, Question
from ..phrasing import balanced, be, leading_pronoun, mentions_any_form
from ..sorts import names_of
from ..standalone import is_caption_fact, unresolved_reference
from ..verbs import passive_event
from .index import YEAR, Index, text_key

# ------------------------------------------------------------------ wording

_DOUBLED = re.compile(r"\b([^\W\d_]+) \1\b", re.I)  # words, not figures ("4 ft 1 1/2 in")
_NOMINAL_EVENT = re.compile(
    r"\bdid (?:the|[\w.’']+['’]s) [\w -]*?\b\w+(?:ing|ion|ment|al|ure|out|ch|se)\b of\b.*\btake place\b"
)


_GERUND_EVENT = re.compile(r"\b(?:when|year)\b (?:was|were) (?:the|[\w.’']+['’]s) (?:[\w-]+ )?[a-z]+ing of\b")
_GERUND_STATEMENT = re.compile(r"^True or false\?[^,]*, (?:the|[\w.’']+['’]s) [a-z]+ing of .*\btook place\b")
_SPAN_TOOK_PLACE = re.compile(r"\bthe (?:start|beginning|onset|end) of\b[^?]*\b(?:took|take) place\b")


def wording(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    prompt = q.prompt
    doubled = _DOUBLED.search(prompt)
    if doubled and doubled.group(1).casefold() not in ("that", "had"):
        yield "wording", f"doubled word {doubled.group()!r}"
    if re.search(r"\bwhich (\w+) is the \1\b", prompt, re.I):
        yield "wording", "the prompt names the type twice ('which place is the place …')"
    if re.search(r"\bwho or what\b", prompt, re.I):
        yield "wording", "'who or what': the prompt does not know what it asks for"
    if re.search(r"\btake place\b", prompt) and re.search(r"\bdid\b", prompt):
        yield "wording", "an event asked with 'did … take place' instead of a verb phrase"
    if _GERUND_EVENT.search(prompt) or _GERUND_STATEMENT.search(prompt):
        yield "wording", "an event asked as a gerund ('the catching of …') instead of with its verb"
    if _SPAN_TOOK_PLACE.search(prompt):
        yield "wording", "'the start of … took place': the event is said with 'began'"
    if re.search(r"\b(was|did|were)\b", prompt) and re.search(r"\bwill\b", prompt):
        yield "wording", "past tense asked about what the article says will happen"
    if re.search(r"\bdid\b", prompt) and re.search(r"\b(today|now)\b", prompt, re.I):
        yield "wording", "past tense with 'today'"
    for name in index.plural_names:
        if re.search(rf"{re.escape(name)} is\b", prompt):
            yield "wording", f"{name!r} is plural: {be(name)!r}, not 'is'"
    shown = " ".join([prompt, *(q.options or ()), q.answer])
    for f in facts:
        said = str(f.get("role") or f.get("description") or "")
        if said and said in shown and by_position(said):
            yield "wording", f"{f.id}'s description says where the article names it, not what it is"
        elif said and said in shown and (clause := misattached(said)):
            yield "wording", f"in {f.id}'s description {clause!r} reads as said of the name before it"
        subject = str(f.get("subject") or "")
        if (
            subject
            and subject in prompt
            and re.search(r"\bhad been\b", subject)
            and re.search(r"\b(?:has|have) been\b", f.quote)
        ):
            yield "wording", f"{f.id}: the subject says 'had been' where the article says 'has been'"
    for f in facts:
        if (
            f.kind == "event"
            and passive_event(f.event.what)
            and re.search(rf"\b(was|were) {re.escape(f.event.what)}", prompt)
        ):
            yield "wording", f"the event is asked as a noun phrase ({f.event.what!r}), not with its verb"
        if f.kind != "event" or not f.asked or f.event.date is None:
            continue
        quote = f.corrected(f.quote)
        at = quote.find(f.asked)
        before = quote[max(0, at - 20) : at].casefold() if at >= 0 else ""
        season = re.search(r"(winter|summer|spring|autumn|fall) of $", before)
        shown = f"{prompt} {q.answer} {q.shown or ''}"
        date = date_of(f)
        dated = date.label.split("–")[0] in shown or str(date.year or "") in shown
        if season and season.group(1) not in shown.casefold() and q.form != "ordering" and dated:
            yield "wording", f"the article says 'the {season.group(1)} of {f.asked}'; the question drops it"
        first_year = YEAR.search(f.asked)
        if " and " in f.asked and first_year and re.search(rf"\bbetween (the )?[\w ]*{first_year.group()}", shown):
            yield "wording", f"the article says 'in {f.asked}'; the question says 'between'"


# ------------------------------------------------------------------ cloze, quotes, gaps


def cloze_pronoun(q: Question, facts: list[Fact], terms: frozenset[str] = frozenset()) -> Iterable[tuple[str, str]]:
    if q.form != "cloze" or q.cloze is None:
        return
    sentence = q.cloze[0] + q.answer + q.cloze[1]
    pronoun = leading_pronoun(sentence)
    if pronoun and not q.context:
        yield "pronoun", f"the sentence opens on {pronoun!r}, which nothing in it resolves"
    elif (back := unresolved_reference(sentence, terms)) and not q.context:
        yield "pronoun", f"{back!r} points back at what the article said before the sentence"
    for f in facts:
        if is_caption_fact(f):
            yield "caption", f"a cloze of {f.id}'s quote, a caption rather than a sentence"
    if not balanced(sentence):
        yield "wording", "the cloze sentence opens a quotation mark or bracket it does not close"


_FIGURE = re.compile(r"\d[\d,.\u2013-]*\d|\d")


def unsupported_source(q: Question, facts: list[Fact]) -> Iterable[tuple[str, str]]:
    """A name or description asked with a date or figure that no sentence on the card's back gives
    ("the army that captured Spassk … in the winter of 1919-1920" shown with "The Red Army fought …")."""
    shown = " ".join(s.quote for s in q.sources)
    for f in facts:
        if f.kind not in ("actor", "place") or f.id not in q.fact_ids:
            continue
        described = str(f.get("role") or f.get("description") or "")
        missing = [n for n in _FIGURE.findall(described) if n not in shown]
        if missing:
            yield "source", f"{f.id}'s description gives {', '.join(missing)}, which no source sentence shown says"


def caption_event(q: Question, facts: list[Fact]) -> Iterable[tuple[str, str]]:
    """A picture's caption dated as if the article told an event ("the taking of the photograph")."""
    for f in facts:
        if f.kind == "event" and q.form != "cloze" and is_caption_fact(f):
            yield "caption", f"{f.id}'s quote is a caption, asked as an event the article tells"


_EDITOR_MARK = re.compile(r" ?\[(?:sic|[^\]]*)\]")


def unmarked(text: str) -> str:
    """A quote with its editor's marks taken out: "log-term [sic]" -> "log-term"."""
    return _EDITOR_MARK.sub("", text)


def verbatim(q: Question, deck: Deck) -> Iterable[tuple[str, str]]:
    for ref in q.sources:
        fact = deck.facts_by_id.get(ref.fact_id)
        if fact is None:
            continue
        if " ".join(unmarked(ref.quote).split()) != " ".join(fact.quote.split()):
            yield "verbatim", f"the quote from {fact.id} is not the article's words"


def gap(q: Question, facts: list[Fact]) -> Iterable[tuple[str, str]]:
    if q.numeric is None or q.numeric.unit != "years" or len(facts) != 2:
        return
    a, b = facts
    if not (set(a.event.actors or ()) & set(b.event.actors or ())):
        yield "gap", f"the gap between {a.id} and {b.id}, events with no actor in common"


def attribution(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    if q.form == "cloze":
        for f in facts:
            framed = f.attribution and f"which reports what {f.attribution} said" in q.prompt
            if framed and mentions_any_form(f.quote, f.attribution or ""):
                yield "attribution", f"the cloze says 'according to {f.attribution}' and so does its sentence"
    for f in facts:
        if not f.attribution or f.kind != "event":
            continue
        for actor in f.event.actors or ():
            other = index.deck.facts_by_id.get(actor)
            if other is not None and any(text_key(n) == text_key(f.attribution) for n in names_of(other)):
                yield "attribution", f"'according to {f.attribution}' on an event that {f.attribution} itself did"
                return


def back(q: Question) -> Iterable[tuple[str, str]]:
    if re.search(r"\bpint\b", q.explanation):
        yield "back", "the explanation names a library"
    if re.search(r"[a-z0-9)\]”\"]\.\s+[a-z]", q.explanation):
        yield "back", "lower case after a full stop in the explanation"
    for ref in q.sources:
        if re.search(r"note \[[ivx]+\]: ibid\b", ref.citation, re.I):
            yield "back", "a footnote that says only 'ibid'"
            break
