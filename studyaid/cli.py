"""The ``studyaid`` command: the only place that prints, shows progress or exits."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .arguments import OPTION_ARGUMENTS, PLATFORMS, command_line
from .errors import InputError, Problem, StudyaidError, shorten
from .export import OUTPUTS
from .model import FORMS, Question
from .wording import OPTION_LETTERS

if TYPE_CHECKING:
    from .export import Output
    from .model import Deck

EXIT_INPUT = 2
EXIT_ENVIRONMENT = 1
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program ended by SIGPIPE, as ``head`` leaves it."""


class Progress:
    """Progress lines on stderr, silenced by ``--quiet``."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def __call__(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; exit status 0 on success, 2 on bad input, 1 when the environment is unusable."""
    parser, commands = command_line()
    args = parser.parse_args(argv)
    if args.one_deck and len(args.decks) > 1:
        commands[args.command].error(f"takes one deck file, got {len(args.decks)}: {' '.join(args.decks)}")
    progress = Progress(args.quiet)
    _stop_cleanly_on_sigterm()
    try:
        if args.command == "check":
            return _check(args, progress)
        if args.command == "questions":
            return _questions(args, progress)
        if args.command == "draft":
            return _draft(args, progress)
        return _export(args, progress)
    except InputError as exc:
        print_problems(exc.problems)
        return EXIT_INPUT
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    except StudyaidError as exc:
        print(f"studyaid: {shorten(str(exc), 1000)}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        print(
            "studyaid: interrupted; outputs written so far are complete, the one in progress was discarded",
            file=sys.stderr,
        )
        return 130


PROBLEMS_SHOWN = 100
"""Problems printed before the rest are counted: 200,000 problems must not print 12 MB."""


def print_problems(problems: Sequence[Any]) -> None:
    """One line per problem, at most ``PROBLEMS_SHOWN`` of them, then how many more there are."""
    try:
        for problem in problems[:PROBLEMS_SHOWN]:
            print(problem, file=sys.stderr)
        if len(problems) > PROBLEMS_SHOWN:
            print(f"… and {len(problems) - PROBLEMS_SHOWN:,} more problems", file=sys.stderr)
    except BrokenPipeError:
        _quiet_after_broken_pipe()


def _quiet_after_broken_pipe() -> int:
    """The reader of our output went away (``studyaid questions | head``): stop without a word.

    Standard output is pointed at /dev/null so that flushing it at exit cannot fail again.
    """
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_BROKEN_PIPE


