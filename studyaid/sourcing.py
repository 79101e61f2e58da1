"""How a question shows the sentence it rests on: the article's words with editor's marks, whether
it stands alone, cut around the asked span for a cloze, and cited with its note."""

from __future__ import annotations

from collections.abc import Mapping

from .cleantext import find_spans
from .derive.base import per_deck
from .errors import TemplateError
from .model import Deck, Fact, SourceRef
from .phrasing import leading_pronoun
from .standalone import deck_terms, is_caption_fact, resolve, unresolved_reference


def citation(deck: Deck, fact: Fact) -> str:
    """How a fact is cited: the article, and its footnote when the sentence has one."""
    s = deck.source_of(fact)
    text = s.reference
    if fact.footnote:
        text += f"; note [{fact.footnote}]: {footnote_text(s.footnotes, fact.footnote)}"
    return text


def footnote_text(footnotes: Mapping[str, str], key: str) -> str:
    """A footnote's text with "ibid" resolved to the note it repeats (the one before it)."""
    keys = list(footnotes)
    at = keys.index(key)
    while at > 0 and footnotes[keys[at]].strip().casefold().rstrip(".") in ("ibid", "ibidem"):
        at -= 1
    return footnotes[keys[at]]


_LOWER = frozenset(["a", "an", "and", "the", "of", "to", "in", "on", "for", "or", "at", "by", "with", "from"])


def marked(fact: Fact, text: str) -> str:
    """The article's words with its evident slips marked as an editor would, inside square
    brackets: "log-term [sic]" for a misspelt common word, "Tyumen [Tumen]" for a name."""
    for fix in fact.corrections:
        if fix.verbatim not in text:
            continue
        old, new = fix.verbatim.split(), fix.correct.split()
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        wrong = " ".join(old[head : len(old) - tail])
        right = " ".join(new[head : len(new) - tail])
        # A common word put for another ("log-term", "between to two nations") is marked [sic]:
        # "to [the]" would read as the article's own "to" followed by an insertion.
        common = right.islower() and len(right.split()) == 1 and (right not in _LOWER or wrong.islower())
        mark = f"{wrong} [sic]" if common and wrong else f"{wrong} [{right}]" if wrong else f"[{right}]"
        text = text.replace(fix.verbatim, " ".join([*old[:head], mark, *old[len(old) - tail :]]))
    return text


def stands_alone(fact: Fact, sentence: str, terms: frozenset[str] = frozenset()) -> bool:
    """Whether a cloze of this sentence can be shown alone: a sentence, not a caption, with no
    words that point back at what the article said before it (unless ``refers`` says what they mean)."""
    if is_caption_fact(fact):
        return False
    return not leading_pronoun(sentence) and unresolved_reference(sentence, terms) is None


terms_of = per_deck(deck_terms)
"""The deck's own terms, found once per deck: words a quote may use without pointing back."""


def shown_quote(fact: Fact, text: str) -> str:
    """Words of the fact's quote as every output shows them: the article's, with editor's marks
    for its slips and for what its back-pointing words mean ("through here [Rason]")."""
    return resolve(marked(fact, text), dict(fact.get("refers") or ()))


def cloze_split(fact: Fact) -> tuple[str, str] | None:
    """The source sentence split around its asked span, the rest with editor's marks: the blank
    stands for the corrected words, everything shown is the article's."""
    if not fact.asked:
        return None
    quote = fact.quote
    spans = find_spans(quote, fact.asked, whole_words=True)
    if len(spans) != 1:
        raise TemplateError(f"the cloze answer {fact.asked!r} occurs {len(spans)} times in the quote, not once")
    at = spans[0]
    return shown_quote(fact, quote[:at]), shown_quote(fact, quote[at + len(fact.asked) :])


def source_ref(fact: Fact, deck: Deck) -> SourceRef:
    """The sentence a question rests on, marked, with its asked span and citation."""
    return SourceRef(
        fact.id, shown_quote(fact, fact.quote), marked(fact, fact.asked) if fact.asked else None, citation(deck, fact)
    )
