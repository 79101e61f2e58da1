"""Finding and loading the decks and templates a command works on."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .crossfile import check_id_collisions, check_names, check_quotes, with_quoted_authors
from .errors import InputError, Problem
from .load import load_deck, load_templates
from .model import Deck, Template
from .safefile import UnreadableFile, read_text

MAX_ARTICLE_BYTES = 50_000_000
"""Largest article text read: a long report is a few megabytes."""


@dataclass(frozen=True)
class Workspace:
    """The decks and shared templates one command run works on."""

    decks: tuple[Deck, ...]
    templates: tuple[Template, ...]
    problems: tuple[Problem, ...] = ()
    """Problems with decks left out (only when loaded with ``keep_going``)."""


def deck_paths(given: list[str]) -> list[Path]:
    """The deck files named on the command line, or every ``decks/*.yaml`` by default."""
    if given:
        return [Path(p) for p in given]
    found = sorted(Path("decks").glob("*.yaml"))
    if not found:
        raise InputError([Problem("decks", 0, "", "no deck files found (expected decks/*.yaml)")])
    return found


def templates_path(option: str | None, decks: list[Path]) -> Path:
    """``--templates``, else the ``questions.yaml`` beside the decks folder, else in the current
    folder, else the shared templates installed with studyaid (so a deck anywhere on disk works)."""
    if option:
        return Path(option)
    for deck in decks:
        beside = deck.resolve().parent.parent / "questions.yaml"
        if beside.is_file():
            return beside
    here = Path("questions.yaml")
    return here if here.is_file() else installed_templates()


def installed_templates() -> Path:
    """The shared templates shipped inside the package (the repository's ``questions.yaml``)."""
    return Path(str(resources.files("studyaid") / "questions.yaml"))


def load_workspace(
    decks: list[str], templates: str | None, article: str | None = None, keep_going: bool = False
) -> Workspace:
    """Load every deck and the templates, collecting all problems from all files before raising.

    With ``keep_going``, a deck with problems is left out and its problems are returned with the
    decks that loaded, so that one teacher's broken deck does not stop everyone else's build.
    Problems with the shared templates always stop everything: every deck needs them.
    """
    paths = deck_paths(decks)
    problems: list[Problem] = []
    shared: tuple[Template, ...] = ()
    tpath = templates_path(templates, paths)
    try:
        shared = load_templates(tpath, display=_display(tpath))
    except InputError as exc:
        problems.extend(exc.problems)
    loaded: list[Deck] = []
    article_text = None
    if article and len(paths) > 1:
        problems.append(
            Problem(
                "command line",
                0,
                "--article",
                "gives one article text, but several decks are checked: each deck names its own in source.article",
            )
        )
        article = None
    if article:
        try:
            article_text = read_text(Path(article), MAX_ARTICLE_BYTES)
        except UnreadableFile as exc:
            problems.append(Problem(article, 0, "", f"cannot read the article: {exc}"))
    for path in paths:
        try:
            deck = load_deck(path, shared, display=_display(path))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if article_text is not None:
            problems.extend(check_quotes(deck, article_text, article or ""))
            deck = with_quoted_authors(deck, article_text)
        else:
            deck = _check_own_articles(deck, problems)
        loaded.append(deck)
    problems.extend(check_id_collisions(loaded))
    problems.extend(check_names(loaded))
    if problems and (not keep_going or not shared):
        raise InputError(problems)
    failed = {p.path for p in problems}
    return Workspace(tuple(d for d in loaded if d.path not in failed), shared, tuple(problems))


def _check_own_articles(deck: Deck, problems: list[Problem]) -> Deck:
    """Each fact's quote checked against the text of the article it comes from, for every source
    that names its text file (already confined to the deck's folder); returns the deck with the
    authors of quoted passages derived from those texts (``with_quoted_authors``)."""
    for source in deck.sources or (deck.source,):
        if not source.article:
            continue
        where = f"sources[{deck.sources.index(source)}].article" if deck.sources else "source.article"
        try:
            text = read_text(Path(source.article), MAX_ARTICLE_BYTES)
        except UnreadableFile as exc:
            problems.append(Problem(deck.path, 0, where, f"cannot read the article: {exc}"))
            continue
        problems.extend(check_quotes(deck, text, _display(Path(source.article)), source))
        deck = with_quoted_authors(deck, text, source)
    return deck


def _display(path: Path) -> str:
    """A path as the user would write it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
