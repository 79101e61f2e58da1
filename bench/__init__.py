"""Benchmark of studyaid's pipeline on synthetic fact bases and the real article (``python -m bench``).

Each measured step runs in a fresh subprocess (``bench.worker``) so that its peak resident memory is
its own; inputs are prepared there before the clock starts and outputs saved after it stops.
Modules: ``synthetic`` makes the decks, ``steps`` and ``baselines`` are what gets timed, ``worker``
times one step, ``runner`` starts workers, ``commands`` times the CLI, ``machine`` describes the
computer, ``analysis`` derives ratios, growth and targets, ``report`` prints the table.
"""
