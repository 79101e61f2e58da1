"""Resident memory of this process, read from /proc (Linux), and a step time limit via SIGALRM."""

from __future__ import annotations

import os
import resource
import signal
import threading
from pathlib import Path
from types import FrameType

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


class StepTimeout(BaseException):
    """The timed step ran past its time limit.

    A BaseException, like KeyboardInterrupt, so that code which turns any Exception into a
    report of its own (a template filter failing, say) does not swallow it.
    """


def _status_mb(field: str) -> float | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def rss_mb() -> float:
    """Current resident set size in MiB."""
    current = _status_mb("VmRSS")
    return current if current is not None else peak_mb()


def peak_mb() -> float:
    """Peak resident set size since the process started, or since ``reset_peak``, in MiB."""
    peak = _status_mb("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> bool:
    """Reset the peak to the current size (Linux: ``5`` into clear_refs); False when unsupported.

    Lets a worker load its inputs first and then measure only the step's own high-water mark.
    """
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def _descendants(pid: int) -> list[int]:
    """Child processes of ``pid``, recursively, from /proc/<pid>/task/*/children."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def _rss_of(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class TreeSampler:
    """Samples the resident memory of this process and its children while a step runs.

    A step may hand work to child processes (the quiz compiles its key in a second process), whose
    memory this process's own high-water mark does not include. The sampled sum can miss a peak
    shorter than the interval; this process's own peak is exact (``peak_mb``).
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak = 0.0
        self.children_seen = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.interval):
            kids = _descendants(me)
            self.children_seen = max(self.children_seen, len(kids))
            if kids:  # alone, this process's own high-water mark is exact and cheaper
                self.peak = max(self.peak, rss_mb() + sum(_rss_of(k) for k in kids))

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def limit_memory(megabytes: float) -> None:
    """Cap this process's address space, so a step that would exhaust the machine's memory fails
    with MemoryError here instead of drawing the kernel's out-of-memory killer onto other work."""
    cap = int(megabytes * 1024 * 1024)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def physical_memory_mb() -> float | None:
    """Installed memory, from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _expire(signum: int, frame: FrameType | None) -> None:
    raise StepTimeout


def arm(seconds: float) -> None:
    """Raise StepTimeout in this (main) thread after ``seconds``; 0 disarms."""
    signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, max(0.0, seconds))
