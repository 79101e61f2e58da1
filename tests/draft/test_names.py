"""Actors and places from capitalised spans, titles, appositions and paired forms of a name."""

from __future__ import annotations

from studyaid.draft.names import propose_names
from studyaid.draft.text import Sentence


def _names(*texts: str) -> dict[str, dict]:
    sentences = [Sentence(i, 0, len(t), t, i) for i, t in enumerate(texts)]
    return {str(p.fields["name"]): {**p.fields, "kind": p.kind, "asked": p.asked} for p in propose_names(sentences)}


def test_title_is_peeled_off_and_kept_as_alias_and_role():
    """``President Donald Trump``: a person named Donald Trump; the titled form and the surname are aliases."""
    got = _names("On that day, President Donald Trump issued an order.", "Later Trump said more.")
    trump = got["Donald Trump"]
    assert (trump["kind"], trump["actor_kind"], trump["role"]) == ("actor", "person", "the President")
    assert trump["aliases"] == ["President Donald Trump", "Trump"]
    assert "Trump" not in got


def test_apposition_gives_the_role_and_the_acronym_an_alias():
    """``Long Name (KOMID), North Korea's primary arms dealer,``: role from the apposition, acronym an alias."""
    got = _names(
        "The Korea Mining Development Trading Corporation (KOMID), North Korea's primary arms dealer, is blacklisted.",
        "KOMID sold missiles.",
    )
    komid = got["Korea Mining Development Trading Corporation"]
    assert (komid["actor_kind"], komid["role"], komid["aliases"]) == (
        "company",
        "North Korea's primary arms dealer",
        ["KOMID"],
    )
    assert "KOMID" not in got


def test_apposition_before_the_name_and_a_descriptor():
    """``Egypt's senior air force commander, Hosni Mubarak,`` and ``Egyptian billionaire Naguib Sawiris``."""
    got = _names(
        "In the war, Egypt’s senior air force commander, Hosni Mubarak, used pilots.",
        "The deal was authorized by Egyptian billionaire Naguib Sawiris, who paid.",
    )
    assert got["Hosni Mubarak"]["role"] == "Egypt’s senior air force commander"
    assert got["Naguib Sawiris"]["role"] == "the Egyptian billionaire"
    assert "Israel" not in got


def test_places_by_head_word_and_by_use():
    """``Tumen River`` is a river by its head word; ``in Hunchun`` makes Hunchun a place."""
    got = _names("The Tumen River in Hunchun straddles the borders.")
    assert (got["Tumen River"]["kind"], got["Tumen River"]["place_kind"]) == ("place", "river")
    assert got["Hunchun"]["kind"] == "place"


def test_grammar_and_modifiers_are_no_names():
    """Sentence-opening words, demonyms before a noun and modifiers such as ``UN sanctions`` are left out."""
    got = _names(
        "Despite the talks, North Korean ships broke UN sanctions.",
        "Theoretically the council met.",
        "Bituminous coal is a raw material; bituminous coal burns.",
    )
    assert got == {}


def test_an_ambiguous_short_name_is_not_proposed():
    """``Kim`` after both Kim Jong-un and Kim Il Sung could be either: it is left out, not guessed."""
    got = _names("Kim Jong-un met officials.", "Kim Il Sung sent money.", "Later Kim left.")
    assert set(got) == {"Kim Jong-un", "Kim Il Sung"}


def test_roles_are_distinct():
    """Two actors never share a role (questions would have two right answers)."""
    got = _names("Putin and Kim have agreed.", "Egypt and Syria have agreed.")
    roles = [f["role"] for f in got.values() if f["kind"] == "actor"]
    assert len(roles) == len(set(roles))
