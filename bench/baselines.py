"""What the output libraries alone take for the same content: genanki and Typst, no studyaid code timed.

genanki: studyaid's notes (fields, tags, GUIDs, note types, deck tree, pictures) are computed first,
untimed; the clock then covers only building genanki objects and ``Package.write_to_file``.
genanki stores the zip entries uncompressed while studyaid deflates them (a package about ten
times smaller), so part of the gap between the two is compression.

Typst: studyaid's quiz export is run once, untimed and in another process (``typst_calls``),
with typst's entry points wrapped to record every document it compiles (template, root, fonts,
``sys_inputs`` JSON, format, timestamp, tags). The clock then covers only ``typst.compile`` of
those same documents, so the comparison holds whatever way quiz.py builds its data or calls Typst.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .amc import AMC
from .steps import TIMESTAMP, Step, deck_and_questions, quiz_module, warm_up

# ---------------------------------------------------------------- genanki alone


def _genanki_prepare(task: dict[str, Any]) -> dict[str, Any]:
    import genanki  # type: ignore[import-untyped]  # genanki ships no type hints

    from studyaid.export.anki import deck_tree
    from studyaid.export.anki.note_types import note_types
    from studyaid.export.anki.notes import build_notes
    from studyaid.export.anki.pictures import pictures_for

    warm_up()
    deck, _, questions = deck_and_questions(task)
    notes = build_notes(deck, questions, pictures_for(deck))
    work = Path(task["work_dir"]) / "genanki"
    media_dir = work / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    media = {}
    for note in notes:
        for picture in note.pictures:
            media[picture.name] = picture.data
    media_files = []
    for name, data in sorted(media.items()):
        (media_dir / name).write_bytes(data)
        media_files.append(str(media_dir / name))
    root, *subdecks = deck_tree(deck, notes)  # the same deck IDs, names and description
    topic_of = {n.guid: n.topic for n in notes}
    return {
        "genanki": genanki,
        "models": note_types(deck.settings, deck.slug),
        "root": (root.deck_id, root.name, root.description),
        "subdecks": {topic_of[d.notes[0].guid]: (d.deck_id, d.name) for d in subdecks if d.notes},
        "notes": [(n.role, list(n.fields), list(n.tags), n.guid, n.topic) for n in notes],
        "media_files": media_files,
        "target": work / f"{deck.slug}.apkg",
    }


def _genanki_run(state: dict[str, Any]) -> dict[str, Any]:
    genanki = state["genanki"]
    models = state["models"]
    root = genanki.Deck(*state["root"][:2], description=state["root"][2])
    subdecks = {topic: genanki.Deck(deck_id, name) for topic, (deck_id, name) in state["subdecks"].items()}
    for position, (role, fields, tags, guid, topic) in enumerate(state["notes"], start=1):
        subdecks[topic].add_note(genanki.Note(models[role], fields, tags=tags, guid=guid, due=position))
    package = genanki.Package([root, *subdecks.values()], media_files=state["media_files"])
    package.write_to_file(str(state["target"]), timestamp=TIMESTAMP)
    return {"notes": len(state["notes"]), "apkg_bytes": state["target"].stat().st_size, "zip": "stored"}


# ---------------------------------------------------------------- Typst alone


def _typst_prepare(task: dict[str, Any]) -> dict[str, Any]:
    import typst

    quiz_module()
    # Recorded in another process: Typst memoises compilations process-wide, so compiling the
    # same documents here first would let the timed compiles hit that cache.
    recorded = Path(task["work_dir"]) / "typst-calls.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.typst_calls", task["task_file"], str(recorded)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"recording studyaid's Typst calls failed: {done.stderr.strip()[-1500:]}")
    data = json.loads(recorded.read_text(encoding="utf-8"))
    if not data["calls"]:
        raise RuntimeError("studyaid's quiz export compiled nothing through typst's Python API")
    return {"typst": typst, "calls": data["calls"], "queries": data["queries"]}


def _typst_run(state: dict[str, Any]) -> dict[str, Any]:
    compile_ = state["typst"].compile
    sizes = [len(compile_(**options)) for options in state["calls"]]
    return {
        "documents": len(sizes),
        "pdf_bytes": sum(sizes),
        "studyaid_queries": state["queries"],
        "templates": [Path(str(c["input"])).name for c in state["calls"]],
    }


BASELINES: dict[str, Step] = {
    "genanki": Step(_genanki_prepare, _genanki_run),
    "typst": Step(_typst_prepare, _typst_run),
    "amc": AMC,
}
"""Baselines by name; ``genanki`` pairs with studyaid's ``anki`` step, ``typst`` with ``quiz``."""

PAIRS = {"anki": "genanki", "quiz": "typst"}
