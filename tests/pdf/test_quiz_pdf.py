"""The printed quiz, its key and its JSON, read back with pypdf and compared with the generator."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.errors import ExportError, InputError
from studyaid.export import export_options, typst_pdf
from studyaid.export.quiz import check_placement, export_quiz, quiz_record
from studyaid.export.quiz_render import QUESTION_MARKS, question_marks
from studyaid.export.typst_pdf import render_pdf
from studyaid.quizplan import plan_quiz
from studyaid.quizselect import footprint

from .pdftext import normal, page_texts, page_texts_of, squash

VERSIONS = 3
COUNT = 16
SEED = 5
FOOTER = re.compile(r"Version ([A-Z]+) · page (\d+) of (\d+)")


def export(deck, questions, out: Path, **options):
    """The three quiz files for ``options`` over the defaults, and the JSON record."""
    settings_ = {"versions": VERSIONS, "count": COUNT, "seed": SEED, "topics": None, "forms": None}
    settings_.update(options)
    paths = export_quiz(deck, questions, export_options(out_dir=out, **settings_))
    return paths, json.loads(paths[2].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def quiz(mini_deck, mini_questions, tmp_path_factory):
    """One quiz export of the fixture deck: (quiz pdf, key pdf, json path), record, page texts."""
    paths, record = export(mini_deck, mini_questions, tmp_path_factory.mktemp("quiz"))
    return paths, record, page_texts(paths[0]), page_texts(paths[1])


def version_pages(texts: list[str]) -> dict[str, list[str]]:
    """Each version's pages, by the version code in their footers."""
    out: dict[str, list[str]] = {}
    for text in texts:
        found = FOOTER.findall(normal(text))
        assert len(found) == 1, f"one footer per page, got {found}"
        out.setdefault(found[0][0], []).append(text)
    return out


def printed_parts(record: dict, q: dict) -> list[str]:
    """The texts a question must print: its prompt (around a cloze blank), options, items."""
    shared = record["questions"][q["id"]]
    prompt = shared["prompt_parts"] or [q["prompt"]]
    return [p for p in prompt if p.strip()] + (q["options"] or []) + (q["items"] or [])


def test_files_are_written_with_the_deck_slug(quiz):
    """export_quiz returns the quiz PDF, the key PDF and the JSON, named after the deck's slug."""
    paths = quiz[0]
    assert [p.name for p in paths] == ["mini-quiz.pdf", "mini-key.pdf", "mini-quiz.json"]
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in paths[:2])


def test_every_version_starts_on_a_new_page_with_its_code_in_every_footer(quiz):
    """Versions follow one another A, B, C; each page's footer names its version and its page
    within it; each version's first page carries the code in the title block."""
    _, record, texts, _ = quiz
    footers = [FOOTER.findall(normal(t))[0] for t in texts]
    codes = [code for code, _, _ in footers]
    assert list(dict.fromkeys(codes)) == [v["code"] for v in record["versions"]] == ["A", "B", "C"]
    for code in dict.fromkeys(codes):
        pages = [(int(n), int(of)) for c, n, of in footers if c == code]
        assert pages == [(i, len(pages)) for i in range(1, len(pages) + 1)]
    for i, text in enumerate(texts):
        starts = footers[i][1] == "1"
        assert bool(re.search(rf"VERSION {footers[i][0]}\b", normal(text))) == starts


def test_every_question_prints_its_prompt_options_and_items_in_its_version(quiz):
    """Each version's pages hold every one of its questions' prompts, options and items."""
    _, record, texts, _ = quiz
    pages = version_pages(texts)
    for version in record["versions"]:
        text = squash(" ".join(pages[version["code"]]))
        for q in version["questions"]:
            for part in printed_parts(record, q):
                assert squash(part) in text, (version["code"], q["number"], part)


def test_options_are_lettered_in_the_printed_order(quiz):
    """Each option follows its letter, and options appear in the order the JSON gives."""
    _, record, texts, _ = quiz
    pages = version_pages(texts)
    for version in record["versions"]:
        text = squash(" ".join(pages[version["code"]]))
        for q in version["questions"]:
            if q["form"] not in ("choice", "matching"):
                continue
            start = text.index(squash(q["prompt"]))
            at = [
                text.index(squash(f"{letter}{'.' if q['form'] == 'matching' else ''}{option}"), start)
                for letter, option in zip(q["letters"], q["options"], strict=True)
            ]
            assert at == sorted(at), (version["code"], q["number"])


def test_no_question_is_split_from_its_options_by_the_text_of_each_page(quiz):
    """All of a question's printed text lies on one page (read back with pypdf)."""
    _, record, texts, _ = quiz
    pages = version_pages(texts)
    for version in record["versions"]:
        squashed = [squash(t) for t in pages[version["code"]]]
        for q in version["questions"]:
            parts = [squash(p) for p in printed_parts(record, q)]
            assert any(all(p in page for p in parts) for page in squashed), (version["code"], q["number"])


