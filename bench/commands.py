"""Wall time of whole ``studyaid`` commands, each run in a subprocess as a user would run it."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def studyaid_command() -> list[str]:
    """The installed ``studyaid`` script beside this Python, else the one on PATH, else ``-m``."""
    beside = Path(sys.executable).parent / "studyaid"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("studyaid")
    return [found] if found else [sys.executable, "-m", "studyaid.cli"]


def wall_time(args: Sequence[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Median and best wall time of ``studyaid ARGS`` over ``runs`` runs, after one unmeasured run
    (so every measured run finds the files and bytecode in the page cache)."""
    command = [*studyaid_command(), *args]
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    times = []
    code = 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        code = code or done.returncode
    result: dict[str, Any] = {
        "command": " ".join(["studyaid", *args]),
        "seconds": statistics.median(times),
        "best_seconds": min(times),
        "runs": [round(t, 4) for t in times],
        "exit_code": code,
    }
    if code:
        result["stderr"] = done.stderr.decode("utf-8", "replace").strip()[-1000:]
    return result


def python_startup(runs: int) -> dict[str, Any]:
    """The floor under any command: a bare ``python -c pass`` with the same interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times), "runs": [round(t, 4) for t in times]}


def pint_registry_seconds(env: dict[str, str] | None = None) -> float:
    """Building pint's unit registry in a fresh process (a one-off cost of every load)."""
    code = (
        "import time; from studyaid.units import registry; t = time.perf_counter(); registry(); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())
