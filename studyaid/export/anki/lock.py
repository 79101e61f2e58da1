"""The Anki lock file: when each note's content last changed, kept beside the deck file.

Anki's importer updates a note only when the package's copy is newer (modification time) than
the collection's. Stamping every note with the build time would overwrite learners' own edits on
every rebuild; stamping none would never deliver corrections. So each note carries the time its
content last changed, remembered here as ``{guid: {"hash": sha256, "mod": seconds}}``.

Entries are never removed: a note the build no longer makes stays in learners' collections, and
if it comes back with the same content it keeps its old time.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...atomic import remove_stale_temporaries, write_atomic
from ...errors import InputError, Problem, shorten
from ...safefile import UnreadableFile, read_text


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


MAX_LOCK_BYTES = 200_000_000
"""Largest lock file read (a 500,000-note deck's is about 60 MB)."""
LATEST_MOD = 253402300799
"""The last second of the year 9999: a later modification time is not a time at all."""
_HASH = re.compile(r"[0-9a-f]{64}")


def read_lock(path: Path) -> dict[str, LockEntry]:
    """The lock file's entries; none when the file does not exist yet.

    Whatever is wrong with it (not a regular file, not UTF-8, not JSON, nested too deeply, numbers
    too long or out of range) is a located problem: the lock file is input the user can repair
    or delete (deleting it only makes every note count as new once).
    """
    name = str(path)
    if not os.path.lexists(path):
        return {}
    try:
        raw = read_text(path, MAX_LOCK_BYTES)
    except UnreadableFile as exc:
        raise InputError([Problem(name, 0, "", f"{exc} (the Anki lock file; repair or delete it)")]) from None
    try:
        data = json.loads(raw, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, "", f"not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise InputError([Problem(name, 1, "", "JSON nested too deeply (expected GUID -> entry)")]) from None
    except ValueError as exc:
        raise InputError([Problem(name, 1, "", str(exc))]) from None
    if not isinstance(data, dict):
        raise InputError([Problem(str(path), 1, "", "expected an object mapping note GUIDs to entries")])
    entries: dict[str, LockEntry] = {}
    problems = []
    for guid, entry in data.items():
        mod = entry.get("mod") if isinstance(entry, dict) else None
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("hash"), str)
            and _HASH.fullmatch(entry["hash"])
            and isinstance(mod, int)
            and not isinstance(mod, bool)
        ):
            if 0 <= mod <= LATEST_MOD:
                entries[guid] = LockEntry(entry["hash"], mod)
            else:
                problems.append(Problem(name, 0, shorten(guid, 60), f"mod {mod} is not a time from 1970 to 9999"))
        else:
            problems.append(
                Problem(name, 0, shorten(guid, 60), 'expected {"hash": "<64 hex digits>", "mod": <seconds>}')
            )
    if problems:
        raise InputError(problems)
    return entries


def _bounded_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError(f"a number of {len(text):,} digits is not a time")
    return int(text)


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


@contextlib.contextmanager
def deck_file_locked(deck_file: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the deck file while its lock file is read and rewritten.

    Two builds of one deck into different folders then update the lock one after the other,
    never both from the same old copy. The lock is taken on the deck file itself (read-only is
    enough), so no lock-of-the-lock file appears beside the deck. Temporaries a killed build
    left beside the lock file are removed while it is held.
    """
    try:
        fd = os.open(deck_file, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield  # the deck was read a moment ago; without a handle, go on unlocked
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        remove_stale_temporaries(deck_file.parent, [lock_path(deck_file).name])
        yield
    finally:
        os.close(fd)
