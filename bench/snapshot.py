"""A frozen copy of the code and data being measured, so one run measures one version.

Other engineers commit to the repository while a long benchmark runs; the workers would otherwise
import whatever studyaid is on disk at the moment each one starts. The copy holds ``studyaid/``,
``bench/``, ``questions.yaml`` and the article's deck as committed at HEAD when the run began
(or, with ``working_tree``, as on disk, uncommitted edits included and listed), and every worker
and command runs from it. Measuring a commit by default makes a result attributable to it: other
engineers' half-finished edits in the working tree are not what a benchmark should report on.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .machine import git_output

COPIED = (
    "studyaid",
    "bench",
    "questions.yaml",
    "decks/russia-north-korea-ties.yaml",
    "decks/russia-north-korea-ties.txt",
)


def freeze(repo: Path, target: Path, working_tree: bool = False) -> dict[str, Any]:
    """Copy the measured files from ``repo`` into ``target``; which commit (and edits) they are."""
    target.mkdir(parents=True, exist_ok=True)
    if not working_tree and _export_head(repo, target):
        info = freeze_info(repo, target)
        edits = info.pop("uncommitted")
        return {**info, "source": "HEAD", "uncommitted_not_measured": edits, "imported_from": imported_from(target)}
    for name in COPIED:
        source, copy = repo / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, copy)
    return {**freeze_info(repo, target), "source": "working tree", "imported_from": imported_from(target)}


def _export_head(repo: Path, target: Path) -> bool:
    """Extract the committed files into ``target`` (``git archive HEAD``); False without git."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", "HEAD", *COPIED], cwd=repo, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def freeze_info(repo: Path, tree: Path | None = None) -> dict[str, Any]:
    """The commit, a hash of the ``studyaid/`` files in ``tree`` (default: the repository's) and
    the uncommitted edits; comparing hashes tells whether studyaid changed since a freeze."""
    digest = hashlib.sha256()
    root = tree or repo
    for path in sorted((root / "studyaid").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    edits = git_output(repo, "status", "--porcelain", "--", "studyaid", "questions.yaml", "decks") or ""
    return {
        "commit": git_output(repo, "rev-parse", "HEAD"),
        "studyaid_sha256": digest.hexdigest(),
        "uncommitted": [line.strip() for line in edits.splitlines() if line.strip()],
    }


def imported_from(frozen: Path) -> str:
    """Where a process started like the workers finds studyaid (it should be inside the copy)."""
    done = subprocess.run(
        [sys.executable, "-c", "import studyaid; print(studyaid.__file__)"],
        cwd=frozen,
        env=environment(frozen),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def environment(frozen: Path) -> dict[str, str]:
    """The environment for processes that must import the frozen copy, not the editable install."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(frozen), env.get("PYTHONPATH", "")) if p)
    return env
