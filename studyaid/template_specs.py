"""Question templates read from YAML: each one's fields, derivation, requirements, tolerance and
Jinja2 source checked and located; template ids unique across the shared and a deck's own."""

from __future__ import annotations

from typing import Any

from . import schema
from .derive import DERIVATIONS, names_for
from .errors import Problem
from .model import FORMS, KINDS, Template
from .render import article_fields, template_problems
from .yamlfields import Reader

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


def templates(value: Any, where: str, r: Reader) -> list[Template]:
    if not isinstance(value, list):
        r.problem(where, "expected a list of templates")
        return []
    templates: list[Template] = []
    for at, raw in r.mappings(value, where, "a mapping describing one template"):
        before = len(r.problems)
        r.unknown(raw, set(_TEMPLATE_FIELDS), at)
        got = {
            k: r.field(raw, k, schema.text, at, req)
            for k, req in _TEMPLATE_FIELDS.items()
            if k not in ("requires", "id", "kind", "form")
        }
        tid = r.field(raw, "id", schema.identifier, at)
        kind = r.field(raw, "kind", schema.one_of(*KINDS, "any"), at)
        form = r.field(raw, "form", schema.one_of(*FORMS), at)
        requires = r.field(raw, "requires", schema.list_of(schema.text), at, required=False) or ()
        if (
            kind
            and got["answer"]
            and (kind, got["answer"]) not in DERIVATIONS
            and ("any", got["answer"]) not in DERIVATIONS
        ):
            expected = ", ".join(names_for(kind))
            r.problem(f"{at}.answer", f"unknown answer {got['answer']!r} for kind {kind} (expected one of {expected})")
        if got["tolerance"]:
            try:
                schema.number(got["tolerance"].rstrip("%"))
            except ValueError as exc:
                r.problem(f"{at}.tolerance", str(exc))
        if kind and kind != "any":
            for req in requires:
                if req not in schema.fields_of(kind):
                    r.problem(f"{at}.requires", f"unknown field {req!r} for kind {kind}")
        for name in ("prompt", "explanation"):
            if got[name]:
                fields = frozenset(schema.fields_of(kind)) if kind and kind != "any" else None
                for message in template_problems(got[name], kind or "any", fields):
                    r.problem(f"{at}.{name}", message)
        if len(r.problems) == before:
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
                    origin=f"{r.lines.path}:{r.lines.line(at)}",
                    article_fields=article_fields(raw["prompt"], raw.get("explanation")),
                )
            )
    return templates


def check_template_ids(templates: list[Template], r: Reader) -> None:
    seen: dict[str, str] = {}
    for t in templates:
        if t.id in seen:
            r.problems.append(
                Problem(
                    t.origin.rsplit(":", 1)[0],
                    int(t.origin.rsplit(":", 1)[1]),
                    "templates.id",
                    f"duplicate template id {t.id!r} (first at {seen[t.id]})",
                )
            )
        else:
            seen[t.id] = t.origin
