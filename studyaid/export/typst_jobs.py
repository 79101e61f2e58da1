"""Typst compiles in two worker processes, none of which outlives the command.

Why workers: Typst's compiler holds the GIL, so threads do not help; two processes use both
cores. They are spawned (a fresh interpreter: nothing of this process's memory is copied or
counted twice) as soon as the caller knows it will need them, so their start-up overlaps the
caller's own work, and each compiles job after job with compilers it keeps (fonts are parsed
once per worker, not once per job). Typst keeps what it computed for the last
documents it compiled (about ten) in a process-wide cache, so after each job a worker compiles
an empty page ``FLUSH_COMPILES`` times, which ages the big entries out: a worker then holds one
document's memory, not ten.

Why nothing outlives the command: each worker asks the kernel to kill it when its parent dies
(``PR_SET_PDEATHSIG``, so even ``kill -9`` of the command takes the workers with it), ignores
Ctrl-C (which the terminal sends to the whole process group: the parent handles it), and the
parent stops and reaps every worker when the pool closes, normally, by an error or by an
interrupt; a worker that does not stop at once is killed.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from types import TracebackType
from typing import Any

from ..errors import ExportError

WORKERS = 2
"""Worker processes: both cores of the machines studyaid is measured on, and a bound on memory
(each holds one document's layout at a time)."""
FLUSH_COMPILES = 12
"""Empty compiles after each job, enough for Typst's cache to drop the job's entries."""
PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal the kernel sends this process when its parent dies."""
STOP_SECONDS = 2.0
"""How long a worker may take to exit when asked before it is killed."""


@dataclass(frozen=True)
class Job:
    """One Typst compile: a packaged template and its data."""

    template: str
    payload: str
    """The data as JSON text (``typst_pdf.payload_of``)."""
    timestamp: float
    pdf_tags: bool
    query: str | None = None
    """A label whose metadata values come back with the PDF (``<question-mark>``)."""


Rendered = tuple[bytes, list[Any]]
"""A PDF and the values its query returned."""


class Workers:
    """Worker processes for Typst jobs: ``with Workers() as pool: pool.run(jobs)``.

    With ``count=0`` jobs run one after another in this process instead; either way each job is
    compiled by itself, so the bytes are the same.
    """

    def __init__(self, count: int = WORKERS) -> None:
        self.count = count
        self._workers: list[tuple[Any, Connection]] = []

    def __enter__(self) -> Workers:
        context: Any = get_context("spawn")
        for _ in range(self.count):
            ours, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
            process.start()
            theirs.close()
            self._workers.append((process, ours))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker and wait for it; kill one that does not stop in ``STOP_SECONDS``."""
        for _, connection in self._workers:
            with suppress(OSError):  # it is gone already
                connection.send(None)
        for process, connection in self._workers:
            process.join(STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()
            connection.close()
        self._workers = []

    def run(self, jobs: Sequence[Job]) -> list[Rendered]:
        """Each job's PDF and queried values, in the order of ``jobs``; each job goes to the next
        idle worker. Raises ExportError when a compile fails or a worker dies."""
        if not self._workers:
            from .typst_pdf import Renderer

            with Renderer() as renderer:
                return [
                    renderer.render(j.template, j.payload, timestamp=j.timestamp, pdf_tags=j.pdf_tags, query=j.query)
                    for j in jobs
                ]
        results: dict[int, Rendered] = {}
        waiting = list(range(len(jobs)))
        busy: dict[Connection, int] = {}
        idle = [connection for _, connection in self._workers]
        while waiting or busy:
            while waiting and idle:
                connection = idle.pop()
                index = waiting.pop(0)
                connection.send((index, jobs[index]))
                busy[connection] = index
            for ready in wait(list(busy)):
                assert isinstance(ready, Connection)
                index = busy.pop(ready)
                try:
                    outcome = ready.recv()
                except EOFError:
                    raise ExportError(f"the process compiling {jobs[index].template} died") from None
                if outcome[0] != "ok":
                    raise ExportError(outcome[1])
                results[index] = (outcome[1], outcome[2])
                idle.append(ready)
        return [results[i] for i in range(len(jobs))]


def _serve(connection: Connection, parent: int) -> None:
    """A worker's life: die with the parent, leave Ctrl-C to it, compile jobs until told to stop."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .typst_pdf import Renderer, flusher

    flush = flusher()
    renderer = Renderer()
    while True:
        try:
            message = connection.recv()
        except EOFError:
            break
        if message is None:
            break
        index, job = message
        try:
            pdf, marks = renderer.render(
                job.template, job.payload, timestamp=job.timestamp, pdf_tags=job.pdf_tags, query=job.query
            )
            connection.send(("ok", pdf, marks))
        except ExportError as exc:
            connection.send(("error", str(exc)))
        for _ in range(FLUSH_COMPILES):
            flush()
    renderer.close()
    connection.close()


def _die_with_parent() -> None:
    """Ask Linux to send SIGKILL when the parent exits; elsewhere, the parent's cleanup has to do."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl in this libc: the parent's cleanup still runs
        pass
