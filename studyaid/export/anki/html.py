"""HTML fragments for Anki fields, built from plain text that is always escaped first.

Anki reads a field as HTML and also scans it for its own markup: ``{{c1::...}}`` in cloze fields,
``[sound:...]`` and ``[latex]`` anywhere. YAML text is plain text, so besides ``html.escape`` the
brackets and braces become character references: they still show as typed, but Anki never sees
markup in them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ...cleantext import find_spans
from ...model import SourceRef

_ANKI_MARKUP = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})


def text(value: object) -> str:
    """Plain text as HTML that shows exactly that text, and nothing Anki would act on."""
    return html.escape(str(value), quote=True).translate(_ANKI_MARKUP)


def cloze_deletion(answer: str, number: int = 1) -> str:
    """``{{cN::answer}}``, the answer escaped, colons too (``::`` would start a hint)."""
    return f"{{{{c{number}::{text(answer).replace(':', '&#58;')}}}}}"


def sources(refs: Sequence[SourceRef]) -> str:
    """Each distinct source sentence as a quotation, the parts asked about highlighted."""
    asked: dict[str, list[str]] = {}
    for ref in refs:
        parts = asked.setdefault(ref.quote, [])
        if ref.highlight and ref.highlight not in parts:
            parts.append(ref.highlight)
    return "".join(f"<blockquote>{highlighted(quote, parts)}</blockquote>" for quote, parts in asked.items())


def highlighted(quote: str, parts: Sequence[str]) -> str:
    """The quote escaped, the first occurrence of each part (ignoring case) wrapped in ``<mark>``.

    One sentence can state several asked values (an ordering question's two dates); parts that
    overlap one already marked are left alone.
    """
    spans: list[tuple[int, int]] = []
    for part in parts:
        at = _find(quote, part)
        if at >= 0 and all(at >= end or at + len(part) <= start for start, end in spans):
            spans.append((at, at + len(part)))
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(f"{text(quote[pos:start])}<mark>{text(quote[start:end])}</mark>")
        pos = end
    out.append(text(quote[pos:]))
    return "".join(out)


def _find(quote: str, part: str) -> int:
    """Where ``part`` starts in ``quote``: exactly, else ignoring case; -1 when it is not there."""
    if not part:
        return -1
    at = quote.find(part)
    if at < 0:
        found = find_spans(quote, part)
        at = found[0] if found else -1
    return at


def bullets(items: Iterable[str], *, numbered: bool = False, letters: bool = False, css: str = "") -> str:
    """A list of already-escaped HTML items: bullets, numbers or capital letters."""
    tag = "ol" if numbered or letters else "ul"
    kind = ' type="A"' if letters else ""
    cls = f' class="{css}"' if css else ""
    return f"<{tag}{kind}{cls}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def link(url: str | None, label: str) -> str:
    """An escaped label, linked to ``url`` when it is a web address (never ``javascript:``)."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{text(url)}">{text(label)}</a>'
    return text(label)


def image(name: str, alt: str) -> str:
    """An ``<img>`` for a media file the package ships."""
    return f'<img src="{text(name)}" alt="{text(alt)}">'
