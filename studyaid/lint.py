"""The question linter: defects a careful teacher would refuse to print, found in generated questions.

It reads the questions as a learner would see them (prompt, options, sentence) beside the fact
base they came from, independently of how the generator chose them, and reports each defect with
the question, the template and the facts that caused it. ``studyaid check`` prints the warnings;
``--strict`` makes them errors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dates import FuzzyDate
from .model import Deck, Fact, Question
from .phrasing import be, cloze_echo, is_plural, leading_pronoun, mentions, states
from .sorts import NAMED_KINDS, coarse_sort, described, matching_giveaway, mismatch, names_of

CODES = {
    "echo": "an option, statement or sentence names what it is about, or the prompt states the answer",
    "sort": "options of different sorts, or a type word that only one option fits",
    "rival": "a wrong option or false statement that is also true",
    "wording": "tense, number or phrasing that does not fit the fact",
    "duplicate": "the same question twice, or two Anki notes of one type with one first field",
    "pronoun": "a cloze sentence opening on a pronoun nothing resolves",
    "verbatim": "a quote shown as the article's words that is not",
    "gap": "a year gap between unrelated events",
    "attribution": "an attribution on the wrong part of a question",
    "back": "card-back text a learner should not see (library names, bare 'ibid', lower case after a full stop)",
}
"""Every class of defect the linter reports, with what it means."""


@dataclass(frozen=True)
class Lint:
    """One defect in one question."""

    question_id: str
    template_id: str
    fact_ids: tuple[str, ...]
    code: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.question_id}: {self.code}: {self.message} "
            f"(template {self.template_id!r}, facts {', '.join(self.fact_ids)})"
        )


_HEDGE_BOUND = {"up to": "upper", "at most": "upper", "more than": "lower", "at least": "lower", "over": "lower"}
_APPROX = ("about", "roughly", "around", "estimated", "approximately", "some")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


class Index:
    """The deck's facts found by the texts that stand for them in options."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.by_name: dict[str, list[Fact]] = defaultdict(list)
        self.by_described: dict[str, list[Fact]] = defaultdict(list)
        self.dates: dict[str, tuple[float, float]] = {}
        for f in deck.facts:
            for n in names_of(f):
                self.by_name[_key(n)].append(f)
            if f.kind in NAMED_KINDS and described(f):
                self.by_described[_key(described(f))].append(f)
            if f.kind == "event" and f.get("date") is not None:  # an undated event has no span
                d: FuzzyDate = f["date"]
                self.dates[_key(d.label)] = (d.start, d.end)
                if d.year is not None:
                    self.dates.setdefault(str(d.year), (float(d.year), d.year + 1.0))

    def named(self, text: str) -> list[Fact]:
        return self.by_name.get(_key(text), [])

    def described_as(self, text: str) -> list[Fact]:
        return self.by_described.get(_key(text), [])

    def span(self, text: str) -> tuple[float, float] | None:
        key = _key(text)
        if key in self.dates:
            return self.dates[key]
        if re.fullmatch(r"\d{4}", key):
            return (float(key), float(key) + 1)
        return None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def lint(deck: Deck, questions: Sequence[Question]) -> list[Lint]:
    """Every defect the linter finds in the deck's questions, in question order."""
    index = Index(deck)
    found: list[Lint] = []
    for q in questions:
        facts = [deck.fact(i) for i in q.fact_ids if i in deck.facts_by_id]
        if not facts:
            continue
        for code, message in _question_checks(q, facts, index):
            found.append(Lint(q.id, q.template_id, q.fact_ids, code, message))
    for q, code, message in _duplicates(deck, questions):
        found.append(Lint(q.id, q.template_id, q.fact_ids, code, message))
    order = {q.id: i for i, q in enumerate(questions)}
    return sorted(found, key=lambda w: (order.get(w.question_id, 0), w.code, w.message))


