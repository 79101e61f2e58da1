"""``studyaid draft``: a first fact base proposed from an article's text, for a person to confirm.

One module per job: ``text`` (sentences with offsets), ``source`` and ``notes`` (what the article
says about itself), one extractor per kind (``shares``, ``amounts``, ``events`` over ``datespans``,
``names``), ``propose`` (all of them over one article), ``writer`` and ``merge`` (deck-file text),
``deck`` (the checked result).
"""

from __future__ import annotations

from .deck import DraftResult, Options, build_deck
from .propose import Draft, draft_article

__all__ = ["Draft", "DraftResult", "Options", "build_deck", "draft_article"]
