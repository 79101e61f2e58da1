"""GIFT export read back by gift-pegjs, an independent GIFT parser, and compared with the printed quiz."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import HOSTILE

GIFT_TYPES = {
    "choice": "MC",
    "true-false": "TF",
    "numeric": "Numerical",
    "short": "Short",
    "cloze": "Short",
    "matching": "Matching",
}


def _text(node: dict) -> str:
    """A parsed GIFT text as the learner sees it: the HTML unescaped, spaces collapsed."""
    assert node["format"] == "html"
    return " ".join(html.unescape(node["text"]).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _blank(text: str) -> str:
    return re.sub(r"\s*_____\s*", " _____ ", text)


def _parsed_questions(parsed: list[dict]) -> dict[str, dict]:
    return {q["title"]: q for q in parsed if q["type"] != "Category"}


def test_every_question_parses_as_the_quiz_asks_it(exports, gift_parser):
    """gift-pegjs reads every exported question with the type, prompt, options, correct answer and
    tolerance of the printed quiz's version A for the same seed."""
    parsed = _parsed_questions(gift_parser(exports.file("gift.txt")))
    planned = exports.version_a()
    records = exports.quiz["questions"]
    expected = {qid for qid, pq in planned.items() if pq["form"] != "ordering"}
    assert set(parsed) == expected
    for qid in expected:
        pq, rec, got = planned[qid], records[qid], parsed[qid]
        assert got["type"] == GIFT_TYPES[pq["form"]], qid
        if pq["form"] == "cloze":
            # gift-pegjs draws the blank as "_____" with a space either side.
            assert got["hasEmbeddedAnswers"] is True
            assert _blank(_text(got["stem"])) == _blank(_flat(pq["prompt"]))
        else:
            assert _text(got["stem"]) == _flat(pq["prompt"])
        if pq["form"] == "choice":
            assert [_text(c["text"]) for c in got["choices"]] == pq["options"]
            right = [c["isCorrect"] for c in got["choices"]]
            assert right == [letter == pq["correct"] for letter in pq["letters"]]
        elif pq["form"] == "true-false":
            assert got["isTrue"] is (pq["correct"] == "T")
        elif pq["form"] == "numeric":
            assert got["choices"]["type"] == "range"
            assert got["choices"]["number"] == pq["correct"]
            assert abs(got["choices"]["range"] - rec["tolerance"]) < 1e-9
        elif pq["form"] in ("short", "cloze"):
            accepted = [_text(c["text"]) for c in got["choices"]]
            assert all(c["isCorrect"] for c in got["choices"])
            assert accepted[0] == pq["correct"]
            assert accepted[1:] == [a for a in rec["accept"] if a != pq["correct"]]
        elif pq["form"] == "matching":
            pairs = [(_text(p["subquestion"]), html.unescape(p["subanswer"])) for p in got["matchPairs"]]
            by_letter = dict(zip(pq["letters"], pq["options"], strict=True))
            assert pairs == [(item, by_letter[letter]) for item, letter in zip(pq["items"], pq["correct"], strict=True)]


def test_feedback_is_the_source_sentence_and_citation(exports, gift_parser):
    """Each question's general feedback holds its explanation, every source sentence and the citation."""
    parsed = _parsed_questions(gift_parser(exports.file("gift.txt")))
    for qid, got in parsed.items():
        record = exports.quiz["questions"][qid]
        feedback = _text(got["globalFeedback"])
        assert _flat(record["explanation"]) in feedback
        assert all(_flat(s["quote"]) in feedback for s in record["sources"])
        assert all(_flat(s["citation"]) in feedback for s in record["sources"])


def test_a_category_per_topic(exports, gift_parser):
    """The file opens a $CATEGORY for each topic of the quiz, in order, except a topic whose every
    question was left out."""
    parsed = gift_parser(exports.file("gift.txt"))
    categories = [q["title"] for q in parsed if q["type"] == "Category"]
    kept = {
        exports.quiz["questions"][qid]["topic"] for qid, pq in exports.version_a().items() if pq["form"] != "ordering"
    }
    titles = [t["title"] for t in exports.quiz["topics"] if t["id"] in kept]
    assert categories == [f"$course$/top/studyaid/{exports.deck_name}/{t}" for t in titles]


def test_ordering_is_left_out_with_a_warning(tmp_path, capsys):
    """An ordering question, which GIFT cannot express, is not in the file and the warning names it."""
    from studyaid.cli import main

    from ..conftest import MINI_DECK

    assert (
        main(
            [
                "export",
                str(MINI_DECK),
                "-o",
                str(tmp_path),
                "--format",
                "gift",
                "--forms",
                "ordering",
                "--count",
                "1",
                "--quiet",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert re.search(
        r"warning: gift left out 1 question\(s\) it cannot express: event-chronological-order:\S+ \(ordering: GIFT has no ordering question type\)",
        err,
    )
    assert "::" not in (tmp_path / "mini-gift.txt").read_text(encoding="utf-8").replace("$course$", "")


def test_special_characters_survive(hostile_exports, gift_parser):
    """A name full of GIFT's special characters, markup and a matching arrow reads back exactly."""
    parsed = _parsed_questions(gift_parser(hostile_exports.file("gift.txt")))
    texts = []
    for got in parsed.values():
        texts.append(_text(got["stem"]))
        for choice in got.get("choices") or []:
            if (
                isinstance(choice, dict)
                and "text" in choice
                and isinstance(choice["text"], dict)
                and "format" in choice["text"]
            ):
                texts.append(_text(choice["text"]))
        for pair in got.get("matchPairs") or []:
            texts += [_text(pair["subquestion"]), html.unescape(pair["subanswer"])]
    assert any(HOSTILE in t for t in texts)
    planned = hostile_exports.version_a()
    assert set(parsed) == {qid for qid, pq in planned.items() if pq["form"] != "ordering"}


GIFT_NASTY = st.text(alphabet=st.sampled_from(list("~=#{}:\\[]<>&/-%\"' \n\tab1é中")), min_size=1, max_size=24).filter(
    lambda t: t.strip()
)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(GIFT_NASTY, GIFT_NASTY), min_size=1, max_size=12))
def test_any_text_reads_back(gift_parser, tmp_path_factory, pairs):
    """Any text built from GIFT's special characters, brackets, markup and line breaks, written as
    a question and its answer with studyaid's escaping, reads back from gift-pegjs as written."""
    from studyaid.export.gift import escape

    lines = [f"::q{i}::[html]{escape(q)} {{={escape(a)}####{escape(q)}}}\n" for i, (q, a) in enumerate(pairs)]
    path = tmp_path_factory.mktemp("gift-any") / "any.gift"
    path.write_text("\n".join(lines), encoding="utf-8")
    parsed = gift_parser(path)
    assert len(parsed) == len(pairs)
    for (question, answer), got in zip(pairs, parsed, strict=True):
        assert _text(got["stem"]) == _flat(question)
        assert [_text(c["text"]) for c in got["choices"]] == [_flat(answer)]
        assert _text(got["globalFeedback"]) == _flat(question)
