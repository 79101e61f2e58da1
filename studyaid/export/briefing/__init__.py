"""The classroom briefing handout: the article's reference, its key figures drawn and tabled, a
timeline, and glossaries of actors, places and terms, every figure with its citation.

``briefing_record`` gathers and computes everything shown (shares grouped by whole, breakdowns of
totals, every stated figure, gauges in mm and feet-and-inches, the timeline's broken axis, the
headings from the deck's topics) as JSON data; ``briefing.typ`` only draws it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...atomic import safe_output_name, write_atomic
from ...cleantext import find_spans
from ...derive import amount, measure, share
from ...derive.amount import amount_text
from ...kinds import FIGURE_KINDS
from ...model import Deck, Fact, Question
from ...units import convert, length_in_mm
from ...wording import capfirst, hedged
from .. import PAPERS, ExportOptions
from ..typst_pdf import deck_timestamp, render_pdf
from .citing import cited_notes
from .citing import note as _note
from .citing import of_kind as _of_kind
from .events import short_label, timeline

"""Paper sizes offered, and Typst's name for each."""
# Tags on: the briefing is short, often read on screen, and accessibility tagging costs little here.
PDF_TAGS = True
EXCERPT_WORDS = 20
"""Longest quote the actors glossary prints whole; longer ones are cut around the actor's name."""


def export_briefing(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-briefing.pdf`` into ``out_dir`` on the options' paper (``a4`` or
    ``letter``); ExportError if Typst fails or warns.

    ``questions`` is part of the exporter protocol; the handout is drawn from the facts.
    """
    record = briefing_record(deck) | {"paper": PAPERS[options.layout.paper]}
    stamp = deck_timestamp(deck) if options.timestamp is None else options.timestamp
    pdf, _ = render_pdf("briefing.typ", record, timestamp=stamp, pdf_tags=PDF_TAGS)
    return [write_atomic(safe_output_name(options.out_dir, f"{deck.slug}-briefing.pdf"), pdf)]


def briefing_record(deck: Deck) -> dict[str, Any]:
    """Everything the handout shows, as plain JSON data."""
    from .lead import lead  # lead.py uses this module's figure formatting

    s = deck.source
    return {
        "article": s.record(),
        "paper": PAPERS["a4"],
        "lead": lead(deck),
        "citation": s.reference,
        "notes": cited_notes(deck),
        "shares": share_charts(deck),
        "breakdowns": breakdowns(deck),
        "gauges": gauges(deck),
        "timeline": timeline(deck),
        "actors": actors(deck),
        "headings": headings(deck),
        "figures": key_figures(deck),
        "places": places(deck),
        "statements": statements(deck),
        "terms": terms(deck),
        "relations": relations(deck),
        "undated": undated(deck),
    }


def headings(deck: Deck) -> dict[str, str]:
    """Section headings from the deck's own topics: each section is headed by the titles of the
    topics its facts are filed under, so nothing names trade unless the deck does."""

    def titled(kinds: tuple[str, ...], default: str) -> str:
        used = {f.topic for f in deck.facts if f.kind in kinds}
        titles = [t.title for t in deck.topics if t.id in used]
        return " · ".join(titles) if titles else default

    return {
        "shares": titled(("share",), "Shares"),
        "gauges": titled(("measure",), "Measurements"),
        "timeline": "Timeline",
        "actors": titled(("actor",), "Actors"),
        "figures": "Key figures",
        "places": titled(("place",), "Places"),
        "statements": "Who said what",
        "terms": titled(("thing",), "Terms"),
    }


def key_figures(deck: Deck) -> list[dict[str, Any]]:
    """Every amount, quantity and duration as the article states it (hedges, ranges and time
    included), grouped under the deck's topics in their order."""
    groups = []
    for topic in deck.topics:
        rows = []
        for f in sorted(
            (f for f in deck.facts if f.kind in FIGURE_KINDS and f.topic == topic.id), key=lambda f: f.line
        ):
            rows.append(
                {
                    "what": capfirst(f.figure.subject),
                    "figure": hedged(amount_text(f), f.hedges),
                    "when": f.figure.when,
                    "stage": None if f.stage == "happened" else f.stage,
                    "attribution": f.attribution,
                    "note": f.footnote,
                    "fact": f.id,
                }
            )
        if rows:
            groups.append({"topic": topic.title, "rows": rows})
    return groups


