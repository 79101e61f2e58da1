"""Moodle XML: the quiz plan's questions as ``<slug>-moodle.xml``, for Moodle's question bank import.

Question types: multichoice (choice, in version A's order, lettered as on paper), truefalse,
numerical (value and tolerance), shortanswer (with aliases), matching, cloze (Moodle's embedded
answers: the source sentence with a short-answer gap) and ordering (the ``ordering`` type,
standard in Moodle since 4.4; the items listed in the right order, which Moodle shuffles). Each
topic is a category. Text is HTML-escaped, then wrapped in CDATA with every ``]]>`` split across
two sections, so no text from the fact base can end a section early. The pictures of a question's
facts (SVG charts, the gauges) travel in the file, base64-encoded, referenced as
``@@PLUGINFILE@@/name``, in the general feedback: shown before answering, a chart of shares
would give the answer away (as on the Anki cards, where pictures are on the back).
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from pathlib import Path

from ..model import Deck, Question
from ..quizplan import QuizPlan, cloze_parts
from ..wording import plain_number
from . import ExportOptions, platform

FORMS = ("choice", "true-false", "numeric", "short", "cloze", "ordering", "matching")
PENALTY = "0.3333333"
"""Moodle's default penalty for each wrong try in adaptive mode."""
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Moodle's embedded-answer syntax: these characters inside an answer need a backslash.
_CLOZE_SPECIAL = str.maketrans({c: "\\" + c for c in '\\}#~/"'})


def cdata(text: str) -> str:
    """``text`` as one or more CDATA platform.sections that read back as exactly ``text``."""
    clean = _XML_ILLEGAL.sub("", text)
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def h(text: str) -> str:
    """Plain text as HTML that shows exactly that text."""
    return html.escape(text, quote=True)


def _text_element(tag: str, fragment: str, *, fmt: str = "html", files: str = "") -> str:
    return f'<{tag} format="{fmt}"><text>{cdata(fragment)}</text>{files}</{tag}>'


def feedback_html(entry: platform.Entry) -> str:
    """The explanation, the source sentence(s) and the citation, as HTML."""
    q = entry.question
    quotes = "".join(f"<blockquote>“{h(s)}”</blockquote>" for s in platform.distinct_quotes(q))
    return f"<p>{h(q.explanation)}</p>{quotes}<p>— {h(q.citation)}</p>"


