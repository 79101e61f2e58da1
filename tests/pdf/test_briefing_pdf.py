"""The classroom briefing handout, read back with pypdf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from studyaid.export import ExportOptions, Layout
from studyaid.export.briefing import briefing_record, excerpt, export_briefing, short_label
from studyaid.units import to_imperial
from studyaid.wording import format_imperial

from .pdftext import font_sizes, normal, page_texts, squash


@pytest.fixture(scope="module")
def briefing(mini_deck, mini_questions, tmp_path_factory):
    """The fixture deck's briefing: its path and its page texts."""
    [path] = export_briefing(mini_deck, mini_questions, ExportOptions(tmp_path_factory.mktemp("briefing")))
    return path, page_texts(path)


def test_briefing_is_a_lead_page_and_the_detail(briefing):
    """The handout is named after the deck: a lead page, then the detail on the pages after."""
    path, pages = briefing
    assert path.name == "mini-briefing.pdf"
    assert 2 <= len(pages) <= 6
    assert normal(pages[0]).startswith("CLASSROOM BRIEFING") and "Timeline" not in pages[0]


def test_briefing_has_the_article_reference(briefing, mini_deck):
    """Title, author, publisher and publication date are printed."""
    text = squash(" ".join(briefing[1]))
    for part in ("Rail and Trade on the Northern Border", "A. Writer", "Test Press", "1 February 2020"):
        assert squash(part) in text


def test_briefing_prints_the_chart_values(briefing):
    """Every share, the rest of a whole, the breakdown's amounts and the parts' shares of the total."""
    text = squash(" ".join(briefing[1]))
    for value in (
        "60%",
        "25.5%",
        "14.5%",
        "40% ≈ $6 million",
        "up to 20% ≈ up to $5 million",
        "$40 million = $15 million + $25 million",
        "$15 million (37.5% of the total)",
        "$25 million (62.5% of the total)",
    ):
        assert squash(value) in text, value


def test_briefing_gives_both_gauges_in_mm_and_feet_and_inches(briefing, mini_deck):
    """Each gauge appears in millimetres and in feet and inches computed with pint."""
    text = squash(" ".join(briefing[1]))
    for fact in (f for f in mini_deck.facts if f.kind == "measure"):
        metric = f"{fact['value']:,.0f} mm"
        imperial = format_imperial(to_imperial(fact["value"], fact["unit"]))
        assert squash(f"{metric} = {imperial}") in text, fact.id
    assert squash("4 ft 8½ in") in text and squash("4 ft 11 27⁄32 in") in text


def test_briefing_names_every_actor_with_its_role(briefing, mini_deck):
    """The glossary names every actor, with its role."""
    text = squash(" ".join(briefing[1]))
    for fact in (f for f in mini_deck.facts if f.kind == "actor"):
        assert squash(fact["name"]) in text and squash(fact["role"]) in text


def test_briefing_lists_every_event_with_its_date(briefing, mini_deck):
    """The timeline's table lists every dated event with the date as the article gives it."""
    text = squash(" ".join(briefing[1]))
    for fact in (f for f in mini_deck.facts if f.kind == "event"):
        assert squash(fact["date"].label) in text and squash(fact["what"][1:]) in text


def test_briefing_is_reproducible(mini_deck, mini_questions, tmp_path):
    """Two builds write the same bytes (a fixed timestamp from the deck, not the clock)."""
    [first] = export_briefing(mini_deck, mini_questions, ExportOptions(tmp_path / "one"))
    [second] = export_briefing(mini_deck, mini_questions, ExportOptions(tmp_path / "two"))
    assert second.read_bytes() == first.read_bytes()


def test_long_quotes_are_cut_around_the_name():
    """A long quote keeps the words around the actor's name, with ellipses where cut."""
    quote = " ".join(f"w{i}" for i in range(40)).replace("w20", "KOMID")
    assert excerpt(quote, ["KOMID"], words=6) == "…w18 w19 KOMID w21 w22 w23…"
    assert excerpt("Short quote.", ["x"], words=6) == "Short quote."


def test_article_briefing_names_every_actor(article_deck, tmp_path):
    """The real article's handout (184 facts) names every actor, in at most ten pages (lead sheet,
    figures table and places glossary included, nothing under 8 pt)."""
    [path] = export_briefing(article_deck, [], ExportOptions(tmp_path))
    pages = page_texts(path)
    assert 2 <= len(pages) <= 10
    text = squash(" ".join(pages))
    missing = [f["name"] for f in article_deck.facts if f.kind == "actor" and squash(f["name"]) not in text]
    assert not missing


