"""Pure question generation: (deck, templates, seed) -> questions. No files, no printing.

Randomness (distractor choice, option order, true or false) comes from a ``random.Random``
seeded by the seed and the question's id, so adding a fact never reshuffles other questions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

from .alsotrue import also_true
from .dates import DateFormatError, parse_date
from .derive import Answer, Derivation, Group, amount_text, lookup, share_text, whole_of
from .distractors import DISTRACTORS, CandidateIndex, pick_distractors
from .errors import InputError, Problem, TemplateError
from .eventclause import event_clause
from .index import by_kind
from .model import Deck, Fact, Numeric, Question, Source, Template
from .phrasing import (
    balanced,
    be,
    cloze_echo,
    head_and_qualifiers,
    is_plural,
    mentions_any_form,
    restated,
    states,
    tense_of,
)
from .render import render
from .sorts import described, exclusive, name_echo, names_of
from .sourcing import cloze_split, source_ref, stands_alone, terms_of
from .tense import tense
from .wording import CLOZE_BLANK, amount_unit_words, at_date, capfirst, hedge_of, question_note


def generate(deck: Deck, templates: Sequence[Template], seed: int | None = None) -> list[Question]:
    """Every question the templates make from the deck's facts, sorted by topic and id.

    Raises InputError listing every template that fails to render for a fact it applies to.
    """
    seed = deck.settings.seed if seed is None else seed
    facts = by_kind(deck)
    questions: list[Question] = []
    problems: list[Problem] = []
    chosen = [t for t in templates if deck.uses(t)] + list(deck.templates)
    for template in sorted(chosen, key=lambda t: t.id):
        derivation = lookup(template.kind, template.answer)
        pool = [
            f
            for f in (deck.facts if template.kind == "any" else facts.get(template.kind, []))
            if all(_has(f, name) for name in template.requires)
        ]
        pool = [f for f in pool if _article_has(deck.source_of(f), template)]
        pool.sort(key=lambda f: f.id)
        wants_index = derivation.per_fact and template.form in ("choice", "true-false")
        index = CandidateIndex.build(derivation, pool, deck) if wants_index else None
        for group in derivation.groups(pool, deck):
            if not derivation.applies(group, deck):
                continue
            try:
                question = build(template, derivation, group, index, deck, seed)
            except TemplateError as exc:
                where, _, line = template.origin.rpartition(":")
                problems.append(
                    Problem(
                        where,
                        int(line),
                        f"template {template.id!r}",
                        f"{exc} for fact {group[0].id!r} ({deck.path}:{group[0].line})",
                    )
                )
                continue
            if question is not None:
                questions.append(question)
    if problems:
        raise InputError(problems)
    return _distinct(sorted(questions, key=lambda q: (q.topic, q.id)))


def _distinct(questions: list[Question]) -> list[Question]:
    """Questions with the same prompt, options and answer kept once (the first by id): two facts
    asked through one sentence and one span make one cloze, not two."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for q in sorted(questions, key=lambda q: q.id):
        key = (q.form, q.prompt, q.options, q.items, q.answer)
        if key not in seen:
            seen.add(key)
            kept.append(q)
    ids = {q.id for q in kept}
    return [q for q in questions if q.id in ids]


FIGURE_KINDS = ("amount", "quantity", "duration")
"""Kinds whose facts are a stated figure with a unit: templates get ``fact.shown``."""


def hedge_note(word: str) -> str:
    """The words a question must contain to carry a hedge."""
    return hedge_of(word).note


def _article_has(source: Source, template: Template) -> bool:
    """Whether the fact's article states every field the template prints (an author, a date)."""
    record = _article(source)
    return all(record.get(name) is not None for name in template.article_fields)


def _article(source: Source) -> dict[str, Any]:
    """The article's fields templates may use; a field the article lacks is None, never invented."""
    return {
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "year": str(source.year) if source.year else None,
        "published": source.published,
        "url": source.url,
    }


def _has(fact: Fact, name: str) -> bool:
    return fact.get(name) is not None or getattr(fact, name, None) is not None


