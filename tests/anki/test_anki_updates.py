"""Rebuilding and re-importing: corrections reach learners, their reviews and edits survive."""

from __future__ import annotations

import json
import time

import pytest

from studyaid.export.anki.notes import guid

from .conftest import T1, answer_good, build, import_package, notes_by_question

pytestmark = pytest.mark.slow

SCHEDULE = "select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left from cards"


def _edit_share_a(deck_file, value="62"):
    """Change fact ``share-a`` from 60% to ``value``%: its value, sentence and asked span."""
    text = deck_file.read_text(encoding="utf-8")
    edited = text.replace("value: 60,", f"value: {value},").replace("60%", f"{value}%")
    assert edited.count(f"{value}%") == 3
    deck_file.write_text(edited, encoding="utf-8")


def _notes_by_qid(col):
    return notes_by_question(col)


def _guids(col, logged):
    """GUIDs of the notes an import log lists."""
    return {col.get_note(entry.id.nid).guid for entry in logged}


def _lock(build_):
    return json.loads(build_.lock_file.read_text(encoding="utf-8"))


def test_changed_fact_updates_its_notes_and_keeps_every_review(deck_copy, tmp_path, templates, collection):
    """After a fact's value changes, a default re-import updates exactly the changed notes to the
    new value, adds no duplicates, and leaves every card's scheduling and the review log intact."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1)
    import_package(collection, v1.apkg)
    answered = collection.find_cards("")[::10]
    answer_good(collection, answered)
    schedule = collection.db.all(SCHEDULE)
    revlog = collection.db.all("select * from revlog")
    assert len(revlog) == len(answered) >= 10
    lock1 = _lock(v1)

    _edit_share_a(deck_copy)
    v2 = build(deck_copy, tmp_path / "v2", templates, T1 + 86_400)
    assert {q.id for q in v2.questions} == {q.id for q in v1.questions}
    lock2 = _lock(v2)
    changed = {g for g in lock2 if lock2[g]["hash"] != lock1[g]["hash"]}
    assert all(lock2[g]["mod"] == T1 + 86_400 for g in changed)
    assert all(lock2[g] == lock1[g] for g in lock1.keys() - changed)

    log = import_package(collection, v2.apkg)
    assert _guids(collection, log.updated) == changed and changed
    # Anki logs a matched note it left as it was (not newer) under "duplicate": no note is added.
    assert len(log.duplicate) == v1.note_count - len(changed)
    assert not log.new and not log.conflicting
    assert collection.note_count() == v1.note_count
    assert len(set(collection.db.list("select guid from notes"))) == v1.note_count
    assert collection.db.all(SCHEDULE) == schedule
    assert collection.db.all("select * from revlog") == revlog

    notes = _notes_by_qid(collection)
    assert notes["share-value-numeric:share-a"]["Answer"] == "62%"
    assert "62%" in notes["cloze-source-sentence:share-a"]["Text"]
    for qid, note in notes.items():
        if "share-a" in qid.split(":")[1].split("+"):
            assert "60%" not in "".join(note.fields), qid


def test_learner_edit_survives_a_rebuild_without_changes(deck_copy, tmp_path, templates, collection):
    """A rebuild without content changes, even if stamped after a learner's edit, keeps the edit."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1)
    import_package(collection, v1.apkg)
    note = _notes_by_qid(collection)["share-value-numeric:share-c"]
    note["Explanation"] += " <b>My own mnemonic.</b>"
    collection.update_note(note)
    lock_before = v1.lock_file.read_bytes()

    later = time.time() + 3_600  # newer than the edit: stamping notes with the build time would overwrite it
    v2 = build(deck_copy, tmp_path / "v2", templates, later)
    assert v2.lock_file.read_bytes() == lock_before
    log = import_package(collection, v2.apkg)
    assert not log.updated and not log.new and not log.conflicting
    assert _notes_by_qid(collection)["share-value-numeric:share-c"]["Explanation"].endswith(" <b>My own mnemonic.</b>")


