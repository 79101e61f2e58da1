"""The package's shape: imports flow one way, generation stays pure, the CLI starts light.

The import graph is read from the source (module-level imports, not those inside functions or
under ``TYPE_CHECKING``), so these claims hold for every path through the code, not one run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from ..conftest import REPO

PACKAGE = REPO / "studyaid"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    """Modules ``path`` imports when it is imported (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in [node] if not isinstance(node, ast.If | ast.Try) else list(ast.walk(node)):
            if isinstance(sub, ast.Import):
                found.update(alias.name for alias in sub.names)
            elif isinstance(sub, ast.ImportFrom):
                base = package[: len(package) - sub.level + 1] if sub.level else []
                target = ".".join([*base, *([sub.module] if sub.module else [])])
                names = [f"{target}.{alias.name}" for alias in sub.names]
                # ``from . import html`` needs the submodule, not the package's own code
                found.update(n for n in names if n in modules)
                if any(n not in modules for n in names):
                    found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """studyaid module -> the studyaid modules and outside libraries it imports at import time."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        imported = _top_level_imports(path, set(modules))
        ours = {m for m in imported if m in modules and m != name}
        theirs = {m.split(".")[0] for m in imported if not m.startswith("studyaid")}
        graph[name] = ours | theirs
    return graph


def _closure(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_no_import_cycles():
    """No studyaid module imports itself through others (parents importing their own submodules aside)."""
    graph = import_graph()
    cycles = sorted(
        name
        for name in graph
        if any(name in _closure(graph, m) and not m.startswith(name + ".") for m in graph[name] if m in graph)
    )
    assert cycles == []


def test_generation_imports_no_yaml_loader_or_exporter():
    """Importing studyaid.generate loads no YAML, no loader and no exporter; load and generate do not import each other."""
    graph = import_graph()
    reached = _closure(graph, "studyaid.generate")
    assert not {"yaml", "studyaid.load", "studyaid.yamlsafe", "genanki", "typst"} & reached
    assert not any(m.startswith("studyaid.export") for m in reached)
    assert "studyaid.generate" not in _closure(graph, "studyaid.load")


def test_only_exporters_import_their_output_libraries():
    """genanki and typst are imported by modules under studyaid/export only."""
    graph = import_graph()
    users = {name for name, deps in graph.items() if deps & {"genanki", "typst"}}
    assert users and all(name.startswith("studyaid.export.") for name in users)


def test_the_cli_starts_without_yaml_jinja2_or_output_libraries():
    """`import studyaid.cli` (what --help costs) loads none of PyYAML, Jinja2, genanki, typst or pint (a real process)."""
    code = (
        "import sys, studyaid.cli; heavy = {'yaml', 'jinja2', 'genanki', 'typst', 'pint'}; "
        "sys.exit(sorted(heavy & {m.split('.')[0] for m in sys.modules}) or 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
