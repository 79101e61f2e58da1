"""Hypothesis strategies, all of them: valid fact bases of every kind (as deck YAML), mutated deck files, timeline spans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

WORDS = ["alpha", "bravo", "cedar", "delta", "ember", "fjord", "gale", "harbor", "iris", "jade", "kelp", "lumen"]


def _name(i: int, prefix: str) -> str:
    return f"{prefix} {WORDS[i % len(WORDS)].title()} {i}"


@st.composite
def fact_bases(draw: Any, min_each: int = 1) -> dict[str, Any]:
    """A valid deck as a dict: shares of a few wholes, amounts with parts, gauges, events, actors, places."""
    facts: list[dict[str, Any]] = []
    n_share = draw(st.integers(min_each, 7))  # at most 4 per whole, each under 25%: a whole never passes 100%
    values = draw(st.lists(st.integers(1, 240).map(lambda v: v / 10), min_size=n_share, max_size=n_share))
    for i, value in enumerate(values):
        whole = f"the trade of Land {i % 2}"
        facts.append(
            {
                "id": f"share-{i}",
                "kind": "share",
                "topic": "trade-shares",
                "part": _name(i, "Country"),
                "whole": whole,
                "value": value,
                "when": "in 2018",
                "quote": f"Country {i} held {value}% of the trade of Land {i % 2}.",
                "asked": f"{value}%",
            }
        )
    a = draw(st.integers(1, 500)) / 10
    b = draw(st.integers(1, 500)) / 10
    total = round(a + b, 1)
    facts += [
        {
            "id": "amount-total",
            "kind": "amount",
            "topic": "trade-shares",
            "subject": "the turnover",
            "value": total,
            "scale": "million",
            "unit": "USD",
            "parts": ["amount-a", "amount-b"],
            "quote": f"Turnover was ${total} million.",
        },
        {
            "id": "amount-a",
            "kind": "amount",
            "topic": "trade-shares",
            "subject": "the exports",
            "value": a,
            "scale": "million",
            "unit": "USD",
            "quote": f"Exports were ${a} million.",
        },
        {
            "id": "amount-b",
            "kind": "amount",
            "topic": "trade-shares",
            "subject": "the imports",
            "value": b,
            "scale": "million",
            "unit": "USD",
            "quote": f"Imports were ${b} million.",
        },
        {
            "id": "share-of-a",
            "kind": "share",
            "topic": "trade-shares",
            "part": "fish",
            "whole": "the exports",
            "value": draw(st.integers(1, 99)),
            "of": "amount-a",
            "quote": "Fish made up part of the exports.",
        },
        {
            "id": "amount-distance",
            "kind": "amount",
            "topic": "gauges",
            "subject": "the ferry route",
            "value": draw(st.integers(1, 400)),
            "unit": "mile",
            "quote": "The ferry route is long.",
        },
    ]
    gauges = draw(st.lists(st.integers(600, 1700), min_size=2, max_size=4, unique=True))
    for i, mm in enumerate(gauges):
        facts.append(
            {
                "id": f"gauge-{i}",
                "kind": "measure",
                "topic": "gauges",
                "name": f"gauge {WORDS[i]}",
                "subject": f"the rails of line {i}",
                "value": mm,
                "unit": "mm",
                "foils": [v for v in (1000, 1067, 1668, 762) if v not in gauges],
                "quote": f"Line {i} uses {mm} mm track.",
                "asked": f"{mm} mm",
            }
        )
    dates = draw(
        st.lists(
            st.one_of(
                st.integers(1900, 2019).map(str),
                st.tuples(st.sampled_from(["early", "late"]), st.integers(1900, 2019)).map(lambda t: f"{t[0]} {t[1]}"),
                st.integers(190, 201).map(lambda d: f"{d * 10}s"),
            ),
            min_size=max(min_each, 2),
            max_size=12,
        )
    )
    for i, date in enumerate(dates):
        facts.append(
            {
                "id": f"event-{i}",
                "kind": "event",
                "topic": "dates",
                "what": f"event number {WORDS[i]} {i}",
                "date": date,
                "quote": f"Event {i} happened in {date}.",
            }
        )
    n_actor = draw(st.integers(max(min_each, 4), 8))
    for i in range(n_actor):
        facts.append(
            {
                "id": f"actor-{i}",
                "kind": "actor",
                "topic": "actors",
                "name": _name(i, "Agent"),
                "actor_kind": draw(st.sampled_from(["person", "company", "state"])),
                "role": f"the holder of duty {WORDS[i]} number {i}",
                "quote": f"Agent {i} had a duty.",
            }
        )
    for i in range(draw(st.integers(min_each, 5))):
        facts.append(
            {
                "id": f"place-{i}",
                "kind": "place",
                "topic": "places",
                "name": _name(i, "Port"),
                "place_kind": "port",
                "description": f"the harbour of district {WORDS[i]} {i}",
                "quote": f"Port {i} is a harbour.",
            }
        )
    order = draw(st.permutations(range(len(facts))))
    return {
        "slug": "generated",
        "source": {"title": "Generated", "author": "H. Ypothesis", "publisher": "Tests", "date": "2020-01-01"},
        "deck": {
            "name": "Generated",
            "deck_id": 1800000001,
            "note_types": {"basic": 1800000101, "choice": 1800000102, "cloze": 1800000103, "actor": 1800000104},
            "seed": draw(st.integers(0, 10_000)),
        },
        "facts": [facts[i] for i in order],
    }


def deck_yaml(deck: dict[str, Any]) -> str:
    """A deck dict as YAML text, the way an author would write it."""
    return yaml.safe_dump(deck, sort_keys=False, allow_unicode=True)


# ---------------------------------------------------------------- mutated deck files

MINI_TEXT = (Path(__file__).parent / "fixtures" / "mini" / "decks" / "mini.yaml").read_text(encoding="utf-8")
_MINI_LINES = MINI_TEXT.splitlines(keepends=True)


@st.composite
def mutated_decks(draw):
    """The fixture deck with one author's mistake: a dropped line, a changed value, inserted text, a cut."""
    how = draw(st.sampled_from(["drop", "retype", "insert", "truncate", "field"]))
    lines = list(_MINI_LINES)
    if how == "drop":
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif how == "retype":
        i = draw(st.integers(0, len(lines) - 1))
        key, sep, _ = lines[i].partition(": ")
        lines[i] = (
            key + sep + draw(st.sampled_from(["[]", "{}", "-1", "1e400", "null", "yes", "'x'", "2019-02-30"])) + "\n"
            if sep
            else lines[i]
        )
    elif how == "insert":
        i = draw(st.integers(0, len(lines)))
        lines.insert(i, draw(st.text(min_size=1, max_size=30)) + "\n")
    elif how == "truncate":
        return MINI_TEXT[: draw(st.integers(0, len(MINI_TEXT)))]
    else:
        data = yaml.safe_load(MINI_TEXT)
        fact = draw(st.sampled_from(data["facts"]))
        field = draw(st.sampled_from(sorted(fact)))
        if draw(st.booleans()):
            del fact[field]
        else:
            fact[field] = draw(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=10), st.none()))
        return yaml.safe_dump(data, sort_keys=False)
    return "".join(lines)


# ---------------------------------------------------------------- timeline spans

spans = st.lists(
    st.tuples(st.floats(1800, 2030, allow_nan=False), st.floats(0.01, 12, allow_nan=False)).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    min_size=1,
    max_size=60,
)
"""Dated events' (start, end) years, as the briefing's timeline lays them out."""
