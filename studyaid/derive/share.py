"""Derivations over shares of a whole: the share, the part, the amount it comes to, the remainder."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Deck, Fact
from ..wording import amount_unit_words, format_amount, format_number, format_percent, stated_places
from .amount import amount_text
from .base import Answer, Derivation, Group, per_deck, significant_places


def share_scope(f: Fact) -> tuple[str, str]:
    """Shares of one whole: same linked amount, or same whole and time."""
    return (f.get("of") or f["whole"].casefold(), (f.get("when") or "").casefold())


def share_groups(facts: Sequence[Fact], deck: Deck) -> dict[tuple[str, str], list[Fact]]:
    """Shares keyed by the whole they divide, each list sorted by id."""
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.id):
        groups.setdefault(share_scope(f), []).append(f)
    return groups


def whole_of(f: Fact, deck: Deck) -> str | None:
    """The linked whole of a share, as the article writes it."""
    return amount_text(deck.fact(f["of"])) if f.kind == "share" and f.get("of") else None


def _same_part(g: Group, o: Group) -> bool:
    return share_scope(g[0]) == share_scope(o[0]) and g[0]["part"].casefold() == o[0]["part"].casefold()


def share_value(g: Group, deck: Deck) -> Answer:
    f = g[0]
    when = f" {f['when']}" if f.get("when") else ""
    return Answer(
        format_percent(f["value"]),
        f["value"],
        "per cent",
        1,
        f"{f['part']}: {format_percent(f['value'])} of {f['whole']}{when}.",
    )


@per_deck
def _share_values(deck: Deck) -> Counter[tuple[tuple[str, str], float]]:
    """How many shares of each whole have each value."""
    return Counter((share_scope(o), o["value"]) for o in deck.facts if o.kind == "share")


def _unique_value_in_scope(g: Group, deck: Deck) -> bool:
    """A part can be asked for by its share only when no other part of the whole has that share
    (parts that each hold the same share have it too, so they are never asked this way)."""
    f = g[0]
    if f.get("parts"):
        return False
    return _share_values(deck)[(share_scope(f), f["value"])] == 1


def _same_value(g: Group, o: Group) -> bool:
    return share_scope(g[0]) == share_scope(o[0]) and g[0]["value"] == o[0]["value"]


def share_part(g: Group, deck: Deck) -> Answer:
    f = g[0]
    return Answer(f["part"], working=f"{f['part']} accounted for {format_percent(f['value'])} of {f['whole']}.")


def of_single_amount(g: Group, deck: Deck) -> bool:
    return bool(g[0].get("of")) and deck.fact(g[0]["of"]).get("value_max") is None


def share_amount(g: Group, deck: Deck) -> Answer:
    f = g[0]
    whole = deck.fact(f["of"])
    exact = f["value"] / 100 * whole["value"]
    places = significant_places(exact)
    shown = format_amount(round(exact, places), whole["unit"], whole.get("scale"), whole.get("noun"))
    whole_text = format_amount(whole["value"], whole["unit"], whole.get("scale"), whole.get("noun"))
    return Answer(
        shown,
        round(exact, places),
        amount_unit_words(whole["unit"], whole.get("scale"), whole.get("noun")),
        places,
        f"{format_percent(f['value'])} × {whole_text} = {format_number(round(exact, 4))} ≈ {shown}.",
    )


def weight(f: Fact) -> int:
    """How many parts a share fact speaks for: ``each hold 33.3%`` counts once per part."""
    return len(f.get("parts") or ()) or 1


def share_total(g: Sequence[Fact]) -> float:
    """What the stated shares of one whole add up to, each part counted."""
    return float(sum(f["value"] * weight(f) for f in g))


def rounding_slack(g: Sequence[Fact]) -> float:
    """How far stated shares may miss 100% through the article's rounding: half the last printed
    digit of each part (3 × 33.3% = 99.9% leaves no rest; 3 × 33% may leave 1%)."""
    return sum(weight(f) * 0.5 * 10.0 ** -stated_places(f["value"]) for f in g)


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
        format_percent(f["value"]) if weight(f) == 1 else f"{weight(f)} × {format_percent(f['value'])}" for f in g
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
