"""People, states, organisations, ships and places, from the article's capitalised spans.

A name is a run of capitalised words (``Federal Customs Service of Russia``, ``Kim Jong-un``,
``William S. Graves``, ``U.S.``), with a title peeled off its front (``President``,
``Treasury Secretary``, ``Maj. Gen.``) and kept as an alias. The article's own words give the
role: an apposition (``KOMID, North Korea's primary arms dealer,``), a descriptor before the name
(``Egyptian billionaire Naguib Sawiris``), or the title. Both forms of a name the article pairs
become aliases: ``Korea Mining Development Trading Corporation (KOMID)``, and a surname used
alone after the full name (``Trump`` after ``Donald Trump``). Whether a name is a place or an
actor, and which kind, is read from its head word (``River``, ``Council``) and from how the
article uses it (``in Namibia`` against ``Namibia has given``); ``found_by`` says it is a guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..units import CURRENCIES
from ..wording import MONTHS
from .proposal import Proposal, once
from .text import Sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = r"(?:[A-Z]\.(?:\s?[A-Z]\.)+|[A-Z][a-z]{0,3}\.|[A-Z](?:[\w’']|-(?!-))*[\w’]|[A-Z](?![’'\w]))"
_CONNECT = r"(?:\s(?:of|for|of the|for the|on)\s|\s(?:el|al|ad|ibn|bin|de|du|da|van|von|le|la)[-\s]|\s{1,2})"
_OF = re.compile(r"\s(?:of|for|of the|for the|on)\s")
_SPAN = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:{_CONNECT}{_TOKEN})*")
_QUOTED_NAME = re.compile(r"[‘'](?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})[’']")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_POSSESSIVE = re.compile(r"[’']s?$")

_STOP_FIRST = _words(
    "About Around Nearly Roughly Approximately Up Down Out Off Just Less More Fewer Half Part Later Earlier Soon "
    "Often Never Always Recently Currently Finally Eventually Initially Originally Subsequently Together "
    "A An The In On At This That These Those Despite After Before Since Although Though While When "
    "Whilst Today However Moreover Furthermore According Any All Some Many Most Much Its Their His Her "
    "Our Your My It He She They We I You There Here Such Both Each Every For From By With Without As If "
    "But And Or So Yet Also Not No Now Then Thus Hence Instead Indeed Even Only Once Under Over Among "
    "Between Along Against During Until Unlike Like Why What Who Whom Whose Which Where How "
    "Theoretically Afterwards Meanwhile Nevertheless Still Again Another Other Several Few One Two Three "
    "Four Five Six Seven Eight Nine Ten Is Are Was Were Has Have Had Do Does Did Will Would Can Could "
    "Should May Might Must Let Last Next First Second Third New Old Along Almost Apart Besides Beyond "
    "Through Throughout Toward Towards Upon Within Because Given Perhaps Following"
)
"""Words a sentence may open with that are no name of anything."""
_NOT_NAMES = set(MONTHS) | _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct "
    "Nov Dec Email Source Top Page Front Latest Headlines Mr Mrs Ms Dr"
)
_TITLES = (
    "Vice President|President|Prime Minister|Foreign Minister|Minister|Secretary of State|Secretary|Treasury Secretary|"
    "Major General|Maj\\. Gen\\.|Lieutenant General|Lt\\. Gen\\.|Brigadier General|Brig\\. Gen\\.|General|Gen\\.|"
    "Colonel|Col\\.|Lieutenant|Lt\\.|Captain|Capt\\.|Admiral|Adm\\.|Commander|Field Marshal|Marshal|Sergeant|Sgt\\.|"
    "Dr\\.|Mr\\.|Mrs\\.|Ms\\.|Mr|Mrs|Ms|Dr|Prof\\.|Professor|Sir|Lord|Lady|King|Queen|Prince|Princess|Crown Prince|"
    "Chairman|Chairwoman|Senator|Sen\\.|Ambassador|Judge|Justice|Pope|Emperor|Empress|Sheikh|Governor|Mayor|Chancellor"
)
_TITLE_PREFIX = re.compile(rf"^(?P<title>(?:[A-Z][a-z]+\s)?(?:(?:{_TITLES})\s)+)(?P<rest>[A-Z].*)$")
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
_THING_HEADS = _words(
    "Talks Order War Wars Revolution Treaty Agreement Deal Plan Act Medal Prize Award Day Conference "
    "Summit Crisis Program Programme Project Initiative Expedition Intervention Occupation Adventure "
    "Report Resolution Sanctions Accords Accord Pact Convention Doctrine Policy Strategy Games Cup"
)
"""Heads of names that are no actor or place (a war, a treaty, a medal): left for later kinds."""
_DIRECTIONS = {"North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"}
_PLACE_BEFORE = re.compile(
    r"(?:(?<!according )\b(?:in|at|on|to|from|near|across|into|through|via|towards?|around|outside|inside|"
    r"throughout|over|port of|city of|town of|capital|border with)\s+(?:the\s+)?)$"
)
_ACTOR_AFTER = re.compile(
    r"^(?:[’']s\b|\s+(?:is|was|has|had|have|are|were|said|says|stated|told|made|set|sold|bought|opened|"
    r"agreed|announced|launched|issued|ordered|refused|used|gave|paid|purchased|signed|reported|[a-z]+ed)\b|"
    r"\s+[a-z]+s\s+(?:the|a|an|its|his|her|their|to)\b)"
)
_VERBISH = _words(
    "is was has had have are were said says stated told made set sold bought opened agreed announced "
    "launched issued ordered refused used gave paid purchased signed reported and or but nor with who "
    "which that whose where when while whom to in on at by from for of as than the a an into began "
    "became came went took got held left met ran saw sent built brought fought found kept led lost put "
    "rose fell grew knew won wrote seems remains straddles flows lies stands"
)
"""Lowercase words after a name that show it is used as a name, not as a modifier (``UN sanctions``)."""
_HYPHEN_ADJECTIVE = re.compile(r"-[a-z]*(?:ed|ing|made|based|led|run|owned|born|style|type|era)$")
_ADJECTIVE_END = re.compile(r"(?:ous|ful|ive|able|ible|al|ic|less|ary|ern|ish)$")
_SPEECH = re.compile(r"^\s(?:said|says|stated|told|added|argued|wrote|declared|insisted|agreed|ordered|authorized)\b")
_DEMONYM = re.compile(r"^[A-Z][a-z]{2,}(?:ian|ians|ean|eans|ese|ish|ans)$")
_GROUP_NOUNS = re.compile(r"^\s(?P<noun>rebels|militias?|guerrillas|insurgents|separatists|tribesmen)\b")
_PLACE_NOUNS = re.compile(r"^(?P<words>(?:\s[a-z]+){0,1}\s(?:zone|bridge|pipeline|corridor|railway|canal|port|dam))\b")
_OF_HEADS = _words(
    "Republic Plan Ministry Bank University Gulf Sea Bay Isle Isles Cape Duke King Queen Prince City "
    "Department Secretary Minister Kingdom State States Union Federation Council Court Service Office "
    "Commission Committee Institute Agency Centre Center Strait Straits Islands Island Order "
    "Organisation Organization Coast Port Lake Mount Province Region Territory Army Party Church Museum "
    "Academy School College League Treaty Battle Siege"
)
"""Heads that an ``of`` continues: ``Republic of Korea``, ``Ministry for the Far East Development``."""
_DESCRIPTOR_STOP = _words(
    "of to in the and or a an for with by on at from that which who is are was were be been has have had "
    "but than as per into this its their his her our also not"
)
_APPOSITION_START = re.compile(r"^(?:the|a|an|its|his|her|their|one|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*[’']s)\s", re.I)


@dataclass
class _Mention:
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
class _Entity:
    name: str
    mentions: list[_Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return _key(self.name)


def _key(name: str) -> str:
    return " ".join(name.removeprefix("the ").casefold().replace("’", "'").split())


def propose_names(sentences: Iterable[Sentence]) -> list[Proposal]:
    """One proposal per distinct actor or place the sentences name, with aliases and a role."""
    sentences = list(sentences)
    mid_sentence = _capitalised_mid_sentence(sentences)
    # A capitalised word whose lowercase form the article also uses (Bituminous, bituminous) is grammar.
    lower_words = frozenset(w for s in sentences for w in re.findall(r"\b[a-z][a-z’'-]+\b", s.text))
    entities: dict[str, _Entity] = {}
    long_forms: dict[str, str] = {}
    order: list[str] = []
    for sentence in sentences:
        for mention, acronym in _mentions(sentence, mid_sentence, lower_words):
            key = _key(mention.text)
            if key in long_forms:
                key = long_forms[key]
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = _Entity(mention.text)
                order.append(key)
            entity.mentions.append(mention)
            if mention.title:
                entity.aliases.add(f"{mention.title} {mention.text}")
            tail = mention.text.split()[-1]
            if len(mention.text.split()) > 1 and _ACRONYM.match(tail):
                entity.aliases.add(tail)
            if acronym:
                entity.aliases.add(acronym)
                long_forms.setdefault(_key(acronym), key)
                if _key(acronym) in entities and _key(acronym) != key:
                    other = entities.pop(_key(acronym))
                    order.remove(_key(acronym))
                    entity.mentions.extend(other.mentions)
    _merge_surnames(entities, order)
    proposals = [p for key in order if key in entities and (p := _propose(entities[key])) is not None]
    return _distinct_roles(proposals)


def _capitalised_mid_sentence(sentences: list[Sentence]) -> set[str]:
    """Words the article capitalises where a name can begin other than a sentence's start: after a
    lowercase word, a number, a comma or an opening bracket or quote (not inside a name)."""
    seen: set[str] = set()
    for sentence in sentences:
        tokens = sentence.text.split()
        for prev, token in zip(tokens, tokens[1:], strict=False):
            word = token.lstrip('(“"‘')
            opened = word != token
            if word[:1].isupper() and (opened or prev[:1].islower() or prev[:1].isdigit() or prev[-1] in ",;:)"):
                seen.add(_POSSESSIVE.sub("", re.sub(r"[^\w’'-]+$", "", word)))
    return seen


def _mentions(
    sentence: Sentence, mid_sentence: set[str], lower_words: frozenset[str]
) -> list[tuple[_Mention, str | None]]:
    text = sentence.text
    found: list[tuple[_Mention, str | None]] = []
    if _heading(text):
        return found
    for match in _SPAN.finditer(text):
        for start, words in _split_of(*_split_possessives(match.start(), match.group(0))):
            got = _mention(sentence, text, start, words, mid_sentence, lower_words)
            if got is not None:
                found.append(got)
    for match in _QUOTED_NAME.finditer(text):
        if not any(m.start <= match.start("name") < m.end for m, _ in found):
            mention = _Mention(sentence, match.start("name"), match.end("name"), match["name"])
            _role(mention, text)
            found.append((mention, None))
    return found


def _heading(text: str) -> bool:
    """A subheading (``Why Kim Needs the Russians``): short, no closing stop, mostly capitalised."""
    words = text.split()
    if len(words) > 9 or text.rstrip().endswith((".", "!", ";", ":", ",")) or re.search(r"\d", text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(1, len(words) - 2)


def strip_title(name: str) -> str:
    """``Treasury Secretary Steven Mnuchin`` -> ``Steven Mnuchin``; other names unchanged."""
    titled = _TITLE_PREFIX.match(name)
    return titled["rest"] if titled and _head_kind(titled["rest"]) is None else name


def _split_of(*pieces: tuple[int, str]) -> list[tuple[int, str]]:
    """``Republic of Korea`` is one name; ``Russia of North Korean labour`` is not."""
    result: list[tuple[int, str]] = []
    for start, words in pieces:
        at = 0
        for match in _OF.finditer(words):
            if words[at : match.start()].split()[-1:] and words[at : match.start()].split()[-1] not in _OF_HEADS:
                result.append((start + at, words[at : match.start()]))
                at = match.end()
        result.append((start + at, words[at:]))
    return [(s, w) for s, w in result if w.strip()]


def _split_possessives(start: int, words: str) -> list[tuple[int, str]]:
    """``Russia’s Ministry for the Far East Development`` is two names: Russia, and its ministry."""
    pieces: list[tuple[int, str]] = []
    at = 0
    for match in re.finditer(r"[’']s?(?=\s|$)", words):
        pieces.append((start + at, words[at : match.start()]))
        at = match.end()
        while at < len(words) and words[at] == " ":
            at += 1
    pieces.append((start + at, words[at:]))
    return [(s, w) for s, w in pieces if w]


def _mention(
    sentence: Sentence, text: str, start: int, words: str, mid_sentence: set[str], lower_words: frozenset[str]
) -> tuple[_Mention, str | None] | None:
    end = start + len(words)
    title = None
    titled = _TITLE_PREFIX.match(words)
    if titled and _head_kind(titled["rest"]) is None:
        title = titled["title"].strip()
        words = titled["rest"]
        start = end - len(words)
    else:
        # A sentence's first word is capitalised by grammar: drop it unless the article
        # capitalises it elsewhere too.
        first = words.split()[0]
        before = text[:start]
        at_start = not before.strip() or before.rstrip().endswith(("“", '"', "‘", "(", ":"))
        # A first word never capitalised mid-sentence counts as part of a name only if a name
        # follows it ("Kim Il Sung"), or if it acts as one ("Sisi has"), and the article never
        # uses it in lowercase ("Bituminous coal", "bituminous").
        acts = bool(_ACTOR_AFTER.match(text[end:]))
        multi = len(words.split()) > 1
        known = (
            first in mid_sentence
            or (multi and _head_kind(words) is not None)
            or (first.casefold() not in lower_words and len(first) > 2 and (multi or acts))
        )
        if (at_start and (first in _STOP_FIRST or not known)) or (first.endswith("ly") and len(first) >= 8):
            words = words[len(first) :].lstrip()
            start = end - len(words)
        for drop in ("the ", "The "):
            if words.startswith(drop):
                words, start = words[len(drop) :], start + len(drop)
    if not re.search(r"(?:[A-Z]\.){2,}$", words):
        words = words.rstrip(".")
    end = start + len(words)
    words = re.sub(r"\s+(?:of|for|of the|for the|on)$", "", words)
    end = start + len(words)
    if not words or not _plausible(words, text, end) or _HYPHEN_ADJECTIVE.search(words):
        return None
    if re.match(r"^[’']s Day\b", text[end:]):
        return None  # April Fool's Day is a date
    first_token = words.split()[0]
    if len(words.split()) >= 2 and _DEMONYM.match(first_token) and _head_kind(words) is None:
        words = words[len(first_token) :].lstrip()
        start = end - len(words)
    group = _GROUP_NOUNS.match(text[end:])
    place_noun = _PLACE_NOUNS.match(text[end:])
    if group:
        words += " " + group["noun"]
        end = start + len(words)
    elif place_noun and text[start : end + len(place_noun["words"])].endswith(place_noun["words"]):
        words = text[start : end + len(place_noun["words"])]
        end = start + len(words)
    if _head(words) in _THING_HEADS or words in CURRENCIES:
        return None
    mention = _Mention(sentence, start, end, words, title)
    after = text[end:]
    next_word = re.match(r"^\s([a-z][\w-]*)(?P<then>\s+(?:the|a|an|its|his|her|their|to)\b)?", after)
    mention.modifier = bool(
        next_word
        and next_word.group(1) not in _VERBISH
        and not next_word.group(1).endswith(("ed", "ly"))
        and not next_word["then"]
    )
    mention.speaker = bool(_SPEECH.match(after))
    acronym = None
    paren = re.match(r"^\s\((?P<acr>[A-Z]{2,6}|(?:[A-Z]\.){2,4})\)", after)
    if paren and not _ACRONYM.match(words):
        acronym = paren["acr"]
    _role(mention, text)
    _votes(mention, text)
    return mention, acronym


def _head(name: str) -> str:
    """The word a name is built on: ``Service`` in ``Federal Customs Service of Russia``."""
    first_part = _OF.split(name)[0]
    return first_part.split()[-1]


def _plausible(words: str, text: str, end: int) -> bool:
    tokens = words.split()
    if all(t.rstrip(".") in _NOT_NAMES or t in _STOP_FIRST for t in tokens):
        return False
    if len(tokens) == 1:
        token = tokens[0]
        if len(token) < 2 or token.rstrip(".") in _NOT_NAMES:
            return False
        if re.match(r"^[A-Z]{2,}s$", token):
            return False  # plural acronyms (ICBMs) are things
        if _DEMONYM.search(token) and re.match(r"^\s[a-z]", text[end:]):
            return False  # "Korean ships": an adjective, not a name
    # "North Korean ships" too: a direction and a demonym before a noun.
    adjective = _DEMONYM.search(tokens[-1]) and re.match(r"^\s[a-z]", text[end:])
    return not (adjective and tokens[0] in _DIRECTIONS | {tokens[-1]})


def _role(mention: _Mention, text: str) -> None:
    """The article's own description of a name: apposition, descriptor before it, or title."""
    after = text[mention.end :]
    appositive = re.match(
        r"^(?:\s\([^)]*\))?,\s(?P<role>[^,;:()“”\"]{3,90}?)(?:,(?P<next>\s[A-Z][\w’'-]*)?|\.?$)", after
    )
    if (
        appositive
        and not appositive["next"]
        and _APPOSITION_START.match(appositive["role"])
        and len(appositive["role"].split()) <= 12
        and re.search(r"\b[a-z]{3,}", appositive["role"])
    ):
        mention.role, mention.role_rule = " ".join(appositive["role"].split()), "apposition after the name"
        return
    before = text[: mention.start]
    if mention.title is None:
        pre = re.search(r"(?:^|[,;:(]\s*)(?P<role>(?:the |a |an )?[A-Z][\w-]*[’']s(?: [a-z][\w-]*){1,6}),\s$", before)
        if pre:
            mention.role = " ".join(pre["role"].split())
            mention.role_rule = "apposition before the name"
            return
        descriptor = _descriptor(before)
        if descriptor:
            mention.role, mention.role_rule = f"the {descriptor}", "descriptor before the name"
            return
    if mention.title:
        mention.role, mention.role_rule = f"the {mention.title}", "title before the name"


