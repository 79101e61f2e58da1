"""The print options on the command line: parsed, passed to the quiz and the briefing, refused
in one line when wrong."""

from __future__ import annotations

import json

from pypdf import PdfReader

from ..conftest import MINI_DECK
from .pdftext import normal, page_texts


def test_quiz_options_reach_the_printed_quiz(cli, tmp_path):
    """--points, --title, --class, --time and --paper letter show in the quiz, key and JSON."""
    done = cli(
        "quiz", str(MINI_DECK), "-o", str(tmp_path), "--versions", "1", "--count", "6", "--points", "choice=3",
        "--title", "Check-up", "--class", "7C", "--time", "30 minutes", "--paper", "letter", "--quiet",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "mini-quiz.json").read_text(encoding="utf-8"))
    assert all(q["points"]["each"] == (3 if q["form"] == "choice" else 1) for q in record["questions"].values())
    first = normal(page_texts(tmp_path / "mini-quiz.pdf")[0])
    assert "Check-up" in first and "Class: 7C" in first and "Time allowed: 30 minutes" in first
    assert f"/ {record['total_points']}" in first
    for name in ("mini-quiz.pdf", "mini-key.pdf"):
        assert round(float(PdfReader(tmp_path / name).pages[0].mediabox.width)) == 612


def test_a_malformed_points_option_is_a_usage_error(cli, tmp_path):
    """--points without FORM=N is refused by the parser, naming the part it could not read."""
    done = cli("quiz", str(MINI_DECK), "-o", str(tmp_path), "--points", "choice", "--quiet")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "studyaid quiz: error: argument --points: expected FORM=POINTS (e.g. choice=2), got 'choice'"
    )
    assert not list(tmp_path.iterdir())


def test_an_unknown_question_id_is_one_line_and_exit_2(cli, tmp_path):
    """--include naming no question prints one line naming the deck and the option, exit 2."""
    deck = "tests/fixtures/mini/decks/mini.yaml"
    done = cli("quiz", deck, "-o", str(tmp_path), "--include", "nope", "--quiet")
    assert done.returncode == 2
    assert done.stderr.strip() == f"{deck}: --include: no question has the id 'nope' (see `studyaid questions`)"
    assert not list(tmp_path.iterdir())


def test_briefing_takes_the_paper_option(cli, tmp_path):
    """studyaid briefing --paper letter writes a US Letter handout."""
    done = cli("briefing", str(MINI_DECK), "-o", str(tmp_path), "--paper", "letter", "--quiet")
    assert done.returncode == 0, done.stderr
    assert round(float(PdfReader(tmp_path / "mini-briefing.pdf").pages[0].mediabox.height)) == 792
