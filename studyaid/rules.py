"""Consistency rules within one loaded deck file: references, sums, unit forms, distinct answers."""

from __future__ import annotations

from .derive import share_groups
from .errors import Problem
from .model import Deck, Fact
from .schema import KIND_FIELDS
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
    for i, fact in enumerate(deck.facts):
        where = f"facts[{i}]"
        problems.extend(_references(fact, seen, where, lines))
        if fact.footnote and fact.footnote not in deck.source.footnotes:
            problems.append(lines.problem(f"{where}.footnote", f"no footnote {fact.footnote!r} in source.footnotes"))
        if fact.asked and fact.asked.casefold() not in " ".join(fact.quote.split()).casefold():
            problems.append(lines.problem(f"{where}.asked", f"{fact.asked!r} does not occur in the quote"))
        for i, fix in enumerate(fact.corrections):
            if fix.verbatim not in fact.quote:
                problems.append(
                    lines.problem(f"{where}.corrections[{i}].verbatim", f"{fix.verbatim!r} does not occur in the quote")
                )
        problems.extend(_measure(fact, where, lines))
        if fact.kind == "amount" and fact.get("value_max") is not None and fact["value_max"] <= fact["value"]:
            problems.append(lines.problem(f"{where}.value_max", "must be larger than value"))
        if fact.kind == "amount" and fact["unit"] == "count" and not fact.get("noun"):
            problems.append(
                lines.problem(
                    f"{where}.noun", "missing required field (an amount with unit 'count' names what it counts)"
                )
            )
    if not problems:
        problems.extend(_share_sums(deck, lines))
        problems.extend(_part_sums(deck, lines))
        problems.extend(_distinct(deck, lines, "actor", "role"))
        problems.extend(_distinct(deck, lines, "place", "description"))
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
            elif other.kind != spec.ref:
                problems.append(lines.problem(f"{where}.{key}", f"{target!r} is a {other.kind}, expected a {spec.ref}"))
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
        total = sum(f["value"] for f in group)
        if total > 100 + 1e-9:
            last = max(group, key=lambda f: f.line)
            names = " + ".join(f"{f['part']} {format_number(f['value'])}%" for f in group)
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
        key = " ".join(fact[field].casefold().split())
        if key in by_text:
            problems.append(
                lines.problem(
                    f"{_where_by_line(deck, fact)}.{field}",
                    f"same {field} as {by_text[key].id!r}: questions would have two right answers",
                )
            )
        by_text[key] = fact
    return problems
