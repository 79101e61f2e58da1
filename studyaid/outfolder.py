"""An output folder held by one build at a time, written by staging every output and then committing.

``studyaid build`` writes several files per deck. Two builds into one folder must not interleave
(an ``.apkg`` from one, a quiz from the other), and a deck whose quiz cannot be made must not
leave its new ``.apkg`` behind. So a build:

1. takes an exclusive ``flock`` on the folder itself (no lock file appears in it); a second build
   waits for it, then says which folder is busy;
2. removes what a killed build left: staging folders and temporaries (``.<name>.<random>.tmp``);
3. lets each deck's exporters write into a fresh staging folder inside the output folder, so
   every precondition of every output is met before any visible file changes;
4. moves the staged files into place, each by an atomic rename, after checking every target.
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

from .atomic import TEMP_SUFFIX, make_folder, safe_output_name, signals_deferred
from .errors import BusyError, OutputError, os_reason

STAGING_PREFIX = ".studyaid-staging-"


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
        """Staging folders and temporaries of killed builds (safe: we hold the folder's lock)."""
        removed = []
        for entry in self.path.iterdir():
            with contextlib.suppress(OSError):
                if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                    removed.append(entry)
                elif entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
                    entry.unlink()
                    removed.append(entry)
        return removed

    def stage(self) -> Path:
        """A new, empty staging folder for one deck's outputs."""
        try:
            with signals_deferred():
                staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))
                self._staging.append(staging)
        except OSError as exc:
            raise OutputError(str(self.path), os_reason(exc)) from None
        return staging

    def commit(self, staged: list[Path]) -> list[Path]:
        """Move staged files into the folder, after checking every target; the final paths."""
        targets = [safe_output_name(self.path, path.name) for path in staged]
        for target in targets:
            if target.is_dir():
                raise OutputError(str(target), "is a folder; studyaid writes a file of that name here")
        done = []
        for path, target in zip(staged, targets, strict=True):
            try:
                os.replace(path, target)
            except OSError as exc:
                raise OutputError(str(target), os_reason(exc)) from None
            done.append(target)
        return done

    def discard(self, staging: Path) -> None:
        """Remove a staging folder and whatever is in it."""
        with signals_deferred():
            shutil.rmtree(staging, ignore_errors=True)
            if staging in self._staging:
                self._staging.remove(staging)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        for staging in list(self._staging):
            self.discard(staging)
        if self._fd is not None:
            os.close(self._fd)  # releases the flock
            self._fd = None
