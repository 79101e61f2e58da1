"""Any article: deck topics, optional source fields, templates switched off, equal shares,
several articles, several decks, open hedges, compound units, the newer kinds' rules."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from studyaid.errors import InputError
from studyaid.export.anki import deck_tree
from studyaid.export.anki.notes import build_notes
from studyaid.generate import generate
from studyaid.load import load_deck
from studyaid.model import DEFAULT_TOPICS
from studyaid.wording import format_amount, hedged

from ..conftest import FIXTURE_DECKS, MINI_DECK

HEALTH = next(p for p in FIXTURE_DECKS if p.stem == "health")
HISTORY = next(p for p in FIXTURE_DECKS if p.stem == "history")
IDS = "deck: {name: D, deck_id: 1830000001, note_types: {basic: 1830000101, choice: 1830000102, cloze: 1830000103, actor: 1830000104}}"


def write(tmp_path: Path, body: str, name: str = "d.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body).replace("DECK_IDS", IDS), encoding="utf-8")
    return path


def problems(path: Path, templates) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_deck(path, templates, display=path.name)
    return [str(p) for p in caught.value.problems]


def test_deck_without_topics_gets_the_first_articles_five(mini_deck):
    """An existing deck file that declares no topics loads unchanged, with the five default topics."""
    assert mini_deck.topics == DEFAULT_TOPICS
    assert mini_deck.topic_ids == ("trade-shares", "gauges", "dates", "actors", "places")


def test_declared_topics_name_anki_subdecks_and_order_the_quiz(templates):
    """A deck's own topics (id, title, order) become its Anki subdecks; facts must use them."""
    deck = load_deck(HEALTH, templates)
    questions = generate(deck, templates)
    names = [d.name for d in deck_tree(deck, build_notes(deck, questions, ()))]
    assert names[0] == deck.settings.name
    assert names[1:] == [
        f"{deck.settings.name}::{t.title}" for t in deck.topics if any(q.topic == t.id for q in questions)
    ]


def test_fact_on_an_undeclared_topic_is_refused(tmp_path, templates):
    """A topic the deck does not declare is a located error listing the deck's topics."""
    path = write(
        tmp_path,
        """\
        slug: t
        source: {title: T, publisher: P}
        DECK_IDS
        topics: [{id: climate, title: Climate}]
        facts:
          - {id: a, kind: thing, topic: weather, name: El Niño, thing_kind: term, definition: a warming of the Pacific, quote: q}
        """,
    )
    assert problems(path, templates) == ["d.yaml:6: facts[0].topic: expected one of climate, got 'weather'"]


def test_template_needing_a_missing_article_field_is_skipped(tmp_path, templates):
    """No author, no date: templates printing them are skipped for that deck, never given a value."""
    history = load_deck(HISTORY, templates)  # an author, no date
    health = load_deck(HEALTH, templates)  # a date, no author
    assert history.source.date is None and health.source.author is None
    assert not [q for q in generate(history, templates) if q.template_id == "event-years-before-article"]
    assert [q for q in generate(health, templates) if q.template_id == "event-years-before-article"]
    own = (
        "  - id: by-author\n    kind: event\n    form: short\n    answer: year\n"
        '    prompt: "According to {{ article.author }}, in which year did {{ fact.what }} take place?"\n'
    )
    for deck_file, expected in ((HISTORY, True), (HEALTH, False)):
        folder = tmp_path / deck_file.stem
        shutil.copytree(deck_file.parent, folder)
        path = folder / deck_file.name
        text = path.read_text(encoding="utf-8")
        if "templates:\n" not in text:
            text = text.replace("facts:\n", "templates:\n" + own + "facts:\n", 1)
        else:
            text = text.replace("templates:\n", "templates:\n" + own, 1)
        path.write_text(text, encoding="utf-8")
        asked = [q for q in generate(load_deck(path, templates), templates) if q.template_id == "by-author"]
        assert bool(asked) is expected, deck_file
        assert all("Henrike Vos" in q.prompt for q in asked)


