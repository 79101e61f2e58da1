"""Outputs: the ``Exporter`` protocol, the options every exporter gets, and the registry the CLI walks.

An exporter is a function ``(deck, questions, options) -> list[Path]`` that writes its files into
``options.out_dir``, atomically, and returns their paths in a fixed order. It raises ``InputError``
for a problem the user can fix in the input and ``ExportError`` when its engine fails; it never
prints. Only an exporter imports its output library (genanki, typst...), and the registry names
each exporter by module path, so the CLI imports an exporter only when its output is asked for.

Adding an output format is one module and one entry in ``OUTPUTS``::

    # studyaid/export/gift.py
    def export_gift(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
        target = safe_output_name(options.out_dir, f"{deck.slug}.gift")
        return [write_atomic(target, render(deck, questions).encode())]

    # here, in OUTPUTS
    Output("gift", "studyaid.export.gift:export_gift", "write the questions as Moodle GIFT"),

The CLI then offers ``studyaid gift [DECK ...] [-o DIR] [--timestamp T]`` and runs the exporter in
``studyaid build`` (``in_build=False`` keeps it out of ``build``). ``reads`` names the options of
``ExportOptions`` beyond ``out_dir`` and ``timestamp`` that the command offers (``versions``,
``count``, ``seed``, ``topics``, ``forms``). A new option is a field here (of ``Layout`` for how a
printed output looks), with a default that keeps every other exporter's output unchanged, and an
argument in ``arguments.OPTION_ARGUMENTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..model import Deck, Question


PAPERS = {"a4": "a4", "letter": "us-letter"}
"""Paper sizes offered, and Typst's name for each."""


@dataclass(frozen=True)
class Layout:
    """How the printed outputs look, beyond what they ask."""

    title: str | None = None
    """The quiz's title; None: the article's title."""
    class_name: str | None = None
    """The class or group, printed in the quiz's heading."""
    time_allowed: str | None = None
    """Time allowed, as the teacher writes it (``40 minutes``)."""
    paper: str = "a4"
    """Paper for the quiz, the key and the briefing: ``a4`` or ``letter`` (``PAPERS``)."""
    large_print: bool = False
    """The quiz's body text at 14 pt (the key stays at its usual size)."""
    reading_sheet: bool = False
    """Print the article's sentences the questions rest on before each version's questions."""


@dataclass(frozen=True)
class ExportOptions:
    """Every setting an exporter may read; each reads the ones it needs and ignores the rest."""

    out_dir: Path = Path("build")
    """Folder the files go into (created if missing)."""
    timestamp: float | None = None
    """Build time in seconds since 1970; fixed, it makes every output byte-reproducible.
    None: the Anki deck stamps changed notes with the clock, PDFs use the article's date."""
    seed: int | None = None
    """Seed for quiz selection and shuffling; None: the deck's own ``deck.seed``."""
    versions: int = 4
    """Shuffled quiz versions."""
    count: int = 20
    """Questions per quiz version."""
    topics: tuple[str, ...] | None = None
    """Topics a quiz draws from; None: all."""
    forms: tuple[str, ...] | None = None
    """Question forms a quiz uses; None: all."""
    all_questions: bool = False
    """The Anki deck holds every question of the bank instead of the curated deck (``curate``)."""
    deck_file: Path | None = None
    """The deck file the Anki lock file is kept beside; None: the deck's own path."""
    warn: Callable[[str], None] | None = None
    """Where an exporter reports what the user must know that is not an error (the questions a
    platform format had to leave out); None: nowhere. Exporters never print."""
    report: Callable[[str], None] | None = None
    """Where an exporter says what a build changed (the Anki notes new, updated, unchanged and
    retired); None: nowhere."""
    points: tuple[tuple[str, int], ...] = ()
    """Points per question form (``(("choice", 2),)``); a form not named scores 1. Matching and
    ordering score that many points per correct pair or box."""
    include: tuple[str, ...] = ()
    """Question ids every quiz version must ask."""
    exclude: tuple[str, ...] = ()
    """Question ids no quiz version may ask."""
    extra_descriptions: int = 1
    """Descriptions a matching item prints beyond its names, matching none of them, so the last
    pair cannot be found by elimination."""
    layout: Layout = Layout()
    """How the printed outputs look (the quiz's heading, the paper, large print)."""


