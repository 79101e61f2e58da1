"""studyaid: study material that agrees with its fact base everywhere it is printed.

The names below are re-exported lazily (PEP 562 ``__getattr__``): importing ``studyaid`` or
``studyaid.cli`` loads neither YAML nor Jinja2 until a name that needs them is used, so the CLI's
start-up and ``--help`` stay fast and generation's imports stay its own.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ExportError, InputError, Problem, StudyaidError, TemplateError
    from .generate import generate
    from .load import load_deck, load_templates
    from .model import Deck, Fact, Question, Source, Template

_HOMES = {
    "Deck": "model",
    "ExportError": "errors",
    "Fact": "model",
    "InputError": "errors",
    "Problem": "errors",
    "Question": "model",
    "Source": "model",
    "StudyaidError": "errors",
    "Template": "model",
    "TemplateError": "errors",
    "generate": "generate",
    "load_deck": "load",
    "load_templates": "load",
}
"""Each public name and the module that defines it."""

__version__ = "0.1.0"
"""The one place the version is written (pyproject.toml reads it from here)."""

__all__ = [
    "__version__",
    "Deck",
    "ExportError",
    "Fact",
    "InputError",
    "Problem",
    "Question",
    "Source",
    "StudyaidError",
    "Template",
    "TemplateError",
    "generate",
    "load_deck",
    "load_templates",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'studyaid' has no attribute {name!r}")
    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
