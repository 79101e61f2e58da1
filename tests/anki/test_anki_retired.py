"""Retired notes (issue 13), with the real Anki library: a removed fact's notes stay in a learner's
collection with their reviews, now tagged and marked retired; a fresh import keeps them apart in
the Retired subdeck; ``studyaid anki`` says how many it retires; a fact that comes back unretires."""

from __future__ import annotations

import html
import shutil

import pytest

from studyaid.export.anki.retired import MARK, RETIRED_TAG

from .conftest import MINI_DECK, REPO, T1, answer_good, import_package

pytestmark = pytest.mark.slow

SCHEDULE = "select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left from cards"


def _anki(cli, deck_file, out, timestamp):
    """``studyaid anki`` as a user runs it (progress on), in this process; its change report."""
    article = deck_file.parent / "mini-article.txt"
    if not article.exists():
        shutil.copyfile(MINI_DECK.parent / article.name, article)
    templates = str(REPO / "questions.yaml")
    result = cli("anki", str(deck_file), "-o", str(out), "--templates", templates, "--timestamp", str(int(timestamp)))
    assert result.returncode == 0, result.stderr
    [report] = [line for line in result.stderr.splitlines() if "Anki notes:" in line]
    # The counts, and the retired notes shipped (the parts about the bank left aside).
    counts, *rest = report.split("Anki notes: ", 1)[1].split("; ")
    return out / "mini.apkg", "; ".join([counts, *(part for part in rest if "retired" in part)])


def _without_place_capital(text: str) -> str:
    start = text.index("  - {id: place-capital,")
    end = text.index("\n", text.index("asked:", start)) + 1
    return text[:start] + text[end:]


def _by_guid(col):
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def test_removed_fact_is_retired_visibly_and_keeps_its_history(cli, deck_copy, tmp_path, collection):
    v1, report = _anki(cli, deck_copy, tmp_path / "v1", T1)
    assert report.endswith(" 0 retired")
    import_package(collection, v1)
    notes = _by_guid(collection)
    doomed = {g for g, n in notes.items() if "studyaid::fact::place-capital" in n.tags}
    assert len(doomed) >= 2
    # The learner reviews the cards of the fact about to go, and one other.
    answered = [c.id for g in sorted(doomed) for c in notes[g].cards()]
    answer_good(collection, answered)
    revlog = collection.db.all("select * from revlog")
    schedule = collection.db.all(SCHEDULE)
    decks = {g: {collection.decks.name(c.did) for c in notes[g].cards()} for g in doomed}

    deck_copy.write_text(_without_place_capital(deck_copy.read_text(encoding="utf-8")), encoding="utf-8")
    v2, report = _anki(cli, deck_copy, tmp_path / "v2", T1 + 100)
    assert report.startswith("0 new, 0 updated, ")
    assert report.endswith(f" {len(doomed)} retired; {len(doomed)} retired notes shipped tagged {RETIRED_TAG}")

    log = import_package(collection, v2)
    assert {collection.get_note(e.id.nid).guid for e in log.updated} == doomed
    assert not log.new and not log.conflicting
    after = _by_guid(collection)
    assert after.keys() == notes.keys(), "nothing added, nothing lost"
    for g in doomed:
        note = after[g]
        assert note.id == notes[g].id
        assert RETIRED_TAG in note.tags and "studyaid::fact::place-capital" in note.tags
        assert note["Explanation"].startswith(MARK)
        assert note["Explanation"][len(MARK) :] == notes[g]["Explanation"], "the rest of the note as it was"
        assert {collection.decks.name(c.did) for c in note.cards()} == decks[g], "Anki leaves cards where they are"
    for g in notes.keys() - doomed:
        assert RETIRED_TAG not in after[g].tags
    assert collection.db.all("select * from revlog") == revlog, "every review kept"
    assert collection.db.all(SCHEDULE) == schedule
    assert set(collection.find_notes(f"tag:{RETIRED_TAG}")) == {after[g].id for g in doomed}

    # A fresh import gets them apart, in the Retired subdeck.
    from anki.collection import Collection

    fresh = Collection(str(tmp_path / "fresh.anki2"))
    try:
        import_package(fresh, v2)
        for g, note in _by_guid(fresh).items():
            where = {fresh.decks.name(c.did) for c in note.cards()}
            assert (where == {"Mini fixture::Retired"}) == (g in doomed), (html.unescape(note["Id"]), where)
    finally:
        fresh.close()

    # The next unchanged build ships them again, unchanged: the import changes nothing.
    v3, report = _anki(cli, deck_copy, tmp_path / "v3", T1 + 200)
    assert report.endswith(f" 0 retired; {len(doomed)} retired notes shipped tagged {RETIRED_TAG}")
    log = import_package(collection, v3)
    assert not log.updated and not log.new

    # The fact comes back: its notes are live again, newer, and lose the mark; reviews still kept.
    deck_copy.write_text(MINI_DECK.read_text(encoding="utf-8"), encoding="utf-8")
    v4, report = _anki(cli, deck_copy, tmp_path / "v4", T1 + 300)
    assert report == f"0 new, {len(doomed)} updated, {len(notes) - len(doomed)} unchanged, 0 retired"
    log = import_package(collection, v4)
    assert {collection.get_note(e.id.nid).guid for e in log.updated} == doomed
    back = _by_guid(collection)
    for g in doomed:
        assert RETIRED_TAG not in back[g].tags and back[g]["Explanation"] == notes[g]["Explanation"]
    assert collection.db.all("select * from revlog") == revlog


def test_questions_never_shipped_are_not_retired(cli, deck_copy, tmp_path):
    """Only a note a build shipped can be retired: a lock entry is made when a note is shipped."""
    _, report = _anki(cli, deck_copy, tmp_path / "v1", T1)
    deck_copy.write_text(_without_place_capital(deck_copy.read_text(encoding="utf-8")), encoding="utf-8")
    deck_copy.with_suffix(".lock.json").unlink()
    _, report = _anki(cli, deck_copy, tmp_path / "v2", T1 + 100)
    assert report.endswith(" 0 unchanged, 0 retired")
