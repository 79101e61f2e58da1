"""Synthetic article fact bases of any size, deterministic from a seed, valid per the loader.

The proportions of kinds, topics, optional fields and text lengths follow the real article's deck
(185 facts: 30% actors, 27% events, 18% amounts, 16% places, 8% shares, 1% gauges; quotes of about
170 characters, roles and descriptions of about 90). Every fact is unique where the loader asks
for it (ids, actor roles, place descriptions), shares of one whole stay at or under 100%, totals
equal the sum of their parts, gauges carry an imperial form that agrees with pint and foils that
differ from the true value, and events use every date form the grammar allows.

Uniqueness comes from made-up proper names: the n-th name is the number n written in syllables,
so names never repeat and never occur inside ordinary words.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from studyaid.wording import MONTHS

KIND_SHARES = {"actor": 0.30, "event": 0.27, "amount": 0.18, "place": 0.16, "share": 0.08, "measure": 0.01}
MINIMUM = {"actor": 6, "event": 6, "amount": 6, "place": 3, "share": 4, "measure": 2}
FOOTNOTE_KEYS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
SYLLABLES = (
    "ka",
    "ro",
    "vin",
    "dal",
    "mer",
    "tos",
    "lu",
    "ne",
    "sha",
    "bor",
    "ti",
    "gan",
    "pel",
    "zor",
    "mi",
    "ra",
    "sel",
    "dov",
    "an",
    "ku",
    "lem",
    "vos",
    "ta",
    "ri",
    "nak",
    "hol",
    "be",
    "stra",
    "go",
    "len",
    "zy",
    "mar",
    "ost",
    "fe",
    "chi",
    "yan",
    "dre",
    "ul",
    "ko",
    "ves",
)
WORDS = (
    "officials",
    "reported",
    "sanctions",
    "shipments",
    "border",
    "agreement",
    "pipeline",
    "trade",
    "delivered",
    "government",
    "regional",
    "companies",
    "cargo",
    "tankers",
    "customs",
    "ministry",
    "envoys",
    "described",
    "despite",
    "through",
    "pressure",
    "exports",
    "imports",
    "railway",
    "workers",
    "contracts",
    "revenue",
    "network",
    "according",
    "records",
    "vessels",
    "coastal",
    "northern",
    "southern",
    "economic",
    "military",
    "diplomatic",
    "agency",
    "officers",
    "industry",
    "supplies",
    "fuel",
    "machinery",
    "equipment",
    "transfers",
    "payments",
    "banking",
    "partners",
    "quietly",
    "openly",
    "repeatedly",
    "continued",
    "expanded",
    "arranged",
    "negotiated",
    "financed",
    "operated",
    "controlled",
    "registered",
    "loaded",
    "shipped",
    "crossed",
    "linked",
    "the",
    "the",
    "the",
    "of",
    "of",
    "and",
    "and",
    "with",
    "for",
    "from",
    "by",
    "to",
    "in",
    "its",
    "their",
    "which",
    "while",
    "after",
    "before",
    "under",
    "across",
    "along",
    "between",
)
ATTRIBUTIONS = tuple(
    f"{org} {suffix}"
    for org in (
        "the Federal Customs Service of",
        "a confidential report on",
        "the trade ministry of",
        "a leaked memo from",
        "the central statistics office of",
        "UN experts monitoring",
    )
    for suffix in ("Vostavia", "Kalmerin", "the Ostrel region", "Dovanka", "the Tisrani coast")
)
HEDGES = ("estimated", "roughly", "about", "up to", "more than", "at least", "reportedly")
ACTOR_KINDS = (("state", 30), ("person", 27), ("organisation", 16), ("group", 14), ("company", 9), ("ship", 4))
PLACE_KINDS = (
    ("city", 31),
    ("site", 21),
    ("port", 17),
    ("railway", 7),
    ("region", 7),
    ("zone", 7),
    ("river", 4),
    ("sea", 3),
    ("country", 3),
)
CURRENCY_SIGNS = {"USD": "$", "NAD": "N$", "EUR": "€", "GBP": "£"}
COUNT_NOUNS = ("troops", "workers", "passengers", "tankers", "labourers", "tourists", "students", "wagons")
REAL_GAUGES = (1067, 1000, 1668, 1600, 762, 1524, 1435, 1520)


class _Names:
    """Made-up proper names, each used once: the n-th is n written in base-40 syllables."""

    def __init__(self) -> None:
        self._next = 1600  # start at three syllables, so names look like names
        self._used: set[str] = set()

    def __call__(self) -> str:
        while True:
            n, self._next = self._next, self._next + 1
            parts = []
            while n:
                n, digit = divmod(n, len(SYLLABLES))
                parts.append(SYLLABLES[digit])
            name = "".join(reversed(parts)).capitalize()
            if name not in self._used:  # two syllable sequences can spell one word
                self._used.add(name)
                return name


class _Text:
    """Filler prose of a given length from a fixed vocabulary (no digits, no capitals)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, length: int) -> str:
        out: list[str] = []
        size = 0
        while size < length:
            word = self.rng.choice(WORDS)
            out.append(word)
            size += len(word) + 1
        return " ".join(out)

    def around(self, mean: int, spread: float = 0.35) -> int:
        return max(12, int(self.rng.gauss(mean, mean * spread)))


