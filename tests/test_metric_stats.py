"""Score distribution: fixed bins, running mean/min/max and a bounded heap of the worst items."""
import random

import pytest

from mtqa.metrics.distribution import (
    EDGES,
    Item,
    ScoreDistribution,
    bin_of,
    pick_metric,
)


def feed(dist, scores):
    for i, s in enumerate(scores):
        dist.add(s, lambda i=i, s=s: Item(s, f"seg{i}", i))


@pytest.mark.parametrize("score,k", [(0, 0), (9.99, 0), (10, 1), (55.5, 5), (99.9, 9), (100, 9), (-1, 0), (130, 9)])
def test_bins(score, k):
    assert bin_of(score) == k


def test_histogram_mean_min_max():
    dist = ScoreDistribution("chrf")
    feed(dist, [5, 15, 15, 100, 42])
    assert dist.counts == [1, 2, 0, 0, 1, 0, 0, 0, 0, 1]
    assert (dist.count, dist.mean, dist.low, dist.high) == (5, 35.4, 5, 100)
    d = dist.as_dict()
    assert d["histogram"] == {"edges": list(EDGES), "counts": dist.counts}


def test_worst_equals_a_full_sort_and_memory_is_bounded():
    rng = random.Random(7)
    scores = [round(rng.uniform(0, 100), 1) for _ in range(5000)]
    dist = ScoreDistribution("chrf", worst_n=10)
    feed(dist, scores)
    expected = sorted(range(len(scores)), key=lambda i: (scores[i], i))[:10]
    assert [item.index for item in dist.worst()] == expected
    assert len(dist._worst) == 10


def test_ties_keep_the_earlier_item():
    dist = ScoreDistribution("chrf", worst_n=2)
    feed(dist, [50, 10, 10, 10, 70])
    assert [item.id for item in dist.worst()] == ["seg1", "seg2"]


def test_items_are_built_only_when_kept():
    built = []
    dist = ScoreDistribution("chrf", worst_n=1)
    for i, s in enumerate([10, 20, 30, 5]):
        dist.add(s, lambda i=i, s=s: built.append(i) or Item(s, str(i), i))
    assert built == [0, 3]


def test_sentence_items_carry_spans():
    item = Item(61.5, "doc", 0, sentence=3, hyp=(10, 40), ref=(8, 30))
    assert item.as_dict("chrf") == {"id": "doc", "index": 0, "sentence": 3, "hyp": [10, 40], "ref": [8, 30],
                                    "chrf": 61.5}


def test_pick_metric():
    assert pick_metric(("bleu", "chrf")) == "chrf"
    assert pick_metric(("bleu", "ter")) == "bleu"
    assert pick_metric(("ter",)) is None
