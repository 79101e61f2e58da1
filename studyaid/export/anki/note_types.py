"""The four Anki note types: their fixed field lists, card templates and CSS.

The IDs come from the deck file (``deck.note_types``). Anki matches note types by ID; when a
package's note type has the same ID but other fields, Anki forks it into a copy ("Name+") and skips
the learner's existing notes as conflicting. So a field list here never changes: adding, removing,
renaming or reordering a field needs a NEW note-type ID in the deck file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import genanki

from ...model import NOTE_TYPE_ROLES, DeckSettings

# Shown on every back: why, the picture, the sentence with the asked part marked, where it is from.
DETAILS = ("Explanation", "Source", "Citation", "Article", "Attribution", "Picture")

# FIXED FIELD LISTS. Changing one (even its order) needs a new note-type ID in the deck file.
FIELDS: dict[str, tuple[str, ...]] = {
    "basic": ("Prompt", "Items", "Answer", *DETAILS, "Id"),
    "choice": ("Prompt", "Options", "Marked", *DETAILS, "Id"),
    "cloze": ("Text", *DETAILS, "Id"),
    "actor": ("Name", "Kind", "Role", "NamePrompt", "RolePrompt", "Aliases", *DETAILS, "Id"),
}

# Card templates by role: (card name, front file, back file); one card per entry, in this order.
CARDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "basic": (("Question", "anki-basic-front.html", "anki-basic-back.html"),),
    "choice": (("Choice", "anki-choice-front.html", "anki-choice-back.html"),),
    "cloze": (("Cloze", "anki-cloze-front.html", "anki-cloze-back.html"),),
    "actor": (
        ("Name from role", "anki-actor-name-front.html", "anki-actor-name-back.html"),
        ("Role from name", "anki-actor-role-front.html", "anki-actor-role-back.html"),
    ),
}

_DETAILS_SLOT = "<!-- studyaid:details -->"


@cache
def template_text(name: str) -> str:
    """A file from ``studyaid/export/templates``, shipped as package data."""
    return resources.files("studyaid.export").joinpath("templates", name).read_text(encoding="utf-8")


def _back(name: str) -> str:
    text = template_text(name)
    if _DETAILS_SLOT not in text:
        raise ValueError(f"card template {name} has no {_DETAILS_SLOT} slot")
    return text.replace(_DETAILS_SLOT, template_text("anki-details.html"))


def note_types(settings: DeckSettings, slug: str) -> dict[str, genanki.Model]:
    """The deck's note types by role, with the IDs its deck file fixes."""
    css = template_text("anki.css")
    models = {}
    for role in NOTE_TYPE_ROLES:
        models[role] = genanki.Model(
            settings.note_types[role],
            f"studyaid {role} ({slug})",
            fields=[{"name": name} for name in FIELDS[role]],
            templates=[
                {"name": card, "qfmt": template_text(front), "afmt": _back(back)} for card, front, back in CARDS[role]
            ],
            css=css,
            model_type=genanki.Model.CLOZE if role == "cloze" else genanki.Model.FRONT_BACK,
        )
    return models
