"""Which questions a printed quiz asks: never two that share a fact or where one gives away
another's answer, spread evenly over topics and forms, chosen with a seed; and the spare
descriptions a matching question adds, chosen by the same rule. Pure, no I/O."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence

from .errors import InputError, Problem
from .model import FORMS, Deck, Fact, Question
from .wording import OPTION_LETTERS

WORD = re.compile(r"\w+")
"""A word, as the conflict check's word boundaries (``\\w``) see it."""
ATTEMPTS = 48
"""Seeded greedy selections tried before concluding that ``count`` questions cannot be had."""
CANDIDATES = 1500
"""Most questions the selection weighs against each other. Conflicts are pairwise, so a larger
pool (a 100,000-fact deck has half a million questions) is first sampled, evenly over its
topics and forms, with the seed: selection then costs the same for any deck size."""


def footprint(deck: Deck, question: Question) -> frozenset[str]:
    """The facts a question rests on, with the facts they link to (a share's whole, an amount's
    parts, an event's actors): a question about one of these could reveal the other's answer."""
    facts = deck.facts_by_id
    ids = set(question.fact_ids)
    for fid in question.fact_ids:
        fact = facts.get(fid)
        if fact is None:
            continue
        for name in ("of", "parts", "actors"):
            linked = fact.get(name)
            if isinstance(linked, str):
                ids.add(linked)
            elif linked:
                ids.update(linked)
    return frozenset(ids)


def shown_answers(question: Question) -> tuple[str, ...]:
    """Answers a student writes or circles that could appear, word for word, in another question."""
    q = question
    if q.form == "choice" and q.options and q.key:
        return (q.options[q.key[0]],)
    if q.form in ("numeric", "short", "cloze"):
        return (q.answer, *q.accept)
    return ()


def visible_text(question: Question) -> str:
    """What a student reads of a question other than its options: the prompt and the items."""
    return " ".join((question.prompt, *(question.items or ())))


def conflicts(deck: Deck, pool: Sequence[Question]) -> list[int]:
    """For each question, a bit set of the others it cannot share a quiz with.

    Two questions conflict when their footprints share a fact, when either is a cloze over a
    sentence the other's facts come from, or when one's answer appears in the other's text.
    """
    n = len(pool)
    marks = [0] * n
    by_fact: dict[str, int] = {}
    by_quote: dict[str, int] = {}
    prints = [footprint(deck, q) for q in pool]
    for i, q in enumerate(pool):
        for fid in prints[i]:
            by_fact[fid] = by_fact.get(fid, 0) | 1 << i
        for source in q.sources:
            by_quote[source.quote] = by_quote.get(source.quote, 0) | 1 << i
    for i, q in enumerate(pool):
        for fid in prints[i]:
            marks[i] |= by_fact[fid]
        if q.form == "cloze":
            for source in q.sources:
                marks[i] |= by_quote[source.quote]
    for i, q in enumerate(pool):
        if q.form == "cloze":
            for j in _bits(marks[i]):
                marks[j] |= 1 << i
    texts = [visible_text(q).casefold() for q in pool]
    # Which texts hold each word: an answer found as a whole (word-bounded) in a text has every
    # one of its words there as a whole word, so only texts holding all of them are searched.
    holding: dict[str, int] = {}
    for j, text in enumerate(texts):
        for word in set(WORD.findall(text)):
            holding[word] = holding.get(word, 0) | 1 << j
    everyone = (1 << n) - 1
    for i, q in enumerate(pool):
        for answer in {a.casefold() for a in shown_answers(q) if a.strip()}:
            pattern: re.Pattern[str] | None = None
            maybe = everyone
            for word in set(WORD.findall(answer)):
                maybe &= holding.get(word, 0)
            for j in _bits(maybe):
                text = texts[j]
                if j == i or answer not in text:
                    continue
                pattern = pattern or re.compile(r"(?<!\w)" + re.escape(answer) + r"(?!\w)")
                if pattern.search(text):
                    marks[i] |= 1 << j
                    marks[j] |= 1 << i
    return [m & ~(1 << i) for i, m in enumerate(marks)]


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, lowest first (via its binary digits: a
    bit-by-bit loop over a thousand-question mask is quadratic)."""
    digits = bin(mask)[:1:-1]
    return [i for i, d in enumerate(digits) if d == "1"]


def select(
    deck: Deck, pool: Sequence[Question], count: int, seed: int, forced: tuple[str, ...] = ()
) -> tuple[list[Question], int]:
    """``count`` questions, pairwise free of conflicts, spread evenly over topics then forms,
    starting from the ``forced`` question ids.

    Returns the selection and the most questions any attempt could place (``count`` when it
    succeeded). Every attempt is a greedy pass with seeded tie-breaks, alternating two orders
    (balance of forms first; fewest blocked questions first); the best-spread full selection wins.
    Raises InputError when two forced questions cannot share a quiz.
    """
    sampled = candidates(pool, seed)
    if forced:
        have = {q.id for q in sampled}
        sampled = [q for q in pool if q.id in have or q.id in forced]
    pool = sampled
    marks = conflicts(deck, pool)
    start = [i for i, q in enumerate(pool) if q.id in forced]
    clashes = [(pool[i].id, pool[j].id) for i in start for j in start if i < j and marks[i] >> j & 1]
    if clashes:
        raise InputError(
            [
                Problem(deck.path, 0, "--include", f"{a!r} and {b!r} share a fact or give each other away")
                for a, b in clashes
            ]
        )
    masks = (_masks(pool, "topic"), _masks(pool, "form"))
    best: tuple[tuple[int, ...], list[int]] | None = None
    most = 0
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{seed}:select:{attempt}")
        chosen = _greedy(
            pool, marks, count, rng, deck.topic_ids, balance_first=attempt % 2 == 0, start=start, masks=masks
        )
        most = max(most, len(chosen))
        score = (min(len(chosen), count), -_spread(pool, chosen, "topic"), -_spread(pool, chosen, "form"))
        if best is None or score > best[0]:
            best = (score, chosen)
    assert best is not None
    return [pool[i] for i in best[1][:count]], most


def candidates(pool: Sequence[Question], seed: int) -> list[Question]:
    """At most CANDIDATES questions of the pool, taken in turn from each (topic, form), in pool order."""
    if len(pool) <= CANDIDATES:
        return list(pool)
    rng = random.Random(f"{seed}:candidates")
    groups: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(pool):
        groups.setdefault((q.topic, q.form), []).append(i)
    queues = []
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        queues.append(members)
    taken: list[int] = []
    while len(taken) < CANDIDATES:
        for queue in queues:
            if queue and len(taken) < CANDIDATES:
                taken.append(queue.pop())
    return [pool[i] for i in sorted(taken)]


def _spread(pool: Sequence[Question], chosen: list[int], attribute: str) -> int:
    """How unevenly the chosen questions fall over the topics (or forms) the pool offers."""
    offered = {getattr(q, attribute) for q in pool}
    counts = Counter(getattr(pool[i], attribute) for i in chosen)
    return max(counts[v] for v in offered) - min(counts[v] for v in offered)


def _masks(pool: Sequence[Question], attribute: str) -> dict[str, int]:
    """For each topic (or form), the bit set of the pool's questions that have it."""
    out: dict[str, int] = {}
    for i, q in enumerate(pool):
        value = getattr(q, attribute)
        out[value] = out.get(value, 0) | 1 << i
    return out


