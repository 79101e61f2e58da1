"""Question text from Jinja2 templates, rendered in a sandbox so deck authors cannot reach Python."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from .cleantext import invisible_character, visible
from .errors import TemplateError, shorten
from .wording import at_date, capfirst, format_number, format_percent

MAX_OUTPUT = 10_000
"""Characters one rendered question (or any string inside it) may have."""
MAX_STEPS = 100_000
"""Loop iterations, calls and operators one rendering may take."""
TIME_LIMIT = 1.0
"""Seconds one rendering may take; checked at every step, so no template can hang a build."""
MAX_BITS = 10_000
"""Largest integer a template may compute (about 3,000 digits): ``10**(10**8)`` is refused, not run."""


class _Budget:
    """What one rendering may still spend; ``None`` outside a rendering (compile-time folding)."""

    current: _Budget | None = None

    def __init__(self) -> None:
        self.deadline = time.monotonic() + TIME_LIMIT
        self.steps = 0


def _step() -> None:
    budget = _Budget.current
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > MAX_STEPS:
        raise TemplateError(f"takes more than {MAX_STEPS:,} steps (loops and calls) to render")
    if time.monotonic() > budget.deadline:
        raise TemplateError(f"takes longer than {TIME_LIMIT:g} s to render")


def _sized(value: Any) -> Any:
    """``value``, refused when it is a string or collection longer than a question may be."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_OUTPUT:
        raise TemplateError(f"builds a value of {len(value):,} items or characters (at most {MAX_OUTPUT:,})")
    return value


def _bits(value: Any) -> float:
    return float(abs(value).bit_length()) if isinstance(value, int) else 64.0


