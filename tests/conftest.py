"""Shared fixtures and Hypothesis settings profiles for the studyaid test suite."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from studyaid.cli import main
from studyaid.generate import generate
from studyaid.load import load_deck, load_templates

REPO = Path(__file__).resolve().parents[1]
MINI_DIR = REPO / "tests" / "fixtures" / "mini"
MINI_DECK = MINI_DIR / "decks" / "mini.yaml"
MINI_ARTICLE = MINI_DIR / "decks" / "mini-article.txt"
FIXTURE_DECKS = tuple(sorted((REPO / "tests" / "fixtures").glob("*/decks/*.yaml")))
"""Every fixture article's deck (mini, health, history): generic properties run over all of them."""
QUESTIONS = REPO / "questions.yaml"
ARTICLE_DECK = REPO / "decks" / "russia-north-korea-ties.yaml"
SHARED_ARTICLE = REPO.parent / "shared" / "article" / "russia-north-korea-ties.txt"

# CI and a developer's run use the same modest counts (the whole suite stays under 30 s);
# HYPOTHESIS_PROFILE=thorough searches ten times harder, for a run before a release.
settings.register_profile("ci", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def templates():
    """The shared question templates."""
    return load_templates(QUESTIONS)


@pytest.fixture(scope="session")
def mini_deck(templates):
    """The small fixture article's deck."""
    return load_deck(MINI_DECK, templates)


@pytest.fixture(scope="session")
def mini_questions(mini_deck, templates):
    """Questions generated from the fixture deck with its own seed."""
    return generate(mini_deck, templates)


@pytest.fixture(scope="session")
def article_deck(templates):
    """The real article's deck (skipped when it is not there)."""
    if not ARTICLE_DECK.exists():
        pytest.skip(f"{ARTICLE_DECK.name} is not in decks/")
    return load_deck(ARTICLE_DECK, templates)


@pytest.fixture(scope="session")
def article_questions(article_deck, templates):
    """Questions generated from the real article's deck."""
    return generate(article_deck, templates)


@dataclass(frozen=True)
class Run:
    """What one command run gave: its exit status and everything it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``studyaid ARGS...`` in this process (in ``cwd``), as a user's shell would.

    The CLI is argparse over ``main(argv) -> int``, so calling ``main`` is the command itself minus
    process start-up (about a second per run here): a usage error is argparse's ``SystemExit``,
    turned back into its status. A few tests still start real processes, for what only a process
    shows (exit codes to the shell, signals, the installed entry point).
    """

    def run(*args: str, cwd: Path = REPO) -> Run:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        handler = signal.getsignal(signal.SIGTERM)
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            signal.signal(signal.SIGTERM, handler)  # main() turns SIGTERM into KeyboardInterrupt
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run
