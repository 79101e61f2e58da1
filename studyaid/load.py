"""YAML files -> model objects, with every problem collected and located before raising."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import schema
from .derive import DERIVATIONS, names_for
from .errors import InputError, Problem
from .model import FORMS, KINDS, NOTE_TYPE_ROLES, Correction, Deck, DeckSettings, Fact, Source, Template, frozen_mapping
from .render import template_problems
from .rules import check_deck
from .safefile import UnreadableFile, read_bytes
from .yamlsafe import MAX_BYTES, LineMap, parse, read_text

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


def read_yaml(path: Path, display: str | None = None) -> tuple[Any, LineMap, list[Problem]]:
    """Read and parse a YAML file safely; problems instead of exceptions."""
    name = display or str(path)
    try:
        raw = read_bytes(path, MAX_BYTES)
    except UnreadableFile as exc:
        return None, LineMap(name), [Problem(name, 0, "", str(exc))]
    text, problems = read_text(raw, name)
    if text is None:
        return None, LineMap(name), problems
    return parse(text, name)


def load_templates(path: Path, display: str | None = None) -> tuple[Template, ...]:
    """The shared question templates file (``questions.yaml``)."""
    data, lines, problems = read_yaml(path, display)
    if not problems:
        if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
            problems.append(lines.problem("templates", "expected a mapping with a 'templates' list"))
        else:
            templates = _templates(data["templates"], "templates", lines, problems)
            _check_template_ids(templates, lines, problems)
            if not problems:
                return tuple(templates)
    raise InputError(problems)


def load_deck(path: Path, shared: tuple[Template, ...] = (), display: str | None = None) -> Deck:
    """An article's deck file, validated, with its consistency rules checked."""
    data, lines, problems = read_yaml(path, display)
    if not problems and not isinstance(data, dict):
        problems.append(Problem(lines.path, 1, "", f"expected a mapping at the top level, got {type(data).__name__}"))
    if problems:
        raise InputError(problems)
    _unknown(data, {"slug", "source", "deck", "facts", "templates"}, "", lines, problems)
    slug = _field(data, "slug", schema.identifier, "", lines, problems)
    source = _source(data.get("source"), lines, problems, path.parent)
    settings = _settings(data.get("deck"), lines, problems)
    facts = _facts(data.get("facts"), lines, problems)
    own = _templates(data.get("templates") or [], "templates", lines, problems)
    _check_template_ids([*shared, *own], lines, problems)
    if problems:
        raise InputError(problems)
    assert source is not None and settings is not None
    deck = Deck(str(slug), source, settings, tuple(facts), tuple(own), lines.path)
    problems.extend(check_deck(deck, lines))
    if problems:
        raise InputError(problems)
    return deck


def _field(
    data: dict[str, Any],
    key: str,
    check: schema.Checker,
    where: str,
    lines: LineMap,
    problems: list[Problem],
    required: bool = True,
) -> Any:
    """One checked field of a mapping, recording a located problem when it is wrong."""
    path = f"{where}.{key}" if where else key
    if key not in data or data[key] is None:
        if required:
            problems.append(lines.problem(path, "missing required field"))
        return None
    try:
        return check(data[key])
    except ValueError as exc:
        problems.append(lines.problem(path, str(exc)))
        return None


