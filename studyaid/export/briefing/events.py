"""The briefing's timeline as data: dated events numbered in date order, placed on the broken axis
that ``timeline`` lays out, with a detail axis for a crowded stretch."""

from __future__ import annotations

import re
from typing import Any

from ...derive.event import date_of
from ...model import Deck, Fact
from ...wording import capfirst
from .citing import note as _note
from .citing import of_kind as _of_kind
from .timeline import Segment, layout, position

LABEL_CHARS = 30
"""Longest short label beside an event's number on the timeline."""


def timeline(deck: Deck) -> dict[str, Any] | None:
    """Dated events, numbered in date order, on a broken to-scale axis, with a second axis for
    a stretch too crowded to label on the first."""
    dated = [f for f in _of_kind(deck, "event") if f.event.date is not None]
    events = sorted(dated, key=lambda f: (date_of(f).start, date_of(f).end, f.id))
    if not events:
        return None
    spans = [_drawn(f) for f in events]
    axes = layout(spans)
    overview: list[dict[str, Any]] = []
    detail: list[dict[str, Any]] = []
    rows = []
    for n, f in enumerate(events, 1):
        start, end = _drawn(f)
        long_span = date_of(f).end - date_of(f).start >= 1.5
        zoomed = axes.in_detail(start, end)
        x0, x1 = position(axes.overview, start, end)
        capped = end < date_of(f).end
        label = short_label(f.event.what)
        overview.append(
            {"n": n, "x0": x0, "x1": x1, "span": long_span, "labelled": not zoomed, "capped": capped, "label": label}
        )
        if zoomed and axes.detail is not None:
            d0, d1 = position((axes.detail,), start, end)
            detail.append({"n": n, "x0": d0, "x1": d1, "span": long_span, "labelled": True, "label": label})
        rows.append(
            {
                "n": n,
                "id": f.id,
                "date": date_of(f).label,
                "what": capfirst(f.event.what),
                "note": f.footnote,
                "hedge": f.hedge,
                "hedges": list(f.hedges),
                "stage": None if f.stage == "happened" else f.stage,
                "attribution": f.attribution,
            }
        )
    charts: list[dict[str, Any]] = [
        {"title": None, "segments": [_segment(s) for s in axes.overview], "events": overview, "band": None}
    ]
    if axes.detail is not None:
        band = (
            position(axes.overview, axes.detail.start, axes.detail.start)[0],
            position(axes.overview, axes.detail.end - 1e-9, axes.detail.end - 1e-9)[0],
        )
        charts[0]["band"] = {"x0": band[0], "x1": band[1]}
        charts.append(
            {
                "title": f"Detail: {int(axes.detail.start)} to {int(axes.detail.end) - 1}",
                "segments": [_segment(axes.detail)],
                "events": detail,
                "band": None,
            }
        )
    return {
        "charts": charts,
        "events": rows,
        "first": date_of(events[0]).label,
        "last": date_of(events[-1]).label,
        "citation": _note(deck, events),
    }


LONG_SPAN_YEARS = 12.0
"""A span longer than this (a century, "the 18th century") is drawn only this long from its
start, marked as continuing, so it does not crush the decades beside it; the table gives it whole."""


def _drawn(f: Fact) -> tuple[float, float]:
    """The stretch of the axis an event takes."""
    date = date_of(f)
    return date.start, min(date.end, date.start + LONG_SPAN_YEARS)


def short_label(what: str, limit: int = LABEL_CHARS) -> str:
    """An event's description cut to at most ``limit`` characters at a word, for the timeline:
    a leading article dropped, an ellipsis where words were left out."""
    words = re.sub(r"^(the|a|an)\s+", "", what.strip(), flags=re.IGNORECASE).split()
    out = ""
    for word in words:
        longer = f"{out} {word}".strip()
        if len(longer) > limit - 1:
            return (out or word[: limit - 1]) + "…"
        out = longer
    return out


def _segment(seg: Segment) -> dict[str, Any]:
    return {
        "start": seg.start,
        "end": seg.end,
        "x0": seg.x0,
        "x1": seg.x1,
        "ticks": [{"year": y, "x": x} for y, x in seg.ticks],
    }
