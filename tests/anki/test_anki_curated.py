"""The curated default deck: chosen by quality score, every fact kept, few notes per fact; and the
command line's `anki --all`, `--topics` and `--forms`."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pytest

from studyaid.curate import MAX_PER_FACT, MIN_SCORE, NOTES_PER_FACT, curate
from studyaid.export.anki.notes import note_groups
from studyaid.model import FORMS, TOPICS
from studyaid.quality import Scorer, derived

from ..conftest import FIXTURE_DECKS, MINI_DECK
from .conftest import T1, answer_good, build, import_package, notes_by_question

SCHEDULE = "select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left from cards"


def _curated(deck, questions):
    units = note_groups(deck, questions)
    return units, [units[i] for i in curate(deck, units)]


@pytest.mark.parametrize("deck_file", FIXTURE_DECKS, ids=lambda p: p.stem)
def test_curated_deck_keeps_every_fact_within_the_budget(deck_file, templates):
    """On every fixture article: every fact of the bank is in a curated note, there are at most
    NOTES_PER_FACT notes per fact on average, no fact's second or third note repeats a form it has
    or scores under MIN_SCORE, and the same input gives the same choice."""
    from studyaid.generate import generate
    from studyaid.load import load_deck

    deck = load_deck(deck_file, templates)
    questions = generate(deck, templates)
    units, kept = _curated(deck, questions)
    facts = {f for q in questions for f in q.fact_ids}
    assert {f for unit in kept for q in unit for f in q.fact_ids} == facts
    assert len(kept) <= NOTES_PER_FACT * len(facts)
    assert len(kept) < len(units)
    assert curate(deck, units) == curate(deck, list(units))
    scorer = Scorer(deck)
    for fact in facts:
        mine = [u for u in kept if any(fact in q.fact_ids for q in u)]
        forms = [frozenset(q.form for q in u) for u in mine]
        if len(mine) > 1:
            later = [u for u in mine if min(scorer.score(q).value for q in u) >= MIN_SCORE]
            assert len(later) >= len(mine) - 1, fact
            assert len(set(forms)) >= len(mine) - 1, fact


def test_article_deck_curated_figures(article_deck, article_questions):
    """The article: at most 3 notes per fact (measured: under 2), every topic, at least five forms,
    no fact in more than MAX_PER_FACT notes, and no derived figure where the fact has better."""
    units, kept = _curated(article_deck, article_questions)
    facts = {f for q in article_questions for f in q.fact_ids}
    assert len(kept) / len(facts) <= 3
    assert {u[0].topic for u in kept} == set(article_deck.topic_ids)
    assert len({u[0].form for u in kept}) >= 5
    per_fact = Counter(f for u in kept for f in dict.fromkeys(f for q in u for f in q.fact_ids))
    assert max(per_fact.values()) <= MAX_PER_FACT
    gaps = [u for u in kept if u[0].template_id == "event-years-between"]
    assert len(gaps) <= sum(1 for u in units if u[0].template_id == "event-years-between") // 4


def test_score_rises_with_recall_and_falls_with_derived_figures_and_warnings(mini_deck, mini_questions):
    """A cloze outscores a true/false on one fact; a figure the article never states scores one
    less; a question with linter warnings scores three less per class of warning."""
    scorer = Scorer(mini_deck)
    by_form = {}
    for q in mini_questions:
        if q.fact_ids == ("share-a",):
            by_form[q.form] = scorer.score(q).value
    assert by_form["cloze"] > by_form["true-false"]
    plain = next(q for q in mini_questions if q.form == "numeric" and not derived(q))
    computed = dataclasses.replace(plain, id=plain.id + "-x", answer="12345")
    assert derived(computed) and not derived(plain)
    assert scorer.base(computed).value == pytest.approx(scorer.base(plain).value - 1.0)
    echo = dataclasses.replace(plain, id=plain.id + "-echo", prompt=plain.prompt + " " + plain.answer)
    assert scorer.score(echo).value <= scorer.base(echo).value - 3.0
    assert any(r.startswith("linter: ") for r in scorer.score(echo).reasons)


def test_default_build_keeps_reviews_across_an_edit(deck_copy, tmp_path, templates, collection):
    """The curated default deck updates like the whole bank: after a fact's value changes, a
    re-import updates notes in place and keeps every card's scheduling and review log."""
    v1 = build(deck_copy, tmp_path / "v1", templates, T1, all_questions=False)
    import_package(collection, v1.apkg)
    answer_good(collection, collection.find_cards("")[::5])
    schedule, revlog = collection.db.all(SCHEDULE), collection.db.all("select * from revlog")
    text = deck_copy.read_text(encoding="utf-8")
    deck_copy.write_text(text.replace("value: 60,", "value: 62,").replace("60%", "62%"), encoding="utf-8")
    v2 = build(deck_copy, tmp_path / "v2", templates, T1 + 86_400, all_questions=False)
    log = import_package(collection, v2.apkg)
    assert log.updated and not log.conflicting
    kept = {row[0] for row in schedule}
    assert [r for r in collection.db.all(SCHEDULE) if r[0] in kept] == schedule
    assert collection.db.all("select * from revlog") == revlog


