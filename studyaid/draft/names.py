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
from collections.abc import Iterable

from ..units import CURRENCIES
from ..wording import MONTHS
from .name_kinds import (
    ACRONYM,
    ACTOR_AFTER,
    DIRECTIONS,
    OF,
    Entity,
    Mention,
    classify,
    count_votes,
    distinct_roles,
    head_kind,
    head_word,
    name_key,
    propose,
)
from .proposal import Proposal
from .text import Sentence
from .wordlists import WordLists

_WORDS = WordLists.read("names.txt")
"""The word lists below, kept as data in ``names.txt`` beside this module."""
_TOKEN = r"(?:[A-Z]\.(?:\s?[A-Z]\.)+|[A-Z][a-z]{0,3}\.|[A-Z](?:[\w’']|-(?!-))*[\w’]|[A-Z](?![’'\w]))"
_CONNECT = r"(?:\s(?:of|for|of the|for the|on)\s|\s(?:el|al|ad|ibn|bin|de|du|da|van|von|le|la)[-\s]|\s{1,2})"
_SPAN = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:{_CONNECT}{_TOKEN})*")
_QUOTED_NAME = re.compile(r"[‘'](?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})[’']")
_POSSESSIVE = re.compile(r"[’']s?$")

_STOP_FIRST = _WORDS.words("stop_first")
"""Words a sentence may open with that are no name of anything."""
_NOT_NAMES = set(MONTHS) | _WORDS.words("not_names")
_TITLES = "|".join(re.escape(title) for title in _WORDS.lines("titles"))
_TITLE_PREFIX = re.compile(rf"^(?P<title>(?:[A-Z][a-z]+\s)?(?:(?:{_TITLES})\s)+)(?P<rest>[A-Z].*)$")
_THING_HEADS = _WORDS.words("thing_heads")
"""Heads of names that are no actor or place (a war, a treaty, a medal): left for later kinds."""
_VERBISH = _WORDS.words("verbish")
"""Lowercase words after a name that show it is used as a name, not as a modifier (``UN sanctions``)."""
_HYPHEN_ADJECTIVE = re.compile(r"-[a-z]*(?:ed|ing|made|based|led|run|owned|born|style|type|era)$")
_ADJECTIVE_END = re.compile(r"(?:ous|ful|ive|able|ible|al|ic|less|ary|ern|ish)$")
_SPEECH = re.compile(r"^\s(?:said|says|stated|told|added|argued|wrote|declared|insisted|agreed|ordered|authorized)\b")
_DEMONYM = re.compile(r"^[A-Z][a-z]{2,}(?:ian|ians|ean|eans|ese|ish|ans)$")
_GROUP_NOUNS = re.compile(r"^\s(?P<noun>rebels|militias?|guerrillas|insurgents|separatists|tribesmen)\b")
_PLACE_NOUNS = re.compile(r"^(?P<words>(?:\s[a-z]+){0,1}\s(?:zone|bridge|pipeline|corridor|railway|canal|port|dam))\b")
_OF_HEADS = _WORDS.words("of_heads")
"""Heads that an ``of`` continues: ``Republic of Korea``, ``Ministry for the Far East Development``."""
_DESCRIPTOR_STOP = _WORDS.words("descriptor_stop")
_APPOSITION_START = re.compile(r"^(?:the|a|an|its|his|her|their|one|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*[’']s)\s", re.I)


