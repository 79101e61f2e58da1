"""YAML files -> model objects, with every problem collected and located before raising."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from types import MappingProxyType
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
from .yamlfields import Reader
from .yamlsafe import MAX_BYTES, LineMap, parse, read_text


def read_yaml(path: Path, display: str | None = None) -> tuple[Any, Reader]:
    """Read and parse a YAML file safely; problems in the reader instead of exceptions."""
    name = display or str(path)
    try:
        raw = read_bytes(path, MAX_BYTES)
    except UnreadableFile as exc:
        return None, Reader(LineMap(name), [Problem(name, 0, "", str(exc))])
    text, problems = read_text(raw, name)
    if text is None:
        return None, Reader(LineMap(name), problems)
    data, lines, problems = parse(text, name)
    return data, Reader(lines, problems)


def load_templates(path: Path, display: str | None = None) -> tuple[Template, ...]:
    """The shared question templates file (``questions.yaml``)."""
    data, r = read_yaml(path, display)
    if not r.problems:
        if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
            r.problem("templates", "expected a mapping with a 'templates' list")
        else:
            templates = _templates(data["templates"], "templates", r)
            _check_template_ids(templates, r)
            if not r.problems:
                return tuple(templates)
    raise InputError(r.problems)


def load_deck(path: Path, shared: tuple[Template, ...] = (), display: str | None = None) -> Deck:
    """An article's deck file, validated, with its consistency rules checked."""
    data, r = read_yaml(path, display)
    if not r.problems and not isinstance(data, dict):
        r.problems.append(
            Problem(r.lines.path, 1, "", f"expected a mapping at the top level, got {type(data).__name__}")
        )
    if r.problems:
        raise InputError(r.problems)
    r.unknown(data, set(DECK_FIELDS), "")
    slug = r.field(data, "slug", schema.identifier, "")
    sources = _sources(data, r, path.parent)
    settings = _settings(data.get("deck"), r)
    topics = _topics(data.get("topics"), r)
    published = sources[0].date if sources else None
    facts = _facts(data.get("facts"), r, tuple(t.id for t in topics), published)
    own = _templates(data.get("templates") or [], "templates", r)
    _check_template_ids([*shared, *own], r)
    off = _templates_off(data.get("templates_off"), shared, r)
    if r.problems:
        raise InputError(r.problems)
    assert sources and settings is not None
    deck = Deck(
        str(slug),
        sources[0],
        settings,
        tuple(facts),
        tuple(own),
        r.lines.path,
        topics=topics,
        templates_off=off,
        sources=tuple(sources) if len(sources) > 1 else (),
        lines=MappingProxyType({k: v for k, v in r.lines.lines.items() if k in _DECK_LEVEL or k.startswith("deck.")}),
    )
    r.problems.extend(check_deck(deck, r.lines))
    if r.problems:
        raise InputError(r.problems)
    return deck


_DECK_LEVEL = {"slug", "deck", "source.bottom_line"}
"""Fields whose lines a deck keeps (with everything under ``deck.``): the checks across files name them."""

DECK_FIELDS = ("slug", "source", "sources", "deck", "topics", "facts", "templates", "templates_off")
"""The top-level fields of a deck file (``source`` or ``sources``, not both)."""


def _topics(value: Any, r: Reader) -> tuple[Topic, ...]:
    """The deck's own topics in order, or the first article's five when it declares none."""
    if value is None:
        return DEFAULT_TOPICS
    if not isinstance(value, list) or not value:
        r.problem("topics", "expected a non-empty list of {id, title} mappings")
        return DEFAULT_TOPICS
    topics: list[Topic] = []
    for at, raw in r.mappings(value, "topics", "a mapping with 'id' and 'title'"):
        r.unknown(raw, {"id", "title"}, at)
        tid = r.field(raw, "id", schema.identifier, at)
        title = r.field(raw, "title", schema.text, at)
        if tid in {t.id for t in topics}:
            r.problem(f"{at}.id", f"duplicate topic id {tid!r}")
        elif tid and title:
            topics.append(Topic(tid, title))
    return tuple(topics) or DEFAULT_TOPICS


def _templates_off(value: Any, shared: tuple[Template, ...], r: Reader) -> tuple[str, ...]:
    """Shared templates the deck switches off, by id or form; each must name one."""
    if value is None:
        return ()
    try:
        names = schema.list_of(schema.text)(value)
    except ValueError as exc:
        r.problem("templates_off", str(exc))
        return ()
    known = {t.id for t in shared}
    for i, name in enumerate(names):
        if shared and name not in known and name not in FORMS:
            r.problem(f"templates_off[{i}]", f"{name!r} is neither a shared template id nor a form")
    return tuple(names)


def _sources(data: dict[str, Any], r: Reader, folder: Path) -> list[Source]:
    """``source`` (one article) or ``sources`` (a list, each with an ``id``): never both."""
    if "sources" not in data:
        one = _source(data.get("source"), "source", r, folder)
        return [one] if one else []
    if "source" in data:
        r.problem("sources", "give either 'source' or 'sources', not both")
    raw = data["sources"]
    if not isinstance(raw, list) or not raw:
        r.problem("sources", "expected a non-empty list of sources")
        return []
    found: list[Source] = []
    for i, item in enumerate(raw):
        got = _source(item, f"sources[{i}]", r, folder, with_id=True)
        if got is not None and got.id in {s.id for s in found}:
            r.problem(f"sources[{i}].id", f"duplicate source id {got.id!r}")
        elif got is not None:
            found.append(got)
    return found if len(found) == len(raw) else []


