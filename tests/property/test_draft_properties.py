"""Invariants of every draft: quotes are verbatim, values are read from their quotes, decks load."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from studyaid.crossfile import check_quotes
from studyaid.draft import Options, build_deck, draft_article
from studyaid.draft.datespans import find_dates
from studyaid.draft.numbers import NUMBER, WORD_NUMBER, number_value
from studyaid.load import load_deck, load_templates

from ..conftest import ARTICLE_DECK, MINI_ARTICLE, QUESTIONS
from ..strategies import draft_articles

ARTICLES = [MINI_ARTICLE, ARTICLE_DECK.with_suffix(".txt")]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _check_invariants(article: str) -> None:
    """Every proposal's quote is the article's own words and its value is stated in that quote."""
    for p in draft_article(article).proposals:
        quote = p.sentence.text
        assert article[p.sentence.start : p.sentence.end] == quote
        assert _norm(quote) in _norm(article)
        if p.asked is not None:
            assert _norm(p.asked).casefold() in _norm(quote).casefold()
        if p.kind in ("share", "amount", "measure"):
            stated = p.asked or quote
            found = re.findall(NUMBER, stated) + re.findall(rf"\b{WORD_NUMBER}\b", stated, flags=re.I)
            assert float(p.fields["value"]) in {number_value(n) for n in found}, (p.fields, stated)
        elif p.kind == "event" and p.asked is not None:
            assert p.fields["date"] in {d.value for d in find_dates(p.asked)} or "later" in p.asked
        elif p.kind in ("actor", "place"):
            assert str(p.fields["name"]).casefold() in quote.casefold()


@given(draft_articles())
def test_generated_articles_keep_the_invariants(article):
    """On generated articles, every quote is verbatim and every value occurs in its quote."""
    _check_invariants(article)


@given(st.text(max_size=400))
def test_any_text_drafts_without_error(text):
    """Arbitrary text never crashes the draft, and what it proposes still quotes the text."""
    _check_invariants(text)


def test_real_articles_keep_the_invariants():
    """The invariants hold on the fixture article and the first article."""
    for path in ARTICLES:
        if path.exists():
            _check_invariants(path.read_text(encoding="utf-8"))


@given(draft_articles())
def test_written_deck_loads_and_its_quotes_are_found(tmp_path_factory, article):
    """What ``draft`` would write loads with the real loader and every quote is found in the article."""
    folder = tmp_path_factory.mktemp("draft")
    source = folder / "article.txt"
    source.write_text(article, encoding="utf-8")
    out = folder / "deck.yaml"
    templates = load_templates(QUESTIONS)
    result = build_deck(
        draft_article(article), source, out, Options(date="2021-03-14", publisher="Test Press"), templates
    )
    if not result.added:
        return
    out.write_text(result.text, encoding="utf-8")
    deck = load_deck(out, templates)
    assert check_quotes(deck, article, "article") == []
    assert {f.status for f in deck.facts} == {"proposed"}
    # A proposal the loader refuses (shares of one whole past 100%) is left out and said so.
    assert all(reason.startswith("facts[") for _, reason in result.dropped)
