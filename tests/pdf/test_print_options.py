"""What a teacher sets for the printed quiz (points, title, class, time, paper, print size,
questions in or out, spare descriptions, reading sheet) and the key's length, read back with pypdf."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from studyaid.errors import InputError
from studyaid.export import export_options
from studyaid.export.quiz import export_quiz, quiz_record
from studyaid.quizplan import PARTS_SCORED, plan_quiz, points_for

from .pdftext import font_sizes, normal, page_texts, squash

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def export(deck, questions, out: Path, **options):
    """The quiz, key and JSON for ``options``, with the JSON record and the quiz's page texts."""
    paths = export_quiz(deck, questions, export_options(out_dir=out, **options))
    return paths, json.loads(paths[2].read_text(encoding="utf-8")), page_texts(paths[0])


def page_size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


# ---------------------------------------------------------------- points


def test_points_default_to_one_and_matching_and_ordering_score_per_part(mini_questions):
    """A question is worth 1 point; matching and ordering one per pair or box; --points sets
    the points per form (per part for the two scored in parts)."""
    for q in mini_questions:
        worth = points_for(q)
        parts = len(q.items) if q.form in PARTS_SCORED else 1
        assert (worth.each, worth.parts, worth.total) == (1, parts, parts)
        doubled = points_for(q, {q.form: 2})
        assert doubled.total == 2 * parts


def test_quiz_prints_each_questions_points_and_the_total(mini_deck, mini_questions, tmp_path):
    """Every question shows its points beside it, the score line shows the total, and the JSON
    and the key give the same points."""
    paths, record, texts = export(
        mini_deck, mini_questions, tmp_path, versions=2, count=12, seed=3, points=(("choice", 2),)
    )
    total = sum(q["points"]["total"] for q in record["questions"].values())
    assert record["total_points"] == total
    for q in record["questions"].values():
        expected = 2 if q["form"] == "choice" else 1
        assert q["points"]["each"] == expected
    quiz = normal(" ".join(texts))
    assert quiz.count(f"/ {total}") == 2, "the score line of each version"
    for version in record["versions"]:
        for q in version["questions"]:
            assert q["points"] == record["questions"][q["id"]]["points"]["total"]
    for text in {q["points"]["text"] for q in record["questions"].values()}:
        assert f"({text})" in quiz
    key = normal(" ".join(page_texts(paths[1])))
    assert f"{total} points each" in key


def test_unknown_form_in_points_is_an_input_error(mini_deck, mini_questions, tmp_path):
    """--points naming a form that does not exist is refused before anything is written."""
    with pytest.raises(InputError) as caught:
        export(mini_deck, mini_questions, tmp_path, versions=1, count=3, points=(("essay", 2),))
    assert str(caught.value) == (
        f"{mini_deck.path}: --points: unknown form 'essay' "
        "(expected one of choice, true-false, numeric, short, cloze, ordering, matching)"
    )
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- title, class, time, paper, print size


def test_title_class_and_time_are_printed_and_paper_is_letter(mini_deck, mini_questions, tmp_path):
    """--title replaces the heading (the article is still named), --class and --time are printed
    on every version's first page, and --paper letter sets US Letter pages for quiz and key."""
    paths, record, texts = export(
        mini_deck,
        mini_questions,
        tmp_path,
        versions=2,
        count=6,
        title="Border trade: reading check",
        class_name="9B",
        time_allowed="25 minutes",
        paper="letter",
    )
    firsts = [t for t in texts if re.search(r"VERSION [A-Z]+\b", normal(t))]
    assert len(firsts) == 2
    for text in firsts:
        t = normal(text)
        assert "Border trade: reading check" in t and "Class: 9B" in t and "Time allowed: 25 minutes" in t
        assert mini_deck.source.title in t
    assert page_size(paths[0]) == LETTER and page_size(paths[1]) == LETTER
    default, _, _ = export(mini_deck, mini_questions, tmp_path / "a4", versions=1, count=3)
    assert page_size(default[0]) == A4


def test_large_print_sets_no_text_under_14_points(mini_deck, mini_questions, tmp_path):
    """With --large-print every character of the quiz is set at 14 pt or more (read from the
    PDF's text operators); the usual quiz has smaller text."""
    paths, _, _ = export(mini_deck, mini_questions, tmp_path, versions=1, count=10, large_print=True)
    sizes = font_sizes(paths[0])
    assert min(sizes) >= 14, sorted(sizes.items())[:3]
    usual, _, _ = export(mini_deck, mini_questions, tmp_path / "usual", versions=1, count=10)
    assert min(font_sizes(usual[0])) < 14


def test_instructions_say_what_the_student_is_given(mini_deck, mini_questions, tmp_path):
    """The instructions name the article and say it is not printed; with --reading-sheet they
    point to the sentences, which are printed (all but the cloze questions', whose blank they
    would fill) before the questions."""
    _, record, texts = export(mini_deck, mini_questions, tmp_path, versions=1, count=12, seed=2)
    first = normal(texts[0])
    assert "article above" not in first
    assert f"“{mini_deck.source.title}”" in first and "The article is not printed here" in first
    _, record, texts = export(mini_deck, mini_questions, tmp_path / "sheet", versions=1, count=12, seed=2)
    assert record["reading"] is None
    _, record, texts = export(
        mini_deck, mini_questions, tmp_path / "reading", versions=1, count=12, seed=2, reading_sheet=True
    )
    quiz = squash(" ".join(texts))
    assert "printed under “Reading” below" in normal(texts[0])
    sentences = {s["quote"] for q in record["questions"].values() if q["form"] != "cloze" for s in q["sources"]}
    assert {r["quote"] for r in record["reading"]} == sentences
    for quote in sentences:
        assert squash(quote) in quiz
    first_plain = next(q for q in record["versions"][0]["questions"] if q["form"] != "cloze")
    assert quiz.index(squash("Reading")) < quiz.index(squash(first_plain["prompt"]))


