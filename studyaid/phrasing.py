"""How a fact's noun phrases read: head noun, qualifiers, number, tense, and words that hint.

Question quality rests on these: options of one sort share a head noun's class, a name that
contains a word of its own description gives the description away, "the Houthi rebels" takes
"are", a subject that "will make" something is asked about with "is", not "was".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

_STOP = frozenset(
    [
        "who",
        "whom",
        "whose",
        "that",
        "which",
        "where",
        "when",
        "what",
        "why",
        "how",
        "of",
        "to",
        "from",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "near",
        "between",
        "through",
        "against",
        "alongside",
        "into",
        "onto",
        "under",
        "over",
        "after",
        "before",
        "since",
        "during",
        "via",
        "within",
        "without",
        "as",
        "than",
        ",",
        ";",
        "(",
        ":",
        "described",
        "named",
        "known",
        "sent",
        "brought",
        "defeated",
        "used",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "the",
        "a",
        "an",
    ]
)
"""Words that end a noun phrase's head: a relative word, a preposition, a participle or a new article."""
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"])
_WORD = re.compile(r"[\w][\w'’.-]*")
PRONOUNS = frozenset(
    [
        "it",
        "its",
        "they",
        "their",
        "them",
        "these",
        "those",
        "this",
        "that",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "theirs",
        "such",
    ]
)
"""Words that, opening a sentence, point back at something said before it."""
_SINGULAR_ENDINGS = ("ss", "us", "is", "ics", "news")
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
"""A number as an article writes it: 1,435; 76.8."""


def words(text: str) -> list[str]:
    """The words of a phrase, punctuation dropped (hyphens, apostrophes and inner dots kept)."""
    return [w.rstrip(".") for w in _WORD.findall(text) if w.rstrip(".")]


def head_and_qualifiers(phrase: str) -> tuple[str, tuple[str, ...]]:
    """A noun phrase's head noun and the words before it: "the Russian port near which …" ->
    ("port", ("Russian",)); "North Korea's large northern neighbour, with …" -> ("neighbour", …)."""
    tokens = re.findall(r"[\w][\w'’.-]*|[,;(:]", phrase)
    if tokens and tokens[0].casefold() in _DETERMINERS:
        tokens = tokens[1:]
    head: list[str] = []
    for token in tokens:
        if token.casefold() in _STOP and head:
            break
        if token.casefold() in _STOP:
            continue
        head.append(token.rstrip("."))
    if not head:
        return "", ()
    return head[-1], tuple(head[:-1])


def proper_qualifiers(phrase: str) -> tuple[str, ...]:
    """The capitalised words before a phrase's head noun: nationalities and places ("Egyptian",
    "North", "Korea's"), the words a reader uses to tell one option from another by world knowledge."""
    head, qualifiers = head_and_qualifiers(phrase)
    return tuple(q for q in qualifiers if q[:1].isupper())


def stem(word: str) -> str:
    """A word folded for matching related forms: possessive dropped, case folded."""
    folded = word.casefold().replace("’", "'")
    for suffix in ("'s", "'"):
        folded = folded.removesuffix(suffix)
    return folded


def related(a: str, b: str) -> bool:
    """Whether two words are forms of one another: Russia/Russian, China/Chinese, Egypt/Egypt's,
    Japan/Japanese-funded, ministry/Ministry (a common start of at least four letters, covering
    most of the shorter word)."""
    x, y = stem(a), stem(b)
    if not x or not y:
        return False
    if x == y or y in _SAME.get(x, ()) or x in _SAME.get(y, ()):
        return True
    for part_x in x.split("-"):
        for part_y in y.split("-"):
            if part_x == part_y and len(part_x) >= 3:
                return True
            common = 0
            for cx, cy in zip(part_x, part_y, strict=False):
                if cx != cy:
                    break
                common += 1
            if common >= 4 and common >= 0.6 * min(len(part_x), len(part_y)):
                return True
    return False


