"""What each name found in the text is (place or actor, which kind) and the proposal a reviewer sees for it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .proposal import Proposal, once
from .text import Sentence

OF = re.compile(r"\s(?:of|for|of the|for the|on)\s")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_PLACE_HEADS = {
    "River": "river", "Sea": "sea", "Ocean": "sea", "Gulf": "sea", "Bay": "sea", "Strait": "sea", "Lake": "sea",
    "Canal": "site", "Railway": "railway", "Railroad": "railway", "Line": "railway", "Zone": "zone",
    "Bridge": "bridge", "Port": "port", "Harbour": "port", "Harbor": "port", "Krai": "region", "Kray": "region",
    "Province": "region", "Region": "region", "Oblast": "region", "Territory": "region", "Peninsula": "region",
    "East": "region", "West": "region", "Islands": "region", "Island": "region", "Mountains": "region",
    "Valley": "region", "Front": "site", "Pipeline": "site", "pipeline": "site", "Corridor": "site",
    "Airport": "site", "Base": "site", "Square": "site", "Street": "site", "City": "city", "Town": "city",
    "Coast": "region", "Desert": "region", "Plain": "region", "Plateau": "region", "Forest": "region",
}  # fmt: skip
_ORG_HEADS = {
    "Corporation": "company", "Company": "company", "Corp": "company", "Inc": "company", "Ltd": "company",
    "Group": "company", "Bank": "company", "Projects": "company", "Airlines": "company",
    "Army": "group", "Brigade": "group", "Legion": "group", "Legions": "group", "Force": "group", "Forces": "group",
    "Navy": "group", "Guard": "group", "Rebels": "group", "rebels": "group", "Partisans": "group",
    "Council": "organisation", "Service": "organisation", "Ministry": "organisation", "Centre": "organisation",
    "Center": "organisation", "Agency": "organisation", "House": "organisation", "Committee": "organisation",
    "Commission": "organisation", "Department": "organisation", "Office": "organisation",
    "Institute": "organisation", "University": "organisation", "Nations": "organisation", "Court": "organisation",
    "Government": "organisation", "Parliament": "organisation", "Party": "organisation",
    "Authority": "organisation", "Fund": "organisation", "Foundation": "organisation", "Trust": "organisation",
    "Association": "organisation", "Society": "organisation", "Board": "organisation", "Bureau": "organisation",
    "Police": "organisation", "Club": "organisation",
    "Organization": "organisation", "Organisation": "organisation", "Federation": "state", "Union": "state",
    "Republic": "state", "Kingdom": "state", "Emirates": "state", "States": "state", "Monitor": "organisation",
}  # fmt: skip
DIRECTIONS = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"}
_PLACE_BEFORE = re.compile(
    r"(?:(?<!according )\b(?:in|at|on|to|from|near|across|into|through|via|towards?|around|outside|inside|"
    r"throughout|over|port of|city of|town of|capital|border with)\s+(?:the\s+)?)$"
)
ACTOR_AFTER = re.compile(
    r"^(?:[’']s\b|\s+(?:is|was|has|had|have|are|were|said|says|stated|told|made|set|sold|bought|opened|"
    r"agreed|announced|launched|issued|ordered|refused|used|gave|paid|purchased|signed|reported|[a-z]+ed)\b|"
    r"\s+[a-z]+s\s+(?:the|a|an|its|his|her|their|to)\b)"
)


@dataclass
class Mention:
    sentence: Sentence
    start: int
    end: int
    text: str
    title: str | None = None
    role: str | None = None
    role_rule: str | None = None
    place_votes: int = 0
    actor_votes: int = 0
    modifier: bool = False
    """Used before a noun (``UN sanctions``, ``Six-Party talks``): not on its own a name."""
    speaker: bool = False


@dataclass
class Entity:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return name_key(self.name)


def name_key(name: str) -> str:
    return " ".join(name.removeprefix("the ").casefold().replace("’", "'").split())


def head_word(name: str) -> str:
    """The word a name is built on: ``Service`` in ``Federal Customs Service of Russia``."""
    first_part = OF.split(name)[0]
    return first_part.split()[-1]


def count_votes(mention: Mention, text: str) -> None:
    if _PLACE_BEFORE.search(text[max(0, mention.start - 25) : mention.start]):
        mention.place_votes += 1
    before = text[: mention.start]
    verb_after = ACTOR_AFTER.match(text[mention.end :]) and not mention.place_votes
    if verb_after or re.search(r"\b(?:by|[Aa]ccording to)\s+(?:the\s+)?$", before):
        mention.actor_votes += 1


_PLACE_FIRST = {"Port": "port", "Lake": "sea", "Mount": "site", "Cape": "region", "Fort": "site", "Gulf": "sea"}


def head_kind(name: str) -> tuple[str, str] | None:
    head = head_word(name)
    first = name.split()[0]
    if first in _PLACE_FIRST and len(name.split()) > 1:
        return "place", _PLACE_FIRST[first]
    if head in _PLACE_HEADS:
        return "place", _PLACE_HEADS[head]
    if head in _ORG_HEADS:
        return "actor", _ORG_HEADS[head]
    return None


def classify(entity: Entity) -> tuple[str, str, str]:
    """(kind, actor_kind or place_kind, why) from the head word, titles, and how the text uses the name."""
    name = entity.name
    by_head = head_kind(name)
    if by_head:
        return by_head[0], by_head[1], f"head word {head_word(name)!r}"
    if any(m.title for m in entity.mentions):
        return "actor", "person", "title before the name"
    if any(m.role and re.search(r"\b(?:tanker|ship|vessel|frigate|ferry|boat)\b", m.role) for m in entity.mentions):
        return "actor", "ship", "described as a vessel"
    if ACRONYM.match(name):
        return "actor", "organisation", "an acronym"
    place = sum(m.place_votes for m in entity.mentions)
    actor = sum(m.actor_votes for m in entity.mentions)
    tokens = name.split()
    if tokens[0] in DIRECTIONS and len(tokens) == 2:
        return "actor", "state", "a direction and a name"
    if len(tokens) >= 2:
        if place > actor:
            return "place", "region", "used after in/to/from"
        return "actor", "person", "a name of several words"
    if any(m.speaker for m in entity.mentions):
        return "actor", "person", "a single name that speaks or orders"
    if place > actor:
        return "place", "city", "used after in/to/from"
    return "actor", "state", "a single name used as an actor"


def propose(entity: Entity) -> Proposal | None:
    if len(entity.name.split()) == 1 and all(m.modifier for m in entity.mentions):
        return None  # only ever "UN sanctions", "Six-Party talks": a modifier, not an actor or place
    kind, sub, why = classify(entity)
    best = next((m for m in entity.mentions if m.role), entity.mentions[0])
    text = best.sentence.text
    asked = once(text, best.text)
    aliases = sorted(a for a in entity.aliases if name_key(a) != entity.key)
    if kind == "actor":
        fields: dict[str, object] = {"name": entity.name, "actor_kind": sub, "role": best.role or _context(best)}
        if aliases:
            fields["aliases"] = aliases
    else:
        fields = {"name": entity.name, "place_kind": sub, "description": best.role or _context(best)}
    rule = best.role_rule or "no description in the text: rewrite it"
    note = f"{kind} name ({why}; {sub} is a guess); role from {rule}; {len(entity.mentions)} mention(s)"
    if not best.role:
        note = f"{kind} name ({why}; {sub} is a guess); {rule}; {len(entity.mentions)} mention(s)"
    return Proposal(kind, best.sentence, fields, asked, note, (best.start, best.end))


def _context(mention: Mention) -> str:
    """A stand-in description a reviewer rewrites: the words around the name, the name blanked."""
    text = mention.sentence.text
    before = text[: mention.start].split()[-6:]
    after = text[mention.end :].split()[:6]
    return f"named in: “… {' '.join([*before, '___', *after])} …”"


def distinct_roles(proposals: list[Proposal]) -> list[Proposal]:
    """Two actors (or two places) must not share a role, or questions would have two right answers."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    result: list[Proposal] = []
    for p in proposals:
        field_name = "role" if p.kind == "actor" else "description"
        text = str(p.fields[field_name])
        key = (p.kind, " ".join(text.casefold().split()))
        seen[key] += 1
        if seen[key] > 1:
            fields = dict(p.fields)
            fields[field_name] = f"{text} ({p.fields['name']})"
            p = Proposal(p.kind, p.sentence, fields, p.asked, p.found_by, p.span, p.hedge, p.attribution)
        result.append(p)
    return result
