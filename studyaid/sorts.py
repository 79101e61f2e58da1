"""Sorts of facts, and when one fact's answer is a plausible wrong answer to a question on another.

A wrong option teaches something only when a reader who has not read the article cannot rule it
out: it must be of the same sort (a city among cities, goods among goods), fit every type word of
the prompt ("the *Egyptian* president", "the *African* state"), and not name the thing asked
about. The generator draws distractors through ``plausible``; the linter checks the same rules on
what was printed.
"""

from __future__ import annotations

import re

from .model import Deck, Fact
from .phrasing import (
    head_and_qualifiers,
    hints,
    mentions,
    mentions_any_form,
    name_tokens,
    proper_qualifiers,
    related,
    words,
)

NAMED_KINDS = ("actor", "place", "measure")
_PLACE_GROUPS = {"city": "settlement", "port": "settlement"}


def described(fact: Fact) -> str:
    """The phrase that says what a named fact is (an actor's role, a place's description), corrected."""
    return fact.corrected(str(fact.get("role") or fact.get("description") or fact.get("subject") or ""))


def names_of(fact: Fact) -> list[str]:
    """A fact's name and aliases (a share's part), as a reader might write them."""
    if fact.kind == "share":
        return [fact["part"]]
    if fact.get("name") is None:
        return []
    return [str(fact["name"]), *(fact.get("aliases") or ())]


def coarse_sort(fact: Fact, deck: Deck) -> str:
    """The sort a reader tells apart at a glance: a declared ``sort``, else person, state, company,
    city or port, river…; a share's part is a party (an actor of the deck) or goods."""
    if fact.get("sort"):
        return str(fact["sort"])
    if fact.kind == "actor":
        return f"actor:{fact['actor_kind']}"
    if fact.kind == "place":
        kind = str(fact["place_kind"])
        return f"place:{_PLACE_GROUPS.get(kind, kind)}"
    if fact.kind == "share":
        return "share:party" if fact["part"].casefold() in deck.actor_names else "share:goods"
    return fact.kind


def mismatch(subject: Fact, other: Fact, shown: str) -> str | None:
    """Why ``other`` is no plausible wrong answer beside ``subject`` (both named facts), or None.

    ``shown`` is ``"names"`` when the options are names and the prompt gives the subject's
    description, ``"descriptions"`` when the options are descriptions and the prompt names the
    subject. A reader tells names apart by the capitalised words before the description's head
    noun (the prompt's "*Egyptian* president" fits only Egyptians) and by a description that
    echoes its own name ("the *Russian* *ministry*" for Russia's Ministry for …).
    """
    mine, theirs = described(subject), described(other)
    their_words = words(theirs)
    their_head, their_qualifiers = head_and_qualifiers(theirs)
    for q in proper_qualifiers(mine):
        # Described so itself, before its head noun: "the North Korean leader who … Egypt" is no
        # Egyptian.
        if not any(related(q, w) for w in (*their_qualifiers, their_head)):
            return f"it is not described as {q!r}"
    if shown == "names":
        for hint in hints(mine, subject["name"]):
            if not any(related(hint, t) for t in name_tokens(other["name"])):
                return f"the answer's name echoes {hint!r} of the prompt, this one does not"
        for name in names_of(other):
            if mentions_any_form(mine, name):
                return f"the prompt names {name!r}"
        return None
    my_head, my_qualifiers = head_and_qualifiers(mine)
    for q in proper_qualifiers(theirs):
        if not any(related(q, w) for w in (*my_qualifiers, my_head)):
            return f"it is described as {q!r}, the answer is not"
    for hint in hints(mine, subject["name"]):
        if not any(related(hint, w) for w in their_words):
            return f"the answer's description echoes its name ({hint!r}), this one does not"
    head, _ = head_and_qualifiers(mine)
    typed = head and their_head and any(related(head, t) for t in name_tokens(subject["name"]))
    if typed and not related(head, their_head):
        return f"the answer's name contains its type word {head!r}"
    for name in names_of(subject):
        if mentions(theirs, name):
            return f"it names the subject {name!r}"
    return None


def plausible(subject: Fact, other: Fact, deck: Deck, shown: str) -> bool:
    """Whether ``other``'s answer may stand as a wrong option for a question on ``subject``."""
    if other.id == subject.id or coarse_sort(other, deck) != coarse_sort(subject, deck):
        return False
    if subject.kind in ("actor", "place") and other.kind == subject.kind:
        return mismatch(subject, other, shown) is None
    return True


