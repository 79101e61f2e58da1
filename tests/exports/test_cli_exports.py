"""``studyaid export`` and ``build --formats`` on the command line: outputs, warnings, bad options."""

from __future__ import annotations

from studyaid.cli import main
from studyaid.errors import ExportError

from ..conftest import MINI_DECK

NAMES = ("mini-gift.txt", "mini-moodle.xml", "mini-qti.zip", "mini-anki.tsv", "mini-selftest.html")


def test_unknown_format_is_refused(tmp_path, capsys):
    """An unknown format name is one located line, exit 2, and nothing is written."""
    assert main(["export", str(MINI_DECK), "--format", "gift,scorm", "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        "command line: --format: unknown format 'scorm' (expected one of gift, moodle, qti12, csv, html or all)\n"
    )
    assert not (tmp_path / "out").exists()


def test_export_takes_the_quiz_options(tmp_path, capsys):
    """--topics, --forms and --count choose the exported questions as they choose the quiz's."""
    code = main(
        [
            "export",
            str(MINI_DECK),
            "--format",
            "gift",
            "-o",
            str(tmp_path),
            "--quiet",
            "--topics",
            "places",
            "--forms",
            "short",
            "--count",
            "2",
            "--seed",
            "4",
        ]
    )
    assert code == 0
    text = (tmp_path / "mini-gift.txt").read_text(encoding="utf-8")
    assert text.count("::place-") == 2 and "$CATEGORY: $course$/top/studyaid/Mini fixture/Places" in text
    assert capsys.readouterr().out.split() == [str(tmp_path / "mini-gift.txt")]


def test_too_many_questions_is_an_input_error(tmp_path, capsys):
    """Asking for more questions than can be chosen is the quiz's located message and exit 2."""
    assert main(["export", str(MINI_DECK), "--format", "html", "-o", str(tmp_path), "--quiet", "--count", "500"]) == 2
    assert "--count: asked for 500 questions per version" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_failing_format_leaves_no_file(tmp_path, monkeypatch, capsys):
    """A format that fails writes no file, and neither do the formats before it: a deck's outputs
    are staged and appear together, or not at all (issue 13: every output's preconditions before
    the first file)."""
    import studyaid.export.qti as qti

    def broken(deck, plan):
        raise ExportError("simulated failure")

    monkeypatch.setattr(qti, "render_qti", broken)
    assert main(["export", str(MINI_DECK), "--format", "gift,qti12", "-o", str(tmp_path), "--quiet"]) == 1
    assert "simulated failure" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_build_adds_platform_exports(tmp_path):
    """``build --formats`` writes the platform files beside the Anki deck, quiz and briefing."""
    deck = tmp_path / "decks" / "mini.yaml"
    deck.parent.mkdir()
    for path in MINI_DECK.parent.iterdir():
        if path.suffix in (".yaml", ".txt"):
            (deck.parent / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    assert main(["build", str(deck), "-o", str(out), "--quiet", "--formats", "all", "--timestamp", "1700000000"]) == 0
    written = {p.name for p in out.iterdir()}
    assert set(NAMES) <= written and {"mini.apkg", "mini-quiz.pdf", "mini-briefing.pdf"} <= written
