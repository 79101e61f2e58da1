"""The learning-platform formats by name, and the one way every one of them is written.

Each format is a module with a pure ``render_*(deck, plan) -> Rendered``; this module plans the
quiz once (as the printed quiz does, for the same seed), renders, and writes the files
atomically. Format modules are imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..model import Deck, Question
from ..quizplan import QuizPlan
from .platform import LeftOut, Rendered, platform_plan, write_rendered


@dataclass(frozen=True)
class PlatformFormat:
    """One export format: its command-line name, what it is for, and where its renderer lives."""

    name: str
    title: str
    module: str
    function: str

    def renderer(self) -> Callable[[Deck, QuizPlan], Rendered]:
        render: Callable[[Deck, QuizPlan], Rendered] = getattr(
            import_module(f"{__package__}.{self.module}"), self.function
        )
        return render


PLATFORM_FORMATS = {
    f.name: f
    for f in (
        PlatformFormat("gift", "GIFT for Moodle", "gift", "render_gift"),
        PlatformFormat("moodle", "Moodle XML", "moodle", "render_moodle"),
        PlatformFormat("qti12", "QTI 1.2 package for Canvas and Blackboard", "qti", "render_qti"),
        PlatformFormat("csv", "Anki CSV/TSV with header lines", "anki_csv", "render_anki_csv"),
        PlatformFormat("html", "self-test web page", "web", "render_web"),
    )
}


@dataclass(frozen=True)
class Exported:
    """What one format wrote and what it had to leave out."""

    format: str
    paths: tuple[Path, ...]
    left_out: tuple[LeftOut, ...]


def export_platforms(
    deck: Deck,
    questions: Sequence[Question],
    out_dir: Path,
    formats: Sequence[str],
    *,
    count: int,
    seed: int,
    topics: tuple[str, ...] | None = None,
    forms: tuple[str, ...] | None = None,
) -> list[Exported]:
    """Write each of ``formats`` for the quiz plan the printed quiz would use with these options.

    Every format is rendered before any file is written, so a failing format leaves no file of
    this call behind.
    """
    plan = platform_plan(deck, questions, count=count, seed=seed, topics=topics, forms=forms)
    rendered = [(name, PLATFORM_FORMATS[name].renderer()(deck, plan)) for name in formats]
    return [Exported(name, tuple(write_rendered(out_dir, r)), r.left_out) for name, r in rendered]
