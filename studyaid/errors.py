"""Exceptions studyaid raises; the CLI turns each into located one-line messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, pointing at where it is."""

    path: str
    """The file the problem is in, as the user named it."""
    line: int
    """1-based line of the offending value (0 when the whole file is at fault)."""
    field: str
    """Dotted path of the field, e.g. ``facts[3].value``; empty for the whole file."""
    message: str
    """What is wrong, in words a deck author can act on."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class StudyaidError(Exception):
    """Base of every error studyaid raises on purpose."""


class InputError(StudyaidError, ValueError):
    """One or more problems in the user's input files, all collected before raising."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateError(StudyaidError, ValueError):
    """A question template that cannot render for a fact it applies to."""


class ExportError(StudyaidError, RuntimeError):
    """An output file could not be produced."""
