"""YAML files -> model objects, with every problem collected and located before raising."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from . import schema
from .errors import InputError, Problem
from .kinds import fields_for
from .model import (
    DEFAULT_TOPICS,
    FORMS,
    KINDS,
    NOTE_TYPE_ROLES,
    Correction,
    Deck,
    DeckSettings,
    Fact,
    Source,
    Template,
    Topic,
    frozen_mapping,
)
from .rules import check_deck
from .safefile import UnreadableFile, read_bytes
from .template_specs import check_template_ids as _check_template_ids
from .template_specs import templates as _templates
from .wording import join_names
from .yamlfields import field as _field
from .yamlfields import mapping as _mapping
from .yamlfields import unknown as _unknown
from .yamlsafe import MAX_BYTES, LineMap, parse, read_text


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
    _unknown(data, set(DECK_FIELDS), "", lines, problems)
    slug = _field(data, "slug", schema.identifier, "", lines, problems)
    sources = _sources(data, lines, problems, path.parent)
    settings = _settings(data.get("deck"), lines, problems)
    topics = _topics(data.get("topics"), lines, problems)
    published = sources[0].date if sources else None
    facts = _facts(data.get("facts"), lines, problems, tuple(t.id for t in topics), published)
    own = _templates(data.get("templates") or [], "templates", lines, problems)
    _check_template_ids([*shared, *own], lines, problems)
    off = _templates_off(data.get("templates_off"), shared, lines, problems)
    if problems:
        raise InputError(problems)
    assert sources and settings is not None
    deck = Deck(
        str(slug),
        sources[0],
        settings,
        tuple(facts),
        tuple(own),
        lines.path,
        topics=topics,
        templates_off=off,
        sources=tuple(sources) if len(sources) > 1 else (),
    )
    problems.extend(check_deck(deck, lines))
    if problems:
        raise InputError(problems)
    return deck


DECK_FIELDS = ("slug", "source", "sources", "deck", "topics", "facts", "templates", "templates_off")
"""The top-level fields of a deck file (``source`` or ``sources``, not both)."""


def _topics(value: Any, lines: LineMap, problems: list[Problem]) -> tuple[Topic, ...]:
    """The deck's own topics in order, or the first article's five when it declares none."""
    if value is None:
        return DEFAULT_TOPICS
    if not isinstance(value, list) or not value:
        problems.append(lines.problem("topics", "expected a non-empty list of {id, title} mappings"))
        return DEFAULT_TOPICS
    topics: list[Topic] = []
    for i, raw in enumerate(value):
        at = f"topics[{i}]"
        if not isinstance(raw, dict):
            problems.append(lines.problem(at, "expected a mapping with 'id' and 'title'"))
            continue
        _unknown(raw, {"id", "title"}, at, lines, problems)
        tid = _field(raw, "id", schema.identifier, at, lines, problems)
        title = _field(raw, "title", schema.text, at, lines, problems)
        if tid in {t.id for t in topics}:
            problems.append(lines.problem(f"{at}.id", f"duplicate topic id {tid!r}"))
        elif tid and title:
            topics.append(Topic(tid, title))
    return tuple(topics) or DEFAULT_TOPICS


def _templates_off(
    value: Any, shared: tuple[Template, ...], lines: LineMap, problems: list[Problem]
) -> tuple[str, ...]:
    """Shared templates the deck switches off, by id or form; each must name one."""
    if value is None:
        return ()
    try:
        names = schema.list_of(schema.text)(value)
    except ValueError as exc:
        problems.append(lines.problem("templates_off", str(exc)))
        return ()
    known = {t.id for t in shared}
    for i, name in enumerate(names):
        if shared and name not in known and name not in FORMS:
            problems.append(
                lines.problem(f"templates_off[{i}]", f"{name!r} is neither a shared template id nor a form")
            )
    return tuple(names)


def _sources(data: dict[str, Any], lines: LineMap, problems: list[Problem], folder: Path) -> list[Source]:
    """``source`` (one article) or ``sources`` (a list, each with an ``id``): never both."""
    if "sources" not in data:
        one = _source(data.get("source"), "source", lines, problems, folder)
        return [one] if one else []
    if "source" in data:
        problems.append(lines.problem("sources", "give either 'source' or 'sources', not both"))
    raw = data["sources"]
    if not isinstance(raw, list) or not raw:
        problems.append(lines.problem("sources", "expected a non-empty list of sources"))
        return []
    found: list[Source] = []
    for i, item in enumerate(raw):
        got = _source(item, f"sources[{i}]", lines, problems, folder, with_id=True)
        if got is not None and got.id in {s.id for s in found}:
            problems.append(lines.problem(f"sources[{i}].id", f"duplicate source id {got.id!r}"))
        elif got is not None:
            found.append(got)
    return found if len(found) == len(raw) else []


def _source(
    value: Any, where: str, lines: LineMap, problems: list[Problem], folder: Path, with_id: bool = False
) -> Source | None:
    data = _mapping(value, where, lines, problems)
    if data is None:
        return None
    fields = {"title", "author", "publisher", "date", "url", "footnotes", "article", "bottom_line"}
    _unknown(data, fields | ({"id"} if with_id else set()), where, lines, problems)
    sid = _field(data, "id", schema.identifier, where, lines, problems) if with_id else ""
    got = {k: _field(data, k, schema.text, where, lines, problems) for k in ("title", "publisher")}
    author = _field(data, "author", schema.text, where, lines, problems, required=False)
    date = _field(data, "date", schema.iso_date, where, lines, problems, required=False)
    url = _field(data, "url", schema.web_url, where, lines, problems, required=False)
    bottom_line = _field(data, "bottom_line", schema.text, where, lines, problems, required=False)
    notes_raw = data.get("footnotes") or {}
    notes: dict[str, str] = {}
    if not isinstance(notes_raw, dict):
        problems.append(lines.problem(f"{where}.footnotes", "expected a mapping of note keys to text"))
    else:
        for key in notes_raw:
            got_note = _field(notes_raw, key, schema.text, f"{where}.footnotes", lines, problems)
            if got_note:
                notes[str(key)] = got_note
    if None in got.values() or sid is None or (data.get("date") is not None and date is None):
        return None
    article = _field(data, "article", schema.text, where, lines, problems, required=False)
    if article is not None:
        try:
            article = str(inside_folder(folder, article))
        except ValueError as exc:
            problems.append(lines.problem(f"{where}.article", str(exc)))
            article = None
    return Source(got["title"], author, got["publisher"], date, url, frozen_mapping(notes), article, sid, bottom_line)


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


def _facts(
    value: Any, lines: LineMap, problems: list[Problem], topics: tuple[str, ...], published: str | None
) -> list[Fact]:
    if not isinstance(value, list) or not value:
        problems.append(lines.problem("facts", "expected a non-empty list of facts"))
        return []
    facts: list[Fact] = []
    for i, raw in enumerate(value):
        fact = _fact(raw, f"facts[{i}]", lines, problems, topics, published)
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(
    raw: Any, where: str, lines: LineMap, problems: list[Problem], topics: tuple[str, ...], published: str | None
) -> Fact | None:
    if not isinstance(raw, dict):
        problems.append(lines.problem(where, "expected a mapping describing one fact"))
        return None
    before = len(problems)
    kind = _field(raw, "kind", schema.one_of(*KINDS), where, lines, problems)
    checks = {k: spec.check for k, spec in (schema.COMMON_FIELDS | schema.REVIEW_FIELDS).items()}
    checks["topic"] = schema.one_of(*topics)
    common = {
        k: _field(raw, k, checks[k], where, lines, problems, spec.required)
        for k, spec in (schema.COMMON_FIELDS | schema.REVIEW_FIELDS).items()
        if k != "kind"
    }
    attrs: dict[str, Any] = {}
    if kind is not None:
        _unknown(raw, schema.fields_of(kind) | set(schema.REVIEW_FIELDS), where, lines, problems)
        for key, spec in schema.KIND_FIELDS[kind].items():
            check = spec.check
            if check is schema.date_text:
                check = partial(schema.date_text, published=published)
            got = _field(raw, key, check, where, lines, problems, spec.required)
            if got is not None:
                attrs[key] = got
    for key in schema.EXTRA_COMMON:
        if common.get(key) is not None:
            attrs[key] = common[key]
    corrections = _corrections(raw.get("corrections"), f"{where}.corrections", lines, problems)
    if kind == "share" and (raw.get("part") is not None) == (raw.get("parts") is not None):
        if raw.get("part") is not None:  # "part: null" names no part, like leaving it out
            problems.append(
                lines.problem(f"{where}.parts", "give 'part' or 'parts' (each holding the share), not both")
            )
        else:
            problems.append(lines.problem(f"{where}.part", "missing required field"))
    if len(problems) > before:
        return None
    if kind == "share" and attrs.get("parts"):
        attrs["part"] = join_names(attrs["parts"])
    return Fact(
        id=common["id"],
        kind=kind,
        topic=common["topic"],
        quote=common["quote"],
        fields=fields_for(kind, attrs),
        asked=common["asked"],
        footnote=common["footnote"],
        attribution=common["attribution"],
        hedges=common["hedge"] or (),
        corrections=corrections,
        line=lines.line(where),
        status=common["status"] or "confirmed",
        found_by=common["found_by"],
        source=common["source"] or "",
        former_ids=tuple(common["former_ids"] or ()),
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
