"""Monotone alignment of two sequences of units (sentences, paragraphs) by dynamic programming.

Generic and pure: the caller says how similar a run of units on one side is to a run of units
on the other (`similarity(a_start, a_end, b_start, b_end) -> [0, 1]`, half-open index ranges),
and `align` finds the order-preserving links that maximise the total gain, allowing 1-1 links,
merges (1-2, 2-1 by default) and skips (1-0, 0-1: a unit with no counterpart). The reference
aligner of documents uses chrF as the similarity (`mtqa.align.document`); a source aligner can plug in
length ratios and anchors (numbers, names) instead.

Gain of a link = (similarity - threshold - merge_penalty * (units - 2)) * weight, where weight is
the summed weight of the linked units (their length, say, so a long sentence counts for more
than a dateline); a skip gains 0. A link is therefore only made when the runs are more alike
than `threshold`, and a merge only when it is clearly better than a 1-1 link plus a skip. This
is the Gale-Church / Vecalign family of aligners with the similarity left to the caller.

Cost: (n + 1) * (m + 1) cells, one similarity call per cell and move, so callers cache their
similarity per range; `band` limits the search to a diagonal band for long inputs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

#: (units taken from a, units taken from b); (1, 0) and (0, 1) are skips.
Move = tuple[int, int]
DEFAULT_MOVES: tuple[Move, ...] = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))

Similarity = Callable[[int, int, int, int], float]
MergeAllowed = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class Link:
    """Units a[a_start:a_end] correspond to b[b_start:b_end]; one side is empty for a skip."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float | None = None  # None for a skip

    @property
    def a(self) -> range:
        return range(self.a_start, self.a_end)

    @property
    def b(self) -> range:
        return range(self.b_start, self.b_end)

    @property
    def kind(self) -> str:
        """`1-1`, `1-2`, `2-1`, `1-0` (a only), `0-1` (b only)..."""
        return f"{self.a_end - self.a_start}-{self.b_end - self.b_start}"

    @property
    def is_skip(self) -> bool:
        return self.a_start == self.a_end or self.b_start == self.b_end


def _band_limits(n: int, m: int, band: int | None):
    """For each i, the first and last j the search may visit: all, or a band around the diagonal."""
    if band is None or n == 0 or m == 0:
        return lambda i: (0, m)
    width = band + abs(n - m)

    def limits(i: int) -> tuple[int, int]:
        centre = i * m / n
        return max(0, int(centre - width)), min(m, int(centre + width) + 1)

    return limits


def span_weights(spans: Sequence[tuple[int, int]]) -> list[float]:
    """Weights of (start, end) spans: their lengths (a long sentence counts for more)."""
    return [float(end - start) for start, end in spans]


def align(a_units: Sequence, b_units: Sequence, similarity: Similarity, *,
          threshold: float = 0.3,
          merge_penalty: float = 0.05,
          weights_a: Sequence[float] | None = None,
          weights_b: Sequence[float] | None = None,
          moves: Sequence[Move] = DEFAULT_MOVES,
          can_merge_a: MergeAllowed | None = None,
          can_merge_b: MergeAllowed | None = None,
          band: int | None = None) -> list[Link]:
    """Align the units of side a with those of side b; links in order, covering both sides.

    Units are anything (sentence spans, say): the aligner only counts them, and calls
    `similarity(i, j, k, l)` for a_units[i:j] against b_units[k:l]. `can_merge_a(i, j)` says
    whether a_units[i:j] may form one side of a link (e.g. only within a paragraph); by default
    any run may. Weights default to 1 a unit (`span_weights` gives span lengths). Ties go to
    the move listed first in `moves`.
    """
    n, m = len(a_units), len(b_units)
    wa = list(weights_a) if weights_a is not None else [1.0] * n
    wb = list(weights_b) if weights_b is not None else [1.0] * m
    if len(wa) != n or len(wb) != m:
        raise ValueError("one weight per unit is needed on each side")
    for da, db in moves:
        if da < 0 or db < 0 or da + db == 0:
            raise ValueError(f"bad move {(da, db)}")
    # Prefix sums: the weight of a run is a difference of two of them.
    pa = [0.0]
    for w in wa:
        pa.append(pa[-1] + w)
    pb = [0.0]
    for w in wb:
        pb.append(pb[-1] + w)
    limits = _band_limits(n, m, band)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float | None] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        lo, hi = limits(i)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top, choice = neg, None
            for da, db in moves:
                pi, pj = i - da, j - db
                if pi < 0 or pj < 0:
                    continue
                prev = best[pi][pj]
                if prev == neg:
                    continue
                if da > 1 and can_merge_a is not None and not can_merge_a(pi, i):
                    continue
                if db > 1 and can_merge_b is not None and not can_merge_b(pj, j):
                    continue
                if da == 0 or db == 0:
                    gain, sim = 0.0, None
                else:
                    sim = similarity(pi, i, pj, j)
                    weight = (pa[i] - pa[pi]) + (pb[j] - pb[pj])
                    gain = (sim - threshold - merge_penalty * (da + db - 2)) * weight
                if prev + gain > top:
                    top, choice = prev + gain, (da, db, sim)
            best[i][j] = top
            back[i][j] = choice
    if best[n][m] == neg:  # only possible with a band or moves that cannot reach the corner
        raise ValueError("no alignment reaches the end of both sides (widen the band or add skips)")
    links: list[Link] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        da, db, sim = step
        links.append(Link(i - da, i, j - db, j, sim))
        i, j = i - da, j - db
    links.reverse()
    return links
