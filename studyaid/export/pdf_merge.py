"""One PDF from several, page after page, the same bytes every time (qpdf, through pikepdf).

A large quiz is compiled in chunks of whole versions, in parallel, and joined here: every page
keeps its own fonts and content, and the file's identifier is computed from its content.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO


def merge_pdfs(parts: Sequence[bytes]) -> bytes:
    """The pages of ``parts`` in order as one PDF, with the first part's metadata; a single part
    comes back unchanged."""
    if len(parts) == 1:
        return parts[0]
    import pikepdf

    opened = [pikepdf.open(BytesIO(part)) for part in parts]
    try:
        out = opened[0]
        for part in opened[1:]:
            out.pages.extend(part.pages)
        buffer = BytesIO()
        # Deterministic: the /ID from the content, object streams regenerated in a fixed order.
        out.save(
            buffer,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            recompress_flate=False,
        )
        return buffer.getvalue()
    finally:
        for pdf in opened:
            pdf.close()
