"""A build killed at any step of its write order leaves whole files, a lock file never behind its
package and temporaries only where the next run removes them; the next run recovers.

The kill points are deterministic, not timed: ``studyaid.killpoints`` calls a test-only hook just
after every change a build makes to the disk. One real ``studyaid build`` process stops at each
of them (``STUDYAID_TEST_PAUSE``) while the test copies the deck folder and the output folder:
SIGKILL runs no handler and no ``finally``, so the copy is exactly what a kill there leaves. Each
copy is checked, then rebuilt (the next run; once per distinct state: kill points whose copies
differ only inside a staging folder the next run discards share one rebuild). One more real process is SIGKILLed for real
(``STUDYAID_TEST_KILL_AT``) at the step the first round of probing lost a learner's edit at.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from studyaid.killpoints import KILL_AT, PAUSE

from ..conftest import MINI_DIR, REPO

_OLD_ROLE = 'role: "the commander of the border garrison"'
_NEW_ROLE = 'role: "the officer who commanded the border garrison"'
T1, T2, T3 = 1_700_000_000, 1_700_100_000, 1_700_200_000
"""The previous build, the killed one, the next one."""


def _args(root: Path, timestamp: int, command: str = "build") -> list[str]:
    """The build (or ``anki``, which makes only the package) of the test's deck into ``root/out``."""
    return [
        command,
        str(root / "decks" / "mini.yaml"),
        "-o",
        str(root / "out"),
        "--templates",
        str(root / "decks" / "questions.yaml"),
        *(["--count", "8"] if command == "build" else []),
        "--quiet",
        "--timestamp",
        str(timestamp),
    ]


def _files(folder: Path) -> dict[str, bytes]:
    """The visible files of a folder (not the dot-named leftovers) by name."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".") and p.is_file()}


def _leftovers(root: Path) -> list[str]:
    """Everything a build leaves that is not an output, a deck, its article or its lock."""
    return sorted(
        str(p.relative_to(root))
        for folder in (root / "decks", root / "out")
        for p in folder.iterdir()
        if p.name[0] == "."
    )


def _kind(root: Path, leftover: str) -> tuple[str, ...]:
    """What the next run must do about a leftover: discard a staging folder, finish its commit, remove a temporary."""
    path = root / leftover
    if path.is_dir():
        listed = (path / ".commit").read_text(encoding="utf-8") if (path / ".commit").is_file() else ""
        return ("staging", listed, *sorted(p.name for p in path.iterdir() if listed and p.name in listed))
    return ("temporary", path.parent.name)


def _mods(apkg: bytes, where: Path) -> dict[str, int]:
    """Each note's modification time in a package, by GUID (read with sqlite, not studyaid)."""
    where.mkdir(parents=True, exist_ok=True)
    db = where / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(apkg)).read("collection.anki2"))
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT guid, mod FROM notes"))


def _lock(root: Path) -> dict[str, dict[str, int | str]]:
    return json.loads((root / "decks" / "mini.lock.json").read_text(encoding="utf-8"))


@pytest.fixture
def previous(tmp_path, cli):
    """A deck built once (the previous outputs and lock), then edited: one actor's role reworded."""
    root = tmp_path / "work"
    shutil.copytree(MINI_DIR / "decks", root / "decks")
    # The actor and event templates only: every output still made, each run a quarter of the work.
    templates = yaml.safe_load((REPO / "questions.yaml").read_text(encoding="utf-8"))
    templates["templates"] = [t for t in templates["templates"] if t["kind"] in ("actor", "event")]
    (root / "decks" / "questions.yaml").write_text(yaml.safe_dump(templates), encoding="utf-8")
    assert cli(*_args(root, T1)).returncode == 0
    outputs, lock = _files(root / "out"), (root / "decks" / "mini.lock.json").read_bytes()
    deck = root / "decks" / "mini.yaml"
    text = deck.read_text(encoding="utf-8")
    assert _OLD_ROLE in text
    deck.write_text(text.replace(_OLD_ROLE, _NEW_ROLE), encoding="utf-8")
    return root, outputs, lock


def _paused_build(root: Path, snapshots: Path) -> list[str]:
    """Run the build in a real process, copying the disk at each of its steps; the step labels."""
    to_child, from_test = os.pipe()
    from_child, to_test = os.pipe()
    env = dict(os.environ, **{PAUSE: f"{to_child},{to_test}"}, TMPDIR=str(root / "tmp"))
    env.pop(KILL_AT, None)
    (root / "tmp").mkdir()
    command = [sys.executable, "-m", "studyaid.cli", *_args(root, T2)]
    build = subprocess.Popen(command, cwd=REPO, env=env, pass_fds=(to_child, to_test), stderr=subprocess.PIPE)
    os.close(to_child)
    os.close(to_test)
    labels = []
    with os.fdopen(from_child, "r") as steps:
        for line in steps:
            labels.append(line.split(" ", 1)[1].rstrip("\n"))
            here = snapshots / str(len(labels))
            for part in ("decks", "out"):
                shutil.copytree(root / part, here / part, symlinks=True)
            os.write(from_test, b"c")
    os.close(from_test)
    assert build.wait(timeout=60) == 0, build.stderr.read() if build.stderr else ""
    return labels