def propose_names(sentences: Iterable[Sentence]) -> list[Proposal]:
    """One proposal per distinct actor or place the sentences name, with aliases and a role."""
    sentences = list(sentences)
    mid_sentence = _capitalised_mid_sentence(sentences)
    # A capitalised word whose lowercase form the article also uses (Bituminous, bituminous) is grammar.
    lower_words = frozenset(w for s in sentences for w in re.findall(r"\b[a-z][a-z’'-]+\b", s.text))
    entities: dict[str, Entity] = {}
    long_forms: dict[str, str] = {}
    order: list[str] = []
    for sentence in sentences:
        for mention, acronym in _mentions(sentence, mid_sentence, lower_words):
            key = name_key(mention.text)
            if key in long_forms:
                key = long_forms[key]
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = Entity(mention.text)
                order.append(key)
            entity.mentions.append(mention)
            if mention.title:
                entity.aliases.add(f"{mention.title} {mention.text}")
            tail = mention.text.split()[-1]
            if len(mention.text.split()) > 1 and ACRONYM.match(tail):
                entity.aliases.add(tail)
            if acronym:
                entity.aliases.add(acronym)
                long_forms.setdefault(name_key(acronym), key)
                if name_key(acronym) in entities and name_key(acronym) != key:
                    other = entities.pop(name_key(acronym))
                    order.remove(name_key(acronym))
                    entity.mentions.extend(other.mentions)
    _merge_surnames(entities, order)
    proposals = [p for key in order if key in entities and (p := propose(entities[key])) is not None]
    return distinct_roles(proposals)


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
) -> list[tuple[Mention, str | None]]:
    text = sentence.text
    found: list[tuple[Mention, str | None]] = []
    if _heading(text):
        return found
    for match in _SPAN.finditer(text):
        for start, words in _split_of(*_split_possessives(match.start(), match.group(0))):
            got = _mention(sentence, text, start, words, mid_sentence, lower_words)
            if got is not None:
                found.append(got)
    for match in _QUOTED_NAME.finditer(text):
        if not any(m.start <= match.start("name") < m.end for m, _ in found):
            mention = Mention(sentence, match.start("name"), match.end("name"), match["name"])
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
    return titled["rest"] if titled and head_kind(titled["rest"]) is None else name


def _split_of(*pieces: tuple[int, str]) -> list[tuple[int, str]]:
    """``Republic of Korea`` is one name; ``Russia of North Korean labour`` is not."""
    result: list[tuple[int, str]] = []
    for start, words in pieces:
        at = 0
        for match in OF.finditer(words):
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
) -> tuple[Mention, str | None] | None:
    end = start + len(words)
    title = None
    titled = _TITLE_PREFIX.match(words)
    if titled and head_kind(titled["rest"]) is None:
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
        acts = bool(ACTOR_AFTER.match(text[end:]))
        multi = len(words.split()) > 1
        known = (
            first in mid_sentence
            or (multi and head_kind(words) is not None)
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
    if len(words.split()) >= 2 and _DEMONYM.match(first_token) and head_kind(words) is None:
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
    if head_word(words) in _THING_HEADS or words in CURRENCIES:
        return None
    mention = Mention(sentence, start, end, words, title)
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
    if paren and not ACRONYM.match(words):
        acronym = paren["acr"]
    _role(mention, text)
    count_votes(mention, text)
    return mention, acronym


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
    return not (adjective and tokens[0] in DIRECTIONS | {tokens[-1]})


def _role(mention: Mention, text: str) -> None:
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


def _merge_surnames(entities: dict[str, Entity], order: list[str]) -> None:
    """``Trump`` after ``Donald Trump``: an alias, when exactly one full name ends (or starts) so."""
    people = [e for e in entities.values() if len(e.name.split()) >= 2 and not ACRONYM.match(e.name)]
    for key in list(order):
        entity = entities.get(key)
        if entity is None or len(entity.name.split()) != 1:
            continue
        word = entity.name
        owners = [p for p in people if word in (p.name.split()[-1], p.name.split()[0]) and p is not entity]
        owners = [p for p in owners if classify(p)[1] == "person"]
        if len(owners) == 1:
            owner = owners[0]
            owner.mentions.extend(entity.mentions)
            owner.aliases.add(word)
            owner.aliases.update(entity.aliases)
            del entities[key]
        elif len(owners) > 1:
            del entities[key]  # "Kim" could be either Kim: nobody can confirm which
