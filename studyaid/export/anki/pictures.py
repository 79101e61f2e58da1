"""Pictures drawn from the fact base as SVG text: a bar chart per divided whole, and the gauges.

Each picture is plain SVG written here (no drawing library), every piece of YAML text escaped for
XML, and named after a hash of its bytes, so a changed figure gets a new file name and an old
name never points at new content.
"""

from __future__ import annotations

import hashlib
import html
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...derive import share_groups
from ...model import Deck, Fact
from ...units import UnitError, length_in_mm, parse_imperial
from ...wording import format_imperial, format_number, format_percent

WIDTH = 560
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""
INK = "#1f2933"
MUTED = "#616e7c"
BAR = "#2f6fb3"
REST = "#c3ccd5"
RAIL = "#4b5563"


@dataclass(frozen=True)
class Picture:
    """One drawing and the facts it illustrates."""

    svg: str
    """The complete SVG document."""
    alt: str
    """What the picture shows, in words, for the ``alt`` text."""
    fact_ids: frozenset[str]
    """Questions about any of these facts show the picture."""

    @property
    def name(self) -> str:
        """A file name that changes whenever the drawing does: ``studyaid-<sha1[:12]>.svg``."""
        return f"studyaid-{hashlib.sha1(self.data).hexdigest()[:12]}.svg"

    @property
    def data(self) -> bytes:
        """The SVG as UTF-8 bytes, as written to the media folder."""
        return self.svg.encode("utf-8")


def pictures_for(deck: Deck) -> list[Picture]:
    """Every picture the deck's facts support: one chart per divided whole, one gauges drawing."""
    shares = [f for f in deck.facts if f.kind == "share"]
    pictures = [share_chart(group) for group in share_groups(shares, deck).values()]
    gauges = [f for f in deck.facts if f.kind == "measure" and _millimetres(f) is not None]
    if gauges:
        pictures.append(gauge_drawing(gauges))
    return pictures


def _x(text: object) -> str:
    """Text made safe for SVG character data and attribute values."""
    return html.escape(str(text), quote=True)


def _document(width: int, height: int, title: str, body: Iterable[str]) -> str:
    """An SVG document with a light panel of its own, so it reads on light and dark cards alike."""
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{_x(title)}">',
            f"<title>{_x(title)}</title>",
            f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="10" '
            'fill="#ffffff" '
            f'stroke="#d9dee3"/>',
            *body,
            "</svg>",
            "",
        ]
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: int = 15,
    weight: str = "normal",
    fill: str = INK,
    anchor: str = "start",
) -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" {FONT} font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}">{_x(text)}</text>'
    )


# ---------------------------------------------------------------- trade shares


def _whole_title(fact: Fact) -> str:
    share = fact.share
    when = f" {share.when}" if share.when else ""
    return f"Shares of {share.whole}{when}"


def share_chart(facts: Sequence[Fact]) -> Picture:
    """Horizontal bars for the parts of one whole, largest first, the unstated rest in grey."""
    title = _whole_title(facts[0])
    bars: list[tuple[str, float, str, bool]] = []
    for f in sorted(facts, key=lambda f: (-f.share.value, f.id)):
        hedge = f"{f.hedge} " if f.hedge else ""
        bars.append(
            (
                f.corrected(f.share.part),
                float(f.share.value),
                f"{hedge}{format_percent(f.share.value)}",
                False,
            )
        )
    rest = round(100 - sum(f.share.value for f in facts), 1)
    if rest > 0:
        bars.append(("rest (not broken down)", rest, format_percent(rest), True))
    left, right, row = 20, 90, 46
    title_lines = textwrap.wrap(title, 58) or [title]
    top = 30 + 20 * len(title_lines)
    span = WIDTH - left - right
    body = [_text(left, 30 + 20 * i, line, size=16, weight="bold") for i, line in enumerate(title_lines)]
    for i, (label, value, shown, is_rest) in enumerate(bars):
        y = top + i * row
        width = max(span * min(value, 100) / 100, 2)
        body.append(_text(left, y + 12, label, size=14, fill=MUTED if is_rest else INK))
        body.append(
            f'<rect x="{left}" y="{y + 18}" width="{width:.1f}" height="18" rx="3" fill="{REST if is_rest else BAR}"/>'
        )
        body.append(
            _text(
                left + width + 8,
                y + 32,
                shown,
                size=14,
                weight="bold",
                fill=MUTED if is_rest else INK,
            )
        )
    attributions = sorted({f.attribution for f in facts if f.attribution})
    height = top + len(bars) * row + 10
    if attributions:
        body.append(_text(left, height + 4, "According to " + "; ".join(attributions), size=12, fill=MUTED))
        height += 20
    alt = f"{title}: " + ", ".join(f"{label} {shown}" for label, _, shown, _ in bars)
    return Picture(_document(WIDTH, height, title, body), alt, frozenset(f.id for f in facts))


