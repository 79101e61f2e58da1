"""The Anki lock file: when each note's content last changed, kept beside the deck file.

Anki's importer updates a note only when the package's copy is newer (modification time) than
the collection's. Stamping every note with the build time would overwrite learners' own edits on
every rebuild; stamping none would never deliver corrections. So each note carries the time its
content last changed, remembered here as ``{guid: {"hash": sha256, "mod": seconds, "note": ...}}``.

``note`` is what the package last shipped for it (note-type role and ID, topic, fields, tags):
when no question makes the note any more (its fact removed or renamed without ``former_ids``,
its template or question gone), it is **retired**, not forgotten. (A note the curated deck, or
``--topics``/``--forms``, leaves out of one package is not retired: the bank still makes it.)
Anki's importer never deletes a note or moves an existing card to another deck, but it does
update the fields and tags of a note with the same GUID and note type when the package's copy
is newer. So a retired note is shipped again
from here with the ``studyaid::retired`` tag and a line saying so on its back, one second newer:
learners who have it keep it with its whole review history, now marked; a fresh import puts it
in the deck's ``Retired`` subdeck. Only notes that were shipped can be retired: a question a
build never shipped has no entry.

Entries are never removed (retired ones are shipped in every later build, for as long as the
lock file keeps them: forever, unless the author deletes the entry). A retired note that comes
back gets its live content again, newer still, so the tag goes. Entries of lock files written
before ``note`` was kept have no contents to ship: the report counts them, they are not shipped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import os
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...atomic import remove_stale_temporaries, write_atomic
from ...errors import InputError, Problem, shorten
from ...safefile import UnreadableFile, read_text


@dataclass(frozen=True)
class StoredNote:
    """A note as the package ships it: what Anki stores of it, and all the lock file keeps to ship
    it again once retired. ``notes.NoteSpec`` adds what a build knows besides (GUID, questions)."""

    role: str
    """Note-type role: basic, choice, cloze or actor (``note_types.FIELDS`` names its fields)."""
    note_type: int
    """The note type's Anki ID: a retired note is shipped only while the deck still has it."""
    topic: str
    """The topic subdeck a fresh import puts the note in."""
    fields: tuple[str, ...]
    """Field HTML, in the order of ``note_types.FIELDS[role]``."""
    tags: tuple[str, ...]
    """Anki tags, sorted."""

    def stored(self) -> StoredNote:
        """Just these fields (of a ``NoteSpec`` too): what the lock file keeps and compares."""
        return StoredNote(**{f.name: getattr(self, f.name) for f in dataclasses.fields(StoredNote)})


@dataclass(frozen=True)
class LockEntry:
    """What a note looked like when it last changed."""

    hash: str
    """sha256 of the note's fields, tags and note-type ID as shipped (retired: with the mark)."""
    mod: int
    """When that content first appeared, in whole seconds since 1970."""
    note: StoredNote | None = None
    """Its live contents, last shipped; None in lock files written before they were kept."""
    retired: bool = False
    """The build no longer makes this note; it is shipped marked as retired (see the module)."""


def lock_path(deck_file: Path) -> Path:
    """``decks/x.yaml`` -> ``decks/x.lock.json``."""
    return deck_file.with_suffix(".lock.json")


MAX_LOCK_BYTES = 2_000_000_000
"""Largest lock file read: with each note's contents kept, about 1.7 kB a note (the article's
762 notes: 1.3 MB), so a 500,000-note deck's is about 850 MB."""
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
            note = _stored_note(entry.get("note"))
            if not 0 <= mod <= LATEST_MOD:
                problems.append(Problem(name, 0, shorten(guid, 60), f"mod {mod} is not a time from 1970 to 9999"))
            elif note is False or not isinstance(entry.get("retired", False), bool):
                problems.append(Problem(name, 0, shorten(guid, 60), _NOTE_SHAPE))
            else:
                kept = note if isinstance(note, StoredNote) else None
                entries[guid] = LockEntry(entry["hash"], mod, kept, entry.get("retired") is True)
        else:
            problems.append(
                Problem(name, 0, shorten(guid, 60), 'expected {"hash": "<64 hex digits>", "mod": <seconds>}')
            )
    if problems:
        raise InputError(problems)
    return entries


_NOTE_SHAPE = (
    'expected "note": {"role": "<role>", "type": <note-type ID>, "topic": "<topic>", '
    '"fields": ["<html>", ...], "tags": ["<tag>", ...]} and "retired": true or false'
)


def _stored_note(raw: object) -> StoredNote | None | bool:
    """A lock entry's ``note``: None when absent, False when malformed."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return False
    role, note_type, topic = raw.get("role"), raw.get("type"), raw.get("topic")
    fields, tags = raw.get("fields"), raw.get("tags")
    if not (
        isinstance(role, str)
        and isinstance(note_type, int)
        and not isinstance(note_type, bool)
        and isinstance(topic, str)
        and isinstance(fields, list)
        and all(isinstance(f, str) for f in fields)
        and isinstance(tags, list)
        and all(isinstance(t, str) for t in tags)
    ):
        return False
    return StoredNote(role, note_type, topic, tuple(fields), tuple(tags))


def _bounded_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError(f"a number of {len(text):,} digits is not a time")
    return int(text)


def stamp(
    lock: Mapping[str, LockEntry],
    notes: Mapping[str, tuple[str, StoredNote]],
    timestamp: float,
    retired_hash: Callable[[StoredNote], str],
    keep: Collection[str] = (),
) -> dict[str, LockEntry]:
    """The lock after a build that made these notes (GUID -> content hash and contents); ``keep``
    are notes the build could make but left out of this package (they are not retired).

    An unchanged note keeps its time. A new or changed note gets ``timestamp``; a changed note
    gets at least one second more than its previous time, so Anki sees it as newer even when a
    build is given an older fixed timestamp. A note no question makes any more is retired: its
    last contents stay, its hash becomes ``retired_hash`` of them, and it is one second newer
    (once: a note already retired keeps its time). Every earlier entry is kept.
    """
    now = int(timestamp)
    updated = dict(lock)
    for guid, (content, note) in notes.items():
        old = lock.get(guid)
        if old is None:
            updated[guid] = LockEntry(content, now, note)
        elif old.hash != content or old.retired:
            updated[guid] = LockEntry(content, max(now, old.mod + 1), note)
        elif old.note != note:  # same content, contents not kept yet (an older lock file)
            updated[guid] = LockEntry(content, old.mod, note)
    for guid, old in lock.items():
        if guid not in notes and guid not in keep and not old.retired and old.note is not None:
            updated[guid] = LockEntry(retired_hash(old.note), max(now, old.mod + 1), old.note, retired=True)
    return updated


def render_lock(lock: Mapping[str, LockEntry]) -> str:
    """The lock file's text: sorted, pretty-printed JSON, so diffs in review stay small."""
    data = {guid: _entry_data(e) for guid, e in lock.items()}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _entry_data(entry: LockEntry) -> dict[str, object]:
    data: dict[str, object] = {"hash": entry.hash, "mod": entry.mod}
    if entry.note is not None:
        n = entry.note
        data["note"] = {"role": n.role, "type": n.note_type, "topic": n.topic, "fields": n.fields, "tags": n.tags}
    if entry.retired:
        data["retired"] = True
    return data


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
