"""Reading a user-named file without surprises: only regular files, never blocking, never unbounded.

A deck or article path can name a FIFO (opening it waits for a writer forever), a device
(``/dev/zero`` reads without end) or a folder. Each is refused by what ``fstat`` says about the
opened file, before a byte is read; the file is opened non-blocking so a FIFO cannot hold us.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import os_reason

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(ValueError):
    """A file that cannot be read as input; the message completes "<path>: ..."."""


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes; UnreadableFile otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {os_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise UnreadableFile(f"is {kind}, expected a regular file")
        if info.st_size > limit:
            raise UnreadableFile(f"file is {info.st_size:,} bytes, larger than the limit of {limit:,}")
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFile(f"file grew past the limit of {limit:,} bytes while being read")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {os_reason(exc)}") from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int) -> str:
    """A regular file's text, decoded as UTF-8; UnreadableFile when it is not UTF-8."""
    raw = read_bytes(path, limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFile(f"line {line}: not UTF-8 text") from None
