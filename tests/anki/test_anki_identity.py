"""Anki identity over time (issue 13): a renamed fact keeps its notes through ``former_ids``, and the
build reports what a rebuild changes, checked by importing into a real Anki collection."""

from __future__ import annotations

from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.generate import generate
from studyaid.load import load_deck

from .conftest import T1, import_package


def _build(deck_file, out, templates, timestamp, reports):
    deck = load_deck(deck_file, templates)
    questions = generate(deck, templates)
    options = ExportOptions(out, timestamp=timestamp, deck_file=deck_file, report=reports.append)
    [apkg] = export_anki(deck, questions, options)
    return apkg


def test_renamed_fact_keeps_its_notes(deck_copy, tmp_path, templates, collection):
    """Renaming a fact with ``former_ids`` updates its notes in place: no duplicates, same note ids."""
    reports: list[str] = []
    first = _build(deck_copy, tmp_path / "out", templates, T1, reports)
    import_package(collection, first)
    before = {collection.get_note(n).guid: n for n in collection.find_notes("")}
    text = deck_copy.read_text(encoding="utf-8")
    renamed = text.replace("{id: place-port-north,", "{id: place-northern-port, former_ids: [place-port-north],")
    renamed = renamed.replace("the region's only warm-water port", "the region's one warm-water port")
    deck_copy.write_text(renamed, encoding="utf-8")
    second = _build(deck_copy, tmp_path / "out", templates, T1 + 100, reports)
    import_package(collection, second)
    after = {collection.get_note(n).guid: n for n in collection.find_notes("")}
    assert after == before, "same GUIDs, same notes: the rename added nothing"
    changed = [n for n in after.values() if "one warm-water port" in " ".join(collection.get_note(n).fields)]
    assert changed, "the reworded notes were updated in place"
    assert reports[0].startswith("Anki notes: ") and " 0 retired" in reports[0]
    assert " 0 new" in reports[1] and " 0 retired" in reports[1] and " 0 updated" not in reports[1]


def test_removed_fact_is_reported_as_retired(deck_copy, tmp_path, templates):
    """Removing a fact: the rebuild reports its notes as retired, and the unchanged ones as unchanged."""
    reports: list[str] = []
    _build(deck_copy, tmp_path / "out", templates, T1, reports)
    text = deck_copy.read_text(encoding="utf-8")
    start = text.index("  - {id: place-capital,")
    end = text.index("\n", text.index("asked:", start)) + 1
    deck_copy.write_text(text[:start] + text[end:], encoding="utf-8")
    _build(deck_copy, tmp_path / "out", templates, T1 + 100, reports)
    retired = int(reports[1].split(", ")[-1].split()[0])
    assert retired >= 1, reports[1]
    assert " 0 new" in reports[1]
