"""``python -m bench.draft_recall``: how much of a hand-built deck ``studyaid draft`` proposes.

For every deck that has its article's text beside it (``decks/*.yaml`` and the fixtures), the
article is drafted and the proposals are compared with the hand-built facts:

- share, amount, measure, event: found when a proposal of the same kind has the same value
  (a share's percentage; an amount's value, upper end, scale and unit; a measure's value and
  unit; an event's date as the loader parses it) and comes from the same sentence (the hand
  quote and the proposal's sentence contain one another);
- actor, place: found when a proposal (actor or place) has the hand fact's name or an alias
  among its name and aliases, ignoring case and a leading "the";
- review load: proposals per hand-built fact;
- time: drafting (and checking) a 30,000-character article in this process.

It prints a table and, with ``--json PATH``, writes the figures. Targets (issue 12): at least
90 % of share/amount/measure/event facts, 80 % of actors and places, at most 2 proposals per
fact, under 5 s for 30,000 characters.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studyaid.kinds import FIGURE_KINDS

REPO = Path(__file__).resolve().parents[1]
VALUE_KINDS = ("share", "amount", "measure", "event")
OTHER_KINDS = ("duration", "quantity", "statement")
"""Kinds the model gained later, reported beside the targets (which name the first six)."""
NAME_KINDS = ("actor", "place")
TARGETS = {"value": 0.9, "name": 0.8, "load": 2.0, "seconds": 5.0}


def _norm(text: str) -> str:
    return " ".join(str(text).replace("’", "'").split()).casefold()


def _name(text: str) -> str:
    return _norm(text).removeprefix("the ").removeprefix("a ")


def pairs(root: Path = REPO) -> list[tuple[Path, Path]]:
    """(deck, article text) for every deck whose article text lies beside it."""
    import yaml

    found = []
    for deck in sorted([*root.glob("decks/*.yaml"), *root.glob("tests/fixtures/*/decks/*.yaml")]):
        data = yaml.safe_load(deck.read_text(encoding="utf-8"))
        named = (data.get("source") or {}).get("article") if isinstance(data, dict) else None
        for candidate in ([deck.parent / named] if named else []) + [
            deck.with_suffix(".txt"),
            deck.with_name(f"{deck.stem}-article.txt"),
        ]:
            if candidate.is_file():
                found.append((deck, candidate))
                break
    return found


def value_key(kind: str, fields: dict[str, Any]) -> Any:
    """What "the same value" means for a fact of ``kind``."""
    from studyaid.dates import DateFormatError, parse_date

    if kind == "event":
        try:
            parsed = parse_date(str(fields["date"]))
        except DateFormatError:
            return None
        return (round(parsed.start, 6), round(parsed.end, 6))
    value = float(fields["value"])
    if kind == "share":
        return value
    if kind == "measure":
        return (value, fields.get("unit"))
    if kind in ("duration", "quantity"):
        return (value, fields.get("value_max"), fields.get("scale"), str(fields.get("unit")).replace(" ", ""))
    return (value, fields.get("value_max"), fields.get("scale"), fields.get("unit"))


def same_sentence(quote: str, sentence: str) -> bool:
    a, b = _norm(quote), _norm(sentence)
    return a in b or b in a


def compare(deck_path: Path, article: Path) -> dict[str, Any]:
    """The recall figures of one deck's article."""
    import yaml

    from studyaid.draft import Options, build_deck, draft_article
    from studyaid.load import load_templates

    hand = [f for f in yaml.safe_load(deck_path.read_text(encoding="utf-8"))["facts"] if isinstance(f, dict)]
    for fact in hand:
        if "date" in fact:
            fact["date"] = str(fact["date"])
    # What the command would write: the proposals that pass the loader's check.
    templates = load_templates(REPO / "questions.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        result = build_deck(
            draft_article(article.read_text(encoding="utf-8")), article, Path(tmp) / "d.yaml", Options(), templates
        )
    proposals = [p for _, p in result.added]
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in (*VALUE_KINDS, *NAME_KINDS, *OTHER_KINDS):
        facts = [f for f in hand if f["kind"] == kind]
        missed = []
        for fact in facts:
            if kind == "statement":
                speaker = _name(fact["speaker"])
                ok = any(
                    p.kind == "statement"
                    # the draft peels titles off ("Dr Amara Osei" -> "Amara Osei")
                    and (_name(str(p.fields["speaker"])) in speaker or speaker in _name(str(p.fields["speaker"])))
                    and same_sentence(fact["quote"], p.sentence.text)
                    for p in proposals
                )
            elif kind in (*VALUE_KINDS, "duration", "quantity"):
                key = value_key(kind, fact)
                # An amount the hand deck keeps in time or compound units is drafted as a duration
                # or a quantity, the kinds the model now has for them: the same figure.
                same_kind = FIGURE_KINDS if kind in FIGURE_KINDS else (kind,)
                ok = any(
                    p.kind in same_kind
                    and value_key(kind, dict(p.fields)) == key
                    and same_sentence(fact["quote"], p.sentence.text)
                    for p in proposals
                )
            else:
                names = {_name(fact["name"]), *(_name(a) for a in fact.get("aliases") or ())}
                ok = any(
                    p.kind in NAME_KINDS
                    and names & {_name(str(p.fields["name"])), *(_name(a) for a in p.fields.get("aliases") or ())}
                    for p in proposals
                )
            if not ok:
                missed.append(fact["id"])
        per_kind[kind] = {"hand": len(facts), "found": len(facts) - len(missed), "missed": missed}
    proposed = Counter(p.kind for p in proposals)
    value_hand = sum(per_kind[k]["hand"] for k in VALUE_KINDS)
    value_found = sum(per_kind[k]["found"] for k in VALUE_KINDS)
    name_hand = sum(per_kind[k]["hand"] for k in NAME_KINDS)
    name_found = sum(per_kind[k]["found"] for k in NAME_KINDS)
    return {
        "deck": str(deck_path.relative_to(REPO)),
        "article": str(article.relative_to(REPO)),
        "hand_facts": len(hand),
        "proposals": len(proposals),
        "proposed_per_kind": dict(sorted(proposed.items())),
        "per_kind": per_kind,
        "value_recall": value_found / value_hand if value_hand else None,
        "name_recall": name_found / name_hand if name_hand else None,
        "load": len(proposals) / len(hand) if hand else None,
        "dropped_by_loader": len(result.dropped),
    }


