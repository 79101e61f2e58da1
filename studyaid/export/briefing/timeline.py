"""Where a timeline's events go: a broken time axis drawn to scale between its breaks, and, when
one stretch is too crowded to label, a second to-scale axis showing that stretch in detail.

Positions are fractions of the drawing's width (0 to 1), so a template only multiplies by the
width it has. Pure arithmetic: no Typst, no files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

GAP_YEARS = 8.0
"""An empty stretch at least this long between events is cut out of the axis."""
BREAK_WIDTH = 0.03
"""Width of the cut mark between two segments, as a fraction of the drawing."""
EVENT_WEIGHT = 2.0
"""Extra room each labelled event earns its segment, in years: crowded segments get wider,
empty ones narrower. Within a segment the scale stays linear."""
MIN_WIDTH = 0.07
"""The narrowest a segment may be, so a lone event still has room for its tick label."""
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
LABEL_CM = 0.5
"""Room one event's number label needs along the axis, with the gap to the next."""
MAX_LANES = 3
"""Rows of labels the overview may stack before a crowded stretch moves to a detail axis."""
DETAIL_SHARE = 0.3
"""The detail stretch covers at most this share of the years the overview draws."""


@dataclass(frozen=True)
class Segment:
    """A stretch of years drawn to scale between ``x0`` and ``x1``."""

    start: float
    end: float
    x0: float
    x1: float
    ticks: tuple[tuple[int, float], ...] = ()
    """Years to label, with their positions."""

    def x(self, year: float) -> float:
        """Where a (fractional) year falls in the drawing."""
        return self.x0 + (year - self.start) / (self.end - self.start) * (self.x1 - self.x0)


@dataclass(frozen=True)
class Layout:
    """The overview axis, and the detail axis with the stretch it magnifies, if one is needed."""

    overview: tuple[Segment, ...]
    detail: Segment | None
    """One to-scale segment over the crowded stretch; its events are labelled there instead."""

    def in_detail(self, start: float, end: float) -> bool:
        """Whether an event is labelled on the detail axis rather than on the overview."""
        return self.detail is not None and self.detail.start <= start and end <= self.detail.end


def layout(spans: Sequence[tuple[float, float]], width_cm: float = 17.0) -> Layout:
    """Axes for events spanning ``spans`` (start and end as fractional years)."""
    overview = segments(spans, width_cm=width_cm)
    if not spans or lanes_needed(overview, spans, width_cm) <= MAX_LANES:
        return Layout(tuple(overview), None)
    window = crowded_window(spans, sum(s.end - s.start for s in overview) * DETAIL_SHARE)
    if window is None:
        return Layout(tuple(overview), None)
    detail = Segment(window[0], window[1], 0.0, 1.0)
    detail = Segment(detail.start, detail.end, 0.0, 1.0, _ticks(detail, width_cm))
    labelled = [not (window[0] <= s and e <= window[1]) for s, e in spans]
    overview = segments(spans, width_cm=width_cm, labelled=labelled)
    return Layout(tuple(overview), detail)


def segments(
    spans: Sequence[tuple[float, float]], width_cm: float = 17.0, labelled: Sequence[bool] | None = None
) -> list[Segment]:
    """The axis for ``spans``, with breaks where nothing happens for ``GAP_YEARS`` or more.
    Segments are widened for the ``labelled`` events they hold (all, by default)."""
    if not spans:
        return []
    marks = list(labelled) if labelled is not None else [True] * len(spans)
    clusters: list[list[tuple[float, float, bool]]] = []
    for start, end, mark in sorted(zip((s for s, _ in spans), (e for _, e in spans), marks, strict=True)):
        if clusters and start - max(e for _, e, _ in clusters[-1]) < GAP_YEARS:
            clusters[-1].append((start, end, mark))
        else:
            clusters.append([(start, end, mark)])
    bounds = []
    for c in clusters:
        lo, hi = math.floor(min(s for s, _, _ in c)), math.ceil(max(e for _, e, _ in c))
        bounds.append((lo, hi if hi > lo else lo + 1))
    weights = [(hi - lo) + EVENT_WEIGHT * sum(m for _, _, m in c) for (lo, hi), c in zip(bounds, clusters, strict=True)]
    widths = _widths(weights, 1.0 - BREAK_WIDTH * (len(clusters) - 1))
    out: list[Segment] = []
    x = 0.0
    for (lo, hi), w in zip(bounds, widths, strict=True):
        seg = Segment(float(lo), float(hi), x, x + w)
        out.append(Segment(seg.start, seg.end, seg.x0, seg.x1, _ticks(seg, w * width_cm)))
        x += w + BREAK_WIDTH
    return out