def _counts(n: int) -> dict[str, int]:
    counts = {k: max(MINIMUM[k], round(n * share)) for k, share in KIND_SHARES.items() if k != "actor"}
    counts["actor"] = max(MINIMUM["actor"], n - sum(counts.values()))
    excess = sum(counts.values()) - n
    # Tiny decks: take the excess from the largest kinds so the total is exactly n.
    for kind in ("event", "amount", "place", "actor"):
        take = min(excess, counts[kind] - MINIMUM[kind])
        counts[kind] -= take
        excess -= take
    if excess > 0:
        raise ValueError(f"a synthetic deck needs at least {sum(MINIMUM.values())} facts, got {n}")
    return counts


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _number(value: float) -> str:
    """A number as the article prints it: 1,435; 76.8."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


class _Builder:
    """Builds one deck's facts; every helper draws from the one seeded generator."""

    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(f"studyaid-bench:{seed}:{n}")
        self.name = _Names()
        self.text = _Text(self.rng)
        self.ids: set[str] = set()

    # ---------------------------------------------------------------- common fields

    def fact_id(self, kind: str, label: str) -> str:
        base = f"{kind}-{label.lower()}"
        fid, i = base, 2
        while fid in self.ids:
            fid, i = f"{base}-{i}", i + 1
        self.ids.add(fid)
        return fid

    def quote(self, core: str, mean: int = 170) -> str:
        """A sentence of about ``mean`` characters with ``core`` somewhere inside it."""
        rest = max(0, self.text.around(mean) - len(core))
        before = self.text.words(int(rest * self.rng.random()))
        after = self.text.words(rest - len(before))
        sentence = " ".join(p for p in (before, core, after) if p)
        return sentence[:1].upper() + sentence[1:] + "."

    def extras(
        self, fact: dict[str, Any], *, attribution: float, footnote: float = 0.45, correction: float = 0.08
    ) -> None:
        """Optional fields in the article's proportions; an attribution also enters the quote."""
        rng = self.rng
        if rng.random() < attribution:
            who = rng.choice(ATTRIBUTIONS)
            fact["attribution"] = who
            fact["quote"] = f"According to {who}, {fact['quote'][:1].lower()}{fact['quote'][1:]}"
        if rng.random() < correction:
            words = [
                w
                for w in fact["quote"].split()
                if w.isalpha() and w.islower() and len(w) >= 6 and fact.get("asked", "").casefold().find(w) < 0
            ]
            if words:
                word = rng.choice(words)
                slip = word[0] + word[2] + word[1] + word[3:]  # two letters swapped
                if slip != word and slip not in fact["quote"]:
                    fact["quote"] = fact["quote"].replace(word, slip, 1)
                    fact["corrections"] = [{"verbatim": slip, "correct": word}]
        if rng.random() < footnote:
            fact["footnote"] = rng.choice(FOOTNOTE_KEYS)

    # ---------------------------------------------------------------- kinds

    def actors(self, count: int) -> list[dict[str, Any]]:
        facts = []
        for _ in range(count):
            kind = _weighted(self.rng, ACTOR_KINDS)
            word = self.name()
            name = {
                "state": word,
                "person": f"{self.name()} {word}",
                "organisation": f"the {word} Institute",
                "group": f"the {word} Brigade",
                "company": f"{word} Trading Company",
                "ship": f"the {word}",
            }[kind]
            role = f"the {kind} {self.text.words(self.text.around(70))} near {self.name()}"
            fact: dict[str, Any] = {
                "id": self.fact_id("actor", word),
                "kind": "actor",
                "topic": "actors",
                "name": name,
                "actor_kind": kind,
                "role": role,
            }
            if self.rng.random() < 0.77:
                fact["aliases"] = [
                    f"{word} {suffix}"
                    for suffix in self.rng.sample(("Group", "Authority", "Office", "Bureau"), self.rng.randint(1, 2))
                ]
            asked = name.removeprefix("the ")
            fact["quote"] = self.quote(asked)
            if self.rng.random() < 0.95:
                fact["asked"] = asked
            self.extras(fact, attribution=0.05)
            facts.append(fact)
        return facts

    def places(self, count: int) -> list[dict[str, Any]]:
        facts = []
        for _ in range(count):
            kind = _weighted(self.rng, PLACE_KINDS)
            word = self.name()
            name = f"the {word} Railway" if kind == "railway" else (f"the {word} River" if kind == "river" else word)
            fact: dict[str, Any] = {
                "id": self.fact_id("place", word),
                "kind": "place",
                "topic": "gauges" if kind == "railway" or self.rng.random() < 0.15 else "places",
                "name": name,
                "place_kind": kind,
                "description": f"the {kind} {self.text.words(self.text.around(80))} of {self.name()}",
            }
            asked = name.removeprefix("the ")
            fact["quote"] = self.quote(asked, 180)
            fact["asked"] = asked
            self.extras(fact, attribution=0.0)
            facts.append(fact)
        return facts

    def event_date(self) -> tuple[str | int, str]:
        """A date in one of the grammar's forms, and how the article's sentence writes it."""
        rng = self.rng
        year = rng.randint(1900, 2019)
        form = rng.choices(
            ("year", "month", "day", "part", "decade", "part-decade", "range"), weights=(40, 15, 12, 12, 6, 5, 10)
        )[0]
        if form == "year":
            return year, str(year)
        if form == "month":
            month = rng.randint(1, 12)
            return f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}"
        if form == "day":
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            return f"{year}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"
        if form == "part":
            part = rng.choice(("early", "mid", "late"))
            return f"{part} {year}", f"{part} {year}"
        decade = year - year % 10
        if form == "decade":
            return f"{decade}s", f"the {decade}s"
        if form == "part-decade":
            part = rng.choice(("early", "mid", "late"))
            return f"{part} {decade}s", f"the {part} {decade}s"
        last = min(2019, year + rng.randint(1, 8))
        if rng.random() < 0.2 and decade < 2010:
            return f"late {decade}s/early {decade + 10}s", f"the late {decade}s and early {decade + 10}s"
        return f"{year}/{last}", f"between {year} and {last}"

    def events(self, count: int, actor_ids: list[str]) -> list[dict[str, Any]]:
        facts = []
        for _ in range(count):
            word = self.name()
            date, written = self.event_date()
            fact: dict[str, Any] = {
                "id": self.fact_id("event", word),
                "kind": "event",
                "topic": "gauges" if self.rng.random() < 0.06 else "dates",
                "what": f"the {self.text.words(self.text.around(55))} of {word}",
                "date": date,
            }
            if actor_ids and self.rng.random() < 0.95:
                fact["actors"] = self.rng.sample(actor_ids, min(len(actor_ids), self.rng.randint(1, 2)))
            lead = "" if not written[0].isdigit() else ("on " if written.count(" ") == 2 else "in ")
            fact["quote"] = self.quote(lead + written)
            fact["asked"] = written
            self.extras(fact, attribution=0.08)
            facts.append(fact)
        return facts

    def amount(
        self,
        *,
        unit: str,
        value: float,
        scale: str | None = None,
        topic: str = "trade-shares",
        when: str | None = None,
        subject: str | None = None,
        hedge: bool = True,
    ) -> dict[str, Any]:
        word = self.name()
        fact: dict[str, Any] = {
            "id": self.fact_id("amount", word),
            "kind": "amount",
            "topic": topic,
            "subject": subject or f"the value of {self.text.words(self.text.around(55))} of {word}",
            "value": value,
        }
        if scale:
            fact["scale"] = scale
        fact["unit"] = unit
        if unit == "count":
            fact["noun"] = self.rng.choice(COUNT_NOUNS)
        if when:
            fact["when"] = when
        if hedge and self.rng.random() < 0.3:
            fact["hedge"] = self.rng.choice(HEDGES)
        return fact

    def amounts(self, count: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Amounts (some totals with their parts) and, of those, the ones a share group may divide."""
        rng = self.rng
        facts: list[dict[str, Any]] = []
        wholes: list[dict[str, Any]] = []
        blocks = max(1, count // 30)
        for _ in range(blocks):
            year = f"in {rng.randint(1995, 2019)}"
            parts = [
                self.amount(unit="USD", scale="million", value=rng.randint(10, 9000) / 10, when=year, hedge=False)
                for _ in range(rng.choice((2, 2, 2, 3)))
            ]
            total = round(sum(p["value"] for p in parts), 1)
            facts.append(
                self.amount(
                    unit="USD",
                    scale="million",
                    value=total,
                    when=year,
                    hedge=False,
                    subject=f"the total trade turnover of {self.name()}",
                )
                | {"parts": [p["id"] for p in parts]}
            )
            facts.extend(parts)
            wholes.extend(parts)
        while len(facts) < count:
            kind = rng.choices(("count", "USD", "metric_ton", "other"), weights=(36, 30, 15, 19))[0]
            topic = rng.choices(("trade-shares", "gauges", "actors", "dates"), weights=(60, 15, 15, 10))[0]
            when = f"in {rng.randint(1950, 2019)}" if rng.random() < 0.5 else None
            if kind == "USD":
                unit = rng.choice(("USD", "USD", "USD", "NAD", "EUR", "GBP"))
                scale = rng.choices(("million", "billion", None), weights=(70, 10, 20))[0]
                value = rng.randint(10, 9999) / 10 if scale else float(rng.randint(1000, 900000))
                fact = self.amount(unit=unit, value=value, scale=scale, topic=topic, when=when)
            elif kind == "count":
                fact = self.amount(
                    unit="count",
                    value=float(rng.choice((50, 120, 500, 1000, 12000, 30000, 250000))),
                    topic=topic,
                    when=when,
                )
            elif kind == "metric_ton":
                fact = self.amount(
                    unit=rng.choice(("metric_ton", "tonne")),
                    value=float(rng.randint(1, 900) * 1000),
                    topic=topic,
                    when=when,
                )
            else:
                unit = rng.choice(("mile", "square_foot", "day", "year"))
                fact = self.amount(unit=unit, value=float(rng.randint(2, 900)), topic=topic, when=when)
            if rng.random() < 0.06 and fact["unit"] != "count":
                fact["value_max"] = fact["value"] * 1.5
            facts.append(fact)
            if fact["unit"] == "USD" and "value_max" not in fact and not fact.get("hedge"):
                wholes.append(fact)
        for fact in facts:
            asked = self._amount_text(fact)
            fact["quote"] = self.quote(f"{fact['hedge']} {asked}" if fact.get("hedge") else asked)
            fact["asked"] = asked
            self.extras(fact, attribution=0.18)
        return facts, wholes

    @staticmethod
    def _amount_text(fact: dict[str, Any]) -> str:
        number = _number(fact["value"])
        if fact.get("value_max") is not None:
            number += f"-{_number(fact['value_max'])}"
        if fact.get("scale"):
            number += f" {fact['scale']}"
        unit = fact["unit"]
        if unit in CURRENCY_SIGNS:
            return CURRENCY_SIGNS[unit] + number
        words = (
            fact.get("noun")
            or {
                "metric_ton": "metric tons",
                "tonne": "tonnes",
                "mile": "miles",
                "square_foot": "square feet",
                "day": "days",
                "year": "years",
            }[unit]
        )
        return f"{number} {words}"

    def shares(self, count: int, wholes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Shares in groups of two to five parts of one whole, two thirds of groups linked to an amount."""
        rng = self.rng
        facts: list[dict[str, Any]] = []
        free = list(wholes)
        rng.shuffle(free)
        while len(facts) < count:
            size = min(count - len(facts), rng.randint(2, 5))
            if size == 1:
                size = 1 if facts else 2
            linked = free.pop() if free and rng.random() < 0.67 else None
            if linked is not None:
                whole, when = linked["subject"].removeprefix("the value of "), linked.get("when")
            else:
                whole, when = f"{self.name()}'s external trade", f"in {rng.randint(1970, 2019)}"
            values = self.share_values(size)
            listing = []
            group = []
            for value in values:
                part = (
                    rng.choice(("coal", "frozen fish", "machinery", "apparel", "crude oil", "wheat", "steel", "timber"))
                    + f" from {self.name()}"
                )
                listing.append(f"{part} ({_number(value)}%)")
                fact: dict[str, Any] = {
                    "id": self.fact_id("share", part.split()[-1]),
                    "kind": "share",
                    "topic": "trade-shares",
                    "part": part,
                    "whole": whole,
                    "value": value,
                }
                if when:
                    fact["when"] = when
                if linked is not None:
                    fact["of"] = linked["id"]
                group.append(fact)
            sentence = f"{whole[:1].upper()}{whole[1:]} {when or ''} included " + ", ".join(listing)
            hedged = rng.random() < 0.1
            attributed = rng.choice(ATTRIBUTIONS) if rng.random() < 0.8 else None
            footnote = rng.choice(FOOTNOTE_KEYS)
            for fact, value in zip(group, values, strict=True):
                fact["quote"] = " ".join(sentence.split()) + "."
                asked = f"{_number(value)}%"
                fact["asked"] = asked
                if attributed:
                    fact["attribution"] = attributed
                    fact["quote"] = f"According to {attributed}, {fact['quote'][:1].lower()}{fact['quote'][1:]}"
                if hedged:
                    fact["hedge"] = "about"
                fact["footnote"] = footnote
            facts.extend(group)
        return facts

    def share_values(self, size: int) -> list[float]:
        """``size`` distinct percentages, one decimal each, adding up to between 40% and 98%."""
        while True:
            total = self.rng.randint(400, 980)
            cuts = sorted(self.rng.sample(range(1, total), size - 1))
            tenths = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
            if len(set(tenths)) == size:
                return [t / 10 for t in tenths]

    def measures(self, count: int) -> list[dict[str, Any]]:
        """Rail gauges of distinct widths, each with an imperial form that agrees and foils that do not."""
        values: list[float] = list(self.rng.sample(range(500, 2000), min(count, 1500)))
        values += [v + 0.5 for v in self.rng.sample(range(500, 2000), count - len(values))]
        facts = []
        for value in values:
            word = self.name()
            inches = Fraction(round(Fraction(value) / Fraction("25.4") * 32), 32)
            feet, rest = divmod(inches, 12)
            whole = int(rest)
            frac = rest - whole
            imperial = f"{int(feet)} ft {whole}" + (f" {frac.numerator}/{frac.denominator}" if frac else "") + " in"
            asked = f"{_number(value)} mm"
            fact: dict[str, Any] = {
                "id": self.fact_id("gauge", word),
                "kind": "measure",
                "topic": "gauges",
                "name": f"{word} gauge",
                "subject": f"the gauge of the {word} rail lines",
                "value": value,
                "unit": "mm",
                "imperial": imperial,
                "foils": [g for g in self.rng.sample(REAL_GAUGES, 5) if g != value],
                "quote": self.quote(f"{word} gauge rails of {asked} ({imperial})", 155),
                "asked": asked,
            }
            self.extras(fact, attribution=0.0, footnote=0.2)
            facts.append(fact)
        return facts


def synthetic_deck(n: int, seed: int = 0) -> dict[str, Any]:
    """A valid deck of exactly ``n`` facts as the dict its YAML file holds; same n and seed, same deck."""
    counts = _counts(n)
    b = _Builder(n, seed)
    actors = b.actors(counts["actor"])
    amounts, wholes = b.amounts(counts["amount"])
    facts = [
        *b.shares(counts["share"], wholes),
        *amounts,
        *b.measures(counts["measure"]),
        *b.events(counts["event"], [a["id"] for a in actors]),
        *actors,
        *b.places(counts["place"]),
    ]
    assert len(facts) == n, (len(facts), n)
    base = 1_700_000_000 + 1000 * (n % 97_000)
    return {
        "slug": f"synthetic-{n}",
        "source": {
            "title": f"A Synthetic Article of {n:,} Facts",
            "author": "B. Enchmark",
            "publisher": "studyaid bench",
            "date": "2020-06-15",
            "footnotes": {key: f"{b.name()}, {b.text.words(60)}, {2000 + i}" for i, key in enumerate(FOOTNOTE_KEYS)},
        },
        "deck": {
            "name": f"Synthetic ({n:,} facts)",
            "deck_id": base + 1,
            "note_types": {"basic": base + 101, "choice": base + 102, "cloze": base + 103, "actor": base + 104},
            "seed": seed,
        },
        "facts": facts,
    }


def write_deck(deck: dict[str, Any], folder: Path) -> Path:
    """Write the deck as ``<folder>/<slug>.yaml`` the way an author would lay it out."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{deck['slug']}.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deck, out, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)
    return path


def fact_kinds(deck: dict[str, Any]) -> Iterator[str]:
    """Each fact's kind, for summaries."""
    return (f["kind"] for f in deck["facts"])