def _question_checks(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    yield from _echo(q, facts, index)
    yield from _sorts(q, facts, index)
    yield from _rivals(q, facts, index)
    yield from _wording(q, facts, index)
    yield from _cloze_pronoun(q, facts)
    yield from _verbatim(q, index.deck)
    yield from _gap(q, facts)
    yield from _attribution(q, facts, index)
    yield from _back(q)


# ------------------------------------------------------------------ echo


def _states(text: str, wanted: str) -> bool:
    """Whether ``text`` holds ``wanted`` standing on its own ("2003" in "in 2003." not "12,003")."""
    return bool(wanted.strip()) and states(text, wanted)


def _echo(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    subject = facts[0]
    if q.form in ("choice", "short", "numeric") and _states(q.prompt, q.answer):
        yield "echo", f"the prompt states its answer {q.answer!r}"
    if q.form in ("choice", "true-false") and len(facts) == 1:
        shown = q.options if q.form == "choice" and q.options else ((q.shown,) if q.shown else ())
        for option in shown:
            if option == q.answer and q.form == "choice":
                continue
            for name in names_of(subject) if subject.kind in NAMED_KINDS else ():
                if _key(option) != _key(name) and mentions(option, name):
                    yield "echo", f"{_what(q)} {option!r} names the subject {name!r}"
                    break
            if q.form == "choice" and option != q.answer and index.named(option) and mentions(q.prompt, option):
                yield "echo", f"the prompt names the wrong option {option!r}"
    if q.form == "cloze" and q.cloze is not None:
        rest = " ".join(q.cloze)
        echoed = cloze_echo(q.answer, rest, names_of(subject))
        if echoed:
            yield "echo", echoed
    if q.form == "matching" and q.items and q.options:
        for description in q.options:
            for item in q.items:
                if mentions(description, item):
                    yield "echo", f"the description {description!r} names the item {item!r}"
    if q.form == "ordering" and q.items:
        for item in q.items:
            if _YEAR.search(item):
                yield "echo", f"the event {item!r} states its own year"


def _what(q: Question) -> str:
    return "the false statement's" if q.form == "true-false" else "the option"


# ------------------------------------------------------------------ sorts


def _option_facts(option: str, index: Index, described_options: bool, kind: str) -> list[Fact]:
    found = index.described_as(option) if described_options else index.named(option)
    return [f for f in found if f.kind == kind]


def _sorts(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    deck = index.deck
    subject = facts[0]
    if q.form == "matching" and len(facts) > 1:
        sorts = {coarse_sort(f, deck) for f in facts}
        if len(sorts) > 1:
            yield "sort", f"matching items of different sorts ({', '.join(sorted(sorts))})"
        giveaway = matching_giveaway(tuple(facts))
        if giveaway:
            yield "sort", giveaway
        return
    if len(facts) != 1 or q.form not in ("choice", "true-false") or subject.kind not in (*NAMED_KINDS, "share"):
        return
    answer_text = q.answer if q.form == "choice" else None
    shown = list(q.options or ()) if q.form == "choice" else ([q.shown] if q.shown and q.answer == "False" else [])
    if subject.kind == "share":
        if not any(index.named(o) for o in shown):
            return
        for option in shown:
            if option == answer_text:
                continue
            others = index.named(option)
            if others and all(coarse_sort(o, deck) != coarse_sort(subject, deck) for o in others):
                yield "sort", f"{_what(q)} {option!r} is not of the sort of {subject['part']!r}"
        return
    asked_described = _key(q.answer if q.form == "choice" else (q.shown or "")) in index.by_described or any(
        _key(o) in index.by_described for o in shown
    )
    for option in shown:
        if option == answer_text:
            continue
        others = [o for o in _option_facts(option, index, asked_described, subject.kind) if o.id != subject.id]
        if not others:
            continue
        other = others[0]
        if coarse_sort(other, deck) != coarse_sort(subject, deck):
            yield (
                "sort",
                f"{_what(q)} {option!r} is a {coarse_sort(other, deck)}, the answer a {coarse_sort(subject, deck)}",
            )
            continue
        problem = mismatch(subject, other, "descriptions" if asked_described else "names")
        if problem:
            yield "sort", f"{_what(q)} {option!r}: {problem}"


# ------------------------------------------------------------------ rivals


def _rivals(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    if len(facts) != 1 or q.form not in ("choice", "true-false"):
        return
    subject = facts[0]
    right: str | None
    if q.form == "choice":
        wrong = [o for o in q.options or () if o != q.answer]
        right = q.answer
    else:
        if q.answer != "False" or not q.shown:
            return
        wrong = [q.shown]
        right = _true_value(q)
    also = [str(a) for a in subject.get("also_true") or ()]
    aliases = [_key(n) for n in names_of(subject)]
    for option in wrong:
        if any(_same_meaning(option, a, index) for a in also):
            yield "rival", f"{option!r} is also true: the article says so too ({subject.id} also_true)"
            continue
        if _key(option) in aliases:
            yield "rival", f"{option!r} is another name of the answer"
            continue
        if right is not None:
            a, b = index.span(right), index.span(option)
            if a and b and a[0] < b[1] and b[0] < a[1]:
                yield "rival", f"{option!r} overlaps the answer's dates {right!r}"
                continue
        bound = _bound(subject)
        value, number = _number(right) if right else None, _number(option)
        if bound and value is not None and number is not None and _unit_of(option) == _unit_of(right or ""):
            kind = bound
            if (kind == "upper" and number < value) or (kind == "lower" and number > value):
                yield "rival", f"{option!r} lies within the article's bound {subject.hedge!r} {right!r}"
            elif kind == "approx" and abs(number - value) <= 0.1 * abs(value):
                yield "rival", f"{option!r} is about the article's {right!r}"
        for other in _option_facts(option, index, _key(option) in index.by_described, subject.kind):
            same_sort = other.id != subject.id and subject.kind in NAMED_KINDS and other.kind == subject.kind
            if (
                same_sort
                and q.template_id.endswith("-name-choice")
                and _key(described(other)) == _key(described(subject))
            ):
                yield "rival", f"{option!r} has the same description"


def _true_value(q: Question) -> str | None:
    """The value a false statement replaced, from the explanation's working when it names it."""
    return q.true_value


def _same_meaning(option: str, also: str, index: Index) -> bool:
    if _key(option) == _key(also):
        return True
    a, b = index.span(option), index.span(also)
    if a and b:
        return a[0] < b[1] and b[0] < a[1]
    x, y = _number(option), _number(also)
    return x is not None and x == y and _unit_of(option) == _unit_of(also)


def _bound(fact: Fact) -> str | None:
    hedges = [fact.hedge or "", *(fact.get("hedges") or ())]
    for hedge in hedges:
        if hedge in _HEDGE_BOUND:
            return _HEDGE_BOUND[hedge]
    for hedge in hedges:
        if hedge in _APPROX:
            return "approx"
    return None


def _number(text: str) -> float | None:
    found = _NUMBER.search(text)
    if not found:
        return None
    try:
        return float(found.group().replace(",", ""))
    except ValueError:
        return None


def _unit_of(text: str) -> str:
    return _NUMBER.sub("#", text.casefold()).strip()


# ------------------------------------------------------------------ wording

_DOUBLED = re.compile(r"\b(\w+) \1\b", re.I)
_NOMINAL_EVENT = re.compile(
    r"\bdid (?:the|[\w.’']+['’]s) [\w -]*?\b\w+(?:ing|ion|ment|al|ure|out|ch|se)\b of\b.*\btake place\b"
)


def _wording(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    prompt = q.prompt
    doubled = _DOUBLED.search(prompt)
    if doubled and doubled.group(1).casefold() not in ("that", "had"):
        yield "wording", f"doubled word {doubled.group()!r}"
    if re.search(r"\bwhich (\w+) is the \1\b", prompt, re.I):
        yield "wording", "the prompt names the type twice ('which place is the place …')"
    if re.search(r"\bwho or what\b", prompt, re.I):
        yield "wording", "'who or what': the prompt does not know what it asks for"
    if re.search(r"\btake place\b", prompt) and re.search(r"\bdid\b", prompt):
        yield "wording", "an event asked with 'did … take place' instead of a verb phrase"
    if re.search(r"\b(was|did|were)\b", prompt) and re.search(r"\bwill\b", prompt):
        yield "wording", "past tense asked about what the article says will happen"
    if re.search(r"\bdid\b", prompt) and re.search(r"\b(today|now)\b", prompt, re.I):
        yield "wording", "past tense with 'today'"
    for f in index.deck.facts:
        plural = f.kind in ("actor", "place") and is_plural(f["name"], str(f.get("actor_kind") or ""))
        if plural and re.search(rf"{re.escape(f['name'])} is\b", prompt):
            yield "wording", f"{f['name']!r} is plural: {be(f['name'])!r}, not 'is'"
    for f in facts:
        if f.kind != "event" or not f.asked or f.get("date") is None:
            continue
        quote = f.corrected(f.quote)
        at = quote.find(f.asked)
        before = quote[max(0, at - 20) : at].casefold() if at >= 0 else ""
        season = re.search(r"(winter|summer|spring|autumn|fall) of $", before)
        shown = f"{prompt} {q.answer} {q.shown or ''}"
        dated = f["date"].label.split("–")[0] in shown or str(f["date"].year or "") in shown
        if season and season.group(1) not in shown.casefold() and q.form != "ordering" and dated:
            yield "wording", f"the article says 'the {season.group(1)} of {f.asked}'; the question drops it"
        first_year = _YEAR.search(f.asked)
        if " and " in f.asked and first_year and re.search(rf"\bbetween (the )?[\w ]*{first_year.group()}", shown):
            yield "wording", f"the article says 'in {f.asked}'; the question says 'between'"


# ------------------------------------------------------------------ cloze, quotes, gaps


def _cloze_pronoun(q: Question, facts: list[Fact]) -> Iterable[tuple[str, str]]:
    if q.form != "cloze" or q.cloze is None:
        return
    sentence = q.cloze[0] + q.answer + q.cloze[1]
    pronoun = leading_pronoun(sentence)
    if pronoun and not q.context:
        yield "pronoun", f"the sentence opens on {pronoun!r}, which nothing in it resolves"


_EDITOR_MARK = re.compile(r" ?\[(?:sic|[^\]]*)\]")


def unmarked(text: str) -> str:
    """A quote with its editor's marks taken out: "log-term [sic]" -> "log-term"."""
    return _EDITOR_MARK.sub("", text)


def _verbatim(q: Question, deck: Deck) -> Iterable[tuple[str, str]]:
    for ref in q.sources:
        fact = deck.facts_by_id.get(ref.fact_id)
        if fact is None:
            continue
        if " ".join(unmarked(ref.quote).split()) != " ".join(fact.quote.split()):
            yield "verbatim", f"the quote from {fact.id} is not the article's words"


def _gap(q: Question, facts: list[Fact]) -> Iterable[tuple[str, str]]:
    if q.numeric is None or q.numeric.unit != "years" or len(facts) != 2:
        return
    a, b = facts
    if not (set(a.get("actors") or ()) & set(b.get("actors") or ())):
        yield "gap", f"the gap between {a.id} and {b.id}, events with no actor in common"


def _attribution(q: Question, facts: list[Fact], index: Index) -> Iterable[tuple[str, str]]:
    for f in facts:
        if not f.attribution or f.kind != "event":
            continue
        for actor in f.get("actors") or ():
            other = index.deck.facts_by_id.get(actor)
            if other is not None and any(_key(n) == _key(f.attribution) for n in names_of(other)):
                yield "attribution", f"'according to {f.attribution}' on an event that {f.attribution} itself did"
                return


def _back(q: Question) -> Iterable[tuple[str, str]]:
    if re.search(r"\bpint\b", q.explanation):
        yield "back", "the explanation names a library"
    if re.search(r"[a-z0-9)\]”\"]\.\s+[a-z]", q.explanation):
        yield "back", "lower case after a full stop in the explanation"
    for ref in q.sources:
        if re.search(r"note \[[ivx]+\]: ibid\b", ref.citation, re.I):
            yield "back", "a footnote that says only 'ibid'"
            break


# ------------------------------------------------------------------ duplicates


def note_role(q: Question) -> str:
    """Which Anki note type a question becomes, for the first-field check (mirrors the exporter)."""
    if q.template_id == "actor-name-short":
        return "actor"
    if q.form == "choice":
        return "choice"
    if q.form == "cloze":
        return "cloze"
    return "basic"


def first_field(q: Question) -> str:
    """What Anki compares for duplicates: the first field of the question's note."""
    role = note_role(q)
    if role == "cloze" and q.cloze is not None:
        return q.cloze[0] + q.answer + q.cloze[1]
    if role == "actor":
        return q.answer
    if q.form in ("ordering", "matching") and q.items:
        return f"{q.prompt} {'; '.join(q.items)}"
    return q.prompt


def _duplicates(deck: Deck, questions: Sequence[Question]) -> Iterable[tuple[Question, str, str]]:
    seen: dict[tuple[object, ...], str] = {}
    firsts: dict[tuple[str, str], str] = {}
    for q in questions:
        key = (q.prompt, q.options, q.items, q.answer)
        if key in seen:
            yield q, "duplicate", f"the same prompt, options and answer as {seen[key]}"
        else:
            seen[key] = q.id
        first = (note_role(q), _key(first_field(q)))
        if q.form == "cloze":
            continue  # the Anki export makes one note of every cloze on one sentence (c1, c2 …)
        if first in firsts:
            yield q, "duplicate", f"the same first field as {firsts[first]} in the {first[0]} note type"
        else:
            firsts[first] = q.id
