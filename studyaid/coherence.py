"""Whether two named facts belong together as options of one question: the article's own context.

A wrong option that a reader rules out by region or era teaches nothing: Mongolia among Egypt,
Libya and South Africa for a Tumen River project, a general of the 1920s among today's leaders,
Windhoek among towns of the Russian Far East. The deck says which things belong together without
any knowledge of the world: the article's sentences (the facts' quotes) that mention them
together, the footnotes they share, and the years those sentences and their events name. Each
named fact gets a context vector (what it is mentioned with, weighted so that the article's hub,
mentioned everywhere, counts little) and an era (the years of its sentences); two facts cohere
when their vectors are close and their eras meet.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .dates import FuzzyDate
from .derive.base import per_deck
from .model import Deck, Fact
from .phrasing import name_tokens, stem, words

ERA_GAP = 25
"""Years between two facts' eras beyond which one is ruled out beside the other by era alone."""
MIN_COHERENCE = 0.05
"""Context similarity below which a wrong option belongs to another part of the article."""
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(s?)\b")


@dataclass(frozen=True)
class Context:
    """Each fact's context vector (unit length) and era, by fact id."""

    vectors: Mapping[str, Mapping[str, float]]
    years: Mapping[str, tuple[int, ...]]
    parts: bool
    """Whether the article is long enough to have parts (a short one is a single context)."""
    hubs: frozenset[str] = frozenset()
    """The article's hub: what is mentioned in so many sentences that it belongs to every part."""
    gap: float = ERA_GAP
    """Years apart beyond which two things belong to different eras of this article: at least
    ``ERA_GAP``, a third of the years its events span (an article on three centuries has longer eras)."""


def _names(fact: Fact) -> list[str]:
    if fact.get("name") is None:
        return []
    return [str(fact["name"]), *(str(a) for a in fact.get("aliases") or ())]


def _years(text: str) -> set[int]:
    found: set[int] = set()
    for year, decade in _YEAR.findall(text):
        found.update((int(year), int(year) + 9) if decade else (int(year),))
    return found


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@per_deck
def context(deck: Deck) -> Context:
    """Every fact's context, from the deck's sentences (computed once per deck)."""
    sentences: list[list[str]] = []
    at: dict[str, int] = {}
    own: dict[str, set[int]] = defaultdict(set)
    for f in deck.facts:
        # The fact's quote and the deck's words for it (a role, a description) are its sentences.
        for text in (f.quote, *(str(f[n]) for n in _OWN_TEXT if f.get(n))):
            if _key(text) not in at:
                at[_key(text)] = len(sentences)
                sentences.append([stem(w) for w in words(text)])
            own[f.id].add(at[_key(text)])
    folded = [f" {' '.join(s)} " for s in sentences]
    postings: dict[str, set[int]] = defaultdict(set)
    for i, s in enumerate(sentences):
        for w in s:
            postings[w].add(i)
    # Which sentences mention each named fact, by the words of its name or an alias standing
    # together (a person also by the surname), through the words' postings so that a large
    # deck stays linear.
    mentioned: dict[str, set[int]] = {f.id: set(own[f.id]) for f in deck.facts}
    for f in deck.facts:
        for phrase in _phrases(f):
            for i in postings.get(phrase[0], ()):
                if f" {' '.join(phrase)} " in folded[i]:
                    mentioned[f.id].add(i)
    entities = {f.id for f in deck.facts if _names(f)}
    in_sentence: dict[int, set[str]] = defaultdict(set)
    for fid in entities:
        for i in mentioned[fid]:
            in_sentence[i].add(fid)
    for f in deck.facts:
        if f.footnote:
            in_sentence[at[_key(f.quote)]].add(f"note:{f.source}:{f.footnote}")
    df = Counter(e for i in in_sentence for e in in_sentence[i])
    total = len(sentences) + 1
    # The article's hub (North Korea in an article on North Korea) is mentioned everywhere and
    # tells no part of the article from another.
    hubs = {e for e, n in df.items() if n > _HUB * total and n > 2}
    sentence_years = [_years(" ".join(s)) for s in sentences]
    for f in deck.facts:
        published = deck.source_of(f).year
        for i in own[f.id]:
            # What the article says holds "now" or "today" holds in the year it was published.
            if published and _NOW & set(sentences[i]):
                sentence_years[i].add(int(published))
    event_years: dict[str, set[int]] = defaultdict(set)
    for f in deck.facts:
        date = f.get("date") if f.kind == "event" else None
        if date is not None and getattr(date, "year", None) is not None:
            # An event's date belongs to its sentence ("last week" is a year too).
            sentence_years[at[_key(f.quote)]].add(int(date.year))
            event_years[f.id].add(int(date.year))
            for actor in f.get("actors") or ():
                event_years[str(actor)].add(int(date.year))
        if f.get("when"):
            event_years[f.id].update(_years(str(f["when"])))
    first: dict[str, dict[str, float]] = {}
    years: dict[str, tuple[int, ...]] = {}
    for f in deck.facts:
        weights: dict[str, float] = defaultdict(float)
        era: set[int] = set(event_years.get(f.id, ()))
        for i in mentioned[f.id]:
            era |= sentence_years[i]
            for e in sorted(in_sentence[i] - hubs):  # sorted: float sums in one order, whatever the hash seed
                weights[e] += math.log(total / df[e])
        first[f.id] = _unit(weights)
        years[f.id] = tuple(sorted(era))
    # A fact no year is said of lives in the era of the thing of its own sort it is most
    # mentioned with (Putin beside Kim Jong-un, Wilson beside Graves).
    by_id = deck.facts_by_id
    for f in deck.facts:
        if years[f.id] or not _names(f):
            continue
        peers = [
            (weight, e)
            for e, weight in first[f.id].items()
            if e != f.id and e in by_id and years.get(e) and _sort(by_id[e]) == _sort(f)
        ]
        if peers:
            years[f.id] = years[max(peers)[1]]
    # One step further: what a fact is mentioned with is mentioned with other things too (Wilson
    # and Billy Mitchell are never in one sentence, but both are with Graves).
    vectors: dict[str, Mapping[str, float]] = {}
    for fid, vector in first.items():
        spread: dict[str, float] = defaultdict(float, vector)
        for e, weight in sorted(vector.items()):
            if e != fid and e in first:
                for e2, weight2 in sorted(first[e].items()):
                    spread[e2] += _SPREAD * weight * weight2
        vectors[fid] = _unit(spread)
    dates = [f["date"] for f in deck.facts if f.kind == "event" and isinstance(f.get("date"), FuzzyDate)]
    span = max(d.end for d in dates) - min(d.start for d in dates) if dates else 0.0
    return Context(vectors, years, len(sentences) > _ONE_CONTEXT, frozenset(hubs), max(float(ERA_GAP), span / 3))


