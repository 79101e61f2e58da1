"""The briefing timeline's broken axis: order, scale and breaks, without rendering."""

from __future__ import annotations

from hypothesis import given, settings

from studyaid.export.briefing.timeline import GAP_YEARS, layout, position, segments

from ..strategies import spans


@settings(max_examples=60, deadline=None)
@given(events=spans)
def test_events_keep_their_order_and_fit_the_drawing(events):
    """Segments are ordered and disjoint inside [0, 1], and a later start is never drawn earlier."""
    axis = layout(events)
    segs = axis.overview
    assert segs[0].x0 == 0 and abs(segs[-1].x1 - 1) < 1e-9
    assert all(a.x1 < b.x0 and a.end <= b.start for a, b in zip(segs, segs[1:], strict=False))
    placed = sorted((s, position(segs, s, e)[0]) for s, e in events)
    assert all(x0 <= x1 + 1e-12 for (_, x0), (_, x1) in zip(placed, placed[1:], strict=False))
    assert all(0 <= x <= 1 for _, x in placed)


@settings(max_examples=60, deadline=None)
@given(events=spans)
def test_the_axis_breaks_only_across_long_empty_stretches(events):
    """Between two segments nothing happens for at least GAP_YEARS; within one, never that long."""
    segs = segments(events)
    for a, b in zip(segs, segs[1:], strict=False):
        assert not any(a.end < s < b.start for s, _ in events)
        assert b.start - a.end >= GAP_YEARS - 2  # segment bounds are rounded out to whole years


def test_a_crowded_stretch_gets_a_detail_axis():
    """Thirty events in eighteen years, after fifty years of one event every five, move to a
    to-scale detail axis (no break can isolate them)."""
    sparse = [(1956.0 + 5 * i, 1956.5 + 5 * i) for i in range(9)]
    dense = [(2002.0 + 0.6 * i, 2002.1 + 0.6 * i) for i in range(30)]
    axis = layout(sparse + dense)
    assert axis.detail is not None
    assert axis.detail.start <= 2002 and axis.detail.end >= 2019.5
    assert all(axis.in_detail(s, e) for s, e in dense) and not any(axis.in_detail(s, e) for s, e in sparse)


def test_a_sparse_timeline_needs_no_detail():
    """A handful of well-spread events are all labelled on the overview."""
    assert layout([(1990.0, 1991.0), (2000.0, 2001.0), (2010.0, 2011.0)]).detail is None
