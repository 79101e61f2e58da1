"""The first article's fact base and the questions it yields meet the product's promises."""

from __future__ import annotations

from collections import Counter

from studyaid.crossfile import check_quotes
from studyaid.phrasing import mentions_any_form

from ..conftest import ARTICLE_DECK


def test_every_quote_is_word_for_word_in_the_article(article_deck):
    """Every fact's quote is found in the article text kept beside the deck (whitespace aside)."""
    text = ARTICLE_DECK.with_suffix(".txt").read_text(encoding="utf-8")
    assert check_quotes(article_deck, text, "article") == []


def test_fact_base_covers_every_topic_and_kind(article_deck):
    """At least 120 facts, of all six kinds, across the five topics."""
    assert len(article_deck.facts) >= 120
    assert {f.kind for f in article_deck.facts} == {"share", "amount", "measure", "event", "actor", "place"}
    assert {f.topic for f in article_deck.facts} == {"trade-shares", "gauges", "dates", "actors", "places"}


def test_question_counts(article_questions):
    """At least 250 distinct questions, 40 or more in each required topic, every form used."""
    per_topic = Counter(q.topic for q in article_questions)
    assert len({q.id for q in article_questions}) == len(article_questions) >= 250
    for topic in ("trade-shares", "gauges", "dates", "actors"):
        assert per_topic[topic] >= 40, per_topic
    assert {q.form for q in article_questions} == {
        "choice",
        "true-false",
        "numeric",
        "short",
        "cloze",
        "ordering",
        "matching",
    }


def test_key_figures_are_asked_and_derived(article_questions):
    """China's 92.5%, the 85 mm gauge gap, the ft-in forms and the $59.2 million deficit all appear as answers."""
    answers = {q.answer for q in article_questions}
    assert {"92.5%", "1.2%", "85 mm", "4 ft 8½ in", "4 ft 11 27⁄32 in", "$59.2 million", "$76.8 million"} <= answers


def test_attributed_facts_say_so_in_every_question(article_deck, article_questions):
    """Each question about an attributed fact names the source the article attributes it to (a
    cloze whose own sentence names the source in its own words need not repeat it)."""
    facts = article_deck.facts_by_id
    for q in article_questions:
        for fid in q.fact_ids:
            source = facts[fid].attribution
            if source:
                assert source.casefold() in q.prompt.casefold() or mentions_any_form(q.prompt, source), q.id


def test_slips_are_corrected_in_questions(article_deck, article_questions):
    """The article's slips (Tyumen, ICPOA, DRPRK) never reach a prompt, answer or option; a quote
    keeps the article's words with the correction as an editor's mark ("Tyumen [Tumen]")."""
    slips = {fix.verbatim for f in article_deck.facts for fix in f.corrections}
    assert {"Tyumen", "ICPOA", "DRPRK"} <= slips
    for q in article_questions:
        text = " ".join([q.prompt, q.answer, *(q.options or ())])
        for slip, correct in (("Tyumen", "Tumen"), ("ICPOA", "JCPOA"), ("DRPRK", "DPRK")):
            assert slip not in text.replace(f"{slip} [{correct}]", correct), (q.id, slip)
            for source in q.sources:
                if slip in source.quote:
                    assert f"{slip} [{correct}]" in source.quote, (q.id, source.quote)