def _descriptor(before: str) -> str | None:
    """``Egyptian billionaire`` in ``by Egyptian billionaire Naguib Sawiris``: a noun phrase
    that runs up to the name, opened by a determiner, a preposition, a verb or the sentence start."""
    if not before.endswith((" ", "‘", "'")):
        return None
    tokens = re.findall(r"[\w’'-]+|[^\w\s]", before[-100:])
    picked: list[str] = []
    opened = False
    for word in reversed(tokens):
        low = word.casefold()
        if not re.match(r"[\w’'-]+$", word) or low in _DESCRIPTOR_STOP or low in _VERBISH:
            opened = True
            break
        if word.endswith(("ed", "ing")) or word[:1].isdigit():
            opened = True
            break
        picked.insert(0, word)
        if len(picked) == 4:
            break
    else:
        opened = True
    if not picked or not opened:
        return None
    head = picked[-1]
    if not head[:1].islower() or head.endswith("ly") or _ADJECTIVE_END.search(head):
        return None
    if any(w[:1].isupper() for w in picked[1:]):
        return None
    return " ".join(picked)


def _votes(mention: _Mention, text: str) -> None:
    if _PLACE_BEFORE.search(text[max(0, mention.start - 25) : mention.start]):
        mention.place_votes += 1
    before = text[: mention.start]
    verb_after = _ACTOR_AFTER.match(text[mention.end :]) and not mention.place_votes
    if verb_after or re.search(r"\b(?:by|[Aa]ccording to)\s+(?:the\s+)?$", before):
        mention.actor_votes += 1