def matching_giveaway(items: tuple[Fact, ...]) -> str | None:
    """Why a set of actors or places cannot be matched fairly to their descriptions, or None: a
    description that names another item of the set, or one that echoes its own item's name with a
    word the other descriptions lack ("the *Russian ministry*" beside no other ministry)."""
    texts = [described(f) for f in items]
    for i, f in enumerate(items):
        for j, text in enumerate(texts):
            if i != j and any(mentions(text, n) for n in names_of(f)):
                return f"the description of {items[j]['name']!r} names {f['name']!r}"
        for hint in hints(texts[i], f["name"]):
            if not all(any(related(hint, w) for w in words(t)) for j, t in enumerate(texts) if j != i):
                return f"the description of {f['name']!r} echoes its name ({hint!r})"
        for q in proper_qualifiers(texts[i]):
            # "the North Korean leader" among Egyptian leaders, "the Treasury Secretary" among
            # warlords: a qualifier no other description shares is matched by world knowledge.
            if len(texts) > 1 and not any(
                any(related(q, w) for w in head_and_qualifiers(t)[1]) for j, t in enumerate(texts) if j != i
            ):
                return f"the description of {f['name']!r} alone is {q!r}"
    return None


_CLASS_WORDS = re.compile(r"\b(lists?|among|one of|members?|hopes? to|sponsors?|also)\b", re.I)


def exclusive(description: str) -> bool:
    """Whether a description singles out one thing: one that places it on a list or in a class
    ("added to its list of state sponsors", "has not given up hopes to be a nuclear power"), or
    that says the subject "also" did it (the article's own word that others did too), may be true
    of other things too, so it is no safe wrong option and asks for no single name."""
    return not _CLASS_WORDS.search(description)


def same_head(subject: Fact, other: Fact) -> bool:
    """Whether two named facts are described with one head noun (or related ones): "the agency
    that…" does not fit what the article calls "the source of a statement"."""
    mine, _ = head_and_qualifiers(described(subject))
    theirs, _ = head_and_qualifiers(described(other))
    return not mine or not theirs or related(mine, theirs)


def name_echo(fact: Fact) -> str | None:
    """Why asking for a named fact's name from its description gives the name away, or None: the
    description's head and qualifiers say half of the name's words or more ("the American force
    sent to …" for the U.S. Expeditionary Force)."""
    text = described(fact)
    head, qualifiers = head_and_qualifiers(text)
    if not head or len(qualifiers) > 3:
        return None  # no short noun phrase to read ("the state North Korea found it harder …")
    said = [*qualifiers, head]
    for name in names_of(fact)[:1]:  # an alias may carry a title ("Major General …")
        tokens = name_tokens(name)
        if len(tokens) < 2:
            continue
        echoed = [t for t in tokens if any(related(t, w) for w in said)]
        # The type word alone ("the river that …" for the Tumen River) gives nothing away; a
        # proper word does ("the Chinese military" for the Chinese PLA).
        telling = [t for t in echoed if not related(t, head)]
        if telling and len(echoed) * 2 >= len(tokens):
            return f"the description says {', '.join(repr(t) for t in echoed)} of the name {name!r}"
    return None


def proper_name(name: str) -> bool:
    """Whether ``name`` is a name a learner can be asked for, not a description: no indefinite
    article ("a Royal Navy frigate") and a capital in its words ("the new southern transport
    corridor" is a description of something the article leaves unnamed)."""
    words = name.split()
    if not words or words[0].casefold() in ("a", "an"):
        return False
    return any(w[:1].isupper() or w[:1].isdigit() for w in words if w.casefold() != "the")


def tied_giveaway(fact: Fact, text: str, deck: Deck) -> str | None:
    """Why ``text`` gives ``fact``'s name away to a reader who knows the world, or None: it names
    (in any form: "North Korean" for North Korea) a fact that ``fact`` is ``tied_to``, as a
    capital is to its country ("Mubarak made four visits to _____ … the North Korean economy")
    or a leader to the state he led at the time ("the Russian leader" in 2019)."""
    for other_id in fact.get("tied_to") or ():
        other = deck.facts_by_id.get(other_id)
        for name in names_of(other) if other is not None else ():
            if mentions_any_form(text, name):
                return f"it names {name!r}, to which {fact['name']!r} is tied"
    return None


def born_after(other: Fact, years: tuple[int, ...]) -> bool:
    """Whether ``other`` came into being (``since``) after every year of a question's era: South
    Korea (1948) is no wrong option for the Russian Civil War."""
    since = other.get("since")
    return since is not None and bool(years) and int(since) > max(years)
