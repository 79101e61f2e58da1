"""Fact ids for proposals: kebab-case, read from what the fact says, unique in the deck."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .proposal import Proposal

_MAX = 48


def slugify(text: str, limit: int = _MAX) -> str:
    """``North Korea’s exports ($8.8 million)`` -> ``north-korea-s-exports-8-8-million``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "x"


def _number(value: object) -> str:
    return slugify(str(value).replace(".", "-"))


def base_id(p: Proposal) -> str:
    """What the id says: kind, then the fact's own words."""
    f = p.fields
    if p.kind == "share":
        return f"share-{slugify(str(f['part']), 30)}-{_number(f['value'])}"
    if p.kind in ("amount", "duration", "quantity"):
        return f"{p.kind}-{slugify(str(f.get('noun') or f['subject']), 30)}-{_number(f['value'])}"
    if p.kind == "statement":
        return f"statement-{slugify(str(f['speaker']), 24)}-{slugify(' '.join(str(f['said']).split()[:4]), 24)}"
    if p.kind == "measure":
        return f"measure-{slugify(str(f['name']), 30)}-{_number(f['value'])}"
    if p.kind == "event":
        return f"event-{_number(f.get('date', 'undated'))}-{slugify(' '.join(str(f['what']).split()[:5]), 30)}"
    return f"{p.kind}-{slugify(str(f['name']))}"


def assign_ids(proposals: Iterable[Proposal], taken: set[str]) -> list[str]:
    """One id per proposal, none in ``taken`` and no two alike (``-2``, ``-3`` where needed)."""
    ids: list[str] = []
    used = set(taken)
    for p in proposals:
        base = base_id(p)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids.append(candidate)
    return ids
