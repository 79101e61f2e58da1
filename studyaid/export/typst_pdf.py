"""PDF from a packaged Typst template and JSON data, hermetic and reproducible.

Data goes in as JSON through ``sys.inputs`` and the templates read it with ``json(...)``: fact
text is never spliced into Typst markup, so ``# $ * _ @ < \\`` in a quote stay plain text.
Typst is imported only when a PDF is made, so loading the CLI for ``--help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..model import Deck


def deck_timestamp(deck: Deck) -> float:
    """A build time that never reads the clock: midnight UTC on the article's publication date
    (its first day when only the year or month is known; 1 January 2000 when it has no date)."""
    iso = deck.source.date or "2000"
    year, month, day = (int(part) for part in (iso + "-01-01")[:10].split("-"))
    return dt.datetime(year, month, day, tzinfo=dt.UTC).timestamp()


def render_pdf(
    template: str, data: Mapping[str, Any], *, timestamp: float, pdf_tags: bool, query: str | None = None
) -> tuple[bytes, list[Any]]:
    """The PDF that ``templates/<template>`` makes of ``data``, and the values of the
    ``metadata`` elements labelled ``query`` (e.g. ``<question-mark>``), if asked for.

    Only the fonts embedded in the typst wheel are used, so output does not depend on the
    machine. Any Typst error or warning (a missing font or glyph substitutes silently
    otherwise) raises ExportError.
    """
    return render_payload(template, payload_of(data), timestamp=timestamp, pdf_tags=pdf_tags, query=query)


def payload_of(data: Mapping[str, Any]) -> str:
    """``data`` as the JSON text the templates read (keys sorted, so the same data is the same text)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def render_payload(
    template: str, payload: str, *, timestamp: float, pdf_tags: bool, query: str | None = None
) -> tuple[bytes, list[Any]]:
    """``render_pdf`` of data already written as JSON text (``payload_of``)."""
    with Renderer() as renderer:
        return renderer.render(template, payload, timestamp=timestamp, pdf_tags=pdf_tags, query=query)


class Renderer:
    """Renders packaged templates, keeping one Typst compiler per template between documents.

    A compiler loads and parses the fonts a document uses the first time it needs them and keeps
    them: a worker compiling forty chunks of a quiz parses them once, not forty times. The data
    goes in anew for each document, so what comes out is what a fresh compiler makes.
    """

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._folder: Path | None = None
        self._compilers: dict[str, Any] = {}

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the compilers (and of the templates' folder, when it was unpacked)."""
        self._compilers.clear()
        self._stack.close()
        self._folder = None

    def render(
        self, template: str, payload: str, *, timestamp: float, pdf_tags: bool, query: str | None = None
    ) -> tuple[bytes, list[Any]]:
        """The PDF ``template`` makes of ``payload`` and the values ``query`` finds (``render_pdf``)."""
        inputs = {"data": payload}
        try:
            compiler = self._compilers.get(template)
            if compiler is None:
                compiler = self._compilers[template] = self._compiler(template, inputs)
            pdf, warnings = compiler.compile_with_warnings(
                format="pdf", timestamp=int(timestamp), pdf_tags=pdf_tags, sys_inputs=inputs
            )
            marks = json.loads(compiler.query(query)) if query else []
        except RuntimeError as exc:  # TypstError, or the template file missing from the install
            raise ExportError(f"Typst could not render {template}: {_describe(exc)}") from exc
        if warnings:
            raise ExportError(
                f"Typst warned while rendering {template} (treated as an error): "
                + "; ".join(_describe(w) for w in warnings)
            )
        if not isinstance(pdf, bytes):
            raise ExportError(f"Typst returned no PDF for {template}")
        return pdf, [m.get("value") for m in marks]

    def _compiler(self, template: str, inputs: dict[str, str]) -> Any:
        import typst

        if self._folder is None:
            self._folder = self._stack.enter_context(as_file(files(__package__).joinpath("templates")))
        folder = self._folder
        return typst.Compiler(str(folder / template), root=str(folder), ignore_system_fonts=True, sys_inputs=inputs)


def flusher() -> Callable[[], object]:
    """A compile of an empty page, cheap to repeat: each one ages Typst's process-wide cache by one
    compile, so a few in a row let go of everything a large document left there."""
    import typst

    with as_file(files(__package__).joinpath("templates")) as folder:
        compiler = typst.Compiler(str(folder / "flush.typ"), root=str(folder), ignore_system_fonts=True)
    return lambda: compiler.compile(format="pdf")


def _describe(problem: Any) -> str:
    """Typst's message with where it happened (template file and line) and its hints, on one line."""
    message = (getattr(problem, "message", None) or str(problem)).strip()
    where = re.search(r"┌─ (\S+:\d+:\d+)", getattr(problem, "diagnostic", "") or "")
    hints = getattr(problem, "hints", None) or []
    return " ".join([message, *([f"at {where[1]}"] if where else []), *(f"(hint: {h})" for h in hints)])
