"""Synthetic article fact bases of any size, deterministic from a seed, valid per the loader.

The decks come from the fact builders the property tests use (``tests.strategies``), with their
arguments drawn from a seeded ``random.Random`` in the real article's proportions of kinds
(``scaled_fact_base``), so the benchmark and the tests share one description of a valid deck.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.strategies import scaled_fact_base


def synthetic_deck(n: int, seed: int = 0) -> dict[str, Any]:
    """A valid deck of exactly ``n`` facts as the dict its YAML file holds; same n and seed, same deck."""
    return scaled_fact_base(n, seed)


def write_deck(deck: dict[str, Any], folder: Path) -> Path:
    """Write the deck as ``<folder>/<slug>.yaml`` the way an author would lay it out."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{deck['slug']}.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deck, out, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)
    return path
