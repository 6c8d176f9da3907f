"""chrF's match statistics of many text pairs in one numpy pass: sacrebleu's numbers, per pair.

mtqa.metrics.chrf_arrays takes one pair in ~25 numpy calls. A numpy call costs ~1 µs in a loop
that does nothing else, but ~3 µs in a real run, where the rules between two segments push
numpy's code and tables out of the CPU caches: the calls, not the data, are most of a pair's
cost (~85 µs of ~30 µs of work). The engine therefore hands the metrics the pairs of the next
few segments at once (`MetricSuite.prepare`), and this module counts them with the same ~25
calls for the whole group: ~45 µs a pair in a run instead of ~85.

The method is chrf_arrays' (read its docstring), extended to many pairs:
- all texts are concatenated, each pair as translation, PAD x `PH`, reference, PAD x `PR`, and
  every character becomes its rank among the group's distinct characters, plus one (digits are
  never 0). `PH` and `PR` are characters of their own, so a key holding one is found on one
  side only: the windows that run past a text (or start in its padding) never match;
- the key of the n-gram starting at position i of order n is built by shifting the order n-1
  key left and adding the next digit; it is shifted left once more for the side tag (0
  translation, 1 reference: the padding rows count as reference, which no translation key
  equals) and the pair's number is put above the 6 digits, so one sort groups the keys by
  pair, then order (an order's keys lie in their own range: the first digit is never 0), then
  n-gram, translation copies first;
- every position of a pair yields one key of each order, so the group (pair, order) is a known
  number of consecutive keys: the matches of a group are the matched runs up to its end.
A group whose keys would need more than 63 bits (many distinct characters: Chinese, Japanese)
is split in halves; a single pair that still does not fit is left to the caller (None).
Tests compare every pair with the Counters' statistics.
"""
from __future__ import annotations

import numpy as np

from mtqa.metrics.chrf_arrays import matched_runs
from mtqa.metrics.ngrams import CHRF_ORDER

#: Padding after a text so that each of its positions starts a full window.
PAD = CHRF_ORDER - 1
#: Padding characters (noncharacters: a text that has one is left to the per-pair path).
PH, PR = "\U0010FFFE", "\U0010FFFF"
#: Pairs counted together at most: past ~32 the arrays outgrow the CPU caches and cost more
#: per key than the calls they save.
GROUP = 32


def batch_stats(pairs: list[tuple[str, str]]) -> list[list[int] | None]:
    """sacrebleu's chrF statistics of each (translation, reference) pair (6 orders, no word
    n-grams: [hyp n-grams, ref n-grams, matches] per order), None for a pair not counted here."""
    out: list[list[int] | None] = []
    for i in range(0, len(pairs), GROUP):
        out += _group(pairs[i:i + GROUP])
    return out


def _group(pairs: list[tuple[str, str]]) -> list[list[int] | None]:
    if not pairs:
        return []
    hl = ["".join(h.split()) for h, _ in pairs]  # sacrebleu's chrF ignores whitespace
    rl = ["".join(r.split()) for _, r in pairs]
    k = len(pairs)
    ph, pr = PH * PAD, PR * PAD
    text = "".join([x for a, b in zip(hl, rl) for x in (a, ph, b, pr)]) + pr
    if text.count(PH) != PAD * k or text.count(PR) != PAD * (k + 1):
        return _split(pairs)  # a text holds a padding character
    # One UTF-32 unit per character, lone surrogates included.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars, d = np.unique(codes, return_inverse=True)
    bits = len(chars).bit_length()  # digits 1 .. len(chars)
    pair_shift = CHRF_ORDER * bits + 1
    if pair_shift + (k - 1).bit_length() > 63:
        return _split(pairs)
    d = d.astype(np.int64, copy=False)
    d += 1
    n_rows = len(d) - PAD
    la = [len(x) for x in hl]
    lb = [len(x) for x in rl]
    # Rows of pair j: its translation (tag 0), then padding, reference, padding (tag 1).
    runs = np.empty(2 * k, dtype=np.int64)
    runs[0::2] = la
    runs[1::2] = lb
    runs[1::2] += 2 * PAD
    ids = np.arange(2 * k, dtype=np.int64)
    row_tag = np.repeat((ids >> 1 << pair_shift) | (ids & 1), runs)
    keys = np.empty((CHRF_ORDER, n_rows), dtype=np.int64)
    keys[0] = d[:n_rows]
    for n in range(1, CHRF_ORDER):
        np.left_shift(keys[n - 1], bits, out=keys[n])
        keys[n] |= d[n:n + n_rows]
    keys <<= 1
    keys += row_tag
    t = keys.ravel()
    t.sort()
    starts, _, matched = matched_runs(t)
    total = np.zeros(len(matched) + 1, dtype=np.int64)
    np.cumsum(matched, out=total[1:])
    # Group (pair j, order n) is the next la+lb+2*PAD keys; a match is counted at its
    # translation run, which lies in the group of both runs.
    ends = np.cumsum(np.repeat(runs[0::2] + runs[1::2], CHRF_ORDER))
    cum = total[np.minimum(starts.searchsorted(ends), len(matched))]
    per = np.diff(cum, prepend=0).tolist()
    out: list[list[int] | None] = []
    i = 0
    for a, b in zip(la, lb):
        stats: list[int] = []
        for n in range(CHRF_ORDER):
            r_count = b - n if b > n else 0
            # sacrebleu counts no hypothesis n-grams of an order the reference has none of
            stats += ((a - n if a > n else 0) if r_count else 0, r_count, per[i])
            i += 1
        out.append(stats)
    return out


def _split(pairs: list[tuple[str, str]]) -> list[list[int] | None]:
    if len(pairs) == 1:
        return [None]
    half = len(pairs) // 2
    return _group(pairs[:half]) + _group(pairs[half:])
