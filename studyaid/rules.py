"""Consistency rules within one loaded deck file: references, sums, unit forms, distinct answers."""

from __future__ import annotations

import math
import re

from .cleantext import comparison_key, find_spans
from .derive.share import rounding_slack, share_groups, share_total, weight
from .errors import Problem
from .model import Deck, Fact
from .schema import KIND_FIELDS, RELATION_FIELDS
from .units import imperial_agrees
from .wording import format_number, stated_places
from .yamlsafe import LineMap


def check_deck(deck: Deck, lines: LineMap) -> list[Problem]:
    """Every rule that needs only the deck file; all problems, located."""
    problems: list[Problem] = []
    seen: dict[str, Fact] = {}
    for i, fact in enumerate(deck.facts):
        where = f"facts[{i}]"
        if fact.id in seen:
            problems.append(
                lines.problem(f"{where}.id", f"duplicate fact id {fact.id!r} (first on line {seen[fact.id].line})")
            )
            continue
        seen[fact.id] = fact
    problems.extend(_former_ids(deck, seen, lines))
    for i, fact in enumerate(deck.facts):
        where = f"facts[{i}]"
        problems.extend(_references(fact, seen, where, lines))
        if fact.footnote and fact.footnote not in deck.source.footnotes:
            problems.append(lines.problem(f"{where}.footnote", f"no footnote {fact.footnote!r} in source.footnotes"))
        if fact.asked:
            problems.extend(_asked(fact, where, lines))
        for i, fix in enumerate(fact.corrections):
            if fix.verbatim not in fact.quote:
                problems.append(
                    lines.problem(f"{where}.corrections[{i}].verbatim", f"{fix.verbatim!r} does not occur in the quote")
                )
        problems.extend(_measure(fact, where, lines))
        problems.extend(_kind_rules(deck, fact, where, lines))
        if fact.get("value_max") is not None and fact["value_max"] <= fact["value"]:
            problems.append(lines.problem(f"{where}.value_max", "must be larger than value"))
        if fact.kind == "amount" and fact["unit"] == "count" and not fact.get("noun"):
            problems.append(
                lines.problem(
                    f"{where}.noun", "missing required field (an amount with unit 'count' names what it counts)"
                )
            )
    if not problems:
        problems.extend(_part_cycles(deck, lines))
    if not problems:
        problems.extend(_share_sums(deck, lines))
        problems.extend(_part_sums(deck, lines))
        problems.extend(_distinct(deck, lines, "actor", "role"))
        problems.extend(_distinct(deck, lines, "place", "description"))
        problems.extend(_distinct_names(deck, lines))
    return problems


def _former_ids(deck: Deck, current: dict[str, Fact], lines: LineMap) -> list[Problem]:
    """A former id belongs to one fact and is no fact's current id: else two notes share a GUID."""
    problems = []
    owners: dict[str, str] = {}
    for i, fact in enumerate(deck.facts):
        for j, old in enumerate(fact.former_ids):
            where = f"facts[{i}].former_ids[{j}]"
            if old in current:
                problems.append(lines.problem(where, f"{old!r} is the id of a fact in this deck"))
            elif old in owners:
                problems.append(lines.problem(where, f"{old!r} is also a former id of {owners[old]!r}"))
            owners.setdefault(old, fact.id)
    return problems


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figure(written: str) -> float:
    """A figure as an article writes it: ``1,435`` (thousands) or ``1,3`` (a decimal comma)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written):
        return float(written.replace(",", ""))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", written):
        return float(written.replace(",", "."))
    return float(written.replace(",", "").replace(".", ""))  # 1.234.567: dots between thousands


def _asked(fact: Fact, where: str, lines: LineMap) -> list[Problem]:
    """The asked span occurs exactly once in the quote, and states the fact's own value."""
    quote = " ".join(fact.quote.split())
    found = len(find_spans(quote, " ".join(fact.asked.split()), whole_words=True)) if fact.asked else 0
    if found == 0:
        return [lines.problem(f"{where}.asked", f"{fact.asked!r} does not occur in the quote")]
    if found > 1:
        return [
            lines.problem(
                f"{where}.asked",
                f"{fact.asked!r} occurs {found} times in the quote; give a longer span that occurs once",
            )
        ]
    disagreement = _asked_disagrees(fact)
    return [lines.problem(f"{where}.asked", disagreement)] if disagreement else []