def test_briefing_figures_are_the_answer_keys(article_deck, article_questions, templates):
    """Every share's amount on the briefing's charts is the answer its share-amount question keys
    (one rounding, in the derivation), e.g. "$299.7 million", never a rounding of its own."""
    asking = {t.id for t in templates if t.answer == "share_amount"}
    keyed = {q.fact_ids[0]: q.answer for q in article_questions if q.template_id in asking}
    bars = [bar for chart in briefing_record(article_deck)["shares"] for bar in chart["bars"] if bar["fact"] in keyed]
    bars += [
        bar
        for breakdown in briefing_record(article_deck)["breakdowns"]
        for part in breakdown["parts"]
        if part["composition"]
        for bar in part["composition"]["bars"]
        if bar["fact"] in keyed
    ]
    assert bars
    for bar in bars:
        assert bar["text"].endswith(f"≈ {keyed[bar['fact']]}"), bar


def test_briefing_gauges_are_the_answer_keys(article_deck, article_questions, templates):
    """Each gauge's width in mm, in feet and inches and in inches is the answer its question keys."""
    by_answer = {t.id: t.answer for t in templates if t.kind == "measure"}
    keyed: dict[tuple[str, str], str] = {}
    for q in article_questions:
        asks = by_answer.get(q.template_id) in ("value", "imperial", "in_in") and q.form != "true-false"
        if asks and len(q.fact_ids) == 1:
            keyed[(q.fact_ids[0], by_answer[q.template_id])] = q.answer
    names = {f["name"]: f.id for f in article_deck.facts if f.kind == "measure"}
    rows = briefing_record(article_deck)["gauges"]["rows"]
    assert rows
    for row in rows:
        fact = names[row["name"]]
        shown = {"value": row["metric"], "imperial": row["imperial"], "in_in": row["inches"]}
        for answer, text in shown.items():
            if (fact, answer) in keyed:
                assert text == keyed[(fact, answer)], (row["name"], answer)
    assert any((names[r["name"]], "in_in") in keyed for r in rows)


@pytest.fixture(scope="module")
def article_briefing(article_deck, tmp_path_factory):
    """The real article's briefing: its path, its page texts and its record."""
    [path] = export_briefing(article_deck, [], ExportOptions(tmp_path_factory.mktemp("article-briefing")))
    return path, page_texts(path), briefing_record(article_deck)


def test_page_one_is_a_lead_sheet(article_briefing, article_deck):
    """Page one holds, in this order, the bottom line (the deck's sentence), five to seven
    numbered key points each with its figure and source, and the reference with its URL; the
    detail starts on page two."""
    _, pages, record = article_briefing

    def plain(text: str) -> str:  # Typst sets ' as a typographic apostrophe
        return squash(text).replace("’", "'")

    first = plain(pages[0])
    lead = record["lead"]
    assert lead["bottom_line"] == article_deck.source.bottom_line
    assert 5 <= len(lead["points"]) <= 7
    at = first.index("BOTTOMLINE")
    assert first.index(plain(lead["bottom_line"])) > at
    at = first.index("Keypoints")
    for i, point in enumerate(lead["points"], 1):
        found = first.index(plain(f"{i}. {point['figure']} — {point['text']}"), at)
        at = found
        for note in point["notes"]:
            assert plain(f"[{note['key']}] {note['text']}") in first
    assert first.count("Source:thearticle") == len(lead["points"])
    assert plain(lead["reference"]) in first and plain(article_deck.source.url) in first
    shares = plain(record["headings"]["shares"])
    assert shares not in first and plain(pages[1]).startswith(shares)


def test_no_text_in_the_briefing_is_under_8_points(article_briefing, briefing):
    """Every character of both briefings is set at 8 pt or more (sizes read from the PDF's text
    operators with pypdf), so the handout reads across a room."""
    for path in (article_briefing[0], briefing[0]):
        sizes = font_sizes(path)
        assert min(sizes) >= 8, sorted(sizes.items())[:3]


def test_timeline_labels_every_event_beside_its_number(article_briefing):
    """Each event on the timeline carries its number and a short label from its description."""
    _, pages, record = article_briefing
    text = squash(" ".join(pages))
    events = [e for chart in record["timeline"]["charts"] for e in chart["events"] if e["labelled"]]
    assert len({e["n"] for e in events}) == len(record["timeline"]["events"])
    for e in events:
        assert squash(f"{e['n']} {e['label']}") in text, e["n"]


def test_short_labels_cut_at_a_word():
    """A long description is cut at a word with an ellipsis, its leading article dropped."""
    assert short_label("the rebuilding of the line over the Tumen River", limit=24) == "rebuilding of the line…"
    assert short_label("Pact signed", limit=24) == "Pact signed"


def test_captions_never_open_a_page_and_words_are_plain(article_briefing):
    """No page begins with a 'Source:' caption cut off from its figure, and no chart says 'derived'."""
    _, pages, _ = article_briefing
    for page in pages[1:]:
        assert not normal(page).startswith("Source:")
    assert "derived" not in normal(" ".join(pages))


def test_briefing_on_letter_paper(mini_deck, tmp_path):
    """--paper letter prints the briefing on US Letter."""
    [path] = export_briefing(mini_deck, [], ExportOptions(tmp_path, layout=Layout(paper="letter")))
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
