"""Question templates read from YAML: each one's fields, derivation, requirements, tolerance and
Jinja2 source checked and located; template ids unique across the shared and a deck's own."""

from __future__ import annotations

from typing import Any

from . import schema
from .derive import DERIVATIONS, names_for
from .errors import Problem
from .model import FORMS, KINDS, Template
from .render import article_fields, template_problems
from .yamlfields import field as _field
from .yamlfields import unknown as _unknown
from .yamlsafe import LineMap

_TEMPLATE_FIELDS = {
    "id": True,
    "kind": True,
    "form": True,
    "answer": True,
    "prompt": True,
    "explanation": False,
    "requires": False,
    "tolerance": False,
}


def templates(value: Any, where: str, lines: LineMap, problems: list[Problem]) -> list[Template]:
    if not isinstance(value, list):
        problems.append(lines.problem(where, "expected a list of templates"))
        return []
    templates: list[Template] = []
    for i, raw in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(raw, dict):
            problems.append(lines.problem(at, "expected a mapping describing one template"))
            continue
        before = len(problems)
        _unknown(raw, set(_TEMPLATE_FIELDS), at, lines, problems)
        got = {
            k: _field(raw, k, schema.text, at, lines, problems, req)
            for k, req in _TEMPLATE_FIELDS.items()
            if k not in ("requires", "id", "kind", "form")
        }
        tid = _field(raw, "id", schema.identifier, at, lines, problems)
        kind = _field(raw, "kind", schema.one_of(*KINDS, "any"), at, lines, problems)
        form = _field(raw, "form", schema.one_of(*FORMS), at, lines, problems)
        requires = _field(raw, "requires", schema.list_of(schema.text), at, lines, problems, required=False) or ()
        if (
            kind
            and got["answer"]
            and (kind, got["answer"]) not in DERIVATIONS
            and ("any", got["answer"]) not in DERIVATIONS
        ):
            problems.append(
                lines.problem(
                    f"{at}.answer",
                    f"unknown answer {got['answer']!r} for kind {kind} (expected one of {', '.join(names_for(kind))})",
                )
            )
        if got["tolerance"]:
            try:
                schema.number(got["tolerance"].rstrip("%"))
            except ValueError as exc:
                problems.append(lines.problem(f"{at}.tolerance", str(exc)))
        if kind and kind != "any":
            for req in requires:
                if req not in schema.fields_of(kind):
                    problems.append(lines.problem(f"{at}.requires", f"unknown field {req!r} for kind {kind}"))
        for name in ("prompt", "explanation"):
            if got[name]:
                fields = frozenset(schema.fields_of(kind)) if kind and kind != "any" else None
                for message in template_problems(got[name], kind or "any", fields):
                    problems.append(lines.problem(f"{at}.{name}", message))
        if len(problems) == before:
            templates.append(
                Template(
                    id=tid,
                    kind=kind,
                    form=form,
                    answer=got["answer"],
                    prompt=raw["prompt"],
                    explanation=raw.get("explanation"),
                    requires=tuple(requires),
                    tolerance=got["tolerance"],
                    origin=f"{lines.path}:{lines.line(at)}",
                    article_fields=article_fields(raw["prompt"], raw.get("explanation")),
                )
            )
    return templates


def check_template_ids(templates: list[Template], lines: LineMap, problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for t in templates:
        if t.id in seen:
            problems.append(
                Problem(
                    t.origin.rsplit(":", 1)[0],
                    int(t.origin.rsplit(":", 1)[1]),
                    "templates.id",
                    f"duplicate template id {t.id!r} (first at {seen[t.id]})",
                )
            )
        else:
            seen[t.id] = t.origin
