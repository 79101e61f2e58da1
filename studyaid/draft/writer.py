"""A draft as deck-file text in the normal format (docs/deck-format.md), every fact ``proposed``.

Strings are written as JSON strings, which YAML reads as double-quoted scalars: no quoting
rule of YAML can change what a quote says. Fields the article does not state are left out
with a comment saying so, never filled with a guess.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..schema import SAFE_ID_MAX, SAFE_ID_MIN
from .proposal import Proposal

KIND_FIELD_ORDER = {
    "share": ("part", "whole", "value", "when"),
    "amount": ("subject", "value", "value_max", "scale", "unit", "noun", "when"),
    "measure": ("name", "subject", "value", "unit", "imperial"),
    "event": ("what", "date"),
    "actor": ("name", "actor_kind", "role", "aliases"),
    "place": ("name", "place_kind", "description"),
    "statement": ("speaker", "said", "about", "date"),
    "duration": ("subject", "value", "value_max", "scale", "unit", "when"),
    "quantity": ("subject", "value", "value_max", "scale", "unit", "noun", "when"),
}
HEADER = """\
# Drafted by `studyaid draft`: every fact is a PROPOSAL, read by rules from the article's text.
# Review each one against its quote: fix its fields, then confirm it (`status: confirmed`, or
# delete the status line) or reject it (`status: rejected`; a later draft will not propose it
# again). Only confirmed facts reach cards, quizzes and briefings. Format: docs/deck-format.md.
"""


def scalar(value: Any) -> str:
    """One YAML scalar: numbers bare, text as a JSON (YAML double-quoted) string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def deck_ids(slug: str) -> tuple[int, list[int]]:
    """A deck ID and four note-type IDs derived from the slug: stable, in genanki's range."""
    digest = int(hashlib.sha256(slug.encode()).hexdigest(), 16)
    base = SAFE_ID_MIN + (digest % ((SAFE_ID_MAX - SAFE_ID_MIN) // 10 - 1)) * 10
    return base, [base + i for i in range(1, 5)]


def source_block(source: Mapping[str, Any], notes: Mapping[str, str]) -> list[str]:
    """The ``source:`` mapping, with a comment for each field the article leaves unsaid."""
    lines = ["source:"]
    for key in ("title", "author", "publisher", "date", "url", "article"):
        value = source.get(key)
        if value:
            lines.append(f"  {key}: {scalar(value)}")
        elif key != "article":
            lines.append(f"  # {key}: not stated in the article; fill it in")
    if notes:
        lines.append("  footnotes:")
        lines.extend(f"    {scalar(key)}: {scalar(text)}" for key, text in notes.items())
    return lines


def deck_block(name: str, slug: str) -> list[str]:
    deck_id, types = deck_ids(slug)
    roles = ("basic", "choice", "cloze", "actor")
    return [
        "deck:",
        f"  name: {scalar(name)}",
        f"  deck_id: {deck_id}",
        "  note_types:",
        *(f"    {role}: {value}" for role, value in zip(roles, types, strict=True)),
        f"  seed: {deck_id % 10000}",
    ]


def fact_lines(fact_id: str, p: Proposal, indent: str = "  ") -> list[str]:
    """One proposed fact as the lines of a block-sequence item."""
    inner = indent + "  "
    lines = [f"{indent}- id: {fact_id}", f"{inner}kind: {p.kind}", f"{inner}topic: {p.topic}"]
    lines.append(f"{inner}status: proposed")
    lines.append(f"{inner}found_by: {scalar(p.found_by)}")
    for key in KIND_FIELD_ORDER[p.kind]:
        value = p.fields.get(key)
        if value is None:
            continue
        if isinstance(value, Sequence) and not isinstance(value, str):
            lines.append(f"{inner}{key}: [{', '.join(scalar(v) for v in value)}]")
        else:
            lines.append(f"{inner}{key}: {scalar(value)}")
    lines.append(f"{inner}quote: {scalar(' '.join(p.sentence.text.split()))}")
    if p.asked:
        lines.append(f"{inner}asked: {scalar(p.asked)}")
    if p.extra.get("footnote"):
        lines.append(f"{inner}footnote: {scalar(p.extra['footnote'])}")
    if p.hedge:
        lines.append(f"{inner}hedge: {scalar(p.hedge)}")
    if p.attribution:
        lines.append(f"{inner}attribution: {scalar(p.attribution)}")
    return lines


def new_deck_text(
    slug: str, name: str, source: Mapping[str, Any], notes: Mapping[str, str], facts: list[tuple[str, Proposal]]
) -> str:
    """A whole deck file for a first draft."""
    lines = [HEADER.rstrip("\n"), "", f"slug: {slug}", *source_block(source, notes), "", *deck_block(name, slug), ""]
    lines.append("facts:")
    for fact_id, p in facts:
        lines.append("")
        lines.extend(fact_lines(fact_id, p))
    return "\n".join(lines) + "\n"