def _merge_surnames(entities: dict[str, _Entity], order: list[str]) -> None:
    """``Trump`` after ``Donald Trump``: an alias, when exactly one full name ends (or starts) so."""
    people = [e for e in entities.values() if len(e.name.split()) >= 2 and not _ACRONYM.match(e.name)]
    for key in list(order):
        entity = entities.get(key)
        if entity is None or len(entity.name.split()) != 1:
            continue
        word = entity.name
        owners = [p for p in people if word in (p.name.split()[-1], p.name.split()[0]) and p is not entity]
        owners = [p for p in owners if _classify(p)[1] == "person"]
        if len(owners) == 1:
            owner = owners[0]
            owner.mentions.extend(entity.mentions)
            owner.aliases.add(word)
            owner.aliases.update(entity.aliases)
            del entities[key]
        elif len(owners) > 1:
            del entities[key]  # "Kim" could be either Kim: nobody can confirm which


_PLACE_FIRST = {"Port": "port", "Lake": "sea", "Mount": "site", "Cape": "region", "Fort": "site", "Gulf": "sea"}


def _head_kind(name: str) -> tuple[str, str] | None:
    head = _head(name)
    first = name.split()[0]
    if first in _PLACE_FIRST and len(name.split()) > 1:
        return "place", _PLACE_FIRST[first]
    if head in _PLACE_HEADS:
        return "place", _PLACE_HEADS[head]
    if head in _ORG_HEADS:
        return "actor", _ORG_HEADS[head]
    return None


