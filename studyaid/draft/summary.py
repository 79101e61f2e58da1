"""What ``studyaid draft`` tells the teacher: proposals per kind and topic, what it left out, what waits."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .deck import DraftResult


def summary_lines(out: Path, article: str, result: DraftResult) -> list[str]:
    """The summary as lines of text, for the CLI to print."""
    kinds = Counter(p.kind for _, p in result.added)
    lines = [f"{out}: {len(result.added)} facts proposed from {article}", f"  {'kind':<10}{'topic':<14}{'proposed':>9}"]
    lines += [f"  {kind:<10}{topic:<14}{n:>9}" for (kind, topic), n in sorted(result.per_kind_topic().items())]
    lines.append("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if result.repeated:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(result.repeated.items()))
        lines.append(f"  left out, already in the deck: {counts}")
    lines += [
        f"  left out, refused by the loader: {p.kind} in sentence {p.sentence.index + 1}: {reason}"
        for p, reason in result.dropped
    ]
    lines.append(
        f"  {result.waiting} facts need a decision (edit, then 'status: confirmed' or 'status: rejected'); "
        f"{result.confirmed} confirmed"
    )
    lines += [f"  to fill in: {problem}" for problem in result.problems]
    return lines