def test_templates_off_switches_shared_templates_off_by_id_or_form(tmp_path, templates):
    """A deck's templates_off removes shared templates by id or by form; a name that is neither is refused."""
    base = MINI_DECK.read_text(encoding="utf-8")
    folder = tmp_path / "m"
    shutil.copytree(MINI_DECK.parent, folder)
    path = folder / "mini.yaml"
    path.write_text(
        base.replace("facts:\n", "templates_off: [true-false, event-years-between]\nfacts:\n", 1), encoding="utf-8"
    )
    questions = generate(load_deck(path, templates), templates)
    assert questions and not [q for q in questions if q.form == "true-false" or q.template_id == "event-years-between"]
    path.write_text(base.replace("facts:\n", "templates_off: [no-such-template]\nfacts:\n", 1), encoding="utf-8")
    [message] = problems(path, templates)
    assert message.endswith("templates_off[0]: 'no-such-template' is neither a shared template id nor a form")


def test_equal_shares_tolerate_rounding_but_not_more(tmp_path, templates):
    """Three parts each holding 33.3% leave no rest; each holding 33.4% pass 100% and are refused."""
    body = """\
        slug: s
        source: {title: T, publisher: P}
        DECK_IDS
        facts:
          - {id: stake, kind: share, topic: trade-shares, parts: [Russia, China, Mongolia], whole: the company, value: VALUE, quote: q}
        """
    ok = load_deck(write(tmp_path, body.replace("VALUE", "33.3")), templates)
    questions = generate(ok, templates)
    assert not [q for q in questions if q.template_id == "share-remainder-numeric"]
    assert any("each of Russia, China and Mongolia" in q.prompt for q in questions)
    assert problems(write(tmp_path, body.replace("VALUE", "33.4")), templates) == [
        "d.yaml:5: facts[0].value: shares of the company add up to 100.2% (Russia, China and Mongolia 33.4% each)"
    ]


def test_several_articles_each_check_their_own_quotes(tmp_path, cli):
    """A deck drawing on two articles checks each fact's quote against its own article's text."""
    (tmp_path / "a.txt").write_text("The bridge opened in 1990.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The tunnel opened in 2001.", encoding="utf-8")
    body = """\
        slug: two
        sources:
          - {id: a, title: First, publisher: P, article: a.txt}
          - {id: b, title: Second, publisher: Q, date: 2002-01-05, article: b.txt}
        DECK_IDS
        facts:
          - {id: bridge, kind: event, topic: dates, what: the opening of the bridge, date: 1990, quote: "The bridge opened in 1990."}
          - {id: tunnel, kind: event, topic: dates, what: the opening of the tunnel, date: 2001, source: SOURCE, quote: "The tunnel opened in 2001."}
        """
    good = cli("check", str(write(tmp_path, body.replace("SOURCE", "b"))), "--quiet")
    assert good.returncode == 0, good.stderr
    bad = cli("check", str(write(tmp_path, body.replace("SOURCE", "a"))), "--quiet")
    assert bad.returncode == 2
    assert bad.stderr.strip().endswith("facts[1].quote: not found word for word in " + str(tmp_path / "a.txt"))


def test_several_decks_need_their_own_articles_and_names(tmp_path, cli):
    """--article is for one deck; two decks with one slug are a located error."""
    for name in ("one", "two"):
        folder = tmp_path / name
        shutil.copytree(MINI_DECK.parent, folder)
    second = tmp_path / "two" / "mini.yaml"
    second.write_text(
        second.read_text(encoding="utf-8")
        .replace("17000001", "17500001")
        .replace('name: "Mini fixture"', 'name: "Other"'),
        encoding="utf-8",
    )
    decks = [str(tmp_path / "one" / "mini.yaml"), str(second)]
    result = cli("check", *decks, "--article", str(tmp_path / "one" / "mini-article.txt"), "--quiet")
    assert result.returncode == 2
    assert "command line: --article: gives one article text, but several decks are checked" in result.stderr
    clash = cli("check", *decks, "--quiet")
    assert clash.returncode == 2 and f"{second}:1: slug: slug 'mini' is also the slug of" in clash.stderr


