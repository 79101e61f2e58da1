"""Golden platform exports for the small fixture article.

Regenerate after an intended change with:
    studyaid export tests/fixtures/mini/decks/mini.yaml --format all --count 8 -o tests/golden/exports --quiet
"""

from __future__ import annotations

import difflib
import zipfile
from pathlib import Path

import pytest

from studyaid.cli import main

from ..conftest import MINI_DECK, REPO

GOLDEN = Path(__file__).with_name("exports")
ARGS = ("--count", "8")
"""Eight questions: with the deck's seed, one of every form, so every platform's every type is golden."""
FILES = ("mini-gift.txt", "mini-moodle.xml", "mini-qti.zip", "mini-anki.tsv", "mini-selftest.html")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The exports written now, with the golden files' command."""
    out = tmp_path_factory.mktemp("golden-exports")
    assert main(["export", str(MINI_DECK.relative_to(REPO)), "--format", "all", *ARGS, "-o", str(out), "--quiet"]) == 0
    return out


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("name", FILES)
def test_export_matches_golden(fresh, name, monkeypatch):
    """Each export of the fixture article is byte for byte the committed golden file."""
    monkeypatch.chdir(REPO)
    got, want = fresh / name, GOLDEN / name
    if name.endswith(".zip"):
        assert _members(got) == _members(want)
    elif got.read_bytes() != want.read_bytes():
        diff = difflib.unified_diff(
            want.read_text(encoding="utf-8").splitlines(), got.read_text(encoding="utf-8").splitlines(), lineterm=""
        )
        pytest.fail("export differs from the golden file:\n" + "\n".join(list(diff)[:40]))
    assert got.read_bytes() == want.read_bytes()


def test_same_seed_same_bytes(fresh, tmp_path):
    """A second export with the same input and seed gives byte-identical files."""
    assert main(["export", str(MINI_DECK), "--format", "all", *ARGS, "-o", str(tmp_path), "--quiet"]) == 0
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (fresh / name).read_bytes(), name
