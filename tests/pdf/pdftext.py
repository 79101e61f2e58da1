"""PDF text read back with pypdf (a reader independent of Typst), normalised for comparison."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def normal(text: str) -> str:
    """NFKC, the fraction slash as '/', whitespace collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u2044", "/").split())


def squash(text: str) -> str:
    """``normal`` without any whitespace: line breaks and wrapping no longer matter."""
    return re.sub(r"\s+", "", normal(text))


def page_texts(path: Path) -> list[str]:
    """The extracted text of every page, in order."""
    return [page.extract_text() or "" for page in PdfReader(path).pages]