def test_open_hedges_are_carried_and_several_per_fact(tmp_path, templates):
    """A hedge outside the documented words is accepted and quoted; two hedges both reach the question."""
    path = write(
        tmp_path,
        """\
        slug: h
        source: {title: T, publisher: P}
        DECK_IDS
        facts:
          - {id: speed, kind: quantity, topic: gauges, subject: the design speed of the line, value: 200, unit: km/h,
             hedge: [up to, could, so we hear], stage: planned, quote: q}
        """,
    )
    deck = load_deck(path, templates)
    assert deck.fact("speed").hedges == ("up to", "could", "so we hear")
    for q in generate(deck, templates):
        assert "“up to”" in q.prompt and "“could”" in q.prompt and "“so we hear”" in q.prompt, q.prompt
        assert " was " not in q.prompt
    assert hedged("200 km/h", deck.fact("speed").hedges) == "up to 200 km/h (could) (so we hear)"


def test_compound_and_symbol_units_print_as_written():
    """km/h and t/year are never pluralised; unit names are, before 'per'."""
    assert format_amount(120, "km/h") == "120 km/h"
    assert format_amount(30, "t/year", value_max=40) == "30–40 t/year"
    assert format_amount(5, "mile_per_hour") == "5 miles per hour"
    assert format_amount(2, "hour") == "2 hours"


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        (
            "{id: s, kind: statement, topic: actors, speaker: X, about: y, said: not in it, quote: X said something.}",
            "d.yaml:5: facts[0].said: the words said must occur in the quote, verbatim",
        ),
        (
            "{id: r, kind: relation, topic: places, relation: route, subject: the line, from: A, quote: q}",
            "d.yaml:5: facts[0].to: missing required field (a route has it)",
        ),
        (
            "{id: e, kind: event, topic: dates, what: w, date: later this year, quote: q}",
            "d.yaml:5: facts[0].date: 'later this year' is relative to the article's date, but source.date is not given",
        ),
    ],
)
def test_newer_kinds_are_checked(tmp_path, templates, fact, message):
    """Statements quote verbatim, relations have their ends, relative dates need the article's date."""
    path = write(tmp_path, f"slug: k\nsource: {{title: T, publisher: P}}\nDECK_IDS\nfacts:\n  - {fact}\n")
    assert problems(path, templates) == [message]


@pytest.mark.parametrize("deck_file", [HEALTH, HISTORY], ids=lambda p: p.stem)
def test_fixture_articles_build_every_output(tmp_path, cli, deck_file):
    """Each fixture of another domain builds the Anki deck, quiz, key, JSON and briefing with no
    code change; the briefing is headed by the deck's topics, tables every figure and lists places."""
    from ..pdf.pdftext import page_texts

    folder = tmp_path / "decks"
    shutil.copytree(deck_file.parent, folder)  # the build keeps its lock file beside the deck
    result = cli("build", str(folder / deck_file.name), "-o", str(tmp_path / "out"), "--count", "10", "--quiet")
    assert result.returncode == 0, result.stderr
    slug = {"health": "health-report", "history": "history-canal"}[deck_file.stem]
    for end in (".apkg", "-quiz.pdf", "-key.pdf", "-quiz.json", "-briefing.pdf"):
        assert (tmp_path / "out" / f"{slug}{end}").is_file(), end
    text = " ".join(" ".join(page_texts(tmp_path / "out" / f"{slug}-briefing.pdf")).split())
    assert "Key figures" in text and "trade" not in text.casefold()
    if deck_file is HEALTH:
        assert "Harbour Station" in text and "up to 60 km/h" in text and "Vaccination coverage" in text
    else:
        assert "Kettering Gate" in text and "Undated in the article" in text and "the late 17th century" in text


@pytest.mark.parametrize("deck_file", FIXTURE_DECKS, ids=lambda p: p.stem)
def test_check_passes_on_every_fixture_deck(cli, deck_file):
    """`check` (rules, quotes against the deck's own text, question linter) passes on every fixture."""
    result = cli("check", str(deck_file), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "quotes found in" in result.stdout
