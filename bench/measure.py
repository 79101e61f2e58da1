"""A step's memory (psutil for this process and its children), its time limit and its memory cap."""

from __future__ import annotations

import resource
import signal
import threading
from pathlib import Path
from types import FrameType

import psutil

MB = 1024 * 1024


class StepTimeout(BaseException):
    """The timed step ran past its time limit.

    A BaseException, like KeyboardInterrupt, so that code which turns any Exception into a
    report of its own (a template filter failing, say) does not swallow it.
    """


def rss_mb() -> float:
    """Current resident set size of this process in MiB."""
    return float(psutil.Process().memory_info().rss) / MB


def peak_mb() -> float:
    """Peak resident set size since the process started, or since ``reset_peak``, in MiB
    (the kernel's high-water mark: exact, where sampling would miss short peaks)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> bool:
    """Reset the peak to the current size (Linux: ``5`` into clear_refs); False when unsupported.

    Lets a worker load its inputs first and then measure only the step's own high-water mark.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


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
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            kids = me.children(recursive=True)
            self.children_seen = max(self.children_seen, len(kids))
            if kids:  # alone, this process's own high-water mark is exact and cheaper
                self.peak = max(self.peak, rss_mb() + sum(_rss_of(k) for k in kids))

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _rss_of(process: psutil.Process) -> float:
    try:
        return float(process.memory_info().rss) / MB
    except psutil.Error:  # it ended between listing and reading
        return 0.0


def limit_memory(megabytes: float) -> None:
    """Cap this process's address space, so a step that would exhaust the machine's memory fails
    with MemoryError here instead of drawing the kernel's out-of-memory killer onto other work."""
    cap = int(megabytes * MB)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def physical_memory_mb() -> float:
    """Installed memory."""
    return float(psutil.virtual_memory().total) / MB


def _expire(signum: int, frame: FrameType | None) -> None:
    raise StepTimeout


def arm(seconds: float) -> None:
    """Raise StepTimeout in this (main) thread after ``seconds``; 0 disarms."""
    signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, max(0.0, seconds))
