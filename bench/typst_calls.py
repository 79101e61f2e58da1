"""Recording the documents studyaid's quiz export compiles with Typst, in a process of its own.

``python -m bench.typst_calls TASK.json OUT.json`` runs ``export_quiz`` on the task's deck and
questions with typst's entry points wrapped, and writes the ``typst.compile`` keyword arguments
that reproduce each document (template, root, fonts, ``sys_inputs`` JSON, format, timestamp, tags)
and the number of queries made. The Typst baseline then compiles exactly those, in a fresh process.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .steps import TIMESTAMP, deck_and_questions, quiz_module

_INIT_ARGS = ("input", "root", "font_paths", "ignore_system_fonts", "sys_inputs", "package_path", "package_cache_path")
_COMPILE_ARGS = ("input", "output", "format", "ppi", "sys_inputs", "pdf_standards", "root", "timestamp", "pretty")
_COMPILE_ARGS += ("pdf_tags",)
_MODULE_ARGS = ("input", "output", "root", "font_paths", "ignore_system_fonts", "format", "ppi", "sys_inputs")
_MODULE_ARGS += ("pdf_standards", "package_path", "timestamp", "pretty", "package_cache_path", "pdf_tags")
_FOR_COMPILE = set(_MODULE_ARGS) - {"output"}


def _named(names: tuple[str, ...], args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    return {**dict(zip(names, args, strict=False)), **kwargs}


def record_typst(action: Callable[[], Any]) -> tuple[list[dict[str, Any]], int]:
    """Run ``action`` with typst's entry points wrapped; the ``typst.compile`` keyword arguments
    that reproduce each document it compiled, and how many queries it made."""
    import typst

    calls: list[dict[str, Any]] = []
    queries = 0
    real_compiler, real_compile, real_with_warnings = typst.Compiler, typst.compile, typst.compile_with_warnings

    def keep(options: dict[str, Any]) -> None:
        if options.get("sys_inputs") in (Ellipsis, None):
            options.pop("sys_inputs", None)
        calls.append({k: v for k, v in options.items() if k in _FOR_COMPILE and v is not None})

    class Recording:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.options = _named(_INIT_ARGS, args, kwargs)
            self.real = real_compiler(*args, **kwargs)

        def _compile(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            given = _named(_COMPILE_ARGS, args, kwargs)
            merged = {**self.options, **{k: v for k, v in given.items() if v is not None and v is not Ellipsis}}
            keep(merged)
            return getattr(self.real, method)(*args, **kwargs)

        def compile(self, *args: Any, **kwargs: Any) -> Any:
            return self._compile("compile", args, kwargs)

        def compile_with_warnings(self, *args: Any, **kwargs: Any) -> Any:
            return self._compile("compile_with_warnings", args, kwargs)

        def query(self, *args: Any, **kwargs: Any) -> Any:
            nonlocal queries
            queries += 1
            return self.real.query(*args, **kwargs)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

    def module_compile(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            keep(_named(_MODULE_ARGS, args, kwargs))
            return real(*args, **kwargs)

        return wrapped

    # setattr: replacing a module's attributes is exactly what is meant here, typed or not.
    wrapped = {
        "Compiler": Recording,
        "compile": module_compile(real_compile),
        "compile_with_warnings": module_compile(real_with_warnings),
    }
    originals = {name: getattr(typst, name) for name in wrapped}
    for name, value in wrapped.items():
        setattr(typst, name, value)
    try:
        action()
    finally:
        for name, value in originals.items():
            setattr(typst, name, value)
    return calls, queries


def main(argv: list[str]) -> int:
    from studyaid.export import ExportOptions

    task = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    module = quiz_module()
    export_quiz = module.export_quiz
    # Record every compile in this process: large quizzes would otherwise compile their chunks in
    # worker processes, out of reach of the recording (the chunks are the same either way).
    from studyaid.export import quiz_render

    quiz_render.WORKERS = 0
    deck, _, questions = deck_and_questions(task)
    out = Path(task["work_dir"]) / "typst-record"
    calls, queries = record_typst(
        lambda: export_quiz(
            deck,
            questions,
            ExportOptions(out, TIMESTAMP, deck.settings.seed, task["versions"], task["count"]),
        )
    )
    Path(argv[1]).write_text(json.dumps({"calls": calls, "queries": queries}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
