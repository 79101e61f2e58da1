"""Text that shows what it says: invisible characters refused, and one comparison key for "the same text".

Zero-width spaces, bidi overrides and other format characters (Unicode category Cf) do not show
on a card or page, but they make two equal-looking names differ, reorder what a reader sees, and
are kept by one output and stripped by another. Fact text may not hold them.

Uniqueness checks (two actors with one role, an alias that repeats a name) compare
``comparison_key`` texts: NFKC-normalised, format characters removed, look-alike letters from
Cyrillic and Greek folded to their Latin twins, case-folded, whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that render like a Latin letter in common fonts (from Unicode's confusables list, the
# Cyrillic and Greek letters of the basic Latin alphabet's shapes).
_LOOKALIKES = {
    **dict.fromkeys("аА", "a"),
    **dict.fromkeys("вВ", "b"),
    **dict.fromkeys("сС", "c"),
    **dict.fromkeys("ԁ", "d"),
    **dict.fromkeys("еЕёЁ", "e"),
    **dict.fromkeys("һН", "h"),
    **dict.fromkeys("іІ", "i"),
    **dict.fromkeys("јЈ", "j"),
    **dict.fromkeys("кК", "k"),
    **dict.fromkeys("мМ", "m"),
    **dict.fromkeys("оО", "o"),
    **dict.fromkeys("рР", "p"),
    **dict.fromkeys("ԛ", "q"),
    **dict.fromkeys("ѕЅ", "s"),
    **dict.fromkeys("тТ", "t"),
    **dict.fromkeys("уУ", "y"),
    **dict.fromkeys("хХ", "x"),
    **dict.fromkeys("ԝ", "w"),
    **dict.fromkeys("ΑαΆ", "a"),
    **dict.fromkeys("Ββ", "b"),
    **dict.fromkeys("Εε", "e"),
    **dict.fromkeys("Ζ", "z"),
    **dict.fromkeys("Η", "h"),
    **dict.fromkeys("Ιι", "i"),
    **dict.fromkeys("Κκ", "k"),
    **dict.fromkeys("Μ", "m"),
    **dict.fromkeys("Νν", "n"),
    **dict.fromkeys("Οο", "o"),
    **dict.fromkeys("Ρρ", "p"),
    **dict.fromkeys("Ττ", "t"),
    **dict.fromkeys("Υυ", "y"),
    **dict.fromkeys("Χχ", "x"),
}
_FOLD = str.maketrans(_LOOKALIKES)


def invisible_character(text: str) -> str | None:
    """The first format character (zero-width, bidi control, soft hyphen...) with its position,
    as a message; None when the text has none."""
    for i, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            name = unicodedata.name(char, "format character")
            return f"invisible character U+{ord(char):04X} ({name}) at position {i + 1}; remove it"
    return None


def visible(text: str) -> str:
    """``text`` without format characters and with whitespace collapsed: what a reader sees."""
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


def comparison_key(text: str) -> str:
    """The form two texts are compared in when they must differ (see the module docstring)."""
    normal = unicodedata.normalize("NFKC", text)
    return visible(normal.translate(_FOLD)).casefold()


def find_spans(text: str, span: str, whole_words: bool = False) -> list[int]:
    """Where ``span`` occurs in ``text`` ignoring case, as offsets into ``text`` itself.

    Never search a case-folded copy: folding changes lengths ("ß" becomes "ss"), and every offset
    after such a letter would point one place off.

    With ``whole_words``, a span that starts or ends with a letter or digit matches only at a
    word boundary there: "ISS" is then not found inside "mission", nor "8%" inside "18.8%".
    """
    if not span:
        return []
    start = r"(?<!\w)" if whole_words and re.match(r"\w", span) else ""
    end = r"(?!\w)" if whole_words and re.search(r"\w$", span) else ""
    if whole_words and span[0].isdigit():
        start += r"(?<!\d[.,])"  # "8%" is not inside "18.8%"
    if whole_words and span[-1].isdigit():
        end += r"(?![.,]\d)"
    pattern = re.compile(start + re.escape(span) + end, re.IGNORECASE)
    return [m.start() for m in pattern.finditer(text)]
