"""Question text from Jinja2 templates, rendered in a sandbox so deck authors cannot reach Python."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import TemplateError
from .wording import at_date, capfirst, format_number, format_percent


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """One sandboxed environment: no attribute access to internals, no mutation, strict names."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["capfirst"] = lambda s: capfirst(s) if s else s
    env.filters["number"] = format_number
    env.filters["percent"] = format_percent
    env.filters["at_date"] = at_date
    return env


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
        allowed = fields | {"shown", "unit_words"}
        for node in tree.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "fact" and node.attr not in allowed:
                problems.append(f"names unknown fact field {node.attr!r} (a {kind} has {', '.join(sorted(fields))})")
    for node in tree.find_all(nodes.Getattr):
        if node.attr.startswith("_"):
            problems.append(f"reaches for internal attribute {node.attr!r}, which the sandbox refuses")
            break
    return problems


@cache
def _compiled(source: str) -> Any:
    return environment().from_string(source)


def render(source: str, context: dict[str, Any]) -> str:
    """Render a template to one line of text; TemplateError when it fails or renders nothing."""
    try:
        text = _compiled(source).render(context)
    except SecurityError as exc:
        raise TemplateError(f"refused by the sandbox: {exc}") from None
    except UndefinedError as exc:
        raise TemplateError(f"{exc.message}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(f"Jinja2 syntax error: {exc.message}") from None
    except Exception as exc:  # a template can fail in any filter; report it, never crash
        raise TemplateError(f"template failed: {exc}") from None
    text = " ".join(text.split())
    if not text:
        raise TemplateError("renders an empty question")
    return text