def _asked_disagrees(fact: Fact) -> str | None:
    """Why the figures written in the asked span contradict the fact's value or date, if they do.

    Only spans that write figures are compared (a span of words such as "sixty per cent" is not
    read). An amount's span may state it at another scale ("1.2 billion" for 1,200 million).
    """
    assert fact.asked is not None
    figures = [_figure(m) for m in _FIGURE.findall(fact.asked)]
    if not figures:
        return None
    if fact.kind in ("share", "amount", "measure"):
        imperial = " ".join((fact.get("imperial") or "").split()) if fact.kind == "measure" else ""
        if imperial and imperial in " ".join(fact.asked.split()):
            return None
        if not isinstance(fact.get("value"), int | float):
            return None
        values = [fact["value"], *([fact["value_max"]] if fact.get("value_max") is not None else [])]
        scales = (1.0,) if fact.kind == "share" else tuple(10.0**k for k in range(-12, 13, 3))
        if all(any(math.isclose(f * s, v, rel_tol=1e-9) for f in figures for s in scales) for v in values):
            return None
        shown = " and ".join(format_number(v) for v in values)
        return f"{fact.asked!r} does not state the value {shown}"
    if fact.kind == "event" and fact.get("date") is not None:
        years = [f for f in figures if f.is_integer() and 1000 <= f <= 2999]
        date = fact.get("date")
        if date is None or not hasattr(date, "start"):
            return None
        if years and not any(date.start - 10 < y < date.end + 1 for y in years):
            return f"{fact.asked!r} names a different year than the date {date.label}"
    return None


def _part_cycles(deck: Deck, lines: LineMap) -> list[Problem]:
    """An amount may not be, through its parts, a part of itself (sums would hold by rounding)."""
    parts = {f.id: tuple(f.get("parts") or ()) for f in deck.facts if f.kind == "amount"}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(parts):
        if state.get(root):
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = [root]
        state[root] = 1
        while stack:
            node, i = stack[-1]
            children = parts.get(node, ())
            if i == len(children):
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            stack[-1] = (node, i + 1)
            child = children[i]
            if state.get(child) == 1:
                cycle = path[path.index(child) :] + [child]
                fact = deck.fact(child)
                return [
                    lines.problem(f"{_where_by_line(deck, fact)}.parts", f"parts form a cycle: {' -> '.join(cycle)}")
                ]
            if not state.get(child) and child in parts:
                state[child] = 1
                path.append(child)
                stack.append((child, 0))
    return []


def _distinct_names(deck: Deck, lines: LineMap) -> list[Problem]:
    """No two actors share a name or alias, compared as a reader sees them."""
    problems = []
    owners: dict[str, Fact] = {}
    for fact in deck.facts:
        if fact.kind != "actor":
            continue
        own: set[str] = set()
        for i, name in enumerate([fact["name"], *(fact.get("aliases") or ())]):
            key = comparison_key(name)
            field = "name" if i == 0 else f"aliases[{i - 1}]"
            if key in own:
                problems.append(lines.problem(f"{_where_by_line(deck, fact)}.{field}", f"{name!r} repeats the name"))
                continue
            own.add(key)
            other = owners.get(key)
            if other is not None:
                problems.append(
                    lines.problem(
                        f"{_where_by_line(deck, fact)}.{field}",
                        f"{name!r} is also a name of {other.id!r}: questions would have two right answers",
                    )
                )
            else:
                owners[key] = fact
    return problems


def _kind_rules(deck: Deck, fact: Fact, where: str, lines: LineMap) -> list[Problem]:
    """Fields a kind needs together: a share's part or parts, a relation's ends, a statement's words."""
    problems = []
    if fact.source and fact.source not in {s.id for s in deck.sources}:
        known = ", ".join(s.id for s in deck.sources) or "none: the deck has one 'source'"
        problems.append(
            lines.problem(f"{where}.source", f"unknown source {fact.source!r} (the deck's sources: {known})")
        )
    if fact.kind == "relation":
        for name in RELATION_FIELDS[fact["relation"]]:
            if fact.get(name) is None:
                problems.append(
                    lines.problem(f"{where}.{name}", f"missing required field (a {fact['relation']} has it)")
                )
    if (
        fact.kind == "statement"
        and fact.corrected(fact["said"]).casefold() not in fact.corrected(fact.quote).casefold()
    ):
        problems.append(lines.problem(f"{where}.said", "the words said must occur in the quote, verbatim"))
    return problems


def _where_by_line(deck: Deck, fact: Fact) -> str:
    return f"facts[{deck.positions[fact.id]}]"