_WIDE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*\d{5,}|%[-+ #0]*\d{5,}|%[-+ #0]*\d*\.\d{5,}")


def _check_format(template: Any) -> None:
    if isinstance(template, str) and _WIDE_FORMAT.search(template):
        raise TemplateError("a format with a field width or precision of 10,000 or more is refused")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with limits on time, steps and sizes.

    Every call, loop iteration, operator, filter and concatenation takes a step and checks the
    deadline; the operators and calls that can make huge values (``**``, ``*``, ``+``, ``%``,
    ``str.center``...) are checked before they run; every result is checked for size.
    """

    intercepted_binops = frozenset({"**", "*", "+", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _step()
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right))
        if operator == "**" and numbers:
            if isinstance(right, int | float) and abs(left) > 1 and right * max(_bits(left), 1.0) > MAX_BITS:
                raise TemplateError(f"a power larger than {MAX_BITS:,} bits is refused")
        elif operator == "*" and numbers:
            if _bits(left) + _bits(right) > MAX_BITS:
                raise TemplateError(f"a product larger than {MAX_BITS:,} bits is refused")
        elif operator == "*":
            size, times = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(times, int) and hasattr(size, "__len__") and len(size) * times > MAX_OUTPUT:
                raise TemplateError(f"repeating a value to more than {MAX_OUTPUT:,} items or characters is refused")
        elif operator == "+" and hasattr(left, "__len__") and hasattr(right, "__len__"):
            if len(left) + len(right) > MAX_OUTPUT:
                raise TemplateError(f"joining values to more than {MAX_OUTPUT:,} items or characters is refused")
        elif operator == "%":
            _check_format(left)
        return _sized(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (as Jinja)
        _step()
        wrapped = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(wrapped, "__self__", None)
        name = getattr(wrapped, "__name__", "")
        if isinstance(owner, str):
            if name in ("format", "format_map"):
                _check_format(owner)
            if name in _WIDENING and any(isinstance(a, int) and a > MAX_OUTPUT for a in args):
                raise TemplateError(f"str.{name} wider than {MAX_OUTPUT:,} characters is refused")
        return _sized(super().call(__context, __obj, *args, **kwargs))


_WIDENING = {"center", "ljust", "rjust", "zfill", "expandtabs"}


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that takes a step, refuses numeric arguments above ``MAX_OUTPUT`` (widths, counts,
    precisions: ``center(10**8)``) and format strings that widen, and checks its result's size."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _step()
        # The value filtered comes first (after the context or environment for some filters).
        for arg in [*args[1:], *kwargs.values()]:
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_OUTPUT:
                raise TemplateError(f"a filter argument above {MAX_OUTPUT:,} is refused")
        if function.__name__ == "do_format" and args:
            _check_format(args[0])
        return _sized(function(*args, **kwargs))

    return functools.update_wrapper(bounded, function)


def _bounded_range(*args: int) -> Iterator[int]:
    numbers = range(*args)
    if len(numbers) > MAX_OUTPUT:
        raise TemplateError(f"range of {len(numbers):,} numbers is refused (at most {MAX_OUTPUT:,})")
    return _bounded_loop(numbers)


def _bounded_loop(iterable: Any) -> Iterator[Any]:
    """Every ``{% for %}`` iterates through this: one step per item."""
    for item in iterable:
        _step()
        yield item


def _bounded_concat(*parts: Any) -> str:
    """``a ~ b``: each side as text, the result checked for size."""
    _step()
    total = 0
    texts = []
    for part in parts:
        text = str(part)
        total += len(text)
        if total > MAX_OUTPUT:
            raise TemplateError(f"joining text to more than {MAX_OUTPUT:,} characters is refused")
        texts.append(text)
    return "".join(texts)


def _bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 (Jinja's names)
    if n > 10 or max > 100 or min > max:
        raise TemplateError("lipsum is limited to 10 paragraphs of at most 100 words")
    return str(generate_lorem_ipsum(n, html, min, max))


_LOOP, _CONCAT = "__studyaid_loop", "__studyaid_concat"


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """One sandboxed environment: no attribute access to internals, no mutation, strict names, bounded work."""
    env = BoundedSandbox(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters["capfirst"] = lambda s: capfirst(s) if s else s
    env.filters["number"] = format_number
    env.filters["percent"] = format_percent
    env.filters["at_date"] = at_date
    for name, function in list(env.filters.items()):
        env.filters[name] = _bounded_filter(function)
    env.globals.update(
        {"range": _bounded_range, "lipsum": _bounded_lipsum, _LOOP: _bounded_loop, _CONCAT: _bounded_concat}
    )
    return env


def _bounded_tree(tree: nodes.Template) -> nodes.Template:
    """The parsed template with every loop's iterable and every ``~`` routed through the bounded helpers."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name(_LOOP, "load"), [loop.iter], [], None, None, lineno=loop.lineno)
    # Innermost first, so an outer ``~`` is replaced after the ones inside it.
    for concat in reversed(list(tree.find_all(nodes.Concat))):
        call = nodes.Call(nodes.Name(_CONCAT, "load"), list(concat.nodes), [], None, None, lineno=concat.lineno)
        _replace(tree, concat, call)
    return tree


def _replace(tree: nodes.Node, old: nodes.Node, new: nodes.Node) -> None:
    """Put ``new`` where ``old`` is in the tree."""
    for parent in [tree, *tree.find_all(nodes.Node)]:
        for field in parent.fields:
            value = getattr(parent, field, None)
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(v is old for v in value):
                setattr(parent, field, [new if v is old else v for v in value])
                return


def template_problems(source: str, kind: str, fields: frozenset[str] | None) -> list[str]:
    """What is wrong with a template's source, found without rendering it.

    ``fields`` are the fact fields a template over ``kind`` may name (None: any, for ``kind: any``);
    the loader passes them from the schema, so rendering needs no schema.
    """
    env = environment()
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return [f"Jinja2 syntax error on template line {exc.lineno}: {exc.message}"]
    problems = []
    if fields is not None:
        allowed = fields | {"shown", "unit_words", "be", "asked_as", "stated_as"}
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "fact" and node.attr not in allowed:
                problems.append(f"names unknown fact field {node.attr!r} (a {kind} has {', '.join(sorted(fields))})")
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            problems.append(f"reaches for internal attribute {node.attr!r}, which the sandbox refuses")
            break
    return problems


def article_fields(*sources: str | None) -> tuple[str, ...]:
    """The ``article.X`` fields the templates' text uses, so a deck whose source lacks one (no
    author, no date) skips the template instead of printing an invented value."""
    env = environment()
    found: set[str] = set()
    for source in sources:
        if not source:
            continue
        try:
            tree = env.parse(source)
        except TemplateSyntaxError:
            continue
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "article":
                found.add(node.attr)
    return tuple(sorted(found))


@cache
def _compiled(source: str) -> Any:
    env = environment()
    return env.from_string(_bounded_tree(env.parse(source)))


def render(source: str, context: dict[str, Any]) -> str:
    """Render a template to one line of text; TemplateError when it fails, renders nothing
    visible, or exceeds the limits on time, steps and size."""
    try:
        template = _compiled(source)
        _Budget.current = _Budget()
        chunks = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateError(f"renders more than {MAX_OUTPUT:,} characters")
            chunks.append(chunk)
        text = "".join(chunks)
    except TemplateError:
        raise
    except SecurityError as exc:
        raise TemplateError(f"refused by the sandbox: {exc}") from None
    except UndefinedError as exc:
        raise TemplateError(f"{exc.message}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"Jinja2 syntax error: {exc.message}") from None
    except RecursionError:
        raise TemplateError("recurses too deeply") from None
    except Exception as exc:  # a template can fail in any filter; report it, never crash
        raise TemplateError(f"template failed: {shorten(str(exc), 200)}") from None
    finally:
        _Budget.current = None
    text = " ".join(text.split())
    if not visible(text):
        raise TemplateError("renders an empty question" + (" (only invisible characters)" if text else ""))
    bad = invisible_character(text)
    if bad:
        raise TemplateError(f"renders an {bad}")
    return text
