"""A description of the computer and software the benchmark ran on, for the JSON."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil

PACKAGES = ("studyaid", "genanki", "typst", "PyYAML", "Jinja2", "Pint")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_output(repo: Path, *args: str) -> str | None:
    """What a git command prints in ``repo``, or None when git is missing or fails."""
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def load_average() -> list[float] | None:
    """The 1, 5 and 15-minute load averages: other work on the machine skews every timing."""
    return [round(x, 2) for x in psutil.getloadavg()]


def describe(repo: Path) -> dict[str, Any]:
    """CPU, memory, OS, Python, package versions and the repository's commit."""
    import yaml

    status = git_output(repo, "status", "--porcelain", "--untracked-files=no")
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "cpus_usable": len(psutil.Process().cpu_affinity() or []) or os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "load_average": load_average(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "packages": {name: _version(name) for name in PACKAGES},
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "commit": git_output(repo, "rev-parse", "HEAD"),
        "uncommitted_changes": bool(status) if status is not None else None,
    }
