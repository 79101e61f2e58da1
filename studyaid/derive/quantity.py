"""Derivations over general quantities (any unit pint knows: km/h, t/year, MW) and durations.

A quantity and a duration are stated figures like an amount, so they share its answers: the
figure, the figure as stated (ranges included) and, for non-metric units, the metric value.
"""

from __future__ import annotations

from .amount import amount_metric, amount_stated, amount_value, converts_to_metric, single
from .base import Derivation

DERIVATIONS = (
    Derivation("quantity", "value", amount_value, numeric=True, applies=single),
    Derivation("quantity", "stated", amount_stated),
    Derivation("quantity", "metric", amount_metric, numeric=True, applies=converts_to_metric),
    Derivation("duration", "value", amount_value, numeric=True, applies=single),
    Derivation("duration", "stated", amount_stated),
)
