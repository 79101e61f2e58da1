"""Exporters: one module per output format. Each takes a deck and its questions and writes files
into an output folder, atomically. Only an exporter imports its output library."""
