"""Derivations over shares of a whole: the share, the part, the amount it comes to, the remainder."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from ..model import Deck, Fact
from ..wording import amount_unit_words, format_percent, stated_places
from .amount import amount_text, hedged_by
from .base import Answer, Derivation, Group, per_deck, significant_places


def share_scope(f: Fact) -> tuple[str, str]:
    """Shares of one whole: same linked amount, or same whole and time."""
    return (f.share.of or f.share.whole.casefold(), (f.share.when or "").casefold())


def share_groups(facts: Sequence[Fact], deck: Deck) -> dict[tuple[str, str], list[Fact]]:
    """Shares keyed by the whole they divide, each list sorted by id."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.id):
        groups.setdefault(share_scope(f), []).append(f)
    return groups


def whole_of(f: Fact, deck: Deck) -> str | None:
    """The linked whole of a share, as the article writes it."""
    if f.kind != "share" or not f.share.of:
        return None
    whole = linked_amount(f, deck)
    return hedged_by(amount_text(whole), whole)


def linked_amount(f: Fact, deck: Deck) -> Fact:
    """The amount fact a share's whole is (the share links one by ``of``)."""
    assert f.share.of is not None, f"share {f.id!r} links no amount"
    return deck.fact(f.share.of)


_WORD_FRACTIONS = {
    "half": Fraction(1, 2),
    "one half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "one third": Fraction(1, 3),
    "a third": Fraction(1, 3),
    "two thirds": Fraction(2, 3),
    "one quarter": Fraction(1, 4),
    "a quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "one fifth": Fraction(1, 5),
    "a fifth": Fraction(1, 5),
    "one tenth": Fraction(1, 10),
    "a tenth": Fraction(1, 10),
}


def _words(f: Fact) -> str:
    return " ".join((f.corrected(f.asked) if f.asked else "").casefold().replace("-", " ").split())


def share_fraction(f: Fact) -> Fraction:
    """A share as an exact fraction of its whole: the article's "one third" stays 1/3 (the deck
    stores 33.3 only to the precision a percentage is written with), else value/100."""
    exact = _WORD_FRACTIONS.get(_words(f))
    if exact is not None and abs(float(exact) * 100 - f.share.value) < 0.5:
        return exact
    return Fraction(str(f.share.value)) / 100


def share_text(f: Fact) -> str:
    """A share as the article states it: "one third" where it says so, else "92.5%"."""
    if _words(f) in _WORD_FRACTIONS and share_fraction(f) != Fraction(str(f.share.value)) / 100:
        return " ".join(f.corrected(f.asked or "").split())
    return format_percent(f.share.value)


def share_worth(f: Fact, deck: Deck) -> Fraction:
    """What a share of a linked amount stands for, exactly: one third of 900 is 300."""
    return share_fraction(f) * Fraction(str(linked_amount(f, deck).figure.value))


def _same_part(g: Group, o: Group) -> bool:
    return share_scope(g[0]) == share_scope(o[0]) and g[0].share.part.casefold() == o[0].share.part.casefold()


def share_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    when = f" {f.share.when}" if f.share.when else ""
    return Answer(
        format_percent(f.share.value),
        f.share.value,
        "per cent",
        1,
        f"{f.share.part}: {format_percent(f.share.value)} of {f.share.whole}{when}.",
    )


@per_deck
def _share_values(deck: Deck) -> Counter[tuple[tuple[str, str], float]]:
    """How many shares of each whole have each value."""
    return Counter((share_scope(o), o.share.value) for o in deck.facts if o.kind == "share")


DOMINANT = 90.0
"""Per cent above which a part all but is its whole: asked for by its share, such a near-monopoly
is the whole's well-known main partner (China's 92.5 % of North Korea's trade), which tests
nothing of the article; below it (Russia's 85 % of the coal imports, after China's years on top)
the part is no common knowledge."""