def render_moodle(deck: Deck, plan: QuizPlan) -> platform.Rendered:
    """The plan's questions as one Moodle XML file, a category per topic."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>", f"<!-- {_comment(deck.source.reference)} -->"]
    left_out: list[platform.LeftOut] = []
    for section in platform.sections(deck, plan, with_pictures=True):
        path = "$course$/top/" + platform.category_path("studyaid", deck.settings.name, section.title)
        written = []
        for entry in section.entries:
            xml, why = question_xml(entry)
            if xml is None:
                left_out.append(platform.LeftOut(entry.question.id, entry.question.form, why))
            else:
                written.append(xml)
        if written:  # no empty category for a topic whose questions were all left out
            out.append(
                '<question type="category">'
                f"<category><text>{cdata(path)}</text></category>"
                f'<info format="html"><text>{cdata(h(section.title))}</text></info>'
                "</question>"
            )
            out += written
    out += ["</quiz>", ""]
    return platform.Rendered(
        ((f"{deck.slug}-moodle.xml", "\n".join(out).encode("utf-8")),),
        tuple(sorted(left_out, key=lambda o: o.question_id)),
    )


def _comment(text: str) -> str:
    """Text safe inside an XML comment (no ``--``)."""
    return _XML_ILLEGAL.sub("", text).replace("--", "- -")


def question_xml(entry: platform.Entry) -> tuple[str | None, str]:
    """One ``<question>``, or None and the reason Moodle XML cannot take it."""
    pq = entry.planned
    q = pq.question
    if q.form not in FORMS:
        return None, "Moodle XML has no question type for it"
    pictures = "".join(f'<p><img src="@@PLUGINFILE@@/{h(p.name)}" alt="{h(p.alt)}"></p>' for p in entry.pictures)
    files = "".join(
        f'<file name="{h(p.name)}" path="/" encoding="base64">{base64.b64encode(p.data).decode("ascii")}</file>'
        for p in entry.pictures
    )
    if q.form == "cloze":
        parts = cloze_parts(q)
        if parts is None:
            return None, "its prompt has no single blank to put the answer in"
        before, after = parts
        gap = "{1:SHORTANSWER:" + "~".join(f"={a.translate(_CLOZE_SPECIAL)}" for a in _accepted(entry)) + "}"
        prompt = f"<p>{h(before)}{gap}{h(after)}</p>"
        qtype, body = "cloze", ""
    else:
        prompt = f"<p>{h(q.prompt)}</p>"
        typed = _typed(entry)
        if typed is None:
            return None, f"a matching question needs at least {platform.MIN_MATCHING_PAIRS} pairs in Moodle"
        qtype, body = typed
    head = (
        f'<question type="{qtype}">'
        f"<name><text>{cdata(q.id)}</text></name>"
        + _text_element("questiontext", prompt)
        + _text_element("generalfeedback", feedback_html(entry) + pictures, files=files)
        + f"<defaultgrade>{plain_number(platform.points_of(entry))}</defaultgrade>"
        f"<penalty>{PENALTY}</penalty><hidden>0</hidden>"
    )
    return head + body + "</question>", ""


def _accepted(entry: platform.Entry) -> list[str]:
    q = entry.question
    seen: list[str] = []
    for answer in (q.answer, *q.accept):
        if answer.strip() and answer not in seen:
            seen.append(answer)
    return seen


def _answer(fraction: float, fragment: str, *, fmt: str = "html", extra: str = "") -> str:
    return (
        f'<answer fraction="{plain_number(fraction)}" format="{fmt}"><text>{cdata(fragment)}</text>{extra}'
        '<feedback format="html"><text></text></feedback></answer>'
    )


def _typed(entry: platform.Entry) -> tuple[str, str] | None:
    """The Moodle type and its type-specific elements, for every form but cloze."""
    pq = entry.planned
    q = pq.question
    if q.form == "choice":
        right = platform.correct_option(pq)
        answers = "".join(_answer(100 if i == right else 0, h(o)) for i, o in enumerate(pq.options))
        return "multichoice", (
            "<single>true</single><shuffleanswers>false</shuffleanswers><answernumbering>ABCD</answernumbering>"
            + answers
        )
    if q.form == "true-false":
        truth = q.answer == "True"
        return "truefalse", _answer(100 if truth else 0, "true", fmt="moodle_auto_format") + _answer(
            0 if truth else 100, "false", fmt="moodle_auto_format"
        )
    if q.form == "numeric":
        assert q.numeric is not None
        tolerance = f"<tolerance>{plain_number(q.numeric.tolerance)}</tolerance>"
        return "numerical", (
            _answer(100, plain_number(q.numeric.value), fmt="moodle_auto_format", extra=tolerance)
            + "<unitgradingtype>0</unitgradingtype><unitpenalty>0.1</unitpenalty>"
            "<showunits>3</showunits><unitsleft>0</unitsleft>"
        )
    if q.form == "short":
        return "shortanswer", "<usecase>0</usecase>" + "".join(
            _answer(100, a, fmt="moodle_auto_format") for a in _accepted(entry)
        )
    if q.form == "ordering":
        assert q.items is not None
        in_order = [q.items[k] for k in q.key]
        # qtype_ordering reads each answer's fraction as its place in the right order (1, 2, ...).
        answers = "".join(_answer(place, h(item)) for place, item in enumerate(in_order, start=1))
        return "ordering", (
            "<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount>"
            "<gradingtype>ABSOLUTE_POSITION</gradingtype><showgrading>SHOW</showgrading>"
            "<numberingstyle>none</numberingstyle>"
            # Explicit combined feedback and shownumcorrect: without them some Moodle versions
            # create hints whose format is missing.
            + "".join(
                _text_element(tag, "") for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
            )
            + "<shownumcorrect>1</shownumcorrect>"
            + answers
        )
    # matching
    if len(pq.items) < platform.MIN_MATCHING_PAIRS:
        return None
    # Moodle shows a matching answer as plain text in a menu, so answers are not HTML-escaped.
    pairs = "".join(
        f'<subquestion format="html"><text>{cdata(h(item))}</text><answer><text>{cdata(option)}</text></answer>'
        "</subquestion>"
        for item, option in platform.matched_pairs(pq)
    )
    return "matching", "<shuffleanswers>true</shuffleanswers>" + pairs


def export_moodle(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-moodle.xml`` for the questions ``studyaid quiz`` would ask with these options."""
    return platform.export_platform(deck, questions, options, render_moodle, "moodle")