def question_id(template: Template, group: Group) -> str:
    """Identity from what the question is: its template and facts, never its text."""
    return f"{template.id}:{'+'.join(f.id for f in group)}"


def build(
    template: Template, derivation: Derivation, group: Group, index: CandidateIndex | None, deck: Deck, seed: int
) -> Question | None:
    """One question of the template's form, or None when the facts cannot support that form."""
    qid = question_id(template, group)
    rng = random.Random(f"{seed}:{qid}")
    answer = derivation.compute(group, deck)
    context = _context(group, deck, answer, uses_whole=template.answer == "share_amount")
    form = template.form
    extra: dict[str, Any] = {}
    shown_answer = answer.text
    if form == "choice":
        wrong = pick_distractors(index, derivation, group, answer, deck, rng)
        if len(wrong) < DISTRACTORS:
            return None
        options = [answer.text, *(w.text for w in wrong)]
        rng.shuffle(options)
        extra = {"options": tuple(options), "key": (options.index(answer.text),)}
    elif form == "true-false":
        wrong = pick_distractors(index, derivation, group, answer, deck, rng, count=1)
        if not wrong:
            # A statement that can only be true teaches nothing: no plausible false one, no question.
            return None
        truth = rng.random() < 0.5
        context["shown"] = answer.text if truth else wrong[0].text
        shown_answer = "True" if truth else "False"
        extra = {
            "options": ("True", "False"),
            "key": (0 if truth else 1,),
            "shown": context["shown"],
            "true_value": answer.text,
        }
    elif form == "numeric":
        if answer.number is None:
            raise TemplateError(f"answer {template.answer!r} has no number for a numeric question")
        extra = {"numeric": Numeric(answer.number, _tolerance(template, answer), answer.unit)}
        shown_answer = answer.hedged or answer.text
    elif form == "short":
        first = group[0]
        aliases = tuple(first.get("aliases") or ()) if template.answer == "name" else ()
        # What the article also says is true of the fact is a right answer too ("Russia" beside
        # "the Soviet Union" for the 1970s).
        aliases += tuple(a for a in map(_as_written, also_true(first, deck)) if a != answer.text and a not in aliases)
        extra = {"accept": aliases}
    elif form == "cloze":
        parts = cloze_split(group[0])
        if parts is None:
            return None
        before, after = parts
        sentence = before + answer.text + after
        if (
            not stands_alone(group[0], sentence, terms_of(deck))
            or not balanced(sentence)
            or restated(answer.text, before, after)
            or cloze_echo(answer.text, before + " " + after, names_of(group[0]))
        ):
            return None
        context["cloze"] = f"{before}{CLOZE_BLANK}{after}"
        extra = {"cloze": (before, after)}
    elif form == "ordering":
        items = list(answer.sequence)
        rng.shuffle(items)
        extra = {"items": tuple(items), "key": tuple(items.index(i) for i in answer.sequence)}
    elif form == "matching":
        names = [n for n, _ in answer.pairs]
        roles = [r for _, r in answer.pairs]
        rng.shuffle(roles)
        extra = {"items": tuple(names), "options": tuple(roles), "key": tuple(roles.index(r) for _, r in answer.pairs)}
    if template.answer == "name" and (name_echo(group[0]) or not exclusive(described(group[0]))):
        # A name from a description that spells it, or one that fits a whole class ("the state
        # added to the list of state sponsors of terrorism"), has no single answer to ask for.
        return None
    prompt = render(template.prompt, context)
    _check_attribution(prompt, group)
    if _gives_away(prompt, answer, form):
        return None
    explanation = (
        render(template.explanation, {**context, "working": answer.working})
        if template.explanation
        else _explanation(answer, group, form, context.get("shown"), shown_answer)
    )
    return Question(
        id=qid,
        template_id=template.id,
        fact_ids=tuple(f.id for f in group),
        topic=group[0].topic,
        form=form,
        prompt=prompt,
        answer=shown_answer,
        explanation=explanation,
        sources=tuple(source_ref(f, deck) for f in group),
        attribution=_attribution(group),
        **extra,
    )


