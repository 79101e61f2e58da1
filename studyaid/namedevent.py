"""Named historical events ("the Six-Day War", "the Treaty of Versailles"): common knowledge dates them.

An event whose subject is itself a proper-named war, revolution, treaty or crisis is no test of
the article when asked for its date: any reader knows the Six-Day War was in 1967. Such an event
is not asked for its date (year, date, years since, cloze) and pairs in a year gap or an ordering
only with an event the article has to tell.
"""

from __future__ import annotations

import re

from .model import Fact

HEAD_NOUNS = frozenset(
    [
        "War",
        "Wars",
        "Revolution",
        "Treaty",
        "Crisis",
        "Olympics",
        "Games",
        "Uprising",
        "Rebellion",
        "Revolt",
        "Battle",
        "Siege",
        "Massacre",
        "Invasion",
        "Coup",
        "Putsch",
        "Armistice",
        "Accord",
        "Accords",
        "Pact",
        "Blockade",
        "Airlift",
        "Offensive",
        "Intifada",
        "Spring",
        "Genocide",
        "Holocaust",
        "Partition",
        "Reformation",
    ]
)
"""Head nouns that make a capitalised name an event's own name ("Six-Day War", "Bolshevik Revolution")."""

_CONNECTORS = frozenset({"of", "the", "and", "on", "at", "de"})
"""Small words inside a name ("Treaty of Versailles", "Battle of the Bulge")."""

_AFTER_NAME = frozenset(
    [
        "in",
        "of",
        "that",
        "which",
        "who",
        "when",
        "where",
        "between",
        "against",
        "with",
        "over",
        "at",
        "on",
        "by",
        "for",
        "from",
        "during",
        "to",
        "and",
        "after",
        "before",
        "as",
    ]
)
"""Words that may follow a name and end it ("the Six-Day War in which …"), unlike a noun that
makes the name a modifier ("the Korean War armistice")."""

_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def names_historical_event(what: str) -> bool:
    """Whether the noun phrase is a named historical event: after "the", a run of capitalised words
    (and years) whose head noun names an event, and which ends the phrase or a clause follows."""
    words = _WORD.findall(what)
    if words and words[0].casefold() == "the":
        words = words[1:]
    run: list[str] = []
    for i, word in enumerate(words):
        inside = word in _CONNECTORS and bool(run) and i + 1 < len(words) and words[i + 1][:1].isupper()
        if word[:1].isupper() or word.isdigit() or inside:
            run.append(word)
        else:
            ends_name = not word[:1].isalnum() or word in _AFTER_NAME
            return ends_name and _headed(run)
    return _headed(run)


def _headed(run: list[str]) -> bool:
    """Whether a capitalised run names an event: an event noun at its end or before "of"."""
    named = [w for w in run if not w.isdigit() and w not in _CONNECTORS]
    if not named or any(w.endswith(("’s", "'s")) for w in named):
        return False
    heads = [run[-1], *(run[i - 1] for i, w in enumerate(run) if w == "of" and i)]
    return any(h in HEAD_NOUNS for h in heads)


def is_named_event(fact: Fact) -> bool:
    """Whether the fact is an event that is itself a named historical event: as the deck declares
    (``named_event``), else as its noun phrase shows (``names_historical_event``)."""
    if fact.kind != "event":
        return False
    declared = fact.get("named_event")
    return bool(declared) or (declared is None and names_historical_event(fact.event.what))


__all__ = ["HEAD_NOUNS", "is_named_event", "names_historical_event"]
