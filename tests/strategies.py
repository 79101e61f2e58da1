"""Hypothesis strategies, all of them: valid fact bases of every kind (as deck YAML), mutated deck files, timeline spans."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

WORDS = ["alpha", "bravo", "cedar", "delta", "ember", "fjord", "gale", "harbor", "iris", "jade", "kelp", "lumen"]


def _name(i: int, prefix: str) -> str:
    return f"{prefix} {WORDS[i % len(WORDS)].title()} {i}"


# ---------------------------------------------------------------- fact builders
# One function per kind of fact, shared by the hypothesis strategy ``fact_bases`` (which draws
# their arguments) and ``scaled_fact_base`` (which draws them from a seeded random.Random, for the
# benchmark's decks of any size): one description of a valid deck file, used by both.


def share_fact(i: int, value: float, land: int) -> dict[str, Any]:
    """A country's share of one land's trade in 2018 (a whole of at most four shares stays under 100%)."""
    return {
        "id": f"share-{i}",
        "kind": "share",
        "topic": "trade-shares",
        "part": _name(i, "Country"),
        "whole": f"the trade of Land {land}",
        "value": value,
        "when": "in 2018",
        "quote": f"Country {i} held {value}% of the trade of Land {land}.",
        "asked": f"{value}%",
    }


def trade_facts(j: int, a: float, b: float, fish: int) -> list[dict[str, Any]]:
    """A turnover made of exports and imports, and fish as a share of the exports (ids end in ``j``)."""
    of_year = "" if j == 0 else f" of year {j}"
    tag = "" if j == 0 else f"-{j}"
    total = round(a + b, 1)

    def amount(key: str, subject: str, value: float, quote: str, **more: Any) -> dict[str, Any]:
        return {
            "id": f"amount-{key}{tag}",
            "kind": "amount",
            "topic": "trade-shares",
            "subject": subject + of_year,
            "value": value,
            "scale": "million",
            "unit": "USD",
            **more,
            "quote": quote,
        }

    return [
        amount(
            "total",
            "the turnover",
            total,
            f"Turnover{of_year} was ${total} million.",
            parts=[f"amount-a{tag}", f"amount-b{tag}"],
        ),
        amount("a", "the exports", a, f"Exports{of_year} were ${a} million."),
        amount("b", "the imports", b, f"Imports{of_year} were ${b} million."),
        {
            "id": f"share-of-a{tag}",
            "kind": "share",
            "topic": "trade-shares",
            "part": "fish",
            "whole": "the exports" + of_year,
            "value": fish,
            "of": f"amount-a{tag}",
            "quote": f"Fish made up part of the exports{of_year}.",
        },
    ]


def distance_fact(j: int, miles: int) -> dict[str, Any]:
    """A length in miles (a non-metric unit, so asked in kilometres too)."""
    return {
        "id": "amount-distance" if j == 0 else f"amount-distance-{j}",
        "kind": "amount",
        "topic": "gauges",
        "subject": "the ferry route" if j == 0 else f"ferry route {j}",
        "value": miles,
        "unit": "mile",
        "quote": "The ferry route is long." if j == 0 else f"Ferry route {j} is long.",
    }


def gauge_fact(i: int, mm: int, foils: list[int], imperial: bool = False) -> dict[str, Any]:
    """A rail gauge in mm, with foils (wrong widths) and, if asked, its feet-and-inches form."""
    fact: dict[str, Any] = {
        "id": f"gauge-{i}",
        "kind": "measure",
        "topic": "gauges",
        "name": f"gauge {WORDS[i % len(WORDS)]}" + ("" if i < len(WORDS) else f" {i}"),
        "subject": f"the rails of line {i}",
        "value": mm,
        "unit": "mm",
        "quote": f"Line {i} uses {mm} mm track.",
        "asked": f"{mm} mm",
    }
    if foils:
        fact["foils"] = list(foils)  # a list of its own: a shared one would be written as a YAML alias
    if imperial:
        inches = Fraction(round(Fraction(mm * 10, 254) * 32), 32)  # 25.4 mm to the inch, nearest 1/32
        feet, rest = divmod(inches, 12)
        whole, frac = int(rest), rest - int(rest)
        fact["imperial"] = f"{feet} ft {whole}" + (f" {frac.numerator}/{frac.denominator}" if frac else "") + " in"
    return fact


def event_fact(i: int, date: str) -> dict[str, Any]:
    """A dated event, involving one of the first two actors (every deck built here has them): the
    year gap between two events is asked only when they share an actor."""
    return {
        "id": f"event-{i}",
        "kind": "event",
        "topic": "dates",
        "what": f"event number {WORDS[i % len(WORDS)]} {i}",
        "date": date,
        "actors": [f"actor-{i % 2}"],
        "quote": f"Event {i} happened in {date}.",
    }


NAMED_EVENTS = ("the {} War", "the Treaty of {}", "the {} Revolution", "the {} Crisis", "the {} Olympics")
"""Patterns of proper-named historical events, whose dates common knowledge gives."""


def named_event_fact(i: int, date: str, pattern: str) -> dict[str, Any]:
    """An event that is itself a named historical event ("the Cedar War in which …")."""
    fact = event_fact(i, date)
    fact["what"] = pattern.format(WORDS[i % len(WORDS)].title()) + " in which the actors took part"
    return fact


def actor_fact(i: int, actor_kind: str) -> dict[str, Any]:
    """An actor with a role no other actor has."""
    return {
        "id": f"actor-{i}",
        "kind": "actor",
        "topic": "actors",
        "name": _name(i, "Agent"),
        "actor_kind": actor_kind,
        "role": f"the holder of duty {WORDS[i % len(WORDS)]} number {i}",
        "quote": f"Agent {i} had a duty.",
    }


def place_fact(i: int) -> dict[str, Any]:
    """A port with a description no other place has."""
    return {
        "id": f"place-{i}",
        "kind": "place",
        "topic": "places",
        "name": _name(i, "Port"),
        "place_kind": "port",
        "description": f"the harbour of district {WORDS[i % len(WORDS)]} {i}",
        "quote": f"Port {i} is a harbour.",
    }


def deck_dict(
    facts: list[dict[str, Any]], seed: int, slug: str = "generated", base: int = 1800000000
) -> dict[str, Any]:
    """The deck file around the facts: source, Anki IDs from ``base``, seed."""
    return {
        "slug": slug,
        "source": {"title": "Generated", "author": "H. Ypothesis", "publisher": "Tests", "date": "2020-01-01"},
        "deck": {
            "name": "Generated" if slug == "generated" else slug,
            "deck_id": base + 1,
            "note_types": {"basic": base + 101, "choice": base + 102, "cloze": base + 103, "actor": base + 104},
            "seed": seed,
        },
        "facts": facts,
    }


# ---------------------------------------------------------------- fact bases for property tests


@st.composite
def fact_bases(draw: Any, min_each: int = 1) -> dict[str, Any]:
    """A valid deck as a dict: shares of a few wholes, amounts with parts, gauges, events, actors, places."""
    n_share = draw(st.integers(min_each, 7))  # at most 4 per whole, each under 25%: a whole never passes 100%
    values = draw(st.lists(st.integers(1, 240).map(lambda v: v / 10), min_size=n_share, max_size=n_share))
    facts = [share_fact(i, value, i % 2) for i, value in enumerate(values)]
    a, b = draw(st.integers(1, 500)) / 10, draw(st.integers(1, 500)) / 10
    facts += trade_facts(0, a, b, draw(st.integers(1, 99)))
    facts.append(distance_fact(0, draw(st.integers(1, 400))))
    gauges = draw(st.lists(st.integers(600, 1700), min_size=2, max_size=4, unique=True))
    foils = [v for v in (1000, 1067, 1668, 762) if v not in gauges]
    facts += [gauge_fact(i, mm, foils) for i, mm in enumerate(gauges)]
    dates = draw(
        st.lists(
            st.one_of(
                st.integers(1900, 2019).map(str),
                st.tuples(st.sampled_from(["early", "late"]), st.integers(1900, 2019)).map(lambda t: f"{t[0]} {t[1]}"),
                st.integers(190, 201).map(lambda d: f"{d * 10}s"),
            ),
            min_size=max(min_each, 2),
            max_size=12,
        )
    )
    facts += [event_fact(i, date) for i, date in enumerate(dates)]
    named = draw(st.lists(st.tuples(st.integers(1900, 2019), st.sampled_from(NAMED_EVENTS)), max_size=3))
    facts += [named_event_fact(len(dates) + i, str(year), p) for i, (year, p) in enumerate(named)]
    n_actor = draw(st.integers(max(min_each, 4), 8))
    facts += [actor_fact(i, draw(st.sampled_from(["person", "company", "state"]))) for i in range(n_actor)]
    facts += [place_fact(i) for i in range(draw(st.integers(min_each, 5)))]
    order = draw(st.permutations(range(len(facts))))
    return deck_dict([facts[i] for i in order], draw(st.integers(0, 10_000)))


# ---------------------------------------------------------------- fact bases of any size, for the benchmark

KIND_SHARES = {"actor": 0.30, "event": 0.27, "amount": 0.18, "place": 0.16, "share": 0.08, "measure": 0.01}
"""The real article's deck (184 facts): 30% actors, 27% events... 1% gauges."""
MINIMUM = {"actor": 6, "event": 6, "amount": 6, "place": 3, "share": 4, "measure": 2}
FILLER = "officials reported that the shipments crossed the border under the agreement on trade and transport"
"""Words added to each quote so quotes run to about the article's length (its sentences average
170 characters); none of them can be an asked value or a name."""


