"""Numbers derived from the measurements: ratios to baselines, cost per fact, growth, and targets."""

from __future__ import annotations

from typing import Any

from .baselines import PAIRS

STEP_NAMES = ("load", "generate", "anki", "quiz")
PER_FACT_STEPS = ("load", "generate", "anki")
"""Steps whose work grows with the deck. The quiz prints a fixed 30 x 20 questions whatever the
deck's size, so its time per fact says nothing about growth (its growth row is shown, not judged)."""
GROWTH_FROM, GROWTH_TO = 1000, 100_000
NOTES_TARGET = 10_000
LIMITS = {
    "anki_vs_genanki": 1.3,
    "quiz_vs_typst": 1.3,
    "quiz_200_versions_seconds": 3.0,
    "quiz_200_vs_amc": 0.20,
    "growth_per_fact": 1.5,
    "check_seconds": 1.0,
    "help_seconds": 0.3,
}


def ratio(step: dict[str, Any] | None, baseline: dict[str, Any] | None) -> float | None:
    """studyaid's time over the baseline's, when both ran."""
    if not step or not baseline or not step.get("seconds") or not baseline.get("seconds"):
        return None
    return round(step["seconds"] / baseline["seconds"], 3)


def add_derived(entry: dict[str, Any]) -> None:
    """Ratios to the baselines, and time and memory per fact, into one deck's entry."""
    facts = entry["facts"]
    entry["ratios"] = {
        f"{step}_vs_{base}": ratio(entry["steps"].get(step), entry["baselines"].get(base))
        for step, base in PAIRS.items()
    }
    per_fact = {}
    for name, step in entry["steps"].items():
        seconds = step.get("seconds")
        bound = step.get("at_least_seconds")
        per_fact[name] = {
            "us_per_fact": round(1e6 * seconds / facts, 2) if seconds else None,
            "at_least_us_per_fact": round(1e6 * bound / facts, 2) if bound and not seconds else None,
            "kb_per_fact": round(1024 * step["step_rss_mb"] / facts, 2) if step.get("step_rss_mb") else None,
        }
    entry["per_fact"] = per_fact


def growth(sizes: list[dict[str, Any]]) -> dict[str, Any]:
    """Per step: time and memory per fact at each synthetic size, and time per fact at the largest
    size over that at 1,000 (a lower bound when the largest run was stopped at its time limit)."""
    synthetic = sorted((s for s in sizes if s.get("synthetic")), key=lambda s: s["facts"])
    out: dict[str, Any] = {}
    for step in STEP_NAMES:
        rows = {s["facts"]: s["per_fact"].get(step, {}) for s in synthetic if step in s.get("per_fact", {})}
        record: dict[str, Any] = {
            "us_per_fact": {str(n): r.get("us_per_fact") for n, r in rows.items()},
            "kb_per_fact": {str(n): r.get("kb_per_fact") for n, r in rows.items()},
        }
        base = rows.get(GROWTH_FROM, {}).get("us_per_fact")
        larger = [
            n for n in rows if n > GROWTH_FROM and (rows[n].get("us_per_fact") or rows[n].get("at_least_us_per_fact"))
        ]
        if base and larger:
            top = max(larger)
            value = rows[top].get("us_per_fact") or rows[top].get("at_least_us_per_fact")
            record["ratio"] = {
                "from": GROWTH_FROM,
                "to": top,
                "value": round(value / base, 2),
                "lower_bound": rows[top].get("us_per_fact") is None,
            }
        out[step] = record
    return out


def _target(
    name: str, text: str, measured: float | None, limit: float, detail: str = "", lower_bound: bool = False
) -> dict[str, Any]:
    if measured is None:
        verdict = None
    elif lower_bound:
        verdict = False if measured > limit else None  # only a failure is certain from a lower bound
    else:
        verdict = measured <= limit
    return {
        "name": name,
        "target": text,
        "measured": measured,
        "limit": limit,
        "pass": verdict,
        "lower_bound": lower_bound,
        "detail": detail,
    }


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 6 with what was measured against it (``pass`` None: not measured)."""
    found = []
    notes = result.get("anki_10k_notes")
    if notes and notes.get("ratio"):
        found.append(
            _target(
                "anki_vs_genanki",
                "apkg export within 1.3x of genanki alone at 10,000 notes",
                notes["ratio"],
                LIMITS["anki_vs_genanki"],
                f"at {notes['notes']:,} notes",
            )
        )
    else:
        # No 10,000-note run (--quick): the deck whose note count is closest, said so.
        measured = [s for s in result["sizes"] if s["ratios"].get("anki_vs_genanki")]
        best = min(measured, key=lambda s: abs(s["steps"]["anki"].get("notes", 0) - NOTES_TARGET), default=None)
        found.append(
            _target(
                "anki_vs_genanki",
                "apkg export within 1.3x of genanki alone at 10,000 notes",
                best["ratios"]["anki_vs_genanki"] if best else None,
                LIMITS["anki_vs_genanki"],
                f"no 10,000-note run; measured at {best['steps']['anki']['notes']:,} notes ({best['name']})"
                if best
                else "not measured",
            )
        )
    scaling = {q["versions"]: q for q in result.get("quiz_scaling", [])}
    at30 = scaling.get(30)
    found.append(
        _target(
            "quiz_vs_typst",
            "quiz rendering within 1.3x of Typst alone",
            at30.get("ratio") if at30 else None,
            LIMITS["quiz_vs_typst"],
            "article, 30 versions x 20 questions with keys" if at30 else "not measured",
        )
    )
    at200 = scaling.get(200)
    seconds = at200["studyaid"].get("seconds") if at200 else None
    found.append(
        _target(
            "quiz_200_versions",
            "200 versions x 20 questions with all keys under 3 s",
            seconds,
            LIMITS["quiz_200_versions_seconds"],
            "article" if at200 else "not measured",
        )
    )
    versus = (at200 or {}).get("amc")
    found.append(
        _target(
            "quiz_200_vs_amc",
            "200 copies with keys in at most 0.20 of auto-multiple-choice's time, side by side",
            versus.get("ratio") if versus else None,
            LIMITS["quiz_200_vs_amc"],
            "article, quiz and AMC run in turn" if versus else "not measured (auto-multiple-choice not installed)",
        )
    )
    for step, record in result.get("growth", {}).items():
        if step not in PER_FACT_STEPS:
            continue
        grown = record.get("ratio")
        found.append(
            _target(
                f"growth_{step}",
                f"{step}: time per fact at 100,000 facts within 1.5x of that at 1,000",
                grown["value"] if grown else None,
                LIMITS["growth_per_fact"],
                (
                    f"{grown['to']:,} vs {grown['from']:,} facts"
                    + (" (lower bound: stopped at the time limit)" if grown["lower_bound"] else "")
                )
                if grown
                else "not measured at both sizes",
                lower_bound=bool(grown and grown["lower_bound"]),
            )
        )
    cli = result.get("cli", {})
    check = cli.get("check")
    found.append(
        _target(
            "check_article",
            "studyaid check on the article under 1 s",
            check.get("seconds") if check else None,
            LIMITS["check_seconds"],
            check["command"] if check else "not measured",
        )
    )
    helped = cli.get("help")
    found.append(
        _target(
            "help",
            "studyaid --help under 0.3 s",
            helped.get("seconds") if helped else None,
            LIMITS["help_seconds"],
            "median of runs" if helped else "not measured",
        )
    )
    return found
