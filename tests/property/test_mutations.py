"""Mutated deck files: either a valid deck or located errors, never a crash."""

from __future__ import annotations

import re
import zipfile

from hypothesis import given, settings

from studyaid.errors import InputError
from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.generate import generate
from studyaid.load import load_deck

from ..strategies import mutated_decks

LOCATED = re.compile(r"^m\.yaml(:\d+)?: .+")


@given(text=mutated_decks())
@settings(max_examples=60)
def test_mutated_deck_loads_or_reports_located_errors(tmp_path_factory, templates, text):
    """Whatever the mistake: a deck that builds a complete package, or located errors and no file at all."""
    folder = tmp_path_factory.mktemp("m")
    (folder / "mini-article.txt").write_text("")
    path = folder / "m.yaml"
    path.write_text(text, encoding="utf-8")
    out = folder / "out"
    try:
        deck = load_deck(path, templates, display="m.yaml")
        questions = generate(deck, templates)
        if questions:
            [written] = export_anki(deck, questions, ExportOptions(out, timestamp=1_700_000_000, deck_file=path))
            with zipfile.ZipFile(written) as package:
                assert package.testzip() is None, "a complete, readable package"
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert LOCATED.match(str(problem)) or str(problem).startswith(str(templates[0].origin).split(":")[0]), str(
                problem
            )
        assert not out.exists() or not list(out.iterdir()), "a failed deck writes nothing"
    assert not list(folder.rglob("*.tmp")), "no temporary file is left behind"
