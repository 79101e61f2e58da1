"""The draft command end to end: the first article, re-drafting over a person's work, bad input."""

from __future__ import annotations

import re
import shutil

import pytest

from studyaid.cli import main

from ..conftest import ARTICLE_DECK, REPO

HARBOUR = REPO / "tests" / "fixtures" / "draft" / "harbour.txt"
FIRST_ARTICLE = ARTICLE_DECK.with_suffix(".txt")


def test_first_article_draft_passes_check_against_the_article(tmp_path, capsys):
    """``draft`` on the first article writes a deck that ``check --article`` accepts."""
    if not FIRST_ARTICLE.exists():
        pytest.skip(f"{FIRST_ARTICLE.name} is not beside its deck")
    out = tmp_path / "decks" / "first.yaml"
    assert main(["draft", str(FIRST_ARTICLE), "-o", str(out), "--quiet"]) == 0
    summary = capsys.readouterr().out
    assert re.search(r"\d+ facts need a decision", summary)
    assert "refused by the loader" not in summary
    code = main(["check", str(out), "--article", str(FIRST_ARTICLE), "--templates", str(REPO / "questions.yaml")])
    output = capsys.readouterr().out
    assert code == 0, output
    assert "proposed facts wait for a decision" in output
    assert "quotes found in" in output


def _set(text: str, fact_id: str, old: str, new: str) -> str:
    """``text`` with one line of one fact's block replaced."""
    start = text.index(f"  - id: {fact_id}\n")
    end = text.find("\n  - id:", start + 1)
    end = len(text) if end < 0 else end
    block = text[start:end]
    assert old in block, (fact_id, old)
    return text[:start] + block.replace(old, new, 1) + text[end:]


def test_redrafting_keeps_confirmed_and_rejected_facts(tmp_path, capsys):
    """Over an edited deck, draft keeps every byte of it, re-proposes nothing, and adds only what is new."""
    article = tmp_path / "harbour.txt"
    shutil.copy(HARBOUR, article)
    out = tmp_path / "harbour.yaml"
    assert main(["draft", str(article), "-o", str(out), "--quiet"]) == 0
    text = out.read_text(encoding="utf-8")
    text = _set(
        text, "event-early-2012-northern-rail-company-opened-a", "    status: proposed\n", "    status: confirmed\n"
    )
    text = _set(
        text,
        "event-early-2012-northern-rail-company-opened-a",
        '"Northern Rail Company opened a line from Port Elder to Millbrook"',
        '"the opening of the line to Millbrook"',
    )
    text = _set(text, "place-fairhaven", "    status: proposed\n", "    status: rejected\n")
    out.write_text(text, encoding="utf-8")
    article.write_text(
        HARBOUR.read_text(encoding="utf-8").replace(
            "\n[i] Harbour", "A new pier opened in Northgate in 2023.\n\n[i] Harbour"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["draft", str(article), "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    again = out.read_text(encoding="utf-8")
    assert again.startswith(text.rstrip("\n"))
    assert again.count("  - id: event-early-2012-northern-rail-company-opened-a\n") == 1
    assert again.count('"the opening of the line to Millbrook"') == 1
    assert again.count('name: "Fairhaven"') == 1
    added = again[len(text.rstrip("\n")) :]
    assert "Northgate" in added and "2023" in added
    assert "Fairhaven" not in added and "Millbrook" not in added
    assert "left out, already in the deck: 1 confirmed, 25 proposed, 1 rejected" in summary


def test_unreadable_article_is_one_located_line(tmp_path, capsys):
    """A missing article gives one line naming it, exit status 2, and writes nothing."""
    out = tmp_path / "x.yaml"
    assert main(["draft", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{tmp_path / 'missing.txt'}: cannot read the article:")
    assert not out.exists()


def test_bad_date_option_is_refused(tmp_path, capsys):
    """``--date 25/4/19`` is refused with the option named, exit status 2."""
    assert main(["draft", str(HARBOUR), "-o", str(tmp_path / "x.yaml"), "--date", "25/4/19"]) == 2
    assert capsys.readouterr().err.strip() == "command line: --date: expected a date as YYYY-MM-DD, got '25/4/19'"


def test_options_fill_what_the_text_does_not_say(tmp_path):
    """``--url`` and ``--publisher`` go into the source block; the text's own title and author stay."""
    out = tmp_path / "h.yaml"
    assert (
        main(["draft", str(HARBOUR), "-o", str(out), "--quiet", "--url", "https://example.org/h", "--publisher", "P"])
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert '  url: "https://example.org/h"\n' in text
    assert '  publisher: "P"\n' in text
    assert '  author: "Maria Lindqvist"\n' in text
