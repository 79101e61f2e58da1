"""Safe YAML reading that keeps each value's line number, so errors can point into the file.

Only plain YAML is accepted: no object tags, no anchors or aliases (which also rules out alias
bombs before anything is expanded), no duplicate keys, no non-finite numbers.
"""

from __future__ import annotations

import functools
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


MAX_PROBLEMS = 1_000
"""Problems collected before reading (or checking) stops: 200,000 bad values must answer at
once, and nobody reads past the first screenful anyway."""


def parse(text: str, path: str) -> tuple[Any, LineMap, list[Problem]]:
    """Parse YAML text into plain Python values with their line numbers, or the problems found.

    One pass over the C parser's events (the pure-Python one where libyaml is missing) builds
    the values directly: no node tree, so the limits (anchors and aliases, depth, node count,
    ``MAX_PROBLEMS``) stop the parse where they are crossed, and a 5 MB file of 200,000 facts is
    read in about a second instead of ten.
    """
    lines = LineMap(path)
    problems: list[Problem] = []
    try:
        value, problem = _build(text, path, FastLoader, lines, problems)
    except yaml.YAMLError:
        # Messages come from the pure-Python parser, so they read the same on every install.
        lines, problems = LineMap(path), []
        try:
            value, problem = _build(text, path, yaml.SafeLoader, lines, problems)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            return None, lines, [Problem(path, line, "", f"invalid YAML: {exc.problem or 'invalid YAML'}")]
        except yaml.YAMLError as exc:
            return None, lines, [Problem(path, 1, "", f"invalid YAML: {exc}")]
    if problem is not None:
        return None, lines, [problem]
    return value, lines, problems


_RESOLVER: Any = yaml.resolver.Resolver()
"""PyYAML's YAML 1.1 implicit tags (what ``yaml.compose`` would give a plain scalar); ``_scalar``
then refuses the ones YAML 1.2 reads otherwise."""
_SKIP = object()
"""Stands for a value left out (after a bad key, or under a refused tag): nothing is attached."""


class _Frame:
    """A collection being built: its value, its path, and for a mapping the key waiting for its value."""

    __slots__ = ("value", "where", "line", "key", "skip_next", "skipping")

    def __init__(self, value: Any, where: str, line: int) -> None:
        self.value = value
        self.where = where
        self.line = line
        self.key: str | None = None
        self.skip_next = False
        self.skipping = False


def _skipped(stands_for: Any, line: int) -> _Frame:
    """A collection read past without building it; ``stands_for`` is attached in its place."""
    frame = _Frame(stands_for, "", line)
    frame.skipping = True
    return frame


