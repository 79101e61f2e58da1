"""Moodle XML read back by moodle-xml-parser (an independent reader from PyPI, which knows the
multichoice and cloze types) and, for every type, by a strict lxml check against the elements
Moodle's XML import reads; everything compared with the printed quiz."""

from __future__ import annotations

import base64
import contextlib
import html
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from .conftest import HOSTILE

parser = pytest.importorskip("moodle_xml_parser.parser", reason="moodle-xml-parser is a test dependency")

MOODLE_TYPES = {
    "choice": "multichoice",
    "true-false": "truefalse",
    "numeric": "numerical",
    "short": "shortanswer",
    "cloze": "cloze",
    "ordering": "ordering",
    "matching": "matching",
}


def _plain(fragment: str) -> str:
    """HTML as the learner reads it: tags dropped, entities unescaped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _questions(path) -> dict[str, etree._Element]:
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    assert tree.getroot().tag == "quiz"
    return {q.findtext("name/text"): q for q in tree.getroot().findall("question") if q.get("type") != "category"}


def test_the_independent_reader_agrees_with_the_quiz(exports):
    """moodle-xml-parser reads every multiple-choice and cloze question with the quiz's prompt,
    options and correct answer, and reports no error."""
    data = exports.file("moodle.xml").read_bytes()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # it prints parse errors instead of raising
        found = parser.parse_bytes(data)
    assert out.getvalue() == ""
    planned = exports.version_a()
    choice = {q.name: q for q in found["multichoice"]}
    cloze = {q.name: q for q in found["cloze"]}
    assert set(choice) == {qid for qid, pq in planned.items() if pq["form"] == "choice"}
    assert set(cloze) == {qid for qid, pq in planned.items() if pq["form"] == "cloze"}
    for qid, q in choice.items():
        pq = planned[qid]
        assert _plain(q.text_pre_parse) == _flat(pq["prompt"])
        assert [html.unescape(o.answer) for o in q.options] == pq["options"]
        assert [o.score_fraction for o in q.options] == [
            100 if letter == pq["correct"] else 0 for letter in pq["letters"]
        ]
        assert q.single is True
    for qid, q in cloze.items():
        pq, record = planned[qid], exports.quiz["questions"][qid]
        assert len(q.gaps) == 1 and q.gaps[0].sub_type == "SHORTANSWER"
        assert [o.answer for o in q.gaps[0].options] == [
            pq["correct"],
            *[a for a in record["accept"] if a != pq["correct"]],
        ]
        assert all(o.score == 100 for o in q.gaps[0].options)
        before, after = record["prompt_parts"]
        assert _plain(q.text_pre_parse.replace(q.gaps[0].raw_content, "_____")) == _flat(before + "_____" + after)


def _answers(question: etree._Element) -> list[tuple[float, str]]:
    return [(float(a.get("fraction")), a.findtext("text")) for a in question.findall("answer")]


def test_every_type_has_what_moodle_imports(exports):
    """Every question has Moodle's type for its form, a name, HTML question text and general
    feedback with the source sentence and citation, and the answers of the printed quiz."""
    questions = _questions(exports.file("moodle.xml"))
    planned = exports.version_a()
    assert set(questions) == set(planned)
    for qid, q in questions.items():
        pq, record = planned[qid], exports.quiz["questions"][qid]
        assert q.get("type") == MOODLE_TYPES[pq["form"]]
        assert q.find("questiontext").get("format") == "html"
        feedback = _plain(q.findtext("generalfeedback/text"))
        assert all(_flat(s["quote"]) in feedback and _flat(s["citation"]) in feedback for s in record["sources"])
        if pq["form"] != "cloze":
            assert _plain(q.findtext("questiontext/text")) == _flat(pq["prompt"])
            assert float(q.findtext("defaultgrade")) > 0
        answers = _answers(q)
        if pq["form"] == "true-false":
            assert answers == [
                (100 if pq["correct"] == "T" else 0, "true"),
                (0 if pq["correct"] == "T" else 100, "false"),
            ]
        elif pq["form"] == "numeric":
            assert [(f, float(t)) for f, t in answers] == [(100, pq["correct"])]
            assert float(q.findtext("answer/tolerance")) == pytest.approx(record["tolerance"])
        elif pq["form"] == "short":
            assert answers == [(100, a) for a in dict.fromkeys([pq["correct"], *record["accept"]])]
        elif pq["form"] == "ordering":
            in_order = sorted(zip(pq["correct"], pq["items"], strict=True))
            assert answers == [(float(rank), html.escape(item)) for rank, item in in_order]
            assert q.findtext("selecttype") == "ALL" and q.findtext("gradingtype") == "ABSOLUTE_POSITION"
        elif pq["form"] == "matching":
            by_letter = dict(zip(pq["letters"], pq["options"], strict=True))
            pairs = [(_plain(s.findtext("text")), s.findtext("answer/text")) for s in q.findall("subquestion")]
            assert pairs == [(item, by_letter[letter]) for item, letter in zip(pq["items"], pq["correct"], strict=True)]


def test_a_category_per_topic(exports):
    """A category question opens each topic, in the quiz's order."""
    tree = etree.parse(str(exports.file("moodle.xml")))
    categories = [
        q.findtext("category/text") for q in tree.getroot().findall("question") if q.get("type") == "category"
    ]
    assert categories == [f"$course$/top/studyaid/{exports.deck_name}/{t['title']}" for t in exports.quiz["topics"]]


def test_pictures_travel_as_files(exports):
    """Every picture a question shows is referenced with @@PLUGINFILE@@ and embedded as a base64 SVG file."""
    questions = _questions(exports.file("moodle.xml"))
    seen = 0
    for q in questions.values():
        feedback = q.find("generalfeedback")
        files = {f.get("name"): f for f in feedback.findall("file")}
        referenced = re.findall(r'@@PLUGINFILE@@/([^"]+)"', feedback.findtext("text"))
        assert sorted(referenced) == sorted(files)
        for name, node in files.items():
            assert node.get("encoding") == "base64"
            svg = etree.fromstring(base64.b64decode(node.text))
            assert svg.tag == "{http://www.w3.org/2000/svg}svg", name
            seen += 1
    assert seen > 0


def test_special_characters_survive_cdata(hostile_exports):
    """A name with ``]]>``, a script end and markup is well-formed XML and reads back as typed."""
    questions = _questions(hostile_exports.file("moodle.xml"))
    texts = [_plain(q.findtext("questiontext/text")) for q in questions.values()]
    texts += [html.unescape(a.findtext("text")) for q in questions.values() for a in q.findall("answer")]
    texts += [s.findtext("answer/text") for q in questions.values() for s in q.findall("subquestion")]
    assert any(HOSTILE in t for t in texts)


@settings(max_examples=200)
@given(st.text())
def test_cdata_reads_back_as_the_text(text):
    """Any text in studyaid's CDATA sections reads back exactly, ``]]>`` included (characters XML
    cannot hold at all are dropped)."""
    from studyaid.export.moodle import cdata

    legal = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text).replace("\r\n", "\n").replace("\r", "\n")
    assert (etree.fromstring(f"<t>{cdata(text)}</t>".encode()).text or "") == legal