def _unique_value_in_scope(g: Group, deck: Deck) -> bool:
    """A part can be asked for by its share only when no other part of the whole has that share
    (parts that each hold the same share have it too, so they are never asked this way) and the
    share is not so large (``DOMINANT``) that the part is the whole's obvious main one."""
    f = g[0]
    if f.share.parts or f.share.value > DOMINANT:
        return False
    return _share_values(deck)[(share_scope(f), f.share.value)] == 1


def _same_value(g: Group, o: Group) -> bool:
    return share_scope(g[0]) == share_scope(o[0]) and g[0].share.value == o[0].share.value


def share_part(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(
        f.share.part, working=f"{f.share.part} accounted for {format_percent(f.share.value)} of {f.share.whole}."
    )


def of_single_amount(g: Group, deck: Deck) -> bool:
    return bool(g[0].share.of) and linked_amount(g[0], deck).figure.value_max is None


def share_amount(g: Group, deck: Deck) -> Answer:
    """The value a share of a linked amount comes to, exact where the fraction is ("one third" ×
    $900 million = $300 million), carrying the hedges of the share and of the whole."""
    f = g[0]
    whole = linked_amount(f, deck)
    worth = share_worth(f, deck)
    exact = float(worth)
    places = 0 if exact.is_integer() else significant_places(exact)
    shown = amount_text(whole, round(exact, places))
    equals = "=" if Fraction(str(round(exact, places))) == worth else "≈"
    both = hedged_by(shown, f, whole)
    return Answer(
        shown,
        round(exact, places),
        amount_unit_words(whole.figure.unit, whole.figure.scale, whole.figure.noun),
        places,
        f"{hedged_by(share_text(f), f)} × {hedged_by(amount_text(whole), whole)} {equals} {both}.",
        hedged=both,
    )


def weight(f: Fact) -> int:
    """How many parts a share fact speaks for: ``each hold 33.3%`` counts once per part."""
    return len(f.share.parts or ()) or 1


def share_total(g: Sequence[Fact]) -> float:
    """What the stated shares of one whole add up to, each part counted."""
    return float(sum(f.share.value * weight(f) for f in g))


def rounding_slack(g: Sequence[Fact]) -> float:
    """How far stated shares may miss 100% through the article's rounding: half the last printed
    digit of each part (3 × 33.3% = 99.9% leaves no rest; 3 × 33% may leave 1%)."""
    return sum(weight(f) * 0.5 * 10.0 ** -stated_places(f.share.value) for f in g)


def remainder_groups(facts: Sequence[Fact], deck: Deck) -> list[Group]:
    """Each whole divided into two or more stated parts."""
    return [tuple(fs) for fs in share_groups(facts, deck).values() if sum(weight(f) for f in fs) >= 2]


def leaves_a_remainder(g: Group, deck: Deck) -> bool:
    """A rest is asked only when it is more than the article's rounding and no share is hedged."""
    return 100 - share_total(g) > rounding_slack(g) + 1e-9 and not any(f.hedge for f in g)


def share_remainder(g: Group, deck: Deck) -> Answer:
    total = share_total(g)
    rest = round(100 - total, 1)
    parts = " + ".join(
        format_percent(f.share.value) if weight(f) == 1 else f"{weight(f)} × {format_percent(f.share.value)}" for f in g
    )
    return Answer(
        format_percent(rest),
        rest,
        "per cent",
        1,
        f"100% − ({parts}) = 100% − {format_percent(round(total, 1))} = {format_percent(rest)}.",
    )


DERIVATIONS = (
    Derivation("share", "value", share_value, numeric=True, rivals=_same_part),
    Derivation("share", "part", share_part, applies=_unique_value_in_scope, rivals=_same_value),
    Derivation("share", "share_amount", share_amount, numeric=True, applies=of_single_amount),
    Derivation(
        "share", "remainder", share_remainder, groups=remainder_groups, numeric=True, applies=leaves_a_remainder
    ),
)