def _date(rng: random.Random, i: int) -> str:
    """Every form of the date grammar in turn: year, month, day, part of a year, decade, part of a decade, range."""
    year = rng.randint(1900, 2018)
    forms = (
        str(year),
        f"{year}-{rng.randint(1, 12):02d}",
        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"{rng.choice(['early', 'mid', 'late'])} {year}",
        f"{year // 10 * 10}s",
        f"{rng.choice(['early', 'mid', 'late'])} {year // 10 * 10}s",
        f"{year}/{year + rng.randint(1, 9)}",
    )
    return forms[i % len(forms)]


def scaled_fact_base(n: int, seed: int = 0) -> dict[str, Any]:
    """A valid deck of exactly ``n`` facts (n >= 30) in the real article's proportions of kinds,
    from the builders above with arguments drawn from ``random.Random(seed)``: same n and seed,
    same deck. Used by the benchmark (``bench.synthetic``)."""
    rng = random.Random(f"{seed}:{n}")
    counts = {k: max(MINIMUM[k], round(n * share)) for k, share in KIND_SHARES.items()}
    counts["actor"] += n - sum(counts.values())
    trades = max(1, (counts["amount"] - 1) // 3)
    facts: list[dict[str, Any]] = []
    for j in range(trades):
        facts += trade_facts(j, rng.randint(1, 500) / 10, rng.randint(1, 500) / 10, rng.randint(1, 99))
    facts += [distance_fact(j, rng.randint(1, 400)) for j in range(counts["amount"] - 3 * trades)]
    facts += [share_fact(i, rng.randint(10, 240) / 10, i // 4) for i in range(counts["share"] - trades)]
    widths = rng.sample(range(600, 1701), counts["measure"])
    foils = [1000, 1067, 1668, 762, 1435]
    facts += [gauge_fact(i, mm, [f for f in foils if f != mm], imperial=i % 2 == 0) for i, mm in enumerate(widths)]
    facts += [event_fact(i, _date(rng, i)) for i in range(counts["event"])]
    kinds = ("state", "person", "organisation", "group", "company", "ship")
    facts += [actor_fact(i, rng.choice(kinds)) for i in range(counts["actor"])]
    facts += [place_fact(i) for i in range(counts["place"])]
    for fact in facts:
        fact["quote"] = fact["quote"] + " " + " ".join(rng.sample(FILLER.split(), 12)).capitalize() + "."
    assert len(facts) == n, (len(facts), n)
    return deck_dict(facts, seed, slug=f"synthetic-{n}", base=1_700_000_000 + 1000 * (n % 97_000))


def deck_yaml(deck: dict[str, Any]) -> str:
    """A deck dict as YAML text, the way an author would write it."""
    return yaml.safe_dump(deck, sort_keys=False, allow_unicode=True)


# ---------------------------------------------------------------- mutated deck files

MINI_TEXT = (Path(__file__).parent / "fixtures" / "mini" / "decks" / "mini.yaml").read_text(encoding="utf-8")
_MINI_LINES = MINI_TEXT.splitlines(keepends=True)


@st.composite
def mutated_decks(draw):
    """The fixture deck with one author's mistake: a dropped line, a changed value, inserted text, a cut."""
    how = draw(st.sampled_from(["drop", "retype", "insert", "truncate", "field"]))
    lines = list(_MINI_LINES)
    if how == "drop":
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif how == "retype":
        i = draw(st.integers(0, len(lines) - 1))
        key, sep, _ = lines[i].partition(": ")
        lines[i] = (
            key + sep + draw(st.sampled_from(["[]", "{}", "-1", "1e400", "null", "yes", "'x'", "2019-02-30"])) + "\n"
            if sep
            else lines[i]
        )
    elif how == "insert":
        i = draw(st.integers(0, len(lines)))
        lines.insert(i, draw(st.text(min_size=1, max_size=30)) + "\n")
    elif how == "truncate":
        return MINI_TEXT[: draw(st.integers(0, len(MINI_TEXT)))]
    else:
        data = yaml.safe_load(MINI_TEXT)
        fact = draw(st.sampled_from(data["facts"]))
        field = draw(st.sampled_from(sorted(fact)))
        if draw(st.booleans()):
            del fact[field]
        else:
            fact[field] = draw(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=10), st.none()))
        return yaml.safe_dump(data, sort_keys=False)
    return "".join(lines)


# ---------------------------------------------------------------- timeline spans

spans = st.lists(
    st.tuples(st.floats(1800, 2030, allow_nan=False), st.floats(0.01, 12, allow_nan=False)).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    min_size=1,
    max_size=60,
)
"""Dated events' (start, end) years, as the briefing's timeline lays them out."""


# ---------------------------------------------------------------- draft articles

_CITIES = ["Port Elder", "Millbrook", "Fairhaven", "Grey Coast", "Northgate", "Kestrel Bay"]
_PEOPLE = ["Ana Costa", "Jon Berg", "Mara Lind", "Ivo Petrov"]
_MONTHS = ["January", "March", "May", "August", "October", "December"]


@st.composite
def draft_sentences(draw: Any) -> str:
    """One sentence of the kind articles hold: figures, dates, names, in varied shapes."""
    city = draw(st.sampled_from(_CITIES))
    person = draw(st.sampled_from(_PEOPLE))
    year = draw(st.integers(1900, 2030))
    pct = draw(st.integers(1, 1000)) / 10
    num = draw(st.integers(1, 999_999))
    small = draw(st.integers(2, 999))
    shapes = [
        f"In {year} {city} accounted for {pct:g}% of the region's trade.",
        f"Exports (${small} million) included fish ({pct:g}%) and timber ({min(pct, 99):g}%).",
        f"{person} said the quay cost ${small}-{small + draw(st.integers(1, 99))} million in {year}.",
        f"The ships carried {num:,} tons of cargo to {city} in {draw(st.sampled_from(_MONTHS))} {year}.",
        f"Mayor {person}, the head of the council, opened the bridge on {draw(st.integers(1, 28))} "
        f"{draw(st.sampled_from(_MONTHS))} {year}.",
        f"Between {year} and {year + draw(st.integers(1, 20))} the harbour lost {pct:g}% of its trade to {city}.",
        f"In early {year}, {small} new ferries ran from {city}; a year later the line closed.",
        f"Updated {draw(st.integers(1, 12))}:{draw(st.integers(10, 59))}:{draw(st.integers(10, 59))} AM, "
        f"with rails of 1,435 mm (4 ft 8 1/2 in).",
        f"The {city} Railway was built in the late {year // 10 * 10}s by the {person.split()[1]} Company.",
    ]
    return draw(st.sampled_from(shapes))


@st.composite
def draft_articles(draw: Any) -> str:
    """A plain-text article: title, byline, paragraphs of generated sentences, maybe a notes section."""
    paragraphs = draw(
        st.lists(st.lists(draft_sentences(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5)
    )
    noted = draw(st.booleans())
    if noted:
        paragraphs[0] += "[i]"
    text = "A Title for the Piece\nBy Some Writer, 14/3/21\n\n" + "\n\n".join(paragraphs) + "\n"
    if noted:
        text += '\n[i] A Source, "A report", 2021\n'
    return text


# ---------------------------------------------------------------- any article: the newer kinds

UNITS = ("km/h", "t/year", "MW", "mile_per_hour", "litre", "°C", "kWh", "tonne/year")
"""Units a general quantity may have, compound ones included."""
TIME_UNITS = ("minute", "hour", "day", "week", "year")
HEDGE_WORDS = ("around", "up to", "could", "expected", "designed for", "at least", "reportedly", "some say")
"""Documented hedges and one phrase outside the vocabulary (``some say``)."""
STAGES = ("happened", "ongoing", "planned", "expected")


@st.composite
def any_article_fact_bases(draw: Any) -> dict[str, Any]:
    """A valid deck using the newer kinds and fields: quantities in compound units with ranges,
    durations, statements, named things, relations, events of every stage (some undated, some
    relative to the article), several hedges per fact, equal shares, and the deck's own topics."""
    facts: list[dict[str, Any]] = []
    hedges = st.lists(st.sampled_from(HEDGE_WORDS), max_size=2, unique=True)
    topics = ["figures", "plans", "people"]
    for i in range(draw(st.integers(2, 5))):
        value = draw(st.integers(1, 900))
        fact: dict[str, Any] = {
            "id": f"quantity-{i}",
            "kind": "quantity",
            "topic": "figures",
            "subject": f"the rate of works {WORDS[i]} {i}",
            "value": value,
            "unit": draw(st.sampled_from(UNITS)),
            "quote": f"Works {i} run at {value}.",
            "stage": draw(st.sampled_from(STAGES)),
        }
        if draw(st.booleans()):
            fact["value_max"] = value + draw(st.integers(1, 50))
        if words := draw(hedges):
            fact["hedge"] = words
        facts.append(fact)
    for i in range(draw(st.integers(1, 3))):
        facts.append(
            {
                "id": f"duration-{i}",
                "kind": "duration",
                "topic": "figures",
                "subject": f"the journey {WORDS[i]} {i}",
                "value": draw(st.integers(1, 60)),
                "unit": draw(st.sampled_from(TIME_UNITS)),
                "stage": draw(st.sampled_from(STAGES)),
                "hedge": draw(hedges) or ["about"],
                "quote": f"Journey {i} takes a while.",
            }
        )
    dates = st.one_of(
        st.none(),
        st.just("unknown"),
        st.sampled_from(["later this year", "next year", "last year", "earlier this year"]),
        st.integers(10, 21).map(lambda n: f"{n}th century"),
        st.tuples(st.sampled_from(["early", "mid", "late"]), st.integers(10, 21)).map(
            lambda t: f"{t[0]} {t[1]}th century"
        ),
        st.tuples(st.sampled_from(["spring", "summer", "autumn", "winter"]), st.integers(1900, 2030)).map(
            lambda t: f"{t[0]} {t[1]}"
        ),
        st.integers(1900, 2030).map(str),
        st.integers(190, 202).map(lambda d: f"the {d * 10}s"),
    )
    for i in range(draw(st.integers(2, 8))):
        event: dict[str, Any] = {
            "id": f"event-{i}",
            "kind": "event",
            "topic": "plans",
            "what": f"the step {WORDS[i]} {i}",
            "stage": draw(st.sampled_from(STAGES)),
            "quote": f"Step {i} is on the way.",
        }
        date = draw(dates)
        if date is not None:
            event["date"] = date
        if words := draw(hedges):
            event["hedge"] = words
        facts.append(event)
    n_people = draw(st.integers(4, 6))
    for i in range(n_people):
        facts.append(
            {
                "id": f"actor-{i}",
                "kind": "actor",
                "topic": "people",
                "name": _name(i, "Minister"),
                "actor_kind": draw(st.sampled_from(["person", "ministry", "agency"])),
                "role": f"the holder of office {WORDS[i]} {i}",
                "quote": f"Minister {i} holds office.",
            }
        )
    for i in range(draw(st.integers(1, 5))):
        speaker = _name(draw(st.integers(0, n_people - 1)), "Minister")
        said = f"we will finish part {WORDS[i]} {i}"
        facts.append(
            {
                "id": f"statement-{i}",
                "kind": "statement",
                "topic": "people",
                "speaker": speaker,
                "said": said,
                "about": f"the works of stage {i}",
                "quote": f"{speaker} said: “{said}”.",
                **({"date": "2019-05"} if draw(st.booleans()) else {}),
            }
        )
    for i in range(draw(st.integers(1, 4))):
        facts.append(
            {
                "id": f"thing-{i}",
                "kind": "thing",
                "topic": "plans",
                "name": f"Project {WORDS[i].title()} {i}",
                "thing_kind": draw(st.sampled_from(["project", "programme", "treaty", "term"])),
                "definition": f"the plan to rebuild district {WORDS[i]} {i}",
                "quote": f"Project {i} is a plan.",
            }
        )
    for i in range(draw(st.integers(2, 5))):
        facts.append(
            {
                "id": f"place-{i}",
                "kind": "place",
                "topic": "people",
                "name": _name(i, "Station"),
                "place_kind": draw(st.sampled_from(["station", "terminal", "yard", "city"])),
                "description": f"the stop at mile {WORDS[i]} {i}",
                "quote": f"Station {i} is a stop.",
            }
        )
    facts.append(
        {
            "id": "route-0",
            "kind": "relation",
            "topic": "plans",
            "relation": "route",
            "subject": "the new line",
            "from": _name(0, "Station"),
            "to": _name(1, "Station"),
            "via": [f"Junction {WORDS[2].title()}"],
            "stage": draw(st.sampled_from(STAGES)),
            "quote": "The new line will link two stations.",
        }
    )
    facts.append(
        {
            "id": "member-0",
            "kind": "relation",
            "topic": "people",
            "relation": draw(st.sampled_from(["membership", "ownership"])),
            "subject": _name(0, "Minister"),
            "object": "the Northern Union",
            "quote": "Minister 0 belongs to the Northern Union.",
        }
    )
    n = draw(st.integers(2, 4))
    each = draw(st.sampled_from([round(100 / n, 1), round(100 / n, 0), round(100 / n - 5, 1)]))
    facts.append(
        {
            "id": "equal-shares",
            "kind": "share",
            "topic": "figures",
            "parts": [_name(i, "Partner") for i in range(n)],
            "whole": "the joint company",
            "value": each,
            "quote": "The partners each hold a stake.",
        }
    )
    order = draw(st.permutations(range(len(facts))))
    deck = deck_dict([facts[i] for i in order], draw(st.integers(0, 10_000)), slug="any-article", base=1810000000)
    deck["source"] = {"title": "Generated", "publisher": "Tests"}
    if draw(st.booleans()):
        deck["source"]["date"] = "2020-06-15"
    else:
        for f in deck["facts"]:
            if f.get("date") in ("later this year", "next year", "last year", "earlier this year"):
                f["date"] = "2021"
    deck["topics"] = [{"id": t, "title": t.title()} for t in topics]
    return deck
