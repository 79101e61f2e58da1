"""The Anki exporter: an article's questions as one .apkg deck tree, one subdeck per topic.

Identity and updates: a note's GUID comes from the article, template and facts; its modification
time is when its content last changed, kept in the lock file beside the deck file
(``lock``). Re-importing a rebuilt package then updates exactly the notes whose content
changed, leaves learners' edits to the others alone, and never touches their reviews.

Notes a build no longer makes are retired, not dropped: shipped again from the lock file with
the ``studyaid::retired`` tag, in a ``Retired`` subdeck for fresh imports (``lock``, ``retired``).

With a fixed ``timestamp`` the same input gives the same package bytes (``package``).

By default the package holds the curated deck (``studyaid.curate``: the best notes of every fact,
at most 2.5 per fact on average), within ``options.topics`` and ``options.forms``;
``options.all_questions`` gives every note of the bank. A note left out of the curated deck is
not retired: only a note no question of the bank makes any more is.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import genanki

from ...atomic import safe_output_name, write_atomic
from ...curate import curate
from ...errors import ExportError, InputError, Problem
from ...model import FORMS, Deck, Question
from ...scope import scope_problems
from .. import ExportOptions
from . import html as h
from .lock import LockEntry, deck_file_locked, lock_path, read_lock, stamp, write_lock
from .note_types import note_types
from .notes import NoteSpec, build_notes, note_groups
from .package import Package
from .pictures import pictures_for
from .retired import RETIRED_DECK, RETIRED_TAG, retired_hash, retired_notes

_ID_LOW, _ID_SPAN = 1 << 30, 1 << 30


def subdeck_id(deck_id: int, topic: str) -> int:
    """A topic subdeck's ID, derived so it never changes: the first 8 bytes of
    ``sha256(f"{deck_id}::{topic}")`` as a big-endian integer, folded into the deck-ID range
    [2**30, 2**31) that the deck file's own IDs use."""
    digest = hashlib.sha256(f"{deck_id}::{topic}".encode()).digest()
    return _ID_LOW + int.from_bytes(digest[:8], "big") % _ID_SPAN


