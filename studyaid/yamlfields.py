"""A YAML file being read: its fields checked one by one, each problem located and collected.

The deck and template loaders read every field through a ``Reader``, so each problem names its
file, line and field, and all problems are collected before anything raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import schema
from .errors import Problem
from .yamlsafe import MAX_PROBLEMS, LineMap


@dataclass
class Reader:
    """One parsed file's line map and the problems found in it so far."""

    lines: LineMap
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        """Record a problem at the field path ``where`` (``facts[3].value``)."""
        self.problems.append(self.lines.problem(where, message))

    def field(self, data: dict[str, Any], key: str, check: schema.Checker, where: str, required: bool = True) -> Any:
        """One checked field of a mapping; None, with a problem recorded, when it is wrong or missing."""
        path = f"{where}.{key}" if where else key
        if key not in data or data[key] is None:
            if required:
                self.problem(path, "missing required field")
            return None
        try:
            return check(data[key])
        except ValueError as exc:
            self.problem(path, str(exc))
            return None

    def unknown(self, data: dict[str, Any], allowed: set[str], where: str) -> None:
        """A problem for each key of ``data`` not in ``allowed``."""
        for key in data:
            if key not in allowed:
                path = f"{where}.{key}" if where else str(key)
                self.problem(path, f"unknown field (expected one of {', '.join(sorted(allowed))})")

    def mapping(self, value: Any, where: str) -> dict[str, Any] | None:
        """``value`` when it is a mapping; else None, with a problem recorded."""
        if not isinstance(value, dict):
            self.problem(where, "expected a mapping" if value is not None else "missing required field")
            return None
        return value

    def mappings(self, value: list[Any], where: str, expected: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each item of a list that is a mapping, with its path (``topics[2]``); a problem for each
        other item, saying it was ``expected`` (``a mapping describing one fact``). Once the file
        has ``MAX_PROBLEMS`` problems the rest is not checked (200,000 bad facts answer at once),
        and a problem at the top of the list says where checking stopped."""
        for i, raw in enumerate(value):
            at = f"{where}[{i}]"
            if len(self.problems) >= MAX_PROBLEMS:
                left = f"{len(value) - i:,} more items of {where} not checked"
                stop = (
                    f"{at} (line {self.lines.line(at):,}) on: stopped checking after {MAX_PROBLEMS:,} problems: {left}"
                )
                self.problems.append(Problem(self.lines.path, 0, "", stop))
                return
            if isinstance(raw, dict):
                yield at, raw
            else:
                self.problem(at, f"expected {expected}")
