"""``python -m bench``: time studyaid on synthetic decks and the real article; print a table, write JSON."""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import amc, analysis, commands, machine, report, snapshot
from .measure import physical_memory_mb
from .runner import Runner
from .synthetic import synthetic_deck, write_deck

REPO = Path(__file__).resolve().parents[1]
ARTICLE_DECK = Path("decks") / "russia-north-korea-ties.yaml"
"""The real article's deck, relative to the repository (and to its frozen copy)."""
ARTICLE_TEXT = REPO.parent / "shared" / "article" / "russia-north-korea-ties.txt"
TEMPLATES = Path("questions.yaml")
DEFAULT_SIZES = (100, 1000, 10_000, 100_000)
QUIZ_VERSIONS, QUIZ_COUNT = 30, 20
SCALING_VERSIONS = (1, 30, 200)
NOTES_DECK_FACTS = 2000
"""Facts in the deck made for the 10,000-note Anki comparison (about 5.5 questions per fact)."""


def _sizes(text: str) -> list[int]:
    sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    if not sizes or sizes[0] < 30:
        raise argparse.ArgumentTypeError("sizes are comma-separated fact counts of at least 30")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    add = parser.add_argument
    add(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="synthetic deck sizes in facts (default 100,...,100000)",
    )
    add("--quick", action="store_true", help="smallest size only, one run per step, quiz scaling at 1 and 30 versions")
    add("--out", type=Path, default=Path("build/bench.json"), help="JSON output (default build/bench.json)")
    add("--seed", type=int, default=0, help="seed for the synthetic decks (default 0)")
    add("--repeat", type=int, help="runs per step, median reported (default 3; --quick 1)")
    add("--timeout", type=float, default=600.0, help="time limit per step run in seconds (default 600)")
    add("--profile", type=Path, metavar="DIR", help="also run each step once under cProfile, top functions to DIR")
    add("--memory-limit", type=float, metavar="GB", help="address-space cap per step process (default: half the RAM)")
    add("--working-tree", action="store_true", help="measure the files on disk, edits included (default: HEAD)")
    add("--keep", action="store_true", help="keep the scratch folder (decks, outputs)")
    add(
        "--report",
        type=Path,
        metavar="JSON",
        help="measure nothing: print the table for a saved result, derived afresh",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes[:1]
    args.repeat = args.repeat or (1 if args.quick else 3)
    return args


def measure_deck(runner: Runner, name: str, yaml_path: Path, *, synthetic: bool) -> dict[str, Any]:
    """Every step and baseline on one deck file, each after the step it needs succeeded."""
    from studyaid.yamlsafe import MAX_BYTES

    size = yaml_path.stat().st_size
    entry: dict[str, Any] = {
        "name": name,
        "synthetic": synthetic,
        "file_bytes": size,
        "steps": {},
        "baselines": {},
        "notes": [],
    }
    if size > MAX_BYTES:
        entry["notes"].append(
            f"the deck file is {size / 1e6:.1f} MB, over studyaid's {MAX_BYTES / 1e6:g} MB limit "
            "(studyaid.yamlsafe.MAX_BYTES): studyaid refuses it; the benchmark lifts the limit to time the rest"
        )
    loaded, questions = runner.scratch / f"{name}.loaded.pkl", runner.scratch / f"{name}.questions.pkl"
    progress(f"{name}: load")
    load = entry["steps"]["load"] = runner.run(
        "load",
        name,
        deck_yaml=str(yaml_path),
        templates_yaml=str(runner.code / TEMPLATES),
        output=str(loaded),
        lift_size_limit=True,
    )
    entry["facts"] = load.get("facts") or _count_facts(yaml_path)
    if load["status"] != "ok":
        entry["notes"].append("generate, export and baselines not run: load did not finish")
        return entry
    progress(f"{name}: generate")
    gen = entry["steps"]["generate"] = runner.run("generate", name, loaded=str(loaded), output=str(questions))
    entry["questions"] = gen.get("questions")
    if gen["status"] != "ok":
        entry["notes"].append("exports and baselines not run: generate did not finish")
        return entry
    inputs = {"loaded": str(loaded), "questions": str(questions)}
    quiz = {"versions": QUIZ_VERSIONS, "count": QUIZ_COUNT}
    for step, base, extra in (("anki", "genanki", {}), ("quiz", "typst", quiz)):
        progress(f"{name}: {step} and {base} alone")
        entry["steps"][step], theirs = runner.run_pair(step, base, name, **inputs, **extra)
        if theirs is not None:
            entry["baselines"][base] = theirs
    return entry


def _count_facts(path: Path) -> int:
    """Facts in a deck file without studyaid (for decks whose load did not finish)."""
    return sum(1 for line in path.open(encoding="utf-8") if line.startswith("- id: ") or line.startswith("  - id: "))


def measure_notes(runner: Runner, seed: int, folder: Path) -> dict[str, Any]:
    """studyaid's Anki export against genanki alone at exactly 10,000 notes."""
    path = write_deck(synthetic_deck(NOTES_DECK_FACTS, seed), folder)
    name = f"notes-{NOTES_DECK_FACTS}"
    loaded, questions = runner.scratch / f"{name}.loaded.pkl", runner.scratch / f"{name}.questions.pkl"
    once = Runner(runner.code, runner.scratch, runner.timeout, 1, memory_limit_mb=runner.memory_limit_mb)
    record: dict[str, Any] = {"facts": NOTES_DECK_FACTS, "notes": analysis.NOTES_TARGET}
    progress(f"{name}: load and generate (inputs for the 10,000-note comparison)")
    for step, task in (
        ("load", {"deck_yaml": str(path), "templates_yaml": str(runner.code / TEMPLATES), "output": str(loaded)}),
        ("generate", {"loaded": str(loaded), "output": str(questions)}),
    ):
        done = record[step] = once.run(step, name, **task)
        if done["status"] != "ok":
            record["note"] = f"{step} did not finish: {done.get('note')}"
            return record
        record["questions"] = done.get("questions", record.get("questions"))
    inputs = {"loaded": str(loaded), "questions": str(questions), "limit": analysis.NOTES_TARGET}
    progress(f"{name}: anki and genanki alone at 10,000 notes")
    record["studyaid"], theirs = runner.run_pair("anki", "genanki", name, **inputs)
    record["genanki"] = theirs or {"status": "skipped", "seconds": None}
    record["notes"] = record["studyaid"].get("notes") or analysis.NOTES_TARGET
    record["ratio"] = analysis.ratio(record["studyaid"], record["genanki"])
    return record


def quiz_scaling(runner: Runner, article: dict[str, Any], versions: Sequence[int]) -> list[dict[str, Any]]:
    """The article's quiz at several version counts, against Typst alone on the same documents."""
    if article["steps"].get("generate", {}).get("status") != "ok":
        return []
    inputs = {
        "loaded": str(runner.scratch / "article.loaded.pkl"),
        "questions": str(runner.scratch / "article.questions.pkl"),
    }
    rows = []
    for v in versions:
        if v == QUIZ_VERSIONS and "quiz" in article["steps"]:
            ours, theirs = article["steps"]["quiz"], article["baselines"].get("typst", {"status": "skipped"})
        else:
            progress(f"article: quiz and Typst alone, {v} versions")
            ours, typst = runner.run_pair("quiz", "typst", f"article-v{v}", **inputs, versions=v, count=QUIZ_COUNT)
            theirs = typst or {"status": "skipped", "seconds": None}
        row = {
            "versions": v,
            "count": QUIZ_COUNT,
            "studyaid": ours,
            "typst": theirs,
            "ratio": analysis.ratio(ours, theirs),
        }
        if v == max(versions) and amc.installed():
            # The same copies with their keys typeset by auto-multiple-choice, run in turn with ours.
            progress(f"article: quiz and auto-multiple-choice, {v} copies")
            mine, theirs_amc = runner.run_pair(
                "quiz", "amc", f"article-v{v}-amc", **inputs, versions=v, count=QUIZ_COUNT
            )
            row["amc"] = {"studyaid": mine, "amc": theirs_amc, "ratio": analysis.ratio(mine, theirs_amc)}
        rows.append(row)
    return rows


def measure_commands(code: Path, quick: bool) -> dict[str, Any]:
    """``studyaid --help`` and ``studyaid check`` on the article, as whole processes."""
    progress("commands: studyaid --help, studyaid check")
    deck, env = str(ARTICLE_DECK), snapshot.environment(code)
    cli = {
        "help": commands.wall_time(["--help"], code, 3 if quick else 9, env),
        "check": commands.wall_time(["check", deck], code, 3 if quick else 7, env),
    }
    if ARTICLE_TEXT.exists() and not quick:
        cli["check_article_text"] = commands.wall_time(["check", deck, "--article", str(ARTICLE_TEXT)], code, 5, env)
    return cli


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def finish(result: dict[str, Any], out: Path, frozen: dict[str, Any], complete: bool) -> None:
    """Derive ratios, growth and targets from what is measured so far, and write the JSON.

    Called after every deck, so a run that is stopped part-way still leaves its measurements.
    """
    result["complete"] = complete
    result["machine"]["load_average_end"] = machine.load_average()
    now = snapshot.freeze_info(REPO)
    result["notes"] = [n for n in result["notes"] if not n.startswith("the repository moved on")]
    key = "commit" if frozen.get("source") == "HEAD" else "studyaid_sha256"
    if now[key] != frozen[key]:
        result["notes"].append(
            f"the repository moved on during the run (now at commit {str(now['commit'])[:10]}); "
            f"every measurement is of the copy taken at the start ({frozen.get('source')}, "
            f"commit {str(frozen['commit'])[:10]})"
        )
    derive(result)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def derive(result: dict[str, Any]) -> None:
    """Ratios and cost per fact for every deck, then growth and the targets, from the measurements."""
    for entry in result["sizes"]:
        analysis.add_derived(entry)
    result["growth"] = analysis.growth(result["sizes"])
    result["targets"] = analysis.targets(result)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        derive(saved)
        print(report.render(saved))
        return 0
    signal.signal(signal.SIGTERM, _stop)  # so a stopped run still writes what it measured
    scratch = Path(tempfile.mkdtemp(prefix="studyaid-bench-"))
    profile_dir = args.profile.resolve() if args.profile else None
    code = scratch / "code"
    frozen = snapshot.freeze(REPO, code, working_tree=args.working_tree)
    installed = physical_memory_mb()
    limit_mb = args.memory_limit * 1024 if args.memory_limit else (installed / 2 if installed else None)
    runner = Runner(code, scratch, args.timeout, args.repeat, profile_dir, limit_mb)
    result: dict[str, Any] = {
        "machine": machine.describe(REPO),
        "code": frozen,
        "settings": {
            "sizes": args.sizes,
            "quick": args.quick,
            "repeat": args.repeat,
            "timeout": args.timeout,
            "memory_limit_mb": limit_mb,
            "seed": args.seed,
            "quiz": {"versions": QUIZ_VERSIONS, "count": QUIZ_COUNT},
        },
        "sizes": [],
        "notes": [],
    }
    complete = False
    try:
        decks = scratch / "decks"
        article = measure_deck(runner, "article", code / ARTICLE_DECK, synthetic=False)
        result["sizes"].append(article)
        finish(result, args.out, frozen, complete)
        for n in args.sizes:
            progress(f"writing a synthetic deck of {n:,} facts")
            path = write_deck(synthetic_deck(n, args.seed), decks)
            result["sizes"].append(measure_deck(runner, f"synthetic-{n}", path, synthetic=True))
            finish(result, args.out, frozen, complete)
        if not args.quick:
            result["anki_10k_notes"] = measure_notes(runner, args.seed, decks)
        result["quiz_scaling"] = quiz_scaling(runner, article, SCALING_VERSIONS[:2] if args.quick else SCALING_VERSIONS)
        result["cli"] = measure_commands(code, args.quick)
        result["one_off"] = {
            "python_startup_seconds": commands.python_startup(3)["seconds"],
            "pint_registry_seconds": commands.pint_registry_seconds(snapshot.environment(code)),
        }
        complete = True
    finally:
        finish(result, args.out, frozen, complete)
        if args.keep:
            progress(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
        if not complete:
            progress(f"stopped part-way; what was measured is in {args.out}")
    print(report.render(result))
    print(f"\nJSON written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