def test_a_build_killed_at_every_step_leaves_consistent_files_and_the_next_run_recovers(tmp_path, previous, cli):
    root, old, old_lock = previous
    # The same edit, killed for real just after the new lock file is in place (a real SIGKILL, in
    # parallel with the paused build below).
    killed_root = tmp_path / "killed"
    shutil.copytree(root, killed_root)
    env = dict(os.environ, **{KILL_AT: "replace:mini.lock.json"})
    env.pop(PAUSE, None)
    killed = subprocess.Popen([sys.executable, "-m", "studyaid.cli", *_args(killed_root, T2)], cwd=REPO, env=env)

    labels = _paused_build(root, tmp_path / "snap")
    new, new_lock = _files(root / "out"), (root / "decks" / "mini.lock.json").read_bytes()
    assert not _leftovers(root) and not list((root / "tmp").iterdir())
    new_mods = _mods(new["mini.apkg"], tmp_path / "db-new")
    old_mods = _mods(old["mini.apkg"], tmp_path / "db-old")
    changed = {g for g in new_mods if new_mods[g] != old_mods.get(g)}
    assert len([name for name in old if old[name] != new[name]]) > 1, "the edit changes more than the package"
    assert changed and len(changed) < len(new_mods), "the edit changes some notes and leaves others"
    # Every step of the write order was a kill point: each staged output created, written and
    # renamed, the lock file, the commit list, each move into place, the cleanup.
    expected = {f"{verb}:{name}" for name in old for verb in ("create", "write", "replace", "commit")}
    expected |= {f"{verb}:mini.lock.json" for verb in ("create", "write", "replace")}
    expected |= {"stage", "create:.commit", "write:.commit", "replace:.commit", "discard"}
    assert set(labels) == expected
    assert labels.index("replace:mini.lock.json") < labels.index("replace:mini.apkg") < labels.index("commit:mini.apkg")

    recovered: set[object] = set()
    for n, label in enumerate(labels, start=1):
        snap = tmp_path / "snap" / str(n)
        seen = _files(snap / "out")
        lock = (snap / "decks" / "mini.lock.json").read_bytes()
        assert set(seen) == set(old), label
        assert all(seen[name] in (old[name], new[name]) for name in seen), f"a part-written file after {label}"
        assert lock in (old_lock, new_lock), label
        if seen["mini.apkg"] == new["mini.apkg"]:
            assert lock == new_lock, f"the package is ahead of its lock after {label}"
        mixed = {seen[name] == new[name] for name in seen if old[name] != new[name]} == {True, False}
        staged = [p for p in (snap / "out").iterdir() if p.name.startswith(".studyaid-staging-")]
        if mixed:  # killed while moving files into place: the rest waits, listed, in the staging folder
            assert len(staged) == 1 and (staged[0] / ".commit").is_file(), label
        # Leftovers are hidden temporaries and staging folders, which the next run removes.
        for left in _leftovers(snap):
            name = Path(left).name
            assert name.startswith(".studyaid-staging-") or (name.startswith(".mini") and name.endswith(".tmp")), left

        # The next run (later, with the same deck) recovers.
        state = (tuple(sorted(seen.items())), lock, tuple(_kind(snap, left) for left in _leftovers(snap)))
        if state in recovered:
            continue
        recovered.add(state)
        # Killed while moving files into place, the next run finishes the move before its own
        # work, even when it makes only the package: then the other files are the new ones too.
        listed = any(kind[0] == "staging" and kind[1] for kind in state[2])
        result = cli(*_args(snap, T3, "anki" if listed else "build"))
        assert result.returncode == 0, (label, result.stderr)
        assert not _leftovers(snap), label
        after = _files(snap / "out")
        assert set(after) == set(old)
        if listed:
            assert all(after[name] == new[name] for name in after if name != "mini.apkg"), label
        mods = _mods(after["mini.apkg"], tmp_path / "db" / str(n))
        entries = _lock(snap)
        assert all(entries[g]["mod"] == m for g, m in mods.items()), f"package and lock disagree after {label}"
        for guid in set(mods) - changed:  # unchanged notes keep their time: learners' edits survive
            assert mods[guid] == old_mods[guid], label
        if lock == new_lock:  # the new content's time was recorded: it is not stamped again
            assert mods == new_mods, label
        else:
            assert all(mods[g] > old_mods[g] for g in changed), label

    assert len(recovered) >= 8, "the distinct states: before the lock, lock ahead, commit list, each move"
    assert killed.wait(timeout=60) == -signal.SIGKILL
    assert (killed_root / "decks" / "mini.lock.json").read_bytes() == new_lock
    assert _files(killed_root / "out") == old, "killed before the commit: the previous outputs, byte for byte"
    result = cli(*_args(killed_root, T2))  # the flock died with the process: the next run does not wait
    assert result.returncode == 0, result.stderr
    assert _files(killed_root / "out") == new and not _leftovers(killed_root)
