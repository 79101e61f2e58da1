"""Word lists kept as package data: a text file of ``[section]`` headers, each over its lines.

Lists of words are data, not code: a reviewer adds a word without reading Python, and the lists do
not crowd out the rules that use them. ``#`` starts a comment line; blank lines are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files


class WordListError(ValueError):
    """A word-list file the package ships is malformed: a bug in the package, not in the input."""


@dataclass(frozen=True)
class WordLists:
    """The sections of one word-list file, each its lines in file order."""

    sections: dict[str, tuple[str, ...]]
    """Section name -> its non-blank, non-comment lines, stripped, in the file's order."""

    @classmethod
    def read(cls, name: str) -> WordLists:
        """The file ``name`` shipped beside this module (read once, at import of its user)."""
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        text = files(__package__).joinpath(name).read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], [])
            elif current is None:
                raise WordListError(f"{name}:{number}: a line before the first [section]")
            else:
                current.append(line)
        return cls({key: tuple(lines) for key, lines in sections.items()})

    def lines(self, section: str) -> tuple[str, ...]:
        """A section's lines in order (for lists whose entries hold spaces, or whose order matters)."""
        return self.sections[section]

    def words(self, section: str) -> frozenset[str]:
        """A section's words, split on white space (for lists only looked up)."""
        return frozenset(word for line in self.sections[section] for word in line.split())
