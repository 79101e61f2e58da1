"""Whether a sentence taken out of its article still says what it is about.

A cloze shows one sentence alone. "The zone was built at a cost of _____" or "… coal through
here" point back at what the article said before, and a learner cannot tell which zone or where
"here" is. A photo caption ("Graves and staff, Vladivostok, November 23, 1919") is no sentence at
all. Both are found here, for the generator (which gives such a sentence no cloze) and for the
linter (which reports one that slipped through). An editor's insertion right after the phrase
("through here [Rason]") resolves it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from .model import Deck, Fact
from .sorts import names_of

_TIME_NOUNS = r"(?:year|month|week|day|time|century|decade|morning|evening|spring|summer|autumn|winter)"
_DEMONSTRATIVE = re.compile(rf"\b(this|these|those)\b(?! {_TIME_NOUNS}\b)(?!(?: [\w’'-]+){{0,3}} ?\[)", re.I)
"""A demonstrative anywhere: "this was because of …", "these port pickups" point back."""
_PLACE_ADVERB = re.compile(
    r"\b(here|there)\b(?! ?\[)(?! (?:is|are|was|were|has|have|had|will|would|seems?|appears?|remains?|exists?)\b)",
    re.I,
)
""""through here", "still there": which place? ("there is", "there were" point nowhere.)"""
_OPENING_THE = re.compile(r"^The((?: [a-z][\w’'-]*){1,4})")
"""A sentence that opens on "The" and a common noun ("The zone was built", "The last troops
left", "The report added"): which zone, troops or report? Up to four words are looked at."""


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = _wordset(
    "was were is are has have had will would can could may might must does did "
    "left fell took made came went gave grew rose began became held sent built won saw ran met paid said "
    "told found brought bought sold kept led lost stood spent"
)
"""Words that end the opening noun phrase as its verb ("The zone was …", "The troops left …")."""
_MODIFIERS = _wordset("of for at in on by with from to that which who whose where as and near")
"""Words that begin what defines the noun ("The budget for 2024", "The store at Harbour Station")."""
_PRONOUN_OPENING = frozenset(
    ["that", "it", "its", "they", "their", "them", "he", "she", "his", "her", "him", "we", "our", "such"]
)
_EXPLETIVE = re.compile(
    r"It (?:is|was|has been|seems|appears) (?:estimated|said|reported|believed|thought|expected|likely|"
    r"unlikely|clear|possible|known|true|worth|important|cheaper|easier|harder|difficult)\b"
)
"""An "it" that points at nothing before it: "It is estimated that China exports …"."""
_INTRO_PRONOUN = re.compile(
    r"^(?:After|Before|Following|Despite|Having|While|When|Since|Once|Although|Though|During)\b[^;:]*?, "
    r"(he|she|they)\b(?! ?\[)"
)
"""A main clause whose subject is a pronoun after an opening phrase: "After serving on the jury in
the court-martial of Gen. Billy Mitchell in 1925, he retired": who retired?"""
_THE_COUNTRY = re.compile(r"\b(the (?:country|nation)(?:['’]s)?)(?![’'\w])(?! ?\[)(?! of\b)")
""""the country's chemical weapons program": which country?"""
_OPENERS = frozenset(["also", "however", "then", "later", "moreover", "meanwhile", "and", "but", "so", "thus"])


def unresolved_reference(sentence: str, terms: Collection[str] = ()) -> str | None:
    """The words of a sentence that point back at something it does not say, or None when it
    stands alone. A phrase followed by an editor's insertion in square brackets is resolved, and
    so is "The <term>" when the term (case-folded) is one the deck names ("The standard gauge")."""
    text = " ".join(sentence.split())
    words: list[str] = re.findall(r"[\w’']+", text)
    start = 1 if words and words[0].casefold() in _OPENERS else 0
    if len(words) > start and words[start].casefold() in _PRONOUN_OPENING:
        at = text.find(words[start])
        rest = text[at + len(words[start]) :]
        if not rest.lstrip().startswith("[") and not _EXPLETIVE.match(f"{words[start]}{rest}"):
            return words[start]
    found = _INTRO_PRONOUN.match(text) or _THE_COUNTRY.search(text)
    if found:
        return found.group(1)
    found = _DEMONSTRATIVE.search(text)
    if found:
        return found.group(0)
    found = _PLACE_ADVERB.search(text)
    if found:
        return found.group(0)
    found = _OPENING_THE.match(text)
    if found and not re.match(r"^The(?: [a-z][\w’'-]*){0,3} [A-Z]", text):
        # "The appeal of Rason", "The budget for 2024", "The cold store at Harbour Station": what
        # follows the noun says which it is. "The zone was built", "The troops left": nothing does.
        kept: list[str] = []
        for word in found.group(1).split():
            if word in _MODIFIERS:
                return None
            if kept and (word in _VERBS or re.fullmatch(r"[a-z]{3,}ed", word)):
                if re.match(r"^The(?: [\w’'-]+){1,4} ?\[", text) or " ".join(kept).casefold() in terms:
                    return None
                return " ".join(["The", *kept])
            kept.append(word)
    return None


def resolve(text: str, refers: Mapping[str, str]) -> str:
    """The sentence with each back-pointing phrase followed by what it means, as an editor
    marks it: "through here" -> "through here [Rason]". Only the first occurrence is marked."""
    for phrase, meaning in refers.items():
        found = re.search(rf"(?<![\w’']){re.escape(phrase)}(?![\w’'])", text)
        if found:
            text = f"{text[: found.end()]} [{meaning}]{text[found.end() :]}"
    return text


_FINAL = re.compile(r"[.!?…][”\"’')\]]*$|[”\"]$")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|must|did|does|do|"
    r"[a-z]{2,}ed|says|said|made|took|gave|went|came|left|held|sent|built|won|began|became|saw|fell)\b"
)


def is_caption(quote: str) -> bool:
    """Whether a quote is a caption rather than a sentence: no full stop at its end and, outside
    its brackets, no finite verb ("Graves (…; seated, centre) and staff, Vladivostok, 1919")."""
    text = quote.strip()
    if _FINAL.search(text):
        return False
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return not _FINITE.search(bare)


def is_caption_fact(fact: Fact) -> bool:
    """Whether the fact's quote is a picture's caption, not a sentence: as the fact declares
    (``caption``), else as its words show (``is_caption``)."""
    caption = fact.get("caption")
    return bool(caption) or (caption is None and is_caption(fact.quote))


def deck_terms(deck: Deck) -> frozenset[str]:
    """The names the deck's facts have, case-folded and without "the": a sentence opening on
    "The standard gauge" names a term, not something said before."""
    return frozenset(" ".join(n.split()).casefold().removeprefix("the ") for f in deck.facts for n in names_of(f))


__all__ = ["deck_terms", "is_caption", "is_caption_fact", "resolve", "unresolved_reference"]
