"""Metric names and defaults, kept apart from the sacrebleu adapter so that the command line can
offer them without importing sacrebleu."""
from __future__ import annotations

METRIC_NAMES = ("bleu", "chrf", "chrf++", "ter")
DEFAULT_METRICS = ("bleu", "chrf")

#: `mtqa compare`: sacrebleu's default number of paired-bootstrap resamples, the significance level
#: of the paired test, and how many most-different segments to show.
DEFAULT_SAMPLES = 1000
DEFAULT_ALPHA = 0.05
DEFAULT_TOP = 10
