"""auto-multiple-choice (AMC) as a baseline for the printed quiz, when it is installed.

The same questions studyaid's quiz asks (its plan for the deck, untimed) are written as an AMC
LaTeX source: choice and true-false questions with their options, the others as open questions
(AMC's ``\\AMCOpen`` box), shuffled per copy by AMC itself. The clock covers only
``auto-multiple-choice prepare --mode s``, which typesets the question sheets of every copy and
the solution (the key), as a teacher preparing the same copies would run it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from .steps import Step, deck_and_questions

TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def tex(text: str) -> str:
    """Plain text as LaTeX source."""
    return "".join(TEX_SPECIALS.get(c, c) for c in text)


def amc_source(title: str, planned: list[Any], copies: int) -> str:
    """An AMC document asking ``planned`` (one version's questions) in ``copies`` shuffled copies."""
    lines = [
        r"\documentclass[a4paper]{article}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage{textcomp}",
        r"\usepackage[box,completemulti]{automultiplechoice}",
        r"\begin{document}",
    ]
    for n, pq in enumerate(planned, 1):
        lines.append(r"\element{quiz}{\begin{question}{q" + str(n) + "}" + tex(pq.question.prompt))
        if pq.question.form in ("choice", "true-false"):
            lines.append(r"\begin{choices}")
            for letter, option in zip(pq.letters, pq.options, strict=True):
                kind = "correctchoice" if letter == pq.correct[0] else "wrongchoice"
                lines.append(rf"\{kind}{{{tex(option)}}}")
            lines.append(r"\end{choices}")
        else:
            lines.append(r"\AMCOpen{lines=2}{\wrongchoice[W]{w}\scoring{0}\correctchoice[R]{r}\scoring{1}}")
        lines.append(r"\end{question}}")
    lines += [
        r"\onecopy{" + str(copies) + "}{",
        r"\noindent{\bf " + tex(title) + r"}\hfill Copy \AMCStudentNumber\\",
        r"\namefield{Name: \hrulefill}",
        r"\shufflegroup{quiz}\insertgroup{quiz}",
        r"\AMCcleardoublepage",
        r"}",
        r"\end{document}",
    ]
    return "\n".join(lines) + "\n"


def installed() -> bool:
    """Whether auto-multiple-choice is on this machine (the baseline is optional)."""
    return shutil.which("auto-multiple-choice") is not None


def _amc_prepare(task: dict[str, Any]) -> dict[str, Any]:
    program = shutil.which("auto-multiple-choice")
    if program is None:
        raise RuntimeError("auto-multiple-choice is not installed (apt-get install auto-multiple-choice)")
    from studyaid.quizplan import plan_quiz

    deck, _, questions = deck_and_questions(task)
    plan = plan_quiz(deck, questions, versions=1, count=task["count"], seed=deck.settings.seed)
    work = Path(task["work_dir"]) / "amc"
    (work / "data").mkdir(parents=True)
    source = work / "quiz.tex"
    source.write_text(amc_source(deck.source.title, list(plan.versions[0].questions), task["versions"]), "utf-8")
    return {"program": program, "work": work, "source": source, "copies": task["versions"]}


def _amc_run(state: dict[str, Any]) -> dict[str, Any]:
    work: Path = state["work"]
    done = subprocess.run(
        [
            state["program"],
            "prepare",
            "--mode",
            "s",
            "--with",
            "pdflatex",
            "--prefix",
            f"{work}/",
            "--data",
            str(work / "data"),
            "--n-copies",
            str(state["copies"]),
            str(state["source"]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    made = {name: (work / name).stat().st_size for name in ("sujet.pdf", "corrige.pdf") if (work / name).exists()}
    if done.returncode or len(made) < 2:
        raise RuntimeError(f"auto-multiple-choice prepare failed: {(done.stdout + done.stderr).strip()[-1500:]}")
    return {"copies": state["copies"], "files": made}


AMC = Step(_amc_prepare, _amc_run)
"""The AMC baseline: the quiz's copies and solution typeset by auto-multiple-choice."""
