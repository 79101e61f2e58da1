"""One field of a parsed YAML mapping, checked, with a located problem recorded when it is wrong.

The deck and template loaders read every field through these, so each problem names its file,
line and field, and all problems are collected before anything raises.
"""

from __future__ import annotations

from typing import Any

from . import schema
from .errors import Problem
from .yamlsafe import LineMap


def field(
    data: dict[str, Any],
    key: str,
    check: schema.Checker,
    where: str,
    lines: LineMap,
    problems: list[Problem],
    required: bool = True,
) -> Any:
    """One checked field of a mapping, recording a located problem when it is wrong."""
    path = f"{where}.{key}" if where else key
    if key not in data or data[key] is None:
        if required:
            problems.append(lines.problem(path, "missing required field"))
        return None
    try:
        return check(data[key])
    except ValueError as exc:
        problems.append(lines.problem(path, str(exc)))
        return None


def unknown(data: dict[str, Any], allowed: set[str], where: str, lines: LineMap, problems: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            path = f"{where}.{key}" if where else str(key)
            problems.append(lines.problem(path, f"unknown field (expected one of {', '.join(sorted(allowed))})"))


def mapping(value: Any, where: str, lines: LineMap, problems: list[Problem]) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.append(lines.problem(where, "expected a mapping" if value is not None else "missing required field"))
        return None
    return value
