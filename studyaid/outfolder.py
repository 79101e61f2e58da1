"""An output folder held by one build at a time, written by staging every output and then committing.

``studyaid build`` writes several files per deck. Two builds into one folder must not interleave
(an ``.apkg`` from one, a quiz from the other), and a deck whose quiz cannot be made must not
leave its new ``.apkg`` behind. So a build:

1. takes an exclusive ``flock`` on the folder itself (no lock file appears in it); a second build
   waits for it, then says which folder is busy;
2. finishes or removes what a killed build left: a staging folder with a commit list is moved
   into place (that build had made every output; it was killed while moving them), any other
   staging folder and every temporary (``.<name>.<random>.tmp``) is removed;
3. lets each deck's exporters write into a fresh staging folder inside the output folder, so
   every precondition of every output is met before any visible file changes;
4. writes the commit list into the staging folder, then moves the staged files into place, each
   by an atomic rename, after checking every target.

So after a kill at any point the folder holds whole files only, and the next build into it
leaves it as one build made it: never a quiz from one build beside a key from another.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from .atomic import TEMP_SUFFIX, make_folder, safe_output_name, signals_deferred, write_atomic
from .errors import BusyError, OutputError, os_reason
from .killpoints import step

STAGING_PREFIX = ".studyaid-staging-"
COMMIT_LIST = ".commit"
"""In a staging folder: the names of the files to move into place, written once all are staged."""


class OutputFolder:
    """The output folder of one build; use as a context manager (see the module docstring)."""

    def __init__(self, path: Path, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.wait = wait
        self.on_wait = on_wait
        self._fd: int | None = None
        self._staging: list[Path] = []

    def __enter__(self) -> OutputFolder:
        make_folder(self.path)
        try:
            self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise OutputError(str(self.path), os_reason(exc)) from None
        self._lock()
        self.removed = self._remove_leftovers()
        return self

    def _lock(self) -> None:
        assert self._fd is not None
        deadline = time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self._fd)
                    self._fd = None
                    raise BusyError(
                        f"{self.path}: another studyaid build is writing into this folder "
                        f"(waited {self.wait:g} s); try again when it has finished"
                    ) from None
                if not told and self.on_wait:
                    self.on_wait(f"{self.path}: another studyaid build is writing here; waiting for it…")
                    told = True
                time.sleep(0.05)

    def _remove_leftovers(self) -> list[Path]:
        """Finish the commit of a build killed while committing, remove every other staging folder
        and temporary of killed builds (safe: we hold the folder's lock); what was removed."""
        removed = []
        for entry in sorted(self.path.iterdir()):
            with contextlib.suppress(OSError):
                if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
                    self._finish_commit(entry)
                    shutil.rmtree(entry)
                    removed.append(entry)
                    step(f"remove:{entry.name}")
                elif entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
                    entry.unlink()
                    removed.append(entry)
                    step(f"remove:{entry.name}")
        return removed

    def _finish_commit(self, staging: Path) -> None:
        """Move what a killed build had staged and listed for commit, and not yet moved, into place."""
        try:
            names = (staging / COMMIT_LIST).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return  # no list: that build had not made every output yet, so none of it goes in
        for name in names:
            staged = staging / name
            if staged.is_file() and not staged.is_symlink():
                try:
                    target = safe_output_name(self.path, name)
                except OutputError:
                    continue  # a link put there since: that file is not written through it
                if not target.is_dir():
                    os.replace(staged, target)
                    step(f"commit:{name}")

    def stage(self) -> Path:
        """A new, empty staging folder for one deck's outputs."""
        try:
            with signals_deferred():
                staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))
                self._staging.append(staging)
        except OSError as exc:
            raise OutputError(str(self.path), os_reason(exc)) from None
        step("stage")
        return staging

    def commit(self, staged: list[Path]) -> list[Path]:
        """Move staged files into the folder, after checking every target; the final paths.

        The commit list goes into the staging folder first: killed while moving, the build's
        files are still all there, and the next build finishes the move before it starts.
        """
        targets = [safe_output_name(self.path, path.name) for path in staged]
        for target in targets:
            if target.is_dir():
                raise OutputError(str(target), "is a folder; studyaid writes a file of that name here")
        if staged:
            listing = "".join(f"{path.name}\n" for path in staged).encode("utf-8")
            try:
                write_atomic(staged[0].parent / COMMIT_LIST, listing)
            except OutputError as exc:  # the list is ours: name the folder the user gave
                raise OutputError(str(self.path), exc.reason) from None
        done = []
        for path, target in zip(staged, targets, strict=True):
            try:
                os.replace(path, target)
            except OSError as exc:
                raise OutputError(str(target), os_reason(exc)) from None
            step(f"commit:{target.name}")
            done.append(target)
        return done

    def discard(self, staging: Path) -> None:
        """Remove a staging folder and whatever is in it."""
        with signals_deferred():
            existed = staging.exists()
            shutil.rmtree(staging, ignore_errors=True)
            if staging in self._staging:
                self._staging.remove(staging)
        if existed:
            step("discard")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        for staging in list(self._staging):
            self.discard(staging)
        if self._fd is not None:
            os.close(self._fd)  # releases the flock
            self._fd = None
