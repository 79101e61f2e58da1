"""Same input and timestamp, same package: notes, IDs and bytes."""

from __future__ import annotations

import shutil
import zipfile

from .conftest import T1, build, import_package

NOTES = "select guid, mid, mod, tags, flds from notes order by guid"


def test_same_input_and_timestamp_give_identical_bytes(deck_copy, tmp_path, templates):
    """Two builds of the same deck file with the same timestamp write byte-identical packages,
    whether or not the lock file existed before."""
    first = build(deck_copy, tmp_path / "a", templates, T1)  # writes the lock
    second = build(deck_copy, tmp_path / "b", templates, T1)  # reads it
    fresh = tmp_path / "fresh" / "mini.yaml"
    fresh.parent.mkdir()
    shutil.copyfile(deck_copy, fresh)
    third = build(fresh, tmp_path / "c", templates, T1)  # no lock at all
    data = first.apkg.read_bytes()
    assert data == second.apkg.read_bytes() == third.apkg.read_bytes()


def test_zip_entries_carry_the_build_date_not_the_clock(deck_copy, tmp_path, templates):
    """Every zip entry is dated from the timestamp given, in a fixed order."""
    built = build(deck_copy, tmp_path / "a", templates, T1)
    with zipfile.ZipFile(built.apkg) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["collection.anki2", "media", "0", "1", "2", "3"]
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}


def test_same_input_and_timestamp_give_identical_notes(deck_copy, tmp_path, templates):
    """Imported into fresh collections, two same-timestamp builds give the same notes and IDs."""
    from anki.collection import Collection

    rows = []
    for name in ("a", "b"):
        built = build(deck_copy, tmp_path / name, templates, T1)
        col = Collection(str(tmp_path / f"{name}.anki2"))
        try:
            import_package(col, built.apkg)
            rows.append((col.db.all(NOTES), col.db.list("select id from notes order by id")))
        finally:
            col.close()
    assert rows[0] == rows[1]
    assert len(rows[0][0]) == built.note_count


def test_later_build_without_changes_keeps_every_note_time(deck_copy, tmp_path, templates, collection):
    """A rebuild at a later time, with nothing changed, gives every note its first build's time."""
    build(deck_copy, tmp_path / "a", templates, T1)
    later = build(deck_copy, tmp_path / "b", templates, T1 + 1_000_000)
    import_package(collection, later.apkg)
    assert set(collection.db.list("select mod from notes")) == {int(T1)}