def _stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt, so the atomic writers remove their temporary files."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _generate_all(
    args: argparse.Namespace, progress: Progress, seed: int | None = None, keep_going: bool = False
) -> tuple[list[tuple[Any, list[Question]]], list[Any]]:
    """Load the decks and generate their questions; with ``keep_going``, skip failing decks and
    return their problems instead of raising."""
    from .generate import generate
    from .review import usable
    from .workspace import load_workspace

    decks = list(args.decks)
    progress(f"loading {len(decks) or 'all'} deck file(s)…")
    workspace = load_workspace(decks, args.templates, getattr(args, "article", None), keep_going=keep_going)
    results = []
    problems: list[Problem] = list(workspace.problems)
    # check looks at proposals like any fact; outputs use confirmed facts unless asked.
    include = args.command == "check" or getattr(args, "include_proposed", False)
    for deck in (usable(d, include) for d in workspace.decks):
        progress(f"{deck.path}: generating questions from {len(deck.facts)} facts…")
        try:
            results.append((deck, generate(deck, workspace.templates, seed)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems and not keep_going:
        raise InputError(problems)
    return results, problems


def _check(args: argparse.Namespace, progress: Progress) -> int:
    from .lint import lint
    from .review import statuses

    results, _ = _generate_all(args, progress)
    warned = 0
    for deck, questions in results:
        facts = Counter(f.topic for f in deck.facts)
        kinds = Counter(f.kind for f in deck.facts)
        per_topic = Counter(q.topic for q in questions)
        forms = Counter(q.form for q in questions)
        about = ", ".join(p for p in (deck.source.author, deck.source.date) if p)
        print(f"{deck.path}: {deck.source.title}" + (f" ({about})" if about else ""))
        print(
            f"  {len(deck.facts)} facts, {len(questions)} questions, "
            f"{len({q.template_id for q in questions})} templates used"
        )
        print(f"  {'topic':<14}{'facts':>7}{'questions':>11}")
        for topic in deck.topic_ids:
            print(f"  {topic:<14}{facts[topic]:>7}{per_topic[topic]:>11}")
        print("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        print("  forms: " + ", ".join(f"{f} {forms[f]}" for f in FORMS))
        counted = statuses(deck)
        if counted["proposed"]:
            print(
                f"  {counted['proposed']} proposed facts wait for a decision "
                f"(set 'status: confirmed' or 'status: rejected'; outputs use the {counted['confirmed']} confirmed)"
            )
        article = args.article or deck.source.article
        if article:
            article = _relative(article)
            print(f"  all {len(deck.facts)} quotes found in {article}")
        warnings = lint(deck, questions)
        warned += len(warnings)
        codes = Counter(w.code for w in warnings)
        print(f"  question warnings: {len(warnings)}" + (f" ({_counts(codes)})" if warnings else ""))
        for w in warnings:
            line = next((deck.facts_by_id[i].line for i in w.question.fact_ids[:1] if i in deck.facts_by_id), 0)
            label = "error" if args.strict else "warning"
            print(f"{deck.path}:{line}: {label}: {w}", file=sys.stderr if args.strict else sys.stdout)
    if warned and args.strict:
        print(f"studyaid: {warned} question warning(s) with --strict", file=sys.stderr)
        return EXIT_INPUT
    print("ok")
    return 0


def _relative(path: str) -> str:
    """A path relative to the current folder when it lies inside it, as the user would write it."""

    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{code} {n}" for code, n in sorted(counter.items()))


def _draft(args: argparse.Namespace, progress: Progress) -> int:
    """Propose facts from the article and write them to the deck file, then summarise."""

    from .atomic import write_atomic
    from .draft import Options, build_deck, draft_article
    from .draft.ids import slugify
    from .draft.summary import summary_lines
    from .load import load_templates
    from .schema import iso_date
    from .workspace import templates_path

    article = Path(args.article)
    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(args.article, 0, "", f"cannot read the article: {exc}")]) from None
    if args.date is not None:
        try:
            iso_date(args.date)
        except ValueError:
            message = f"expected a date as YYYY-MM-DD, got {args.date!r}"
            raise InputError([Problem("command line", 0, "--date", message)]) from None
    progress(f"{args.article}: reading {len(text):,} characters…")
    drafted = draft_article(text)
    title = args.title or drafted.header.title
    out = Path(args.output) if args.output else Path("decks") / f"{slugify(title or article.stem)}.yaml"
    options = Options(args.title, args.author, args.date, args.url, args.publisher)
    templates = load_templates(tpath := templates_path(args.templates, [out]), display=str(tpath))
    progress(f"{args.article}: {len(drafted.sentences)} sentences, {len(drafted.proposals)} proposals; checking them…")
    result = build_deck(drafted, article, out, options, templates)
    write_atomic(out, result.text.encode("utf-8"))
    for line in summary_lines(out, args.article, result):
        print(line)
    return 0


def _questions(args: argparse.Namespace, progress: Progress) -> int:
    results, _ = _generate_all(args, progress, args.seed)
    known = {t for deck, _ in results for t in deck.topic_ids}
    if args.topic is not None and args.topic not in known:
        expected = ", ".join(sorted(known))
        raise InputError(
            [Problem("command line", 0, "--topic", f"unknown topic {args.topic!r} (expected one of {expected})")]
        )
    if args.curated:
        from .export.anki import curated_questions

        results = [(deck, curated_questions(deck, qs)) for deck, qs in results]
    chosen = [q for _, qs in results for q in qs if args.topic is None or q.topic == args.topic]
    if args.format == "json":
        print(json.dumps([q.record() for q in chosen], ensure_ascii=False, indent=2))
        return 0
    for q in chosen:
        print(f"[{q.id}] ({q.topic}, {q.form})")
        print(f"  Q: {q.prompt}")
        if q.items:
            for i, item in enumerate(q.items, 1):
                print(f"     {i}. {item}")
        if q.options:
            for letter, option in zip(OPTION_LETTERS, q.options, strict=False):
                print(f"     {letter}) {option}")
        print(f"  A: {q.answer}")
        print(f"  Why: {q.explanation}")
        print(f"  Source: “{q.quote}” — {q.citation}")
        print()
    progress(f"{len(chosen)} questions")
    return 0


def _export(args: argparse.Namespace, progress: Progress) -> int:
    """Write the outputs a command asks for, deck by deck; a failing deck does not stop the others."""
    from .export import output

    if args.command in ("build", "export"):
        platforms = _check_formats(args)
        chosen = [o for o in OUTPUTS if o.in_build and args.command == "build"] + [output(f) for f in platforms]
    else:
        chosen = [output(args.command)]
    reads = {name for o in chosen for name in o.reads}
    if reads & {"topics", "forms"}:
        _check_choices(args)

    from .outfolder import OutputFolder

    results, failed = _generate_all(args, progress, keep_going=True)
    if reads & {"topics", "forms"}:  # before the output folder exists: bad options leave no trace
        from .scope import scope_problems

        scoped = [(deck, scope_problems(deck, args.topics, args.forms)) for deck, _ in results]
        failed.extend(p for _, problems in scoped for p in problems)
        results = [r for r, (_, problems) in zip(results, scoped, strict=True) if not problems]
    broken_output = False
    # Nothing to write, no folder made: bad input leaves no trace. Otherwise the folder is held
    # for the whole run, so a second build into it waits.
    with OutputFolder(Path(args.output), on_wait=progress) if results else contextlib.nullcontext() as folder:
        for deck, questions in results:
            assert isinstance(folder, OutputFolder)
            staging = folder.stage()
            try:
                written = folder.commit(_export_deck(args, chosen, deck, questions, progress, staging))
            except InputError as exc:
                failed.extend(exc.problems)
                continue
            except StudyaidError as exc:
                # Name the file the user would have got, not its staged copy.
                message = str(exc).replace(str(staging), str(folder.path))
                failed.append(Problem(deck.path, 0, "", f"could not write its outputs: {message}"))
                broken_output = True
                continue
            finally:
                folder.discard(staging)
            for path in written:
                print(path)
            if args.command == "build":
                _next_steps(written, progress)
    print_problems(failed)
    if failed:
        return 1 if broken_output else EXIT_INPUT
    return 0


def _next_steps(written: list[Path], progress: Progress) -> None:
    """What to do with a deck's outputs: open the briefing, print the quiz and key, import the deck."""
    names = [str(p) for p in written]
    say = {
        "-briefing.pdf": "open (or print for the class)",
        "-quiz.pdf": "print, one copy per student",
        "-key.pdf": "print for the marker",
        ".apkg": "import into Anki (File > Import), or double-click it",
        "-gift.txt": "import into Moodle (Question bank > Import, GIFT format)",
        "-moodle.xml": "import into Moodle (Question bank > Import, Moodle XML format)",
        "-qti.zip": "import into Canvas (Settings > Import Course Content, QTI .zip file)",
        "-anki.tsv": "import into Anki with your own note type (File > Import)",
        "-selftest.html": "open in any browser, or share the file",
    }
    for end, what in say.items():
        for name in names:
            if name.endswith(end):
                progress(f"  {what}: {name}")


def _check_formats(args: argparse.Namespace) -> list[str]:
    """The platform formats asked for, each once in the registry's order; InputError for unknown names."""

    asked = set(args.formats)
    option = "--format" if args.command == "export" else "--formats"
    bad = [
        Problem("command line", 0, option, f"unknown format {f!r} (expected one of {', '.join(PLATFORMS)} or all)")
        for f in dict.fromkeys(args.formats)
        if f not in PLATFORMS and f != "all"
    ]
    if args.command == "export" and not asked:
        bad.append(Problem("command line", 0, option, f"name at least one format: {', '.join(PLATFORMS)} or all"))
    if bad:
        raise InputError(bad)
    return [f for f in PLATFORMS if f in asked or "all" in asked]


def _check_choices(args: argparse.Namespace) -> None:

    bad = [
        Problem("command line", 0, "--forms", f"unknown form {f!r} (expected one of {', '.join(FORMS)})")
        for f in args.forms or ()
        if f not in FORMS
    ]
    if bad:
        raise InputError(bad)


def _export_deck(
    args: argparse.Namespace,
    chosen: Sequence[Output],
    deck: Deck,
    questions: list[Question],
    progress: Progress,
    out_dir: Path,
) -> list[Path]:
    """Run each chosen exporter on one deck, with the options from the command line, writing into
    ``out_dir`` (the build's staging folder)."""

    from .export import export_options

    given = {name: getattr(args, name) for name in OPTION_ARGUMENTS if hasattr(args, name)}

    def warn(message: str) -> None:
        # Shown even with --quiet: an import that silently lacks questions is the failure to avoid.
        print(f"{deck.path}: warning: {message}", file=sys.stderr)

    def report(message: str) -> None:
        progress(f"{deck.path}: {message}")

    options = export_options(out_dir=out_dir, timestamp=args.timestamp, warn=warn, report=report, **given)
    # The Anki exporter also rewrites the lock file beside the deck, outside the staging folder:
    # it runs last, so that a quiz that cannot be made stops the build before the lock changes.
    written: dict[str, list[Path]] = {}
    for out in sorted(chosen, key=lambda o: o.name == "anki"):
        progress(f"{deck.path}: {out.progress(options)}")
        written[out.name] = out.exporter()(deck, questions, options)
    return [path for out in chosen for path in written[out.name]]


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
