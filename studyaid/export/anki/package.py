"""Writing an .apkg with genanki: per-note modification times and byte-reproducible output.

genanki stamps every note with the write time and zips with the current clock. Here:

- ``notes.mod`` is set per note (by GUID) in the package's database after genanki fills it and
  before it is zipped, so Anki sees a note as newer only when its content changed;
- note and card IDs come from genanki's counter seeded with ``timestamp`` (fixed timestamp, same
  IDs), and every zip entry gets the date of ``timestamp``, fixed permissions and a fixed order,
  so the same notes, media and timestamp give the same bytes.
"""

from __future__ import annotations

import io
import itertools
import json
import sqlite3
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import genanki

from ...atomic import write_atomic
from ...errors import ExportError


class Package(genanki.Package):  # type: ignore[misc]  # genanki ships no type information
    """A genanki package whose notes carry their own modification times and media given as bytes."""

    def __init__(self, decks: Sequence[genanki.Deck], media: Mapping[str, bytes], mods: Mapping[str, int]) -> None:
        super().__init__(list(decks))
        self.media = dict(sorted(media.items()))
        self.mods = dict(mods)

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, timestamp, id_gen)
        # Anki's schema has no index on guid: without this temporary one each update scans every
        # note, and a 500,000-note deck takes hours instead of a second.
        cursor.execute("CREATE INDEX studyaid_guid ON notes (guid)")
        cursor.executemany("UPDATE notes SET mod = ? WHERE guid = ?", sorted((m, g) for g, m in self.mods.items()))
        cursor.execute("DROP INDEX studyaid_guid")
        unstamped = [g for (g,) in cursor.execute("SELECT guid FROM notes") if g not in self.mods]
        if unstamped:
            raise ExportError(f"{len(unstamped)} notes have no modification time, e.g. GUID {unstamped[0]}")

    def write_to_file(self, file: str | Path, timestamp: float | None = None) -> None:
        """Write the .apkg atomically; the same notes, media and timestamp give the same bytes."""
        write_atomic(Path(file), self.to_bytes(timestamp))

    def to_bytes(self, timestamp: float | None = None) -> bytes:
        """The .apkg's bytes; the same notes, media and timestamp give the same bytes."""
        stamp = time.time() if timestamp is None else timestamp
        # In memory, not in $TMPDIR: a killed build then leaves no scratch folder behind.
        conn = sqlite3.connect(":memory:")
        try:
            self.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
            conn.commit()
            database = conn.serialize()
        finally:
            conn.close()
        entries = [
            ("collection.anki2", database),
            (
                "media",
                json.dumps({str(i): name for i, name in enumerate(self.media)}).encode("utf-8"),
            ),
            *((str(i), data) for i, data in enumerate(self.media.values())),
        ]
        date = time.gmtime(max(int(stamp), 315532800))[:6]  # zip dates start in 1980
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=date)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                out.writestr(info, data)
        return buffer.getvalue()
