"""Issue 13, hardening round 2: each class of bad environment ends in its own located one-line
message (exit 2 input, 1 environment), bounded in time, with nothing half-written.

The bad input files of every class (and broken lock files) are in ``tests/corpus`` with their
exact messages (``test_corpus.py``); here are the cases a file cannot hold: FIFOs and devices,
unusable output places, broken pipes, two builds at once, killed builds, a loader fuzz test.
In-process (``cli.main``), so the suite stays fast.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest

from studyaid import cli
from studyaid.errors import BusyError
from studyaid.outfolder import STAGING_PREFIX, OutputFolder

from ..conftest import MINI_DECK, QUESTIONS

BASE = MINI_DECK.read_text(encoding="utf-8").replace("  article: mini-article.txt\n", "")


def deck_with(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def run(tmp_path: Path, monkeypatch, capsys, text: str, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decks").mkdir(exist_ok=True)
    (tmp_path / "decks" / "d.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    command = args[0] if args else "check"
    code = cli.main([command, "decks/d.yaml", "--templates", str(QUESTIONS), "--quiet", *args[1:]])
    return code, capsys.readouterr().err


def test_fifo_article_is_refused_without_blocking(tmp_path, monkeypatch, capsys):
    """An article path naming a FIFO, a device or a folder is refused before anything is read."""
    os.mkfifo(tmp_path / "fifo")
    for path, kind in (
        (tmp_path / "fifo", "a FIFO (named pipe)"),
        (Path("/dev/zero"), "a character device"),
        (tmp_path, "a folder"),
    ):
        code, err = run(tmp_path, monkeypatch, capsys, BASE, "check", "--article", str(path))
        assert code == 2
        assert err == f"{path}: cannot read the article: is {kind}, expected a regular file\n"


def test_output_folder_that_is_a_file(tmp_path, monkeypatch, capsys):
    """``-o`` naming a file: one line naming it, exit 1."""
    (tmp_path / "out").write_text("x")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out")
    assert code == 1
    assert err == "studyaid: out: is a file, expected an output folder\n"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOSPC, "no space left on the device"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_unwritable_output_is_one_line(tmp_path, monkeypatch, capsys, number, reason):
    """A full disk, a read-only or forbidden folder: one line naming the output file, exit 1, nothing left."""
    import studyaid.atomic as atomic

    def fail(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(atomic.os, "fsync", fail)
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 1
    assert err.strip().endswith(
        f"could not write its outputs: {Path('out') / 'mini.lock.json'}: {reason}"
    ) or err.strip().endswith(f": {reason}"), err
    assert "Traceback" not in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == []
    assert not list((tmp_path / "decks").glob(".*.tmp"))


def test_symlink_in_output_folder_is_refused(tmp_path, monkeypatch, capsys):
    """A pre-placed symlink where the package goes: refused by name, its target untouched."""
    (tmp_path / "out").mkdir()
    (tmp_path / "precious").write_text("mine")
    (tmp_path / "out" / "mini.apkg").symlink_to(tmp_path / "precious")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out")
    assert code == 1
    assert "out/mini.apkg: is a symbolic link; studyaid does not write through links (remove it)" in err
    assert (tmp_path / "precious").read_text() == "mine"


def test_broken_pipe_ends_quietly(tmp_path, monkeypatch, capsys):
    """``studyaid questions | head``: the reader goes away, the command stops without a word."""

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text(BASE)
    saved = os.dup(1)
    try:
        monkeypatch.setattr(sys, "stdout", Closed())
        code = cli.main(["questions", "d.yaml", "--templates", str(QUESTIONS), "--quiet"])
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    assert code == cli.EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""


def test_two_builds_into_one_folder_take_turns(tmp_path):
    """While one build holds the output folder, a second waits, then says why it cannot go on."""
    waits: list[str] = []
    with (
        OutputFolder(tmp_path / "out"),
        pytest.raises(BusyError, match="another studyaid build is writing into this folder"),
        OutputFolder(tmp_path / "out", wait=0.2, on_wait=waits.append),
    ):
        pass
    assert waits == [f"{tmp_path / 'out'}: another studyaid build is writing here; waiting for it…"]
    with OutputFolder(tmp_path / "out"):  # released: the next build goes ahead
        pass


def test_killed_build_leftovers_are_removed_on_next_start(tmp_path, monkeypatch, capsys):
    """Staging folders and temporaries of a killed build (SIGKILL: no cleanup ran) go at the next start."""
    out = tmp_path / "out"
    (out / f"{STAGING_PREFIX}dead").mkdir(parents=True)
    (out / f"{STAGING_PREFIX}dead" / "mini.apkg").write_text("half")
    (out / ".mini.apkg.x1y2.tmp").write_text("half")
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / ".d.lock.json.a1b2.tmp").write_text("half")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["mini.apkg"]
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["d.lock.json", "d.yaml"]


def test_too_small_deck_for_the_quiz_writes_nothing(tmp_path, monkeypatch, capsys):
    """A quiz that cannot be made stops the build before the package, and before the lock file changes."""
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "build", "-o", "out", "--count", "200")
    assert code == 2
    assert "--count: asked for 200 questions per version" in err
    assert list((tmp_path / "out").iterdir()) == []
    assert not (tmp_path / "decks" / "d.lock.json").exists()


@pytest.mark.parametrize("kill_at", [1, 2])
def test_interrupted_at_each_write_keeps_lock_ahead_of_package(tmp_path, monkeypatch, capsys, kill_at):
    """Interrupted at the lock write or the package write, the previous package stays whole, the lock
    is never behind the package, and the next unchanged build gives every note its previous time."""
    import studyaid.atomic as atomic

    code, _ = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 0
    package = (tmp_path / "out" / "mini.apkg").read_bytes()
    lock = (tmp_path / "decks" / "d.lock.json").read_text()
    changed = BASE.replace("the region's only warm-water port", "the region's one warm-water port")
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == kill_at:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    code, err = run(tmp_path, monkeypatch, capsys, changed, "anki", "-o", "out", "--timestamp", "1800000000")
    assert code == 130, err
    assert (tmp_path / "out" / "mini.apkg").read_bytes() == package
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["mini.apkg"]
    assert not list((tmp_path / "decks").glob(".*.tmp"))
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    new_lock = (tmp_path / "decks" / "d.lock.json").read_text()
    assert (new_lock == lock) == (kill_at == 1), "killed at the lock: old lock; at the package: the new one, ahead"
    code, _ = run(tmp_path, monkeypatch, capsys, changed, "anki", "-o", "out", "--timestamp", "1900000000")
    assert code == 0
    import json

    final = json.loads((tmp_path / "decks" / "d.lock.json").read_text())
    stamps = sorted({e["mod"] for e in final.values()})
    assert stamps == ([1700000000, 1900000000] if kill_at == 1 else [1700000000, 1800000000])


def test_loader_fuzz_never_raises_anything_but_located_problems(tmp_path):
    """Random YAML structures and random bytes: the loader answers with located problems or a deck,
    never a traceback."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from studyaid.errors import InputError
    from studyaid.load import load_deck
    from studyaid.yamlsafe import parse, read_text

    scalars = st.one_of(
        st.text(max_size=20),
        st.integers(),
        st.floats(allow_nan=True),
        st.booleans(),
        st.none(),
        st.sampled_from(["1:20", "012", "yes", "NO", "0x" + "f" * 50, "9" * 5000, "~", ".inf", "2020-02-30"]),
    )
    structures = st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=30,
    )

    def check(raw: bytes) -> None:
        path = tmp_path / "f.yaml"
        path.write_bytes(raw)
        text, problems = read_text(raw, "f.yaml")
        if text is not None:
            parse(text, "f.yaml")
        try:
            load_deck(path)
        except InputError as exc:
            assert exc.problems and all(
                str(p).startswith("f.yaml") or str(p).startswith(str(path)) for p in exc.problems
            )

    @settings(max_examples=40, deadline=None)
    @given(st.one_of(st.binary(max_size=300), structures.map(lambda v: repr(v).encode("utf-8", "surrogatepass"))))
    def bytes_and_structures(raw: bytes) -> None:
        check(raw)

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, len(BASE) - 1), st.text(max_size=6))
    def edits_of_a_real_deck(at: int, insert: str) -> None:
        check((BASE[:at] + insert + BASE[at:]).encode("utf-8", "surrogatepass"))

    bytes_and_structures()
    edits_of_a_real_deck()