def places(deck: Deck) -> list[dict[str, Any]]:
    """The places glossary: name, kind and description, by name."""
    rows = [
        {"name": f.place.name, "kind": f.place.place_kind, "description": f.place.description, "note": f.footnote}
        for f in _of_kind(deck, "place")
    ]
    return sorted(rows, key=lambda r: re.sub(r"^(the|a|an)\s+", "", r["name"].casefold()))


def statements(deck: Deck) -> list[dict[str, Any]]:
    """What was said, by whom and when, in the article's words."""
    rows = []
    for f in _of_kind(deck, "statement"):
        date = f.statement.date
        rows.append(
            {
                "speaker": f.statement.speaker,
                "said": f.corrected(f.statement.said),
                "about": f.statement.about,
                "date": date.label if date is not None else None,
                "hedges": list(f.hedges),
                "note": f.footnote,
            }
        )
    return rows


def terms(deck: Deck) -> list[dict[str, Any]]:
    """Named things (projects, programmes, treaties, terms) with their definitions, by name."""
    rows = [
        {"name": f.thing.name, "kind": f.thing.thing_kind, "definition": f.thing.definition}
        for f in _of_kind(deck, "thing")
    ]
    return sorted(rows, key=lambda r: re.sub(r"^(the|a|an)\s+", "", r["name"].casefold()))


def relations(deck: Deck) -> list[dict[str, Any]]:
    """Routes, memberships and ownerships, each as one sentence in the tense of its stage."""
    from ...tense import tense

    rows = []
    for f in _of_kind(deck, "relation"):
        words = tense(f.stage)
        if f.relation.relation == "route":
            via = f" via {', '.join(f.relation.via)}" if f.relation.via else ""
            text = f"{capfirst(f.relation.subject)} {words['links']} {f.relation.from_} with {f.relation.to}{via}"
        elif f.relation.relation == "membership":
            text = f"{capfirst(f.relation.subject)} {words['is']} a member of {f.relation.object}"
        else:
            text = f"{capfirst(f.relation.subject)} {words['owns']} {f.relation.object}"
        rows.append({"relation": f.relation.relation, "text": hedged(text, f.hedges) + ".", "note": f.footnote})
    return rows


def undated(deck: Deck) -> list[dict[str, Any]]:
    """Events the article gives no date for: listed, never placed on the timeline."""
    return [{"what": capfirst(f.event.what), "stage": f.stage} for f in _of_kind(deck, "event") if f.event.date is None]


# ---------------------------------------------------------------- shares


def share_charts(deck: Deck) -> list[dict[str, Any]]:
    """Share facts grouped by the whole they divide (the linked amount, or the whole's name),
    each group one bar chart; the groups of a breakdown's parts are drawn with the breakdown."""
    in_breakdown = {p for f in _of_kind(deck, "amount") for p in f.amount.parts or ()}
    groups: dict[str, list[Fact]] = {}
    for f in _of_kind(deck, "share"):
        groups.setdefault(f.share.of or f.share.whole.casefold(), []).append(f)
    return [_share_chart(deck, fs) for fs in groups.values() if fs[0].share.of not in in_breakdown]


def _share_chart(deck: Deck, facts: list[Fact]) -> dict[str, Any]:
    """One whole's shares as bars on a 0-100% scale; when all are of one time, the rest is
    drawn too (unless a share is hedged, when the rest is not known)."""
    whens = sorted({f.share.when or "" for f in facts})
    facts = sorted(facts, key=lambda f: (whens.index(f.share.when or ""), -f.share.value, f.share.part))
    of = deck.fact(facts[0].share.of) if facts[0].share.of else None
    bars = []
    for f in facts:
        label = hedged(share.share_text(f), f.hedges)
        if of is not None and share.of_single_amount((f,), deck):
            worth = share.share_amount((f,), deck)
            label += f" ≈ {worth.hedged or worth.text}"
        # Parts that each hold the share get a bar each: three bars of 33.3%, and no rest.
        for part in f.share.parts or (f.share.part,):
            name = part if len(whens) == 1 else f"{part}, {f.share.when or 'undated'}"
            bars.append({"label": name, "value": f.share.value, "text": label, "kind": "stated", "fact": f.id})
    group = tuple(sorted(facts, key=lambda f: f.id))
    if len(whens) == 1 and len(bars) > 1 and share.leaves_a_remainder(group, deck):
        rest = share.share_remainder(group, deck)
        bars.append(
            {
                "label": "All others",
                "value": rest.number,
                "text": rest.text,
                "kind": "rest",
                "fact": None,
            }
        )
    first = facts[0]
    title = capfirst(first.share.whole) + (f" {whens[0]}" if len(whens) == 1 and whens[0] else "")
    if of is not None:
        title += f" (total {amount_text(of)})"
    return {"title": title, "bars": bars, "citation": _note(deck, facts + ([of] if of else []))}


