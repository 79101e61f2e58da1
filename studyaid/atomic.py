"""Output files written whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed onto it if the block succeeds, removed if not.

    A reader of ``target`` sees either the previous file or the complete new one, never a part.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        os.close(fd)
        # mkstemp creates 0600 files; outputs are shared documents, so give them the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        yield temp
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as temp:
        temp.write_bytes(data)
    return target


def safe_output_name(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing names that would leave the output folder."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
        raise ValueError(f"unsafe output file name {name!r}")
    path = out_dir / name
    if path.resolve().parent != out_dir.resolve():
        raise ValueError(f"output file {name!r} would leave {out_dir}")
    return path
