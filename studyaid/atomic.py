"""Output files written whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError, os_reason, output_error
from .killpoints import step

TEMP_SUFFIX = ".tmp"


def temp_prefix(target: Path) -> str:
    """How the temporaries for ``target`` start: ``.<name>.``, so a later build can find stale ones."""
    return f".{target.name}."


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto it if the block succeeds, removed if not.

    A reader of ``target`` sees either the previous file or the complete new one, never a part.
    Any OSError (full disk, read-only folder, a file where the folder should be) becomes an
    OutputError naming the path.
    """
    temp: Path | None = None
    try:
        make_folder(target.parent)
        with signals_deferred():  # a SIGTERM between creating and naming the file would leak it
            fd, name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=target.parent)
            temp = Path(name)
        os.close(fd)
        step(f"create:{target.name}")
        # mkstemp creates 0600 files; outputs are shared documents, so give them the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        yield temp
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        step(f"write:{target.name}")
        os.replace(temp, target)
        step(f"replace:{target.name}")
    except OSError as exc:
        # The temporary's name means nothing to the user; the file they asked for does.
        raise OutputError(str(target), os_reason(exc)) from None
    finally:
        if temp is not None:
            with signals_deferred(), contextlib.suppress(OSError):
                temp.unlink()


_DEFERRED = {signal.SIGTERM, signal.SIGINT}


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGTERM and SIGINT held back for the block and delivered after it, so that creating a
    temporary file and remembering its name (or removing it) cannot be torn apart by a signal."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    except (AttributeError, ValueError, OSError):  # no pthread_sigmask on this platform
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def make_folder(folder: Path) -> None:
    """Create an output folder (and its parents); OutputError when that is impossible."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(str(folder), "is a file, expected an output folder")
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, folder) from None
    step(f"mkdir:{folder.name}")


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as temp:
        temp.write_bytes(data)
    return target


def remove_stale_temporaries(folder: Path, names: list[str]) -> list[Path]:
    """Remove temporaries a killed build left for these file names in ``folder``; the ones removed.

    Only call this while holding the folder's build lock: a live build's temporaries look the same.
    """
    removed = []
    for name in names:
        prefix = temp_prefix(folder / name)
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                if path.name.startswith(prefix) and path.name.endswith(TEMP_SUFFIX) and path.is_file():
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
                        step(f"remove:{path.name}")
    return removed


MAX_NAME = 200
"""Longest output file name: most file systems stop at 255 bytes, and a temporary adds a dozen."""


def safe_output_name(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing names that would leave the output folder or write through a link."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith(".") or "\n" in name:
        raise OutputError(str(out_dir / name), "unsafe output file name")
    if len(name.encode("utf-8")) > MAX_NAME:
        raise OutputError(str(out_dir / name), f"file name longer than {MAX_NAME} bytes")
    path = out_dir / name
    if path.is_symlink():
        raise OutputError(str(path), "is a symbolic link; studyaid does not write through links (remove it)")
    if path.resolve().parent != out_dir.resolve():
        raise OutputError(str(path), f"would leave {out_dir}")
    return path
