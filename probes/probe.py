"""Probe harness for issue 13: each class of bad input, run through the CLI, outcome recorded.

Usage: python probes/probe.py [NAME ...]   (from the worktree root)
Prints one line per probe: name, command, exit code, wall and CPU time, and the verdict
(traceback / hang / located error / accepted).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MINI = (REPO / "tests/fixtures/mini/decks/mini.yaml").read_text().replace("  article: mini-article.txt\n", "")
ARTICLE = (REPO / "tests/fixtures/mini/decks/mini-article.txt").read_text()
QUESTIONS = REPO / "questions.yaml"
TIMEOUT = float(os.environ.get("PROBE_TIMEOUT", "20"))

FACT_A = MINI.split("  - {id: share-a")[1].split("\n  - {id: share-c")[0]
FIRST = "  - {id: share-a" + FACT_A


def sub(old, new, text=MINI, count=1):
    assert old in text, old
    return text.replace(old, new, count)


def with_templates(body):
    return MINI + "templates:\n" + body


def tmpl(prompt, kind="place", form="short", answer="name"):
    return with_templates(
        f"  - id: probe\n    kind: {kind}\n    form: {form}\n    answer: {answer}\n    prompt: {prompt}\n"
    )


def deep(n):
    return "slug: " + "[" * n + "]" * n + "\n"


CASES = {
    # 1 tracebacks on input
    "yaml-deep-seq": deep(500),
    "yaml-deep-seq-5k": deep(5000),
    "yaml-deep-map": "slug: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n",
    "yaml-deep-block": "".join(" " * i + "a:\n" for i in range(1500)) + " " * 1500 + "a: 1\n",
    "yaml-many-nodes": "slug: mini\nx: [" + ",".join(["1"] * 400_000) + "]\n",
    "int-5000-digits": sub("value: 60,", "value: " + "9" * 5000 + ","),
    "seed-huge-hex": sub("  seed: 7", "  seed: 0x" + "f" * 5000),
    "seed-huge-dec": sub("  seed: 7", "  seed: " + "7" * 30),
    "surrogate-quote": sub('"In 2018 Country A accounted for 60%', '"\\ud800In 2018 Country A accounted for 60%'),
    "surrogate-title": sub('title: "Rail and Trade', 'title: "\\udc00Rail and Trade'),
    "date-many-slashes": sub("date: 1992,", "date: " + "/".join(["1992"] * 5000) + ","),
    # 4 YAML 1.1
    "yaml11-sexagesimal": sub("value: 60,", "value: 1:20,"),
    "yaml11-octal": sub("value: 60,", "value: 012,"),
    "yaml11-date-colon": sub("date: 1992,", "date: 20:03,"),
    "yaml11-bool-name": sub("name: General Smith,", "name: NO,"),
    "yaml11-bool-part": sub("part: Country A,", "part: yes,"),
    "yaml11-bool-on": sub("part: Country A,", "part: on,"),
    # 5 text hygiene
    "nul-in-quote": sub('"In 2018 Country A accounted', '"In 2018\\0 Country A accounted'),
    "bell-in-quote": sub('"In 2018 Country A accounted', '"In 2018\\a Country A accounted'),
    "zwsp-in-role": sub(
        'role: "the commander of the border garrison"', 'role: "the region\u200b\'s largest shipping firm"'
    ),
    "confusable-role": sub(
        'role: "the commander of the border garrison"', 'role: "the region\'s l\u0430rgest shipping firm"'
    ),
    "bidi-in-name": sub("name: General Smith,", 'name: "General \u202eSmith",'),
    "huge-bad-value": sub("value: 60,", "value: '" + "x" * 1_000_000 + "',"),
    "many-problems": MINI.replace("facts:\n", "facts:\n" + "  - {id: bad, kind: nope}\n" * 200_000, 1),
    # 6 identifiers
    "slug-newline": sub("slug: mini", 'slug: "mini\\n"'),
    "slug-300": sub("slug: mini", "slug: " + "a" * 300),
    "deck-name-colons": sub('name: "Mini fixture"', 'name: "::"'),
    "deck-name-empty-part": sub('name: "Mini fixture"', 'name: "A::::B"'),
    "fact-id-newline": sub("id: share-a,", 'id: "share-a\\n",'),
    # 7 numbers and spans
    "value-vs-asked": sub('asked: "60%"', 'asked: "25.5%"'),
    "asked-twice": sub(
        'value: 60, when: in 2018,\n     quote: "In 2018 Country A accounted for 60% of',
        'value: 60, when: in 2018,\n     quote: "In 2018 Country A accounted for 60% (60%) of',
    ),
    "asked-case-shift": sub(
        '{id: event-pact, kind: event, topic: dates, what: "the signing of the Border Pact", date: 1992, quote: "The Border Pact was signed in 1992."',
        '{id: event-pact, kind: event, topic: dates, what: "the signing of the Border Pact", date: 1992, quote: "Die Straße Border Pact was signed in 1992."',
    ),
    "parts-cycle": sub("    parts: [exports, imports]\n", "    parts: [exports, imports]\n").replace(
        'subject: "Land B\'s exports", value: 15, scale: million, unit: USD,',
        'subject: "Land B\'s exports", value: 15, scale: million, unit: USD, parts: [turnover],',
    ),
    "tiny-percent": sub("value: 60,", "value: 1e-300,"),
    # 8 links
    "url-javascript": sub("  date: 2020-02-01\n", '  date: 2020-02-01\n  url: "javascript:alert(1)"\n'),
    "url-file": sub("  date: 2020-02-01\n", '  date: 2020-02-01\n  url: "file:///etc/passwd"\n'),
    # 3 templates
    "tmpl-nested-loops": tmpl('"{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}"'),
    "tmpl-pow": tmpl('"{{ 10**(10**8) }}"'),
    "tmpl-lipsum": tmpl('"{{ lipsum(100000) }}"'),
    "tmpl-mul": tmpl("\"{{ 'x'*10**8 }}\""),
    "tmpl-zero-width": tmpl('"\\u200b\\u200b \\u200b"'),
    "tmpl-format-width": tmpl("\"{{ '%0100000000d'|format(1) }}\""),
}


def run(name, text, commands=("check", "build")):
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "decks"
        d.mkdir()
        (d / "mini-article.txt").write_text(ARTICLE)
        deck = d / "mini.yaml"
        deck.write_text(text, encoding="utf-8", errors="surrogatepass")
        for command in commands:
            args = [sys.executable, "-m", "studyaid.cli", command, str(deck), "--templates", str(QUESTIONS), "--quiet"]
            if command != "check":
                args += ["-o", str(Path(tmp) / "out"), "--timestamp", "1700000000"]
            results.append(execute(name, command, args, tmp))
    return results


def execute(name, command, args, cwd, **kw):
    start = time.monotonic()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = 0.0
    try:
        p = subprocess.run(args, cwd=cwd, capture_output=True, timeout=TIMEOUT, **kw)
        took = time.monotonic() - start
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
        err = p.stderr.decode("utf-8", "replace")
        if "Traceback" in err:
            verdict = "TRACEBACK " + err.strip().splitlines()[-1][:150]
        elif p.returncode == 0:
            verdict = "accepted"
        else:
            lines = err.strip().splitlines()
            verdict = f"error ({len(lines)} lines, {len(err)} chars): " + (lines[0][:200] if lines else "")
        rc = p.returncode
    except subprocess.TimeoutExpired:
        took, rc, verdict = TIMEOUT, None, f"HANG (> {TIMEOUT:.0f} s)"
    # CPU seconds as well as wall seconds: on a shared machine the wall clock says more about the
    # other jobs than about studyaid.
    line = f"{name:24} {command:6} rc={rc!s:4} {took:6.2f}s wall {cpu:6.2f}s cpu  {verdict}"
    print(line, flush=True)
    return line


def main(names):
    for name, text in CASES.items():
        if names and name not in names:
            continue
        run(name, text)


if __name__ == "__main__" and not os.environ.get("PROBE_ENV"):
    main(sys.argv[1:])


def env_probes(names):
    """Problems with the environment: output place, article path, lock file, pipes."""
    import json as _json

    def setup(tmp):
        d = Path(tmp) / "decks"
        d.mkdir()
        deck = d / "mini.yaml"
        deck.write_text(MINI)
        return d, deck

    def cli(*a):
        return [sys.executable, "-m", "studyaid.cli", *a, "--templates", str(QUESTIONS), "--quiet"]

    def probe(name, prepare, command="anki", shell=None):
        if names and name not in names:
            return
        with tempfile.TemporaryDirectory() as tmp:
            d, deck = setup(tmp)
            extra = prepare(Path(tmp), d, deck) or []
            if shell:
                args = shell(Path(tmp), deck)
                execute(name, command, args, tmp, shell=True)
            else:
                execute(name, command, cli(command, str(deck), *extra), tmp)
            subprocess.run(["umount", "-q", str(Path(tmp) / "ro")], capture_output=True)

    def out_file(tmp, d, deck):
        (tmp / "outfile").write_text("x")
        return ["-o", str(tmp / "outfile")]

    def out_readonly(tmp, d, deck):
        (tmp / "ro").mkdir()
        subprocess.run(["mount", "--bind", "-o", "ro", str(tmp / "ro"), str(tmp / "ro")], check=True)
        return ["-o", str(tmp / "ro")]

    def out_full(tmp, d, deck):
        (tmp / "ro").mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(tmp / "ro")], check=True)
        return ["-o", str(tmp / "ro")]

    def out_symlink(tmp, d, deck):
        (tmp / "out").mkdir()
        (tmp / "target").write_text("precious")
        (tmp / "out" / "mini.apkg").symlink_to(tmp / "target")
        return ["-o", str(tmp / "out")]

    def deck_readonly(tmp, d, deck):
        (tmp / "ro").mkdir()
        shutil.copy(deck, tmp / "ro" / "mini.yaml")
        subprocess.run(["mount", "--bind", "-o", "ro", str(tmp / "ro"), str(tmp / "ro")], check=True)
        return ["-o", str(tmp / "out")]

    def lock(content):
        def prepare(tmp, d, deck):
            if content == "dir":
                (d / "mini.lock.json").mkdir()
            else:
                (d / "mini.lock.json").write_bytes(content)
            return ["-o", str(tmp / "out")]

        return prepare

    probe("out-is-file", out_file)
    probe("out-readonly", out_readonly)
    probe("out-full-disk", out_full)
    probe("out-symlink", out_symlink)
    if not names or "deck-readonly" in names:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "ro").mkdir()
            (tmp / "ro" / "mini.yaml").write_text(MINI)
            subprocess.run(["mount", "--bind", "-o", "ro", str(tmp / "ro"), str(tmp / "ro")], check=True)
            execute("deck-readonly", "anki", cli("anki", str(tmp / "ro/mini.yaml"), "-o", str(tmp / "out")), tmp)
            print("   apkg written:", (tmp / "out/mini.apkg").exists())
            subprocess.run(["umount", "-q", str(tmp / "ro")])
    probe("lock-not-utf8", lock(b"\xff\xfe{}"))
    probe("lock-directory", lock("dir"))
    probe("lock-nested", lock(b"[" * 100000 + b"]" * 100000))
    probe("lock-huge-mod", lock(_json.dumps({"x": {"hash": "a", "mod": 2**70}}).encode()))
    probe("lock-big-int", lock(b'{"x": {"hash": "a", "mod": ' + b"9" * 5000 + b"}}"))
    probe(
        "broken-pipe",
        lambda *a: None,
        "questions",
        shell=lambda tmp, deck: " ".join(cli("questions", str(deck))) + " | head -1 >/dev/null",
    )

    def fifo(tmp, d, deck):
        os.mkfifo(tmp / "fifo")
        return ["--article", str(tmp / "fifo")]

    probe("article-fifo", fifo, "check")
    probe("article-device", lambda *a: ["--article", "/dev/zero"], "check")
    probe("article-dir", lambda tmp, *a: ["--article", str(tmp)], "check")

    def own_fifo(tmp, d, deck):
        os.mkfifo(d / "art.txt")
        deck.write_text(MINI.replace("  date: 2020-02-01\n", "  date: 2020-02-01\n  article: art.txt\n"))

    probe("source-article-fifo", own_fifo, "check")

    def own_dir(tmp, d, deck):
        deck.write_text(MINI.replace("  date: 2020-02-01\n", "  date: 2020-02-01\n  article: .\n"))

    probe("source-article-dir", own_dir, "check")

    def deck_fifo(tmp, d, deck):
        deck.unlink()
        os.mkfifo(deck)

    probe("deck-fifo", deck_fifo, "check")

    def two_decks_same_slug(tmp, d, deck):
        other = MINI.replace("1700000", "1800000")
        (d / "other.yaml").write_text(other)
        return [str(d / "other.yaml"), "-o", str(tmp / "out")]

    probe("same-slug-two-decks", two_decks_same_slug, "anki")

    def small_quiz(tmp, d, deck):
        return ["-o", str(tmp / "out"), "--count", "200"]

    if not names or "quiz-too-small" in names:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            d, deck = setup(tmp)
            execute("quiz-too-small", "build", cli("build", str(deck), "-o", str(tmp / "out"), "--count", "200"), tmp)
            print(
                "   left in out:",
                sorted(p.name for p in (tmp / "out").iterdir()) if (tmp / "out").exists() else None,
                "lock:",
                (d / "mini.lock.json").exists(),
            )


if __name__ == "__main__" and os.environ.get("PROBE_ENV"):
    env_probes(sys.argv[1:])
