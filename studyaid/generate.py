"""Pure question generation: (deck, templates, seed) -> questions. No files, no printing.

Randomness (distractor choice, option order, true or false) comes from a ``random.Random``
seeded by the seed and the question's id, so adding a fact never reshuffles other questions.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from typing import Any

from .dates import long_date
from .derive import Answer, Derivation, Group, lookup, whole_of
from .errors import InputError, Problem, TemplateError
from .model import Deck, Fact, Numeric, Question, SourceRef, Template
from .render import render
from .rules import by_kind
from .units import amount_unit_words, format_amount

DISTRACTORS = 3
HEDGE_NOTES = {
    "estimated": "(an estimate)",
    "roughly": "(an approximate figure)",
    "about": "(an approximate figure)",
    "up to": "(the article gives an upper bound: “up to”)",
    "more than": "(the article gives a lower bound: “more than”)",
    "at least": "(the article gives a lower bound: “at least”)",
    "reportedly": "(as reported)",
}


def generate(deck: Deck, templates: Sequence[Template], seed: int | None = None) -> list[Question]:
    """Every question the templates make from the deck's facts, sorted by topic and id.

    Raises InputError listing every template that fails to render for a fact it applies to.
    """
    seed = deck.settings.seed if seed is None else seed
    facts = by_kind(deck)
    questions: list[Question] = []
    problems: list[Problem] = []
    for template in sorted([*templates, *deck.templates], key=lambda t: t.id):
        derivation = lookup(template.kind, template.answer)
        pool = [
            f
            for f in (deck.facts if template.kind == "any" else facts.get(template.kind, []))
            if all(_has(f, name) for name in template.requires)
        ]
        pool.sort(key=lambda f: f.id)
        for group in derivation.groups(pool, deck):
            if not derivation.applies(group, deck):
                continue
            try:
                question = build(template, derivation, group, pool, deck, seed)
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
    return sorted(questions, key=lambda q: (q.topic, q.id))


def _has(fact: Fact, name: str) -> bool:
    return fact.get(name) is not None or getattr(fact, name, None) is not None


def question_id(template: Template, group: Group) -> str:
    """Identity from what the question is: its template and facts, never its text."""
    return f"{template.id}:{'+'.join(f.id for f in group)}"


def build(
    template: Template, derivation: Derivation, group: Group, pool: Sequence[Fact], deck: Deck, seed: int
) -> Question | None:
    """One question of the template's form, or None when the facts cannot support that form."""
    qid = question_id(template, group)
    rng = random.Random(f"{seed}:{qid}")
    answer = derivation.compute(group, deck)
    context = _context(group, deck, answer)
    form = template.form
    extra: dict[str, Any] = {}
    shown_answer = answer.text
    if form == "choice":
        wrong = distractors(derivation, group, answer, pool, deck, rng)
        if len(wrong) < DISTRACTORS:
            return None
        options = [answer.text, *(w.text for w in wrong)]
        rng.shuffle(options)
        extra = {"options": tuple(options), "key": (options.index(answer.text),)}
    elif form == "true-false":
        wrong = distractors(derivation, group, answer, pool, deck, rng, count=1)
        truth = not wrong or rng.random() < 0.5
        context["shown"] = answer.text if truth else wrong[0].text
        shown_answer = "True" if truth else "False"
        extra = {"options": ("True", "False"), "key": (0 if truth else 1,)}
    elif form == "numeric":
        if answer.number is None:
            raise TemplateError(f"answer {template.answer!r} has no number for a numeric question")
        extra = {"numeric": Numeric(answer.number, _tolerance(template, answer), answer.unit)}
    elif form == "short":
        first = group[0]
        aliases = tuple(first.get("aliases") or ()) if template.answer == "name" else ()
        extra = {"accept": aliases}
    elif form == "cloze":
        quote = group[0].corrected(group[0].quote)
        at = quote.casefold().find(answer.text.casefold())
        before, after = quote[:at], quote[at + len(answer.text) :]
        context["cloze"] = f"{before}_____{after}"
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
        sources=tuple(_source(f, deck) for f in group),
        attribution=_attribution(group),
        **extra,
    )


def distractors(
    derivation: Derivation,
    group: Group,
    answer: Answer,
    pool: Sequence[Fact],
    deck: Deck,
    rng: random.Random,
    count: int = DISTRACTORS,
) -> list[Answer]:
    """Wrong answers from the fact base: never equal to the answer, never another true answer."""
    candidates: list[tuple[float, Answer]] = []
    seen = {answer.key}
    others = [(f,) for f in pool if f not in group] if len(group) == 1 else []
    for other in others:
        if not derivation.applies(other, deck) or derivation.rivals(group, other):
            continue
        candidates.append((_affinity(group[0], other[0], deck), derivation.compute(other, deck)))
    candidates.extend((0.0, a) for a in derivation.pool(group, deck))
    ranked: list[tuple[float, float, Answer]] = []
    for affinity, cand in candidates:
        if cand.key in seen or cand.unit != answer.unit:
            continue
        if answer.span and cand.span and cand.span[0] < answer.span[1] and answer.span[0] < cand.span[1]:
            continue
        seen.add(cand.key)
        # Ties (same sort, same distance) break by the question's own random draw, so that
        # questions of one kind do not all get the same alphabetically first distractors.
        ranked.append((affinity + _distance(answer, cand), rng.random(), cand))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [a for _, _, a in ranked[:count]]


