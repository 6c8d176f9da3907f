"""chrF's match statistics of one text pair with numpy: sacrebleu's numbers, about 6x faster.

sacrebleu counts each order's character n-grams of both texts in Counters of strings (~600 new
strings a sentence) and matches them in Python. Here each character is a small number (a
"digit" of `bits` bits: its code point when the pair's code points are all small, else its rank
among the pair's distinct characters, plus one), and an n-gram of up to six characters is one
int64 packing its digits, exactly: two n-grams have equal keys when they are the same
characters. The keys of all six orders of both texts are made by one small matrix product
(every text position times the 6 window offsets) and sorted together, so the whole pair costs
about 25 numpy calls instead of ~60 (3 binary searches and 2 sorts per order before); a call
costs ~1 µs whatever its size at sentence length, so the count of calls is what matters.

Why the keys of one sorted array can be matched without per-order bookkeeping:
- digits are never 0, so an n-gram's key lies in [2**(bits*(n-1)), 2**(bits*n)): the orders
  occupy disjoint ranges and come out of the sort one after the other;
- each key is shifted left by one and tagged with its side (0 translation, 1 reference), so a
  key's translation copies are one run of equal values, directly followed by its reference copies;
- the windows that run past a text's end read padding: 0 after the translation, an unused digit
  (`spare`) after the reference. Such keys hold a digit no real n-gram of the other side has, so
  they never match and need not be cut out; the translation has exactly `lh` keys per order.
The matches of an order are then the sum, over keys present on both sides, of the smaller run.
Tests compare the counts with sacrebleu's.

A pair with more distinct characters than 10 bits can number (over 1,022: long documents in
Chinese or Japanese) is left to the Counters (`pair_stats` returns None). numpy comes with
sacrebleu; it is imported at the first pair, not with mtqa.
"""
from __future__ import annotations

import numpy as np

from mtqa.metrics.ngrams import CHRF_ORDER

#: Shortest text (without whitespace) the arrays take: every order then has n-grams on both
#: sides. Shorter ones go through Counters.
MIN_CHARS = CHRF_ORDER
#: Bits a digit may take: six digits and the side tag fit in an int64 (61 bits).
MAX_BITS = 10
#: Padding after each text so that every position starts a full window of CHRF_ORDER digits.
_PAD = CHRF_ORDER - 1

_WEIGHTS: dict[int, np.ndarray] = {}
_ORDER_STARTS: dict[int, np.ndarray] = {}


def _weights(bits: int) -> np.ndarray:
    """W with (window @ W)[n] = the tagged key of the n+1-gram starting the window (tag bit 0)."""
    w = _WEIGHTS.get(bits)
    if w is None:
        w = np.zeros((CHRF_ORDER, CHRF_ORDER), dtype=np.int64)
        for n in range(CHRF_ORDER):
            for j in range(n + 1):
                w[j, n] = 2 << (bits * (n - j))  # digit j of n+1, above the tag bit
        _WEIGHTS[bits] = w
    return w


def _order_starts(bits: int) -> np.ndarray:
    """The smallest tagged key of each order from 2 to 6."""
    t = _ORDER_STARTS.get(bits)
    if t is None:
        t = _ORDER_STARTS[bits] = np.array([2 << (bits * n) for n in range(1, CHRF_ORDER)], dtype=np.int64)
    return t


def _digits(line_h: str, line_r: str) -> tuple[np.ndarray | None, int]:
    """(translation digits, 0 * _PAD, reference digits, room for CHRF_ORDER pads) and the spare
    digit, or (None, 0) when the pair has too many distinct characters."""
    lh, lr = len(line_h), len(line_r)
    if "\x00" not in line_h and "\x00" not in line_r:  # code points are non-zero digits
        # One UTF-32 unit per character, lone surrogates included: the array is the code points.
        text = line_h + "\x00" * _PAD + line_r + "\x00" * CHRF_ORDER
        d = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        spare = int(d.max()) + 1
        if spare < 1 << MAX_BITS:
            return d, spare
    codes = np.frombuffer((line_h + line_r).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars, rank = np.unique(codes, return_inverse=True)
    spare = len(chars) + 1
    if spare >= 1 << MAX_BITS:
        return None, 0
    d = np.zeros(lh + lr + _PAD + CHRF_ORDER, dtype=np.int64)
    d[:lh] = rank[:lh]
    d[:lh] += 1
    d[lh + _PAD:lh + _PAD + lr] = rank[lh:]
    d[lh + _PAD:lh + _PAD + lr] += 1
    return d, spare


def matched_runs(t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of sorted tagged keys `t` (an n-gram key shifted left one bit, the low bit set for the
    reference's): the start position and the value of each run of equal keys, and for each
    pair of neighbouring runs the matches they make: a translation run directly followed by the
    same key's reference run (values differing in the tag bit only) matches the smaller of the
    two lengths, any other pair 0."""
    n = len(t)
    new = np.empty(n + 1, dtype=bool)
    new[0] = new[n] = True
    np.not_equal(t[1:], t[:-1], out=new[1:n])
    starts = np.flatnonzero(new)
    lengths = starts[1:] - starts[:-1]
    values = t[starts[:-1]]
    both = (values[1:] ^ values[:-1]) == 1
    matched = np.minimum(lengths[:-1], lengths[1:])
    matched *= both
    return starts, values, matched


def pair_stats(hyp: str, ref: str) -> list[int] | None:
    """sacrebleu's chrF statistics of `hyp` against one reference (6 orders, no word n-grams:
    [hyp n-grams, ref n-grams, matches] per order), or None for a pair the arrays do not take."""
    line_h, line_r = "".join(hyp.split()), "".join(ref.split())  # sacrebleu's chrF ignores whitespace
    lh, lr = len(line_h), len(line_r)
    if lh < MIN_CHARS or lr < MIN_CHARS:
        return None
    d, spare = _digits(line_h, line_r)
    if d is None:
        return None
    d[lh + _PAD + lr:] = spare
    bits = spare.bit_length()
    # Row i: the CHRF_ORDER digits from position i (a strided view, no copy); one row past the
    # reference's last position is all spares: its keys are the largest, a sentinel for `take`.
    windows = np.ndarray((len(d) - _PAD, CHRF_ORDER), np.int64, d, 0, (8, 8))
    keys = windows @ _weights(bits)
    keys[lh:] |= 1
    t = np.concatenate((keys[:lh], keys[lh + _PAD:]), axis=None)
    t.sort()
    _, values, matched = matched_runs(t)
    total = matched.cumsum()
    # Runs before the first key of orders 2..6; order 1 always has runs (lh >= MIN_CHARS).
    ends = values[:-1].searchsorted(_order_starts(bits))
    cum = total.take(ends - 1).tolist()
    cum.append(int(total[-1]))
    stats: list[int] = []
    prev = 0
    for i in range(CHRF_ORDER):
        stats += (lh - i, lr - i, cum[i] - prev)
        prev = cum[i]
    return stats
