"""IMS QTI 1.2 for Canvas and Blackboard: ``<slug>-qti.zip`` with ``imsmanifest.xml`` and the assessment.

Items follow the QTI 1.2.1 DTD with Canvas's item metadata (``question_type``,
``points_possible``): multiple choice, true/false, numerical (exact value or the tolerance band),
short answer (every accepted alias), cloze (Canvas's "Fill In the Blank", which is its
short-answer type: the sentence with its blank) and matching (one ``response_lid`` per item).
Canvas turns a type it does not know into an empty multiple-choice question, so ordering
questions are left out and named in the result, never sent as another type. The explanation, source sentence
and citation are each item's general feedback. Written with the standard library's XML writer,
which escapes every text and attribute; the zip has fixed entry dates, so the same plan gives the
same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from ..model import Deck, Question
from ..quizplan import QuizPlan
from ..wording import plain_number
from . import ExportOptions, platform

CANVAS_TYPES = {
    "choice": "multiple_choice_question",
    "true-false": "true_false_question",
    "numeric": "numerical_question",
    "short": "short_answer_question",
    "matching": "matching_question",
    # Canvas calls its short-answer type "Fill In the Blank": the sentence with its blank, typed in.
    "cloze": "short_answer_question",
}
LEFT_OUT = {
    "ordering": "QTI 1.2 as Canvas imports it has no ordering type",
}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def ident(*parts: str) -> str:
    """A stable XML identifier (an NCName) from what a thing is: ``g`` and 24 hex digits."""
    return "g" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        node.text = _clean(text)
    return node


def _html(text: str) -> str:
    """Plain text as the HTML inside a ``mattext`` (the XML writer escapes it a second time)."""
    import html

    return html.escape(text, quote=False)


def _material(parent: ET.Element, fragment: str) -> None:
    material = _sub(parent, "material")
    _sub(material, "mattext", fragment, texttype="text/html")


def _metadata(item: ET.Element, fields: list[tuple[str, str]]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields:
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def feedback_html(entry: platform.Entry) -> str:
    q = entry.question
    quotes = "".join(f"<blockquote>“{_html(s)}”</blockquote>" for s in platform.distinct_quotes(q))
    return f"<p>{_html(q.explanation)}</p>{quotes}<p>— {_html(q.citation)}</p>"


def render_qti(deck: Deck, plan: QuizPlan) -> platform.Rendered:
    """The plan's questions as a QTI 1.2 content package (zip bytes), and the ones left out."""
    quiz_id = ident("studyaid-qti", deck.slug, *(q.id for q in plan.selected))
    title = f"{deck.source.title}: studyaid quiz"
    root = ET.Element("questestinterop")
    assessment = _sub(root, "assessment", ident=quiz_id, title=_clean(title))
    meta = _sub(assessment, "qtimetadata")
    field = _sub(meta, "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    top = _sub(assessment, "section", ident="root_section")
    left_out: list[platform.LeftOut] = []
    # Items sit directly in the root section, topic by topic: Canvas reads a nested section as a
    # question group that draws a random subset, which would change what is asked.
    for section in platform.sections(deck, plan):
        for entry in section.entries:
            q = entry.question
            if q.form not in CANVAS_TYPES:
                left_out.append(platform.LeftOut(q.id, q.form, LEFT_OUT.get(q.form, "QTI 1.2 has no type for it")))
                continue
            _item(top, entry)
    assessment_xml = _xml_bytes(root)
    href = f"{quiz_id}/{quiz_id}.xml"
    files = {"imsmanifest.xml": manifest(quiz_id, title, href), href: assessment_xml}
    return platform.Rendered(
        ((f"{deck.slug}-qti.zip", zip_bytes(files)),), tuple(sorted(left_out, key=lambda o: o.question_id))
    )


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # typeshed: Any for this overload
    return data + b"\n"


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` in sorted order with fixed dates: the same files give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def manifest(quiz_id: str, title: str, href: str) -> bytes:
    """``imsmanifest.xml``: IMS Content Packaging 1.1 with one QTI resource and its title in IMS metadata."""
    cp = "http://www.imsglobal.org/xsd/imscp_v1p1"
    md = "http://www.imsglobal.org/xsd/imsmd_v1p2"
    ET.register_namespace("", cp)
    ET.register_namespace("imsmd", md)
    root = ET.Element(f"{{{cp}}}manifest", {"identifier": ident("manifest", quiz_id)})
    metadata = ET.SubElement(root, f"{{{cp}}}metadata")
    ET.SubElement(metadata, f"{{{cp}}}schema").text = "IMS Content"
    ET.SubElement(metadata, f"{{{cp}}}schemaversion").text = "1.1.3"
    lom = ET.SubElement(metadata, f"{{{md}}}lom")
    general = ET.SubElement(lom, f"{{{md}}}general")
    title_el = ET.SubElement(general, f"{{{md}}}title")
    ET.SubElement(title_el, f"{{{md}}}langstring").text = _clean(title)
    ET.SubElement(root, f"{{{cp}}}organizations")
    resources = ET.SubElement(root, f"{{{cp}}}resources")
    resource = ET.SubElement(
        resources, f"{{{cp}}}resource", {"identifier": quiz_id, "type": "imsqti_xmlv1p2", "href": href}
    )
    ET.SubElement(resource, f"{{{cp}}}file", {"href": href})
    return _xml_bytes(root)


def _item(parent: ET.Element, entry: platform.Entry) -> None:
    pq = entry.planned
    q = pq.question
    item_id = ident("item", q.id)
    item = _sub(parent, "item", ident=item_id, title=_clean(q.id))
    _metadata(
        item,
        [
            ("question_type", CANVAS_TYPES[q.form]),
            ("points_possible", plain_number(platform.points_of(entry))),
            ("assessment_question_identifierref", ident("question", q.id)),
        ],
    )
    presentation = _sub(item, "presentation")
    _material(presentation, f"<p>{_html(q.prompt)}</p>")
    processing = ET.Element("resprocessing")
    outcomes = _sub(processing, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    shown = _sub(processing, "respcondition", continue_="Yes")
    _sub(_sub(shown, "conditionvar"), "other")
    _sub(shown, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    if q.form in ("choice", "true-false"):
        options = pq.options
        lid = _sub(presentation, "response_lid", ident="response1", rcardinality="Single")
        choice = _sub(lid, "render_choice")
        ids = [ident(q.id, "option", str(i), o) for i, o in enumerate(options)]
        for option_id, option in zip(ids, options, strict=True):
            _material(_sub(choice, "response_label", ident=option_id), _html(option))
        _score(processing, [("varequal", ids[platform.correct_option(pq)])], "100")
    elif q.form == "numeric":
        assert q.numeric is not None
        string = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(string, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
        value, tolerance = q.numeric.value, q.numeric.tolerance
        condition = _sub(processing, "respcondition", continue_="No")
        either = _sub(_sub(condition, "conditionvar"), "or")
        _sub(either, "varequal", plain_number(value), respident="response1")
        band = _sub(either, "and")
        _sub(band, "vargte", plain_number(value - tolerance), respident="response1")
        _sub(band, "varlte", plain_number(value + tolerance), respident="response1")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    elif q.form in ("short", "cloze"):
        string = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(string, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        accepted: list[str] = []
        for answer in (q.answer, *q.accept):
            if answer.strip() and answer not in accepted:
                accepted.append(answer)
        condition = _sub(processing, "respcondition", continue_="No")
        variables = _sub(condition, "conditionvar")
        for answer in accepted:
            _sub(variables, "varequal", answer, respident="response1")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    else:  # matching
        pairs = platform.matched_pairs(pq)
        option_ids = [ident(q.id, "option", str(i), o) for i, o in enumerate(pq.options)]
        share = plain_number(round(100 / len(pairs), 4))
        for n, (item_text, option) in enumerate(pairs, start=1):
            lid = _sub(presentation, "response_lid", ident=f"response_{n}")
            _material(lid, _html(item_text))
            choice = _sub(lid, "render_choice")
            for option_id, text in zip(option_ids, pq.options, strict=True):
                _material(_sub(choice, "response_label", ident=option_id), _html(text))
            _score(
                processing,
                [("varequal", option_ids[pq.options.index(option)])],
                share,
                respident=f"response_{n}",
                action="Add",
            )
    item.append(processing)
    feedback = _sub(item, "itemfeedback", ident="general_fb")
    _material(_sub(feedback, "flow_mat"), feedback_html(entry))


def _score(
    processing: ET.Element,
    tests: list[tuple[str, str]],
    points: str,
    *,
    respident: str = "response1",
    action: str = "Set",
) -> None:
    condition = _sub(processing, "respcondition", continue_="No" if action == "Set" else "Yes")
    variables = _sub(condition, "conditionvar")
    for tag, value in tests:
        _sub(variables, tag, value, respident=respident)
    _sub(condition, "setvar", points, action=action, varname="SCORE")


def export_qti(deck: Deck, questions: Sequence[Question], options: ExportOptions) -> list[Path]:
    """Write ``<slug>-qti.zip`` for the questions ``studyaid quiz`` would ask with these options."""
    return platform.export_platform(deck, questions, options, render_qti, "qti12")