def _greedy(
    pool: Sequence[Question],
    marks: list[int],
    count: int,
    rng: random.Random,
    topic_ids: Sequence[str],
    balance_first: bool,
    start: Sequence[int] = (),
    masks: tuple[dict[str, int], dict[str, int]] | None = None,
) -> list[int]:
    topic_rank = {t: rng.random() for t in topic_ids}
    form_rank = {f: rng.random() for f in FORMS}
    noise = [rng.random() for _ in pool]
    by_topic, by_form = masks or (_masks(pool, "topic"), _masks(pool, "form"))
    available = (1 << len(pool)) - 1
    topics: Counter[str] = Counter(pool[i].topic for i in start)
    forms: Counter[str] = Counter(pool[i].form for i in start)
    chosen: list[int] = list(start)
    for i in start:
        available &= ~marks[i] & ~(1 << i)
    # Bit sets per topic and form instead of scanning every open question each round: the same
    # choices, without a pass over a thousand questions per pick.
    while len(chosen) < count and available:
        open_topics = [t for t, m in by_topic.items() if m & available]
        topic = min(open_topics, key=lambda t: (topics[t], topic_rank[t]))
        in_topic = available & by_topic[topic]

        def blocked(i: int, available: int = available) -> int:
            return (marks[i] & available).bit_count()

        if balance_first:
            form = min((f for f, m in by_form.items() if m & in_topic), key=lambda f: (forms[f], form_rank[f]))
            pick = min(_bits(in_topic & by_form[form]), key=lambda i: (blocked(i), noise[i]))
        else:
            pick = min(_bits(in_topic), key=lambda i: (blocked(i), forms[pool[i].form], noise[i]))
        chosen.append(pick)
        topics[topic] += 1
        forms[pool[pick].form] += 1
        available &= ~marks[pick] & ~(1 << pick)
    return chosen


def spare_descriptions(deck: Deck, selected: Sequence[Question], n: int, seed: int) -> dict[str, tuple[str, ...]]:
    """Up to ``n`` descriptions for each matching question that match none of its names.

    They are the same field (a role, a description) of other facts of the same kind that no
    selected question rests on (so they give nothing away), worded unlike every description the
    question already shows and naming none of its items; chosen with the seed, in id order.
    """
    if n <= 0:
        return {}
    used = set().union(*(footprint(deck, q) for q in selected)) if selected else set()
    out: dict[str, tuple[str, ...]] = {}
    for q in selected:
        if q.form != "matching" or not q.items or not q.options:
            continue
        facts = [deck.facts_by_id[fid] for fid in q.fact_ids if fid in deck.facts_by_id]
        if len(facts) != len(q.items) or len(q.key) != len(facts):
            continue
        described = _described_field(facts, q)
        if described is None:
            continue
        kind = facts[0].kind
        shown = {_fold(o) for o in q.options}
        names = {_fold(i) for i in q.items}
        pool: dict[str, str] = {}
        for f in deck.facts:
            value = f.get(described)
            if f.kind != kind or f.id in used or not isinstance(value, str) or not value.strip():
                continue
            if _fold(value) in shown or _fold(f.get("name") or "") in names:
                continue
            pool.setdefault(_fold(value), value)
        room = len(OPTION_LETTERS) - len(q.options)
        take = min(n, room, len(pool))
        if take:
            rng = random.Random(f"{seed}:extras:{q.id}")
            out[q.id] = tuple(rng.sample(sorted(pool.values()), take))
    return out


def _described_field(facts: Sequence[Fact], q: Question) -> str | None:
    """The fact field the matching question's right column shows (``role`` for actors)."""
    for name in sorted(dict(facts[0].fields.items())):
        if q.options and all(f.get(name) == q.options[q.key[i]] for i, f in enumerate(facts)):
            return name
    return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