def _widths(weights: list[float], room: float) -> list[float]:
    """Shares of ``room`` proportional to ``weights``, none below ``MIN_WIDTH`` where possible."""
    fixed: dict[int, float] = {}
    while True:
        free = room - sum(fixed.values())
        rest = sum(w for i, w in enumerate(weights) if i not in fixed)
        widths = [fixed.get(i, free * w / rest if rest else 0.0) for i, w in enumerate(weights)]
        small = [i for i, w in enumerate(widths) if i not in fixed and w < MIN_WIDTH]
        if not small or len(fixed) + len(small) == len(weights):
            return widths
        fixed.update({i: MIN_WIDTH for i in small})


def _ticks(seg: Segment, width_cm: float) -> tuple[tuple[int, float], ...]:
    """Round years at least 1.1 cm apart, and the segment's first year when it has room; never
    the segment's (exclusive) end, whose label would crowd the next segment's first."""
    years = seg.end - seg.start
    step = next((s for s in TICK_STEPS if width_cm * s / years >= 1.1), TICK_STEPS[-1])
    marks = [y for y in range(math.ceil(seg.start / step) * step, math.ceil(seg.end), step) if y < seg.end]
    if not marks or width_cm * (marks[0] - seg.start) / years >= 1.1:
        marks.insert(0, int(seg.start))
    return tuple((y, seg.x(y)) for y in marks)


def position(segs: Sequence[Segment], start: float, end: float) -> tuple[float, float]:
    """Where an event from ``start`` to ``end`` is drawn: (left, right) as fractions."""
    for seg in segs:
        if seg.start <= start <= seg.end:
            return seg.x(start), seg.x(min(end, seg.end))
    raise ValueError(f"no segment holds the year {start}")


def lanes_needed(segs: Sequence[Segment], spans: Sequence[tuple[float, float]], width_cm: float) -> int:
    """Rows of number labels a greedy stacking needs, each label ``LABEL_CM`` wide, centred."""
    centres = sorted(sum(position(segs, s, e)) / 2 * width_cm for s, e in spans)
    ends: list[float] = []
    for c in centres:
        left = c - LABEL_CM / 2
        lane = next((i for i, end in enumerate(ends) if end <= left), None)
        if lane is None:
            ends.append(left + LABEL_CM)
        else:
            ends[lane] = left + LABEL_CM
    return len(ends)


def crowded_window(spans: Sequence[tuple[float, float]], max_years: float) -> tuple[float, float] | None:
    """Whole years holding the most events within ``max_years`` (ties: the shorter, the later)."""
    ordered = sorted(spans)
    best: tuple[int, float, float, float] | None = None
    for i, (start, _) in enumerate(ordered):
        lo = float(math.floor(start))
        for j in range(i, len(ordered)):
            hi = float(math.ceil(max(e for _, e in ordered[i : j + 1])))
            if hi - lo > max_years:
                break
            inside = sum(1 for s, e in ordered if lo <= s and e <= hi)
            key = (inside, -(hi - lo), lo, hi)
            if best is None or key > best:
                best = key
    if best is None or best[0] < 2:
        return None
    return best[2], best[3]
