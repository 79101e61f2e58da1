"""Shared fixtures and Hypothesis settings profiles for the studyaid test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from studyaid.generate import generate
from studyaid.load import load_deck, load_templates

REPO = Path(__file__).resolve().parents[1]
MINI_DIR = REPO / "tests" / "fixtures" / "mini"
MINI_DECK = MINI_DIR / "decks" / "mini.yaml"
MINI_ARTICLE = MINI_DIR / "decks" / "mini-article.txt"
QUESTIONS = REPO / "questions.yaml"
ARTICLE_DECK = REPO / "decks" / "russia-north-korea-ties.yaml"
SHARED_ARTICLE = REPO.parent / "shared" / "article" / "russia-north-korea-ties.txt"

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
