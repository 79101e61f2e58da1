"""A draft turned into a deck file: a new one, or proposals added to a deck a person keeps.

Before anything is written, the result is loaded with studyaid's own loader and its quotes
are checked against the article; a proposal the loader refuses is dropped (and counted), so
``studyaid check --article`` accepts what ``draft`` writes.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..crossfile import check_quotes
from ..errors import InputError, Problem
from ..load import load_deck
from ..model import Template
from ..yamlsafe import parse
from .ids import assign_ids, slugify
from .merge import Existing, append_facts
from .proposal import Proposal
from .propose import Draft
from .writer import fact_lines, new_deck_text

_FACT_FIELD = re.compile(r"^facts\[(\d+)\]")
_PLACEHOLDERS = {"title": "untitled", "author": "unknown", "publisher": "unknown", "date": "2000-01-01"}
"""Stand-ins for the source fields, used only while checking the proposals, never written."""


@dataclass(frozen=True)
class Options:
    """What the command line says about the article, over what its text says."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    slug: str | None = None


@dataclass
class DraftResult:
    """What a draft wrote and what it left out, for the summary."""

    text: str
    added: list[tuple[str, Proposal]] = field(default_factory=list)
    repeated: Counter[str] = field(default_factory=Counter)
    """Proposals left out because the deck already has them, by the status they have there."""
    dropped: list[tuple[Proposal, str]] = field(default_factory=list)
    """Proposals the loader refused, with its reason."""
    waiting: int = 0
    """Facts of the written deck still ``proposed``."""
    confirmed: int = 0
    problems: list[Problem] = field(default_factory=list)
    """Problems of the person's own facts (the draft leaves them alone)."""

    def per_kind_topic(self) -> Counter[tuple[str, str]]:
        return Counter((p.kind, p.topic) for _, p in self.added)


def source_of(draft: Draft, options: Options, article: Path, out: Path) -> dict[str, Any]:
    """The source block: options first, then what the article's text says, else nothing."""
    header = draft.header
    source: dict[str, Any] = {
        "title": options.title or header.title,
        "author": options.author or header.author,
        "publisher": options.publisher or header.publisher,
        "date": options.date or header.date,
        "url": options.url,
    }
    # An article outside the deck's folder is not named: check takes it with --article.
    with contextlib.suppress(ValueError):
        source["article"] = str(article.resolve().relative_to(out.resolve().parent))
    return source


def build_deck(
    draft: Draft, article: Path, out: Path, options: Options, templates: tuple[Template, ...]
) -> DraftResult:
    """The deck text to write to ``out``: a first draft, or ``out``'s own text with proposals added."""
    existing_text = out.read_text(encoding="utf-8") if out.exists() else None
    result = DraftResult("")
    proposals = list(draft.proposals)
    if existing_text is not None:
        data, _, problems = parse(existing_text, str(out))
        if problems:
            raise InputError(problems)
        raw = data.get("facts") if isinstance(data, dict) else None
        known = Existing.of(raw if isinstance(raw, list) else [])
        fresh = []
        for p in proposals:
            status = known.match(p)
            if status is None:
                fresh.append(p)
            else:
                result.repeated[status] += 1
        proposals, taken = fresh, set(known.ids)
    else:
        taken = set()
    facts: list[tuple[str, Proposal]] = []
    text = ""
    own: list[Problem] = []
    # Each round drops at least one refused proposal, so this ends; usually after one round.
    for _ in range(len(proposals) + 1):
        ids = assign_ids(proposals, taken)
        facts = list(zip(ids, proposals, strict=True))
        text = _text(draft, article, out, options, existing_text, facts)
        # The source block may lack what the article does not say; the facts are checked as if
        # it were complete, so the loader's rules run on them all the same.
        trial = text if existing_text is not None else _text(draft, article, out, options, None, facts, filled=True)
        refused, own = _refused(trial, out, draft.text, templates, len(facts))
        if existing_text is None:
            own = _source_problems(text, out)
        if not refused:
            break
        result.dropped.extend((facts[i][1], reason) for i, reason in sorted(refused.items()))
        proposals = [p for i, (_, p) in enumerate(facts) if i not in refused]
    result.text, result.added, result.problems = text, facts, own
    data, _, _ = parse(text, str(out))
    statuses = Counter(str(f.get("status") or "confirmed") for f in data.get("facts") or [] if isinstance(f, dict))
    result.waiting, result.confirmed = statuses["proposed"], statuses["confirmed"]
    return result


def _text(
    draft: Draft,
    article: Path,
    out: Path,
    options: Options,
    existing: str | None,
    facts: list[tuple[str, Proposal]],
    filled: bool = False,
) -> str:
    if existing is not None:
        return append_facts(existing, [fact_lines(fid, p) for fid, p in facts])
    source = source_of(draft, options, article, out)
    if filled:
        source = {**_PLACEHOLDERS, **{k: v for k, v in source.items() if v}}
    slug = options.slug or slugify(out.stem if out.suffix else str(source.get("title") or article.stem))
    name = str(source.get("title") or slug)
    return new_deck_text(slug, name, source, draft.notes, facts)


def _source_problems(text: str, out: Path) -> list[Problem]:
    """What the written source block still lacks, for the summary (``source.author`` and so on)."""
    data, lines, _ = parse(text, str(out))
    source = data.get("source") if isinstance(data, dict) else None
    missing = [k for k in _PLACEHOLDERS if not isinstance(source, dict) or not source.get(k)]
    return [lines.problem(f"source.{k}", "not stated in the article; fill it in") for k in missing]


def _refused(
    text: str, out: Path, article_text: str, templates: tuple[Template, ...], new: int
) -> tuple[dict[int, str], list[Problem]]:
    """Proposals (by index among the new facts) the loader refuses, and the other problems."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=out.parent, encoding="utf-8", delete=False) as tmp:
        tmp.write(text)
        temp = Path(tmp.name)
    try:
        try:
            deck = load_deck(temp, templates, display=str(out))
            problems = check_quotes(deck, article_text, "the article")
        except InputError as exc:
            problems = exc.problems
    finally:
        temp.unlink()
    data, _, _ = parse(text, str(out))
    total = len(data.get("facts") or []) if isinstance(data, dict) else 0
    first_new = total - new
    refused: dict[int, str] = {}
    own: list[Problem] = []
    for problem in problems:
        match = _FACT_FIELD.match(problem.field)
        if match and int(match.group(1)) >= first_new:
            refused.setdefault(int(match.group(1)) - first_new, f"{problem.field}: {problem.message}")
        else:
            own.append(problem)
    return refused, own
