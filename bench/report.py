"""The benchmark's result as a readable table for the terminal."""

from __future__ import annotations

from typing import Any

from .analysis import STEP_NAMES
from .baselines import PAIRS


def _seconds(step: dict[str, Any] | None) -> str:
    if not step:
        return "-"
    if step.get("seconds") is not None:
        return f"{step['seconds']:.3f}"
    if step.get("at_least_seconds"):
        return f">{step['at_least_seconds']:.0f}"
    return step.get("status", "-")


def _num(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return "-" if value is None else f"{value:,.{digits}f}{suffix}"


def _size_rows(entry: dict[str, Any]) -> list[str]:
    rows = []
    label = f"{entry['name']} ({entry['facts']:,} facts, {entry.get('questions') or '-'} questions)"
    rows.append(label)
    for name in STEP_NAMES:
        step = entry["steps"].get(name)
        if step is None:
            continue
        per = entry.get("per_fact", {}).get(name, {})
        base_name = PAIRS.get(name)
        base = entry["baselines"].get(base_name) if base_name else None
        against = ""
        if base is not None:
            r = entry["ratios"].get(f"{name}_vs_{base_name}")
            against = f"{_num(r, 2, 'x')} {base_name} ({_seconds(base)} s)" if r else f"{base_name}: {_seconds(base)}"
        note = step.get("note") or ""
        rows.append(
            f"  {name:<9}{_seconds(step):>10}{_num(per.get('us_per_fact') or per.get('at_least_us_per_fact'), 1):>11}"
            f"{_num(step.get('peak_rss_mb')):>9}{_num(step.get('step_rss_mb')):>9}"
            f"{_num(per.get('kb_per_fact'), 2):>9}  {against}{'  ' + note if note else ''}"
        )
    for note in entry.get("notes", []):
        rows.append(f"  note: {note}")
    return rows


def render(result: dict[str, Any]) -> str:
    """The whole result: per-deck steps, growth, quiz scaling, commands, targets."""
    m = result["machine"]
    lines = [
        f"studyaid benchmark: {m['cpu']}, {m['cpus_usable']} CPUs, {m['memory_gb']} GB, Python {m['python']}, "
        f"commit {(m.get('commit') or '?')[:10]}{' (+ local changes)' if m.get('uncommitted_changes') else ''}",
        f"load average {m.get('load_average')} at the start, {m.get('load_average_end')} at the end; "
        f"time limit per step {result['settings']['timeout']:g} s; repetitions {result['settings']['repeat']} "
        "(median; steps over 20 s run once); peak = high-water RSS of the step's process, with its child "
        "processes' RSS added while they run; step MB = peak minus the RSS before the step",
        "",
        f"  {'step':<9}{'seconds':>10}{'us/fact':>11}{'peak MB':>9}{'step MB':>9}{'KB/fact':>9}  vs baseline",
    ]
    for entry in result["sizes"]:
        lines += _size_rows(entry)
    notes = result.get("anki_10k_notes")
    if notes and "studyaid" not in notes:
        lines += ["", f"Anki export at 10,000 notes: not measured ({notes.get('note')})"]
    elif notes:
        lines += [
            "",
            f"Anki export at {notes['notes']:,} notes ({notes['facts']:,}-fact synthetic deck): "
            f"studyaid {_seconds(notes['studyaid'])} s, genanki alone {_seconds(notes['genanki'])} s, "
            f"ratio {_num(notes.get('ratio'), 2, 'x')}",
        ]
    lines += ["", "Growth: time per fact (us) by size, and the largest size over 1,000"]
    for step, record in result.get("growth", {}).items():
        series = ", ".join(f"{int(n):,}: {_num(v, 1)}" for n, v in record["us_per_fact"].items())
        grown = record.get("ratio")
        tail = (
            f"  -> {'>=' if grown['lower_bound'] else ''}{grown['value']:.2f}x ({grown['to']:,} vs {grown['from']:,})"
            if grown
            else ""
        )
        memory = ", ".join(f"{int(n):,}: {_num(v, 2)}" for n, v in record["kb_per_fact"].items())
        lines.append(f"  {step:<9} {series}{tail}")
        lines.append(f"  {'':<9} memory KB/fact {memory}")
    lines += ["", "Quiz scaling (article, 20 questions per version, quiz + key + JSON)"]
    for q in result.get("quiz_scaling", []):
        lines.append(
            f"  {q['versions']:>4} versions: studyaid {_seconds(q['studyaid'])} s "
            f"(peak {_num(q['studyaid'].get('peak_rss_mb'))} MB), Typst alone {_seconds(q['typst'])} s, "
            f"ratio {_num(q.get('ratio'), 2, 'x')}"
            + (f"  {q['studyaid']['note']}" if q["studyaid"].get("note") else "")
        )
        if q.get("amc"):
            a = q["amc"]
            lines.append(
                f"  {'':>4}           studyaid {_seconds(a['studyaid'])} s "
                f"(peak {_num(a['studyaid'].get('peak_rss_mb'))} MB), auto-multiple-choice {_seconds(a['amc'])} s "
                f"(peak {_num(a['amc'].get('peak_rss_mb'))} MB), ratio {_num(a.get('ratio'), 2, 'x')}"
            )
    cli = result.get("cli", {})
    lines += ["", "Commands (wall time, median)"] if cli else []
    for key in ("help", "check", "check_article_text"):
        if key in cli:
            c = cli[key]
            lines.append(
                f"  {c['command']:<70} {c['seconds']:.3f} s (best {c['best_seconds']:.3f})"
                + (f"  exit {c['exit_code']}" if c["exit_code"] else "")
            )
    one_off = result.get("one_off", {})
    if one_off:
        lines.append(
            f"  python -c pass {one_off['python_startup_seconds']:.3f} s; "
            f"pint registry build {one_off['pint_registry_seconds']:.3f} s (not in the step times)"
        )
    lines += ["", "Targets"]
    for t in result.get("targets", []):
        verdict = {True: "PASS", False: "FAIL", None: "NOT MEASURED"}[t["pass"]]
        measured = "-" if t["measured"] is None else f"{'>=' if t['lower_bound'] else ''}{t['measured']:.3g}"
        lines.append(f"  {verdict:<12} {t['target']}: {measured} (limit {t['limit']:g}; {t['detail']})")
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    if not result.get("complete", True):
        lines.append("note: the run stopped part-way; the figures above are what it measured")
    return "\n".join(lines)