def test_changed_note_is_newer_even_when_built_with_an_older_timestamp(deck_copy, tmp_path, templates, collection):
    """A changed note's time moves past its previous one even if the build's timestamp does not,
    so Anki still takes the correction."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1)
    import_package(collection, v1.apkg)
    lock1 = _lock(v1)
    _edit_share_a(deck_copy)
    v2 = build(deck_copy, tmp_path / "v2", templates, T1 - 86_400)
    lock2 = _lock(v2)
    changed = {g for g in lock2 if lock2[g] != lock1[g]}
    assert changed and {lock2[g]["mod"] for g in changed} == {T1 + 1}
    log = import_package(collection, v2.apkg)
    assert _guids(collection, log.updated) == changed
    assert _notes_by_qid(collection)["share-value-numeric:share-a"]["Answer"] == "62%"


def test_lock_file_never_loses_entries(deck_copy, tmp_path, templates):
    """Entries for notes a build no longer makes stay in the lock, retired with their contents;
    a note that comes back gets its live contents again, newer, so the retired mark goes."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1)
    lock1 = _lock(v1)
    original = deck_copy.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    place = next(i for i, line in enumerate(lines) if "id: place-capital" in line)
    deck_copy.write_text("".join(lines[:place] + lines[place + 2 :]), encoding="utf-8")

    v2 = build(deck_copy, tmp_path / "v2", templates, T1 + 100)
    lock2 = _lock(v2)
    dropped = set(lock1) - {guid(v2.deck, q) for q in v2.questions}
    assert len(dropped) >= 2  # the place's own questions (at least short and cloze)
    assert lock2.keys() == lock1.keys()
    for g in dropped:
        assert lock2[g]["retired"] is True and lock2[g]["note"] == lock1[g]["note"]
        assert lock2[g]["mod"] == T1 + 100 and lock2[g]["hash"] != lock1[g]["hash"]
    assert all(lock2[g] == lock1[g] for g in lock1.keys() - dropped)

    deck_copy.write_text(original, encoding="utf-8")
    v3 = build(deck_copy, tmp_path / "v3", templates, T1 + 200)
    lock3 = _lock(v3)
    assert lock3.keys() == lock1.keys()
    assert {g: lock3[g] for g in dropped} == {g: {**lock1[g], "mod": T1 + 200} for g in dropped}
    assert all(lock3[g] == lock1[g] for g in lock1.keys() - dropped)


def test_lock_file_is_sorted_pretty_json_of_hash_and_mod(deck_copy, tmp_path, templates):
    """The lock maps each GUID to its content's sha256, a whole-second time and the note as shipped
    (to ship it again once retired), sorted, indented."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1)
    assert v1.lock_file == deck_copy.parent / "mini.lock.json"
    text = v1.lock_file.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert len(data) == v1.note_count
    for entry in data.values():
        assert set(entry) == {"hash", "mod", "note"} and len(entry["hash"]) == 64 and entry["mod"] == int(T1)
        assert set(entry["note"]) == {"role", "type", "topic", "fields", "tags"}


def test_lock_is_not_written_when_the_package_fails(deck_copy, tmp_path, templates, monkeypatch):
    """When making the .apkg fails, neither the package nor the lock file appears (the package's
    bytes are made before the lock is written; only writing the file comes after it)."""
    from studyaid.export.anki import package as anki_package

    def fail(self, timestamp=None):
        raise OSError("disk full")

    monkeypatch.setattr(anki_package.Package, "to_bytes", fail)
    with pytest.raises(OSError, match="disk full"):
        build(deck_copy, tmp_path / "out", templates, T1)
    assert not deck_copy.with_suffix(".lock.json").exists()
    assert not (tmp_path / "out" / "mini.apkg").exists()


def test_corrupt_lock_file_is_reported_with_its_location(deck_copy, tmp_path, templates):
    """A lock file that is not JSON stops the build with a message naming the file and line."""
    from studyaid.errors import InputError

    lock = deck_copy.with_suffix(".lock.json")
    lock.write_text('{\n  "abc": {"hash": "x", "mod": 1},\n  oops\n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build(deck_copy, tmp_path / "out", templates, T1)
    assert str(caught.value) == f"{lock}:3: not valid JSON: Expecting property name enclosed in double quotes"
    assert not (tmp_path / "out" / "mini.apkg").exists()