def _affinity(fact: Fact, other: Fact, deck: Deck) -> float:
    """0 when ``other`` is of the same sort as ``fact`` (same actor kind, same whole), up to 1.

    Shares of another whole still make plausible options when their parts are of the same sort
    as the asked part: countries with countries, goods with goods.
    """
    if fact.kind == "share":
        if fact.get("of") == other.get("of") and fact["whole"] == other["whole"]:
            return 0.0
        actors = {f["name"].casefold() for f in deck.facts if f.kind == "actor"}
        same_sort = (fact["part"].casefold() in actors) == (other["part"].casefold() in actors)
        return 0.5 if same_sort else 1.0
    for field in ("actor_kind", "place_kind", "whole", "unit"):
        if fact.get(field) is not None:
            return 0.0 if fact.get(field) == other.get(field) else 1.0
    return 0.0


def _distance(answer: Answer, cand: Answer) -> float:
    """How far a numeric candidate is from the answer (so options look plausible together)."""
    if answer.number and cand.number and answer.number > 0 and cand.number > 0:
        return abs(math.log(cand.number / answer.number)) / 10
    if answer.span and cand.span:
        return abs(cand.span[0] - answer.span[0]) / 50
    return 0.0


def _tolerance(template: Template, answer: Answer) -> float:
    if template.tolerance:
        text = template.tolerance.strip()
        if text.endswith("%"):
            given = abs(answer.number or 0) * float(text[:-1]) / 100
        else:
            given = float(text)
        # Never stricter than the rounding of the printed answer itself.
        return max(given, 0.5 * 10**-answer.places)
    return 0.5 * 10**-answer.places


def _view(fact: Fact) -> dict[str, Any]:
    """A fact as templates see it: plain values, slips corrected, dates as labels."""
    view: dict[str, Any] = {k: getattr(v, "label", v) for k, v in fact.attrs.items()}
    view.update(id=fact.id, quote=fact.corrected(fact.quote), attribution=fact.attribution, hedge=fact.hedge)
    if fact.kind == "amount":
        view["shown"] = format_amount(
            fact["value"], fact["unit"], fact.get("scale"), fact.get("noun"), fact.get("value_max")
        )
        view["unit_words"] = amount_unit_words(fact["unit"], fact.get("scale"), fact.get("noun"))
    return view


def _context(group: Group, deck: Deck, answer: Answer) -> dict[str, Any]:
    first = group[0]
    attributed = next((f.attribution for f in group if f.attribution), None)
    hedge = next((f.hedge for f in group if f.hedge), None)
    return {
        "fact": _view(first),
        "facts": [_view(f) for f in group],
        "lead": f"According to {attributed}," if attributed else "According to the article,",
        "hedge": f" {HEDGE_NOTES[hedge]}" if hedge else "",
        "when": f" {first['when']}" if first.get("when") else "",
        "whole": whole_of(first, deck),
        "parts": [_view(deck.fact(p)) for p in (first.get("parts") or ())],
        "unit": answer.unit,
        "answer_in": f"as a number of {answer.unit}" if first.get("unit") == "count" else f"in {answer.unit}",
        "article": {
            "title": deck.source.title,
            "author": deck.source.author,
            "year": deck.source.date[:4],
            "published": long_date(deck.source.date),
        },
    }


def _check_attribution(prompt: str, group: Group) -> None:
    """A question must name its facts' attribution and carry their hedge (else the template is wrong)."""
    for fact in group:
        if fact.attribution and fact.attribution.casefold() not in prompt.casefold():
            raise TemplateError(f"the question does not say the fact is according to {fact.attribution}")
        if fact.hedge and HEDGE_NOTES[fact.hedge] not in prompt:
            raise TemplateError(f"the question does not carry the article's hedge {fact.hedge!r}")


def _gives_away(prompt: str, answer: Answer, form: str) -> bool:
    """Whether the question text states its own answer (then it is no question, and is dropped)."""
    if form not in ("choice", "short", "numeric", "cloze"):
        return False
    pattern = r"(?<![\w.,])" + re.escape(answer.text.casefold()) + r"(?![\w])"
    return re.search(pattern, prompt.casefold()) is not None


def _explanation(answer: Answer, group: Group, form: str, shown: str | None, verdict: str) -> str:
    parts = []
    if form == "true-false" and shown is not None:
        parts.append(f"{verdict}: the statement gives {shown}." if verdict == "False" else "True.")
    parts.append(answer.working)
    for fact in group:
        if fact.attribution:
            parts.append(f"The article attributes this to {fact.attribution}.")
        for fix in fact.corrections:
            parts.append(f"The article writes “{fix.verbatim}”; the correct form is “{fix.correct}”.")
    return " ".join(p for p in parts if p)


def _attribution(group: Group) -> str | None:
    notes = [f"according to {f.attribution}" for f in group if f.attribution]
    notes += [f"{f.hedge} (the article’s hedge)" for f in group if f.hedge and not f.attribution]
    return "; ".join(dict.fromkeys(notes)) or None


def citation(deck: Deck, fact: Fact) -> str:
    """How a fact is cited: the article, and its footnote when the sentence has one."""
    s = deck.source
    text = f"{s.author}, “{s.title}”, {s.publisher}, {long_date(s.date)}"
    if fact.footnote:
        text += f"; note [{fact.footnote}]: {s.footnotes[fact.footnote]}"
    return text


def _source(fact: Fact, deck: Deck) -> SourceRef:
    return SourceRef(
        fact.id, fact.corrected(fact.quote), fact.corrected(fact.asked) if fact.asked else None, citation(deck, fact)
    )
