"""Safe YAML reading that keeps each value's line number, so errors can point into the file.

Only plain YAML is accepted: no object tags, no anchors or aliases (which also rules out alias
bombs before anything is expanded), no duplicate keys, no non-finite numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem, shorten

# libyaml's C parser when the install has it (it reports the same line marks, ten times faster).
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 50_000_000
"""Largest YAML file read (a 100,000-fact deck is about 30 MB)."""
MAX_DEPTH = 50
"""Deepest nesting accepted: a deck file needs five levels; hundreds would exhaust the recursion."""
MAX_NODES = 5_000_000
"""Most values in one file: a 100,000-fact deck has about 1.5 million."""
MAX_NUMBER_CHARS = 30
"""Longest number accepted as written: beyond this no figure in an article is meant, and Python
refuses to convert integers of more than 4,300 digits anyway."""
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
        return None, [Problem(path, 0, "", f"file is larger than {MAX_BYTES:,} bytes")]
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
    """The node tree, after checking the event stream: no anchors or aliases (refused before
    anything expands), nesting at most ``MAX_DEPTH`` deep and at most ``MAX_NODES`` values, so
    that every refusal comes after reading at most the limit, not the whole structure."""
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return None, Problem(path, _line(event), "", "YAML anchors and aliases are not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return None, Problem(path, _line(event), "", f"YAML nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                return None, Problem(path, _line(event), "", f"more than {MAX_NODES:,} YAML values in one file")
    return yaml.compose(text, Loader=loader), None


def _line(event: Any) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _convert(node: yaml.Node, where: str, lines: LineMap, problems: list[Problem]) -> Any:
    """Turn a composed node into a Python value, recording lines and refusing what is unsafe."""
    line = node.start_mark.line + 1
    lines.lines[where] = line
    if node.tag not in _PLAIN_TAGS:
        problems.append(Problem(lines.path, line, where, f"YAML tag {shorten(node.tag, 80)!r} is not allowed"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(lines.path, line, where, "mapping keys must be plain text"))
                continue
            key = key_node.value
            bad = forbidden_character(key)
            if bad:
                problems.append(Problem(lines.path, key_node.start_mark.line + 1, where, f"a key: {bad}"))
                continue
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


def forbidden_character(text: str) -> str | None:
    """What is wrong with the first character no input may hold (control characters other than
    tab and newline, lone surrogates), with its position; None when there is none."""
    for i, char in enumerate(text):
        if char in "\t\n\r":
            continue
        category = unicodedata.category(char)
        if category == "Cs":
            return f"lone surrogate U+{ord(char):04X} at position {i + 1} (not a character; remove it)"
        if category == "Cc":
            return f"control character U+{ord(char):04X} at position {i + 1} is not allowed"
    return None


def _scalar(node: yaml.Node, where: str, lines: LineMap, problems: list[Problem]) -> Any:
    """A scalar with its YAML 1.2 meaning; the forms YAML 1.1 reads otherwise are refused.

    Dates stay as their written text. A plain ``1:20``, ``012``, ``1_000``, ``yes``, ``no``,
    ``on`` or ``off`` means a number or a boolean to YAML 1.1 (and to PyYAML) but text (or
    another number) to YAML 1.2: rather than guess, the author is asked to quote it.
    """
    line = node.start_mark.line + 1
    text = node.value
    tag = node.tag
    if tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str"):
        bad = forbidden_character(text)
        if bad:
            problems.append(Problem(lines.path, line, where, bad))
            return None
        return text
    if not getattr(node, "style", None):  # plain (libyaml says "", PyYAML None)
        meaning = _core_schema(text)
        if meaning is _AMBIGUOUS or (meaning is None and tag != "tag:yaml.org,2002:null"):
            shown = shorten(text, 40)
            problems.append(
                Problem(
                    lines.path,
                    line,
                    where,
                    f"{shown!r} reads differently in YAML 1.1 and 1.2 (a number, a boolean or text); "
                    f'quote it: "{shown}"',
                )
            )
            return None
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() == "true"
    digits = len(text.lstrip("+-"))
    if digits > MAX_NUMBER_CHARS:
        problems.append(
            Problem(lines.path, line, where, f"number written with {digits:,} characters (at most {MAX_NUMBER_CHARS})")
        )
        return None
    cleaned = text.replace("_", "")
    try:
        if tag == "tag:yaml.org,2002:int":
            value: Any = int(cleaned, 16) if cleaned.lower().lstrip("+-").startswith("0x") else int(cleaned, 10)
        else:
            value = float(cleaned.lower().replace(".inf", "inf").replace(".nan", "nan"))
    except ValueError:
        problems.append(Problem(lines.path, line, where, f"cannot read {shorten(text, 40)!r} as a number"))
        return None
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(lines.path, line, where, f"number {shorten(text, 40)!r} is not finite"))
        return None
    return value


_AMBIGUOUS = object()
_CORE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_CORE_BOOL = {"true", "True", "TRUE", "false", "False", "FALSE"}
_CORE_NULL = {"", "~", "null", "Null", "NULL"}


def _core_schema(text: str) -> object:
    """What YAML 1.2's core schema makes of a plain scalar that YAML 1.1 reads as a number,
    boolean or null: "int", "float", "bool", "null", or ``_AMBIGUOUS`` (1.2 reads it as text,
    or as a different number: ``012`` is twelve in 1.2 and ten in 1.1)."""
    if text in _CORE_NULL:
        return "null"
    if text in _CORE_BOOL:
        return "bool"
    if _CORE_INT.fullmatch(text):
        return "int"
    if _CORE_FLOAT.fullmatch(text) and not re.match(r"[-+]?0[0-9]", text):
        return "float"
    return _AMBIGUOUS
