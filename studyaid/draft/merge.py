"""Re-drafting into a deck a person has worked on: their facts stay, word for word.

The existing file's text is kept byte for byte; new proposals are appended to its ``facts:``
list. A proposal is left out when the deck already holds the same fact in any status: an
actor or place of the same name (or alias), or a figure, date or event with the same value
from the same sentence. So confirmed facts keep their ids and wording, and a rejected
proposal is never proposed again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..dates import DateFormatError, parse_date
from .proposal import Proposal


def _norm(text: str) -> str:
    return " ".join(str(text).replace("’", "'").split()).casefold()


def _name_key(name: str) -> str:
    return _norm(name).removeprefix("the ")


@dataclass(frozen=True)
class Existing:
    """What a deck already holds, indexed for matching proposals against it."""

    ids: frozenset[str]
    names: Mapping[str, str]
    """Name or alias key -> status of the actor or place that has it."""
    figures: tuple[tuple[str, Any, str, str], ...]
    """(kind, value key, normalised quote, status) of every other fact."""

    @classmethod
    def of(cls, facts: list[Any]) -> Existing:
        ids: set[str] = set()
        names: dict[str, str] = {}
        figures: list[tuple[str, Any, str, str]] = []
        for raw in facts:
            if not isinstance(raw, dict):
                continue
            status = str(raw.get("status") or "confirmed")
            if isinstance(raw.get("id"), str):
                ids.add(raw["id"])
            kind = raw.get("kind")
            if kind in ("actor", "place"):
                for name in [raw.get("name"), *(raw.get("aliases") or [])]:
                    if isinstance(name, str):
                        names.setdefault(_name_key(name), status)
            elif isinstance(raw.get("quote"), str):
                figures.append((str(kind), value_key(str(kind), raw), _norm(raw["quote"]), status))
        return cls(frozenset(ids), names, tuple(figures))

    def match(self, p: Proposal) -> str | None:
        """The status of the fact in the deck that this proposal repeats, or None if it is new."""
        if p.kind in ("actor", "place"):
            for name in [p.fields["name"], *(p.fields.get("aliases") or [])]:
                if _name_key(str(name)) in self.names:
                    return self.names[_name_key(str(name))]
            return None
        key = value_key(p.kind, p.fields)
        sentence = _norm(p.sentence.text)
        for kind, value, quote, status in self.figures:
            if kind == p.kind and value == key and (quote in sentence or sentence in quote):
                return status
        return None


def value_key(kind: str, fields: Mapping[str, Any]) -> Any:
    """What makes two facts of a kind the same fact, whatever their wording."""
    if kind == "event":
        try:
            parsed = parse_date(str(fields.get("date")))
        except DateFormatError:
            return None
        return (round(parsed.start, 6), round(parsed.end, 6))
    try:
        value = float(str(fields.get("value")).replace(",", ""))
    except ValueError:
        return None
    return (value, fields.get("value_max"), fields.get("unit") if kind != "share" else None)


def append_facts(text: str, fact_lines: list[list[str]]) -> str:
    """``text`` with the new facts added at the end of its top-level block ``facts:`` list."""
    if not fact_lines:
        return text
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^facts:\s*(#.*)?$", line)), None)
    if start is None:
        raise ValueError("the deck has no block-style 'facts:' list to add to")
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^[A-Za-z_][\w-]*:", lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    item = next((m.group(1) for line in lines[start + 1 : end] if (m := re.match(r"^(\s*)- ", line))), "  ")
    added: list[str] = []
    for block in fact_lines:
        added.append("")
        added.extend(_reindent(block, item))
    return "\n".join([*lines[:end], *added, *lines[end:]]) + "\n"


def _reindent(block: list[str], indent: str) -> list[str]:
    """Lines written for a two-space list, moved to the deck's own list indentation."""
    return [indent + line[2:] if line.startswith("  ") else line for line in block]
