"""The studyaid command as a user runs it: exit codes, messages, no tracebacks.

Most tests call the command in this process (the ``cli`` fixture); those marked "a real process"
start ``python -m studyaid.cli`` to check what only a process shows: the status the shell sees.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studyaid.model import FORMS, TOPICS

from ..conftest import MINI_ARTICLE, MINI_DECK, REPO


def process(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m studyaid.cli ARGS...`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "studyaid.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_check_prints_summary_per_topic(cli):
    """`check` on the fixture prints facts and questions per topic and confirms every quote."""
    result = cli("check", str(MINI_DECK), "--article", str(MINI_ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "24 facts" in result.stdout
    for topic in ("trade-shares", "gauges", "dates", "actors", "places"):
        assert topic in result.stdout
    assert "all 24 quotes found" in result.stdout


def test_questions_json_has_the_documented_fields(cli):
    """`questions --format json` lists objects with id, topic, form, prompt, answer, options and sources."""
    result = cli("questions", str(MINI_DECK), "--topic", "gauges", "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert records and {r["topic"] for r in records} == {"gauges"}
    for r in records:
        assert {"id", "topic", "form", "prompt", "answer", "options", "fact_ids", "sources"} <= set(r)
        assert [s["fact_id"] for s in r["sources"]] == r["fact_ids"]
        assert all(set(s) == {"fact_id", "quote", "citation"} for s in r["sources"])


def test_quiet_silences_progress(cli):
    """`--quiet` leaves stderr empty on success; without it progress goes to stderr."""
    assert cli("questions", str(MINI_DECK), "--quiet").stderr == ""
    noisy = cli("questions", str(MINI_DECK)).stderr
    assert "generating questions" in noisy and noisy.strip().splitlines()[-1].endswith(" questions")


def test_misquote_is_reported_against_the_article(tmp_path, cli):
    """A quote not in the article gets a located message and exit status 2, without a traceback."""
    article = tmp_path / "article.txt"
    article.write_text(MINI_ARTICLE.read_text(encoding="utf-8").replace("Port North is", "Port South is"))
    result = cli("check", str(MINI_DECK), "--article", str(article))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].endswith(f"facts[21].quote: not found word for word in {article}")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug: [oops\n", "bad.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"),
        ("- 1\n", "bad.yaml:1: expected a mapping at the top level, got list"),
    ],
)
def test_bad_deck_exits_2_with_one_line(tmp_path, content, message):
    """A broken deck file gives exactly its located message on stderr and exit status 2 (a real process)."""
    (tmp_path / "bad.yaml").write_text(content)
    result = process("check", "bad.yaml", "--templates", str(REPO / "questions.yaml"), "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_colliding_deck_ids_are_refused(tmp_path, cli):
    """Two decks with the same deck ID are refused: Anki would merge them."""
    copy = tmp_path / "copy.yaml"
    copy.write_text(MINI_DECK.read_text(encoding="utf-8").replace("slug: mini", "slug: copy"))
    result = cli("check", str(MINI_DECK), str(copy), "--templates", str(REPO / "questions.yaml"), "--quiet")
    assert result.returncode == 2
    assert "deck.deck_id: ID 1700000001 collides with" in result.stderr


def test_one_broken_deck_does_not_stop_the_others(tmp_path, cli):
    """`anki` with a good and a broken deck writes the good one, reports the bad one, exits 2."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "mini.yaml").write_text(MINI_DECK.read_text(encoding="utf-8"))
    (decks / "mini-article.txt").write_text(MINI_ARTICLE.read_text(encoding="utf-8"))
    (decks / "broken.yaml").write_text("slug: [broken\n")
    result = cli("anki", "--templates", str(REPO / "questions.yaml"), "--quiet", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "decks/broken.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"
    assert (tmp_path / "out" / "mini.apkg").exists()
    assert not (tmp_path / "out" / "broken.apkg").exists()


def test_one_deck_commands_refuse_a_second_deck_with_their_own_usage(cli):
    """`quiz deck1 deck2` says that quiz takes one deck, under quiz's usage line, and exits 2."""
    result = cli("quiz", str(MINI_DECK), str(MINI_DECK))
    assert result.returncode == 2
    assert result.stderr.startswith("usage: studyaid quiz ")
    assert result.stderr.strip().endswith(f"studyaid quiz: error: takes one deck file, got 2: {MINI_DECK} {MINI_DECK}")


@pytest.mark.parametrize("value", ["-5", "nan", "inf", "soon"])
def test_timestamp_must_be_a_time(cli, value, tmp_path):
    """`--timestamp` refuses negative, infinite and non-numbers with the option named; nothing is written."""
    result = cli("anki", str(MINI_DECK), "--timestamp", value, "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "studyaid anki: error: argument --timestamp: expected seconds since 1970" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_lists_the_valid_values(cli):
    """`quiz --help` names every topic and form; `questions --help` explains --seed, --topic and --format."""
    quiz = " ".join(cli("quiz", "--help").stdout.split())
    for value in (*TOPICS, *FORMS):
        assert value in quiz
    questions = " ".join(cli("questions", "--help").stdout.split())
    assert "--seed SEED seed for distractors and option order (default: the deck's)" in questions
    assert "--topic TOPIC" in questions and "--format {text,json}" in questions


def test_progress_counts_versions_in_good_english(cli, tmp_path):
    """One quiz version is "1 quiz version and its key", several are "N quiz versions and their keys"."""
    one = cli("quiz", str(MINI_DECK), "--versions", "1", "--count", "2", "-o", str(tmp_path / "a"))
    assert one.returncode == 0, one.stderr
    assert "writing 1 quiz version and its key…" in one.stderr
    two = cli("quiz", str(MINI_DECK), "--versions", "2", "--count", "2", "-o", str(tmp_path / "b"))
    assert two.returncode == 0 and "writing 2 quiz versions and their keys…" in two.stderr
    assert [Path(p).name for p in two.stdout.split()] == ["mini-quiz.pdf", "mini-key.pdf", "mini-quiz.json"]


def test_every_registered_output_is_a_command(cli):
    """Each exporter in the registry is reachable: a command of its own, or a format of `export`
    (platform formats); `build` names the ones it writes."""
    from studyaid.export import OUTPUTS

    top = cli("--help").stdout
    formats = " ".join(cli("export", "--help").stdout.split())
    for out in OUTPUTS:
        if out.via_export:
            assert out.name in formats
        else:
            assert out.name in top and cli(out.name, "--help").returncode == 0
    assert "write every output: " + ", ".join(o.name for o in OUTPUTS if o.in_build) in " ".join(top.split())
