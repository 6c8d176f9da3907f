"""The distribution of sentence-level scores and the worst items, kept in constant memory.

A batch of a million segments must not keep a million scores to draw a histogram or find the
ten worst: the histogram has fixed bins (chrF and BLEU live in [0, 100]) and the worst items
sit in a bounded heap, so both are updated as results stream past. The items are segments
(segment mode) or aligned sentences of a document (`--doc --ref`).
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable

#: Bin edges: [0, 10), [10, 20) ... [90, 100]; the last bin includes 100.
EDGES = tuple(range(0, 101, 10))
WORST_N = 10
#: The score the distribution is drawn for, in order of preference among the run's metrics.
PREFERRED = ("chrf", "chrf++", "bleu")


def pick_metric(names) -> str | None:
    """The metric to draw: chrF when the run computes it (TER alone has no [0, 100] scale)."""
    for name in PREFERRED:
        if name in names:
            return name
    return None


@dataclass(frozen=True, slots=True)
class Item:
    """One scored segment or sentence: where it is, its score and a short excerpt for display."""

    score: float
    id: str
    index: int
    sentence: int | None = None          # position among a document's aligned sentences
    hyp: tuple[int, int] | None = None   # the sentence's span in the document
    ref: tuple[int, int] | None = None
    excerpt: str = ""                    # the start of the hyp text (display only, not JSON)
    line: int | None = None              # 1-based line of the sentence in the document (display only)

    def as_dict(self, metric: str) -> dict:
        out: dict = {"id": self.id, "index": self.index}
        if self.sentence is not None:
            out["sentence"] = self.sentence
            out["hyp"] = list(self.hyp) if self.hyp else None
            out["ref"] = list(self.ref) if self.ref else None
        out[metric] = self.score
        return out


class Lowest:
    """The `n` items with the lowest keys offered so far (ties: the earlier one stays).

    A max-heap of size `n` (keys negated, with a sequence number so items are never compared);
    an item is built by `make_item()` only when it enters the heap, which is rare once full.
    """

    def __init__(self, n: int):
        self.n = n
        self._heap: list = []
        self._seq = 0

    def offer(self, key: float, make_item: Callable[[], object]) -> None:
        if self.n <= 0:
            return
        entry_key = (-key, -self._seq)
        self._seq += 1
        if len(self._heap) < self.n:
            heapq.heappush(self._heap, (entry_key, make_item()))
        elif entry_key > self._heap[0][0]:  # lower than the highest kept (an equal key comes later: it loses)
            heapq.heapreplace(self._heap, (entry_key, make_item()))

    def __len__(self) -> int:
        return len(self._heap)

    def items(self) -> list:
        """The kept items, lowest key first (earlier items first among equals)."""
        return [item for _, item in sorted(self._heap, key=lambda kv: (-kv[0][0], -kv[0][1]))]


@dataclass
class ScoreDistribution:
    """Running histogram, mean, min/max and the `worst_n` lowest scores of one metric."""

    metric: str
    level: str = "segment"               # "segment" or "sentence"
    worst_n: int = WORST_N
    counts: list[int] = field(default_factory=lambda: [0] * (len(EDGES) - 1))
    count: int = 0
    total: float = 0.0
    low: float | None = None
    high: float | None = None
    _worst: Lowest = field(init=False, repr=False)

    def __post_init__(self):
        self._worst = Lowest(self.worst_n)

    def add(self, score: float, make_item: Callable[[], Item]) -> None:
        """Count a score; `make_item` builds its Item only if it joins the worst (that is rare)."""
        self.count += 1
        self.total += score
        self.low = score if self.low is None else min(self.low, score)
        self.high = score if self.high is None else max(self.high, score)
        self.counts[bin_of(score)] += 1
        self._worst.offer(score, make_item)

    @property
    def mean(self) -> float | None:
        return round(self.total / self.count, 4) if self.count else None

    def worst(self) -> list[Item]:
        """The kept items, lowest score first (earlier items first among equals)."""
        return self._worst.items()

    def as_dict(self) -> dict:
        return {
            "metric": self.metric,
            "level": self.level,
            "count": self.count,
            "mean": self.mean,
            "min": self.low,
            "max": self.high,
            "histogram": {"edges": list(EDGES), "counts": list(self.counts)},
            "worst": [item.as_dict(self.metric) for item in self.worst()],
        }


def bin_of(score: float) -> int:
    """Index of the histogram bin of a score in [0, 100] (clamped; 100 falls in the last bin)."""
    k = int(score // 10)
    return min(max(k, 0), len(EDGES) - 2)
