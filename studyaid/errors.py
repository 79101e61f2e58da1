"""Exceptions studyaid raises; the CLI turns each into located one-line messages."""

from __future__ import annotations

import errno
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
        message = shorten(self.message)
        return f"{where}: {shorten(self.field, 120)}: {message}" if self.field else f"{where}: {message}"


class StudyaidError(Exception):
    """Base of every error studyaid raises on purpose."""


class InputError(StudyaidError, ValueError):
    """One or more problems in the user's input files, all collected before raising."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))
        # The message holds the first problems only: 200,000 of them must not make 12 MB of text.
        shown = "\n".join(str(p) for p in self.problems[:SHOWN])
        more = len(self.problems) - SHOWN
        super().__init__(shown + (f"\n… and {more:,} more problems" if more > 0 else ""))


SHOWN = 100
"""Problems an InputError's message lists before it counts the rest."""


class TemplateError(StudyaidError, ValueError):
    """A question template that cannot render for a fact it applies to."""


class ExportError(StudyaidError, RuntimeError):
    """An output file could not be produced."""


MESSAGE_LIMIT = 300
"""Characters of a message shown before it is cut: a 1 MB bad value must not make a 1 MB line."""


def shorten(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class OutputError(ExportError):
    """The place an output goes is unusable (a file where a folder should be, read-only, full...).

    An environment problem, not bad input: the CLI exits 1 and names the path.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class BusyError(StudyaidError, RuntimeError):
    """Another studyaid build holds the output folder (or the deck's lock file) and did not let go."""


_OS_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "exists and is not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENOENT: "no such file or folder",
    errno.EIO: "input/output error",
}


def os_reason(exc: OSError) -> str:
    """An OSError's cause in words, without Python's ``[Errno n]`` prefix."""
    return _OS_REASONS.get(exc.errno or -1, exc.strerror or type(exc).__name__)


def output_error(exc: OSError, fallback: object) -> OutputError:
    """An OutputError naming the path the OSError is about (``fallback`` when it names none)."""
    return OutputError(str(exc.filename or fallback), os_reason(exc))
