"""Loading deck and template files: every problem located by file, line and field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from studyaid.errors import InputError
from studyaid.load import load_deck, load_templates

BASE = """\
slug: tiny
source:
  title: "A tiny article"
  author: "A. Writer"
  publisher: "Test Press"
  date: 2020-02-01
  footnotes:
    i: "A note"
deck:
  name: "Tiny"
  deck_id: 1700000001
  note_types: {basic: 1700000101, choice: 1700000102, cloze: 1700000103, actor: 1700000104}
facts:
  - id: share-a
    kind: share
    topic: trade-shares
    part: Country A
    whole: "Land B's trade"
    value: 60
    quote: "Country A held 60% of Land B's trade."
  - id: gauge
    kind: measure
    topic: gauges
    name: standard gauge
    subject: "the gauge"
    value: 1435
    unit: mm
    imperial: "4 ft 8 1/2 in"
    quote: "The gauge is 1,435 mm (4 ft 8 1/2 in)."
"""


def load_text(tmp_path: Path, text: str, templates=()):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deck(path, tuple(templates), display="x.yaml")


def messages(tmp_path: Path, text: str, templates=()) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_text(tmp_path, text, templates)
    return [str(p) for p in caught.value.problems]


def test_base_deck_loads(tmp_path):
    """The minimal deck used by these tests is itself valid."""
    deck = load_text(tmp_path, BASE)
    assert [f.id for f in deck.facts] == ["share-a", "gauge"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    value: 60\n", "    value: lots\n", "x.yaml:19: facts[0].value: expected a percentage, got 'lots'"),
        (
            "    value: 60\n",
            "    value: 160\n",
            "x.yaml:19: facts[0].value: expected a percentage above 0 and at most 100, got 160",
        ),
        ("    value: 60\n", "    value: .nan\n", "x.yaml:19: facts[0].value: number '.nan' is not finite"),
        (
            "    value: 60\n",
            "    value: 1e400\n",
            "x.yaml:19: facts[0].value: expected a finite number below 1e15, got '1e400'",
        ),
        (
            "    kind: share\n",
            "    kind: opinion\n",
            "x.yaml:15: facts[0].kind: expected one of share, amount, measure, event, actor, place, quantity, duration, statement, thing, relation, got 'opinion'",
        ),
        (
            "    topic: trade-shares\n",
            "    topic: gossip\n",
            "x.yaml:16: facts[0].topic: expected one of trade-shares, gauges, dates, actors, places, got 'gossip'",
        ),
        ("    part: Country A\n", "", "x.yaml:14: facts[0].part: missing required field"),
        (
            '    imperial: "4 ft 8 1/2 in"\n',
            '    imperial: "4 ft 11 27/32 in"\n',
            "x.yaml:28: facts[1].imperial: '4 ft 11 27/32 in' disagrees with 1,435 mm (= 56.496 in by pint)",
        ),
        (
            "    unit: mm\n",
            "    unit: furlongs-ish\n",
            "x.yaml:27: facts[1].unit: expected a unit of length, got 'furlongs-ish'",
        ),
        (
            "  - id: gauge\n",
            "  - id: share-a\n",
            "x.yaml:21: facts[1].id: duplicate fact id 'share-a' (first on line 14)",
        ),
        (
            "    part: Country A\n",
            "    part: Country A\n    colour: red\n",
            "x.yaml:18: facts[0].colour: unknown field (expected one of also_true, asked, attribution, caption, "
            "corrections, footnote, former_ids, found_by, hedge, id, kind, of, part, parts, quote, quoted_from, refers, "
            "sort, source, status, topic, value, when, whole)",
        ),
        (
            "  deck_id: 1700000001\n",
            "  deck_id: 1700000101\n",
            "x.yaml:12: deck.note_types.basic: ID 1700000101 is also used by deck_id",
        ),
        (
            "    value: 60\n",
            "    value: 60\n    of: gauge\n",
            "x.yaml:20: facts[0].of: 'gauge' is a measure, expected a amount",
        ),
        (
            "    value: 60\n",
            "    value: 60\n    footnote: ix\n",
            "x.yaml:20: facts[0].footnote: no footnote 'ix' in source.footnotes",
        ),
    ],
)
def test_bad_field_gets_one_located_message(tmp_path, old, new, expected):
    """Each kind of bad field is reported once, naming file, line and field, with an exact message."""
    assert old in BASE
    assert messages(tmp_path, BASE.replace(old, new, 1)) == [expected]


def test_every_problem_reported_at_once(tmp_path):
    """Several problems in one file are all reported, in line order."""
    text = BASE.replace("    value: 60\n", "    value: lots\n").replace("    unit: mm\n", "    unit: 7\n")
    assert messages(tmp_path, text) == [
        "x.yaml:19: facts[0].value: expected a percentage, got 'lots'",
        "x.yaml:27: facts[1].unit: expected text, got 7",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("slug: [tiny\n", "x.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"),
        ("slug: a\n\tsource: b\n", "x.yaml:2: invalid YAML: found character '\\t' that cannot start any token"),
        ("", "x.yaml:1: empty file, expected a YAML mapping"),
        ("- a\n- b\n", "x.yaml:1: expected a mapping at the top level, got list"),
        ("slug: a\nslug: b\n", "x.yaml:2: slug: duplicate key"),
    ],
)
def test_broken_files(tmp_path, text, expected):
    """Broken YAML, empty files, lists and duplicate keys each get one located message."""
    assert messages(tmp_path, text)[0] == expected


def test_binary_and_non_utf8_files(tmp_path):
    """Binary and non-UTF-8 files are refused before parsing."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(InputError, match="x.yaml:1: binary file, expected YAML text"):
        load_deck(path, (), display="x.yaml")
    path.write_bytes("slug: café\n".encode("latin-1"))
    with pytest.raises(InputError, match="x.yaml:1: not UTF-8 text"):
        load_deck(path, (), display="x.yaml")


