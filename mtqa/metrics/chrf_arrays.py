"""chrF's match statistics of one text pair with numpy: sacrebleu's numbers, about 2x faster.

sacrebleu counts each order's character n-grams of both texts in Counters of strings (~600 new
strings a sentence) and matches them in Python. Here a text is one array of code points and an
n-gram is one integer: orders 1-3 pack their 21-bit code points into an int64 exactly; orders
4-6 build on the rank of the 3-gram they start with (a 3-gram and a character, a 3-gram and a
2-gram, two 3-grams). The matches of an order are the sum, over the n-grams both texts have, of
the smaller of their two counts: one sort of both texts' keys (`np.unique`) and two bincounts.
Keys are equal exactly when the n-grams are, so the counts are sacrebleu's (tests compare them).

numpy comes with sacrebleu; it is imported at the first pair, not with mtqa.
"""
from __future__ import annotations

import numpy as np

#: Shortest text (without whitespace) the arrays take; shorter ones go through Counters.
MIN_CHARS = 6
#: Ranks of 3-grams must fit in 20 bits to be packed with two more characters.
MAX_TRIGRAMS = 1 << 20


def _codes(text: str) -> np.ndarray:
    line = "".join(text.split())  # sacrebleu's chrF ignores whitespace
    # One UTF-32 unit per character, lone surrogates included: the array is the code points.
    return np.frombuffer(line.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _matches(kh: np.ndarray, kr: np.ndarray) -> tuple[int, np.ndarray]:
    """Matches of two key arrays (sum of min counts over shared keys), and the rank of each key."""
    nh = len(kh)
    uniq, rank = np.unique(np.concatenate((kh, kr)), return_inverse=True)
    m = len(uniq)
    return int(np.minimum(np.bincount(rank[:nh], minlength=m), np.bincount(rank[nh:], minlength=m)).sum()), rank


def pair_stats(hyp: str, ref: str) -> list[int] | None:
    """sacrebleu's chrF statistics of `hyp` against one reference (6 orders, no word n-grams:
    [hyp n-grams, ref n-grams, matches] per order), or None for a text too short or too long."""
    ch, cr = _codes(hyp), _codes(ref)
    lh, lr = len(ch), len(cr)
    if lh < MIN_CHARS or lr < MIN_CHARS or lh + lr >= MAX_TRIGRAMS:
        return None
    stats: list[int] = []
    for kh, kr in ((ch, cr), ((ch[:-1] << 21) | ch[1:], (cr[:-1] << 21) | cr[1:])):
        stats += (len(kh), len(kr), _matches(kh, kr)[0])
    h3 = (ch[:-2] << 42) | (ch[1:-1] << 21) | ch[2:]
    r3 = (cr[:-2] << 42) | (cr[1:-1] << 21) | cr[2:]
    matched, rank = _matches(h3, r3)
    stats += (len(h3), len(r3), matched)
    th, tr = rank[:len(h3)], rank[len(h3):]  # 3-gram ranks, < 2**20
    for kh, kr in (((th[:-1] << 21) | ch[3:], (tr[:-1] << 21) | cr[3:]),
                   ((th[:-2] << 42) | (ch[3:-1] << 21) | ch[4:], (tr[:-2] << 42) | (cr[3:-1] << 21) | cr[4:]),
                   ((th[:-3] << 20) | th[3:], (tr[:-3] << 20) | tr[3:])):
        stats += (len(kh), len(kr), _matches(kh, kr)[0])
    return stats