def test_no_question_is_split_by_the_typst_page_marks(mini_deck, mini_questions):
    """Typst's own start and end marks of every question are on one page, for a long quiz."""
    plan = plan_quiz(mini_deck, mini_questions, versions=4, count=20, seed=11)
    _, found = render_pdf(
        "quiz.typ", quiz_record(mini_deck, plan, 11), timestamp=0, pdf_tags=False, query=QUESTION_MARKS
    )
    marks = question_marks(found)
    assert len(marks) == 2 * 4 * 20
    pages: dict[tuple[str, str], set[int]] = {}
    for mark in marks:
        pages.setdefault((mark["version"], mark["id"]), set()).add(mark["page"])
    assert all(len(p) == 1 for p in pages.values())
    check_placement(marks, plan)


def test_a_split_question_is_an_export_error(mini_deck, mini_questions):
    """check_placement refuses marks that put a question's start and end on different pages."""
    plan = plan_quiz(mini_deck, mini_questions, versions=1, count=2, seed=1)
    ids = [pq.question.id for pq in plan.versions[0].questions]
    marks = [
        {"version": "A", "id": ids[0], "page": 1},
        {"version": "A", "id": ids[0], "page": 2},
        {"version": "A", "id": ids[1], "page": 2},
        {"version": "A", "id": ids[1], "page": 2},
    ]
    with pytest.raises(
        ExportError, match=re.escape(f"questions split across pages: version A, {ids[0]} (pages [1, 2])")
    ):
        check_placement(marks, plan)


def cell_text(record: dict, q: dict) -> str:
    """A key cell as pypdf reads it: number, explanation entry, points, the answer to look for."""
    shared = record["questions"][q["id"]]
    return squash(f"{q['number']} E{record['entries'][q['id']]} {shared['points']['short']} {q['grid']}")


def cells_in_order(key: str, record: dict) -> bool:
    """Every version's cells appear in the key, version after version, in question order."""
    at = 0
    for version in record["versions"]:
        for q in version["questions"]:
            found = key.find(cell_text(record, q), at)
            if found < 0:
                return False
            at = found
    return True


def test_key_has_one_numbered_cell_per_question_per_version(quiz):
    """The key's tables give, for every version in order, one cell per question with its number,
    its explanation's entry, its points and the answer the JSON gives, in question order."""
    _, record, _, key_texts = quiz
    assert cells_in_order(squash(" ".join(key_texts)), record)
    text = normal(" ".join(key_texts))
    assert "1 versions" not in text and f"{len(record['versions'])} versions of {record['count']} questions" in text


def test_key_explains_each_question_once_with_its_sources(quiz, mini_questions):
    """Each question's explanation, source sentences and the notes they cite are printed once,
    whatever the number of versions, under its entry number; the article is cited once."""
    _, record, _, key_texts = quiz
    by_id = {q.id: q for q in mini_questions}
    key = squash(" ".join(key_texts))
    assert key.count(squash(record["reference"])) == 1
    for qid, n in record["entries"].items():
        assert key.count(squash(by_id[qid].explanation)) >= 1, qid
        assert squash(f"E{n}") in key
        for source in by_id[qid].sources:
            assert squash(source.quote) in key, qid
            beyond = source.citation.removeprefix(record["reference"]).lstrip(";, ")
            if beyond:
                assert squash(beyond) in key, qid
    quote_counts = [key.count(squash(s.quote)) for qid in record["entries"] for s in by_id[qid].sources]
    assert max(quote_counts) <= 2, "a quote is printed once (twice only when two questions share it)"


def test_key_entries_list_each_versions_number(quiz):
    """With few versions, each explanation entry lists the question's number in every version."""
    _, record, _, key_texts = quiz
    key = squash(" ".join(key_texts))
    for qid in record["question_ids"]:
        numbers = " ".join(
            f"{v['code']} {next(q['number'] for q in v['questions'] if q['id'] == qid)}" for v in record["versions"]
        )
        assert squash(numbers) in key, qid


def answer_of(q_json: dict, question) -> object:
    """What the printed version's marks mean, in the generator's terms."""
    form = q_json["form"]
    if form == "choice":
        return q_json["options"][q_json["letters"].index(q_json["correct"])]
    if form == "true-false":
        return {"T": "True", "F": "False"}[q_json["correct"]]
    if form == "numeric":
        return q_json["correct"]
    if form == "ordering":
        by_rank = sorted(zip(q_json["correct"], q_json["items"], strict=True))
        return tuple(item for _, item in by_rank)
    if form == "matching":
        return tuple(q_json["options"][q_json["letters"].index(letter)] for letter in q_json["correct"])
    return q_json["correct"]


