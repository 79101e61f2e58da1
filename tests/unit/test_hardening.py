"""Issue 13, hardening round 2: each class of bad input or environment ends in its own located
one-line message (exit 2 input, 1 environment), bounded in time, with nothing half-written.

In-process (``cli.main``), so the suite stays fast. The inputs are made from the fixture deck by
small edits, so each case shows exactly what is wrong.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest

from studyaid import cli
from studyaid.errors import BusyError
from studyaid.outfolder import STAGING_PREFIX, OutputFolder

from ..conftest import MINI_DECK, QUESTIONS

BASE = MINI_DECK.read_text(encoding="utf-8").replace("  article: mini-article.txt\n", "")
TEMPLATE = "templates:\n  - id: probe\n    kind: place\n    form: short\n    answer: name\n    prompt: {}\n"


def deck_with(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def run(tmp_path: Path, monkeypatch, capsys, text: str, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decks").mkdir(exist_ok=True)
    (tmp_path / "decks" / "d.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    command = args[0] if args else "check"
    code = cli.main([command, "decks/d.yaml", "--templates", str(QUESTIONS), "--quiet", *args[1:]])
    return code, capsys.readouterr().err


CASES = {
    # class 1: tracebacks on input
    "deep-nesting": ("slug: " + "[" * 500 + "]" * 500 + "\n", "decks/d.yaml:1: YAML nested more than 50 levels deep"),
    "5000-digit-integer": (
        deck_with("value: 60,", "value: " + "9" * 5000 + ","),
        "decks/d.yaml:15: facts[0].value: number written with 5,000 characters (at most 30)",
    ),
    "huge-hex-seed": (
        deck_with("  seed: 7", "  seed: 0x" + "f" * 5000),
        "decks/d.yaml:13: deck.seed: number written with 5,002 characters (at most 30)",
    ),
    "huge-seed": (
        deck_with("  seed: 7", "  seed: " + "7" * 25),
        "decks/d.yaml:13: deck.seed: expected a seed between -2**63 and 2**63, got a number of 25 digits",
    ),
    "lone-surrogate": (
        deck_with('title: "Rail', 'title: "\\udc00Rail'),
        "decks/d.yaml:3: source.title: lone surrogate U+DC00 at position 1 (not a character; remove it)",
    ),
    "date-of-many-parts": (
        deck_with("date: 1992,", "date: " + "/".join(["1992"] * 3000) + ","),
        "decks/d.yaml:50: facts[11].date: expected a range of two dates like 1983/1990, got "
        "'1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/1992/'",
    ),
    # class 3: templates without limits
    "nested-loops": (
        BASE + TEMPLATE.format('"{% for a in range(9000) %}{% for b in range(9000) %}x{% endfor %}{% endfor %}"'),
        "decks/d.yaml:76: template 'probe': renders more than 10,000 characters for fact 'place-capital'",
    ),
    "loops-without-output": (
        BASE + TEMPLATE.format('"{% for a in range(9000) %}{% for b in range(9000) %}{% endfor %}{% endfor %}x"'),
        "decks/d.yaml:76: template 'probe': takes more than 100,000 steps (loops and calls) to render",
    ),
    "huge-power": (BASE + TEMPLATE.format('"{{ 10**(10**8) }}"'), "a power larger than 10,000 bits is refused"),
    "lipsum": (BASE + TEMPLATE.format('"{{ lipsum(100000) }}"'), "lipsum is limited to 10 paragraphs"),
    "string-times-huge": (
        BASE + TEMPLATE.format("\"{{ 'x'*10**8 }}\""),
        "repeating a value to more than 10,000 items or characters is refused",
    ),
    "zero-width-prompt": (
        BASE + TEMPLATE.format('"\\u200b\\u200b"'),
        "decks/d.yaml:80: templates[0].prompt: invisible character U+200B (ZERO WIDTH SPACE) at position 1; remove it",
    ),
    # class 4: YAML 1.1 surprises
    "sexagesimal": (
        deck_with("value: 60,", "value: 1:20,"),
        "decks/d.yaml:15: facts[0].value: '1:20' reads differently in YAML 1.1 and 1.2 (a number, a boolean or "
        'text); quote it: "1:20"',
    ),
    "octal": (deck_with("value: 60,", "value: 012,"), "'012' reads differently in YAML 1.1 and 1.2"),
    "colon-date": (deck_with("date: 1992,", "date: 20:03,"), "'20:03' reads differently in YAML 1.1 and 1.2"),
    "bool-name": (
        deck_with("name: General Smith,", "name: NO,"),
        "facts[19].name: 'NO' reads differently in YAML 1.1 and 1.2 (a number, a boolean or text); quote it: \"NO\"",
    ),
    # class 5: text hygiene
    "nul-in-quote": (
        deck_with('"In 2018 Country A accounted', '"In 2018\\0 Country A accounted'),
        "facts[0].quote: control character U+0000 at position 8 is not allowed",
    ),
    "bidi-override": (
        deck_with("name: General Smith,", 'name: "General \\u202eSmith",'),
        "facts[19].name: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 9; remove it",
    ),
    "confusable-role": (
        deck_with('role: "the commander of the border garrison"', 'role: "the region\'s l\\u0430rgest shipping firm"'),
        "facts[19].role: same role as 'actor-harbour': questions would have two right answers",
    ),
    "megabyte-value": (deck_with("value: 60,", "value: '" + "x" * 1_000_000 + "',"), "(999,7"),
    # class 6: identifiers and names
    "slug-newline": (
        deck_with("slug: mini", 'slug: "mini\\n"'),
        "decks/d.yaml:1: slug: expected a kebab-case id like 'share-china-2017', got 'mini\\n'",
    ),
    "slug-300": (
        deck_with("slug: mini", "slug: " + "a" * 300),
        "slug: id of 300 characters is longer than the limit of 100",
    ),
    "deck-name-colons": (
        deck_with('name: "Mini fixture"', 'name: "A::::B"'),
        "deck.name: expected a deck name whose '::'-separated parts are not empty, got 'A::::B'",
    ),
    # class 7: numbers and spans
    "value-vs-asked": (
        deck_with('asked: "60%"', 'asked: "25.5%"'),
        "facts[0].asked: '25.5%' does not state the value 60",
    ),
    "asked-twice": (
        deck_with(
            'quote: "In 2018 Country A accounted for 60% of',
            'quote: "In 2018 Country A accounted for 60% (60%) of',
        ),
        "facts[0].asked: '60%' occurs 2 times in the quote; give a longer span that occurs once",
    ),
    "parts-cycle": (
        deck_with(
            'unit: USD, when: in 2018,\n     attribution: the Customs Office, footnote: i,\n     quote: "According to the Customs Office, bilateral turnover stood at $40 million in 2018, made up of exports ($15 million) and imports ($25 million).", asked: "$15 million"}',
            'unit: USD, when: in 2018, parts: [turnover],\n     attribution: the Customs Office, footnote: i,\n     quote: "According to the Customs Office, bilateral turnover stood at $40 million in 2018, made up of exports ($15 million) and imports ($25 million).", asked: "$15 million"}',
        ),
        "parts form a cycle: ",
    ),
    "tiny-percent": (
        deck_with("value: 60,", "value: 1e-300,"),
        "facts[0].value: expected a figure of at least 0.0001 (printed without an exponent), got '1e-300'",
    ),
    # class 8: links
    "javascript-url": (
        deck_with("  date: 2020-02-01\n", '  date: 2020-02-01\n  url: "javascript:alert(1)"\n'),
        "decks/d.yaml:7: source.url: expected an http:// or https:// address, got 'javascript:alert(1)'",
    ),
    "file-url": (
        deck_with("  date: 2020-02-01\n", '  date: 2020-02-01\n  url: "file:///etc/passwd"\n'),
        "source.url: expected an http:// or https:// address, got 'file:///etc/passwd'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_its_own_located_line(tmp_path, monkeypatch, capsys, case):
    """Each class of bad input: exit 2, a located line with its own message, no traceback, no output."""
    text, expected = CASES[case]
    code, err = run(tmp_path, monkeypatch, capsys, text, "build", "-o", "out")
    assert code == 2, err
    assert expected in err, err
    assert "Traceback" not in err
    assert all(len(line) < 1200 for line in err.splitlines()), "a bad value never makes a huge line"
    assert not (tmp_path / "out").exists()


def test_many_problems_are_counted_not_printed(tmp_path, monkeypatch, capsys):
    """20,000 bad facts: checking stops after 1,000 problems and says where; 100 lines are
    printed, then a count of the rest."""
    text = deck_with("facts:\n", "facts:\n" + "  - {id: bad, kind: nope}\n" * 20_000)
    code, err = run(tmp_path, monkeypatch, capsys, text)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 101
    assert lines[0] == (
        "decks/d.yaml: facts[334] (line 349) on: stopped checking after 1,000 problems: 19,690 more items of facts not checked"
    )
    assert lines[-1] == "… and 903 more problems"


def test_many_bad_values_stop_the_reading(tmp_path, monkeypatch, capsys):
    """5,000 values YAML 1.1 reads otherwise: reading stops after 1,000 problems, saying where."""
    text = deck_with("facts:\n", "x: [" + ", ".join(["012"] * 5_000) + "]\nfacts:\n")
    code, err = run(tmp_path, monkeypatch, capsys, text)
    lines = err.splitlines()
    assert code == 2 and lines[0] == "decks/d.yaml: stopped reading at line 14 after 1,000 problems"
    assert lines[1].startswith("decks/d.yaml:14: x[0]: '012' reads differently in YAML 1.1 and 1.2")
    assert lines[-1] == "… and 901 more problems"


def test_fifo_article_is_refused_without_blocking(tmp_path, monkeypatch, capsys):
    """An article path naming a FIFO, a device or a folder is refused before anything is read."""
    os.mkfifo(tmp_path / "fifo")
    for path, kind in (
        (tmp_path / "fifo", "a FIFO (named pipe)"),
        (Path("/dev/zero"), "a character device"),
        (tmp_path, "a folder"),
    ):
        code, err = run(tmp_path, monkeypatch, capsys, BASE, "check", "--article", str(path))
        assert code == 2
        assert err == f"{path}: cannot read the article: is {kind}, expected a regular file\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe{}", "decks/d.lock.json: line 1: not UTF-8 text (the Anki lock file; repair or delete it)"),
        (b"[" * 50_000 + b"]" * 50_000, "decks/d.lock.json:1: JSON nested too deeply (expected GUID -> entry)"),
        (
            b'{"g": {"hash": "' + b"a" * 64 + b'", "mod": 1180591620717411303424}}',
            "decks/d.lock.json:1: a number of 22 digits is not a time",
        ),
        (
            b'{"g": {"hash": "' + b"a" * 64 + b'", "mod": 99999999999999}}',
            "decks/d.lock.json: g: mod 99999999999999 is not a time from 1970 to 9999",
        ),
        ("dir", "decks/d.lock.json: is a folder, expected a regular file (the Anki lock file; repair or delete it)"),
    ],
)
def test_broken_lock_file_is_a_located_error(tmp_path, monkeypatch, capsys, content, expected):
    """A lock file that is not UTF-8, nested thousands deep, with absurd times, or a folder: located, exit 2."""
    lock = tmp_path / "decks" / "d.lock.json"
    lock.parent.mkdir(parents=True)
    if content == "dir":
        lock.mkdir()
    else:
        lock.write_bytes(content)
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 2
    assert expected in err
    assert not (tmp_path / "out" / "mini.apkg").exists()


def test_output_folder_that_is_a_file(tmp_path, monkeypatch, capsys):
    """``-o`` naming a file: one line naming it, exit 1."""
    (tmp_path / "out").write_text("x")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out")
    assert code == 1
    assert err == "studyaid: out: is a file, expected an output folder\n"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOSPC, "no space left on the device"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_unwritable_output_is_one_line(tmp_path, monkeypatch, capsys, number, reason):
    """A full disk, a read-only or forbidden folder: one line naming the output file, exit 1, nothing left."""
    import studyaid.atomic as atomic

    def fail(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(atomic.os, "fsync", fail)
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 1
    assert err.strip().endswith(
        f"could not write its outputs: {Path('out') / 'mini.lock.json'}: {reason}"
    ) or err.strip().endswith(f": {reason}"), err
    assert "Traceback" not in err
    assert [p.name for p in (tmp_path / "out").iterdir()] == []
    assert not list((tmp_path / "decks").glob(".*.tmp"))


def test_symlink_in_output_folder_is_refused(tmp_path, monkeypatch, capsys):
    """A pre-placed symlink where the package goes: refused by name, its target untouched."""
    (tmp_path / "out").mkdir()
    (tmp_path / "precious").write_text("mine")
    (tmp_path / "out" / "mini.apkg").symlink_to(tmp_path / "precious")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out")
    assert code == 1
    assert "out/mini.apkg: is a symbolic link; studyaid does not write through links (remove it)" in err
    assert (tmp_path / "precious").read_text() == "mine"


def test_broken_pipe_ends_quietly(tmp_path, monkeypatch, capsys):
    """``studyaid questions | head``: the reader goes away, the command stops without a word."""

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text(BASE)
    saved = os.dup(1)
    try:
        monkeypatch.setattr(sys, "stdout", Closed())
        code = cli.main(["questions", "d.yaml", "--templates", str(QUESTIONS), "--quiet"])
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    assert code == cli.EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""


def test_two_builds_into_one_folder_take_turns(tmp_path):
    """While one build holds the output folder, a second waits, then says why it cannot go on."""
    waits: list[str] = []
    with (
        OutputFolder(tmp_path / "out"),
        pytest.raises(BusyError, match="another studyaid build is writing into this folder"),
        OutputFolder(tmp_path / "out", wait=0.2, on_wait=waits.append),
    ):
        pass
    assert waits == [f"{tmp_path / 'out'}: another studyaid build is writing here; waiting for it…"]
    with OutputFolder(tmp_path / "out"):  # released: the next build goes ahead
        pass


def test_killed_build_leftovers_are_removed_on_next_start(tmp_path, monkeypatch, capsys):
    """Staging folders and temporaries of a killed build (SIGKILL: no cleanup ran) go at the next start."""
    out = tmp_path / "out"
    (out / f"{STAGING_PREFIX}dead").mkdir(parents=True)
    (out / f"{STAGING_PREFIX}dead" / "mini.apkg").write_text("half")
    (out / ".mini.apkg.x1y2.tmp").write_text("half")
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / ".d.lock.json.a1b2.tmp").write_text("half")
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["mini.apkg"]
    assert sorted(p.name for p in (tmp_path / "decks").iterdir()) == ["d.lock.json", "d.yaml"]


def test_too_small_deck_for_the_quiz_writes_nothing(tmp_path, monkeypatch, capsys):
    """A quiz that cannot be made stops the build before the package, and before the lock file changes."""
    code, err = run(tmp_path, monkeypatch, capsys, BASE, "build", "-o", "out", "--count", "200")
    assert code == 2
    assert "--count: asked for 200 questions per version" in err
    assert list((tmp_path / "out").iterdir()) == []
    assert not (tmp_path / "decks" / "d.lock.json").exists()


@pytest.mark.parametrize("kill_at", [1, 2])
def test_interrupted_at_each_write_keeps_lock_ahead_of_package(tmp_path, monkeypatch, capsys, kill_at):
    """Interrupted at the lock write or the package write, the previous package stays whole, the lock
    is never behind the package, and the next unchanged build gives every note its previous time."""
    import studyaid.atomic as atomic

    code, _ = run(tmp_path, monkeypatch, capsys, BASE, "anki", "-o", "out", "--timestamp", "1700000000")
    assert code == 0
    package = (tmp_path / "out" / "mini.apkg").read_bytes()
    lock = (tmp_path / "decks" / "d.lock.json").read_text()
    changed = BASE.replace("the region's only warm-water port", "the region's one warm-water port")
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == kill_at:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    code, err = run(tmp_path, monkeypatch, capsys, changed, "anki", "-o", "out", "--timestamp", "1800000000")
    assert code == 130, err
    assert (tmp_path / "out" / "mini.apkg").read_bytes() == package
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["mini.apkg"]
    assert not list((tmp_path / "decks").glob(".*.tmp"))
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    new_lock = (tmp_path / "decks" / "d.lock.json").read_text()
    assert (new_lock == lock) == (kill_at == 1), "killed at the lock: old lock; at the package: the new one, ahead"
    code, _ = run(tmp_path, monkeypatch, capsys, changed, "anki", "-o", "out", "--timestamp", "1900000000")
    assert code == 0
    import json

    final = json.loads((tmp_path / "decks" / "d.lock.json").read_text())
    stamps = sorted({e["mod"] for e in final.values()})
    assert stamps == ([1700000000, 1900000000] if kill_at == 1 else [1700000000, 1800000000])


def test_loader_fuzz_never_raises_anything_but_located_problems(tmp_path):
    """Random YAML structures and random bytes: the loader answers with located problems or a deck,
    never a traceback."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from studyaid.errors import InputError
    from studyaid.load import load_deck
    from studyaid.yamlsafe import parse, read_text

    scalars = st.one_of(
        st.text(max_size=20),
        st.integers(),
        st.floats(allow_nan=True),
        st.booleans(),
        st.none(),
        st.sampled_from(["1:20", "012", "yes", "NO", "0x" + "f" * 50, "9" * 5000, "~", ".inf", "2020-02-30"]),
    )
    structures = st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=30,
    )

    def check(raw: bytes) -> None:
        path = tmp_path / "f.yaml"
        path.write_bytes(raw)
        text, problems = read_text(raw, "f.yaml")
        if text is not None:
            parse(text, "f.yaml")
        try:
            load_deck(path)
        except InputError as exc:
            assert exc.problems and all(
                str(p).startswith("f.yaml") or str(p).startswith(str(path)) for p in exc.problems
            )

    @settings(max_examples=40, deadline=None)
    @given(st.one_of(st.binary(max_size=300), structures.map(lambda v: repr(v).encode("utf-8", "surrogatepass"))))
    def bytes_and_structures(raw: bytes) -> None:
        check(raw)

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, len(BASE) - 1), st.text(max_size=6))
    def edits_of_a_real_deck(at: int, insert: str) -> None:
        check((BASE[:at] + insert + BASE[at:]).encode("utf-8", "surrogatepass"))

    bytes_and_structures()
    edits_of_a_real_deck()
