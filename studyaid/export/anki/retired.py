"""Retired notes: what a note the build no longer makes looks like when it is shipped again.

What Anki's importer allows (checked with the real library, ``tests/anki/test_anki_retired.py``):
for a note whose GUID and note type the collection already has, a newer copy in the package
replaces its fields and tags; its cards stay in the deck they are in, with their scheduling and
review history; nothing is ever deleted. A note the collection lacks is added, in the deck the
package puts it in; its cards start as new (the package's scheduling is not imported).

So a retired note is its last shipped contents with the ``studyaid::retired`` tag and a line at
the top of its explanation (on every card's back), in the ``Retired`` subdeck. A learner who has
it sees the mark and keeps the history (``tag:studyaid::retired`` finds them all, to suspend or
delete); a fresh import keeps them apart in the subdeck. A learner's own edits to a note are
replaced once, when it is retired (Anki updates fields and tags together).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from ...model import DeckSettings
from .lock import LockEntry, StoredNote
from .note_types import FIELDS
from .notes import NoteSpec, tag

RETIRED_TAG = tag("studyaid", "retired")
RETIRED_DECK = "Retired"
"""The subdeck (under the article's deck) a fresh import puts retired notes in."""
MARK = (
    '<p class="retired"><b>Retired:</b> this card is no longer in the deck studyaid builds from the '
    "article (its fact or question was removed). Suspend or delete it when you like.</p>"
)
"""Put before the explanation of a retired note, so every back says so."""


def retired_spec(guid: str, note: StoredNote) -> NoteSpec:
    """The note as shipped once retired: marked explanation, the retired tag added."""
    fields = list(note.fields)
    names = FIELDS.get(note.role, ())
    if "Explanation" in names and len(names) == len(fields):
        at = names.index("Explanation")
        fields[at] = MARK + fields[at]
    tags = tuple(sorted({*note.tags, RETIRED_TAG}))
    question = html.unescape(fields[names.index("Id")]) if "Id" in names and len(names) == len(fields) else guid
    return NoteSpec(note.role, note.note_type, note.topic, tuple(fields), tags, guid=guid, question_ids=(question,))


def retired_hash(note: StoredNote) -> str:
    """The content hash of a retired note (any GUID gives the same)."""
    return retired_spec("", note).content_hash


def retired_notes(lock: Mapping[str, LockEntry], settings: DeckSettings) -> list[NoteSpec]:
    """The retired notes this package ships, by GUID: those whose note type is still the deck's.

    A note type the deck file has since replaced (a new ID, other fields) is not in the package,
    and Anki would not match the learner's note to another one: such a note stays as it is.
    """
    shipped = []
    for guid in sorted(lock):
        entry = lock[guid]
        note = entry.note
        if not entry.retired or note is None:
            continue
        if settings.note_types.get(note.role) == note.note_type and len(FIELDS.get(note.role, ())) == len(note.fields):
            shipped.append(retired_spec(guid, note))
    return shipped
