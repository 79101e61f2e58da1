"""The Anki lock file: when each note's content last changed, kept beside the deck file.

Anki's importer updates a note only when the package's copy is newer (modification time) than
the collection's. Stamping every note with the build time would overwrite learners' own edits on
every rebuild; stamping none would never deliver corrections. So each note carries the time its
content last changed, remembered here as ``{guid: {"hash": sha256, "mod": seconds}}``.

Entries are never removed: a note the build no longer makes stays in learners' collections, and
if it comes back with the same content it keeps its old time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...atomic import write_atomic
from ...errors import InputError, Problem


@dataclass(frozen=True)
class LockEntry:
    """What a note looked like when it last changed."""

    hash: str
    """sha256 of the note's fields, tags and note-type ID."""
    mod: int
    """When that content first appeared, in whole seconds since 1970."""


def lock_path(deck_file: Path) -> Path:
    """``decks/x.yaml`` -> ``decks/x.lock.json``."""
    return deck_file.with_suffix(".lock.json")


def read_lock(path: Path) -> dict[str, LockEntry]:
    """The lock file's entries; none when the file does not exist yet."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(str(path), exc.lineno, "", f"not valid JSON: {exc.msg}")]) from None
    if not isinstance(data, dict):
        raise InputError([Problem(str(path), 1, "", "expected an object mapping note GUIDs to entries")])
    entries: dict[str, LockEntry] = {}
    problems = []
    for guid, entry in data.items():
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("hash"), str)
            and isinstance(entry.get("mod"), int)
            and not isinstance(entry.get("mod"), bool)
        ):
            entries[guid] = LockEntry(entry["hash"], entry["mod"])
        else:
            problems.append(Problem(str(path), 0, guid, 'expected {"hash": "<sha256>", "mod": <seconds>}'))
    if problems:
        raise InputError(problems)
    return entries


def stamp(lock: Mapping[str, LockEntry], hashes: Mapping[str, str], timestamp: float) -> dict[str, LockEntry]:
    """The lock after a build that made notes with these content hashes (by GUID).

    An unchanged note keeps its time. A new or changed note gets ``timestamp``; a changed note
    gets at least one second more than its previous time, so Anki sees it as newer even when a
    build is given an older fixed timestamp. Every earlier entry is kept.
    """
    now = int(timestamp)
    updated = dict(lock)
    for guid, content in hashes.items():
        old = lock.get(guid)
        if old is None:
            updated[guid] = LockEntry(content, now)
        elif old.hash != content:
            updated[guid] = LockEntry(content, max(now, old.mod + 1))
    return updated


def render_lock(lock: Mapping[str, LockEntry]) -> str:
    """The lock file's text: sorted, pretty-printed JSON, so diffs in review stay small."""
    data = {guid: {"hash": e.hash, "mod": e.mod} for guid, e in lock.items()}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_lock(path: Path, lock: Mapping[str, LockEntry]) -> bool:
    """Write the lock atomically if its text changed; whether it was written."""
    text = render_lock(lock)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, text.encode("utf-8"))
    return True