def export_options(**given: Any) -> ExportOptions:
    """Options from flat settings, as the command line gives them: the printed look's go into ``layout``."""
    look = {f.name for f in fields(Layout)}
    layout = Layout(**{k: v for k, v in given.items() if k in look})
    return ExportOptions(layout=layout, **{k: v for k, v in given.items() if k not in look})


class Exporter(Protocol):
    """Write one deck's output files and return their paths."""

    def __call__(self, deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]: ...


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Output:
    """One registered output: its command, where its exporter lives, and what the CLI offers for it."""

    name: str
    """The command (``studyaid NAME``) and the output's name."""
    target: str
    """``module:function`` of the exporter, imported only when the output is written."""
    help: str
    """One line for ``studyaid --help``."""
    progress: Callable[[ExportOptions], str] = field(default=lambda options: "writing…")
    """The progress line shown before writing (after ``<deck>: ``)."""
    reads: tuple[str, ...] = ()
    """Options beyond ``out_dir`` and ``timestamp`` that the command offers."""
    in_build: bool = True
    """Whether ``studyaid build`` writes this output."""
    many_decks: bool = True
    """Whether the command takes several decks (else one, or the default one)."""
    via_export: bool = False
    """A platform format: written by ``studyaid export --format NAME`` and ``studyaid build
    --formats NAME`` instead of a command of its own."""

    def exporter(self) -> Exporter:
        """The exporter function, imported now."""
        module, _, name = self.target.partition(":")
        found: Exporter = getattr(import_module(module), name)
        return found


QUIZ_OPTIONS = (
    "versions",
    "count",
    "seed",
    "topics",
    "forms",
    "points",
    "include",
    "exclude",
    "extra_descriptions",
    "title",
    "class_name",
    "time_allowed",
    "paper",
    "large_print",
    "reading_sheet",
)
PLATFORM_OPTIONS = ("count", "seed", "topics", "forms")
"""A platform export asks the printed quiz's questions (its version A): the same choice options."""


def _platform(name: str, module: str, title: str) -> Output:
    return Output(
        name,
        f"studyaid.export.{module}:export_{module}",
        f"write the quiz's questions as {title}",
        lambda o: f"writing {title}…",
        reads=PLATFORM_OPTIONS,
        in_build=False,
        many_decks=False,
        via_export=True,
    )


OUTPUTS: tuple[Output, ...] = (
    Output(
        "anki",
        "studyaid.export.anki:export_anki",
        "write only the Anki decks (the curated deck; --all for every question)",
        lambda o: "writing the Anki deck" + (" with every question…" if o.all_questions else "…"),
        reads=("topics", "forms", "all_questions"),
    ),
    Output(
        "quiz",
        "studyaid.export.quiz:export_quiz",
        "write the printable quiz versions, their keys and JSON",
        lambda o: f"writing {_plural(o.versions, 'quiz version and its key', 'quiz versions and their keys')}…",
        reads=QUIZ_OPTIONS,
        many_decks=False,
    ),
    Output(
        "briefing",
        "studyaid.export.briefing:export_briefing",
        "write the classroom briefing handout",
        lambda o: "writing the briefing handout…",
        reads=("paper",),
        many_decks=False,
    ),
    _platform("gift", "gift", "GIFT for Moodle"),
    _platform("moodle", "moodle", "Moodle XML"),
    _platform("qti12", "qti", "a QTI 1.2 package for Canvas and Blackboard"),
    _platform("csv", "anki_csv", "a TSV file for Anki's CSV import"),
    _platform("html", "web", "a self-test web page"),
)
"""Every output, in the order ``studyaid build`` writes them."""


def output(name: str) -> Output:
    """The registered output called ``name``; KeyError when there is none."""
    for o in OUTPUTS:
        if o.name == name:
            return o
    raise KeyError(name)


__all__ = [
    "OUTPUTS",
    "PAPERS",
    "PLATFORM_OPTIONS",
    "QUIZ_OPTIONS",
    "ExportOptions",
    "Exporter",
    "Layout",
    "Output",
    "export_options",
    "output",
]
