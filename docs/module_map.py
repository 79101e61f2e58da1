"""Print the module table of docs/architecture.md: one line per module of studyaid/, with its line
count and its docstring's first sentence (run from the repository root, paste over the table)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "studyaid"


def first_sentence(path: Path) -> str:
    """The module docstring's first sentence, on one line."""
    doc = " ".join((ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "").split())
    cut = doc.find(". ")
    return (doc[:cut] if cut > 0 else doc).rstrip(".")


def rows() -> list[str]:
    """``| `module` | lines | job |`` for every module, folders' ``__init__`` as the folder."""
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        name = rel.removesuffix("__init__.py") if rel.endswith("/__init__.py") else rel.removesuffix(".py")
        lines = len(path.read_text(encoding="utf-8").splitlines())
        out.append(f"| `{name}` | {lines} | {first_sentence(path)} |")
    return out


if __name__ == "__main__":
    print("\n".join(rows()))