def _classify(entity: _Entity) -> tuple[str, str, str]:
    """(kind, actor_kind or place_kind, why) from the head word, titles, and how the text uses the name."""
    name = entity.name
    by_head = _head_kind(name)
    if by_head:
        return by_head[0], by_head[1], f"head word {_head(name)!r}"
    if any(m.title for m in entity.mentions):
        return "actor", "person", "title before the name"
    if any(m.role and re.search(r"\b(?:tanker|ship|vessel|frigate|ferry|boat)\b", m.role) for m in entity.mentions):
        return "actor", "ship", "described as a vessel"
    if _ACRONYM.match(name):
        return "actor", "organisation", "an acronym"
    place = sum(m.place_votes for m in entity.mentions)
    actor = sum(m.actor_votes for m in entity.mentions)
    tokens = name.split()
    if tokens[0] in _DIRECTIONS and len(tokens) == 2:
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


def _propose(entity: _Entity) -> Proposal | None:
    if len(entity.name.split()) == 1 and all(m.modifier for m in entity.mentions):
        return None  # only ever "UN sanctions", "Six-Party talks": a modifier, not an actor or place
    kind, sub, why = _classify(entity)
    best = next((m for m in entity.mentions if m.role), entity.mentions[0])
    text = best.sentence.text
    asked = once(text, best.text)
    aliases = sorted(a for a in entity.aliases if _key(a) != entity.key)
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


def _context(mention: _Mention) -> str:
    """A stand-in description a reviewer rewrites: the words around the name, the name blanked."""
    text = mention.sentence.text
    before = text[: mention.start].split()[-6:]
    after = text[mention.end :].split()[:6]
    return f"named in: “… {' '.join([*before, '___', *after])} …”"


def _distinct_roles(proposals: list[Proposal]) -> list[Proposal]:
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
