"""Mutated deck files: either a valid deck or located errors, never a crash."""

from __future__ import annotations

import re
import zipfile

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.errors import InputError
from studyaid.export import ExportOptions
from studyaid.export.anki import export_anki
from studyaid.generate import generate
from studyaid.load import load_deck

from ..conftest import MINI_DECK

LOCATED = re.compile(r"^m\.yaml(:\d+)?: .+")
TEXT = MINI_DECK.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)


@st.composite
def mutated_decks(draw):
    """The fixture deck with one author's mistake: a dropped line, a changed value, inserted text, a cut."""
    how = draw(st.sampled_from(["drop", "retype", "insert", "truncate", "field"]))
    lines = list(LINES)
    if how == "drop":
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif how == "retype":
        i = draw(st.integers(0, len(lines) - 1))
        key, sep, _ = lines[i].partition(": ")
        lines[i] = (
            key + sep + draw(st.sampled_from(["[]", "{}", "-1", "1e400", "null", "yes", "'x'", "2019-02-30"])) + "\n"
            if sep
            else lines[i]
        )
    elif how == "insert":
        i = draw(st.integers(0, len(lines)))
        lines.insert(i, draw(st.text(min_size=1, max_size=30)) + "\n")
    elif how == "truncate":
        return TEXT[: draw(st.integers(0, len(TEXT)))]
    else:
        data = yaml.safe_load(TEXT)
        fact = draw(st.sampled_from(data["facts"]))
        field = draw(st.sampled_from(sorted(fact)))
        if draw(st.booleans()):
            del fact[field]
        else:
            fact[field] = draw(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=10), st.none()))
        return yaml.safe_dump(data, sort_keys=False)
    return "".join(lines)


@given(text=mutated_decks())
@settings(max_examples=150)
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