def _unknown(data: dict[str, Any], allowed: set[str], where: str, lines: LineMap, problems: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            path = f"{where}.{key}" if where else str(key)
            problems.append(lines.problem(path, f"unknown field (expected one of {', '.join(sorted(allowed))})"))


def _mapping(value: Any, where: str, lines: LineMap, problems: list[Problem]) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.append(lines.problem(where, "expected a mapping" if value is not None else "missing required field"))
        return None
    return value


def _source(value: Any, lines: LineMap, problems: list[Problem], folder: Path) -> Source | None:
    data = _mapping(value, "source", lines, problems)
    if data is None:
        return None
    _unknown(data, {"title", "author", "publisher", "date", "url", "footnotes", "article"}, "source", lines, problems)
    got = {k: _field(data, k, schema.text, "source", lines, problems) for k in ("title", "author", "publisher")}
    date = _field(data, "date", schema.iso_date, "source", lines, problems)
    url = _field(data, "url", schema.web_url, "source", lines, problems, required=False)
    notes_raw = data.get("footnotes") or {}
    notes: dict[str, str] = {}
    if not isinstance(notes_raw, dict):
        problems.append(lines.problem("source.footnotes", "expected a mapping of note keys to text"))
    else:
        for key in notes_raw:
            got_note = _field(notes_raw, key, schema.text, "source.footnotes", lines, problems)
            if got_note:
                notes[str(key)] = got_note
    if None in got.values() or date is None:
        return None
    article = _field(data, "article", schema.text, "source", lines, problems, required=False)
    if article is not None:
        try:
            article = str(inside_folder(folder, article))
        except ValueError as exc:
            problems.append(lines.problem("source.article", str(exc)))
            article = None
    return Source(got["title"], got["author"], got["publisher"], date, url, frozen_mapping(notes), article)


def inside_folder(folder: Path, written: str) -> Path:
    """A path written in a deck file, resolved against the deck's folder; it must stay inside it.

    Deck files are shared between teachers, so a path in one is untrusted: absolute paths, ``..``
    that climbs out, and symlinks that point out are all refused.
    """
    if Path(written).is_absolute():
        raise ValueError(f"path {written!r} is absolute; write it relative to the deck's folder")
    base = folder.resolve()
    target = (base / written).resolve()
    if not target.is_relative_to(base):
        raise ValueError(f"path {written!r} leaves the deck's folder")
    return target


def _settings(value: Any, lines: LineMap, problems: list[Problem]) -> DeckSettings | None:
    data = _mapping(value, "deck", lines, problems)
    if data is None:
        return None
    _unknown(data, {"name", "deck_id", "note_types", "seed"}, "deck", lines, problems)
    name = _field(data, "name", schema.deck_name, "deck", lines, problems)
    deck_id = _field(data, "deck_id", schema.anki_id, "deck", lines, problems)
    seed = _field(data, "seed", schema.seed, "deck", lines, problems, required=False) or 0
    types = _mapping(data.get("note_types"), "deck.note_types", lines, problems)
    ids: dict[str, int] = {}
    if types is not None:
        _unknown(types, set(NOTE_TYPE_ROLES), "deck.note_types", lines, problems)
        for role in NOTE_TYPE_ROLES:
            got = _field(types, role, schema.anki_id, "deck.note_types", lines, problems)
            if got is not None:
                ids[role] = got
        seen: dict[int, str] = {}
        for role, value_id in ids.items():
            if value_id in seen or value_id == deck_id:
                other = seen.get(value_id, "deck_id")
                problems.append(lines.problem(f"deck.note_types.{role}", f"ID {value_id} is also used by {other}"))
            seen[value_id] = role
    if name is None or deck_id is None or len(ids) != len(NOTE_TYPE_ROLES):
        return None
    return DeckSettings(name, deck_id, frozen_mapping(ids), seed)


def _facts(value: Any, lines: LineMap, problems: list[Problem]) -> list[Fact]:
    if not isinstance(value, list) or not value:
        problems.append(lines.problem("facts", "expected a non-empty list of facts"))
        return []
    facts: list[Fact] = []
    for i, raw in enumerate(value):
        fact = _fact(raw, f"facts[{i}]", lines, problems)
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(raw: Any, where: str, lines: LineMap, problems: list[Problem]) -> Fact | None:
    if not isinstance(raw, dict):
        problems.append(lines.problem(where, "expected a mapping describing one fact"))
        return None
    before = len(problems)
    kind = _field(raw, "kind", schema.one_of(*KINDS), where, lines, problems)
    common = {
        k: _field(raw, k, spec.check, where, lines, problems, spec.required)
        for k, spec in (schema.COMMON_FIELDS | schema.REVIEW_FIELDS).items()
        if k != "kind"
    }
    attrs: dict[str, Any] = {}
    if kind is not None:
        _unknown(raw, schema.fields_of(kind) | set(schema.REVIEW_FIELDS), where, lines, problems)
        for key, spec in schema.KIND_FIELDS[kind].items():
            got = _field(raw, key, spec.check, where, lines, problems, spec.required)
            if got is not None:
                attrs[key] = got
    corrections = _corrections(raw.get("corrections"), f"{where}.corrections", lines, problems)
    if len(problems) > before:
        return None
    return Fact(
        id=common["id"],
        kind=kind,
        topic=common["topic"],
        quote=common["quote"],
        attrs=frozen_mapping(attrs),
        asked=common["asked"],
        footnote=common["footnote"],
        attribution=common["attribution"],
        hedge=common["hedge"],
        corrections=corrections,
        line=lines.line(where),
        status=common["status"] or "confirmed",
        found_by=common["found_by"],
    )


def _corrections(value: Any, where: str, lines: LineMap, problems: list[Problem]) -> tuple[Correction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(lines.problem(where, "expected a list of {verbatim, correct} mappings"))
        return ()
    fixes: list[Correction] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(lines.problem(f"{where}[{i}]", "expected a mapping with 'verbatim' and 'correct'"))
            continue
        _unknown(item, {"verbatim", "correct"}, f"{where}[{i}]", lines, problems)
        verbatim = _field(item, "verbatim", schema.text, f"{where}[{i}]", lines, problems)
        correct = _field(item, "correct", schema.text, f"{where}[{i}]", lines, problems)
        if verbatim and correct:
            fixes.append(Correction(verbatim, correct))
    return tuple(fixes)


def _templates(value: Any, where: str, lines: LineMap, problems: list[Problem]) -> list[Template]:
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
                )
            )
    return templates


def _check_template_ids(templates: list[Template], lines: LineMap, problems: list[Problem]) -> None:
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
