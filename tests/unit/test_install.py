"""studyaid installed like a tool: templates shipped with the package, decks anywhere, --version."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import studyaid
from studyaid.workspace import installed_templates, templates_path

from ..conftest import ARTICLE_DECK, MINI_DECK, QUESTIONS, REPO, SHARED_ARTICLE


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a real process, as the installed entry point runs it."""
    return subprocess.run(
        [sys.executable, "-m", "studyaid.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_installed_templates_are_the_repository_questions_file():
    """The templates the package ships are byte for byte the repository's questions.yaml."""
    assert installed_templates().read_bytes() == QUESTIONS.read_bytes()


def test_deck_outside_any_repository_uses_the_installed_templates(tmp_path, monkeypatch, cli):
    """A deck in a folder with no questions.yaml near it loads, checks its own article and builds questions."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    for f in MINI_DECK.parent.iterdir():
        shutil.copy(f, folder / f.name)
    monkeypatch.chdir(tmp_path)
    assert templates_path(None, [folder / "mini.yaml"]) == installed_templates()
    result = cli("check", "lessons/mini.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "all 24 quotes found in lessons/mini-article.txt" in result.stdout


def test_version_is_the_distributions():
    """`studyaid --version` prints the installed version, which is the package's own."""
    result = run("--version", cwd=REPO)
    assert result.returncode == 0
    assert result.stdout.strip() == f"studyaid {version('studyaid')}" == f"studyaid {studyaid.__version__}"


def test_first_article_text_lives_beside_its_deck(article_deck, cli):
    """The article deck names its text file in decks/, so `check` verifies quotes on a fresh clone."""
    assert article_deck.source.article == str(ARTICLE_DECK.with_suffix(".txt"))
    result = cli("check", "--quiet", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert f"all {len(article_deck.facts)} quotes found in decks/russia-north-korea-ties.txt" in result.stdout


def test_article_copy_matches_the_shared_original():
    """The copy in decks/ is the shared article text, unchanged."""
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"the shared article is not at {SHARED_ARTICLE}")
    assert ARTICLE_DECK.with_suffix(".txt").read_bytes() == SHARED_ARTICLE.read_bytes()