_NOW = frozenset(["now", "today", "currently", "nowadays"])
_OWN_TEXT = ("role", "description", "what", "subject", "definition")
_SPREAD = 0.5
_ONE_CONTEXT = 40
"""Sentences up to which an article is read as one context: every option belongs to it."""
_HUB = 0.1
"""An entity mentioned in more than this share of the sentences is the article's hub."""


def _sort(fact: Fact) -> tuple[str, str]:
    return fact.kind, str(fact.get("actor_kind") or fact.get("place_kind") or "")


def _unit(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(math.fsum(x * x for x in weights.values())) or 1.0
    return {e: x / norm for e, x in weights.items()}


def _phrases(fact: Fact) -> list[tuple[str, ...]]:
    """The word sequences that name a fact in a sentence: its name and aliases without a leading
    article, and a person's surname."""
    found: list[tuple[str, ...]] = []
    for name in _names(fact):
        stems = [stem(w) for w in words(name)]
        if stems and stems[0] == "the":
            stems = stems[1:]
        if stems:
            found.append(tuple(stems))
        if fact.get("actor_kind") == "person":
            tokens = [t for t in name_tokens(name) if t[:1].isupper()]
            if len(tokens) > 1 and len(tokens[-1]) >= 4:
                found.append((stem(tokens[-1]),))
    return found


def era_limit(deck: Deck) -> float:
    """Years apart beyond which two things of this article belong to different eras."""
    return context(deck).gap


def is_hub(deck: Deck, fact: Fact) -> bool:
    """Whether the fact is the article's hub (North Korea in an article on North Korea): what the
    article says of it, other things of its sort may be in the world too, and it stands behind
    most prompts ("Pyongyang", "the DPRK"), so it is no wrong option and gets none."""
    return fact.id in context(deck).hubs


def coherence(deck: Deck, a: Fact, b: Fact) -> float:
    """How close two facts' contexts are, from 0 (nothing in common but the article's hub) to 1."""
    va, vb = context(deck).vectors.get(a.id, {}), context(deck).vectors.get(b.id, {})
    if len(va) > len(vb):
        va, vb = vb, va
    return math.fsum(w * vb.get(e, 0.0) for e, w in va.items())


def era_years(deck: Deck, fact: Fact) -> tuple[int, ...]:
    """The years of a fact's era (its sentences' and events' years), sorted; empty when none."""
    return tuple(context(deck).years.get(fact.id, ()))


def era_gap(deck: Deck, a: Fact, b: Fact) -> int | None:
    """Years between two facts' eras (0 when they meet), None when either has no year."""
    ya, yb = context(deck).years.get(a.id, ()), context(deck).years.get(b.id, ())
    if not ya or not yb:
        return None
    if ya[0] <= yb[-1] and yb[0] <= ya[-1]:
        # Interleaved eras: the nearest pair of years.
        return min(abs(x - y) for x in ya for y in yb)
    return min(abs(ya[0] - yb[-1]), abs(yb[0] - ya[-1]))


def coheres(deck: Deck, a: Fact, b: Fact) -> bool:
    """Whether ``b`` may stand beside ``a`` as a wrong option: eras that meet, a shared context."""
    gap = era_gap(deck, a, b)
    if gap is not None and gap > era_limit(deck):
        return False
    return not context(deck).parts or coherence(deck, a, b) >= MIN_COHERENCE


def incoherent_set(items: tuple[Fact, ...], deck: Deck) -> str | None:
    """Why items cannot be matched fairly together, or None: one from another part or era of the
    article (the US President beside Egypt's leaders is matched by world knowledge alone), or the
    article's hub."""
    for i, a in enumerate(items):
        if is_hub(deck, a):
            return f"{a.id} is the article's hub"
        for b in items[i + 1 :]:
            if not coheres(deck, a, b):
                return f"{a.id} and {b.id} belong to different parts of the article"
    return None