def _source(value: Any, where: str, r: Reader, folder: Path, with_id: bool = False) -> Source | None:
    data = r.mapping(value, where)
    if data is None:
        return None
    fields = {"title", "author", "publisher", "date", "url", "footnotes", "article", "bottom_line"}
    r.unknown(data, fields | ({"id"} if with_id else set()), where)
    sid = r.field(data, "id", schema.identifier, where) if with_id else ""
    got = {k: r.field(data, k, schema.text, where) for k in ("title", "publisher")}
    author = r.field(data, "author", schema.text, where, required=False)
    date = r.field(data, "date", schema.iso_date, where, required=False)
    url = r.field(data, "url", schema.web_url, where, required=False)
    bottom_line = r.field(data, "bottom_line", schema.text, where, required=False)
    notes_raw = data.get("footnotes") or {}
    notes: dict[str, str] = {}
    if not isinstance(notes_raw, dict):
        r.problem(f"{where}.footnotes", "expected a mapping of note keys to text")
    else:
        for key in notes_raw:
            got_note = r.field(notes_raw, key, schema.text, f"{where}.footnotes")
            if got_note:
                notes[str(key)] = got_note
    if None in got.values() or sid is None or (data.get("date") is not None and date is None):
        return None
    article = r.field(data, "article", schema.text, where, required=False)
    if article is not None:
        try:
            article = str(inside_folder(folder, article))
        except ValueError as exc:
            r.problem(f"{where}.article", str(exc))
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


def _settings(value: Any, r: Reader) -> DeckSettings | None:
    data = r.mapping(value, "deck")
    if data is None:
        return None
    r.unknown(data, {"name", "deck_id", "note_types", "seed"}, "deck")
    name = r.field(data, "name", schema.deck_name, "deck")
    deck_id = r.field(data, "deck_id", schema.anki_id, "deck")
    seed = r.field(data, "seed", schema.seed, "deck", required=False) or 0
    types = r.mapping(data.get("note_types"), "deck.note_types")
    ids: dict[str, int] = {}
    if types is not None:
        r.unknown(types, set(NOTE_TYPE_ROLES), "deck.note_types")
        for role in NOTE_TYPE_ROLES:
            got = r.field(types, role, schema.anki_id, "deck.note_types")
            if got is not None:
                ids[role] = got
        seen: dict[int, str] = {}
        for role, value_id in ids.items():
            if value_id in seen or value_id == deck_id:
                other = seen.get(value_id, "deck_id")
                r.problem(f"deck.note_types.{role}", f"ID {value_id} is also used by {other}")
            seen[value_id] = role
    if name is None or deck_id is None or len(ids) != len(NOTE_TYPE_ROLES):
        return None
    return DeckSettings(name, deck_id, frozen_mapping(ids), seed)


def _facts(value: Any, r: Reader, topics: tuple[str, ...], published: str | None) -> list[Fact]:
    if not isinstance(value, list) or not value:
        r.problem("facts", "expected a non-empty list of facts")
        return []
    facts: list[Fact] = []
    for at, raw in r.mappings(value, "facts", "a mapping describing one fact"):
        fact = _fact(raw, at, r, topics, published)
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(raw: dict[str, Any], where: str, r: Reader, topics: tuple[str, ...], published: str | None) -> Fact | None:
    before = len(r.problems)
    kind = r.field(raw, "kind", schema.one_of(*KINDS), where)
    checks = {k: spec.check for k, spec in (schema.COMMON_FIELDS | schema.REVIEW_FIELDS).items()}
    checks["topic"] = schema.one_of(*topics)
    common = {
        k: r.field(raw, k, checks[k], where, spec.required)
        for k, spec in (schema.COMMON_FIELDS | schema.REVIEW_FIELDS).items()
        if k != "kind"
    }
    attrs: dict[str, Any] = {}
    if kind is not None:
        r.unknown(raw, schema.fields_of(kind) | set(schema.REVIEW_FIELDS), where)
        for key, spec in schema.KIND_FIELDS[kind].items():
            check = spec.check
            if check is schema.date_text:
                check = partial(schema.date_text, published=published)
            got = r.field(raw, key, check, where, spec.required)
            if got is not None:
                attrs[key] = got
    for key in schema.EXTRA_COMMON:
        if common.get(key) is not None:
            attrs[key] = common[key]
    corrections = _corrections(raw.get("corrections"), f"{where}.corrections", r)
    if kind == "share" and (raw.get("part") is not None) == (raw.get("parts") is not None):
        if raw.get("part") is not None:  # "part: null" names no part, like leaving it out
            r.problem(f"{where}.parts", "give 'part' or 'parts' (each holding the share), not both")
        else:
            r.problem(f"{where}.part", "missing required field")
    if len(r.problems) > before:
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
        line=r.lines.line(where),
        status=common["status"] or "confirmed",
        found_by=common["found_by"],
        source=common["source"] or "",
        former_ids=tuple(common["former_ids"] or ()),
    )


def _corrections(value: Any, where: str, r: Reader) -> tuple[Correction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        r.problem(where, "expected a list of {verbatim, correct} mappings")
        return ()
    fixes: list[Correction] = []
    for at, item in r.mappings(value, where, "a mapping with 'verbatim' and 'correct'"):
        r.unknown(item, {"verbatim", "correct"}, at)
        verbatim = r.field(item, "verbatim", schema.text, at)
        correct = r.field(item, "correct", schema.text, at)
        if verbatim and correct:
            fixes.append(Correction(verbatim, correct))
    return tuple(fixes)