def test_counts_are_plural_only_when_more_than_one(mini_deck, mini_questions, tmp_path):
    """One version of five questions is written so, not '1 versions'."""
    paths, record, texts = export(mini_deck, mini_questions, tmp_path, versions=1, count=5)
    key = normal(" ".join(page_texts(paths[1])))
    assert "1 version of 5 questions" in key and "1 versions" not in key
    assert "Answer all 5 questions" in normal(texts[0])


# ---------------------------------------------------------------- choosing questions


def test_included_questions_are_asked_and_excluded_ones_never(mini_deck, mini_questions):
    """--include puts the named questions in every version (even outside --forms); --exclude keeps
    the named ones out of every selection."""
    ordering = next(q for q in mini_questions if q.form == "ordering")
    plan = plan_quiz(mini_deck, mini_questions, versions=2, count=6, seed=4, forms=("numeric",), include=(ordering.id,))
    assert ordering.id in {q.id for q in plan.selected}
    first = plan_quiz(mini_deck, mini_questions, versions=1, count=8, seed=4)
    out = tuple(q.id for q in first.selected[:3])
    again = plan_quiz(mini_deck, mini_questions, versions=1, count=8, seed=4, exclude=out)
    assert not set(out) & {q.id for q in again.selected}


def test_unknown_or_clashing_ids_are_input_errors(mini_deck, mini_questions):
    """An unknown id, an id both included and excluded, and two included questions that give
    each other away are each reported naming the option."""
    with pytest.raises(InputError) as caught:
        plan_quiz(
            mini_deck, mini_questions, versions=1, count=5, seed=1, include=("no-such-question",), exclude=("nope",)
        )
    assert sorted(str(p) for p in caught.value.problems) == [
        f"{mini_deck.path}: --exclude: no question has the id 'nope' (see `studyaid questions`)",
        f"{mini_deck.path}: --include: no question has the id 'no-such-question' (see `studyaid questions`)",
    ]
    by_fact: dict[str, list[str]] = {}
    for q in mini_questions:
        by_fact.setdefault(q.fact_ids[0], []).append(q.id)
    pair = next(ids[:2] for ids in by_fact.values() if len(ids) > 1)
    with pytest.raises(InputError) as caught:
        plan_quiz(mini_deck, mini_questions, versions=1, count=5, seed=1, include=tuple(pair))
    assert (
        str(caught.value)
        == f"{mini_deck.path}: --include: {pair[0]!r} and {pair[1]!r} share a fact or give each other away"
    )


def test_matching_prints_spare_descriptions_that_match_no_name(article_deck, article_questions):
    """A matching question gets the asked number of extra descriptions, each another actor's
    (not one the quiz asks about), worded unlike every right answer; its letters still mark the
    right descriptions."""
    matching = next(q for q in article_questions if q.form == "matching")
    plan = plan_quiz(
        article_deck, article_questions, versions=3, count=6, seed=8, include=(matching.id,), extra_descriptions=2
    )
    asked = {fid for q in plan.selected for fid in q.fact_ids}
    roles = {f["role"] for f in article_deck.facts if f.kind == "actor" and f.id not in asked}
    for version in plan.versions:
        pq = next(p for p in version.questions if p.question.id == matching.id)
        spare = set(pq.options) - set(matching.options)
        assert len(pq.options) == len(matching.items) + 2 and len(spare) == 2
        assert spare <= roles
        right = {item: matching.options[k] for item, k in zip(matching.items, matching.key, strict=True)}
        for item, letter in zip(pq.items, pq.correct, strict=True):
            assert pq.options[pq.letters.index(letter)] == right[item]


# ---------------------------------------------------------------- the key's length


def key_pages(deck, questions, versions: int, count: int) -> int:
    """Pages of the key alone for ``versions`` x ``count`` of the deck, made as the export makes
    it (in parts, joined, for a large quiz); the quiz itself is not compiled."""
    from io import BytesIO

    from studyaid.export import quiz_render
    from studyaid.export.pdf_merge import merge_pdfs
    from studyaid.export.typst_jobs import Workers

    plan = plan_quiz(deck, questions, versions=versions, count=count, seed=deck.settings.seed)
    record = quiz_record(deck, plan, deck.settings.seed)
    parts = Workers(0).run(quiz_render.key_jobs(record, 0))
    return len(PdfReader(BytesIO(merge_pdfs([pdf for pdf, _ in parts]))).pages)


def test_the_key_for_4_versions_of_20_fits_4_pages(article_deck, article_questions):
    """The article's key for 4 versions of 20 questions is at most 4 pages (was 13)."""
    assert key_pages(article_deck, article_questions, 4, 20) <= 4


def test_the_key_for_200_versions_of_20_fits_30_pages(article_deck, article_questions):
    """The article's key for 200 versions of 20 questions is at most 30 pages (was 612): one
    table per version, each explanation once."""
    assert key_pages(article_deck, article_questions, 200, 20) <= 30


def test_key_text_is_at_least_8_points(article_deck, article_questions, tmp_path):
    """No character of the key is set under 8 pt (a long answer shrinks to fit its cell, but
    never below that)."""
    paths, _, _ = export(article_deck, article_questions, tmp_path, versions=4, count=20)
    assert min(font_sizes(paths[1])) >= 8
