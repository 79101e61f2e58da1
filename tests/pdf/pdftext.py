"""PDF text read back with pypdf (a reader independent of Typst), normalised for comparison."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from io import BytesIO
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


def page_texts_of(pdf: bytes) -> list[str]:
    """``page_texts`` of a PDF held in memory."""
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def font_sizes(path: Path) -> Counter[float]:
    """How many characters the PDF sets at each font size (in points, as printed: the font size
    scaled by the text and graphics matrices), read with pypdf's text visitor."""
    sizes: Counter[float] = Counter()
    for page in PdfReader(path).pages:

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if not text.strip():
                return
            # The text matrix times the graphics matrix; the height of a glyph is the length of
            # its second row (so rotated text counts at its true size too).
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            sizes[round(size * math.hypot(c, d), 2)] += len(text.strip())

        page.extract_text(visitor_text=visit)
    return sizes