# ---------------------------------------------------------------- gauges


def _millimetres(fact: Fact) -> float | None:
    """A measure's value in millimetres, or None when it is not a length."""
    return length_in_mm(fact.measure.value, fact.measure.unit)


def _imperial(fact: Fact) -> str | None:
    text = fact.measure.imperial
    if not text:
        return None
    try:
        return format_imperial(parse_imperial(text))
    except UnitError:
        return text


def gauge_drawing(facts: Sequence[Fact]) -> Picture:
    """Each gauge as a cross-section of two rails on a sleeper, side by side and to one scale."""
    measured = sorted(((f, _millimetres(f) or 0.0) for f in facts), key=lambda p: (p[1], p[0].id))
    widest = max(mm for _, mm in measured)
    panel_gap, margin = 24, 20
    panel = (WIDTH - 2 * margin - panel_gap * (len(measured) - 1)) / len(measured)
    rail = 14
    scale = (panel - 2 * rail - 16) / widest
    title = "Rail gauges to scale, measured between the inner faces of the rails"
    title_lines = textwrap.wrap(title, 62)
    body = [_text(margin, 30 + 20 * i, line, size=15, weight="bold") for i, line in enumerate(title_lines)]
    top = 40 + 20 * len(title_lines)
    for i, (fact, mm) in enumerate(measured):
        x0 = margin + i * (panel + panel_gap)
        inner = mm * scale
        left = x0 + (panel - inner) / 2
        right = left + inner
        base = top + 70
        body.append(f'<rect x="{x0:.1f}" y="{base}" width="{panel:.1f}" height="14" rx="2" fill="#8a6d4f"/>')
        for edge in (left - rail, right):
            body.append(f'<rect x="{edge:.1f}" y="{base - 36}" width="{rail}" height="8" rx="2" fill="{RAIL}"/>')
            body.append(f'<rect x="{edge + rail / 2 - 2.5:.1f}" y="{base - 28}" width="5" height="22" fill="{RAIL}"/>')
            body.append(f'<rect x="{edge - 3:.1f}" y="{base - 6}" width="{rail + 6}" height="6" rx="1" fill="{RAIL}"/>')
        arrow_y = top + 14
        body.append(
            f'<line x1="{left:.1f}" y1="{arrow_y}" x2="{right:.1f}" y2="{arrow_y}" stroke="{BAR}" stroke-width="2"/>'
        )
        for x, direction in ((left, 1), (right, -1)):
            body.append(f'<path d="M{x:.1f},{arrow_y} l{8 * direction},-5 v10 z" fill="{BAR}"/>')
            body.append(
                f'<line x1="{x:.1f}" y1="{arrow_y - 8}" x2="{x:.1f}" y2="{base - 36}" '
                f'stroke="{BAR}" '
                f'stroke-width="1" stroke-dasharray="3 3"/>'
            )
        centre = x0 + panel / 2
        value = f"{format_number(fact.measure.value)} {fact.measure.unit}"
        body.append(_text(centre, arrow_y - 12, value, size=15, weight="bold", anchor="middle"))
        body.append(
            _text(
                centre,
                base + 36,
                fact.corrected(fact.measure.name),
                size=14,
                weight="bold",
                anchor="middle",
            )
        )
        imperial = _imperial(fact)
        if imperial:
            body.append(_text(centre, base + 56, imperial, size=13, fill=MUTED, anchor="middle"))
    height = top + 70 + 70
    names = "; ".join(f"{f.measure.name} {format_number(f.measure.value)} {f.measure.unit}" for f, _ in measured)
    return Picture(
        _document(WIDTH, height, title, body),
        f"{title}: {names}",
        frozenset(f.id for f, _ in measured),
    )
