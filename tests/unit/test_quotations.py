"""Passages the article quotes from another author carry that author, never "According to the article"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyaid.generate import generate
from studyaid.load import load_deck
from studyaid.quotations import author_of, passage_of, quoted_passages
from studyaid.workspace import load_workspace

from ..conftest import QUESTIONS
from ..strategies import actor_fact, deck_dict, deck_yaml, place_fact

ARTICLE = (
    "Egypt has long ties with the DPRK. “Orascom’s network was the most striking deal, in 2008. "
    "This deal, which was authorized by Naguib Sawiris, gave Orascom 300,000 customers.”[vi] "
    "North Korea has been a supplier of military technology to Egypt since the 1970s, a “love fest” of sorts."
)


def test_a_long_quotation_closed_by_a_note_is_a_quoted_passage():
    """Only the passage with whole sentences and a note counts; scare quotes do not."""
    passages = quoted_passages(ARTICLE)
    assert [p.note for p in passages] == ["vi"]
    assert passage_of(ARTICLE, "Orascom’s network was the most striking deal, in 2008.") == passages[0]
    assert passage_of(ARTICLE, "Egypt has long ties with the DPRK.") is None


def test_the_author_is_read_from_the_note():
    """Both ways a note names its author give "First Last (Publication)"."""
    assert author_of('Samuel Ramani, "The Egypt-North Korea Connection", Diplomat, August 28, 2017') == (
        "Samuel Ramani (Diplomat)"
    )
    assert author_of('Borger, Julian, "Trump issues new sanctions", Guardian 21/9 17') == "Julian Borger"


@given(
    before=st.sampled_from(["Trade grew.", "Ports opened in 2001.", ""]),
    inside=st.lists(st.sampled_from(["Ships came often.", "Trade was brisk in 1999.", "The port grew."]), min_size=1),
    note=st.sampled_from(["i", "iv", "12"]),
)
@settings(max_examples=40)
def test_every_sentence_inside_a_quoted_passage_is_found_inside_it(before, inside, note):
    """Whatever the passage holds, each of its sentences lies inside it and the text before it does not."""
    article = f"{before} Reporters wrote: “{' '.join(inside)} And much more was said of it by others.”[{note}] After that, nothing."
    for sentence in inside:
        assert passage_of(article, sentence) is not None
    assert passage_of(article, "After that, nothing.") is None
    if before:
        assert passage_of(article, before) is None


def _workspace(tmp_path, quoted_from=None):
    fact = {
        **place_fact(1),
        "quote": "Orascom’s network was the most striking deal, in 2008.",
        "asked": "2008",
        "footnote": "vi",
    }
    if quoted_from:
        fact["quoted_from"] = quoted_from
    facts = [actor_fact(0, "person"), fact, place_fact(2), place_fact(3), place_fact(4)]
    deck = deck_dict(facts, seed=1)
    deck["source"]["article"] = "article.txt"
    deck["source"]["footnotes"] = {"vi": 'Samuel Ramani, "The Egypt-North Korea Connection", Diplomat, 2017'}
    others = " ".join(f["quote"] for f in facts if f is not fact)
    (tmp_path / "article.txt").write_text(f"{ARTICLE} {others}", encoding="utf-8")
    path = tmp_path / "d.yaml"
    path.write_text(deck_yaml(deck), encoding="utf-8")
    return path


def test_a_fact_inside_a_quoted_passage_without_its_author_gets_it_from_the_passage_note(tmp_path, templates):
    """A deck written before ``quoted_from`` existed still loads, and its questions name the
    author the passage's note gives, never "According to the article" alone."""
    path = _workspace(tmp_path)
    workspace = load_workspace([str(path)], str(QUESTIONS), keep_going=True)
    assert workspace.problems == ()
    (deck,) = workspace.decks
    assert deck.fact("place-1").get("quoted_from") == "Samuel Ramani (Diplomat)"
    questions = [q for q in generate(deck, templates) if "place-1" in q.fact_ids]
    assert questions
    for q in questions:
        assert "Samuel Ramani (Diplomat)" in q.prompt, q.id
        assert "quoted in the article" in (q.attribution or "")


def test_questions_about_a_quoted_fact_name_its_author(tmp_path, templates):
    """Every question on the fact says whose words they are; none says only "According to the article"."""
    path = _workspace(tmp_path, quoted_from="Samuel Ramani (The Diplomat)")
    assert load_workspace([str(path)], str(QUESTIONS), keep_going=True).problems == ()
    questions = [q for q in generate(load_deck(path, templates), templates) if "place-1" in q.fact_ids]
    assert questions
    for q in questions:
        assert "Samuel Ramani (The Diplomat)" in q.prompt, q.id
        assert "quoted in the article" in (q.attribution or "")
    cloze = next(q for q in questions if q.form == "cloze")
    assert cloze.prompt.startswith("Fill in the blank in this passage that the article quotes from Samuel Ramani")
