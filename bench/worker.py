"""Time one step in this fresh process: ``python -m bench.worker TASK.json``.

Order: prepare the inputs (untimed), collect garbage, reset the peak-memory mark, start the clock,
run the step, stop the clock, read the peak, save the output (untimed), write the result as JSON
to ``task["result"]``. The peak is this process's own high-water mark, or while child processes
run, the larger sampled sum of it and theirs. A step that overruns ``task["timeout"]`` is stopped and reported as such.
With ``task["profile"]`` the step runs under cProfile and the top functions are written there
(also when it times out, so a slow step still shows where its time goes).
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import pstats
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from .baselines import BASELINES
from .measure import StepTimeout, TreeSampler, arm, limit_memory, peak_mb, reset_peak, rss_mb
from .steps import STEPS

PROFILE_LINES = 40


def _write_profile(profiler: cProfile.Profile, path: Path) -> None:
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.getvalue(), encoding="utf-8")


def run_task(task: dict[str, Any]) -> dict[str, Any]:
    """Prepare, time and save one step; the measurements, or why there are none."""
    step = {**STEPS, **BASELINES}[task["step"]]
    state = step.prepare(task)
    gc.collect()
    before = rss_mb()
    peak_reset = reset_peak()
    profiler = cProfile.Profile() if task.get("profile") else None
    status, note, extra = "ok", None, {}
    sampler = TreeSampler()
    arm(task.get("timeout") or 0)
    start = time.perf_counter()
    try:
        with sampler:
            if profiler is not None:
                extra = profiler.runcall(step.run, state)
            else:
                extra = step.run(state)
    except StepTimeout:
        status, note = "timeout", f"stopped after {task['timeout']:g} s"
    except MemoryError:
        status, note = "out-of-memory", f"ran out of its {task['memory_limit_mb'] / 1024:.0f} GB memory limit"
    finally:
        arm(0)
        seconds = time.perf_counter() - start
    own = peak_mb()
    peak = max(own, sampler.peak)
    if profiler is not None:
        _write_profile(profiler, Path(task["profile"]))
    if status == "ok" and task.get("output"):
        step.save(state, task)
    return {
        "status": status,
        "note": note,
        "seconds": seconds,
        "peak_rss_mb": round(peak, 1),
        "rss_before_mb": round(before, 1),
        "step_rss_mb": round(max(0.0, peak - before), 1),
        "peak_is_step_only": peak_reset,
        "own_peak_rss_mb": round(own, 1),
        "child_processes": sampler.children_seen,
        **extra,
    }


def main(argv: list[str]) -> int:
    task = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    task["task_file"] = argv[0]
    if task.get("memory_limit_mb"):
        limit_memory(task["memory_limit_mb"])
    try:
        result = run_task(task)
    except MemoryError:
        result = {
            "status": "out-of-memory",
            "note": f"ran out of its {task['memory_limit_mb'] / 1024:.0f} GB memory limit (--memory-limit)",
        }
    except Exception as exc:  # report any failure of the step as data, with its traceback tail
        result = {
            "status": "error",
            "note": f"{type(exc).__name__}: {exc}"[:2000],
            "traceback": traceback.format_exc()[-4000:],
        }
    Path(task["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
