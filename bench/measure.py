"""Resident memory of this process, read from /proc (Linux), and a step time limit via SIGALRM."""

from __future__ import annotations

import resource
import signal
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


def _expire(signum: int, frame: FrameType | None) -> None:
    raise StepTimeout


def arm(seconds: float) -> None:
    """Raise StepTimeout in this (main) thread after ``seconds``; 0 disarms."""
    signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, max(0.0, seconds))