def expected_answer(q_json: dict, question) -> object:
    """The generator's answer for the same question, in the printed version's item order."""
    form = question.form
    if form in ("choice", "true-false"):
        return question.options[question.key[0]]
    if form == "numeric":
        return question.numeric.value
    if form == "ordering":
        return tuple(question.items[i] for i in question.key)
    if form == "matching":
        role = {question.items[i]: question.options[k] for i, k in enumerate(question.key)}
        return tuple(role[item] for item in q_json["items"])
    return question.answer


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10**6), count=st.integers(4, 20), versions=st.integers(1, 3))
def test_key_answers_agree_with_the_generator_for_any_seed(
    mini_deck, mini_questions, tmp_path_factory, seed, count, versions
):
    """For any seed, the JSON's letters and values mean the generator's answers for the same
    question ids, and the key PDF prints exactly those letters and values."""
    out = tmp_path_factory.mktemp("seeded")
    paths, record = export(mini_deck, mini_questions, out, seed=seed, count=count, versions=versions)
    by_id = {q.id: q for q in mini_questions}
    key = squash(" ".join(page_texts(paths[1])))
    for version in record["versions"]:
        assert len(version["questions"]) == count
        for q in version["questions"]:
            assert answer_of(q, by_id[q["id"]]) == expected_answer(q, by_id[q["id"]]), q["id"]
    assert cells_in_order(key, record)


def test_same_seed_gives_byte_identical_files(mini_deck, mini_questions, tmp_path):
    """Two exports with the same input and seed write the same bytes; another seed does not."""
    first, _ = export(mini_deck, mini_questions, tmp_path / "one")
    second, _ = export(mini_deck, mini_questions, tmp_path / "two")
    other, _ = export(mini_deck, mini_questions, tmp_path / "three", seed=SEED + 1)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert first[2].read_bytes() != other[2].read_bytes()


def test_versions_ask_the_same_questions_and_no_two_share_a_fact(quiz, mini_deck, mini_questions):
    """Every version asks the same question ids, and no two of them rest on a common fact."""
    _, record, _, _ = quiz
    sets = [sorted(q["id"] for q in v["questions"]) for v in record["versions"]]
    assert all(s == sorted(record["question_ids"]) for s in sets)
    by_id = {q.id: q for q in mini_questions}
    prints = [footprint(mini_deck, by_id[i]) for i in record["question_ids"]]
    assert sum(len(p) for p in prints) == len(set().union(*prints))
    orders = {tuple(q["id"] for q in v["questions"]) for v in record["versions"]}
    assert len(orders) == VERSIONS, "each version has its own order"


def test_too_many_questions_is_an_input_error(mini_deck, mini_questions, tmp_path):
    """Asking for more questions than can be chosen without shared facts names the limit."""
    with pytest.raises(InputError) as caught:
        export(mini_deck, mini_questions, tmp_path, count=60)
    assert str(caught.value) == (
        f"{mini_deck.path}: --count: asked for 60 questions per version, but only 20 of the "
        f"{len(mini_questions)} questions on all topics in all forms could be chosen without two of them "
        "sharing a fact or one giving away another's answer; use --count 20 or fewer"
    )
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_a_typst_warning_fails_the_build(tmp_path, monkeypatch):
    """A template that makes Typst warn (here: an unknown font) raises ExportError."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "warn.typ").write_text('#set text(font: "No Such Font")\nHello', encoding="utf-8")

    class Package:
        def joinpath(self, name: str) -> Path:
            return tmp_path / name

    monkeypatch.setattr(typst_pdf, "files", lambda package: Package())
    with pytest.raises(ExportError, match=r"^Typst warned while rendering warn\.typ \(treated as an error\): "):
        render_pdf("warn.typ", {}, timestamp=0, pdf_tags=False)


def test_loading_the_cli_and_exporters_does_not_import_typst():
    """Typst is imported only when a PDF is made, never by importing the CLI or the exporters."""
    code = (
        "import sys, studyaid.cli, studyaid.export.quiz, studyaid.export.briefing, studyaid.quizplan; "
        "sys.exit('typst' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_chunked_quiz_is_the_same_bytes_on_workers_as_in_one_process(mini_deck, mini_questions, monkeypatch):
    """A quiz large enough to be compiled in chunks (and its key in parts) gives the same bytes
    from two worker processes as from this process alone, and the same again on a second run."""
    from studyaid.export import quiz_render
    from studyaid.export.typst_jobs import Workers

    monkeypatch.setattr(quiz_render, "KEY_PART_CELLS", 40)
    plan = plan_quiz(mini_deck, mini_questions, versions=8, count=20, seed=3, topics=None, forms=None)
    record = quiz_record(mini_deck, plan, 3)
    assert len(quiz_render.quiz_jobs(record, 0)) > 1 and len(quiz_render.key_jobs(record, 0)) > 1
    alone = quiz_render.render_quiz_and_key(record, 1_700_000_000)
    with Workers(2) as pool:
        on_workers = quiz_render.render_quiz_and_key(record, 1_700_000_000, pool)
    with Workers(2) as pool:
        again = quiz_render.render_quiz_and_key(record, 1_700_000_000, pool)
    assert alone == on_workers == again
    check_placement(on_workers[0][1], plan)
    key = normal(" ".join(page_texts_of(on_workers[1][0])))
    assert "Versions A–B" in key and "Explanations" in key