def test_anki_command_curates_by_default_and_all_gives_the_bank(cli, tmp_path, templates):
    """`studyaid anki` writes the curated deck and says how many more notes the bank has; `--all`
    writes every note; notes left out are never counted as retired."""
    deck_file = tmp_path / "decks" / "mini.yaml"
    deck_file.parent.mkdir()
    deck_file.write_bytes(MINI_DECK.read_bytes())
    (tmp_path / "decks" / "mini-article.txt").write_bytes((MINI_DECK.parent / "mini-article.txt").read_bytes())
    whole = cli("anki", str(deck_file), "--all", "-o", str(tmp_path / "all"), "--timestamp", str(T1))
    assert whole.returncode == 0, whole.stderr
    assert "Anki notes: " in whole.stderr and "more in the whole bank" not in whole.stderr
    bank = len(json.loads(deck_file.with_suffix(".lock.json").read_text(encoding="utf-8")))
    curated = cli("anki", str(deck_file), "-o", str(tmp_path / "cur"), "--timestamp", str(T1))
    assert curated.returncode == 0, curated.stderr
    line = next(x for x in curated.stderr.splitlines() if "Anki notes: " in x)
    left = int(line.split("; ")[1].split()[0])
    assert ", 0 retired; " in line and 0 < left < bank


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--topics",
            "weather",
            "unknown topic 'weather' (expected one of trade-shares, gauges, dates, actors, places)",
        ),
        ("--forms", "essay", f"unknown form 'essay' (expected one of {', '.join(FORMS)})"),
    ],
)
def test_anki_topics_and_forms_are_checked_like_the_quizs(cli, tmp_path, option, value, message):
    """`anki --topics`/`--forms` with an unknown value: one located line, exit 2, nothing written."""
    result = cli("anki", str(MINI_DECK), option, value, "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_anki_topics_and_forms_choose_the_notes(cli, tmp_path, templates):
    """`anki --topics gauges --forms cloze,short` makes a deck of those notes only; `anki --help`
    names every topic and form."""
    deck_file = tmp_path / "decks" / "mini.yaml"
    deck_file.parent.mkdir()
    deck_file.write_bytes(MINI_DECK.read_bytes())
    (tmp_path / "decks" / "mini-article.txt").write_bytes((MINI_DECK.parent / "mini-article.txt").read_bytes())
    result = cli(
        "anki", str(deck_file), "--topics", "gauges", "--forms", "cloze,short", "--all", "-o", str(tmp_path / "o")
    )
    assert result.returncode == 0, result.stderr
    from anki.collection import Collection

    col = Collection(str(tmp_path / "c.anki2"))
    try:
        import_package(col, tmp_path / "o" / "mini.apkg")
        tags = [set(col.get_note(n).tags) for n in col.find_notes("")]
        assert tags and all("studyaid::topic::gauges" in t for t in tags)
        assert all(t & {"studyaid::form::cloze", "studyaid::form::short"} for t in tags)
    finally:
        col.close()
    text = " ".join(cli("anki", "--help").stdout.split())
    for value in (*TOPICS, *FORMS, "--all"):
        assert value in text


def test_curated_deck_is_byte_reproducible(deck_copy, tmp_path, templates):
    """Two curated builds of the same deck file with the same timestamp give identical packages."""
    first = build(deck_copy, tmp_path / "a", templates, T1, all_questions=False)
    second = build(deck_copy, tmp_path / "b", templates, T1, all_questions=False)
    assert first.apkg.read_bytes() == second.apkg.read_bytes()


def test_questions_curated_lists_what_the_default_deck_asks(cli, deck_copy, tmp_path, templates, collection):
    """`studyaid questions --curated` lists exactly the questions the default Anki deck holds, in
    the bank's order; without it the JSON lists the whole bank."""
    (deck_copy.parent / "mini-article.txt").write_bytes((MINI_DECK.parent / "mini-article.txt").read_bytes())
    curated = cli("questions", str(deck_copy), "--curated", "--format", "json", "--quiet")
    whole = cli("questions", str(deck_copy), "--format", "json", "--quiet")
    assert curated.returncode == whole.returncode == 0, curated.stderr
    listed = [r["id"] for r in json.loads(curated.stdout)]
    bank = [r["id"] for r in json.loads(whole.stdout)]
    assert listed == [i for i in bank if i in set(listed)] and len(listed) < len(bank)
    built = build(deck_copy, tmp_path / "out", templates, T1, all_questions=False)
    import_package(collection, built.apkg)
    assert sorted(listed) == sorted(notes_by_question(collection))
