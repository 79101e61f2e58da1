"""Draw the seeded random sample of questions a review reads against the article.

    studyaid questions --format json --quiet | python docs/reviews/sample.py SEED [N]

prints N (default 50) questions chosen with ``random.Random(SEED).sample`` from the JSON on
stdin, numbered, each with its id, prompt, options or items, answer and source sentences, so
that anyone can redraw exactly the sample a review record names.
"""

from __future__ import annotations

import json
import random
import sys


def main(argv: list[str]) -> int:
    seed = int(argv[1])
    count = int(argv[2]) if len(argv) > 2 else 50
    questions = json.load(sys.stdin)
    chosen = random.Random(seed).sample(questions, min(count, len(questions)))
    for n, q in enumerate(chosen, 1):
        print(f"{n}. [{q['id']}] ({q['form']})")
        print(f"   Q: {q['prompt']}")
        for label, values in (("items", q.get("items")), ("options", q.get("options"))):
            if values and q["form"] != "true-false":
                print(f"   {label}: " + " | ".join(values))
        print(f"   A: {q['answer']}")
        for source in q["sources"]:
            print(f"   S: {source['quote']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
