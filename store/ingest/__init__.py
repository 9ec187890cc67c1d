"""The reseed pipeline: read -> clean -> segment -> extract -> load, one module per step."""