_RANK = {"rejected": 0, "proposed": 1, "confirmed": 2}
"""A fact may only rest on facts at least as decided as itself, so filtering by status never
leaves a reference dangling."""


def _references(fact: Fact, facts: dict[str, Fact], where: str, lines: LineMap) -> list[Problem]:
    problems = []
    for key, spec in KIND_FIELDS[fact.kind].items():
        if spec.ref is None or fact.get(key) is None:
            continue
        targets = fact[key] if isinstance(fact[key], tuple) else (fact[key],)
        for target in targets:
            other = facts.get(target)
            if other is None:
                problems.append(lines.problem(f"{where}.{key}", f"unknown fact {target!r}"))
            elif other.kind not in spec.ref.split("|"):
                expected = " or ".join(spec.ref.split("|"))
                problems.append(lines.problem(f"{where}.{key}", f"{target!r} is a {other.kind}, expected a {expected}"))
            elif other.id == fact.id:
                problems.append(lines.problem(f"{where}.{key}", "a fact cannot refer to itself"))
            elif _RANK[other.status] < _RANK[fact.status]:
                message = f"{target!r} is {other.status}: a {fact.status} fact needs it confirmed"
                problems.append(lines.problem(f"{where}.{key}", message))
    return problems


def _measure(fact: Fact, where: str, lines: LineMap) -> list[Problem]:
    if fact.kind != "measure":
        return []
    problems = []
    if fact.get("imperial"):
        ok, inches = imperial_agrees(fact["value"], fact["unit"], fact["imperial"])
        if not ok:
            problems.append(
                lines.problem(
                    f"{where}.imperial",
                    f"{fact['imperial']!r} disagrees with {format_number(fact['value'])} {fact['unit']} "
                    f"(= {inches:.3f} in by pint)",
                )
            )
    for i, foil in enumerate(fact.get("foils") or ()):
        if foil == fact["value"]:
            problems.append(lines.problem(f"{where}.foils[{i}]", f"foil {format_number(foil)} equals the true value"))
    return problems


def _share_sums(deck: Deck, lines: LineMap) -> list[Problem]:
    problems = []
    for group in share_groups([f for f in deck.facts if f.kind == "share"], deck).values():
        total = share_total(group)
        if total > 100 + rounding_slack(group) + 1e-9:
            last = max(group, key=lambda f: f.line)
            names = " + ".join(
                f"{f['part']} {format_number(f['value'])}%" + (" each" if weight(f) > 1 else "") for f in group
            )
            problems.append(
                lines.problem(
                    f"{_where_by_line(deck, last)}.value",
                    f"shares of {last['whole']} add up to {format_number(round(total, 3))}% ({names})",
                )
            )
    return problems


def _part_sums(deck: Deck, lines: LineMap) -> list[Problem]:
    problems = []
    for fact in deck.facts:
        if fact.kind != "amount" or not fact.get("parts"):
            continue
        parts = [deck.fact(p) for p in fact["parts"]]
        where = _where_by_line(deck, fact)
        if any(p["unit"] != fact["unit"] or p.get("scale") != fact.get("scale") for p in parts):
            problems.append(lines.problem(f"{where}.parts", "parts must have the same unit and scale as their total"))
            continue
        total = sum(p["value"] for p in parts)
        # The total may differ from its parts by rounding in its last printed digit, no more.
        if abs(total - fact["value"]) > 0.5 * 10 ** -stated_places(fact["value"]) + 1e-9:
            problems.append(
                lines.problem(
                    f"{where}.value",
                    f"parts add up to {format_number(round(total, 6))}, not {format_number(fact['value'])} "
                    f"({' + '.join(format_number(p['value']) for p in parts)})",
                )
            )
        if any(p.get("value_max") is not None for p in parts) or fact.get("value_max") is not None:
            problems.append(lines.problem(f"{where}.parts", "parts and totals must be single values, not ranges"))
    return problems


def _distinct(deck: Deck, lines: LineMap, kind: str, field: str) -> list[Problem]:
    """Two facts must not answer the same question (two actors with one role)."""
    problems = []
    by_text: dict[str, Fact] = {}
    for fact in deck.facts:
        if fact.kind != kind:
            continue
        key = comparison_key(fact[field])
        if key in by_text:
            problems.append(
                lines.problem(
                    f"{_where_by_line(deck, fact)}.{field}",
                    f"same {field} as {by_text[key].id!r}: questions would have two right answers",
                )
            )
        by_text[key] = fact
    return problems