def test_object_tags_are_refused_not_run(tmp_path):
    """A python object tag is reported and never executed."""
    marker = tmp_path / "ran"
    text = BASE.replace("slug: tiny\n", f'slug: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert messages(tmp_path, text) == [
        "x.yaml:1: slug: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(tmp_path):
    """A billion-laughs alias bomb is refused in well under a second, before anything expands."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    started = time.perf_counter()
    problems = messages(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert problems == ["x.yaml:1: YAML anchors and aliases are not allowed"]


def test_shares_of_one_whole_cannot_exceed_100(tmp_path):
    """Two shares of the same whole adding up past 100% are reported at the later one."""
    extra = (
        '  - {id: share-b, kind: share, topic: trade-shares, part: Country B, whole: "Land B\'s trade", '
        'value: 50, quote: "x"}\n'
    )
    assert messages(tmp_path, BASE + extra) == [
        "x.yaml:30: facts[2].value: shares of Land B's trade add up to 110% (Country A 60% + Country B 50%)"
    ]


def test_parts_must_add_up(tmp_path):
    """An amount whose parts do not add up to it is reported with the sum."""
    extra = """\
  - {id: total, kind: amount, topic: trade-shares, subject: t, value: 78, scale: million, unit: USD, parts: [p1, p2], quote: x}
  - {id: p1, kind: amount, topic: trade-shares, subject: a, value: 8.8, scale: million, unit: USD, quote: x}
  - {id: p2, kind: amount, topic: trade-shares, subject: b, value: 68, scale: million, unit: USD, quote: x}
"""
    assert messages(tmp_path, BASE + extra) == ["x.yaml:30: facts[2].value: parts add up to 76.8, not 78 (8.8 + 68)"]


TEMPLATE_BASE = """\
templates:
  - id: share-value
    kind: share
    form: short
    answer: value
    prompt: "{{ lead }} what share of {{ fact.whole }} did {{ fact.part }} hold?"
"""


def template_messages(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_templates(path, display="questions.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{{ fact.whole }}",
            "{{ fact.hole }}",
            "questions.yaml:6: templates[0].prompt: names unknown fact field 'hole' (a share has also_true, asked, "
            "attribution, caption, corrections, footnote, former_ids, hedge, id, kind, of, part, parts, quote, quoted_from, "
            "refers, sort, source, topic, value, when, whole)",
        ),
        (
            "{{ fact.whole }}",
            "{{ fact.whole ",
            "questions.yaml:6: templates[0].prompt: Jinja2 syntax error on template "
            "line 1: expected token 'end of print statement', got 'did'",
        ),
        (
            "{{ fact.whole }}",
            "{{ ''.__class__.__mro__ }}",
            "questions.yaml:6: templates[0].prompt: reaches for internal attribute '__mro__', which the sandbox refuses",
        ),
        (
            "answer: value",
            "answer: vibes",
            "questions.yaml:5: templates[0].answer: unknown answer 'vibes' for kind share (expected one of asked, part, "
            "remainder, share_amount, value)",
        ),
        (
            "form: short",
            "form: essay",
            "questions.yaml:4: templates[0].form: expected one of choice, true-false, numeric, short, cloze, ordering, "
            "matching, got 'essay'",
        ),
    ],
)
def test_bad_template_gets_one_located_message(tmp_path, old, new, expected):
    """Unknown fields, syntax errors, sandbox escapes and unknown answers in templates are located."""
    assert template_messages(tmp_path, TEMPLATE_BASE.replace(old, new)) == [expected]


def test_symlink_out_of_the_deck_folder_is_refused(tmp_path):
    """An article path that is a symlink pointing outside the deck's folder is refused."""
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "article.txt").symlink_to(outside)
    path = folder / "x.yaml"
    path.write_text(BASE.replace("  footnotes:\n", "  article: article.txt\n  footnotes:\n"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_deck(path, (), display="x.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "x.yaml:7: source.article: path 'article.txt' leaves the deck's folder"
    ]


def test_article_inside_the_folder_is_accepted(tmp_path):
    """An article path inside the deck's folder resolves to that file."""
    (tmp_path / "article.txt").write_text("text")
    deck = load_text(tmp_path, BASE.replace("  footnotes:\n", "  article: article.txt\n  footnotes:\n"))
    assert deck.source.article == str((tmp_path / "article.txt").resolve())


def test_undated_event_with_a_year_in_its_asked_span_loads(tmp_path, templates):
    """An event whose date is unknown (no ``date``) loads even when its asked span names a year:
    there is no date for the year to disagree with (found by the mutation property test)."""
    from ..conftest import MINI_DECK

    text = MINI_DECK.read_text(encoding="utf-8").replace(" date: 1992,", "", 1)
    assert "event-pact, kind: event, topic: dates, what" in text and 'asked: "1992"' in text
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "mini-article.txt").write_text("", encoding="utf-8")
    deck = load_deck(tmp_path / "mini.yaml", templates)
    assert deck.fact("event-pact").get("date") is None