def _build(text: str, path: str, loader: Any, lines: LineMap, problems: list[Problem]) -> tuple[Any, Problem | None]:
    """The document's value, built from the parser's event stream, or the problem that stopped it.

    Refused before anything is built from them: anchors and aliases (so an alias bomb never
    expands), nesting deeper than ``MAX_DEPTH``, more than ``MAX_NODES`` values, a second document.
    """
    depth = nodes = documents = 0
    stack: list[_Frame] = []
    root: Any = None
    plain: dict[str, Any] = {}

    def attach(value: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if frame.skipping:
            return
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            if value is not _SKIP:
                frame.value[frame.key] = value
            frame.key = None

    def place() -> str | None:
        """The path of the next value of the innermost collection; None when it is a mapping key
        (or a value to skip), handled by the caller."""
        if not stack:
            return ""
        frame = stack[-1]
        if frame.skipping:
            return None
        if isinstance(frame.value, list):
            return f"{frame.where}[{len(frame.value)}]"
        if frame.key is None or frame.skip_next:
            return None
        return f"{frame.where}.{frame.key}" if frame.where else frame.key

    event: Any
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None, Problem(path, _line(event), "", "invalid YAML: but found another document")
            continue
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            return None, Problem(path, _line(event), "", "YAML anchors and aliases are not allowed")
        if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            depth -= 1
            attach(stack.pop().value)
            continue
        if kind is not yaml.ScalarEvent and kind is not yaml.SequenceStartEvent and kind is not yaml.MappingStartEvent:
            continue  # stream and document ends
        nodes += 1
        if nodes > MAX_NODES:
            return None, Problem(path, _line(event), "", f"more than {MAX_NODES:,} YAML values in one file")
        if len(problems) >= MAX_PROBLEMS:
            problems.append(
                Problem(path, 0, "", f"stopped reading at line {_line(event):,} after {MAX_PROBLEMS:,} problems")
            )
            return None, None
        line = _line(event)
        collection = kind is not yaml.ScalarEvent
        if collection:
            depth += 1
            if depth > MAX_DEPTH:
                return None, Problem(path, line, "", f"YAML nested more than {MAX_DEPTH} levels deep")
        frame = stack[-1] if stack else None
        where = place()
        if where is None and frame is not None and not frame.skipping and isinstance(frame.value, dict):
            if frame.key is None and not frame.skip_next:  # a mapping key
                if collection:
                    problems.append(Problem(path, frame.line, frame.where, "mapping keys must be plain text"))
                    frame.skip_next = True
                    stack.append(_skipped(_SKIP, line))
                    continue
                key = event.value
                bad = forbidden_character(key)
                child = f"{frame.where}.{key}" if frame.where else str(key)
                if bad:
                    problems.append(Problem(path, line, frame.where, f"a key: {bad}"))
                    frame.skip_next = True
                elif key in frame.value:
                    problems.append(Problem(path, line, child, "duplicate key"))
                    frame.skip_next = True
                else:
                    frame.key = key
                continue
            # the value of a refused key: left out, with everything under it
            frame.skip_next = False
            if collection:
                stack.append(_skipped(_SKIP, line))
            else:
                frame.key = None
            continue
        if where is None:  # inside a skipped collection
            if collection:
                stack.append(_skipped(_SKIP, line))
            continue
        lines.lines[where] = line
        tag = event.tag
        if tag is None or tag == "!":
            if kind is yaml.ScalarEvent:
                tag = _implicit_tag(event.value, event.implicit)
            else:
                tag = "tag:yaml.org,2002:seq" if kind is yaml.SequenceStartEvent else "tag:yaml.org,2002:map"
        if tag not in _PLAIN_TAGS:
            problems.append(Problem(path, line, where, f"YAML tag {shorten(tag, 80)!r} is not allowed"))
            if collection:
                stack.append(_skipped(None, line))  # stands as None, with nothing under it read
            else:
                attach(None)
            continue
        if collection:
            stack.append(_Frame([] if kind is yaml.SequenceStartEvent else {}, where, line))
        elif event.style or event.tag is not None:
            attach(_scalar(event.value, tag, event.style, line, where, lines, problems))
        else:  # plain and untagged: the same few values (1, true, USD) recur, so remember them
            text = event.value
            value = plain.get(text, _SKIP)
            if value is _SKIP:
                before = len(problems)
                value = _scalar(text, tag, event.style, line, where, lines, problems)
                if len(problems) == before and len(text) <= 64:
                    plain[text] = value
            attach(value)
    return root, None


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1 if event.start_mark else 1


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Unicode's control characters (category Cc) other than tab, newline and carriage return, and
lone surrogates (Cs): one regular-expression search, not a look-up per character."""


def forbidden_character(text: str) -> str | None:
    """What is wrong with the first character no input may hold (control characters other than
    tab and newline, lone surrogates), with its position; None when there is none."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char, i = found.group(), found.start()
    if unicodedata.category(char) == "Cs":
        return f"lone surrogate U+{ord(char):04X} at position {i + 1} (not a character; remove it)"
    return f"control character U+{ord(char):04X} at position {i + 1} is not allowed"


@functools.lru_cache(maxsize=4096)
def _implicit_tag(text: str, implicit: tuple[bool, bool]) -> str:
    """The tag PyYAML's YAML 1.1 resolver gives an untagged scalar (the same few values recur)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, text, implicit))


def _scalar(
    text: str, tag: str, style: str | None, line: int, where: str, lines: LineMap, problems: list[Problem]
) -> Any:
    """A scalar with its YAML 1.2 meaning; the forms YAML 1.1 reads otherwise are refused.

    Dates stay as their written text. A plain ``1:20``, ``012``, ``1_000``, ``yes``, ``no``,
    ``on`` or ``off`` means a number or a boolean to YAML 1.1 (and to PyYAML) but text (or
    another number) to YAML 1.2: rather than guess, the author is asked to quote it.
    """
    if tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str"):
        bad = forbidden_character(text)
        if bad:
            problems.append(Problem(lines.path, line, where, bad))
            return None
        return text
    if not style:  # plain (libyaml says "", PyYAML None)
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
