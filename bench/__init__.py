"""Benchmark of studyaid's pipeline on synthetic fact bases and the real article (``python -m bench``).

Each measured step runs in a fresh subprocess (``bench.worker``) so that its peak resident memory
is its own; inputs are prepared there before the clock starts and outputs saved after it stops.
A run measures a frozen copy of the commit at HEAD, so commits made while it runs do not mix in.

Modules, one job each:

- ``synthetic``: deterministic deck files of any size, valid per the loader;
- ``steps``: the studyaid calls that are timed (load, generate, anki, quiz);
- ``baselines``: genanki alone and Typst alone on the same content;
- ``typst_calls``: records the documents studyaid compiles, for the Typst baseline;
- ``worker``: times one step in its own process; ``measure``: memory, time limit, memory cap;
- ``runner``: starts workers, repeats runs, alternates a step with its baseline;
- ``store``: hands loaded decks and questions from one worker to the next;
- ``snapshot``: the frozen copy of the code; ``machine``: the computer and versions;
- ``commands``: wall time of whole ``studyaid`` commands;
- ``analysis``: ratios, cost per fact, growth and targets; ``report``: the printed table.
"""
