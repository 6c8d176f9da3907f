"""Metrics: the sacrebleu adapter, score distributions, and the comparison of two systems."""
