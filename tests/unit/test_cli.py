"""The studyaid command as a user runs it: subprocesses, exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import MINI_ARTICLE, MINI_DECK, REPO


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studyaid.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_check_prints_summary_per_topic():
    """`check` on the fixture prints facts and questions per topic and confirms every quote."""
    result = run("check", str(MINI_DECK), "--article", str(MINI_ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "24 facts" in result.stdout
    for topic in ("trade-shares", "gauges", "dates", "actors", "places"):
        assert topic in result.stdout
    assert "all 24 quotes found" in result.stdout


def test_questions_json_has_the_documented_fields():
    """`questions --format json` lists objects with id, topic, form, prompt, answer, options and sources."""
    result = run("questions", str(MINI_DECK), "--topic", "gauges", "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert records and {r["topic"] for r in records} == {"gauges"}
    for r in records:
        assert {"id", "topic", "form", "prompt", "answer", "options", "fact_ids", "quote", "citation"} <= set(r)


def test_quiet_silences_progress():
    """`--quiet` leaves stderr empty on success; without it progress goes to stderr."""
    assert run("questions", str(MINI_DECK), "--quiet").stderr == ""
    noisy = run("questions", str(MINI_DECK)).stderr
    assert "generating questions" in noisy and noisy.strip().splitlines()[-1].endswith(" questions")


def test_misquote_is_reported_against_the_article(tmp_path):
    """A quote not in the article gets a located message and exit status 2, without a traceback."""
    article = tmp_path / "article.txt"
    article.write_text(MINI_ARTICLE.read_text(encoding="utf-8").replace("Port North is", "Port South is"))
    result = run("check", str(MINI_DECK), "--article", str(article))
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
    """A broken deck file gives exactly its located message on stderr and exit status 2."""
    (tmp_path / "bad.yaml").write_text(content)
    result = run("check", "bad.yaml", "--templates", str(REPO / "questions.yaml"), "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_colliding_deck_ids_are_refused(tmp_path):
    """Two decks with the same deck ID are refused: Anki would merge them."""
    copy = tmp_path / "copy.yaml"
    copy.write_text(MINI_DECK.read_text(encoding="utf-8").replace("slug: mini", "slug: copy"))
    result = run("check", str(MINI_DECK), str(copy), "--templates", str(REPO / "questions.yaml"), "--quiet")
    assert result.returncode == 2
    assert "deck.deck_id: ID 1700000001 collides with" in result.stderr


def test_one_broken_deck_does_not_stop_the_others(tmp_path):
    """`anki` with a good and a broken deck writes the good one, reports the bad one, exits 2."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "mini.yaml").write_text(MINI_DECK.read_text(encoding="utf-8"))
    (decks / "mini-article.txt").write_text(MINI_ARTICLE.read_text(encoding="utf-8"))
    (decks / "broken.yaml").write_text("slug: [broken\n")
    result = run("anki", "--templates", str(REPO / "questions.yaml"), "--quiet", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "decks/broken.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"
    assert (tmp_path / "out" / "mini.apkg").exists()
    assert not (tmp_path / "out" / "broken.apkg").exists()
