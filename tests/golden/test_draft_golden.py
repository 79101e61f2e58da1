"""Golden draft for the small harbour article.

Regenerate after an intended change to the extractors with:
    rm -f tests/golden/draft-harbour.yaml && studyaid draft tests/fixtures/draft/harbour.txt -o tests/golden/draft-harbour.yaml --quiet
"""

from __future__ import annotations

from pathlib import Path

from studyaid.cli import main

from ..conftest import REPO

GOLDEN = Path(__file__).with_name("draft-harbour.yaml")
ARTICLE = REPO / "tests" / "fixtures" / "draft" / "harbour.txt"


def test_harbour_draft_matches_golden(tmp_path, capsys):
    """Drafting the harbour article writes exactly the committed deck, byte for byte."""
    out = tmp_path / GOLDEN.name
    assert main(["draft", str(ARTICLE), "-o", str(out), "--quiet"]) == 0
    assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    assert f"{out}: 27 facts proposed" in capsys.readouterr().out