def timing(article: Path, chars: int = 30_000) -> float:
    """Seconds to draft and check an article of ``chars`` characters (the text repeated to size)."""
    from studyaid.draft import Options, build_deck, draft_article
    from studyaid.load import load_templates

    text = article.read_text(encoding="utf-8")
    body = text
    while len(body) < chars:
        body += "\n\n" + text
    body = body[:chars]
    templates = load_templates(REPO / "questions.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "article.txt"
        source.write_text(body, encoding="utf-8")
        started = time.perf_counter()
        build_deck(draft_article(body), source, Path(tmp) / "deck.yaml", Options(), templates)
        return time.perf_counter() - started


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.draft_recall", description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    results = [compare(deck, article) for deck, article in pairs()]
    if not results:
        print("no deck with its article text beside it", file=sys.stderr)
        return 1
    for r in results:
        print(
            f"{r['deck']} ({r['article']}): {r['hand_facts']} hand-built facts, {r['proposals']} proposals written "
            f"({r['dropped_by_loader']} refused by the loader)"
        )
        print(f"  {'kind':<9}{'hand':>6}{'found':>7}{'recall':>8}{'proposed':>10}")
        for kind, got in r["per_kind"].items():
            recall = got["found"] / got["hand"] if got["hand"] else None
            proposed = r["proposed_per_kind"].get(kind, 0)
            print(f"  {kind:<9}{got['hand']:>6}{got['found']:>7}{_pct(recall):>8}{proposed:>10}")
        print(
            f"  share+amount+measure+event recall {_pct(r['value_recall'])} (target 90%), "
            f"actors+places by name {_pct(r['name_recall'])} (target 80%), "
            f"review load {r['load']:.2f} proposals per fact (target <= 2)"
        )
        for kind, got in r["per_kind"].items():
            if got["missed"]:
                print(f"  missed {kind}: {', '.join(got['missed'])}")
    first = pairs()[0][1]
    seconds = timing(first)
    print(f"time: {seconds:.2f} s to draft and check 30,000 characters of {first.name} (target < 5 s)")
    if args.json:
        Path(args.json).write_text(json.dumps({"decks": results, "seconds_30k": seconds}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