def breakdowns(deck: Deck) -> list[dict[str, Any]]:
    """Each amount that the deck says is made of parts: the total, each part with its share of
    the total, and each part's own composition (the shares linked to it)."""
    out = []
    shares = _of_kind(deck, "share")
    for total in _of_kind(deck, "amount"):
        parts = [deck.fact(p) for p in total.amount.parts or ()]
        if not parts or total.amount.value_max is not None:
            continue
        rows = []
        for part in parts:
            share = amount.share_of_total(part, total)
            linked = [f for f in shares if f.share.of == part.id]
            rows.append(
                {
                    "label": part.figure.subject,
                    "amount": amount_text(part),
                    "share": share.number,
                    "text": f"{amount_text(part)} ({share.text} of the total)",
                    "composition": _share_chart(deck, linked) if linked else None,
                }
            )
        sum_text = " + ".join(amount_text(p) for p in parts)
        when = f" {total.amount.when}" if total.amount.when else ""
        out.append(
            {
                "title": capfirst(total.amount.subject) + when,
                "total": amount_text(total),
                "equation": f"{amount_text(total)} = {sum_text}",
                "attribution": total.attribution,
                "parts": rows,
                "citation": _note(deck, [total, *parts, *(f for f in shares if f.share.of in {p.id for p in parts})]),
            }
        )
    return out


# ---------------------------------------------------------------- gauges


def gauges(deck: Deck) -> dict[str, Any] | None:
    """Length measures (the rail gauges) in their unit and in feet and inches, widest last."""
    measures = [f for f in _of_kind(deck, "measure") if length_in_mm(f.measure.value, f.measure.unit) is not None]
    if not measures:
        return None
    measures.sort(key=lambda f: (convert(f.measure.value, f.measure.unit, "mm"), f.id))
    rows = [
        {
            "name": f.measure.name,
            "subject": f.measure.subject,
            "mm": convert(f.measure.value, f.measure.unit, "mm"),
            "metric": measure.measure_value((f,), deck).text,
            "imperial": measure.measure_imperial((f,), deck).text,
            "inches": measure.IN_INCHES.compute((f,), deck).text,
        }
        for f in measures
    ]
    narrowest, widest = measures[0], measures[-1]
    difference = None
    low, high = narrowest.measure, widest.measure
    if len(measures) > 1 and low.unit == high.unit and high.value > low.value:
        pair = (narrowest, widest)
        difference = (
            f"The {high.name} is {measure.measure_difference(pair, deck).text} "
            f"({measure.measure_difference_inches(pair, deck).text}) wider than the {low.name}."
        )
    return {"rows": rows, "difference": difference, "citation": _note(deck, measures)}


# ---------------------------------------------------------------- actors


def actors(deck: Deck) -> list[dict[str, Any]]:
    """The actors glossary: name, kind, role and the article's sentence, by name."""
    rows = [
        {
            "name": f.actor.name,
            "kind": f.actor.actor_kind,
            "role": f.actor.role,
            "quote": excerpt(f.corrected(f.quote), [f.actor.name, *(f.actor.aliases or ())]),
            "aliases": list(f.actor.aliases or ()),
            "note": f.footnote,
        }
        for f in _of_kind(deck, "actor")
    ]
    return sorted(rows, key=lambda r: re.sub(r"^(the|a|an)\s+", "", r["name"].casefold()))


def excerpt(quote: str, names: Sequence[str], words: int = EXCERPT_WORDS) -> str:
    """The part of ``quote`` around the first of ``names`` it contains, at most ``words`` words,
    with an ellipsis where words were left out; the whole quote when it is short enough."""
    tokens = quote.split()
    if len(tokens) <= words:
        return quote
    hits = [found[0] for found in (find_spans(quote, n) for n in names if n) if found]
    at = len(quote[: min(hits)].split()) if hits else 0
    first = max(0, min(at - words // 3, len(tokens) - words))
    last = first + words
    return ("…" if first else "") + " ".join(tokens[first:last]) + ("…" if last < len(tokens) else "")


__all__ = ["briefing_record", "export_briefing", "short_label"]
