"""Fixtures for the Anki exporter tests: deck copies, builds, real Anki collections."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler.v3 import CardAnswer

from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.export.anki.notes import note_groups
from studyaid.generate import generate
from studyaid.load import load_deck
from studyaid.model import Deck, Question

REPO = Path(__file__).resolve().parents[2]
MINI_DECK = REPO / "tests" / "fixtures" / "mini" / "decks" / "mini.yaml"
T1 = 1_700_000_000.0
"""A fixed build time (November 2023) for the first build in a test."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds and imports several packages into real Anki collections")


@dataclass
class Build:
    """One build of a deck file: what went in and the package that came out."""

    deck: Deck
    questions: list[Question]
    apkg: Path
    deck_file: Path

    @property
    def lock_file(self) -> Path:
        return self.deck_file.with_suffix(".lock.json")

    @property
    def note_count(self) -> int:
        """Notes the questions make: one each, the cloze questions on one sentence one together."""
        return len(note_groups(self.deck, self.questions))


def build(deck_file: Path, out_dir: Path, templates, timestamp: float | None = T1, all_questions: bool = True) -> Build:
    """Load, generate and export a deck file as the CLI does (``studyaid anki --all`` unless
    ``all_questions`` is false: these tests follow every note of the bank)."""
    deck = load_deck(deck_file, templates)
    questions = generate(deck, templates)
    options = ExportOptions(out_dir, timestamp=timestamp, deck_file=deck_file, all_questions=all_questions)
    [apkg] = export_anki(deck, questions, options)
    return Build(deck, questions, apkg, deck_file)


def notes_by_question(col: Collection) -> dict[str, object]:
    """Imported notes keyed by each question id their hidden ``Id`` field lists (a cloze note
    lists every question whose deletion it holds)."""
    found = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        for qid in html.unescape(note["Id"]).split(", "):
            found[qid] = note
    return found


def import_package(col: Collection, apkg: Path):
    """Import with Anki's default options, as a learner opening the file would; the log."""
    response = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
    )
    col.models._clear_cache()  # field lists go stale after an import that touched note types
    return response.log


def answer_good(col: Collection, card_ids) -> None:
    """Answer cards as the app does, with Good."""
    for cid in card_ids:
        card = col.get_card(cid)
        card.start_timer()
        states = col._backend.get_scheduling_states(cid)
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))


_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def visible(html_text: str) -> str:
    """Rendered card HTML without the CSS block: what the learner's eye meets."""
    return _STYLE.sub("", html_text)


@pytest.fixture
def deck_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture deck file (its lock file will be written beside it)."""
    target = tmp_path / "decks" / "mini.yaml"
    target.parent.mkdir()
    shutil.copyfile(MINI_DECK, target)
    return target


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A fresh, empty Anki collection."""
    col = Collection(str(tmp_path / "c.anki2"))
    yield col
    col.close()


@dataclass
class Imported:
    """The fixture deck built once and imported into one collection, for read-only checks."""

    build: Build
    col: Collection
    log: object


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, templates) -> Iterator[Imported]:
    """The fixture deck built at T1 and imported into a fresh collection, per test module."""
    root = tmp_path_factory.mktemp("imported")
    deck_file = root / "decks" / "mini.yaml"
    deck_file.parent.mkdir()
    shutil.copyfile(MINI_DECK, deck_file)
    built = build(deck_file, root / "out", templates)
    col = Collection(str(root / "c.anki2"))
    log = import_package(col, built.apkg)
    yield Imported(built, col, log)
    col.close()
