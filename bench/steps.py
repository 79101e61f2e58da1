"""The studyaid steps the benchmark times: load, generate, write the .apkg, render the quiz.

Each step has a ``prepare`` (untimed: read the inputs the previous step saved, make folders), a
``run`` (timed: exactly one studyaid call) and a ``save`` (untimed: keep the output for the next
step). ``run`` returns a few facts about what it made (counts, sizes) for the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import store

TIMESTAMP = 1_600_000_000.0
"""Fixed build time for every output (13 September 2020), so runs write the same bytes."""


@dataclass
class Step:
    """One timed call and its untimed set-up and tear-down."""

    prepare: Callable[[dict[str, Any]], dict[str, Any]]
    run: Callable[[dict[str, Any]], dict[str, Any]]
    save: Callable[[dict[str, Any], dict[str, Any]], None] = lambda state, task: None


def evenly(items: Sequence[Any], limit: int | None) -> list[Any]:
    """At most ``limit`` items spread evenly over ``items`` (keeps the mix of topics and forms)."""
    if limit is None or len(items) <= limit:
        return list(items)
    return [items[i * len(items) // limit] for i in range(limit)]


def warm_up() -> None:
    """Build pint's unit registry before the clock starts: a one-off cost per process, timed
    separately (``one_off.pint_registry``), that would otherwise swamp the per-fact figures of
    small decks."""
    from studyaid.units import registry

    registry()


def deck_and_questions(task: dict[str, Any]) -> tuple[Any, Any, list[Any]]:
    """The loaded deck, templates and questions that earlier steps saved, cut to ``limit`` questions."""
    deck, templates = store.load(Path(task["loaded"]))
    questions = store.load(Path(task["questions"])) if task.get("questions") else []
    return deck, templates, evenly(questions, task.get("limit"))


def quiz_module() -> Any:
    """``studyaid.export.quiz``, imported here (in the worker, from the frozen copy)."""
    import studyaid.export.quiz as quiz

    return quiz


# ---------------------------------------------------------------- load


def _load_prepare(task: dict[str, Any]) -> dict[str, Any]:
    from studyaid.load import load_templates

    if task.get("lift_size_limit"):
        import studyaid.yamlsafe

        studyaid.yamlsafe.MAX_BYTES = max(studyaid.yamlsafe.MAX_BYTES, 4 * Path(task["deck_yaml"]).stat().st_size)
    warm_up()
    return {"templates": load_templates(Path(task["templates_yaml"])), "path": Path(task["deck_yaml"])}


def _load_run(state: dict[str, Any]) -> dict[str, Any]:
    from studyaid.load import load_deck

    state["deck"] = load_deck(state["path"], state["templates"])
    return {"facts": len(state["deck"].facts)}


def _load_save(state: dict[str, Any], task: dict[str, Any]) -> None:
    store.save((state["deck"], state["templates"]), Path(task["output"]))


# ---------------------------------------------------------------- generate


def _generate_prepare(task: dict[str, Any]) -> dict[str, Any]:
    warm_up()
    deck, templates, _ = deck_and_questions(task)
    return {"deck": deck, "templates": templates}


def _generate_run(state: dict[str, Any]) -> dict[str, Any]:
    from studyaid.generate import generate

    state["questions"] = generate(state["deck"], state["templates"])
    return {"questions": len(state["questions"])}


def _generate_save(state: dict[str, Any], task: dict[str, Any]) -> None:
    store.save(state["questions"], Path(task["output"]))


# ---------------------------------------------------------------- anki


def _anki_prepare(task: dict[str, Any]) -> dict[str, Any]:
    import studyaid.export.anki  # noqa: F401  (imported before timing, like the baseline's genanki)

    warm_up()
    deck, _, questions = deck_and_questions(task)
    work = Path(task["work_dir"])
    deck_file = work / f"{deck.slug}.yaml"  # only names the lock file, which goes beside it
    deck_file.with_suffix(".lock.json").unlink(missing_ok=True)
    return {"deck": deck, "questions": questions, "out": work / "anki", "deck_file": deck_file}


def _anki_run(state: dict[str, Any]) -> dict[str, Any]:
    from studyaid.export import ExportOptions
    from studyaid.export.anki import export_anki

    # Every note (``--all``): the writer is timed on the same notes as the genanki baseline.
    options = ExportOptions(state["out"], timestamp=TIMESTAMP, deck_file=state["deck_file"], all_questions=True)
    [path] = export_anki(state["deck"], state["questions"], options)
    return {"notes": len(state["questions"]), "apkg_bytes": path.stat().st_size}


# ---------------------------------------------------------------- quiz


def _quiz_prepare(task: dict[str, Any]) -> dict[str, Any]:
    quiz_module()
    warm_up()
    deck, _, questions = deck_and_questions(task)
    return {
        "deck": deck,
        "questions": questions,
        "out": Path(task["work_dir"]) / "quiz",
        "versions": task["versions"],
        "count": task["count"],
    }


def _quiz_run(state: dict[str, Any]) -> dict[str, Any]:
    export_quiz = quiz_module().export_quiz
    deck = state["deck"]
    from studyaid.export import ExportOptions

    options = ExportOptions(state["out"], TIMESTAMP, deck.settings.seed, state["versions"], state["count"])
    paths = export_quiz(deck, state["questions"], options)
    return {"versions": state["versions"], "count": state["count"], "files": {p.name: p.stat().st_size for p in paths}}


STEPS: dict[str, Step] = {
    "load": Step(_load_prepare, _load_run, _load_save),
    "generate": Step(_generate_prepare, _generate_run, _generate_save),
    "anki": Step(_anki_prepare, _anki_run),
    "quiz": Step(_quiz_prepare, _quiz_run),
}
"""studyaid's own steps, in pipeline order."""
