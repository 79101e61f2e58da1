"""Handing studyaid's objects from one worker process to the next, as pickles.

A loaded ``Deck`` holds ``MappingProxyType`` views (read-only mappings), which pickle cannot
handle by itself; they are rebuilt from a plain dict.
"""

from __future__ import annotations

import copyreg
import pickle
import types
from pathlib import Path
from typing import Any


def read_only(data: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    """A read-only view of ``data`` (pickle names this function; it cannot name the view's type)."""
    return types.MappingProxyType(data)


def _proxy(mapping: types.MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return read_only, (dict(mapping),)


copyreg.pickle(types.MappingProxyType, _proxy)  # type: ignore[arg-type]


def save(obj: Any, path: Path) -> None:
    """Write ``obj`` to ``path``."""
    with path.open("wb") as out:
        pickle.dump(obj, out, protocol=pickle.HIGHEST_PROTOCOL)


def load(path: Path) -> Any:
    """Read back what ``save`` wrote (only files this benchmark made itself)."""
    with path.open("rb") as source:
        return pickle.load(source)
