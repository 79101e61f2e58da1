"""The QTI 1.2 package validated with the official IMS QTI 1.2.1 DTD (lxml) and its manifest with
IMS Content Packaging 1.1 (xmlschema, IMS Metadata mapped to the local copy), then read back and
compared with the printed quiz."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from lxml import etree

from .conftest import HOSTILE

xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is a test dependency")

CANVAS_TYPES = {
    "choice": "multiple_choice_question",
    "true-false": "true_false_question",
    "numeric": "numerical_question",
    "short": "short_answer_question",
    "cloze": "short_answer_question",
    "matching": "matching_question",
}


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _package(path) -> tuple[bytes, dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        return archive.read("imsmanifest.xml"), {n: archive.read(n) for n in names if n != "imsmanifest.xml"}


def _validate(path, schemas) -> etree._Element:
    """The package's manifest and assessment checked against the IMS schemas; the assessment's root."""
    manifest, others = _package(path)
    cp = xmlschema.XMLSchema(
        str(schemas / "imscp_v1p1.xsd"),
        locations={"http://www.imsglobal.org/xsd/imsmd_v1p2": str(schemas / "imsmd_v1p2p2.xsd")},
    )
    cp.validate(io.BytesIO(manifest))
    hrefs = [f.get("href") for f in etree.fromstring(manifest).iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")]
    assert sorted(hrefs) == sorted(others)
    dtd = etree.DTD(str(schemas / "ims_qtiasiv1p2p1.dtd"))
    (assessment,) = others.values()
    root = etree.fromstring(assessment, etree.XMLParser(resolve_entities=False, no_network=True))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def _meta(item: etree._Element) -> dict[str, str]:
    return {f.findtext("fieldlabel"): f.findtext("fieldentry") for f in item.iter("qtimetadatafield")}


def test_package_is_valid_qti_and_content_packaging(exports, schemas):
    """The assessment is valid against the QTI 1.2.1 DTD and the manifest against IMS CP 1.1."""
    root = _validate(exports.file("qti.zip"), schemas)
    assert root.tag == "questestinterop"


def test_items_ask_what_the_quiz_asks(exports, schemas):
    """Every item has Canvas's type for its form, the quiz's prompt and options, and scores the
    quiz's correct answer 100; ordering questions, which Canvas cannot take, are absent."""
    root = _validate(exports.file("qti.zip"), schemas)
    items = {i.get("title"): i for i in root.iter("item")}
    planned = exports.version_a()
    assert set(items) == {qid for qid, pq in planned.items() if pq["form"] != "ordering"}
    for qid, item in items.items():
        pq, record = planned[qid], exports.quiz["questions"][qid]
        meta = _meta(item)
        assert meta["question_type"] == CANVAS_TYPES[pq["form"]]
        assert float(meta["points_possible"]) > 0
        presentation = item.find("presentation")
        assert _plain(presentation.findtext("material/mattext")) == _flat(pq["prompt"])
        conditions = [c for c in item.iter("respcondition") if c.find("conditionvar/other") is None]
        feedback = _plain(item.findtext("itemfeedback/flow_mat/material/mattext"))
        assert all(_flat(s["quote"]) in feedback and _flat(s["citation"]) in feedback for s in record["sources"])
        if pq["form"] in ("choice", "true-false"):
            labels = presentation.findall("response_lid/render_choice/response_label")
            texts = [_plain(label.findtext("material/mattext")) for label in labels]
            expected = pq["options"] if pq["form"] == "choice" else ["True", "False"]
            assert texts == expected
            (condition,) = conditions
            right = condition.findtext("conditionvar/varequal")
            assert (
                texts[[label.get("ident") for label in labels].index(right)]
                == expected[pq["letters"].index(pq["correct"])]
            )
            assert condition.findtext("setvar") == "100"
        elif pq["form"] == "numeric":
            (condition,) = conditions
            assert float(condition.findtext("conditionvar/or/varequal")) == pq["correct"]
            low = float(condition.findtext("conditionvar/or/and/vargte"))
            high = float(condition.findtext("conditionvar/or/and/varlte"))
            assert low == pytest.approx(pq["correct"] - record["tolerance"])
            assert high == pytest.approx(pq["correct"] + record["tolerance"])
        elif pq["form"] in ("short", "cloze"):
            (condition,) = conditions
            accepted = [v.text for v in condition.findall("conditionvar/varequal")]
            assert accepted == list(dict.fromkeys([pq["correct"], *record["accept"]]))
        elif pq["form"] == "matching":
            lids = presentation.findall("response_lid")
            assert [_plain(lid.findtext("material/mattext")) for lid in lids] == pq["items"]
            by_letter = dict(zip(pq["letters"], pq["options"], strict=True))
            for lid, letter in zip(lids, pq["correct"], strict=True):
                (condition,) = [
                    c for c in conditions if c.find("conditionvar/varequal").get("respident") == lid.get("ident")
                ]
                chosen = condition.findtext("conditionvar/varequal")
                labels = {
                    label.get("ident"): _plain(label.findtext("material/mattext"))
                    for label in lid.iter("response_label")
                }
                assert labels[chosen] == by_letter[letter]


def test_ordering_is_left_out_with_a_warning(tmp_path, capsys, schemas):
    """Asked for ordering questions only, the package holds no item and the warning names each one."""
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
                "qti12",
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
        r"warning: qti12 left out 1 question\(s\) it cannot express: event-chronological-order:\S+ \(ordering: QTI 1.2 as Canvas imports it has no ordering type\)",
        err,
    )
    _, others = _package(tmp_path / "mini-qti.zip")
    (assessment,) = others.values()
    assert etree.fromstring(assessment).find(".//item") is None


def test_special_characters_survive(hostile_exports, schemas):
    """A name with markup and XML's special characters keeps the package valid and reads back as typed."""
    root = _validate(hostile_exports.file("qti.zip"), schemas)
    texts = [_plain(m.text or "") for m in root.iter("mattext")]
    assert any(HOSTILE in t for t in texts)
