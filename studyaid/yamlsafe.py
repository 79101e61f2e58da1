"""Safe YAML reading that keeps each value's line number, so errors can point into the file.

Only plain YAML is accepted: no object tags, no anchors or aliases (which also rules out alias
bombs before anything is expanded), no duplicate keys, no non-finite numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem

# libyaml's C parser when the install has it (it reports the same line marks, ten times faster).
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 50_000_000
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class LineMap:
    """Line numbers of every value read, keyed by the dotted field path (``facts[3].value``)."""

    path: str
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, field_path: str) -> int:
        """Line of a field, or of its nearest enclosing field when it is missing."""
        probe = field_path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return self.lines.get("", 1)

    def problem(self, field_path: str, message: str) -> Problem:
        """A located problem for a field of this file."""
        return Problem(self.path, self.line(field_path), field_path, message)


def read_text(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes as UTF-8 text, refusing empty, binary and oversized files."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 0, "", f"file is larger than {MAX_BYTES} bytes")]
    if b"\x00" in raw:
        return None, [Problem(path, 1, "", "binary file, expected YAML text")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "", "not UTF-8 text")]
    if not text.strip():
        return None, [Problem(path, 1, "", "empty file, expected a YAML mapping")]
    return text, []


def parse(text: str, path: str) -> tuple[Any, LineMap, list[Problem]]:
    """Parse YAML text into plain Python values with their line numbers, or the problems found."""
    lines = LineMap(path)
    try:
        node, problem = _compose(text, path, FastLoader)
    except yaml.YAMLError:
        # Messages come from the pure-Python parser, so they read the same on every install.
        node, problem = None, None
        try:
            node, problem = _compose(text, path, yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            return None, lines, [Problem(path, line, "", f"invalid YAML: {exc.problem or 'invalid YAML'}")]
        except yaml.YAMLError as exc:
            return None, lines, [Problem(path, 1, "", f"invalid YAML: {exc}")]
    if problem is not None:
        return None, lines, [problem]
    problems: list[Problem] = []
    value = _convert(node, "", lines, problems) if node is not None else None
    return value, lines, problems


def _compose(text: str, path: str, loader: Any) -> tuple[yaml.Node | None, Problem | None]:
    """The node tree, after refusing anchors and aliases from the event stream (before anything expands)."""
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1 if event.start_mark else 1
            return None, Problem(path, line, "", "YAML anchors and aliases are not allowed")
    return yaml.compose(text, Loader=loader), None


def _convert(node: yaml.Node, where: str, lines: LineMap, problems: list[Problem]) -> Any:
    """Turn a composed node into a Python value, recording lines and refusing what is unsafe."""
    line = node.start_mark.line + 1
    lines.lines[where] = line
    if node.tag not in _PLAIN_TAGS:
        problems.append(Problem(lines.path, line, where, f"YAML tag {node.tag!r} is not allowed"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(lines.path, line, where, "mapping keys must be plain text"))
                continue
            key = key_node.value
            child = f"{where}.{key}" if where else str(key)
            if key in result:
                key_line = key_node.start_mark.line + 1
                problems.append(Problem(lines.path, key_line, child, "duplicate key"))
                continue
            result[key] = _convert(value_node, child, lines, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, f"{where}[{i}]", lines, problems) for i, item in enumerate(node.value)]
    return _scalar(node, where, lines, problems)


def _scalar(node: yaml.Node, where: str, lines: LineMap, problems: list[Problem]) -> Any:
    """Construct a scalar the way SafeLoader would, but keep dates as their written text."""
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value
    if tag == "tag:yaml.org,2002:str":
        return node.value
    constructor = yaml.SafeLoader("")
    value = constructor.construct_object(node)
    if isinstance(value, float) and not math.isfinite(value):
        line = node.start_mark.line + 1
        problems.append(Problem(lines.path, line, where, f"number {node.value!r} is not finite"))
        return None
    return value