_SAME = {
    "american": ("u.s", "us", "usa", "america"),
    "british": ("uk", "britain", "u.k"),
    "soviet": ("ussr", "u.s.s.r"),
    "dutch": ("netherlands",),
}
"""Demonyms whose country is written otherwise: "the American force" names the U.S. force."""
_COMMON = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "for",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "with",
        "from",
        "by",
        "at",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
    ]
)
"""Words too common to count as one phrase naming another (a name's "the", "United" in two names)."""


def name_tokens(name: str) -> list[str]:
    """The distinctive words of a name: "the Rason Special Economic Zone" -> Rason, Special,
    Economic, Zone (common words left out)."""
    return [w for w in words(name) if stem(w) not in _COMMON and len(stem(w)) >= 2]


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``: the whole name, or every capitalised distinctive word of it
    ("Rason" in "… a railway runs to Rason"; "Kim Jong-un" needs both words, so "Kim Il Sung" is
    not named by it)."""
    folded = f" {' '.join(words(text)).casefold()} "
    full = " ".join(words(name)).casefold()
    if full and f" {full} " in folded:
        return True
    tokens = [stem(t) for t in name_tokens(name) if t[:1].isupper() or t[:1].isdigit()]
    if not tokens or all(len(t) < 3 for t in tokens):
        return False
    text_words = {stem(w) for w in words(text)}
    return all(t in text_words for t in tokens)


def mentions_any_form(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` or says it by a related form of every capitalised word of
    it ("North Korean weapons" names North Korea, "Russian objections" Russia): an option a
    prompt names so is no plausible wrong answer."""
    if mentions(text, name):
        return True
    tokens = [t for t in name_tokens(name) if t[:1].isupper() and len(stem(t)) >= 4]
    if not tokens or len(tokens) < len([t for t in name_tokens(name) if t[:1].isupper()]):
        return False
    text_words = [w for w in words(text) if w[:1].isupper()]
    return all(any(related(t, w) for w in text_words) for t in tokens)


def hints(description: str, name: str) -> tuple[str, ...]:
    """Words of a description's head and qualifiers that echo a word of the name it describes:
    "the Russian ministry that says …" for "Russia's Ministry for the Far East Development" ->
    ("Russian", "ministry"). Options without the same echo are told apart by it alone."""
    head, qualifiers = head_and_qualifiers(description)
    tokens = name_tokens(name)
    return tuple(w for w in (*qualifiers, head) if w and any(related(w, t) for t in tokens))


@cache
def is_plural(name: str, kind: str = "") -> bool:
    """Whether a name takes a plural verb: "the Houthi rebels", "the UN experts", "the Cossacks"
    (a state such as "the United States" is one)."""
    if kind in ("state", "country") or not (name.startswith("the ") or kind == "group"):
        return False
    last = words(name)[-1] if words(name) else ""
    if not last or last.isupper() or not last[:1].isalpha():
        return False
    return last.endswith("s") and not last.casefold().endswith(_SINGULAR_ENDINGS)


def be(name: str, kind: str = "", tense: str = "present") -> str:
    """The form of "to be" that agrees with ``name``."""
    plural = is_plural(name, kind)
    if tense == "past":
        return "were" if plural else "was"
    return "are" if plural else "is"


_FUTURE = re.compile(r"\b(will|shall|is to|are to|plans? to|planned|expected to)\b", re.I)
_PRESENT = re.compile(
    r"\b(today|now|currently|each (year|month|day|week)|per (year|month|day)|a (year|month|day)|"
    r"every|at current prices|has|have|is|are)\b",
    re.I,
)


def tense_of(*phrases: str) -> str:
    """``future`` for what an article says will happen, ``present`` for what holds now or every
    year, else ``past``: the tense a question about the fact asks in."""
    text = " ".join(p for p in phrases if p)
    if _FUTURE.search(text):
        return "future"
    if _PRESENT.search(text):
        return "present"
    return "past"


