"""Starting workers: one fresh process per run of a step, repeated, summarised as a median."""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .snapshot import environment

GRACE = 60.0
"""Seconds a worker gets beyond its step's time limit (imports, loading inputs, saving output)
before it is killed from outside."""
LONG_RUN = 20.0
"""A step whose first run takes longer than this is not repeated: the spread of such runs is
small next to what they show, and the full benchmark has to finish."""


@dataclass
class Runner:
    """Runs steps in worker processes from the frozen copy of the code, one time limit per step."""

    code: Path
    """The frozen copy (``snapshot.freeze``): the workers' folder and first import path."""
    scratch: Path
    timeout: float
    repeat: int
    profile_dir: Path | None = None
    memory_limit_mb: float | None = None
    """Address-space cap for each worker (None: no cap)."""

    def run(self, step: str, label: str, **task: Any) -> dict[str, Any]:
        """Run ``step`` up to ``repeat`` times; the median time and the largest peak memory.

        ``task`` holds the step's inputs (``deck_yaml``, ``loaded``, ``questions``...) and, when
        the next step needs it, ``output``: that is saved from the first run only.
        """
        return self.run_pair(step, None, label, **task)[0]

    def run_pair(
        self, step: str, baseline: str | None, label: str, **task: Any
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """Run ``step`` and its baseline alternately (step, baseline, step, baseline...), so that a
        change in the machine's load while they run falls on both alike. The baseline runs only
        after the step succeeded."""
        runs: dict[str, list[dict[str, Any]]] = {step: [], baseline or "": []}
        for attempt in range(self.repeat):
            ours = self._once(self._spec(step, task, keep_output=attempt == 0))
            runs[step].append(ours)
            if ours["status"] != "ok":
                break
            theirs = self._once(self._spec(baseline, task, keep_output=False)) if baseline else None
            if theirs is not None:
                runs[baseline or ""].append(theirs)
            if ours["seconds"] > LONG_RUN or (theirs is not None and theirs["status"] != "ok"):
                break
        mine = summarise(runs[step])
        other = summarise(runs[baseline]) if baseline and runs[baseline] else None
        if self.profile_dir is not None:
            for name, summary in ((step, mine), (baseline, other)):
                if name and summary and summary["status"] in ("ok", "timeout"):
                    summary["profile"] = self._profile(name, label, task)
        return mine, other

    def _spec(self, step: str, task: dict[str, Any], keep_output: bool) -> dict[str, Any]:
        work = Path(tempfile.mkdtemp(prefix=f"{step}-", dir=self.scratch))
        spec = {
            **task,
            "step": step,
            "work_dir": str(work),
            "timeout": self.timeout,
            "result": str(work / "result.json"),
            "memory_limit_mb": self.memory_limit_mb,
        }
        if not keep_output:
            spec.pop("output", None)
        return spec

    def _profile(self, step: str, label: str, task: dict[str, Any]) -> str:
        """One more run of ``step`` under cProfile; the path of its report."""
        assert self.profile_dir is not None
        path = self.profile_dir / f"{label}-{step}.txt"
        self._once(self._spec(step, task, keep_output=False) | {"profile": str(path)})
        return str(path)

    def _once(self, spec: dict[str, Any]) -> dict[str, Any]:
        task_file = Path(spec["work_dir"]) / "task.json"
        task_file.write_text(json.dumps(spec), encoding="utf-8")
        command = [sys.executable, "-m", "bench.worker", str(task_file)]
        with subprocess.Popen(
            command,
            cwd=self.code,
            env=environment(self.code),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        ) as process:
            try:
                _, err = process.communicate(timeout=self.timeout + GRACE)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the worker's own process group only
                process.communicate()
                # Stopped from outside: the step sat in one long C call that the worker's own
                # alarm could not interrupt. It ran for at least the time limit.
                return {
                    "status": "timeout",
                    "note": f"killed after {self.timeout + GRACE:g} s",
                    "seconds": self.timeout,
                }
        result_file = Path(spec["result"])
        if not result_file.exists():
            return {"status": "error", "note": f"worker exited {process.returncode}: {err.strip()[-1500:]}"}
        return json.loads(result_file.read_text(encoding="utf-8"))


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Runs of one step as one record: median seconds, largest peak, the first run's details."""
    ok = [r for r in runs if r.get("status") == "ok"]
    if not ok:
        last = dict(runs[-1])
        if last.get("status") == "timeout":
            last["at_least_seconds"] = last.get("seconds")
        last["seconds"] = None
        return last
    first = dict(ok[0])
    times = [r["seconds"] for r in ok]
    first["seconds"] = statistics.median(times)
    first["runs"] = [round(t, 4) for t in times]
    first["peak_rss_mb"] = max(r["peak_rss_mb"] for r in ok)
    first["step_rss_mb"] = max(r["step_rss_mb"] for r in ok)
    return first