def _as_written(value: str) -> str:
    """An also-true value as a learner would write it: a date by its label ("August 2015" for
    "2015-08"), anything else as recorded."""
    try:
        return parse_date(value).label
    except DateFormatError:
        return value


def _tolerance(template: Template, answer: Answer) -> float:
    if template.tolerance:
        text = template.tolerance.strip()
        if text.endswith("%"):
            given = abs(answer.number or 0) * float(text[:-1]) / 100
        else:
            given = float(text)
        # Never stricter than the rounding of the printed answer itself.
        return max(given, 0.5 * 10.0**-answer.places)
    return 0.5 * 10.0**-answer.places


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


_TYPE_WORDS = {"person": "person", "state": "state", "organisation": "organisation", "company": "company"}
"""What a matching prompt calls its items, by actor kind (others by their kind's name)."""


def _words_for(first: Fact) -> dict[str, str]:
    """The verbs a question about ``first`` needs, from its stage; a figure whose subject or time
    says it holds now or will ("each month", "the ferry service will move") is asked with "is"."""
    words = tense(first.stage, first.get("verb") or "take") if first.kind == "duration" else tense(first.stage)
    if first.stage == "happened" and first.kind in ("amount", "share", "quantity"):
        now = tense_of(str(first.get("subject") or ""), str(first.get("when") or ""))
        if now != "past":
            words = {**words, "was": "is", "did": "does"}
    return words


def _context(group: Group, deck: Deck, answer: Answer, uses_whole: bool = False) -> dict[str, Any]:
    first = group[0]
    hedges = [h for f in group for h in f.hedges]
    # A figure derived from a hedged total is hedged too: 33.3% of an estimated budget.
    if uses_whole:
        hedges += [h for f in group if f.kind == "share" and f.get("of") for h in deck.fact(f["of"]).hedges]
    when = f" {first['when']}" if first.get("when") else ""
    if not when and first.get("date") is not None and first.kind == "statement":
        when = f" {at_date(first['date'].label)}"
    record = _article(deck.source_of(first))
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


def _check_attribution(prompt: str, group: Group) -> None:
    """A question must name its facts' attribution and carry their hedges (else the template is wrong)."""
    for fact in group:
        if (
            fact.attribution
            and fact.attribution.casefold() not in prompt.casefold()
            and not mentions_any_form(prompt, fact.attribution)
        ):
            raise TemplateError(f"the question does not say the fact is according to {fact.attribution}")
        for word in fact.hedges:
            if hedge_note(word) not in prompt:
                raise TemplateError(f"the question does not carry the article's hedge {word!r}")


def _gives_away(prompt: str, answer: Answer, form: str) -> bool:
    """Whether the question text states its own answer (then it is no question, and is dropped).

    The answer counts as stated when it stands on its own: "2003" is in "in 2003." but not in
    "20031" or "12,003".
    """
    if form not in ("choice", "short", "numeric", "cloze"):
        return False
    return states(prompt, answer.text)


def _explanation(answer: Answer, group: Group, form: str, shown: str | None, verdict: str) -> str:
    parts = []
    if form == "true-false" and shown is not None:
        parts.append(f"{verdict}: the statement gives {shown}." if verdict == "False" else "True.")
    parts.append(answer.working)
    for fact in group:
        if fact.attribution:
            parts.append(f"The article attributes this to {fact.attribution}.")
        elif fact.get("quoted_from"):
            parts.append(f"The article quotes these words from {fact['quoted_from']}.")
    return " ".join(capfirst(p) for p in parts if p)


def _attribution(group: Group) -> str | None:
    notes = [f"according to {f.attribution}" for f in group if f.attribution]
    notes += [f"according to {f['quoted_from']}, quoted in the article" for f in group if f.get("quoted_from")]
    notes += [f"{h} (the article’s hedge)" for f in group if not f.attribution for h in f.hedges]
    return "; ".join(dict.fromkeys(notes)) or None