def leading_pronoun(sentence: str) -> str | None:
    """The pronoun a sentence opens with when nothing in it says what the pronoun means."""
    first = words(sentence)[:1]
    if not first:
        return None
    word = first[0].casefold().replace("’", "'")
    # "This business deal, …" points back as much as "This" alone: which deal?
    return first[0] if word in PRONOUNS else None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def cloze_echo(answer: str, rest: str, names: Sequence[str]) -> str | None:
    """Why a cloze gives itself away: more than half of the answer's distinctive words stand
    elsewhere in the sentence ("DR Congo" beside "Congo had purchased"), or, when the answer is
    a name, the sentence names it another way (an alias); None when it does not."""
    if any(ch.isdigit() for ch in answer):
        numbers = NUMBER.findall(answer)
        again = [n for n in numbers if n in NUMBER.findall(rest)]
        return f"the cloze answer's number {again[0]} stands elsewhere in the sentence" if again else None
    tokens = [t for t in name_tokens(answer) if len(stem(t)) >= 3]
    rest_words = {stem(w) for w in words(rest)}
    found = [t for t in tokens if stem(t) in rest_words]
    if tokens and len(found) > len(tokens) / 2:
        return f"the cloze answer's {', '.join(repr(t) for t in found)} stands elsewhere in the sentence"
    # "The _____ fought the White Army": the answer's head word stands in the sentence, so the
    # blank is the other one of a pair ("Red Army"), and a word's opposite gives the word.
    every = name_tokens(answer)
    if len(every) > 1 and len(stem(every[-1])) >= 3 and stem(every[-1]) in rest_words:
        return f"the cloze answer's head word {every[-1]!r} stands elsewhere in the sentence"
    opposite = OPPOSITES.get(stem(every[0])) if len(every) == 1 else None
    if opposite and opposite in rest_words:
        return f"the cloze answer {every[0]!r} has its opposite {opposite!r} in the sentence"
    if any(_key(answer) in _key(n) or _key(n) in _key(answer) for n in names):
        for name in names:
            if _key(name) != _key(answer) and _key(answer) not in _key(name) and mentions(rest, name):
                return f"the sentence names the answer another way ({name!r})"
    return None


_PAIRS = (
    ("red", "white"),
    ("north", "south"),
    ("east", "west"),
    ("eastern", "western"),
    ("northern", "southern"),
    ("upper", "lower"),
    ("left", "right"),
    ("black", "white"),
    ("import", "export"),
    ("imports", "exports"),
    ("inbound", "outbound"),
    ("minimum", "maximum"),
    ("first", "last"),
    ("before", "after"),
    ("rise", "fall"),
    ("increase", "decrease"),
    ("buyer", "seller"),
    ("winner", "loser"),
)
OPPOSITES = {a: b for pair in _PAIRS for a, b in (pair, pair[::-1])}
"""Words whose opposite in a cloze sentence gives them away (one of a pair: "White" gives "Red")."""


_RESTATED_AFTER = re.compile(r"^\s*\([^)]*\d[^)]*\)")
_RESTATED_BEFORE = re.compile(r"\d[\d,.]*\s*[A-Za-z.$%]{0,12}\s*\(\s*$")


def restated(answer: str, before: str, after: str) -> bool:
    """Whether a figure's blank stands beside the same figure in other units: "_____ (4 ft. 11
    27⁄32 in)" or "1,520 mm (_____)" is answered by converting."""
    if not any(ch.isdigit() for ch in answer):
        return False
    return bool(_RESTATED_AFTER.match(after) or _RESTATED_BEFORE.search(before))


def balanced(text: str) -> bool:
    """Whether every quotation mark and bracket a sentence opens it also closes: a sentence cut
    from a longer quotation ("… “in 2016, turnover stood at …") reads as broken on its own."""
    pairs = (("“", "”"), ("(", ")"), ("[", "]"))
    return all(text.count(a) == text.count(b) for a, b in pairs) and text.count('"') % 2 == 0


def states(text: str, wanted: str) -> bool:
    """Whether ``text`` holds ``wanted`` standing on its own ("2003" in "in 2003." but not in "20031"
    or "12,003"): generation drops a question that states its answer and the linter reports one, so
    both must mean the same thing by "states"."""
    text, wanted = text.casefold(), wanted.casefold()
    start = text.find(wanted)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + len(wanted)] if start + len(wanted) < len(text) else " "
        if not (before.isalnum() or before in ".,_") and not (after.isalnum() or after == "_"):
            return True
        start = text.find(wanted, start + 1)
    return False
