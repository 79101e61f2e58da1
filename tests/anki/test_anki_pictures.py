"""The SVG pictures: well-formed, escaped, content-named, one per divided whole plus the gauges."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import xml.etree.ElementTree as ET

from studyaid.export.anki.pictures import gauge_drawing, pictures_for, share_chart

SVG = "{http://www.w3.org/2000/svg}"


def _texts(picture):
    return [t.text for t in ET.fromstring(picture.svg).iter(f"{SVG}text")]


def test_one_chart_per_divided_whole_and_one_gauge_drawing(mini_deck):
    """Each share fact appears in exactly one chart, and both gauges share one drawing."""
    pictures = pictures_for(mini_deck)
    shares = {f.id for f in mini_deck.facts if f.kind == "share"}
    charts = [p for p in pictures if p.fact_ids <= shares]
    assert sorted(len(p.fact_ids) for p in charts) == [1, 1, 2]
    assert set().union(*(p.fact_ids for p in charts)) == shares
    (gauges,) = [p for p in pictures if p not in charts]
    assert gauges.fact_ids == {"gauge-standard", "gauge-broad"}
    assert {"1,435 mm", "1,520 mm", "standard gauge", "broad gauge"} <= set(_texts(gauges))


def test_chart_shows_each_part_its_share_and_the_rest(mini_deck):
    """A chart labels each part with its percentage, hedged as the article hedges, and the rest."""
    external = share_chart([mini_deck.fact("share-a"), mini_deck.fact("share-c")])
    assert _texts(external)[1:] == [
        "Country A",
        "60%",
        "Country C",
        "25.5%",
        "rest (not broken down)",
        "14.5%",
    ]
    hedged = share_chart([mini_deck.fact("share-machinery")])
    assert "up to 20%" in _texts(hedged)


def test_pictures_are_well_formed_and_named_by_content(mini_deck):
    """Every picture parses as SVG and is named studyaid-<first 12 hex of its sha1>.svg."""
    for picture in pictures_for(mini_deck):
        root = ET.fromstring(picture.svg)
        assert root.tag == f"{SVG}svg"
        digest = hashlib.sha1(picture.svg.encode("utf-8")).hexdigest()[:12]
        assert picture.name == f"studyaid-{digest}.svg"


def test_yaml_text_in_pictures_is_xml_escaped(mini_deck):
    """Markup in a part's or gauge's name shows as text in the drawing, not as SVG elements."""
    nasty = '<script>alert("x")</script> & co'
    share = mini_deck.fact("share-a")
    share = dataclasses.replace(share, fields=dataclasses.replace(share.share, part=nasty))
    chart = share_chart([share])
    assert nasty in _texts(chart)
    assert not re.search(r"<script", chart.svg)
    gauge = mini_deck.fact("gauge-standard")
    gauge = dataclasses.replace(gauge, fields=dataclasses.replace(gauge.measure, name=nasty))
    assert nasty in _texts(gauge_drawing([gauge]))


def test_a_changed_figure_gets_a_new_file_name(mini_deck):
    """Changing a share's value changes its chart's bytes and therefore its file name."""
    share = mini_deck.fact("share-grain")
    before = share_chart([share])
    after = share_chart([dataclasses.replace(share, fields=dataclasses.replace(share.share, value=41))])
    assert before.name != after.name
