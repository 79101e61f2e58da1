"""Pure question generation: (deck, templates, seed) -> questions. No files, no printing.

Randomness (distractor choice, option order, true or false) comes from a ``random.Random``
seeded by the seed and the question's id, so adding a fact never reshuffles other questions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from .alsotrue import also_true
from .dates import DateFormatError, parse_date
from .derive import Answer, Derivation, Group, lookup
from .distractors import DISTRACTORS, CandidateIndex, pick_distractors
from .errors import InputError, Problem, TemplateError
from .index import by_kind
from .model import Deck, Fact, Numeric, Question, Source, Template
from .namedevent import is_named_event
from .phrasing import (
    balanced,
    cloze_echo,
    mentions_any_form,
    restated,
    states,
)
from .render import render
from .sorts import described, exclusive, name_echo, names_of, proper_name, tied_giveaway
from .sourcing import cloze_split, source_ref, stands_alone, terms_of
from .standalone import is_caption_fact
from .template_view import article_record, template_context
from .wording import CLOZE_BLANK, capfirst, hedge_of


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
            if template.kind == "event" and any(is_caption_fact(f) for f in group):
                # A picture's caption ("Graves … and staff, Vladivostok, November 23, 1919") tells
                # no event the article narrates: its date is no question, alone or in a gap.
                continue
            if all(is_named_event(f) for f in group):
                # Common knowledge dates "the Six-Day War": its year, a cloze of it, its years
                # since, or a gap or an order of named events only, tests nothing of the article.
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


def hedge_note(word: str) -> str:
    """The words a question must contain to carry a hedge."""
    return hedge_of(word).note


def _article_has(source: Source, template: Template) -> bool:
    """Whether the fact's article states every field the template prints (an author, a date)."""
    record = article_record(source)
    return all(record.get(name) is not None for name in template.article_fields)


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
    context = template_context(group, deck, answer, uses_whole=template.answer == "share_amount")
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
            or tied_giveaway(group[0], before + " " + after, deck)
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
    if template.answer == "name" and (
        name_echo(group[0])
        or not exclusive(described(group[0]))
        or (group[0].kind in ("actor", "place") and not proper_name(str(group[0]["name"])))
    ):
        # A name from a description that spells it, or one that fits a whole class ("the state
        # added to the list of state sponsors of terrorism"), has no single answer to ask for.
        return None
    prompt = render(template.prompt, context)
    if template.answer == "name" and tied_giveaway(group[0], prompt, deck):
        # "The Russian leader who …" in 2019, "the waterway whose closing by Egypt …": the name a
        # prompt says gives the answer away to any reader.
        return None
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
    # Five shares from one sentence attributed to one source say so once.
    return " ".join(capfirst(p) for p in dict.fromkeys(parts) if p)


def _attribution(group: Group) -> str | None:
    notes = [f"according to {f.attribution}" for f in group if f.attribution]
    notes += [f"according to {f['quoted_from']}, quoted in the article" for f in group if f.get("quoted_from")]
    notes += [f"{h} (the article’s hedge)" for f in group if not f.attribution for h in f.hedges]
    return "; ".join(dict.fromkeys(notes)) or None
