"""The briefing's lead sheet: its first page, which stands alone in a room.

Briefing practice puts the bottom line first and keeps an information paper to a page: the
article's main finding, five to seven key figures each with its source, and the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...derive.amount import amount_text
from ...derive.event import date_of
from ...model import Deck, Fact
from ...units import length_in_mm
from ...wording import capfirst, format_percent, hedged

# The briefing's own selection of figures, so the lead sheet writes each one as the detail does.
# (The package imports this module only inside briefing_record, once it is fully loaded.)
from . import gauges
from .citing import _note_order
from .citing import of_kind as _of_kind

KEY_POINTS = 7
"""Most key points the lead sheet lists (briefing practice: five to seven)."""


def lead(deck: Deck) -> dict[str, Any]:
    """Page one: the bottom line, up to ``KEY_POINTS`` key figures with their sources, the reference.

    The bottom line is the sentence the deck names (``source.bottom_line``), else the sentence of
    the first key point. Key points are taken in turn from each kind of figure (totals split into
    parts, shares, lengths compared, other amounts, the dated events), so no one kind crowds out
    the others, each in the deck's order.
    """
    queues = [_breakdown_points(deck), _share_points(deck), _measure_points(deck), _amount_points(deck)]
    queues.append(_event_points(deck))
    points: list[dict[str, Any]] = []
    while len(points) < KEY_POINTS and any(queues):
        for queue in queues:
            if queue and len(points) < KEY_POINTS:
                points.append(queue.pop(0))
    s = deck.source
    bottom = s.bottom_line or (points[0]["quote"] if points else None)
    return {
        "bottom_line": bottom,
        "bottom_line_is_quote": True,
        "points": [{k: v for k, v in p.items() if k != "facts"} for p in points],
        "reference": s.reference,
        "url": s.url,
    }


def _point(deck: Deck, figure: str, text: str, facts: Sequence[Fact]) -> dict[str, Any]:
    """One key point: the figure in bold, what it measures, and where it comes from."""
    notes = sorted({f.footnote for f in facts if f.footnote}, key=_note_order(deck))
    cited = [{"key": n, "text": deck.source.footnotes.get(n, "")} for n in notes]
    return {"figure": figure, "text": text, "notes": cited, "quote": facts[0].corrected(facts[0].quote), "facts": facts}


def _breakdown_points(deck: Deck) -> list[dict[str, Any]]:
    out = []
    for total in _of_kind(deck, "amount"):
        parts = [deck.fact(p) for p in total.amount.parts or () if p in deck.facts_by_id]
        if not parts:
            continue
        split = "; ".join(f"{p.figure.subject}: {amount_text(p)}" for p in parts)
        when = f" {total.amount.when}" if total.amount.when else ""
        out.append(
            _point(deck, amount_text(total), f"{capfirst(total.amount.subject)}{when} ({split})", [total, *parts])
        )
    return out


def _share_points(deck: Deck) -> list[dict[str, Any]]:
    """Each whole's largest stated share, with the next largest for comparison."""
    groups: dict[str, list[Fact]] = {}
    for f in _of_kind(deck, "share"):
        groups.setdefault(f.share.of or f.share.whole.casefold() + "|" + (f.share.when or ""), []).append(f)
    out = []
    for facts in groups.values():
        ranked = sorted(facts, key=lambda f: (-f.share.value, f.share.part))
        top = ranked[0]
        when = f" {top.share.when}" if top.share.when else ""
        text = capfirst(f"{top.share.part}'s share of {top.share.whole}{when}")
        if len(ranked) > 1:
            runner = ranked[1]
            text += f"; next, {runner.share.part}: {hedged(format_percent(runner.share.value), runner.hedge)}"
        out.append(_point(deck, hedged(format_percent(top.share.value), top.hedge), text, ranked[:2]))
    return out


def _measure_points(deck: Deck) -> list[dict[str, Any]]:
    g = gauges(deck)
    if g is None:
        return []
    measures = sorted(
        (f for f in _of_kind(deck, "measure") if length_in_mm(f.measure.value, f.measure.unit) is not None),
        key=lambda f: (length_in_mm(f.measure.value, f.measure.unit) or 0.0, f.id),
    )
    figures = " and ".join(r["metric"] for r in g["rows"])
    names = " and ".join(f"the {r['name']}" for r in g["rows"])
    text = g["difference"] or f"{capfirst(names)}"
    return [_point(deck, figures, text.rstrip("."), measures)]


def _amount_points(deck: Deck) -> list[dict[str, Any]]:
    """Amounts that neither split into parts nor are a part of one."""
    in_parts = {p for f in _of_kind(deck, "amount") for p in f.amount.parts or ()}
    out = []
    for f in _of_kind(deck, "amount"):
        if f.amount.parts or f.id in in_parts:
            continue
        when = f" {f.amount.when}" if f.amount.when else ""
        out.append(_point(deck, hedged(amount_text(f), f.hedge), f"{capfirst(f.amount.subject)}{when}", [f]))
    return out


def _event_points(deck: Deck) -> list[dict[str, Any]]:
    """The latest dated event (the article's most recent news); undated events have no place here."""
    dated = [f for f in _of_kind(deck, "event") if f.event.date is not None]
    events = sorted(dated, key=lambda f: (date_of(f).start, date_of(f).end, f.id))
    if not events:
        return []
    last = events[-1]
    return [_point(deck, date_of(last).label, capfirst(last.event.what), [last])]
