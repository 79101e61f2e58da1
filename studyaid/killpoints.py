"""Test-only hooks at each step of a build's write order, so a test can kill it at every one.

A build changes the file system in a fixed order (a staging folder, each temporary created,
written, renamed; the lock file; the commit into the output folder; the cleanup). Every such
change calls ``step(label)`` just after it happens. Without the variables below that costs one
dictionary look-up and does nothing; **they are for tests only** and no user should set them:

- ``STUDYAID_TEST_KILL_AT=N`` -- the process sends itself SIGKILL just after its ``N``-th step
  (counted from 1), or just after the first step whose label is ``N`` when it is not a number
  (``replace:mini.lock.json``). SIGKILL runs no handler and no ``finally``: what the disk holds
  then is what a power cut or ``kill -9`` at that point leaves.
- ``STUDYAID_TEST_PAUSE=R,W`` -- two inherited file descriptors: after each step the process
  writes ``<n> <label>\\n`` to ``W`` and waits for one byte on ``R``, so a test can look at the
  disk as a kill at that step would leave it (and kill the process itself if it likes).

Labels: ``mkdir:<folder>``, ``stage`` (a staging folder made), ``create:<name>`` (an empty
temporary), ``write:<name>`` (the temporary filled and flushed), ``replace:<name>`` (renamed onto
the file; ``.commit`` is a staging folder's commit list), ``commit:<name>`` (a staged file moved
into the output folder), ``discard`` (a staging folder removed), ``remove:<name>`` (a leftover of a
killed build removed).
"""

from __future__ import annotations

import os
import signal

KILL_AT = "STUDYAID_TEST_KILL_AT"
PAUSE = "STUDYAID_TEST_PAUSE"

_count = 0


def step(label: str) -> None:
    """One change to the file system has just happened (see the module docstring)."""
    global _count
    kill_at = os.environ.get(KILL_AT)
    pause = os.environ.get(PAUSE)
    if kill_at is None and pause is None:
        return
    _count += 1
    if pause is not None:
        read_fd, write_fd = (int(fd) for fd in pause.split(","))
        os.write(write_fd, f"{_count} {label}\n".encode())
        os.read(read_fd, 1)
    if kill_at is not None and (kill_at == str(_count) or kill_at == label):
        os.kill(os.getpid(), signal.SIGKILL)
