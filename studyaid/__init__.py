"""studyaid: study material that agrees with its fact base everywhere it is printed."""

from .errors import ExportError, InputError, Problem, StudyaidError, TemplateError
from .generate import generate
from .load import load_deck, load_templates
from .model import Deck, Fact, Question, Source, Template

__all__ = [
    "Deck",
    "ExportError",
    "Fact",
    "InputError",
    "Problem",
    "Question",
    "Source",
    "StudyaidError",
    "Template",
    "TemplateError",
    "generate",
    "load_deck",
    "load_templates",
]
