"""Fixtures for the platform exports: the exported files for a few quiz options, the printed
quiz's JSON for the same options, a deck full of characters every format must escape, and the
independent tools (gift-pegjs, the IMS schemas, Chromium) with a clear skip when one is absent."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from studyaid.cli import main

from ..conftest import ARTICLE_DECK, MINI_DIR, REPO

SCHEMAS = REPO.parent / "shared" / "schemas"
JS_DIR = REPO / "tests" / "js"
HOSTILE = r"Blue {Gull} ~=#:\ ]]> </script><!-- <b>x</b> -> y & z"
"""A ship's name with every character some export must escape: GIFT's ``~ = # { } : \\``, CDATA's
``]]>``, a script end, an HTML comment, markup, a matching arrow and an ampersand."""


@dataclass(frozen=True)
class Options:
    """One set of quiz options, as the command line takes them."""

    name: str
    count: int
    seed: int
    forms: str | None = None
    deck: Path = MINI_DIR / "decks" / "mini.yaml"

    def args(self) -> list[str]:
        out = ["--count", str(self.count), "--seed", str(self.seed)]
        return out + (["--forms", self.forms] if self.forms else [])


OPTION_SETS = (
    Options("all-forms", 16, 11),
    Options("structured", 6, 3, "ordering,matching,cloze,true-false,numeric,short"),
    Options("article", 20, 5, deck=ARTICLE_DECK),
    Options("declared-topics", 12, 2, deck=REPO / "tests" / "fixtures" / "health" / "decks" / "health.yaml"),
)


@dataclass(frozen=True)
class Exports:
    """Every format exported for one deck and one set of options, and the printed quiz's JSON."""

    folder: Path
    slug: str
    quiz: dict
    stderr: str
    deck_name: str

    def file(self, suffix: str) -> Path:
        return self.folder / f"{self.slug}-{suffix}"

    def version_a(self) -> dict[str, dict]:
        """The printed quiz's version A, question by question (id -> planned record)."""
        return {pq["id"]: pq for pq in self.quiz["versions"][0]["questions"]}


def export_all(deck: Path, folder: Path, options: Options, capsys: pytest.CaptureFixture[str] | None) -> Exports:
    """Run ``studyaid quiz`` and ``studyaid export --format all`` with the same options."""
    common = [str(deck), "-o", str(folder), "--quiet", *options.args()]
    assert main(["quiz", *common, "--versions", "1", "--timestamp", "1700000000"]) == 0
    assert main(["export", *common, "--format", "all"]) == 0
    err = capsys.readouterr().err if capsys is not None else ""
    data = yaml.safe_load(deck.read_text(encoding="utf-8"))
    quiz = json.loads((folder / f"{data['slug']}-quiz.json").read_text(encoding="utf-8"))
    return Exports(folder, data["slug"], quiz, err, data["deck"]["name"])


@pytest.fixture(scope="session", params=OPTION_SETS, ids=lambda o: o.name)
def exports(request, tmp_path_factory) -> Exports:
    """The fixture deck's exports and printed quiz for one set of options."""
    if not request.param.deck.exists():
        pytest.skip(f"{request.param.deck} is not in the repository")
    folder = tmp_path_factory.mktemp(f"exports-{request.param.name}")
    return export_all(request.param.deck, folder, request.param, None)


@pytest.fixture(scope="session")
def hostile_deck(tmp_path_factory) -> Path:
    """A copy of the fixture article whose ship is named with ``HOSTILE`` (deck and article alike)."""
    folder = tmp_path_factory.mktemp("hostile")
    for path in (MINI_DIR / "decks").iterdir():
        if path.suffix in (".yaml", ".txt"):
            shutil.copy(path, folder / path.name)
    deck = folder / "mini.yaml"
    text = deck.read_text(encoding="utf-8").replace("name: Blue Gull,", 'name: "Blue Gull",')
    yaml_name = HOSTILE.replace("\\", "\\\\")  # inside YAML double quotes
    text = text.replace("Blue Gull", yaml_name)
    # A javascript: address is refused by the loader now (only http(s) links, issue 13); the
    # hostile address is a web address with markup in it, which every output must keep as text.
    text = text.replace("  date: 2020-02-01\n", '  date: 2020-02-01\n  url: "https://example.org/?q=\\"><b>x</b>"\n')
    deck.write_text(text, encoding="utf-8")
    article = folder / "mini-article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Blue Gull", HOSTILE), encoding="utf-8")
    return deck


@pytest.fixture(scope="session")
def hostile_exports(hostile_deck, tmp_path_factory) -> Exports:
    """Every format for the hostile deck."""
    folder = tmp_path_factory.mktemp("hostile-out")
    # Seed 3: a draw whose questions include one that prints the ship's name in its prompt (every
    # test below looks for the name as shown); change it if the fixture's questions change.
    return export_all(hostile_deck, folder, Options("hostile", 16, 3, "choice,true-false,numeric,short,cloze"), None)


@pytest.fixture(scope="session")
def schemas() -> Path:
    """The IMS schemas in ../shared/schemas (skipped when that folder is not beside the repo)."""
    if not (SCHEMAS / "ims_qtiasiv1p2p1.dtd").exists():
        pytest.skip(f"IMS schemas not found at {SCHEMAS} (../shared/schemas beside the repository)")
    return SCHEMAS


@pytest.fixture(scope="session")
def gift_parser():
    """A function parsing a GIFT file with gift-pegjs under Node.js (skipped when either is absent)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (CI installs it in .ci/run)")
    if not (JS_DIR / "node_modules" / "gift-pegjs").exists():
        pytest.skip("gift-pegjs is not installed: run `npm ci --prefix tests/js` (.ci/run does)")

    def parse(path: Path) -> list[dict]:
        done = subprocess.run(
            [node, str(JS_DIR / "parse_gift.js"), str(path)], capture_output=True, text=True, check=False, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return parse