def export_anki(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<out_dir>/<slug>.apkg`` (the curated deck, or with ``options.all_questions`` every
    note), then update the deck's lock file (beside ``options.deck_file``, by default the deck's
    own file).

    ``options.timestamp`` (default: now) stamps new and changed notes and fixes genanki's IDs and
    the zip entry dates, so a fixed timestamp gives a byte-identical package.
    """
    problems = scope_problems(deck, options.topics, options.forms)
    if problems:
        raise InputError(problems)
    now = time.time() if options.timestamp is None else options.timestamp
    bank = build_notes(deck, questions, pictures_for(deck))
    guids = [n.guid for n in bank]
    if len(set(guids)) != len(guids):
        twice = sorted({n.question_id for n in bank if guids.count(n.guid) > 1})
        raise ExportError(f"questions share an Anki note GUID: {', '.join(twice)}")
    notes = chosen_notes(deck, questions, bank, options)
    lock_file = lock_path(options.deck_file or Path(deck.path))
    target = safe_output_name(options.out_dir, f"{deck.slug}.apkg")
    media = {p.name: p.data for n in notes for p in n.pictures}
    with deck_file_locked(options.deck_file or Path(deck.path)):
        before = read_lock(lock_file)
        made = {n.guid: (n.content_hash, n.stored()) for n in notes}
        bank_guids = {n.guid for n in bank}
        lock = stamp(before, made, now, retired_hash, keep=bank_guids)
        retired = retired_notes(lock, deck.settings)
        mods = {n.guid: lock[n.guid].mod for n in [*notes, *retired]}
        package = Package(deck_tree(deck, notes, retired), media, mods)
        data = package.to_bytes(timestamp=now)
        # The lock first, the package after: killed in between, the lock is ahead of the package,
        # and the next build stamps the same content with the same (newer) time. The other way
        # round, a package newer than its lock makes the next unchanged build restamp its notes
        # with a later time, and Anki would overwrite learners' own edits with them.
        write_lock(lock_file, lock)
        write_atomic(target, data)
    if options.report:
        options.report(change_report(before, lock, {n.guid for n in notes}, bank_guids, len(retired)))
    return [target]


def chosen_notes(
    deck: Deck, questions: Sequence[Question], bank: Sequence[NoteSpec], options: ExportOptions
) -> list[NoteSpec]:
    """The bank's notes on ``options.topics`` in ``options.forms``: the curated ones, or all of them
    with ``options.all_questions``. InputError when none is left."""
    by_id = {q.id: q for q in questions}
    topics, forms = options.topics or deck.topic_ids, options.forms or FORMS
    scoped = [n for n in bank if n.topic in topics and by_id[n.question_id].form in forms]
    if not scoped:
        raise InputError(
            [
                Problem(
                    deck.path, 0, "--topics", f"no questions on topics {', '.join(topics)} in forms {', '.join(forms)}"
                )
            ]
        )
    if options.all_questions:
        return scoped
    keep = curate(deck, [[by_id[i] for i in n.question_ids] for n in scoped])
    return [scoped[i] for i in keep]


def curated_questions(deck: Deck, questions: Sequence[Question]) -> list[Question]:
    """The questions the curated deck asks (what ``studyaid anki`` writes by default), in order:
    for ``studyaid questions --curated``, so a reviewer can read what learners get."""
    groups = note_groups(deck, questions)
    kept = {q.id for i in curate(deck, groups) for q in groups[i]}
    return [q for q in questions if q.id in kept]


def change_report(
    before: Mapping[str, LockEntry], after: Mapping[str, LockEntry], made: set[str], bank: set[str], shipped: int
) -> str:
    """What importing the rebuilt package does to a collection that has the previous one.

    ``made`` are the GUIDs of the notes in the package, ``bank`` those of every note the
    questions make. ``retired`` counts the notes this build retires: shipped before and made by
    no question any more (a removed fact, template or question). A note of the bank left out of
    this deck (curated, or outside ``--topics``/``--forms``) is not retired: it is still a good
    note, ``--all`` ships it, and retiring it would flip with every ``--topics`` build, each flip
    overwriting learners' edits. Every retired note, of this build or earlier ones, is shipped
    again, marked; the parts after ``;`` say how many more the bank has and how many are retired.
    """
    new = sum(1 for g in made if g not in before)
    updated = sum(1 for g in made if g in before and (before[g].retired or before[g].hash != after[g].hash))
    unchanged = len(made) - new - updated
    retiring = sum(1 for g, e in after.items() if e.retired and not (g in before and before[g].retired))
    lost = sum(1 for g, e in after.items() if g not in bank and e.note is None)
    report = f"Anki notes: {new} new, {updated} updated, {unchanged} unchanged, {retiring} retired"
    left_out = sum(1 for g in bank if g not in made)
    if left_out:
        report += f"; {left_out} more in the whole bank (--all)"
    if shipped:
        report += f"; {shipped} retired notes shipped tagged {RETIRED_TAG}"
    if lost:
        report += f"; {lost} no longer made and not shipped: the lock file kept no contents for them"
    return report


def deck_tree(deck: Deck, notes: Sequence[NoteSpec], retired: Sequence[NoteSpec] = ()) -> list[genanki.Deck]:
    """The article's deck (empty, the tree's root), a ``Name::Topic`` subdeck per topic and,
    when there are retired notes, a ``Name::Retired`` subdeck for them (fresh imports only:
    Anki leaves existing cards in their decks)."""
    settings = deck.settings
    models = note_types(settings, deck.slug)
    source = deck.source
    root = genanki.Deck(
        settings.deck_id,
        settings.name,
        description=f"{h.link(source.url, source.title)} — "
        + ", ".join(h.text(part) for part in (source.author, source.publisher, source.date) if part),
    )
    subdecks = {
        topic: genanki.Deck(subdeck_id(settings.deck_id, topic), f"{settings.name}::{deck.topic_title(topic)}")
        for topic in deck.topic_ids
        if any(n.topic == topic for n in notes)
    }
    if retired:
        subdecks[RETIRED_DECK] = genanki.Deck(
            subdeck_id(settings.deck_id, RETIRED_DECK), f"{settings.name}::{RETIRED_DECK}"
        )
    placed = [*((n.topic, n) for n in notes), *((RETIRED_DECK, n) for n in retired)]
    for position, (where, note) in enumerate(placed, start=1):
        subdecks[where].add_note(
            genanki.Note(
                models[note.role],
                list(note.fields),
                tags=list(note.tags),
                guid=note.guid,
                due=position,
            )
        )
    return [root, *subdecks.values()]
