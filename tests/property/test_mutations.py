"""Mutated deck files: either a valid deck or located errors, never a crash."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.errors import InputError
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
    """Whatever the mistake, the loader returns a usable deck or raises InputError with located lines."""
    folder = tmp_path_factory.mktemp("m")
    (folder / "mini-article.txt").write_text("")
    path = folder / "m.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        deck = load_deck(path, templates, display="m.yaml")
        generate(deck, templates)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert LOCATED.match(str(problem)) or str(problem).startswith(str(templates[0].origin).split(":")[0]), str(
                problem
            )
