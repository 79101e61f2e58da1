"""The command line's grammar: every command, its options and their checks (argparse).

``cli`` runs what this parses. The output commands come from the exporter registry
(``export.OUTPUTS``): each output's command offers the ``ExportOptions`` it ``reads``.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import Any

from .export import OUTPUTS
from .model import FORMS, TOPICS

PLATFORMS = tuple(o.name for o in OUTPUTS if o.via_export)
"""The platform formats ``export --format`` and ``build --formats`` take."""


def command_line() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's own (for its usage in error messages)."""
    parser = argparse.ArgumentParser(prog="studyaid", description="Turn an article's fact base into study material.")
    parser.add_argument("--version", action="version", version=f"studyaid {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, many: bool = True, proposals: bool = True) -> None:
        # One-deck commands take "*" too and refuse a second deck themselves, so the message
        # shows the command's usage rather than the top-level "unrecognized arguments".
        help = "deck files (default: decks/*.yaml)" if many else "deck file (default: the one in decks/)"
        p.add_argument("decks", nargs="*", metavar="DECK", help=help)
        p.add_argument("--templates", help="question templates (default: questions.yaml beside decks/)")
        p.add_argument("--quiet", action="store_true", help="no progress messages")
        p.set_defaults(one_deck=not many)
        if proposals:
            p.add_argument(
                "--include-proposed",
                action="store_true",
                help="also use facts still marked 'status: proposed' (to see what a draft would give)",
            )

    check = sub.add_parser("check", help="load and validate decks; print facts and questions per topic")
    common(check, proposals=False)
    check.add_argument("--article", help="the article's text: every quote must be found in it")
    check.add_argument("--strict", action="store_true", help="question warnings are errors (exit status 2)")

    questions = sub.add_parser("questions", help="list the questions with answers and sources")
    common(questions, many=False)
    questions.add_argument("--topic", help=f"only this topic (a deck's own, or one of {', '.join(TOPICS)})")
    questions.add_argument("--seed", type=int, help="seed for distractors and option order (default: the deck's)")
    questions.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    questions.add_argument(
        "--curated",
        action="store_true",
        help="only the questions of the curated Anki deck (what `studyaid anki` writes by default; "
        "default: every question of the bank)",
    )

    draft = sub.add_parser("draft", help="propose a fact base from an article's text, for a person to confirm")
    draft.add_argument("article", metavar="ARTICLE", help="the article as plain UTF-8 text")
    draft.add_argument("-o", "--output", help="deck file to write, or to add proposals to (default: decks/SLUG.yaml)")
    for name in ("title", "author", "url", "publisher"):
        draft.add_argument(f"--{name}", help=f"the article's {name}, when its text does not give it")
    draft.add_argument("--date", help="the article's publication date, YYYY-MM-DD")
    draft.add_argument("--templates", help="question templates to check the draft with (default: as for check)")
    draft.add_argument("--quiet", action="store_true", help="no progress messages")
    draft.set_defaults(one_deck=False)

    build = sub.add_parser("build", help="write every output: " + ", ".join(o.name for o in OUTPUTS if o.in_build))
    common(build)
    outputs(build, tuple(dict.fromkeys(name for o in OUTPUTS if o.in_build or o.via_export for name in o.reads)))
    build.add_argument(
        "--formats",
        type=_csv,
        default=(),
        help=f"platform exports to add, comma-separated: {', '.join(PLATFORMS)} or all (default: none)",
    )
    for out in OUTPUTS:
        if out.via_export:
            continue
        command = sub.add_parser(out.name, help=out.help)
        common(command, many=out.many_decks)
        outputs(command, out.reads)
    export = sub.add_parser("export", help="write the quiz's questions for a learning platform or as a self-test page")
    common(export, many=False)
    outputs(export, tuple(dict.fromkeys(name for o in OUTPUTS if o.via_export for name in o.reads)))
    export.add_argument(
        "--format",
        dest="formats",
        required=True,
        type=_csv,
        help="comma-separated: gift (GIFT), moodle (Moodle XML), qti12 (Canvas zip), csv (Anki TSV), html, or all",
    )
    return parser, dict(sub.choices)


def outputs(p: argparse.ArgumentParser, reads: Sequence[str]) -> None:
    """The options of a command that writes outputs: the folder, the build time, and ``reads``."""
    p.add_argument("-o", "--output", default="build", help="output folder (default: build/)")
    p.add_argument(
        "--timestamp",
        type=_timestamp,
        help="fixed build time (seconds since 1970, not negative) for byte-reproducible output",
    )
    for name in reads:
        flags, options = OPTION_ARGUMENTS[name]
        p.add_argument(*flags, **options)


def _version() -> str:
    """The installed distribution's version (the package's own when run from a source tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("studyaid")
    except PackageNotFoundError:
        from . import __version__

        return __version__


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text}")
    return value


def _timestamp(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds since 1970, got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"expected seconds since 1970 (0 or more), got {text}")
    return value


def _csv(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _points(text: str) -> tuple[tuple[str, int], ...]:
    """``choice=2,matching=1`` as pairs; the forms are checked with the other quiz options."""
    pairs = []
    for part in _csv(text):
        form, sep, value = part.partition("=")
        if not sep or not value.strip().isdigit():
            raise argparse.ArgumentTypeError(f"expected FORM=POINTS (e.g. choice=2), got {part!r}")
        pairs.append((form.strip(), int(value)))
    return tuple(pairs)


OPTION_ARGUMENTS: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "versions": (("--versions",), {"type": _positive, "default": 4, "help": "shuffled versions (default 4)"}),
    "count": (("--count",), {"type": _positive, "default": 20, "help": "questions per version (default 20)"}),
    "seed": (("--seed",), {"type": int, "help": "seed for selection and shuffling (default: the deck's)"}),
    "topics": (
        ("--topics",),
        {"type": _csv, "help": f"comma-separated topics to draw from (default all: {', '.join(TOPICS)})"},
    ),
    "forms": (
        ("--forms",),
        {"type": _csv, "help": f"comma-separated question forms to use (default all: {', '.join(FORMS)})"},
    ),
    "all_questions": (
        ("--all",),
        {
            "dest": "all_questions",
            "action": "store_true",
            "help": "the Anki deck holds every question of the bank (default: the curated deck, the best "
            "notes of every fact)",
        },
    ),
    "points": (
        ("--points",),
        {
            "type": _points,
            "default": (),
            "help": "points per form, e.g. choice=2,matching=1 (default 1 each; matching and ordering "
            "score per correct pair or box)",
        },
    ),
    "include": (("--include",), {"type": _csv, "default": (), "help": "comma-separated question ids to ask"}),
    "exclude": (("--exclude",), {"type": _csv, "default": (), "help": "comma-separated question ids never to ask"}),
    "extra_descriptions": (
        ("--extra-descriptions",),
        {
            "type": int,
            "default": 1,
            "metavar": "N",
            "help": "descriptions matching no name in each matching question (default 1)",
        },
    ),
    "title": (("--title",), {"help": "the quiz's title (default: the article's)"}),
    "class_name": (("--class",), {"dest": "class_name", "metavar": "CLASS", "help": "class printed in the heading"}),
    "time_allowed": (
        ("--time",),
        {"dest": "time_allowed", "metavar": "TIME", "help": "time allowed, as printed (e.g. '40 minutes')"},
    ),
    "paper": (("--paper",), {"choices": ("a4", "letter"), "default": "a4", "help": "paper size (default a4)"}),
    "large_print": (("--large-print",), {"action": "store_true", "help": "large print: no text under 14 pt"}),
    "reading_sheet": (
        ("--reading-sheet",),
        {"action": "store_true", "help": "print the sentences the questions rest on before the questions"},
    ),
}
"""The command-line argument for each ``ExportOptions`` field an output may read."""
