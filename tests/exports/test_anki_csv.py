"""The Anki TSV imported with the real Anki library's CSV import into fresh collections: the
header lines are honoured, every question is one note with its fields and tags, and a re-import
updates notes by GUID while keeping their reviews."""

from __future__ import annotations

import html
import re

import genanki
import pytest

anki_collection = pytest.importorskip("anki.collection", reason="the anki library is a test dependency")
from anki.import_export_pb2 import ImportCsvRequest  # noqa: E402

from ..anki.conftest import answer_good  # noqa: E402
from .conftest import HOSTILE  # noqa: E402


def _plain(fragment: str) -> str:
    """Field HTML as read: inline highlight tags dropped, other tags as spaces, entities unescaped."""
    fragment = re.sub(r"</?mark>", "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _import(col, path):
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return metadata, col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def _notes(col) -> dict[str, object]:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def test_header_lines_are_honoured(exports, tmp_path):
    """Anki reads the separator, HTML flag, note type, deck, GUID and tags columns from the header."""
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        metadata = col.get_csv_metadata(path=str(exports.file("anki.tsv")), delimiter=None)
        assert metadata.is_html is True
        assert metadata.deck_name == exports.deck_name
        assert list(metadata.column_labels) == ["Front", "Back", "Tags", "GUID"]
        assert metadata.guid_column == 4 and metadata.tags_column == 3
        assert col.models.get(metadata.global_notetype.id)["name"] == "Basic"
    finally:
        col.close()


def test_every_question_is_one_note(exports, tmp_path):
    """A fresh collection gets one note per quiz question, in the named deck, with the prompt on the
    front, the quiz's answer and source on the back, and the topic and form tags."""
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        _, log = _import(col, exports.file("anki.tsv"))
        planned = exports.version_a()
        assert len(log.new) == len(planned) and not log.updated and not log.conflicting
        notes_by_guid = _notes(col)
        assert len(notes_by_guid) == len(planned)
        # The documented identity: article, template and facts in the CSV's own namespace.
        by_id = {}
        for qid in planned:
            template, facts = qid.split(":", 1)
            by_id[qid] = notes_by_guid[genanki.guid_for("studyaid-csv", exports.slug, template, *facts.split("+"))]
        for qid, note in by_id.items():
            assert _plain(note["Front"]).startswith(" ".join(planned[qid]["prompt"].split()))
        for qid, note in by_id.items():
            pq, record = planned[qid], exports.quiz["questions"][qid]
            back = _plain(note["Back"])
            if pq["form"] not in ("ordering", "matching"):
                assert " ".join(pq["answer"].split()) in back
            assert all(" ".join(s["quote"].split()) in back for s in record["sources"])
            assert f"studyaid::topic::{record['topic']}" in note.tags
            assert f"studyaid::form::{pq['form']}" in note.tags
            deck_id = col.get_card(note.card_ids()[0]).did
            assert col.decks.name(deck_id) == exports.deck_name
    finally:
        col.close()


def test_reimport_updates_by_guid_and_keeps_reviews(exports, tmp_path):
    """After the learner reviews every card, an edited file re-imported updates the edited note in
    place (same GUID, same note id) and leaves every card's review history and interval alone."""
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        _import(col, exports.file("anki.tsv"))
        before = _notes(col)
        card_ids = [cid for note in before.values() for cid in note.card_ids()]
        answer_good(col, card_ids)
        revlog = col.db.all("select id, cid, ease, ivl from revlog order by id")
        cards = col.db.all("select id, nid, ivl, due, queue from cards order by id")
        assert len(revlog) == len(card_ids)
        lines = exports.file("anki.tsv").read_text(encoding="utf-8").split("\n")
        first = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
        front, back, tags, guid = lines[first].split("\t")
        lines[first] = "\t".join((front, back + "<p>Corrected by the author.</p>", tags, guid))
        edited = tmp_path / "edited.tsv"
        edited.write_text("\n".join(lines), encoding="utf-8")
        _, log = _import(col, edited)
        assert len(log.updated) == 1 and not log.new and not log.conflicting
        after = _notes(col)
        assert set(after) == set(before)
        changed = after[guid]
        assert changed.id == before[guid].id
        assert "Corrected by the author." in changed["Back"]
        assert col.db.all("select id, cid, ease, ivl from revlog order by id") == revlog
        assert col.db.all("select id, nid, ivl, due, queue from cards order by id") == cards
    finally:
        col.close()


def test_special_characters_stay_text(hostile_exports, tmp_path):
    """A name with markup, braces and a script end is shown as typed, never as Anki or HTML markup."""
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        _import(col, hostile_exports.file("anki.tsv"))
        fields = [f for note in _notes(col).values() for f in note.fields]
        assert any(HOSTILE in html.unescape(f) for f in fields)
        assert not any("<b>x</b>" in f or "</script>" in f for f in fields)
    finally:
        col.close()


def test_renamed_fact_keeps_its_rows_notes(cli, tmp_path):
    """As in the .apkg, a fact renamed with ``former_ids`` keeps its rows' GUIDs: the re-import
    updates the notes in place (their fact tag changed) and adds none (the real Anki CSV import)."""
    from ..conftest import MINI_DECK, QUESTIONS

    deck = tmp_path / "decks" / "mini.yaml"
    deck.parent.mkdir()
    deck.write_bytes(MINI_DECK.read_bytes())
    (deck.parent / "mini-article.txt").write_bytes((MINI_DECK.parent / "mini-article.txt").read_bytes())

    def export(name):
        out = tmp_path / name
        args = ["export", str(deck), "--format", "csv", "--count", "16", "--seed", "3", "-o", str(out)]
        result = cli(*args, "--templates", str(QUESTIONS), "--quiet")
        assert result.returncode == 0, result.stderr
        return out / "mini-anki.tsv"

    first = export("v1")
    text = deck.read_text(encoding="utf-8")
    renamed = text.replace("{id: place-port-north,", "{id: place-northern-port, former_ids: [place-port-north],")
    deck.write_text(renamed, encoding="utf-8")
    second = export("v2")
    rows = [line.split("\t") for line in second.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    moved = [r for r in rows if "studyaid::fact::place-northern-port" in r[2]]
    assert moved, "the quiz asks about the renamed fact"
    old_guids = {line.split("\t")[3] for line in first.read_text(encoding="utf-8").splitlines() if line[:1] != "#"}
    assert {r[3] for r in rows} == old_guids

    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        _import(col, first)
        before = _notes(col)
        _, log = _import(col, second)
        assert not log.new and len(log.updated) == len(moved)
        assert set(_notes(col)) == set(before)
    finally:
        col.close()
